"""Changes to one score sheet, saved one after another, and the marks as the viewer draws them.

``SheetChanges`` is the only way the workspace changes a sheet. Each change is a *plan*: a
function of the latest saved ``Sheet`` that returns the service call to make (or None when
there is nothing to do). Plans run in order through ``ctx.tasks`` (the serial store worker), so
the window never waits on the store, keys pressed quickly are never lost (three "+" are three
more occurrences, each computed from the sheet the one before saved), and a refused change
drops the plans queued behind it and says why (``refused``); the window then shows the last
saved sheet again, which undoes what the widget had already shown.

Each change the reviewer makes is announced with the sheet before and after it (``recorded``),
which the undo history (``sheet_undo``) keeps; the changes an undo or redo makes are queued with
``record=False`` and so are saved, audited and shown like any other, but not recorded again.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.review.dto import MarkRow, Sheet
from desktop.views.common.pdf.shapes import MarkShape

log = logging.getLogger(__name__)

Plan = Callable[[Sheet], Callable[[], Any] | None]
"""Given the latest sheet, the service call to make (returning a ``Sheet`` or ``(Sheet, …)``)."""

DEDUCTION_COLOUR, VETO_COLOUR, NOTE_COLOUR = "#D93025", "#8E1B10", "#1A73E8"


class SheetChanges(QObject):
    """The queue of changes to one sheet; see the module docstring."""

    saved = Signal(object)
    """The sheet as the store has it after a change."""
    refused = Signal(object)
    """The exception of a change the service refused (the queue behind it is dropped)."""
    idle = Signal()
    """Nothing is queued or running any more."""
    recorded = Signal(object, object)
    """A change the reviewer made (not an undo or redo) is saved: the sheet before and after it."""

    def __init__(self, tasks: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.sheet: Sheet | None = None
        self._plans: deque[tuple[Plan, bool]] = deque()
        self._running = False
        self._recording = False
        self._draining = False

    @property
    def busy(self) -> bool:
        """A change is queued or being saved."""
        return self._running or bool(self._plans)

    def add(self, plan: Plan, record: bool = True) -> None:
        """Queue a change; it runs once the changes before it are saved (``record``: announce it on
        ``recorded``, for the undo history)."""
        self._plans.append((plan, record))
        self._drain()

    def _drain(self) -> None:
        if self._draining:
            return
        self._draining = True
        try:
            while not self._running and self._plans and self.sheet is not None:
                plan, record = self._plans.popleft()
                work = plan(self.sheet)
                if work is None:
                    continue
                self._running, self._recording = True, record
                self.tasks.run(
                    lambda _progress, _cancelled, work=work: work(),
                    on_done=self.on_task_done,
                    on_error=self.on_task_error,
                    parent_widget=self._widget(),
                    cancellable=False,
                    show_progress=False,
                )
        finally:
            self._draining = False
        if not self.busy:
            self.idle.emit()

    def _widget(self) -> Any:
        parent = self.parent()
        return parent if hasattr(parent, "isWindow") else None

    def on_task_done(self, result: Any) -> None:
        """A change was saved: keep and announce the sheet, then run the next change."""
        self._running = False
        sheet = result[0] if isinstance(result, tuple) else result
        if isinstance(sheet, Sheet):
            before, self.sheet = self.sheet, sheet
            self.saved.emit(sheet)
            if self._recording and before is not None:
                self.recorded.emit(before, sheet)
        self._drain()

    def on_task_error(self, exc: BaseException) -> None:
        """A change was refused: drop the queue and say why."""
        self._running = False
        dropped = len(self._plans)
        self._plans.clear()
        if dropped:
            log.info("dropped %d changes queued after a refused one", dropped)
        self.refused.emit(exc)
        self._drain()


def mark_shapes(
    sheet: Sheet, selected_code: str | None, selected_mark: int | None, note_label: str
) -> list[MarkShape]:
    """The sheet's marks as the viewer draws them: labelled with their deduction's code (loose
    notes with ``note_label``), the selected deduction's marks (or the selected mark) highlighted."""
    shapes = []
    for mark in sheet.marks:
        colour = (
            NOTE_COLOUR
            if mark.code is None
            else (VETO_COLOUR if sheet.rubric.veto(mark.code) is not None else DEDUCTION_COLOUR)
        )
        selected = (mark.code is not None and mark.code == selected_code) or mark.id == selected_mark
        x0, y0, x1, y1 = mark.rect
        shapes.append(
            MarkShape(mark.id, mark.page, (x0, y0, x1, y1), mark.code or note_label, colour, selected)
        )
    shapes.sort(key=lambda s: s.selected)  # the highlighted ones on top
    return shapes


def marks_under(sheet: Sheet, codes: Sequence[str] | None) -> list[MarkRow]:
    """The marks of these deductions (every mark, loose ones included, when ``codes`` is None)."""
    if codes is None:
        return list(sheet.marks)
    wanted = set(codes)
    return [m for m in sheet.marks if m.code in wanted]
