"""The register's warnings kept per day (``warning_snapshots``): every case warning as of one day,
a row each, so that the dashboard, the assessment and the annual statistics count a few hundred
thousand narrow rows instead of deciding the rules over a million cases.

What a snapshot depends on is watched by triggers in the database, so that no path that writes
(a service, the bulk import, another workstation, a hand-made SQL) can leave one wrong:

- a change to a case, its officers, its suspensions, its 处置 or the footage linked to it marks
  the case stale (``warning_stale``; and its party's 从轻/减轻 decisions, whose repeat-offender
  warning counts it); a snapshot's reader decides the stale cases again by the rules;
- a change to what every case is decided by — certificate validity, the powers catalogue and
  its bands, the working-day calendar, the limits — drops every snapshot.

Every change is marked, whether a snapshot exists or not (one being taken must learn of a change
made meanwhile); the marks no snapshot needs are dropped when one is taken.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Index, Integer, String, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class WarningSnapshot(Base):
    """The warnings of the register as of one day (its rows: ``WarningSnapshotRow``)."""

    __tablename__ = "warning_snapshots"
    __table_args__ = {"sqlite_autoincrement": True}  # an id is never used again

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    as_of: Mapped[date] = mapped_column(Date, nullable=False, unique=True)
    stale_mark: Mapped[int] = mapped_column(Integer, nullable=False)
    """The last ``warning_stale`` mark the snapshot includes: later marks are read again."""
    used_at: Mapped[str] = mapped_column(String(32), nullable=False)
    """When it was last read (the least recently used are dropped)."""


class WarningSnapshotRow(Base):
    """One warning of one case in a snapshot."""

    __tablename__ = "warning_snapshot_rows"
    __table_args__ = (
        # covering the counts (agency, code, handled, due, filed): read from the index alone
        Index(
            "ix_warning_snapshot_rows_counts",
            "snapshot_id",
            "agency_id",
            "code",
            "handled",
            "due",
            "filed_on",
        ),
        Index("ix_warning_snapshot_rows_snapshot_case", "snapshot_id", "case_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(Integer, nullable=False)
    case_id: Mapped[int] = mapped_column(Integer, nullable=False)
    case_no: Mapped[str] = mapped_column(String(64), nullable=False)
    agency_id: Mapped[int] = mapped_column(Integer, nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    due: Mapped[date | None] = mapped_column(Date)
    filed_on: Mapped[date] = mapped_column(Date, nullable=False)
    handled: Mapped[bool] = mapped_column(Boolean, nullable=False)
    handled_on: Mapped[date | None] = mapped_column(Date)


class WarningSnapshotWatch(Base):
    """The first day after a snapshot's on which a case's warnings may change by time alone (a
    deadline's lead time or due date passing, a dated fact coming): carrying the snapshot to a
    later day decides the cases watched up to it again, and only those."""

    __tablename__ = "warning_snapshot_watch"
    __table_args__ = (Index("ix_warning_snapshot_watch_snapshot_day", "snapshot_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(Integer, nullable=False)
    case_id: Mapped[int] = mapped_column(Integer, nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)


class WarningStale(Base):
    """A case whose warnings changed after the snapshots with a lower ``stale_mark`` were taken."""

    __tablename__ = "warning_stale"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(Integer, nullable=False, index=True)


CASE_CHILDREN = ("case_officers", "case_suspensions", "warning_dispositions", "footage_files")
"""Tables whose rows belong to a case (``case_id``) and that its warnings read."""
OFFICER_CHILDREN = ("certificate_validity",)
"""Tables whose rows belong to an officer (``officer_id``): a change marks every case the officer
is on (the uncertified-officer warning reads the validity on the filing date)."""
EVERY_CASE = ("powers", "power_bands", "calendar_overrides", "store_settings")
"""Tables every case's warnings read: a change drops every snapshot (``store_settings``: the
limits and the parties' repeat period only)."""

_WATCHED = ("cases", *CASE_CHILDREN, *OFFICER_CHILDREN, *EVERY_CASE)
_MARK = "INSERT INTO warning_stale (case_id)"
_VOID = (
    f"{_MARK} SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM warning_stale WHERE case_id = 0 "
    "AND id = (SELECT max(id) FROM warning_stale)); DELETE FROM warning_snapshots;"
)
"""Every case changed: a mark for case 0 (unless the newest mark says so already) and no snapshot."""


def _marks(ids: str) -> str:
    """Mark the cases ``ids`` (a SELECT of ``id``) but those marked already since the newest
    snapshot's mark (every snapshot sees that mark: a case edited ten times is marked once, a case
    just imported is not marked again by its officers)."""
    return (
        f"{_MARK} SELECT m.id FROM ({ids}) AS m WHERE m.id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM warning_stale s WHERE s.case_id = m.id "
        "AND s.id > (SELECT coalesce(max(stale_mark), 0) FROM warning_snapshots));"
    )


def _case(row: str) -> str:
    return _marks(f"SELECT {row}.id AS id")


def _child(row: str) -> str:
    return _marks(f"SELECT {row}.case_id AS id")


def _party(row: str) -> str:
    """The other cases of the row's party (the repeat-offender warning counts them)."""
    return _marks(
        f"SELECT id FROM cases WHERE {row}.party_id_number IS NOT NULL "
        f"AND party_id_number = {row}.party_id_number AND id <> {row}.id "
        "AND discretion_band IN ('从轻', '减轻') AND decided_on IS NOT NULL"
    )


def _officer(row: str) -> str:
    """The cases the row's officer is on."""
    return _marks(f"SELECT case_id AS id FROM case_officers WHERE officer_id = {row}.officer_id")


CASE_INSERT_TRIGGER = "warning_stale_cases_insert"
"""SQLite's trigger marking an added case; the bulk import sets it aside and marks in bulk."""
OFFICERS_INSERT_TRIGGER = "warning_stale_case_officers_insert"
"""SQLite's trigger marking a case given an officer; the bulk import sets it aside (its cases are
new, marked already)."""


@contextmanager
def set_aside(conn: Connection, name: str) -> Iterator[None]:
    """Without SQLite's trigger ``name`` while the block runs, inside the caller's transaction (a
    rollback restores it; no other connection ever sees it missing)."""
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
    ).scalar()
    if sql is not None:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    if sql is not None:
        conn.exec_driver_sql(sql)


def mark_inserted(conn: Connection, first_id: int, last_id: int) -> None:
    """What ``CASE_INSERT_TRIGGER`` does for the cases ``first_id`` … ``last_id``, in two statements
    (the bulk import's, inside its transaction)."""
    conn.exec_driver_sql(f"{_MARK} SELECT id FROM cases WHERE id BETWEEN ? AND ?", (first_id, last_id))
    conn.exec_driver_sql(
        _marks(
            "SELECT id FROM cases WHERE party_id_number IN (SELECT party_id_number FROM cases "
            "WHERE id BETWEEN ? AND ? AND party_id_number IS NOT NULL) "
            "AND NOT (id BETWEEN ? AND ?) AND discretion_band IN ('从轻', '减轻') AND decided_on IS NOT NULL"
        ),
        (first_id, last_id, first_id, last_id),
    )


def _limits(row: str) -> str:
    return f"({row}.key LIKE 'limits.%' OR {row}.key LIKE 'parties.%')"


def _sqlite_triggers() -> list[str]:
    out = []
    for op, rows in (("INSERT", ("new",)), ("UPDATE", ("old", "new")), ("DELETE", ("old",))):
        name = op.lower()
        body = "".join(f"{_case(r)} {_party(r)} " for r in rows)
        out.append(
            f"CREATE TRIGGER IF NOT EXISTS warning_stale_cases_{name} AFTER {op} ON cases BEGIN {body} END"
        )
        for table in CASE_CHILDREN:
            body = "".join(f"{_child(r)} " for r in rows)
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS warning_stale_{table}_{name} AFTER {op} ON {table} BEGIN {body} END"
            )
        for table in OFFICER_CHILDREN:
            body = "".join(f"{_officer(r)} " for r in rows)
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS warning_stale_{table}_{name} AFTER {op} ON {table} BEGIN {body} END"
            )
        for table in EVERY_CASE:
            when = ""
            if table == "store_settings":
                when = " WHEN " + " OR ".join(_limits(r) for r in rows)
            out.append(
                f"CREATE TRIGGER IF NOT EXISTS warning_snapshots_void_{table}_{name} AFTER {op} ON {table}{when} BEGIN {_VOID} END"
            )
    return out


_PG_FUNCTIONS = (
    *(
        f"""CREATE OR REPLACE FUNCTION desk_warning_stale_{kind}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN {mark("NEW")} END IF;
  IF TG_OP <> 'INSERT' THEN {mark("OLD")} END IF;
  RETURN NULL;
END $$"""
        for kind, mark in (
            ("case", lambda row: f"{_case(row)} {_party(row)}"),
            ("child", _child),
            ("officer", _officer),
        )
    ),
    f"""CREATE OR REPLACE FUNCTION desk_warning_snapshots_void() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'store_settings' THEN
    IF TG_OP = 'DELETE' THEN
      IF NOT (OLD.key LIKE 'limits.%' OR OLD.key LIKE 'parties.%') THEN RETURN NULL; END IF;
    ELSIF TG_OP = 'INSERT' THEN
      IF NOT (NEW.key LIKE 'limits.%' OR NEW.key LIKE 'parties.%') THEN RETURN NULL; END IF;
    ELSIF NOT (OLD.key LIKE 'limits.%' OR OLD.key LIKE 'parties.%'
               OR NEW.key LIKE 'limits.%' OR NEW.key LIKE 'parties.%') THEN
      RETURN NULL;
    END IF;
  END IF;
  {_VOID}
  RETURN NULL;
END $$""",
)
_PG_TRIGGERS = (
    "CREATE TRIGGER warning_stale_cases AFTER INSERT OR UPDATE OR DELETE ON cases "
    "FOR EACH ROW EXECUTE FUNCTION desk_warning_stale_case()",
    *(
        f"CREATE TRIGGER warning_stale_{t} AFTER INSERT OR UPDATE OR DELETE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION desk_warning_stale_child()"
        for t in CASE_CHILDREN
    ),
    *(
        f"CREATE TRIGGER warning_stale_{t} AFTER INSERT OR UPDATE OR DELETE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION desk_warning_stale_officer()"
        for t in OFFICER_CHILDREN
    ),
    *(
        f"CREATE TRIGGER warning_snapshots_void_{t} AFTER INSERT OR UPDATE OR DELETE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION desk_warning_snapshots_void()"
        for t in EVERY_CASE
    ),
)


def create_triggers(conn: Connection) -> None:
    """The triggers that keep the snapshots honest (the migration, and ``create_all``); a trigger
    already there is left or replaced."""
    if conn.dialect.name == "sqlite":
        for sql in _sqlite_triggers():
            conn.exec_driver_sql(sql)
        return
    for table in _WATCHED:
        for prefix in ("warning_stale_", "warning_snapshots_void_"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {prefix}{table} ON {table}")
    for sql in (*_PG_FUNCTIONS, *_PG_TRIGGERS):
        conn.exec_driver_sql(sql.replace("%", "%%"))  # the driver's placeholders


@event.listens_for(Base.metadata, "after_create")
def _after_create_all(_metadata: object, conn: Connection, **kw: Any) -> None:
    """``create_all`` (the tests' stores) gets the triggers the migration makes, once every table
    they watch exists."""
    made = {t.name for t in kw.get("tables") or Base.metadata.sorted_tables}
    if {*_WATCHED, "warning_stale", "warning_snapshots"} <= made | _existing(conn):
        create_triggers(conn)


def _existing(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


def drop_triggers(conn: Connection) -> None:
    """Remove them (the downgrade)."""
    if conn.dialect.name == "sqlite":
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND (name LIKE 'warning_stale_%' OR name LIKE 'warning_snapshots_void_%')"
        ).scalars()
        for name in list(names):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        return
    for table in _WATCHED:
        for prefix in ("warning_stale_", "warning_snapshots_void_"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {prefix}{table} ON {table}")
    for fn in (
        "desk_warning_stale_case",
        "desk_warning_stale_child",
        "desk_warning_stale_officer",
        "desk_warning_snapshots_void",
    ):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {fn}()")
