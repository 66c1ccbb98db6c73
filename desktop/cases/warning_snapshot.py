"""The register's warnings kept per day (``models.warning_snapshots``): how the warning summary
reads them fast and keeps them right.

- ``decide_all``: every case warning of the register as of a day, a row each, by the rules (the
  codes of ``SQL_CODES`` tested in SQL, the others by ``rules``/``disposal`` on the cases a SQL
  test keeps) — what a summary is computed from when no snapshot of the day is kept, and what is
  then kept (``keep``).
- ``find``: the snapshot of a day, with the cases marked stale since it was taken; ``decide``
  decides those cases again (their rows replace the kept ones) and ``fold`` writes them into the
  snapshot.

A snapshot is a copy of what the rules decide, never an input: dropping every snapshot changes no
figure, only the time the first one takes. Keeping one is not a user's change (not audited).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, delete, func, insert, literal_column, not_, select, update
from sqlalchemy.orm import Session

from desktop.cases import repository as repo
from desktop.cases.disposal import Handling, by_case, case_findings, load_handlings
from desktop.cases.rules import CODE_LEVELS, Limits
from desktop.cases.warning_counts import SQL_CODES, sql_rows
from desktop.core.clock import utc_iso
from desktop.core.errors import UserFacingError
from desktop.models import Case, WarningSnapshot, WarningSnapshotRow, WarningStale
from desktop.models.base import table_of
from desktop.models.db import Store

log = logging.getLogger(__name__)

KEPT = 4
"""Snapshots kept (the newest taken; a dashboard, an assessment and a report rarely ask for more
days at once)."""
EVERYTHING = 0
"""The case id of a stale mark that says every case changed (a snapshot before it is void)."""
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


@dataclass(frozen=True)
class Snapshot:
    """A kept snapshot and the cases marked stale after it (to the mark read just before)."""

    id: int
    as_of: date
    mark: int
    stale: tuple[int, ...]
    up_to: int
    """The newest stale mark looked at."""


# ------------------------------------------------------------------------------ deciding


def decide_all(session: Session, as_of: date, limits: Limits, cal: object) -> list[KeptWarning]:
    """Every warning of every case filed by ``as_of``."""
    conditions = [Case.filed_on <= as_of]
    handlings = load_handlings(session, conditions)
    column_rows, ids = sql_rows(session, conditions, as_of, limits)
    out = [_kept_sql(row, handlings) for row in column_rows]
    out += _decided(
        session, [repo.ids_in(Case.id, c) for c in _chunks(ids)], as_of, limits, cal, handlings, True
    )
    return out


def decide(
    session: Session, case_ids: Sequence[int], as_of: date, limits: Limits, cal: object
) -> list[KeptWarning]:
    """Every warning of the cases ``case_ids`` (those filed by ``as_of``), all codes by the rules."""
    out: list[KeptWarning] = []
    for chunk in _chunks(case_ids):
        conditions = [repo.ids_in(Case.id, chunk), Case.filed_on <= as_of]
        out += _decided(session, [conditions], as_of, limits, cal, load_handlings(session, conditions), False)
    return out


def _kept_sql(
    row: tuple[int, str, int, str, date], handlings: dict[tuple[int, str], Handling]
) -> KeptWarning:
    case_id, case_no, agency_id, code, filed_on = row
    h = handlings.get((case_id, code))
    handled = h is not None and h.active
    return KeptWarning(
        case_id,
        case_no,
        agency_id,
        code,
        CODE_LEVELS[code],
        None,
        filed_on,
        handled,
        h.day if h and handled else None,
    )


def _decided(
    session: Session,
    batches: Iterable[object],
    as_of: date,
    limits: Limits,
    cal: object,
    handlings: dict[tuple[int, str], Handling],
    skip_sql_codes: bool,
) -> list[KeptWarning]:
    grouped = by_case(handlings)
    out = []
    for batch in batches:
        conditions = batch if isinstance(batch, list) else [batch]
        for facts in repo.load_facts(session, conditions):
            for f in case_findings(facts, as_of, limits, cal, grouped.get(facts.id, ())):  # type: ignore[arg-type]
                if skip_sql_codes and f.code in SQL_CODES:
                    continue
                h = handlings.get((f.case_id, f.code))
                handles = h is not None and h.handles(f)
                out.append(
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
    return out


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


# ------------------------------------------------------------------------------ marks


def safe_mark(store: Store) -> int:
    """The newest stale mark such that every change marked up to it is committed and every later
    change gets a later mark. On PostgreSQL a moment's SHARE lock waits for the transactions that
    are marking (a sequence hands out numbers before their transactions commit); SQLite has one
    writer at a time, so its marks commit in order and a plain read will do."""
    newest = select(func.coalesce(func.max(WarningStale.id), 0))
    if store.engine.dialect.name == "sqlite":
        with store.reading() as session:
            return int(session.execute(newest).scalar_one())
    with store.unit_of_work() as uow:
        uow.session.connection().exec_driver_sql("LOCK TABLE warning_stale IN SHARE MODE")
        return int(uow.session.execute(newest).scalar_one())


def find(session: Session, as_of: date, up_to: int) -> Snapshot | None:
    """The snapshot of ``as_of`` with the cases marked stale after it up to ``up_to``; None when
    there is none, or when a change to every case came after it."""
    row = session.execute(
        select(WarningSnapshot.id, WarningSnapshot.stale_mark).where(WarningSnapshot.as_of == as_of)
    ).first()
    if row is None:
        return None
    snapshot_id, mark = row
    stale = set(
        session.execute(
            select(WarningStale.case_id).where(WarningStale.id > mark, WarningStale.id <= up_to).distinct()
        ).scalars()
    )
    if EVERYTHING in stale:
        return None
    return Snapshot(snapshot_id, as_of, mark, tuple(sorted(stale)), max(mark, up_to))


# ------------------------------------------------------------------------------ keeping


def keep(store: Store, as_of: date, mark: int, rows: Sequence[KeptWarning]) -> None:
    """Keep ``rows`` (every warning as of ``as_of``, decided after the stale ``mark`` was read) as
    the day's snapshot; drop the oldest beyond ``KEPT``, their rows and the marks no snapshot
    needs. A failure (the store busy, read-only, another workstation keeping the same day) only
    leaves the snapshot untaken."""
    try:
        with store.unit_of_work() as uow:
            s = uow.session
            if EVERYTHING in set(
                s.execute(select(WarningStale.case_id).where(WarningStale.id > mark).distinct()).scalars()
            ):
                return  # every case changed while the rows were decided
            s.execute(delete(WarningSnapshot).where(WarningSnapshot.as_of == as_of))
            snapshot_id = s.execute(
                insert(WarningSnapshot)
                .values(as_of=as_of, stale_mark=mark, used_at=utc_iso(store.clock.now()))
                .returning(WarningSnapshot.id)
            ).scalar_one()
            _insert_rows(s, snapshot_id, rows)
            kept = (
                select(WarningSnapshot.id).order_by(WarningSnapshot.id.desc()).limit(KEPT).scalar_subquery()
            )
            s.execute(delete(WarningSnapshot).where(WarningSnapshot.id.not_in(kept)))
            s.execute(
                delete(WarningSnapshotRow).where(
                    not_(WarningSnapshotRow.snapshot_id.in_(select(WarningSnapshot.id)))
                )
            )
            oldest = s.execute(select(func.min(WarningSnapshot.stale_mark))).scalar_one()
            s.execute(delete(WarningStale).where(WarningStale.id <= oldest))
            uow.commit()
    except (UserFacingError, Exception) as exc:  # a cache: the figures are right without it
        log.info("The warnings of %s were not kept: %s", as_of, exc)


def fold(store: Store, snapshot: Snapshot, rows: Sequence[KeptWarning]) -> None:
    """Write the stale cases' warnings decided again (``rows``) into the snapshot."""
    try:
        with store.unit_of_work() as uow:
            s = uow.session
            done = s.execute(
                update(WarningSnapshot)
                .where(WarningSnapshot.id == snapshot.id, WarningSnapshot.stale_mark == snapshot.mark)
                .values(stale_mark=snapshot.up_to, used_at=utc_iso(store.clock.now()))
                .returning(WarningSnapshot.id)
            ).first()
            if done is None:
                return  # dropped, or folded by someone else meanwhile
            for chunk in _chunks(snapshot.stale):
                s.execute(
                    delete(WarningSnapshotRow).where(
                        WarningSnapshotRow.snapshot_id == snapshot.id,
                        repo.ids_in(WarningSnapshotRow.case_id, chunk),
                    )
                )
            _insert_rows(s, snapshot.id, rows)
            uow.commit()
    except (UserFacingError, Exception) as exc:
        log.info("The stale warnings of %s were not folded: %s", snapshot.as_of, exc)


def _insert_rows(session: Session, snapshot_id: int, rows: Sequence[KeptWarning]) -> None:
    table = table_of(WarningSnapshotRow)
    for start in range(0, len(rows), 20_000):
        session.execute(
            insert(table),
            [
                {
                    "snapshot_id": snapshot_id,
                    "case_id": r.case_id,
                    "case_no": r.case_no,
                    "agency_id": r.agency_id,
                    "code": r.code,
                    "due": r.due,
                    "filed_on": r.filed_on,
                    "handled": r.handled,
                    "handled_on": r.handled_on,
                }
                for r in rows[start : start + 20_000]
            ],
        )


# ------------------------------------------------------------------------------ reading


def kept_conditions(
    snapshot: Snapshot, agency_id: int | None, filed_from: date | None, filed_to: date | None
) -> list[object]:
    """The snapshot's rows of one agency (or all) and cases filed in the window."""
    r = WarningSnapshotRow
    out: list[object] = [r.snapshot_id == snapshot.id]
    if agency_id is not None:
        out.append(r.agency_id == agency_id)
    if filed_from is not None:
        out.append(r.filed_on >= filed_from)
    if filed_to is not None:
        out.append(r.filed_on <= filed_to)
    return out


def kept_counts(
    session: Session,
    conditions: Sequence[object],
    counted_from: date | None,
    counted_to: date | None,
) -> list[tuple[int, str, bool, bool, int]]:
    """(agency id, code, handled, in the counting period, warnings) of the rows ``conditions``
    keep: the period by the due date, else the filing date."""
    r = WarningSnapshotRow
    day = func.coalesce(r.due, r.filed_on)
    bounds = [
        b
        for b in (
            None if counted_from is None else day >= counted_from,
            None if counted_to is None else day <= counted_to,
        )
        if b is not None
    ]
    keys = [r.agency_id, r.code, r.handled]
    if bounds:
        inside = case((and_(*bounds), 1), else_=0).label("inside")
        q = select(*keys, inside, func.count()).group_by(*keys, literal_column("inside"))
    else:
        q = select(*keys, literal_column("1").label("inside"), func.count()).group_by(*keys)
    out = []
    for a, c, h, p, n in session.execute(q.where(*conditions)):  # type: ignore[arg-type,misc]
        out.append((int(a), str(c), bool(h), bool(p), int(n)))
    return out


def kept_rows(
    session: Session, conditions: Sequence[object], exclude: Sequence[str] = ()
) -> list[KeptWarning]:
    """The rows ``conditions`` keep, but those of the codes ``exclude``."""
    r = WarningSnapshotRow
    q = select(r.case_id, r.case_no, r.agency_id, r.code, r.due, r.filed_on, r.handled, r.handled_on).where(
        *conditions  # type: ignore[arg-type]
    )
    if exclude:
        q = q.where(r.code.not_in(exclude))
    return [
        KeptWarning(c, no, a, code, CODE_LEVELS[code], due, filed, bool(h), h_on)
        for c, no, a, code, due, filed, h, h_on in session.execute(q)
    ]
