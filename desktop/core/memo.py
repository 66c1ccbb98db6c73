"""A small thread-safe memo: answers kept for a moment, read on any thread, dropped on change.

The store keeps one (``Store.memo``). Services own their keys: tuples whose first item names
what is kept (``("register_warnings", …)``). An answer lives ``ttl`` seconds at most, and goes
sooner when a commit changes a kind of record it was computed from (``changed``), when its
prefix is dropped (``drop``), or when the memo is cleared (F5: another workstation may have
written). Every method takes the one lock, so the GUI thread may read while the store thread
drops.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

DEFAULT_TTL = 20.0

_MISSING = object()


class Memo:
    """Answers by key, each with the moment it was kept and the kinds it depends on."""

    def __init__(self, ttl: float = DEFAULT_TTL, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[Any, ...], tuple[float, frozenset[str], Any]] = OrderedDict()
        """key → (the moment it goes stale, the kinds it depends on, the answer)"""

    def get(self, key: tuple[Any, ...], default: Any = None) -> Any:
        """The answer kept under ``key`` if it is still fresh, else ``default``."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return default
            stale_at, _kinds, value = entry
            if self._clock() >= stale_at:
                del self._entries[key]
                return default
            return value

    def put(
        self,
        key: tuple[Any, ...],
        value: Any,
        *,
        kinds: Iterable[str] = (),
        keep: int | None = None,
        ttl: float | None = None,
    ) -> None:
        """Keep ``value`` under ``key`` for ``ttl`` seconds (default: the memo's); dropped sooner
        when one of ``kinds`` changes. ``keep``: at most that many answers share the key's first
        item (the oldest go first)."""
        with self._lock:
            self._entries.pop(key, None)
            if keep is not None:
                same = [k for k in self._entries if k[:1] == key[:1]]
                for old in same[: max(0, len(same) - keep + 1)]:
                    del self._entries[old]
            stale_at = self._clock() + (self.ttl if ttl is None else ttl)
            self._entries[key] = (stale_at, frozenset(kinds), value)

    def drop(self, prefix: tuple[Hashable, ...] = ()) -> int:
        """Forget the answers whose key starts with ``prefix`` (all of them for ``()``); how many."""
        with self._lock:
            gone = [k for k in self._entries if k[: len(prefix)] == prefix]
            for key in gone:
                del self._entries[key]
            return len(gone)

    def changed(self, kinds: Iterable[str]) -> int:
        """Records of ``kinds`` changed: forget the answers computed from them; how many."""
        changed = frozenset(kinds)
        with self._lock:
            gone = [k for k, (_at, depends, _v) in self._entries.items() if not depends.isdisjoint(changed)]
            for key in gone:
                del self._entries[key]
            return len(gone)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return self.get(key, _MISSING) is not _MISSING  # type: ignore[arg-type]
