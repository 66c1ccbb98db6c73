"""Item analysis checked against a hand computation (written out below) on a small sitting."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from desktop.exam.analysis import Answer, Sheet, analyse, correlation, cronbach_alpha

Q = {
    1: SimpleNamespace(
        type="单选题",
        category="行政处罚法",
        difficulty="易",
        stem="一",
        answer="A",
        options=["a", "b", "c", "d"],
    ),
    2: SimpleNamespace(
        type="单选题",
        category="行政处罚法",
        difficulty="中",
        stem="二",
        answer="A",
        options=["a", "b", "c", "d"],
    ),
    3: SimpleNamespace(
        type="判断题", category="行政强制法", difficulty="难", stem="三", answer="正确", options=[]
    ),
}


def sheet(no: str, answers: list[tuple[int, float, str | None]]) -> Sheet:
    total = sum(s for _, s, _ in answers)
    return Sheet(no, "甲局", total, total >= 2, tuple(Answer(q, s, 1.0, r) for q, s, r in answers))


# Scores (1 point each, the responses in the bank's letters):
#        Q1      Q2      Q3      total
#  C1    1 (A)   1 (A)   1 (正确)  3
#  C2    1 (A)   0 (B)   1 (正确)  2
#  C3    0 (C)   1 (A)   0 (错误)  1
#  C4    0 (—)   0 (C)   0 (—)     0
SHEETS = [
    sheet("1", [(1, 1, "A"), (2, 1, "A"), (3, 1, "正确")]),
    sheet("2", [(1, 1, "A"), (2, 0, "B"), (3, 1, "正确")]),
    sheet("3", [(1, 0, "C"), (2, 1, "A"), (3, 0, "错误")]),
    sheet("4", [(1, 0, None), (2, 0, "C"), (3, 0, None)]),
]


def test_item_statistics_by_hand() -> None:
    items, figures = analyse(SHEETS, Q)
    by_id = {i.question_id: i for i in items}
    # facility: each question answered right by 2 of 4
    assert [by_id[q].facility for q in (1, 2, 3)] == [0.5, 0.5, 0.5]
    # upper and lower 27 %: round(0.27 × 4) = 1 candidate each: C1 (3) and C4 (0); D = 1 − 0
    assert [by_id[q].discrimination for q in (1, 2, 3)] == [1.0, 1.0, 1.0]
    # Q1 against the rest: x = 1 1 0 0, rest = 2 1 1 0 → Sxy = 1, Sxx = 1, Syy = 2 → r = 1/√2
    assert by_id[1].point_biserial == pytest.approx(1 / math.sqrt(2), abs=1e-4)
    # Q2: x = 1 0 1 0, rest = 2 2 0 0 → Sxy = 0 → r = 0
    assert by_id[2].point_biserial == 0
    assert dict(by_id[1].options) == {"A": 2, "B": 0, "C": 1, "D": 0} and by_id[1].blank == 1
    assert dict(by_id[3].options) == {"正确": 2, "错误": 1} and by_id[3].blank == 1
    # α: item variances 0.25 each (Σ 0.75), totals 3 2 1 0 → variance 1.25; α = 3/2 · (1 − 0.75/1.25) = 0.6
    assert figures["alpha"] == pytest.approx(0.6)
    assert figures["mean"] == 1.5 and figures["median"] == 1.5
    assert figures["sd"] == pytest.approx(math.sqrt(1.25), abs=1e-4)
    assert figures["sem"] == pytest.approx(math.sqrt(1.25) * math.sqrt(0.4), abs=1e-4)
    assert figures["pass_rate"] == 0.5


def test_no_alpha_when_candidates_saw_different_questions() -> None:
    other = [*SHEETS[:3], sheet("4", [(1, 0, None), (2, 0, "C")])]
    _items, figures = analyse(other, Q)
    assert figures["alpha"] is None and figures["mean"] is not None


def test_flags_for_review() -> None:
    easy = [sheet(str(n), [(1, 1, "A"), (2, float(n % 2), "A" if n % 2 else "B")]) for n in range(10)]
    items, _ = analyse(easy, Q)
    assert "easy" in {i.question_id: i for i in items}[1].flags


def test_helpers() -> None:
    assert correlation([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert correlation([1, 1, 1], [1, 2, 3]) is None
    assert cronbach_alpha([[1, 1], [0, 0]]) == pytest.approx(2 * (1 - 0.5 / 1))
