"""When a case's warnings may next change by the passing of time alone (its facts unchanged): the
day a kept snapshot must decide the case again to be carried to a later day (``warning_snapshot``).

A case's warnings as of a day read the day in a few places only: its facts dated after it are not
known yet (``CaseFacts.as_of``); a deadline is approaching from its due date less the lead time
and overdue from the day after it; footage is missing from the on-site day plus its lead time; a
处置's follow-up is due from the day after its date. Every one of those days is a "watch" day;
between two of them the rules give the same warnings. The days are computed in Python for a case
whose facts are loaded (``next_change``), and from the register's columns in one pass for the
others (``watched``: the day a case's own dates come, or the day the SQL pre-filter of the rules,
``rule_candidates``, first keeps it): both may name a day too early (the case is then decided
again for nothing), never too late.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.cases import terms
from desktop.cases.calendar import WorkCalendar
from desktop.cases.disposal import Handling
from desktop.cases.rules import CaseFacts, Limits, deadlines
from desktop.models import Case, CaseSuspension, WarningDisposition

FACT_DATES = ("filed_on", *terms.LATER_DATES)
"""The dates of a case the rules do not know before they come (``CaseFacts.as_of``)."""

_DAY = timedelta(days=1)


def next_change(
    facts: CaseFacts, as_of: date, limits: Limits, cal: WorkCalendar, mine: Sequence[Handling]
) -> date | None:
    """The first day after ``as_of`` on which the case's warnings may differ from those of
    ``as_of`` (None: never, while its facts stay as they are)."""
    days: list[date | None] = [getattr(facts, name) for name in FACT_DATES]
    for s in facts.suspensions:
        days += [s.start, s.end]
    leads = {timedelta(days=limits.decision_lead_days), timedelta(days=limits.short_lead_days)}
    for d in deadlines(facts, as_of, limits, cal):
        if d.due is not None and d.met_on is None:
            days += [d.due - lead for lead in leads]
            days.append(d.due + _DAY)
    days.append((facts.discovered_on or facts.filed_on) + timedelta(days=limits.footage_lead_days))
    days += [h.follow_up_on + _DAY for h in mine if h.follow_up_on is not None]
    later = [d for d in days if d is not None and d > as_of]
    return min(later) if later else None


def watched(session: Session, conditions: Sequence[object], as_of: date, limits: Limits) -> dict[int, date]:
    """For every case ``conditions`` keep whose warnings may change after ``as_of`` by time alone:
    the first such day (from its columns, its suspensions and its 处置's follow-ups; early rather
    than late)."""
    # the days from which ``warning_counts.rule_candidates`` keeps a case for these rules: no
    # warning of theirs can come earlier (a due date only moves later)
    decision = timedelta(days=limits.decision_days - limits.decision_lead_days)
    seizure = timedelta(days=limits.seizure_days)
    footage = timedelta(days=limits.footage_lead_days)
    ordinary = and_(Case.category == terms.PENALTY, Case.procedure == terms.ORDINARY)
    on_site = func.coalesce(Case.discovered_on, Case.filed_on)
    columns = [getattr(Case, name) for name in FACT_DATES]
    q = select(Case.id, Case.discovered_on, *columns).where(
        *conditions,  # type: ignore[arg-type]
        or_(
            *(c > as_of for c in columns),
            and_(ordinary, Case.filed_on > as_of - decision),
            Case.measure_on > as_of - seizure,
            and_(ordinary, on_site > as_of - footage),
        ),
    )
    out: dict[int, date] = {}
    for case_id, discovered_on, *values in session.execute(q):
        facts = dict(zip(FACT_DATES, values, strict=True))
        days = [v for v in values if v is not None]
        days.append(facts["filed_on"] + decision)
        if facts["measure_on"] is not None:
            days.append(facts["measure_on"] + seizure)
        days.append((discovered_on or facts["filed_on"]) + footage)
        _earliest(out, case_id, days, as_of)
    for case_id, start, end in session.execute(
        select(CaseSuspension.case_id, CaseSuspension.start_on, CaseSuspension.end_on)
        .join(Case, Case.id == CaseSuspension.case_id)
        .where(*conditions, or_(CaseSuspension.start_on > as_of, CaseSuspension.end_on > as_of))  # type: ignore[arg-type]
    ):
        _earliest(out, case_id, [start, end], as_of)
    for case_id, follow_up in session.execute(
        select(WarningDisposition.case_id, WarningDisposition.follow_up_on)
        .join(Case, Case.id == WarningDisposition.case_id)
        .where(*conditions, WarningDisposition.follow_up_on >= as_of)  # type: ignore[arg-type]
    ):
        if case_id is not None and follow_up is not None:
            _earliest(out, case_id, [follow_up + _DAY], as_of)
    return out


def _earliest(out: dict[int, date], case_id: int, days: Iterable[date | None], as_of: date) -> None:
    later = [d for d in days if d is not None and d > as_of]
    if later:
        first = min(later)
        if case_id not in out or first < out[case_id]:
            out[case_id] = first
