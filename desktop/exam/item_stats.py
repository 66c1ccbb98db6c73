"""The statistics of item analysis (pure, numpy): per question facility, discrimination (upper
versus lower 27 % by total score), the point-biserial correlation with the rest of the paper and
each option's count; per sitting mean, median, standard deviation, pass rate, Cronbach's α where
every candidate answered the same questions, and the per-paper reliability where they did not.

Per-paper reliability (when candidates saw different papers): each paper form (the set of
questions a candidate answered) gets α_form = k/(k−1) · (1 − Σ σ²ᵢ / σ²_X), with k the form's
questions, σ²ᵢ each question's score variance over every candidate of the sitting who answered it,
and σ²_X the variance of the totals over every candidate (the papers are drawn from one blueprint,
so they are parallel forms); the sitting's figure is the mean of α_form weighted by the form's
candidates, and SEM = σ_X · √(1 − α). With one form for everyone it is Cronbach's α exactly."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from desktop.exam import rules

UPPER_LOWER = 0.27
EASY, HARD = 0.9, 0.2
"""Facility above which nearly everyone, below which nearly no one, answers right: flagged."""
_FLAT = 1e-12
"""A sum of squares at or below this does not vary (floating-point noise of equal values)."""


class Answer(NamedTuple):
    """One graded answer: the question, the points earned, the points, the bank letters chosen."""

    question_id: int
    score: float
    points: float
    response: str | None


@dataclass(frozen=True)
class Sheet:
    """One graded paper: its total and its answers."""

    paper_no: str
    agency: str | None
    total: float
    passed: bool
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    type: str
    category: str
    difficulty: str
    stem: str
    answer: str
    n: int
    facility: float | None
    discrimination: float | None
    point_biserial: float | None
    options: tuple[tuple[str, int], ...]
    """Bank letter (or 正确/错误) → how many chose it."""
    blank: int
    flags: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question_id,
            "type": self.type,
            "category": self.category,
            "n": self.n,
            "facility": self.facility,
            "discrimination": self.discrimination,
            "point_biserial": self.point_biserial,
            "options": dict(self.options),
            "blank": self.blank,
            "flags": list(self.flags),
        }


@dataclass
class Flat:
    """Graded answers as parallel columns (sequences or numpy arrays), one entry per answer
    (``sheet``: index into the totals); ``score`` the points earned, ``points`` the question's."""

    totals: Sequence[float]
    passed: Sequence[bool]
    sheet: Any
    question: Any
    score: Any
    points: Any
    response: Sequence[str | None]


def _r(v: float | None) -> float | None:
    return None if v is None or math.isnan(v) else round(float(v), 4)


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, None when either side does not vary."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """α = k/(k−1) · (1 − Σ var(item) / var(total)) over candidates (rows) × items (columns),
    population variances; KR-20 when items score 0/1. None under 2 items or candidates, or when
    the totals do not vary."""
    if len(matrix) < 2 or len(matrix[0]) < 2:
        return None
    k = len(matrix[0])
    totals = [sum(row) for row in matrix]
    var_total = statistics.pvariance(totals)
    if var_total == 0:
        return None
    var_items = sum(statistics.pvariance([row[j] for row in matrix]) for j in range(k))
    return k / (k - 1) * (1 - var_items / var_total)


def flatten(sheets: Sequence[Sheet]) -> Flat:
    """Sheets as columns."""
    flat = Flat([s.total for s in sheets], [s.passed for s in sheets], [], [], [], [], [])
    response: list[str | None] = []
    for j, s in enumerate(sheets):
        for a in s.answers:
            flat.sheet.append(j)
            flat.question.append(a.question_id)
            flat.score.append(a.score)
            flat.points.append(a.points)
            response.append(a.response)
    flat.response = response
    return flat


def analyse(sheets: Sequence[Sheet], questions: dict[int, Any]) -> tuple[list[ItemStats], dict[str, Any]]:
    """Item statistics and the sitting's figures from graded papers (pure)."""
    return analyse_flat(flatten(sheets), questions)


def _groups(totals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Who is in the lower and who in the upper 27 % by total (ties in paper order)."""
    n = len(totals)
    k = max(1, round(UPPER_LOWER * n)) if n else 0
    ranked = np.argsort(totals, kind="stable")
    lower, upper = np.zeros(n, bool), np.zeros(n, bool)
    lower[ranked[:k]] = True
    upper[ranked[n - k :]] = True
    return lower, upper


def analyse_flat(flat: Flat, questions: dict[int, Any]) -> tuple[list[ItemStats], dict[str, Any]]:
    """Item statistics and the sitting's figures from graded answers as columns (pure)."""
    totals = np.asarray(flat.totals, dtype=float)
    n = len(totals)
    sheet = np.asarray(flat.sheet, dtype=np.int64)
    qids, q = np.unique(np.asarray(flat.question, dtype=np.int64), return_inverse=True)
    m = len(qids)
    score = np.asarray(flat.score, dtype=float)
    points = np.asarray(flat.points, dtype=float)
    has = points > 0
    share = np.divide(score, points, out=np.zeros_like(score), where=has)

    def per_q(weights: np.ndarray | None = None, mask: np.ndarray | None = None) -> np.ndarray:
        if mask is None:
            return np.bincount(q, weights, minlength=m).astype(float)
        return np.bincount(q[mask], None if weights is None else weights[mask], minlength=m).astype(float)

    count = per_q()
    with np.errstate(invalid="ignore", divide="ignore"):
        facility = per_q(share) / count
        lower, upper = _groups(totals)
        up, low = upper[sheet] & has, lower[sheet] & has
        disc = per_q(share, up) / per_q(mask=up) - per_q(share, low) / per_q(mask=low)
        rest = totals[sheet] - score
        dx = share - facility[q]
        dy = rest - (per_q(rest) / count)[q]
        sxx, syy, sxy = per_q(dx * dx), per_q(dy * dy), per_q(dx * dy)
        rpb = np.where((count >= 2) & (sxx > _FLAT) & (syy > _FLAT), sxy / np.sqrt(sxx * syy), np.nan)
    chosen = Counter(zip(flat.question, flat.response, strict=True))
    counts: dict[int, Counter[str]] = {}
    blanks: Counter[int] = Counter()
    for (qid, response), c in chosen.items():
        if not response:
            blanks[qid] += c
            continue
        tally = counts.get(qid)
        if tally is None:
            tally = counts[qid] = Counter()
        if response in (rules.TRUE, rules.FALSE):
            tally[response] += c
        else:
            for ch in response:
                tally[ch] += c
    items = []
    rounded = [_rounded(column) for column in (facility, disc, rpb)]
    for j, qid in enumerate(qids.tolist()):
        item = questions[qid]
        fac, d, r = rounded[0][j], rounded[1][j], rounded[2][j]
        labels = (
            [rules.TRUE, rules.FALSE]
            if item.type == rules.JUDGE
            else list(rules.LETTERS[: len(item.options)])
        )
        options = dict.fromkeys(labels, 0)
        tally = counts.get(qid)
        if tally:
            options.update(tally)
        flags = []
        if (d is not None and d < 0) or (r is not None and r < 0):
            flags.append("negative")
        if fac is not None and fac >= EASY:
            flags.append("easy")
        if fac is not None and fac <= HARD:
            flags.append("hard")
        items.append(
            ItemStats(
                qid,
                item.type,
                item.category,
                item.difficulty,
                item.stem,
                item.answer,
                int(count[j]),
                fac,
                d,
                r,
                tuple(options.items()),
                blanks.get(qid, 0),
                tuple(flags),
            )
        )
    figures: dict[str, Any] = dict.fromkeys(
        ("mean", "median", "sd", "alpha", "sem", "pass_rate", "paper_alpha", "paper_sem"), None
    )
    figures["forms"] = 0
    if n:
        values = totals.tolist()
        sd = statistics.pstdev(values)
        figures["mean"] = _r(statistics.fmean(values))
        figures["median"] = _r(statistics.median(values))
        figures["sd"] = _r(sd)
        figures["pass_rate"] = _r(sum(flat.passed) / n)
        forms: Counter[tuple[int, ...]] = Counter()
        for items_of_sheet in _sheet_questions(n, sheet, q):
            forms[items_of_sheet] += 1
        figures["forms"] = len(forms)
        mean_q = per_q(score) / count
        var_q = per_q((score - mean_q[q]) ** 2) / count
        alpha = paper_alpha(forms, var_q, statistics.pvariance(values))
        figures["paper_alpha"] = _r(alpha)
        if alpha is not None:
            figures["paper_sem"] = _r(sd * math.sqrt(max(0.0, 1 - alpha)))
            if len(forms) == 1:  # everyone answered the same questions: Cronbach's α (KR-20)
                figures["alpha"], figures["sem"] = figures["paper_alpha"], figures["paper_sem"]
    return items, figures


def _sheet_questions(n: int, sheet: np.ndarray, q: np.ndarray) -> list[tuple[int, ...]]:
    """Each sheet's questions (indexes, sorted): its paper form."""
    order = np.lexsort((q, sheet))
    bounds = np.searchsorted(sheet[order], np.arange(1, n))
    return [tuple(part.tolist()) for part in np.split(q[order], bounds)]


def _rounded(values: np.ndarray) -> list[float | None]:
    """Four decimals, None where NaN (undefined)."""
    return [None if v != v else v for v in np.round(values, 4).tolist()]


def paper_alpha(
    forms: Counter[tuple[int, ...]], item_variance: np.ndarray, total_variance: float
) -> float | None:
    """The candidate-weighted mean of α over paper forms (see the module's docstring); None when
    the totals do not vary or no form has two questions."""
    if total_variance <= _FLAT:
        return None
    weighted, weight = 0.0, 0
    for form, candidates in forms.items():
        k = len(form)
        if k < 2:
            continue
        alpha = k / (k - 1) * (1 - float(item_variance[list(form)].sum()) / total_variance)
        weighted += alpha * candidates
        weight += candidates
    return weighted / weight if weight else None
