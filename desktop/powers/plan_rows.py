"""A 双随机 plan's bulk reads and writes, through the driver: the directory's candidates of a field
(hundreds of thousands of rows, only the columns the draw reads), the drawn targets' names, and
the plan's items written in one ``executemany``. SQLAlchemy's per-row processing costs more than
the database here; the statements are plain SQL in the driver's placeholder style (``?`` SQLite,
``%s`` psycopg)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

_CHUNK = 900
"""Ids per ``IN (…)`` (below every driver's limit on parameters)."""

ITEM_COLUMNS = (
    "plan_id",
    "position",
    "target_id",
    "credit_code",
    "risk",
    "rank",
    "inspector_ids",
    "version",
    "updated_at",
    "updated_by",
)
"""The columns of ``inspection_items`` a new plan writes (its results come later)."""


def _run(session: Session, sql: str, params: Sequence[Any]) -> list[tuple]:
    """Rows of ``sql`` (``?`` placeholders) in the session's transaction, as plain tuples."""
    conn = session.connection()
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def field_candidates(session: Session, field: str) -> list[tuple[str, str, int]]:
    """The directory's targets of ``field`` as ``(统一社会信用代码, 风险等级, id)``."""
    return _run(session, "SELECT credit_code, risk, id FROM inspection_targets WHERE field = ?", (field,))


def target_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The names of the targets ``ids``."""
    out: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        out.update(_run(session, f"SELECT id, name FROM inspection_targets WHERE id IN ({marks})", chunk))
    return out


def insert_items(session: Session, rows: Sequence[Sequence[Any]]) -> None:
    """Write a plan's items (values in ``ITEM_COLUMNS`` order) in one driver call."""
    if not rows:
        return
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO inspection_items ({', '.join(ITEM_COLUMNS)}) VALUES ({', '.join([mark] * len(ITEM_COLUMNS))})"
    conn.exec_driver_sql(sql, list(rows))
