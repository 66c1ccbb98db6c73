"""What the scoring window offers the helpers that take deductions and make marks
(``workspace_scoring``, ``workspace_marks``): the sheet shown, the deduction in focus, queuing a
change, a message, and showing a mark. A protocol, so that they never import the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from desktop.context import AppContext
from desktop.review.dto import EntryRow, Sheet

Plan = Callable[[Sheet], Callable[[], Any] | None]
"""A change planned over the latest saved sheet: the service call, or None if there is nothing to do."""


class Workspace(Protocol):
    """The scoring window as its helpers see it."""

    ctx: AppContext
    scoring_id: int
    sheet: Sheet | None

    def entry(self, code: str, sheet: Sheet | None = None) -> EntryRow | None:
        """The entry taken for ``code`` (on the sheet shown by default)."""
        ...

    def change(self, plan: Plan) -> bool:
        """Queue a change if the sheet may be changed."""
        ...

    def status(self, text: str) -> None:
        """A short message in the status bar."""
        ...

    def selected_code(self) -> str | None:
        """The deduction in focus in the standard."""
        ...

    def focused_item_code(self) -> str | None:
        """The item of the standard in focus (or of the deduction in focus)."""
        ...

    def select_code(self, code: str | None, jump: bool = False) -> None:
        """Put the focus on a deduction (None: on nothing)."""
        ...

    def show_sheet(self, sheet: Sheet) -> None:
        """Redraw everything from ``sheet``."""
        ...

    def show_selection(self, jump: bool) -> None:
        """The editor and the marks of the row in focus."""
        ...

    def show_mark(self, mark_id: int, listed: bool = False) -> None:
        """Show a mark on its page (``listed``: select it in the marks list instead)."""
        ...

    def menu_at_cursor(self, menu: QMenu, where: QPoint | None = None) -> None:
        """Show a menu (without blocking) at ``where`` or at the mouse."""
        ...
