"""The demo's generated question bank: about a thousand questions, every one acceptable to the
bank's rules, unique, its answer consistent with the fact it came from, spread over types,
categories and difficulties so the demo blueprints can be met; the same bank every run."""

from __future__ import annotations

from collections import Counter, defaultdict

from desktop.demo import exam_facts as f1
from desktop.demo.exam import demo_questions
from desktop.demo.exam_bank import generated_questions, values
from desktop.exam import rules


def test_about_a_thousand_questions_every_one_acceptable_and_unique() -> None:
    questions = demo_questions()
    assert 1000 <= len(questions) <= 1300
    for q in questions:
        assert not rules.question_problems(q.type, q.stem, list(q.options), q.answer, q.category), q.stem
        assert len(set(q.options)) == len(q.options), q.stem
    fingerprints = Counter(rules.fingerprint(q.stem, q.options) for q in questions)
    assert max(fingerprints.values()) == 1
    judged: dict[str, set[str]] = defaultdict(set)
    for q in questions:
        if q.type == rules.JUDGE:
            judged["".join(q.stem.split())].add(q.answer)
    assert all(len(answers) == 1 for answers in judged.values())  # never one statement both ways


def test_spread_over_types_categories_and_difficulties() -> None:
    questions = generated_questions()
    cells = Counter((q.type, q.category, q.difficulty) for q in questions)
    by_type = Counter(q.type for q in questions)
    assert by_type[rules.SINGLE] >= 300 and by_type[rules.MULTI] >= 150 and by_type[rules.JUDGE] >= 300
    # the demo qualification blueprint: 单选 over 处罚/强制/许可 with 易 10 · 中 20 · 难 10, and more
    for level, wanted in (("易", 10), ("中", 20), ("难", 10)):
        have = sum(cells[(rules.SINGLE, c, level)] for c in (f1.PENALTY, f1.COERCION, "行政许可法"))
        assert have >= 3 * wanted, level
    assert len({q.category for q in questions}) == 6


def test_answers_follow_the_facts() -> None:
    questions = {(q.type, q.stem, q.options): q for q in generated_questions()}
    fact = values(f1.PENALTY_VALUES)[0]  # 二年, not 一年/三年/六个月
    single = next(q for (t, stem, _o), q in questions.items() if t == rules.SINGLE and stem == fact.stem)
    assert single.options[rules.LETTERS.index(single.answer)] == "二年"
    assert set(single.options) == {"二年", "一年", "三年", "六个月"}
    true = fact.stem.replace("（　　）", "二年")
    false = fact.stem.replace("（　　）", "一年")
    assert questions[(rules.JUDGE, true, ())].answer == rules.TRUE
    assert questions[(rules.JUDGE, false, ())].answer == rules.FALSE
    kinds = [q for q in questions.values() if q.stem == "下列属于行政处罚的种类的有（　　）。"]
    assert kinds
    for q in kinds:
        chosen = {q.options[rules.LETTERS.index(ch)] for ch in q.answer}
        assert chosen <= set(f1.PENALTY_SETS.split("|")[2].split("；")) and len(chosen) >= 2


def test_the_same_bank_every_run() -> None:
    assert generated_questions() == generated_questions()
