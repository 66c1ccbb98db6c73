"""AppContext: what the window's pages and the command line are handed explicitly.

Light on purpose (no SQLAlchemy): the main window's frame is built from it before the store has
opened when the user is known at start (``desktop.views.shell.smoke``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desktop.core.clock import Clock
from desktop.core.seams import Dialogs, Tasks, Window
from desktop.core.security import Actor
from desktop.core.settings import Settings

if TYPE_CHECKING:
    from desktop.models.db import Store


@dataclass
class AppContext:
    """Settings, the store (unit-of-work factory), the clock and, after login, the user.

    ``store`` is None only while a window's frame is shown before its store has opened
    (``has_store``; ``store`` then refuses, as ``user`` does before login). ``tasks`` and
    ``dialogs`` are the window's task runner and dialog seam (set by the views); the command line
    leaves them unset. ``scoring_windows``: the scoring windows open, by score sheet id (closed
    before the user changes or the program quits).
    """

    settings: Settings
    opened_store: Store | None
    clock: Clock
    actor: Actor | None = None
    as_of: date | None = None
    tasks: Tasks | None = None
    dialogs: Dialogs | None = None
    scoring_windows: dict[int, Window] = field(default_factory=dict)

    @property
    def store(self) -> Store:
        """The open store (pages are built only once it is open)."""
        if self.opened_store is None:
            raise RuntimeError("the store is not open yet")
        return self.opened_store

    @property
    def has_store(self) -> bool:
        """Whether the store has opened (the frame may be shown before)."""
        return self.opened_store is not None

    @property
    def user(self) -> Actor:
        """The logged-in user (the window never shows a page before login)."""
        if self.actor is None:
            raise RuntimeError("no user is logged in")
        return self.actor

    def today(self) -> date:
        """The date deadlines are evaluated on: ``as_of`` or the clock's today."""
        return self.as_of or self.clock.today()
