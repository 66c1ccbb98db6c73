"""The register's warnings kept per day (``models.warning_snapshots``): how the warning summary
reads them fast and keeps them right.

- A day without a snapshot is decided whole (``warning_decide.decide_all``) and kept (``keep``).
- ``find`` gives the day's snapshot, or the newest earlier one to carry forward, with the cases
  to decide again: those marked stale since it was taken and, carried to a later day, those
  whose watch day has come (``warning_watch``). The summary decides them (``decide``), reads the
  other cases' rows as kept, then ``store_result`` writes what it decided into the snapshot,
  which becomes the snapshot of the day asked for (a carried one moves to its new day).

A snapshot is a copy of what the rules decide, never an input: dropping every snapshot changes no
figure, only the time the next computation takes. Keeping one is not a user's change (not
audited).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, delete, func, insert, literal_column, not_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop.cases import repository as repo
from desktop.cases.rules import CODE_LEVELS
from desktop.cases.warning_decide import Decided, KeptWarning
from desktop.core.clock import utc_iso
from desktop.models import WarningSnapshot, WarningSnapshotRow, WarningSnapshotWatch, WarningStale
from desktop.models.base import table_of
from desktop.models.db import Store

log = logging.getLogger(__name__)

KEPT = 4
"""Snapshots kept (the newest taken; a dashboard, an assessment and a report rarely ask for more
days at once)."""
CARRIED_DAYS = 92
"""How far a snapshot is carried forward to a later day (further: the day is decided whole)."""
EVERYTHING = 0
"""The case id of a stale mark that says every case changed (a snapshot before it is void)."""
_CHUNK = 5000
_ROWS = ("case_id", "case_no", "agency_id", "code", "due", "filed_on", "handled", "handled_on")


@dataclass(frozen=True)
class Snapshot:
    """A kept snapshot as read for a day (``as_of``: its own, or a later one it is carried to) and
    the cases to decide again for that day."""

    id: int
    kept_as_of: date
    as_of: date
    mark: int
    again: tuple[int, ...]
    up_to: int
    """The newest stale mark looked at."""

    @property
    def carried(self) -> bool:
        return self.as_of != self.kept_as_of


# ------------------------------------------------------------------------------ marks


CACHE_WAIT_MS = 250
"""How long writing the cache waits for another writer before giving up (not keeping)."""
LOCK_WAIT = "2s"
"""How long a summary waits for the transactions marking cases stale on PostgreSQL (a long
import on another workstation) before it reads without keeping."""


@dataclass(frozen=True)
class Mark:
    """The newest stale mark seen, and whether every change marked up to it is committed and every
    later change gets a later one (``safe``: what was decided after it may be kept)."""

    id: int
    safe: bool


def safe_mark(store: Store) -> Mark:
    """The newest stale mark. On PostgreSQL a moment's SHARE lock waits for the transactions that
    are marking (a sequence hands out numbers before their transactions commit), at most
    ``LOCK_WAIT``: past it the mark is only read (not safe: nothing decided after it is kept);
    SQLite has one writer at a time, so its marks commit in order and a plain read will do."""
    newest = select(func.coalesce(func.max(WarningStale.id), 0))
    if store.engine.dialect.name == "sqlite":
        with store.reading() as session:
            return Mark(int(session.execute(newest).scalar_one()), True)
    with store.unit_of_work() as uow:
        conn = uow.session.connection()
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("LOCK TABLE warning_stale IN SHARE MODE")
        except OperationalError:  # lock_timeout: another workstation's long transaction
            return Mark(int(uow.session.execute(newest).scalar_one()), False)
        return Mark(int(uow.session.execute(newest).scalar_one()), True)


def find(session: Session, as_of: date, up_to: int) -> Snapshot | None:
    """The snapshot of ``as_of``, else the newest earlier one within ``CARRIED_DAYS``, with the
    cases to decide again; None when there is none, or when a change to every case came after it."""
    row = session.execute(
        select(WarningSnapshot.id, WarningSnapshot.as_of, WarningSnapshot.stale_mark)
        .where(WarningSnapshot.as_of <= as_of, WarningSnapshot.as_of >= as_of - timedelta(days=CARRIED_DAYS))
        .order_by(WarningSnapshot.as_of.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    snapshot_id, kept_as_of, mark = row
    again = set(
        session.execute(
            select(WarningStale.case_id).where(WarningStale.id > mark, WarningStale.id <= up_to).distinct()
        ).scalars()
    )
    if EVERYTHING in again:
        return None
    if kept_as_of < as_of:
        again.update(
            session.execute(
                select(WarningSnapshotWatch.case_id).where(
                    WarningSnapshotWatch.snapshot_id == snapshot_id, WarningSnapshotWatch.day <= as_of
                )
            ).scalars()
        )
    return Snapshot(snapshot_id, kept_as_of, as_of, mark, tuple(sorted(again)), max(mark, up_to))


# ------------------------------------------------------------------------------ keeping


def keep(store: Store, as_of: date, mark: int, decided: Decided) -> None:
    """Keep every warning as of ``as_of`` (decided whole after the stale ``mark`` was read) as the
    day's snapshot. A failure (the store busy, read-only, another workstation keeping the same
    day) only leaves the snapshot untaken."""
    try:
        with _cache_writing(store) as s:
            if _voided_since(s, mark):
                return  # every case changed while the rows were decided
            snapshot_id = _new_snapshot(s, store, as_of, mark)
            _insert(s, snapshot_id, decided)
            _drop_old(s, orphans=True)
            s.commit()
    except Exception as exc:  # a cache: the figures are right without it
        log.info("The warnings of %s were not kept: %s", as_of, exc)


def store_result(store: Store, snapshot: Snapshot, decided: Decided) -> None:
    """Write the cases decided again into the snapshot, which becomes the snapshot of the day it
    was read for: its own (the stale mark moves on), or the later day it was carried to (it moves
    there; the day it was kept is no longer kept — a day before the newest is rarely asked for
    again, and then decided whole)."""
    try:
        with _cache_writing(store) as s:
            moved = s.execute(
                update(WarningSnapshot)
                .where(
                    WarningSnapshot.id == snapshot.id,
                    WarningSnapshot.stale_mark == snapshot.mark,
                    WarningSnapshot.as_of == snapshot.kept_as_of,
                )
                .values(as_of=snapshot.as_of, stale_mark=snapshot.up_to, used_at=utc_iso(store.clock.now()))
                .returning(WarningSnapshot.id)
            ).first()
            if moved is None:
                return  # dropped, or written by another workstation meanwhile
            for chunk in _chunks(snapshot.again):
                for t in (table_of(WarningSnapshotRow), table_of(WarningSnapshotWatch)):
                    s.execute(
                        delete(t).where(t.c.snapshot_id == snapshot.id, repo.ids_in(t.c.case_id, chunk))
                    )
            _insert(s, snapshot.id, decided)
            _drop_old(s)
            s.commit()
    except Exception as exc:  # a cache (another workstation may have kept the day meanwhile)
        log.info("The warnings of %s decided again were not kept: %s", snapshot.as_of, exc)


@contextmanager
def _cache_writing(store: Store) -> Iterator[Session]:
    """A session that writes the cache without waiting long for another writer (an import on
    another workstation holds SQLite's write lock for seconds, a PostgreSQL transaction its rows):
    busy after ``CACHE_WAIT_MS``, the write fails and the day is simply not kept this time."""
    with store.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            before = int(conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0)
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {CACHE_WAIT_MS}")
            conn.commit()  # the session begins (and commits) its own transaction
        try:
            with Session(bind=conn) as session:
                if not sqlite:
                    session.connection().exec_driver_sql(f"SET LOCAL lock_timeout = '{CACHE_WAIT_MS}ms'")
                yield session
        finally:
            if sqlite:
                conn.rollback()
                conn.exec_driver_sql(f"PRAGMA busy_timeout = {before}")
                conn.commit()


def _voided_since(session: Session, mark: int) -> bool:
    return (
        session.execute(
            select(WarningStale.id).where(WarningStale.id > mark, WarningStale.case_id == EVERYTHING).limit(1)
        ).first()
        is not None
    )


def _new_snapshot(session: Session, store: Store, as_of: date, mark: int) -> int:
    """A new snapshot of ``as_of`` (an older one of the day dropped with its rows)."""
    t = table_of(WarningSnapshot)
    old = list(session.execute(select(t.c.id).where(t.c.as_of == as_of)).scalars())
    if old:
        session.execute(delete(t).where(t.c.id.in_(old)))
        for rows in (table_of(WarningSnapshotRow), table_of(WarningSnapshotWatch)):
            session.execute(delete(rows).where(rows.c.snapshot_id.in_(old)))
    return int(
        session.execute(
            insert(WarningSnapshot)
            .values(as_of=as_of, stale_mark=mark, used_at=utc_iso(store.clock.now()))
            .returning(WarningSnapshot.id)
        ).scalar_one()
    )


def _insert(session: Session, snapshot_id: int, decided: Decided) -> None:
    rows, watch = decided.rows, sorted(decided.watch.items())
    for start in range(0, len(rows), 20_000):
        session.execute(
            insert(table_of(WarningSnapshotRow)),
            [
                {"snapshot_id": snapshot_id, **{c: getattr(r, c) for c in _ROWS}}
                for r in rows[start : start + 20_000]
            ],
        )
    for start in range(0, len(watch), 20_000):
        session.execute(
            insert(table_of(WarningSnapshotWatch)),
            [{"snapshot_id": snapshot_id, "case_id": c, "day": d} for c, d in watch[start : start + 20_000]],
        )


def _drop_old(session: Session, orphans: bool = False) -> None:
    """Keep the ``KEPT`` newest snapshots: drop the others with their rows and watch days, and the
    marks no snapshot needs; ``orphans``: also the rows of snapshots dropped by a change to every
    case (a pass over every kept row: when a day is decided whole)."""
    kept = select(WarningSnapshot.id).order_by(WarningSnapshot.id.desc()).limit(KEPT)
    old = list(session.execute(select(WarningSnapshot.id).where(WarningSnapshot.id.not_in(kept))).scalars())
    tables = (table_of(WarningSnapshotRow), table_of(WarningSnapshotWatch))
    if old:
        session.execute(delete(table_of(WarningSnapshot)).where(table_of(WarningSnapshot).c.id.in_(old)))
        for t in tables:
            session.execute(delete(t).where(t.c.snapshot_id.in_(old)))
    if orphans:
        for t in tables:
            session.execute(delete(t).where(not_(t.c.snapshot_id.in_(select(WarningSnapshot.id)))))
    oldest = session.execute(select(func.min(WarningSnapshot.stale_mark))).scalar_one()
    if oldest is not None:
        session.execute(delete(table_of(WarningStale)).where(table_of(WarningStale).c.id <= oldest))


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


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
    session: Session,
    conditions: Sequence[object],
    exclude: Sequence[str] = (),
    only: Sequence[str] | None = None,
) -> list[KeptWarning]:
    """The rows ``conditions`` keep, but those of the codes ``exclude`` (and of ``only``'s codes)."""
    r = WarningSnapshotRow
    q = select(r.case_id, r.case_no, r.agency_id, r.code, r.due, r.filed_on, r.handled, r.handled_on).where(
        *conditions  # type: ignore[arg-type]
    )
    if exclude:
        q = q.where(r.code.not_in(exclude))
    if only is not None:
        q = q.where(r.code.in_(only))
    return [
        KeptWarning(c, no, a, code, CODE_LEVELS[code], due, filed, bool(h), h_on)
        for c, no, a, code, due, filed, h, h_on in session.execute(q)
    ]
