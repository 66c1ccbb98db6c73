"""Reading tens of thousands of rows fast in plain Python: the driver's own tuples (without
SQLAlchemy's per-row processing), a date as the driver gives it (ISO text on SQLite, ``date`` on
PostgreSQL) turned into a ``date`` once per distinct value, and Python's cycle collector paused
while many objects without cycles are made."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Select
from sqlalchemy.orm import Session


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while many objects without cycles are made (100,000
    warnings): it would otherwise walk every live object again and again for no garbage (a quarter
    of the time). Left as it was found (a caller that had paused it keeps it paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def driver_rows(session: Session, stmt: Select) -> list[tuple]:
    """The rows of ``stmt`` as the driver's tuples, without SQLAlchemy's result processing."""
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def as_date(value: date | str) -> date:
    """A date as the driver gave it (``date``, or ISO text on SQLite)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def day_memo() -> Callable[[date | str], tuple[date, str]]:
    """A driver's date value as (``date``, ISO text), worked out once per distinct value."""
    memo: dict[date | str, tuple[date, str]] = {}

    def day(value: date | str) -> tuple[date, str]:
        found = memo.get(value)
        if found is None:
            parsed = as_date(value)
            found = memo[value] = (parsed, parsed.isoformat())
        return found

    return day
