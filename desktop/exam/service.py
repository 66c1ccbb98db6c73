"""What the exam area tells the others: the qualification exams an officer passed (a graded paper
marked passed whose candidate matched the officer by 身份证号), for the 执法证 application."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Paper, Sitting


@dataclass(frozen=True)
class ExamPass:
    """One passed exam: the sitting, its name, the score out of the points, the day it was graded."""

    sitting_id: int
    sitting: str
    score: float
    points: float
    passed_on: date


def exam_passes(session: Session, officer_ids: Iterable[int]) -> dict[int, tuple[ExamPass, ...]]:
    """The passed exams of these officers, newest first, by officer (read in the caller's session:
    the caller checked who may see the officers)."""
    ids = sorted(set(officer_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(Paper.officer_id, Sitting.id, Sitting.name, Paper.score, Paper.points, Paper.graded_at)
        .join(Sitting, Sitting.id == Paper.sitting_id)
        .where(Paper.officer_id.in_(ids), Paper.passed.is_(True), Paper.graded_at.is_not(None))
        .order_by(Paper.graded_at.desc(), Sitting.id.desc())
    ).all()
    out: dict[int, list[ExamPass]] = {}
    for officer_id, sitting_id, name, score, points, graded_at in rows:
        day = date.fromisoformat(str(graded_at)[:10])
        if officer_id is None:
            continue
        out.setdefault(officer_id, []).append(
            ExamPass(sitting_id, name, float(score or 0), float(points), day)
        )
    return {k: tuple(v) for k, v in out.items()}
