"""The limits every input obeys, a store-wide setting an administrator changes (设置 › 输入限制):
how many rows an import reads and how many problems it reports before it stops, and the years a
date may carry (``earliest_year`` to this year + ``years_ahead``; ``--as-of`` too).

The limits in force are the process's: ``put_in_force`` is called with the store's values when a
command opens the store, when the window starts, at the start of every import, and when an
administrator saves them; until then the defaults hold.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, fields

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_IMPORT_ROWS = 1_048_575
"""An .xlsx sheet holds at most 1,048,576 rows (one is the header)."""

BOUNDS = {
    "import_rows": (1, MAX_IMPORT_ROWS),
    "import_errors": (1, 100_000),
    "earliest_year": (1900, 2100),
    "years_ahead": (0, 50),
}
"""Each limit's lowest and highest usable value."""

TITLES = {
    "import_rows": QT_TRANSLATE_NOOP("limits", "Rows an import reads at most"),
    "import_errors": QT_TRANSLATE_NOOP("limits", "Problems an import reports at most"),
    "earliest_year": QT_TRANSLATE_NOOP("limits", "Earliest year of a date"),
    "years_ahead": QT_TRANSLATE_NOOP("limits", "Years after this one a date may lie"),
}


@dataclass(frozen=True)
class InputLimits:
    """The import limits and the plausible years (issue 16's defaults)."""

    import_rows: int = 200_000
    import_errors: int = 1_000
    earliest_year: int = 1990
    years_ahead: int = 5

    def validated(self) -> InputLimits:
        """The limits, or a ``ValidationError`` naming the first one out of its bounds."""
        for f in fields(self):
            value, (low, high) = getattr(self, f.name), BOUNDS[f.name]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "{value} is not a usable value: {low} to {high}."),
                    field=f.name,
                    value=value,
                    low=f"{low:,}",
                    high=f"{high:,}",
                )
        return self


_lock = threading.Lock()
_in_force = InputLimits()


def in_force() -> InputLimits:
    """The limits this process obeys now."""
    with _lock:
        return _in_force


def put_in_force(limits: InputLimits) -> InputLimits:
    """Obey ``limits`` from now on (in every thread); the previous ones are returned."""
    global _in_force
    with _lock:
        previous, _in_force = _in_force, limits
    return previous
