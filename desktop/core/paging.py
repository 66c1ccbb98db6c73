"""Queries for pages of a large list, and the pages they return (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class ListQuery:
    """What a table asks of a service: search text, filters, sort and a window of rows."""

    search: str = ""
    filters: tuple[tuple[str, Any], ...] = ()
    sort: str | None = None
    descending: bool = False
    offset: int = 0
    limit: int | None = 100
    count_cap: int | None = None
    """Count at most this many rows (the window's first answer: its page at once, the exact
    count read after, off the GUI thread); None counts exactly. A service that cannot count
    cheaply beyond it answers ``Page(total=count_cap, capped=True)``."""

    def filter(self, name: str, default: Any = None) -> Any:
        """The value of one filter, or ``default``."""
        return dict(self.filters).get(name, default)

    def window(self, offset: int, limit: int | None) -> ListQuery:
        """The same query for another window of rows."""
        return ListQuery(self.search, self.filters, self.sort, self.descending, offset, limit, self.count_cap)

    def exactly(self) -> ListQuery:
        """The same query counted exactly (no ``count_cap``)."""
        return ListQuery(self.search, self.filters, self.sort, self.descending, self.offset, self.limit)


@dataclass(frozen=True)
class Page(Generic[T]):
    """A window of rows and the count of all rows that match the query."""

    items: tuple[T, ...] = field(default_factory=tuple)
    total: int = 0
    notes: tuple[Any, ...] = ()
    """What the reader should know about the whole answer (e.g. the years whose holidays were
    not loaded when deadlines were counted)."""
    capped: bool = False
    """The count stopped at the query's ``count_cap``: more than ``total`` rows match."""
