"""Blueprints (§7): the JSON checked, shortfalls named exactly per section and difficulty, the
seeded draw: exact counts, no question twice, the same seed giving the same papers."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from desktop.core.errors import ValidationError
from desktop.exam.blueprints import PoolQuestion, draw_paper, parse_blueprint, shortfalls, slot_pools
from desktop.exam.sittings import draw_papers, most_shared

DOC = {
    "name": "考试",
    "minutes": 90,
    "sections": [
        {
            "type": "单选题",
            "count": 6,
            "points": 1,
            "categories": ["行政处罚法"],
            "difficulty": {"易": 2, "中": 3, "难": 1},
        },
        {"type": "多选题", "count": 3, "points": 2, "partial_credit": 0.5},
        {"type": "判断题", "count": 2, "points": 1},
    ],
}


def pool(per: int = 4) -> list[PoolQuestion]:
    out, n = [], 0
    for qtype, options in (("单选题", 4), ("多选题", 5), ("判断题", 0)):
        for category in ("行政处罚法", "行政强制法"):
            for level in ("易", "中", "难"):
                for _ in range(per):
                    n += 1
                    out.append(PoolQuestion(n, qtype, category, level, options))
    return out


def test_a_blueprint_is_read_with_its_totals() -> None:
    bp = parse_blueprint(DOC)
    assert bp.question_count == 11 and bp.total_points == 14
    assert bp.effective_pass_mark == 8.4  # 60 % without a pass mark
    assert bp.sections[0].difficulty == (("易", 2), ("中", 3), ("难", 1))


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"minutes": 0}, "minutes"),
        ({"sections": []}, "sections"),
        ({"sections": [{"type": "问答题", "count": 1}]}, "sections[0].type"),
        ({"sections": [{"type": "单选题", "count": 2, "difficulty": {"易": 1}}]}, "sections[0].difficulty"),
        ({"sections": [{"type": "单选题", "count": 2, "partial_credit": 0.5}]}, "sections[0].partial_credit"),
        ({"pass_mark": 500}, "pass_mark"),
    ],
)
def test_a_wrong_blueprint_is_refused_naming_the_place(change: dict, where: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_blueprint({**DOC, **change})
    assert where in caught.value.english()


def test_shortfalls_name_the_section_the_difficulty_and_how_many() -> None:
    bp = parse_blueprint(
        {
            **DOC,
            "sections": [
                {"type": "单选题", "count": 9, "categories": ["行政处罚法"], "difficulty": {"易": 6, "中": 3}}
            ],
        }
    )
    (short,) = shortfalls(bp, pool(4))
    assert (short.section, short.difficulty, short.wanted, short.available, short.short) == (1, "易", 6, 4, 2)
    assert short.by_category == (("行政处罚法", 4),)
    assert shortfalls(parse_blueprint(DOC), pool(4)) == []


def test_two_sections_of_one_type_do_not_count_a_question_twice() -> None:
    bp = parse_blueprint(
        {
            **DOC,
            "sections": [
                {"type": "判断题", "count": 20, "points": 1},
                {"type": "判断题", "count": 5, "points": 1},
            ],
        }
    )
    (short,) = shortfalls(bp, pool(4))  # 24 判断题 in all
    assert (short.section, short.short) == (2, 1)


def test_a_paper_follows_the_blueprint_exactly() -> None:
    bp = parse_blueprint(DOC)
    questions = {q.id: q for q in pool(4)}
    for seed in range(20):
        items = draw_paper(bp, slot_pools(bp, list(questions.values())), random.Random(seed))
        ids = [i.question_id for i in items]
        assert len(ids) == len(set(ids)) == 11
        first = [questions[i] for i in ids[:6]]
        assert all(q.type == "单选题" and q.category == "行政处罚法" for q in first)
        assert Counter(q.difficulty for q in first) == {"易": 2, "中": 3, "难": 1}
        assert [questions[i].type for i in ids[6:]] == ["多选题"] * 3 + ["判断题"] * 2
        for item in items:
            q = questions[item.question_id]
            assert sorted(item.option_order) == list("ABCDEFGH"[: q.options])


def test_the_same_seed_gives_the_same_papers() -> None:
    bp = parse_blueprint(DOC)
    first = draw_papers(bp, pool(4), "2026-A", 30)
    assert first == draw_papers(bp, pool(4), "2026-A", 30)
    assert first != draw_papers(bp, pool(4), "2026-B", 30)
    assert len({tuple(i.option_order for i in p) for p in first}) > 1  # options shuffled per paper


def test_the_share_cap_holds_or_is_refused() -> None:
    bp = parse_blueprint({**DOC, "max_shared": 4})
    papers = draw_papers(bp, pool(8), "cap", 6)
    assert most_shared(papers) <= 4
    with pytest.raises(ValidationError):
        draw_papers(parse_blueprint({**DOC, "max_shared": 0}), pool(4), "cap", 10)
