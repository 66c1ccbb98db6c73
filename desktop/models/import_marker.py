"""The mark an import leaves beside a SQLite store while it writes (issue 16, item 12).

SQLite has one write lock. While this program's import holds it, another workstation's write (a
login's audit row) waits and then fails with "database is locked"; the mark lets that workstation
say an import is running instead of blaming another program.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.i18n import QT_TRANSLATE_NOOP

IMPORT_RUNNING = QT_TRANSLATE_NOOP(
    "errors", "An import ({who}) is being saved to the store; try again when it has finished."
)


def marker_of(store_file: Path | None) -> Path | None:
    """The mark's file beside a SQLite store file (None for a server or a store in memory)."""
    return store_file.with_name(store_file.name + "-import") if store_file is not None else None


@contextmanager
def importing(marker: Path | None, who: str) -> Iterator[None]:
    """Leave the mark while the block runs."""
    if marker is not None:
        marker.write_text(who, encoding="utf-8")
    try:
        yield
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)


def importer(marker: Path | None) -> str | None:
    """Who is importing, when the mark is there."""
    try:
        return marker.read_text(encoding="utf-8", errors="replace").strip()[:64] if marker else None
    except OSError:
        return None
