"""Every warning of the register's cases as of a day, a row each, and the day each case must be
decided again when time alone passes (``warning_watch``): what a warning snapshot keeps.

``decide_all`` decides the whole register: the codes whose rule is a plain test of a case's
columns (``SQL_CODES``) tested in SQL, the others by the exact rules of ``rules`` and ``disposal``
on the cases a SQL test keeps (``rule_candidates``). ``decide`` decides a few cases (changed
since a snapshot, or watched up to a later day), every code by the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.cases import repository as repo
from desktop.cases.disposal import Handling, by_case, case_findings, load_handlings
from desktop.cases.rules import CODE_LEVELS, Limits
from desktop.cases.warning_counts import SQL_CODES, sql_rows
from desktop.cases.warning_watch import next_change, watched
from desktop.models import Case

_CHUNK = 5000


@dataclass(frozen=True)
class KeptWarning:
    """One warning of one case as the rules decided it as of a day (``case_id`` 0: an inspection
    or a case source, which are never kept)."""

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


@dataclass
class Decided:
    """The warnings of the cases decided (``cases``, each case decided whether or not it has a
    warning) and, of those, the first day each may change by time alone."""

    cases: tuple[int, ...] | None
    """None: every case of the register."""
    rows: list[KeptWarning] = field(default_factory=list)
    watch: dict[int, date] = field(default_factory=dict)


def decide_all(session: Session, as_of: date, limits: Limits, cal: Any) -> Decided:
    """Every warning of every case filed by ``as_of``."""
    conditions = [Case.filed_on <= as_of]
    handlings = load_handlings(session, conditions)
    column_rows, ids = sql_rows(session, conditions, as_of, limits)
    out = Decided(
        None, [_kept_sql(row, handlings) for row in column_rows], watched(session, [], as_of, limits)
    )
    grouped = by_case(handlings)
    for chunk in _chunks(ids):
        _decide(session, [repo.ids_in(Case.id, chunk)], as_of, limits, cal, handlings, grouped, out, True)
    return out


def decide(session: Session, case_ids: Sequence[int], as_of: date, limits: Limits, cal: Any) -> Decided:
    """Every warning of the cases ``case_ids`` (those filed by ``as_of``; a later one only
    watched), all codes by the rules."""
    out = Decided(tuple(case_ids))
    for chunk in _chunks(case_ids):
        ids = repo.ids_in(Case.id, chunk)
        out.watch.update(watched(session, [ids, Case.filed_on > as_of], as_of, limits))
        conditions = [ids, Case.filed_on <= as_of]
        handlings = load_handlings(session, conditions)
        _decide(session, conditions, as_of, limits, cal, handlings, by_case(handlings), out, False)
    return out


def _kept_sql(
    row: tuple[int, str, int, str, date], handlings: dict[tuple[int, str], Handling]
) -> KeptWarning:
    case_id, case_no, agency_id, code, filed_on = row
    h = handlings.get((case_id, code))
    handled = h is not None and h.active
    day = h.day if h is not None and handled else None
    return KeptWarning(case_id, case_no, agency_id, code, CODE_LEVELS[code], None, filed_on, handled, day)


def _decide(
    session: Session,
    conditions: list[Any],
    as_of: date,
    limits: Limits,
    cal: Any,
    handlings: dict[tuple[int, str], Handling],
    grouped: dict[int, list[Handling]],
    out: Decided,
    skip_sql_codes: bool,
) -> None:
    """The rules on the cases ``conditions`` keep: their warnings and watch days into ``out``."""
    for facts in repo.load_facts(session, conditions):
        mine = grouped.get(facts.id, ())
        day = next_change(facts, as_of, limits, cal, mine)
        if day is not None and (facts.id not in out.watch or day < out.watch[facts.id]):
            out.watch[facts.id] = day
        for f in case_findings(facts, as_of, limits, cal, mine):
            if skip_sql_codes and f.code in SQL_CODES:
                continue
            h = handlings.get((f.case_id, f.code))
            handles = h is not None and h.handles(f)
            out.rows.append(
                KeptWarning(
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


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
