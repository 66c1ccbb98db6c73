"""Which bank questions to look at again (待复核), from every graded answer the store holds: a
question that nearly everyone (share of points earned ≥ ``item_stats.EASY``) or nearly no one
(≤ ``item_stats.HARD``) answers right, or whose answers go against the rest of the paper — the
point-biserial correlation of its share earned with the candidate's score on the paper's other
questions below zero (the better candidates do worse on it). A question needs ``MIN_ANSWERS``
graded answers before it is judged. The same thresholds as a sitting's item analysis, counted
over all sittings."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.exam.item_stats import EASY, HARD
from desktop.models import PaperItem

MIN_ANSWERS = 10
"""Graded answers a question needs before it is flagged."""
FLAG_WORDS = {"negative": "负区分度", "easy": "过易", "hard": "过难"}
"""Each flag's name as the analysis workbook writes it."""


def review_flags(session: Session, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
    """The flags (``negative``, ``easy``, ``hard``) of the questions ``ids`` (None: every question
    with graded answers) that have any."""
    wanted = None if ids is None else set(ids)
    if wanted is not None and not wanted:
        return {}
    rows = session.execute(
        select(PaperItem.paper_id, PaperItem.question_id, PaperItem.earned, PaperItem.points).where(
            PaperItem.earned.is_not(None)
        )
    ).all()
    if not rows:
        return {}
    data = np.array([(p, q, e, pts) for p, q, e, pts in rows], dtype=float)
    papers, questions, earned, points = data[:, 0], data[:, 1].astype(np.int64), data[:, 2], data[:, 3]
    paper_ids, paper_index = np.unique(papers, return_inverse=True)
    totals = np.bincount(paper_index, weights=earned, minlength=len(paper_ids))
    rest = totals[paper_index] - earned
    share = np.divide(earned, points, out=np.zeros_like(earned), where=points > 0)
    order = np.argsort(questions, kind="stable")
    questions, share, rest, earned, points = (a[order] for a in (questions, share, rest, earned, points))
    starts = np.flatnonzero(np.r_[True, questions[1:] != questions[:-1]])
    ends = np.r_[starts[1:], len(questions)]
    out: dict[int, tuple[str, ...]] = {}
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        qid = int(questions[start])
        if (wanted is not None and qid not in wanted) or end - start < MIN_ANSWERS:
            continue
        flags = []
        x, y = share[start:end], rest[start:end]
        if x.std() > 0 and y.std() > 0 and float(np.corrcoef(x, y)[0, 1]) < 0:
            flags.append("negative")
        total_points = float(points[start:end].sum())
        facility = float(earned[start:end].sum()) / total_points if total_points else None
        if facility is not None and facility >= EASY:
            flags.append("easy")
        if facility is not None and facility <= HARD:
            flags.append("hard")
        if flags:
            out[qid] = tuple(flags)
    return out
