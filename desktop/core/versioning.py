"""Optimistic locking: a row that two workstations can edit carries a version; a write based on
an older read is refused with who changed the row and when."""

from __future__ import annotations

from typing import Protocol

from desktop.core.clock import parse_utc_iso
from desktop.core.errors import Conflict
from desktop.core.i18n import QT_TRANSLATE_NOOP


class VersionedRow(Protocol):
    """A row with an optimistic lock: its version and who changed it last and when."""

    @property
    def version(self) -> int: ...

    @property
    def updated_at(self) -> str: ...

    @property
    def updated_by(self) -> str: ...


def check_version(row: VersionedRow, version: int) -> None:
    """Refuse a write based on an older read of ``row``: name who changed it and when."""
    if row.version != version:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Changed by {who} at {when} — reload and try again."),
            who=row.updated_by,
            when=_local_minutes(row.updated_at),
        )


def _local_minutes(text: str) -> str:
    try:
        return parse_utc_iso(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text
