"""The per-paper reliability when candidates saw different papers, checked against a hand
computation written out below; it is Cronbach's α when everyone saw the same questions."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from desktop.exam.item_stats import Answer, Sheet, analyse

Q = {
    n: SimpleNamespace(
        type="判断题", category="行政处罚法", difficulty="中", stem=str(n), answer="正确", options=[]
    )
    for n in range(1, 5)
}


def sheet(no: str, scores: dict[int, float]) -> Sheet:
    total = sum(scores.values())
    answers = tuple(Answer(q, s, 1.0, "正确" if s else "错误") for q, s in scores.items())
    return Sheet(no, "甲局", total, total >= 2, answers)


# Two paper forms: X = {Q1, Q2, Q3} (C1, C2), Y = {Q1, Q2, Q4} (C3, C4, C5).
#        Q1  Q2  Q3  Q4   total
#  C1    1   1   1   ·    3
#  C2    1   1   0   ·    2
#  C3    1   0   ·   0    1
#  C4    0   0   ·   1    1
#  C5    0   0   ·   0    0
# totals 3 2 1 1 0: mean 1.4, σ²_X = (2.56 + 0.36 + 0.16 + 0.16 + 1.96) / 5 = 1.04
# item variances over everyone who answered it: Q1 p = 3/5 → 0.24; Q2 p = 2/5 → 0.24;
#   Q3 p = 1/2 → 0.25; Q4 p = 1/3 → 2/9
# α_X = 3/2 · (1 − (0.24 + 0.24 + 0.25) / 1.04)  = 0.465 / 1.04            = 0.447115…
# α_Y = 3/2 · (1 − (0.24 + 0.24 + 2/9) / 1.04)   = 1.5 · 0.337778 / 1.04   = 0.487179…
# weighted by candidates: (2 · α_X + 3 · α_Y) / 5                         = 0.471154…
# SEM = √1.04 · √(1 − 0.471154)                                            = 0.741620…
SHEETS = [
    sheet("1", {1: 1, 2: 1, 3: 1}),
    sheet("2", {1: 1, 2: 1, 3: 0}),
    sheet("3", {1: 1, 2: 0, 4: 0}),
    sheet("4", {1: 0, 2: 0, 4: 1}),
    sheet("5", {1: 0, 2: 0, 4: 0}),
]


def test_per_paper_alpha_by_hand() -> None:
    _items, figures = analyse(SHEETS, Q)
    alpha_x = 1.5 * (1 - 0.73 / 1.04)
    alpha_y = 1.5 * (1 - (0.48 + 2 / 9) / 1.04)
    assert alpha_x == pytest.approx(0.447115, abs=1e-6) and alpha_y == pytest.approx(0.487179, abs=1e-6)
    weighted = (2 * alpha_x + 3 * alpha_y) / 5
    assert figures["forms"] == 2
    assert figures["alpha"] is None  # Cronbach's α needs the same questions for everyone
    assert figures["paper_alpha"] == pytest.approx(weighted, abs=1e-4) == pytest.approx(0.4712, abs=1e-4)
    assert figures["paper_sem"] == pytest.approx(math.sqrt(1.04) * math.sqrt(1 - weighted), abs=1e-4)
    assert figures["paper_sem"] == pytest.approx(0.7416, abs=1e-4)


def test_one_form_is_cronbachs_alpha() -> None:
    same = [
        sheet(str(n), {1: a, 2: b, 3: c})
        for n, (a, b, c) in enumerate([(1, 1, 1), (1, 0, 1), (0, 1, 0), (0, 0, 0)])
    ]
    # the sitting of test_analysis: item variances 0.25 each, totals 3 2 1 0 → 1.25; α = 1.5 · 0.4 = 0.6
    _items, figures = analyse(same, Q)
    assert figures["forms"] == 1
    assert figures["alpha"] == figures["paper_alpha"] == pytest.approx(0.6)
    assert figures["sem"] == figures["paper_sem"] == pytest.approx(math.sqrt(1.25 * 0.4), abs=1e-4)


def test_no_figure_when_totals_do_not_vary() -> None:
    flat = [sheet(str(n), {1: 1, 2: 0}) for n in range(3)]
    _items, figures = analyse(flat, Q)
    assert figures["paper_alpha"] is None and figures["paper_sem"] is None and figures["sd"] == 0
