"""What a commit changed, said in kinds of records, for the views (Anki's ``OpChanges``; no Qt).

A service never says by hand what it changed: the unit of work (``desktop.models.db``) looks at
the tables a commit wrote and reports their kinds into the collector of the work around it. The
window's task runner opens a collector around each piece of work (``collecting``) and, once the
work is done, announces the ``Changes`` it holds; each page decides for itself whether it shows
one of those kinds and reads again. A service may add a kind the tables do not tell (``report``).

Kinds are short words: "cases", "warnings", "agencies", "officers", "users", "audit",
"campaigns", "sheets", "rubrics", "rechecks", "feedback", "settings", "calendar".

The collector lives in a context variable: each worker thread has its own, so work on the store
thread and work on the GUI thread (the synchronous runner of the tests) never mix their kinds.
Outside any collector a report goes nowhere (the command line, tests of services).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """The kinds of records one piece of work committed changes to."""

    kinds: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, kinds: Iterable[str]) -> bool:
        """Whether any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds)


NO_CHANGES = Changes()


class Collector:
    """The kinds reported while one piece of work runs."""

    def __init__(self) -> None:
        self._kinds: set[str] = set()

    def add(self, kinds: Iterable[str]) -> None:
        """Note that these kinds changed."""
        self._kinds.update(kinds)

    @property
    def changes(self) -> Changes:
        """Everything reported so far."""
        return Changes(frozenset(self._kinds))


_current: ContextVar[Collector | None] = ContextVar("desk_changes", default=None)


@contextmanager
def collecting() -> Iterator[Collector]:
    """Collect what commits report while the block runs (the task runner wraps each task)."""
    collector = Collector()
    token = _current.set(collector)
    try:
        yield collector
    finally:
        _current.reset(token)


def report(*kinds: str) -> None:
    """Say that records of these kinds changed (the unit of work calls it on commit)."""
    collector = _current.get()
    if collector is not None and kinds:
        collector.add(kinds)
