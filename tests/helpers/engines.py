"""The tests' stores compile each SQL statement once per test process.

SQLAlchemy keeps compiled statements per engine, keyed by the engine's dialect object; every
test opens its own store (its own SQLite file, or a PostgreSQL schema emptied for it), so every
test compiled every statement it ran anew — about a third of a store test's time. In tests:

- SQLite engines share one dialect and one statement cache (they differ only by their file; a
  SQLite dialect knows nothing of the file it is used with);
- a PostgreSQL engine is kept per address and given again to the next store on that address (the
  test schemas are reused, emptied, from test to test); ``Store.dispose`` closes its connections
  as before, and the engine opens new ones when next used.

The program itself opens one store per process and is not changed by this.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import URL, Engine
from sqlalchemy.util import LRUCache

MakeEngine = Callable[..., Engine]

STATEMENTS = 5000
"""Compiled statements kept for all SQLite stores of a process (an engine keeps 500)."""


class CompiledOnce:
    """Wraps ``desktop.models.db._make_engine`` (see the module docstring)."""

    def __init__(self, make_engine: MakeEngine) -> None:
        self.make_engine = make_engine
        self.sqlite: tuple[object, LRUCache] | None = None
        self.servers: dict[str, Engine] = {}

    def __call__(self, url: URL, *, echo: bool) -> Engine:
        if echo:
            return self.make_engine(url, echo=echo)
        if url.get_backend_name() == "postgresql":
            address = url.render_as_string(hide_password=False)
            if address not in self.servers:
                self.servers[address] = self.make_engine(url, echo=echo)
            return self.servers[address]
        engine = self.make_engine(url, echo=echo)
        if url.get_backend_name() == "sqlite":
            if self.sqlite is None:
                self.sqlite = (engine.dialect, LRUCache(STATEMENTS))
            engine.dialect, engine._compiled_cache = self.sqlite  # type: ignore[assignment]
        return engine

    def close(self) -> None:
        """Close the kept PostgreSQL engines' connections."""
        for engine in self.servers.values():
            engine.dispose()
        self.servers.clear()
