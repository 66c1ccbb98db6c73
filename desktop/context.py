"""AppContext: what the window's pages and the command line are handed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.clock import Clock
from desktop.core.seams import Dialogs, Tasks, Window
from desktop.core.security import Actor
from desktop.core.settings import Settings
from desktop.models.db import Store


@dataclass
class AppContext:
    """Settings, the store (unit-of-work factory), the clock and, after login, the user.

    ``tasks`` and ``dialogs`` are the window's task runner and dialog seam (set by the views);
    the command line leaves them unset. ``scoring_windows``: the scoring windows open, by score
    sheet id (closed before the user changes or the program quits).
    """

    settings: Settings
    store: Store
    clock: Clock
    actor: Actor | None = None
    as_of: date | None = None
    tasks: Tasks | None = None
    dialogs: Dialogs | None = None
    scoring_windows: dict[int, Window] = field(default_factory=dict)

    @property
    def user(self) -> Actor:
        """The logged-in user (the window never shows a page before login)."""
        if self.actor is None:
            raise RuntimeError("no user is logged in")
        return self.actor

    def today(self) -> date:
        """The date deadlines are evaluated on: ``as_of`` or the clock's today."""
        return self.as_of or self.clock.today()
