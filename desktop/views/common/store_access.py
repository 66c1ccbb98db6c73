"""Which store access the GUI thread is meant to make (ARCHITECTURE.md: "the GUI thread never
waits on the store, except the lazy table's page fetch").

``store_access(why)`` marks the access made inside it as intended: the task runner marks the work
it runs (``"task"``: on its worker, or at once in the tests' synchronous runner) and the lazy
table marks its page fetch (the one exception on the GUI thread). The GUI tests' guard fails any
session or unit of work a view opens on the GUI thread without the mark.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_access = threading.local()


@contextmanager
def store_access(why: str) -> Iterator[None]:
    """Mark the store access made inside as intended: a task's work, or the lazy table's fetch."""
    previous = getattr(_access, "why", None)
    _access.why = why
    try:
        yield
    finally:
        _access.why = previous


def store_access_reason() -> str | None:
    """Why this thread may use the store just now (``store_access``), or None."""
    return getattr(_access, "why", None)
