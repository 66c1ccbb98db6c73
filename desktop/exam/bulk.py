"""Many rows written in one driver call (``executemany``): a sitting's 80,000 paper items, their
graded answers. SQLAlchemy's per-row parameter processing costs more than the database here;
the statement is plain SQL in the driver's own placeholder style (``?`` SQLite, ``%s`` psycopg)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session


def _mark(session: Session) -> str:
    return "?" if session.connection().dialect.paramstyle == "qmark" else "%s"


def insert_rows(session: Session, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """``INSERT INTO table (columns) VALUES (…)`` once per row, in the session's transaction."""
    if not rows:
        return
    mark = _mark(session)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    session.connection().exec_driver_sql(sql, list(map(tuple, rows)))


def update_rows(session: Session, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """``UPDATE table SET columns WHERE id`` once per row: each row holds the values, then the id."""
    if not rows:
        return
    mark = _mark(session)
    sql = f"UPDATE {table} SET {', '.join(f'{c} = {mark}' for c in columns)} WHERE id = {mark}"
    session.connection().exec_driver_sql(sql, list(map(tuple, rows)))


def select_rows(session: Session, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The driver's own rows (plain tuples) of ``sql`` written with ``?`` placeholders, in the
    session's transaction: reading a sitting's 80,000 items without a result object per row."""
    if _mark(session) != "?":
        sql = sql.replace("?", "%s")
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()
