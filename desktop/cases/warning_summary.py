"""The register's warnings counted per agency and code without listing them one by one (the
dashboard, the assessment and the annual statistics read these): the same warnings as
``supervision.list_warnings``, found faster.

The codes whose rule is a plain test of a case's columns (``SQL_CODES``: fewer than two officers,
an officer without a valid certificate, a major decision without legal review, footage missing)
are counted in SQL, grouped by agency, with their 处置. The others (deadlines counted in working
days, the follow-ups of 处置, the summary procedure's limit, powers and discretion, inspections
and case sources) are decided by the exact rules of ``rules`` and ``disposal``, run only on the
cases a SQL test keeps as able to carry one of them; each of those warnings comes back as a row
(``RuledWarning``) so that a figure can show the cases behind it. The list behind a count of a
``SQL_CODES`` code is the warning centre's (``list_warnings`` filtered by agency and code).

The officers' certificate and training warnings, which the warning centre lists beside these
(``officer_warnings``), are not counted here: the reports count the register's warnings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.cases import repository as repo
from desktop.cases.disposal import by_case, case_findings, load_handlings
from desktop.cases.rules import ALL_WARNING_CODES, CODE_LEVELS, Limits
from desktop.cases.source_warnings import source_warnings
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.cases.warning_counts import SQL_CODES, one_pass
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Permission, require
from desktop.models import Case
from desktop.models.db import Store

_ORDER = {"red": 0, "yellow": 1}


@dataclass(frozen=True)
class WarningTally:
    """How many warnings of one code one agency has: open and handled, and of those the ones of
    the counting period (due in it, or without a due date of a case filed in it)."""

    agency_id: int
    code: str
    level: str
    open: int
    handled: int
    open_in_period: int = 0
    handled_in_period: int = 0

    @property
    def total(self) -> int:
        return self.open + self.handled

    @property
    def in_period(self) -> int:
        return self.open_in_period + self.handled_in_period


@dataclass(frozen=True)
class RuledWarning:
    """One warning decided by the rules (every code but ``SQL_CODES``): enough to count it, to
    say which case it is and when it was handled. ``case_id`` 0 for an inspection or a case
    source (no case)."""

    case_id: int
    case_no: str
    agency_id: int
    code: str
    level: str
    due: date | None
    filed_on: date
    handled: bool
    handled_on: date | None
    """The day the 处置 was made as of, while it handles the warning."""


@dataclass(frozen=True)
class WarningSummary:
    """The warnings of the register as of a day, for the cases filed in a window (``filed_from``,
    ``filed_to``; None: no bound) of one agency or all; the counting period (``counted_from``,
    ``counted_to``) splits out the warnings that fall in it."""

    as_of: date
    filed_from: date | None
    filed_to: date | None
    agency_id: int | None
    counted_from: date | None
    counted_to: date | None
    tallies: tuple[WarningTally, ...]
    ruled: tuple[RuledWarning, ...]
    """Sorted as the warning centre sorts: red first, then the newest (due, else filed) first."""
    notes: tuple[int, ...] = ()
    """The years counted by weekends only (no holiday table)."""

    def of_agency(self, agency_id: int) -> tuple[WarningTally, ...]:
        return tuple(t for t in self.tallies if t.agency_id == agency_id)

    def ruled_of(self, agency_id: int, code: str | None = None) -> tuple[RuledWarning, ...]:
        return tuple(w for w in self.ruled if w.agency_id == agency_id and (code is None or w.code == code))


def warning_summary(
    store: Store,
    actor: Actor,
    as_of: date | None = None,
    *,
    filed_from: date | None = None,
    filed_to: date | None = None,
    agency_id: int | None = None,
    counted_from: date | None = None,
    counted_to: date | None = None,
) -> WarningSummary:
    """The warnings of the cases filed from ``filed_from`` to ``filed_to`` (and every inspection
    and case source, as the warning centre lists them) as of ``as_of``, counted per agency and
    code; a user limited to one agency counts theirs only."""
    require(actor, Permission.VIEW_CASES)
    as_of = as_of or store.clock.today()
    if actor.scope_agency_id is not None:
        agency_id = actor.scope_agency_id
    filters: list[tuple[str, Any]] = []
    if agency_id is not None:
        filters.append(("agency_id", agency_id))
    if filed_from is not None:
        filters.append(("filed_from", filed_from))
    if filed_to is not None:
        filters.append(("filed_to", filed_to))
    with store.reading() as session:
        conditions = repo.case_conditions(session, ListQuery(filters=tuple(filters)), actor.scope_agency_id)
        conditions.append(Case.filed_on <= as_of)
        limits, cal = load_limits(session), load_calendar(session)
        counts, ids = one_pass(session, conditions, as_of, limits, counted_from, counted_to)
        ruled = _ruled(session, conditions, ids, as_of, limits, cal)
        ruled += [
            RuledWarning(0, "", w.agency_id, w.code, w.level, w.due, w.filed_on, False, None)
            for w in source_warnings(session, as_of, cal, agency_id)
        ]
        notes = cal.notes()
    period = (counted_from, counted_to)
    for w in ruled:
        key = (w.agency_id, w.code, w.handled, _within(w.due or w.filed_on, period))
        counts[key] += 1
    ruled.sort(key=lambda w: (_ORDER[w.level], -(w.due or w.filed_on).toordinal(), w.case_no, w.code))
    return WarningSummary(
        as_of,
        filed_from,
        filed_to,
        agency_id,
        counted_from,
        counted_to,
        _tallies(counts),
        tuple(ruled),
        notes,
    )


def _within(day: date, period: tuple[date | None, date | None]) -> bool:
    start, end = period
    return (start is None or day >= start) and (end is None or day <= end)


def _tallies(counts: Counter) -> tuple[WarningTally, ...]:
    keys = sorted({(a, c) for a, c, _h, _p in counts}, key=lambda k: (k[0], ALL_WARNING_CODES.index(k[1])))
    out = []
    for a, c in keys:
        n = {(h, p): counts[(a, c, h, p)] for h in (False, True) for p in (False, True)}
        if not any(n.values()):
            continue
        out.append(
            WarningTally(
                a,
                c,
                CODE_LEVELS[c],
                n[(False, False)] + n[(False, True)],
                n[(True, False)] + n[(True, True)],
                n[(False, True)],
                n[(True, True)],
            )
        )
    return tuple(out)


# ------------------------------------------------------------------------------ the rules' codes

_CHUNK = 5000


def _ruled(
    session: Session, conditions: Sequence[Any], ids: Sequence[int], as_of: date, limits: Limits, cal: Any
) -> list[RuledWarning]:
    """The warnings of every code but ``SQL_CODES`` of the cases ``ids`` (the ones that can carry
    one), decided by the rules."""
    handled = load_handlings(session, conditions)
    grouped = by_case(handled)
    out = []
    for start in range(0, len(ids), _CHUNK):
        for facts in repo.load_facts(session, [repo.ids_in(Case.id, ids[start : start + _CHUNK])]):
            for f in case_findings(facts, as_of, limits, cal, grouped.get(facts.id, ())):
                if f.code in SQL_CODES:
                    continue
                h = handled.get((f.case_id, f.code))
                handles = h is not None and h.handles(f)
                out.append(
                    RuledWarning(
                        f.case_id,
                        f.case_no,
                        f.agency_id,
                        f.code,
                        f.level,
                        f.due,
                        facts.filed_on,
                        handles,
                        h.day if h is not None and handles else None,
                    )
                )
    return out
