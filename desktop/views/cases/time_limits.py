"""Which time limits a case has and what may move them: its deadlines, the measures bound by the
30-day limit, the periods not counted still running, and the extensions it may take (the panel,
the page and the dialogs)."""

from __future__ import annotations

from desktop.cases import terms
from desktop.cases.dto import CaseDetail, SuspensionRow
from desktop.cases.rules import Deadline


def deadline_of(case: CaseDetail, kind: str) -> Deadline | None:
    """The case's ``decision`` or ``seizure`` time limit, if it has one."""
    return next((d for d in case.deadlines if d.kind == kind), None)


def time_limited_measures(case: CaseDetail) -> tuple[str, ...]:
    """The case's 查封、扣押、冻结 (the measures bound by the 30-day limit), in statutory order."""
    return tuple(m for m in case.measures if m in terms.TIME_LIMITED_MEASURES)


def running_periods(case: CaseDetail) -> tuple[SuspensionRow, ...]:
    """The periods not counted that have no end yet."""
    return tuple(s for s in case.suspensions if s.end_on is None)


def suspension_applies(case: CaseDetail) -> bool:
    """Whether a period not counted can move one of the case's deadlines (decision or seizure)."""
    return any(deadline_of(case, kind) is not None for kind in ("decision", "seizure"))


def extension_kinds(case: CaseDetail) -> tuple[str, ...]:
    """What an approval may extend: a 普通程序 行政处罚's decision limit, a 查封、扣押、冻结 not
    extended yet (the service's ``approve_extension`` kinds)."""
    kinds = []
    if case.category == terms.PENALTY and case.procedure == terms.ORDINARY:
        kinds.append("decision")
    if time_limited_measures(case) and case.dates.get("measure_on") is not None and not case.measure_extended:
        kinds.append("seizure")
    return tuple(kinds)
