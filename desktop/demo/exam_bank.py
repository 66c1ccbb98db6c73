"""The demo county's generated question bank: the fact tables of ``exam_facts`` and
``exam_facts_more`` turned into 单选题, 多选题 and 判断题 with plausible distractors (the wrong
values and non-members written beside each fact). Seeded: the same bank every run; every question
unique (the bank's fingerprint) and answerable from its own fact."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop.demo import exam_facts as f1
from desktop.demo import exam_facts_more as f2
from desktop.exam import rules
from desktop.exam.dto import QuestionInput

SEED = "demo-exam-bank-2026"
BLANK = "（　　）"
MULTI_PER_SET = 4
"""多选题 drawn from one set's members and non-members (different combinations)."""


@dataclass(frozen=True)
class Value:
    level: str
    stem: str
    right: str
    wrong: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Members:
    level: str
    concept: str
    members: tuple[str, ...]
    others: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Statement:
    level: str
    true: str
    false: str
    source: str


def _lines(table: str) -> Iterator[list[str]]:
    for line in table.strip().splitlines():
        if line.strip():
            yield [part.strip() for part in line.split("|")]


def values(table: str) -> list[Value]:
    return [Value(lv, stem, right, tuple(w.split("；")), src) for lv, stem, right, w, src in _lines(table)]


def members(table: str) -> list[Members]:
    return [
        Members(lv, concept, tuple(m.split("；")), tuple(o.split("；")), src)
        for lv, concept, m, o, src in _lines(table)
    ]


def statements(table: str) -> list[Statement]:
    return [Statement(lv, t, f, src) for lv, t, f, src in _lines(table)]


LAWS: tuple[tuple[str, str, str, str], ...] = (
    (f1.PENALTY, f1.PENALTY_VALUES, f1.PENALTY_SETS, f1.PENALTY_STATEMENTS),
    (f1.COERCION, f1.COERCION_VALUES, f1.COERCION_SETS, f1.COERCION_STATEMENTS),
    (f2.LICENCE, f2.LICENCE_VALUES, f2.LICENCE_SETS, f2.LICENCE_STATEMENTS),
    (f2.REVIEW, f2.REVIEW_VALUES, f2.REVIEW_SETS, f2.REVIEW_STATEMENTS),
    (f2.CARD, f2.CARD_VALUES, f2.CARD_SETS, f2.CARD_STATEMENTS),
    (f2.SYSTEMS, f2.SYSTEMS_VALUES, f2.SYSTEMS_SETS, f2.SYSTEMS_STATEMENTS),
)


def _where(category: str, source: str) -> str:
    """The explanation's reference: 《行政处罚法》第三十六条, or the document itself."""
    if source.startswith("第") and category.endswith("法"):
        return f"《{category}》{source}"
    return source


def _choice(
    qtype: str,
    stem: str,
    right: Sequence[str],
    wrong: Sequence[str],
    category: str,
    level: str,
    explanation: str,
    rng: random.Random,
) -> QuestionInput:
    """A 单选题/多选题 with the options shuffled (seeded) and the answer lettered to match."""
    options = [*right, *wrong]
    rng.shuffle(options)
    answer = "".join(sorted(rules.LETTERS[options.index(o)] for o in right))
    return QuestionInput(qtype, stem, tuple(options), answer, category, level, explanation)


def _value_questions(category: str, v: Value, rng: random.Random) -> list[QuestionInput]:
    where = _where(category, v.source)
    wrong = list(v.wrong[:3])
    out = [_choice(rules.SINGLE, v.stem, [v.right], wrong, category, v.level, where, rng)]
    filled = v.stem.replace(BLANK, v.right)
    out.append(QuestionInput(rules.JUDGE, filled, (), rules.TRUE, category, v.level, where))
    mistaken = v.stem.replace(BLANK, wrong[0])
    out.append(
        QuestionInput(rules.JUDGE, mistaken, (), rules.FALSE, category, v.level, f"应为“{v.right}”，{where}")
    )
    return out


def _set_questions(category: str, s: Members, rng: random.Random) -> list[QuestionInput]:
    where = _where(category, s.source)
    out = []
    belongs = f"下列属于{s.concept}的有{BLANK}。"
    pairs = [
        (m, o) for m in (2, 3) for o in (2, 1) if m + o == 4 and m <= len(s.members) and o <= len(s.others)
    ]
    drawn: set[tuple[frozenset[str], frozenset[str]]] = set()
    tries = 0
    while len(drawn) < MULTI_PER_SET and tries < 200 and pairs:
        tries += 1
        m, o = pairs[tries % len(pairs)]
        right, wrong = rng.sample(s.members, m), rng.sample(s.others, o)
        key = (frozenset(right), frozenset(wrong))
        if key in drawn:
            continue
        drawn.add(key)
        out.append(_choice(rules.MULTI, belongs, right, wrong, category, s.level, where, rng))
    if len(s.members) >= 3:
        for odd in rng.sample(s.others, min(2, len(s.others))):
            stem = f"下列不属于{s.concept}的是{BLANK}。"
            out.append(
                _choice(rules.SINGLE, stem, [odd], rng.sample(s.members, 3), category, s.level, where, rng)
            )
    if len(s.others) >= 3:
        for one in rng.sample(s.members, min(2, len(s.members))):
            stem = f"下列属于{s.concept}的是{BLANK}。"
            out.append(
                _choice(rules.SINGLE, stem, [one], rng.sample(s.others, 3), category, s.level, where, rng)
            )
    for member in s.members:
        out.append(
            QuestionInput(
                rules.JUDGE, f"“{member}”属于{s.concept}。", (), rules.TRUE, category, s.level, where
            )
        )
    for other in s.others:
        out.append(
            QuestionInput(
                rules.JUDGE, f"“{other}”属于{s.concept}。", (), rules.FALSE, category, s.level, where
            )
        )
    return out


def _statement_questions(
    category: str, items: Sequence[Statement], rng: random.Random
) -> list[QuestionInput]:
    out = []
    for st in items:
        where = _where(category, st.source)
        out.append(QuestionInput(rules.JUDGE, st.true, (), rules.TRUE, category, st.level, where))
        out.append(QuestionInput(rules.JUDGE, st.false, (), rules.FALSE, category, st.level, where))
    if len(items) < 4:
        return out
    named = f"《{category}》的规定" if category.endswith("法") else category
    about = f"关于{named}，下列说法正确的是{BLANK}。"
    wrong_one = about.replace("正确的是", "错误的是")
    several = about.replace("正确的是", "正确的有")
    for i, st in enumerate(items):
        others = [x for j, x in enumerate(items) if j != i]
        where = _where(category, st.source)
        falses = [x.false for x in rng.sample(others, 3)]
        out.append(_choice(rules.SINGLE, about, [st.true], falses, category, st.level, where, rng))
        trues = [x.true for x in rng.sample(others, 3)]
        out.append(_choice(rules.SINGLE, wrong_one, [st.false], trues, category, st.level, where, rng))
        mates = rng.sample(others, 3)
        right = [st.true, mates[0].true, *([mates[1].true] if i % 2 else [])]
        wrong = [mates[2].false, *([] if i % 2 else [mates[1].false])]
        level = "难" if st.level == "中" and i % 3 == 0 else st.level
        out.append(_choice(rules.MULTI, several, right, wrong, category, level, where, rng))
    return out


def generated_questions() -> list[QuestionInput]:
    """Every generated question, in a fixed order, each fingerprint once."""
    rng = random.Random(SEED)
    out: list[QuestionInput] = []
    for category, value_table, set_table, statement_table in LAWS:
        for v in values(value_table):
            out += _value_questions(category, v, rng)
        for s in members(set_table):
            out += _set_questions(category, s, rng)
        out += _statement_questions(category, statements(statement_table), rng)
    seen: set[str] = set()
    unique = []
    for q in out:
        key = rules.fingerprint(q.stem, q.options)
        if key not in seen:
            seen.add(key)
            unique.append(q)
    return unique
