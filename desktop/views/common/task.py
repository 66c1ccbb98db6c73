"""One piece of background work as the task runner sees it: the work's signature, its progress
holder (written by the worker, polled by the GUI), its state, result, error and the changes its
commits made; and the progress line a dialog shows."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.changes import NO_CHANGES, Changes, collecting
from desktop.core.errors import Cancelled
from desktop.core.seams import Progress
from desktop.views.common.store_access import store_access

Work = Callable[[Progress, Callable[[], bool]], Any]


class ProgressHolder:
    """The latest progress of one task, written by the worker and read by the GUI (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: tuple[int, int | None, str] = (0, None, "")

    def __call__(self, done: int, total: int | None = None, text: str = "") -> None:
        """Record progress (called by the service, on any thread)."""
        with self._lock:
            self._state = (done, total, text)

    def snapshot(self) -> tuple[int, int | None, str]:
        """``(done, total, text)`` as last reported."""
        with self._lock:
            return self._state


class Task:
    """One run: its label, progress, cancel flag and outcome."""

    _ids = itertools.count(1)

    def __init__(
        self,
        label: str = "",
        key: str | None = None,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent_widget: QWidget | None = None,
        cancellable: bool = True,
        show_progress: bool = True,
        started_at: float = 0.0,
    ) -> None:
        self.id = next(self._ids)
        self.label, self.key = label, key
        self.on_done, self.on_error = on_done, on_error
        self.parent_widget = parent_widget
        self.cancellable, self.show_progress = cancellable, show_progress
        self.started_at = started_at
        self.progress = ProgressHolder()
        self._cancel = threading.Event()
        self.state = "queued"  # queued, running, done, failed, dropped
        self.result: Any = None
        self.error: BaseException | None = None
        self.changes: Changes = NO_CHANGES
        self.superseded = False
        self.cursor_shown = False
        self.dialog: QProgressDialog | None = None
        self.fn: Work | None = None  # what the runner was given, to run again (重试)
        self.io = False

    def cancel(self) -> None:
        """Ask the work to stop (it stops when it next checks ``cancelled()``)."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """Whether cancel was asked for (passed to the work as its cancel flag)."""
        return self._cancel.is_set()

    @property
    def finished(self) -> bool:
        """Whether the outcome is known (done, failed or dropped)."""
        return self.state in ("done", "failed", "dropped")

    def execute(self, fn: Work) -> None:
        """Run ``fn`` here and keep its result or exception (never raises)."""
        self.state = "running"
        with collecting() as collector:
            try:
                if self.cancelled():  # cancelled or superseded while still queued
                    raise Cancelled()
                with store_access("task"):
                    self.result = fn(self.progress, self.cancelled)
                self.state = "done"
            except Exception as exc:  # handed to on_error on the GUI thread
                self.error = exc
                self.state = "failed"
        self.changes = collector.changes

    def __repr__(self) -> str:
        return f"<Task {self.id} {self.label!r} key={self.key!r} {self.state}>"


def progress_text(label: str, done: int, total: int | None, text: str = "") -> str:
    """The progress dialog's text: the label with done/total, e.g. "正在导入 第 1,200 / 5,000 行".

    A label with ``{done}``/``{total}`` places the numbers itself ("Importing row {done} of
    {total}"); otherwise they follow it.
    """
    numbers = {"done": f"{done:,}", "total": f"{total:,}" if total is not None else "?"}
    if "{done}" in label or "{total}" in label:
        try:
            line = label.format(**numbers)
        except (KeyError, IndexError, ValueError):
            line = label
    elif total is not None:
        line = QCoreApplication.translate("TaskRunner", "{label} ({done} of {total})").format(
            label=label, **numbers
        )
    elif done:
        line = QCoreApplication.translate("TaskRunner", "{label} ({done})").format(
            label=label, done=numbers["done"]
        )
    else:
        line = label
    return f"{line}\n{text}" if text else line
