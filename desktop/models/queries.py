"""Shared query helpers: a page of a list, counted and windowed in SQL (indexed columns)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select, table
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.core.paging import ListQuery
from desktop.models import bigrams, search


def like_pattern(text: str) -> str:
    """A LIKE pattern that finds ``text`` anywhere, with LIKE's wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def dialect_of(session: Session) -> str:
    """``sqlite`` or ``postgresql``: the store behind a session."""
    bind = session.get_bind()
    return bind.dialect.name


def search_clause(text: str, columns: Sequence[Any], dialect: str = "") -> ColumnElement[bool] | None:
    """Rows where any of ``columns`` contains ``text`` (case-insensitive), or None for no search.

    On SQLite plain LIKE already ignores ASCII case (and ``lower()`` does nothing for Chinese),
    so it is used as it is: ILIKE there would call ``lower()`` on every row. Text without any
    letter that has a case (Chinese, digits, 〔〕) finds the same rows with LIKE on PostgreSQL
    too, about four times faster than ILIKE.
    """
    text = text.strip()
    if not text:
        return None
    pattern = like_pattern(text)
    if dialect == "sqlite" or text.lower() == text.upper():
        return or_(*(col.like(pattern, escape="\\") for col in columns))
    return or_(*(col.ilike(pattern, escape="\\") for col in columns))


def indexed_search_clause(
    session: Session, text: str, columns: Sequence[Any], row_id: Any
) -> ColumnElement[bool] | None:
    """``search_clause`` over the register's 案号, 当事人 and 案由 through their trigram index.

    The rows are exactly ``search_clause``'s: on SQLite the FTS5 trigram table (which folds the
    case of every alphabet) narrows the rows to those holding the text's trigrams, and LIKE
    decides among them. PostgreSQL's ``pg_trgm`` indexes serve LIKE and ILIKE as they are. Text
    of one or two characters has no trigram: the index of character pairs (``bigrams``) narrows
    the rows on both databases instead. A store without an index scans.
    """
    clause = search_clause(text, columns, dialect_of(session))
    text = text.strip()
    if clause is None:
        return clause
    if len(text) <= bigrams.MAX_LENGTH:
        # PostgreSQL's index is over the three columns, in this order (``columns`` as the register passes them)
        if not bigrams.available(session) or (dialect_of(session) != "sqlite" and len(columns) != 3):
            return clause
        return and_(bigrams.candidates(session, text, columns, row_id), clause)
    if dialect_of(session) != "sqlite":
        return clause
    if not search.fts_available(session):
        return clause
    matching: Select[tuple[Any]] = (
        select(literal_column("rowid"))
        .select_from(table(search.FTS_TABLE))
        .where(literal_column(search.FTS_TABLE).op("MATCH")(search.fts_query(text)))
    )
    return and_(row_id.in_(matching), clause)


def has_latin_or_digits(text: str) -> bool:
    """Whether ``text`` holds an ASCII letter or digit (else it can only match names)."""
    return any(ch.isascii() and ch.isalnum() for ch in text)


def fetch_page(
    session: Session,
    stmt: Select,
    query: ListQuery,
    sort_columns: Mapping[str, Any],
    default_sort: Sequence[Any],
    tiebreak: Any,
    count_stmt: Select | None = None,
) -> tuple[list[Any], int]:
    """Count every row ``stmt`` matches and fetch the query's window, sorted in SQL.

    ``count_stmt`` may count the same rows more cheaply (without joins that only add columns).
    With the query's ``count_cap`` the count stops after ``count_cap + 1`` rows (a count above
    the cap says "more than ``count_cap``").
    """
    counted = (count_stmt if count_stmt is not None else stmt).order_by(None)
    if query.count_cap is not None:
        counted = counted.limit(query.count_cap + 1)
    total = session.execute(select(func.count()).select_from(counted.subquery())).scalar_one()
    column = sort_columns.get(query.sort or "")
    if column is not None:
        # Empty values last in both directions and on both databases (they differ by default).
        order = [(column.desc() if query.descending else column.asc()).nulls_last(), tiebreak]
    else:
        order = [*default_sort, tiebreak]
    windowed = stmt.order_by(*order).offset(query.offset)
    if query.limit is not None:
        windowed = windowed.limit(query.limit)
    return list(session.execute(windowed).all()), total
