"""The register's trigram search index over 案号, 当事人 and 案由 (migration 0004).

SQLite: an external-content FTS5 table ``cases_fts`` (tokenizer ``trigram``, no positions) kept
in step with ``cases`` by three triggers. PostgreSQL: ``pg_trgm`` GIN indexes that LIKE and ILIKE use as they
are; a server where the extension cannot be created keeps the plain scan. A search of fewer than
three characters has no trigram: ``bigrams`` serves it. Neither kind of object is in the models:
``include_name`` leaves them out of the comparison of the store with the models.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from desktop.models import bigrams

log = logging.getLogger(__name__)

COLUMNS = ("case_no", "party", "cause")
MIN_LENGTH = 3
"""A trigram index can find text of at least this many characters."""
FTS_TABLE = "cases_fts"
TRIGGERS = ("cases_fts_insert", "cases_fts_delete", "cases_fts_update")
PG_INDEXES = tuple(f"ix_cases_{column}_trgm" for column in COLUMNS)
_SHADOWS = tuple(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "content", "docsize", "config"))

_NEW = ", ".join(f"new.{c}" for c in COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in COLUMNS)
_NAMES = ", ".join(COLUMNS)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN "
    f"INSERT INTO {FTS_TABLE} (rowid, {_NAMES}) VALUES (new.id, {_NEW}); END",
    f"CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN "
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {_NAMES}) VALUES ('delete', old.id, {_OLD}); END",
    f"CREATE TRIGGER cases_fts_update AFTER UPDATE OF id, {_NAMES} ON cases BEGIN "
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, {_NAMES}) VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO {FTS_TABLE} (rowid, {_NAMES}) VALUES (new.id, {_NEW}); END",
)


def include_name(name: str | None, type_: str, _parents: Any = None) -> bool:
    """For Alembic's comparison: False for the search indexes' tables and indexes (this one's and
    ``bigrams``')."""
    if not bigrams.include_name(name, type_):
        return False
    if type_ == "table" and name in (FTS_TABLE, *_SHADOWS):
        return False
    return not (type_ == "index" and name in PG_INDEXES)


def create(conn: Connection) -> bool:
    """Create the index on the store behind ``conn`` and fill it; False when the store cannot."""
    if conn.dialect.name == "sqlite":
        return _create_sqlite(conn)
    return _create_postgresql(conn)


def drop(conn: Connection) -> None:
    """Remove the index (the downgrade)."""
    if conn.dialect.name == "sqlite":
        for trigger in TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    else:
        for index in PG_INDEXES:
            conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index}"')


def _create_sqlite(conn: Connection) -> bool:
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_NAMES}, content='cases', "
                "content_rowid='id', tokenize='trigram', detail='none')"
            )
    except Exception as exc:  # an SQLite without FTS5 or its trigram tokenizer (before 3.34)
        log.warning("No trigram search index (SQLite %s): searches scan the register", exc)
        return False
    for sql in SQLITE_TRIGGERS:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
    return True


def _create_postgresql(conn: Connection) -> bool:
    schema = _trgm_schema(conn)
    if schema is None:
        try:
            with conn.begin_nested():  # a failed statement must not end the migration's transaction
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        except Exception as exc:
            log.warning(
                "No trigram search index (cannot create extension pg_trgm: %s): searches scan the register",
                str(exc).strip().splitlines()[0],
            )
            return False
        schema = _trgm_schema(conn) or "public"
    for column, index in zip(COLUMNS, PG_INDEXES, strict=True):
        conn.exec_driver_sql(f'CREATE INDEX "{index}" ON cases USING gin ({column} "{schema}".gin_trgm_ops)')
    return True


def _trgm_schema(conn: Connection) -> str | None:
    """The schema pg_trgm is installed in (once per database), or None."""
    return conn.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    ).scalar()


_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def fts_available(session: Session) -> bool:
    """Whether the SQLite store of ``session`` has the FTS table (asked once per engine)."""
    engine = session.get_bind()
    present = _PRESENT.get(engine)  # type: ignore[arg-type]
    if present is None:
        present = (
            session.execute(
                text(f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{FTS_TABLE}'")
            ).scalar()
            is not None
        )
        if present:  # an absent table may still come with a migration: ask again next time
            _PRESENT[engine] = present  # type: ignore[index]
    return present


def fts_query(text: str) -> str:
    """The FTS5 query for rows holding every trigram of ``text`` (each one literal, quotes doubled).

    The table keeps no positions (``detail='none'``: a third of the size, quicker to write), so
    this finds the rows that have the trigrams anywhere; LIKE then keeps those holding the text.
    """
    trigrams = dict.fromkeys(text[i : i + MIN_LENGTH] for i in range(len(text) - MIN_LENGTH + 1))
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams)
