"""The stored files counted per agency (``footage_counts``), kept up to date in the transactions
that add, move or delete files: the library's first screen reads a handful of rows instead of
counting every file. ``footage verify`` counts again and repairs the counts if they drifted; a
store whose counts were never taken (no completeness row) is simply counted each time."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from desktop.core.security import Actor
from desktop.models import FootageCount, FootageFile

COMPLETE = -1
"""The row whose presence says the counts cover every file."""


def _key(agency_id: int | None) -> int:
    return agency_id or 0


def counts_complete(session: Session) -> bool:
    """Whether the counts cover every file."""
    return session.get(FootageCount, COMPLETE) is not None


class _Gone:
    """Not a stored file: before an import, after a deletion."""


GONE = _Gone()
Where = int | None | _Gone
"""An agency's id, None (no agency yet), or GONE."""


def move(session: Session, changes: Iterable[tuple[Where, Where]]) -> None:
    """Keep the counts for files added (GONE, agency), deleted (agency, GONE) or moved between
    agencies (before, after); nothing is kept when the counts were never taken."""
    delta: dict[int, int] = {}
    for before, after in changes:
        if not isinstance(before, _Gone):
            delta[_key(before)] = delta.get(_key(before), 0) - 1
        if not isinstance(after, _Gone):
            delta[_key(after)] = delta.get(_key(after), 0) + 1
    _apply(session, delta)


def _apply(session: Session, delta: dict[int, int]) -> None:
    delta = {k: v for k, v in delta.items() if v}
    if not delta or not counts_complete(session):
        return
    for key, n in sorted(delta.items()):
        done = session.execute(
            update(FootageCount)
            .where(FootageCount.agency_key == key)
            .values(files=FootageCount.files + n)
            .returning(FootageCount.agency_key)
        ).first()
        if done is None:
            session.execute(insert(FootageCount).values(agency_key=key, files=n))


def counted_total(session: Session, actor: Actor) -> int | None:
    """The stored files the actor sees (their agency's and those of no agency yet, for a scoped
    user), or None when the counts were never taken."""
    rows = dict(session.execute(select(FootageCount.agency_key, FootageCount.files)).all())
    if COMPLETE not in rows:
        return None
    scope = actor.scope_agency_id
    if scope is None:
        return sum(n for k, n in rows.items() if k >= 0)
    return rows.get(scope, 0) + rows.get(0, 0)


def recount(session: Session) -> bool:
    """Count every stored file again and keep the counts; True when they had drifted."""
    actual = {
        _key(a): n
        for a, n in session.execute(
            select(FootageFile.agency_id, func.count())
            .where(FootageFile.deleted_at.is_(None))
            .group_by(FootageFile.agency_id)
        )
    }
    stored = dict(session.execute(select(FootageCount.agency_key, FootageCount.files)).all())
    wanted = {**{k: n for k, n in actual.items() if n}, COMPLETE: 0}
    kept = {k: n for k, n in stored.items() if n or k == COMPLETE}
    if kept == wanted:
        return False
    session.execute(delete(FootageCount))
    session.execute(insert(FootageCount), [{"agency_key": k, "files": n} for k, n in sorted(wanted.items())])
    return True
