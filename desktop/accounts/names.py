"""People as the window shows them: the display name (姓名) of each login name, read in one query
for a whole page of rows. The audit keeps the login name; every other place that shows a person
shows this. No Qt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import User

CHUNK = 900
"""Names asked for in one ``IN (…)`` (under SQLite's limit of bound parameters)."""


def display_names(session: Session, names: Iterable[str | None]) -> dict[str, str]:
    """Each login name's display name; a name without an account (deleted, imported) or without a
    display name stands for itself."""
    wanted = sorted({n for n in names if n})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        rows = session.execute(select(User.name, User.display_name).where(User.name.in_(chunk)))
        found.update((name, display) for name, display in rows)
    return {n: (found.get(n) or "").strip() or n for n in wanted}


def shown(names: Mapping[str, str], name: str | None) -> str:
    """The display name of ``name`` from ``names`` ("" for none, the login name when unknown)."""
    return "" if not name else names.get(name, name)
