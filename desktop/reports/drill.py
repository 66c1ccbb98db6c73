"""What a dashboard bar counts, read again to open the list behind it: the exam papers of an
agency graded in the period, by sitting (the same rows the pass-rate chart counts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models.db import Store
from desktop.reports.area_figures import load_papers
from desktop.reports.assessment import check_period


@dataclass(frozen=True)
class SittingPapers:
    """One sitting and the papers of the agency graded in the period (paper numbers)."""

    sitting_id: int
    sitting: str
    papers: tuple[str, ...]
    passed: int


def exam_papers_behind(
    store: Store, actor: Actor, start: date, end: date, agency_id: int
) -> tuple[SittingPapers, ...]:
    """The sittings (newest first) whose papers of ``agency_id`` graded in the period the
    dashboard's exam pass rate counts, with those papers."""
    require(actor, Permission.VIEW_EXAMS)
    require_agency(actor, agency_id)
    period = check_period(start, end)
    with store.reading() as session:
        rows = load_papers(session, period, actor.scope_agency_id).get(agency_id, [])
    by_sitting: dict[int, list[Any]] = {}
    for r in rows:
        by_sitting.setdefault(r.sitting_id, []).append(r)
    return tuple(
        SittingPapers(
            sid,
            str(papers[0].sitting),
            tuple(str(p.paper_no) for p in papers),
            sum(1 for p in papers if p.passed),
        )
        for sid, papers in sorted(by_sitting.items(), reverse=True)
    )
