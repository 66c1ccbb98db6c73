"""The register's warnings counted per agency and code without listing them one by one (the
dashboard, the assessment and the annual statistics read these): the same warnings as
``supervision.list_warnings``, found faster.

Every case warning of a day is decided once (``warning_snapshot.decide_all``: the codes whose
rule is a plain test of a case's columns, ``SQL_CODES``, tested in SQL; the others — deadlines
counted in working days, the follow-ups of 处置, the summary procedure's limit, powers and
discretion — by the exact rules of ``rules`` and ``disposal`` on the cases a SQL test keeps) and
kept as the day's snapshot; a summary then counts the kept rows in SQL, with the cases changed
since decided again. The warnings of the rules' codes come back as rows (``RuledWarning``) so
that a figure can show the cases behind it; inspections and case sources are decided each time. The list behind a count of a
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
from desktop.cases import warning_snapshot as snapshots
from desktop.cases.rules import ALL_WARNING_CODES, CODE_LEVELS, Limits
from desktop.cases.source_warnings import source_warnings
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.cases.warning_counts import SQL_CODES
from desktop.cases.warning_decide import Decided, KeptWarning, decide, decide_all
from desktop.core.security import Actor, Permission, require
from desktop.models import WarningSnapshotRow
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


RuledWarning = KeptWarning
"""One warning decided by the rules (every code but ``SQL_CODES``): enough to count it, to say
which case it is and when it was handled. ``case_id`` 0 for an inspection or a case source."""

MAX_STALE = 50_000
"""More cases changed since a day's snapshot than this: decide the whole register again (and keep
that) rather than the changed cases one by one."""


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
    ruled_codes: Sequence[str] | None = None,
) -> WarningSummary:
    """The warnings of the cases filed from ``filed_from`` to ``filed_to`` (and every inspection
    and case source, as the warning centre lists them) as of ``as_of``, counted per agency and
    code; a user limited to one agency counts theirs only. ``ruled_codes``: the codes whose rows
    (``WarningSummary.ruled``) the caller reads (None: every code; the counts are always whole).

    Read from the day's snapshot (``warning_snapshot``) with the cases changed since decided
    again; without one the whole register is decided and kept as the day's snapshot."""
    require(actor, Permission.VIEW_CASES)
    as_of = as_of or store.clock.today()
    if actor.scope_agency_id is not None:
        agency_id = actor.scope_agency_id
    window = _Window(agency_id, filed_from, filed_to)
    period = (counted_from, counted_to)
    mark = snapshots.safe_mark(store)
    up_to = mark.id
    with store.reading() as session:
        limits, cal = load_limits(session), load_calendar(session)
        snapshot = snapshots.find(session, as_of, up_to)
        if snapshot is not None and len(snapshot.again) <= MAX_STALE:
            counts, ruled, decided = _from_snapshot(
                session, snapshot, window, period, limits, cal, ruled_codes
            )
        else:
            snapshot = None
            decided = decide_all(session, as_of, limits, cal)
            counts, ruled = _counted(window.keep(decided.rows), period)
        ruled += [
            RuledWarning(0, "", w.agency_id, w.code, w.level, w.due, w.filed_on, False, None)
            for w in source_warnings(session, as_of, cal, agency_id)
        ]
        if ruled_codes is not None:
            ruled = [w for w in ruled if w.code in ruled_codes or w.case_id == 0]
        notes = cal.notes()
    if not mark.safe:
        pass  # a change may be committing with an earlier mark: keep nothing this time
    elif snapshot is None:
        snapshots.keep(store, as_of, up_to, decided)
    elif snapshot.again or snapshot.carried:
        snapshots.store_result(store, snapshot, decided)
    for w in ruled:
        if w.case_id == 0:
            counts[(w.agency_id, w.code, w.handled, _within(w.due or w.filed_on, period))] += 1
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


@dataclass(frozen=True)
class _Window:
    """The cases a summary counts: one agency (or all), filed from … to (None: no bound)."""

    agency_id: int | None
    filed_from: date | None
    filed_to: date | None

    def keep(self, rows: Sequence[RuledWarning]) -> list[RuledWarning]:
        return [
            w
            for w in rows
            if (self.agency_id is None or w.agency_id == self.agency_id)
            and (self.filed_from is None or w.filed_on >= self.filed_from)
            and (self.filed_to is None or w.filed_on <= self.filed_to)
        ]


Period = tuple[date | None, date | None]


def _counted(rows: Sequence[RuledWarning], period: Period) -> tuple[Counter, list[RuledWarning]]:
    """The rows counted per (agency, code, handled, in the period), and those of the rules' codes."""
    counts: Counter = Counter()
    for w in rows:
        counts[(w.agency_id, w.code, w.handled, _within(w.due or w.filed_on, period))] += 1
    return counts, [w for w in rows if w.code not in SQL_CODES]


def _from_snapshot(
    session: Session,
    snapshot: snapshots.Snapshot,
    window: _Window,
    period: Period,
    limits: Limits,
    cal: Any,
    codes: Sequence[str] | None,
) -> tuple[Counter, list[RuledWarning], Decided]:
    """The counts and the rules' warnings from the snapshot, the rows of the cases to decide
    again replaced by their warnings as of the day asked (returned as well, to be kept)."""
    conditions = snapshots.kept_conditions(snapshot, window.agency_id, window.filed_from, window.filed_to)
    counts: Counter = Counter()
    for a, c, h, p, n in snapshots.kept_counts(session, conditions, *period):
        counts[(a, c, h, p)] += n
    ruled = snapshots.kept_rows(session, conditions, exclude=SQL_CODES, only=codes)
    decided = decide(session, snapshot.again, snapshot.as_of, limits, cal)
    if not snapshot.again:
        return counts, ruled, decided
    again = set(snapshot.again)
    old = [*conditions, repo.ids_in(WarningSnapshotRow.case_id, snapshot.again)]
    for a, c, h, p, n in snapshots.kept_counts(session, old, *period):
        counts[(a, c, h, p)] -= n
    more, more_ruled = _counted(window.keep(decided.rows), period)
    counts.update(more)
    return counts, [w for w in ruled if w.case_id not in again] + more_ruled, decided


def _within(day: date, period: Period) -> bool:
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
