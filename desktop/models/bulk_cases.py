"""Many new cases inserted at once, their search entries written in bulk (issue 16, item 12).

On SQLite the register's two search indexes (``search``: trigrams; ``bigrams``: character pairs)
are kept by triggers that fire once per inserted row; for an import of 40,000 cases they were most
of the time that the store's only write lock was held. So an import prepares everything before its
transaction (``prepare``: each row's values as the driver takes them and its character pairs,
computed in Python exactly as the trigger's view computes them — ``sqlite_grams``), and
``insert`` then sets the two insert triggers aside, writes the rows and the index entries in three
driver-level multi-row statements and creates the triggers again from the text SQLite holds for
them — all inside the caller's transaction, so no other connection ever sees them missing (the
write lock is held from the transaction's first statement) and a rollback restores them with the
rest.

PostgreSQL indexes rows as they are inserted (GIN indexes, no triggers) and holds no store-wide
lock; an import there inserts through ``RETURNING`` and does not use this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from desktop.models import bigrams, search, warning_snapshots
from desktop.models.base import table_of
from desktop.models.cases import Case

_CASES = table_of(Case)
_FTS_TRIGGER = "cases_fts_insert"
_BIGRAMS_TRIGGER = "cases_bigrams_insert"
_STALE_TRIGGER = warning_snapshots.CASE_INSERT_TRIGGER
_CACHE_KIB = 131_072
"""The page cache while the rows go in (128 MiB; SQLite's default of 2 MiB spills the twelve
indexes' pages to the log half-way through 40,000 rows, which doubles the time)."""


def sqlite_grams(case_no: str | None, party: str | None, cause: str | None) -> str:
    """The tokens ``bigrams``' view writes for a case: each overlapping pair of the text
    ``lower(案号) ␟ lower(当事人) ␟ lower(案由) ␟`` (SQLite's ``lower()`` folds ASCII letters only) as
    ``x`` + the first character's code point in six hex digits + the second's UTF-8 bytes in
    upper-case hex, at most ``bigrams.POSITION_COUNT`` of them, separated by spaces."""
    joined = f"{case_no or ''}\x1f{party or ''}\x1f{cause or ''}\x1f"
    s = "".join(chr(ord(ch) + 32) if "A" <= ch <= "Z" else ch for ch in joined)
    count = min(len(s) - 1, bigrams.POSITION_COUNT)
    return " ".join(f"x{ord(s[i]):06x}{s[i + 1].encode('utf-8').hex().upper()}" for i in range(count))


@dataclass(frozen=True)
class PreparedRows:
    """New cases ready for ``insert``: the columns (``id`` first, its value given at insert), each
    row's other values as the SQLite driver takes them, its three searched texts and its pairs."""

    columns: tuple[str, ...]
    values: tuple[tuple[Any, ...], ...]
    searched: tuple[tuple[Any, ...], ...]
    grams: tuple[str, ...]


def _default(name: str) -> Any:
    """A column's default, as SQLAlchemy would give it to a row without the column."""
    default = _CASES.c[name].default
    if default is None:
        return None
    if not default.is_scalar:  # a callable default would need SQLAlchemy's execution context
        raise TypeError(f"cases.{name}: only scalar defaults can be written in bulk")
    return default.arg  # type: ignore[attr-defined]


_DEFAULTS = {c.key: _default(c.key) for c in _CASES.columns if c.key != "id"}


def prepare(dialect: Dialect, rows: Sequence[dict[str, Any]]) -> PreparedRows:
    """Rows (column → value, no ``id``; a column left out takes its default) turned into driver
    values, outside any transaction."""
    columns = tuple(_DEFAULTS)
    processors = [_CASES.c[name].type.bind_processor(dialect) for name in columns]
    values = tuple(
        tuple(
            p(value) if p is not None else value
            for p, value in zip(processors, (row.get(name, _DEFAULTS[name]) for name in columns), strict=True)
        )
        for row in rows
    )
    searched = tuple(tuple(row.get(c, _DEFAULTS[c]) for c in search.COLUMNS) for row in rows)
    grams = tuple(sqlite_grams(*texts) for texts in searched)
    return PreparedRows(("id", *columns), values, searched, grams)


def insert(session: Session, prepared: PreparedRows, first_id: int) -> list[int]:
    """Insert the prepared rows with ids from ``first_id`` on and their search entries, inside the
    caller's SQLite write transaction; the ids given are returned."""
    ids = list(range(first_id, first_id + len(prepared.values)))
    if not ids:
        return ids
    conn = session.connection()
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        f"AND name IN ('{_FTS_TRIGGER}', '{_BIGRAMS_TRIGGER}', '{_STALE_TRIGGER}')"
    ).all()
    for name, _sql in found:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    cache = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{_CACHE_KIB}")  # the indexes' pages stay in memory
    marks = ", ".join("?" for _ in prepared.columns)
    conn.exec_driver_sql(
        f"INSERT INTO cases ({', '.join(prepared.columns)}) VALUES ({marks})",
        [(i, *v) for i, v in zip(ids, prepared.values, strict=True)],
    )
    present = {name for name, _ in found}
    if _FTS_TRIGGER in present:
        conn.exec_driver_sql(
            f"INSERT INTO {search.FTS_TABLE} (rowid, {', '.join(search.COLUMNS)}) VALUES (?, ?, ?, ?)",
            [(i, *s) for i, s in zip(ids, prepared.searched, strict=True)],
        )
    if _BIGRAMS_TRIGGER in present:
        conn.exec_driver_sql(
            f"INSERT INTO {bigrams.FTS_TABLE} (rowid, grams) VALUES (?, ?)",
            list(zip(ids, prepared.grams, strict=True)),
        )
    if _STALE_TRIGGER in present:
        warning_snapshots.mark_inserted(conn, ids[0], ids[-1])
    for _name, sql in found:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"PRAGMA cache_size = {cache}")
    return ids
