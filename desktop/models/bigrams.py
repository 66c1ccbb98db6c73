"""The register's index of character pairs over 案号, 当事人 and 案由 (migration 0015), for the
searches of one or two characters that a trigram index cannot serve (``鑫源``, ``王``).

The indexed text of a case is ``lower(案号) ␟ lower(当事人) ␟ lower(案由) ␟`` (␟ = U+001F, which
also ends the text, so that its last character has a pair too); ``lower()`` is the database's
own, the one its LIKE (SQLite) or ILIKE (PostgreSQL) folds with.

SQLite: a contentless FTS5 table ``cases_bigrams`` whose tokens are the overlapping pairs, each
written as ``x`` + the first character's code point in six hex digits + the second one's UTF-8
bytes in hex (``unicode()``, ``printf()`` and ``hex()``, all built in: another program that
writes the file keeps the index right, no function of ours is needed). A search of two
characters is one token; of one character, a prefix query served by the table's prefix index of
seven characters. Triggers keep it in step, reading the pairs from the view
``cases_bigram_source`` (a trigger may not hold a WITH clause; the view counts positions with
the small table ``cases_bigram_positions``).

PostgreSQL: a GIN index over ``array_to_tsvector(desk_case_grams(case_no, party, cause))``
(migration 0016; 0015 indexed the array itself), ``desk_case_grams`` an immutable SQL function
giving the text's characters and pairs as a ``text[]``; ``@@ '<lower(:text)>'::tsquery`` finds the
rows, and ``count`` counts them without LIKE. (It still visits each matching row's page: this
PostgreSQL does not skip all-visible pages in a bitmap scan, so 25,000 matches cost a few hundred
milliseconds; the register keeps a count a moment, ``desktop.cases.service``.) (``pg_trgm`` finds
no trigram in ``%鑫源%``, so its indexes cannot narrow such a search.)

The index narrows the rows: LIKE or ILIKE decides among them, so the rows found are exactly
those of the plain search. ``count`` counts the index alone, which is exact when the text holds
only characters whose case folding both databases agree on (``counts_exactly``): LIKE on SQLite
and ILIKE on PostgreSQL (UTF-8) fold with the same ``lower()`` as the index. Nothing here is in
the models: ``include_name`` leaves it out of the comparison of the store with the models.
"""

from __future__ import annotations

import json
import weakref
from typing import Any

from sqlalchemy import cast, func, literal, literal_column, select, table, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import UserDefinedType

MAX_LENGTH = 2
"""The index serves searches of at most this many characters (longer ones use the trigrams)."""
FTS_TABLE = "cases_bigrams"
SOURCE_VIEW = "cases_bigram_source"
POSITIONS = "cases_bigram_positions"
POSITION_COUNT = 4096
"""Characters of indexed text a case can have (the three columns allow 380 through the program)."""
TRIGGERS = (
    "cases_bigrams_insert",
    "cases_bigrams_delete",
    "cases_bigrams_update_old",
    "cases_bigrams_update_new",
)
PG_FUNCTION = "desk_case_grams"
PG_INDEX = "ix_cases_gram_words"
"""The PostgreSQL index searched (migration 0016)."""
PG_ARRAY_INDEX = "ix_cases_grams"
"""Migration 0015's index over the array (replaced by ``PG_INDEX`` in 0016)."""
PG_VECTOR = f"array_to_tsvector({PG_FUNCTION}(case_no, party, cause))"
_SHADOWS = tuple(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "content", "docsize", "config"))

_TEXT = "lower(coalesce(c.case_no, '') || char(31) || coalesce(c.party, '') || char(31) || coalesce(c.cause, '') || char(31))"
_TOKEN = "'x' || printf('%06x', unicode(substr(t.s, p.i, 1))) || hex(substr(t.s, p.i + 1, 1))"
SQLITE_VIEW = (  # the text computed once per case (half the time of writing it out at each use)
    f"CREATE VIEW {SOURCE_VIEW} AS SELECT c.id AS id, "
    f"(SELECT group_concat({_TOKEN}, ' ') FROM (SELECT {_TEXT} AS s) t "
    f"JOIN {POSITIONS} p ON p.i < length(t.s)) AS grams FROM cases c"
)
_COLUMNS = "id, case_no, party, cause"
_INSERT = f"INSERT INTO {FTS_TABLE} (rowid, grams) SELECT id, grams FROM {SOURCE_VIEW} WHERE id = new.id;"
_DELETE = (
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, grams) "
    f"SELECT 'delete', id, grams FROM {SOURCE_VIEW} WHERE id = old.id;"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER cases_bigrams_insert AFTER INSERT ON cases BEGIN {_INSERT} END",
    f"CREATE TRIGGER cases_bigrams_delete BEFORE DELETE ON cases BEGIN {_DELETE} END",
    f"CREATE TRIGGER cases_bigrams_update_old BEFORE UPDATE OF {_COLUMNS} ON cases BEGIN {_DELETE} END",
    f"CREATE TRIGGER cases_bigrams_update_new AFTER UPDATE OF {_COLUMNS} ON cases BEGIN {_INSERT} END",
)
PG_FUNCTION_SQL = (
    f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}(a text, b text, c text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ "
    "SELECT array_agg(DISTINCT g) FROM (SELECT lower(coalesce(a, '') || chr(31) || coalesce(b, '') "
    "|| chr(31) || coalesce(c, '') || chr(31)) AS s) t, generate_series(1, length(t.s)) AS i, "
    "LATERAL (VALUES (substr(t.s, i, 1)), (substr(t.s, i, 2))) AS v(g) $$"
)


def include_name(name: str | None, type_: str) -> bool:
    """For Alembic's comparison: False for this index's tables and index."""
    if type_ == "table" and name in (FTS_TABLE, POSITIONS, *_SHADOWS):
        return False
    return not (type_ == "index" and name in (PG_INDEX, PG_ARRAY_INDEX))


def create(conn: Connection) -> bool:
    """Create the index (as migration 0015 does) on the store behind ``conn`` and fill it; False
    when the store cannot."""
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql(PG_FUNCTION_SQL)
        conn.exec_driver_sql(
            f'CREATE INDEX "{PG_ARRAY_INDEX}" ON cases USING gin ({PG_FUNCTION}(case_no, party, cause))'
        )
        return True
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(grams, content='', tokenize='ascii', "
                "detail='none', prefix='7')"
            )
    except Exception:  # an SQLite without FTS5: searches scan, as before
        return False
    conn.exec_driver_sql(f"CREATE TABLE {POSITIONS} (i INTEGER PRIMARY KEY)")
    conn.exec_driver_sql(
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {POSITION_COUNT}) "
        f"INSERT INTO {POSITIONS} (i) SELECT i FROM n"
    )
    conn.exec_driver_sql(SQLITE_VIEW)
    for sql in SQLITE_TRIGGERS:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE} (rowid, grams) SELECT id, grams FROM {SOURCE_VIEW}")
    return True


def drop(conn: Connection) -> None:
    """Remove the index (the downgrade)."""
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{PG_ARRAY_INDEX}"')
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}(text, text, text)")
        return
    for trigger in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.exec_driver_sql(f"DROP VIEW IF EXISTS {SOURCE_VIEW}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {POSITIONS}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def index_words(conn: Connection) -> None:
    """Migration 0016 on PostgreSQL: the index of lexemes in place of 0015's index over the array."""
    if conn.dialect.name == "sqlite":
        return
    conn.exec_driver_sql(f'CREATE INDEX IF NOT EXISTS "{PG_INDEX}" ON cases USING gin ({PG_VECTOR})')
    conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{PG_ARRAY_INDEX}"')


def index_arrays(conn: Connection) -> None:
    """Migration 0016 undone: 0015's index over the array again."""
    if conn.dialect.name == "sqlite":
        return
    conn.exec_driver_sql(
        f'CREATE INDEX IF NOT EXISTS "{PG_ARRAY_INDEX}" ON cases USING gin ({PG_FUNCTION}(case_no, party, cause))'
    )
    conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{PG_INDEX}"')


_PRESENT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def available(session: Session) -> bool:
    """Whether the store of ``session`` has the index (asked once per engine once it is there)."""
    engine = session.get_bind()
    present = _PRESENT.get(engine)  # type: ignore[arg-type]
    if present is None:
        if engine.dialect.name == "sqlite":
            sql = f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{FTS_TABLE}'"
        else:
            sql = f"SELECT 1 FROM pg_indexes WHERE indexname = '{PG_INDEX}' AND schemaname = current_schema()"
        present = session.execute(text(sql)).scalar() is not None
        if present:  # an absent index may still come with a migration: ask again next time
            _PRESENT[engine] = present  # type: ignore[index]
    return present


def candidates(session: Session, search: str, columns: Any, row_id: Any) -> ColumnElement[bool]:
    """Rows whose indexed text holds ``search`` (1 or 2 characters) in any case: a superset of
    the rows LIKE or ILIKE finds in ``columns`` (案号, 当事人, 案由 in this order)."""
    if session.get_bind().dialect.name != "sqlite":
        return func.array_to_tsvector(func.desk_case_grams(*columns)).op("@@")(_pg_query(search))
    return row_id.in_(select(literal_column("rowid")).select_from(table(FTS_TABLE)).where(_fts_match(search)))


def _fts_match(search: str) -> ColumnElement[bool]:
    folded = func.lower(literal(search))
    first = func.printf("x%06x", func.unicode(func.substr(folded, 1, 1)))
    query = first.concat("*") if len(search) == 1 else first.concat(func.hex(func.substr(folded, 2, 1)))
    return literal_column(FTS_TABLE).op("MATCH")(query)


def _pg_query(search: str) -> Any:
    """``'<lower(search)>'::tsquery``: the one lexeme, quoted (without the PostgreSQL dialect,
    ≈ 0.2 s at start-up)."""
    folded = func.lower(literal(search))
    quoted = func.replace(func.replace(folded, "\\", "\\\\"), "'", "''")
    return cast(literal("'").concat(quoted).concat("'"), _TSQUERY)


class _TsQuery(UserDefinedType):
    """PostgreSQL's ``tsquery``, for the cast."""

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        return "tsquery"


_TSQUERY = _TsQuery()


def counts_exactly(search: str) -> bool:
    """Whether ``count`` is exact for ``search``: every character printable ASCII or CJK (symbols,
    kana, ideographs), whose case the database's ``lower()`` folds as its LIKE / ILIKE do."""
    return bool(search) and all(
        " " <= ch <= "~" or "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in search
    )


_ESTIMATE = (
    f"EXPLAIN (FORMAT JSON) SELECT 1 FROM cases WHERE {PG_VECTOR} @@ "
    r"CAST('''' || replace(replace(lower(:search), '\', '\\'), '''', '''''') || '''' AS tsquery)"
)
"""The plan of ``count``'s rows, its lexeme quoted as ``_pg_query`` quotes it."""


def estimate(session: Session, search: str) -> int | None:
    """PostgreSQL's estimate of how many cases hold ``search`` (1 or 2 characters), from the
    statistics of its index: its planner's figure, no row read (≈ 1 ms; 鑫源: 26,799 for 25,100).
    None on SQLite, whose index counts exactly at about that cost (``count``)."""
    if session.get_bind().dialect.name == "sqlite" or not available(session):
        return None
    plan = session.execute(text(_ESTIMATE), {"search": search}).scalar_one()
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def count(session: Session, search: str, limit: int | None = None) -> int | None:
    """How many cases hold ``search`` (1 or 2 characters) in 案号, 当事人 or 案由, LIKE's (SQLite) or
    ILIKE's (PostgreSQL) count, read through the index without LIKE (SQLite: from the FTS table
    alone); None when it cannot say exactly.

    With ``limit`` the count stops there (``min(count, limit)``): PostgreSQL then visits the
    pages of ``limit`` matching rows, not of all of them (25,000 matches: ≈ 18,000 pages)."""
    if not (len(search) <= MAX_LENGTH and counts_exactly(search) and available(session)):
        return None
    if session.get_bind().dialect.name == "sqlite":
        found, where = table(FTS_TABLE), _fts_match(search)
    else:
        vector: ColumnElement[Any] = literal_column(PG_VECTOR)
        found, where = table("cases"), vector.op("@@")(_pg_query(search))
    if limit is None:
        stmt = select(func.count()).select_from(found).where(where)
    else:
        stmt = select(func.count()).select_from(
            select(literal(1)).select_from(found).where(where).limit(limit).subquery()
        )
    return int(session.execute(stmt).scalar_one())
