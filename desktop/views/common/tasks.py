"""Background work as small op objects (STYLE.md §3–4), in the manner of Anki's ``taskman``.

A page hands ``run`` a function of ``(progress, cancelled)`` that calls one service, and says
what to do with the result on the GUI thread::

    ctx.tasks.run(lambda progress, cancelled: service.import_cases(path, progress, cancelled),
                  on_done=self.on_import_done, label=self.tr("Importing row {done} of {total}"),
                  parent_widget=self)

- Database work goes through **one serial worker**: a private ``QThreadPool`` with
  ``maxThreadCount = 1`` and no thread expiry. Its queue is FIFO, its one long-lived thread
  means no two units of work ever interleave (SQLite has a single writer; "database is locked"
  cannot come from ourselves) and SQLAlchemy connections always see the same thread; and
  ``waitForDone`` gives a clean shutdown, with no ``moveToThread`` or event loop in the worker.
  Station and network I/O (``io=True``) go through a separate small pool so a slow device never
  holds up the store.
- Results come back to the GUI thread by a queued signal; ``on_done(result)`` or
  ``on_error(exc)`` (default: ``dialogs.show_error``, whose store-problem message offers 重试:
  the same work run again) run there.
- Progress is written by the worker into a locked holder and **polled every 100 ms** (no signal
  per row). A busy cursor appears after ~300 ms, a progress dialog with Cancel after ~600 ms.
  Cancel only sets a flag; the service checks ``cancelled()`` and raises ``Cancelled``.
- **Stale results:** runs that share a ``key`` (``"officers-search"``) keep only the newest: an
  older run is asked to cancel and its result (or error) is dropped.
- **Changes announce themselves:** each run collects what its commits changed
  (``desktop.core.changes``); after ``on_done``/``on_error`` the runner emits
  ``changes_committed(Changes, origin)`` (origin: the run's ``parent_widget``, or None), even for
  a dropped result, since the commit happened. Pages that show one of those kinds read again.
- **Quick reads** (a dialog's choices, a record read again, a detail pane) go through
  ``load(fn, on_done)``: the same serial worker, no progress dialog, a busy cursor only after
  ~300 ms. A dialog opens at once and fills its lists in ``on_done`` (OK stays disabled until
  then).
- **The GUI thread never waits on the store** (ARCHITECTURE.md), with one exception: the lazy
  table's page fetch (``views/common/lazy_table.py``), a window query of a few milliseconds that
  Qt asks for while painting. Work run here, and that fetch, are marked (``store_access``); the
  GUI tests fail on any store access from a view on the GUI thread without the mark.

``SyncTaskRunner`` has the same interface and runs everything at once in the calling thread:
tests use it (no threads, no sleeps, no dialogs).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from desktop.views.common.messages import Dialogs
from desktop.views.common.task import Task, Work, progress_text

log = logging.getLogger(__name__)

BUSY_AFTER_S = 0.3
DIALOG_AFTER_S = 0.6
POLL_MS = 100
IO_THREADS = 4


class _RunnerBase(QObject):
    """What both runners share: quick reads, the stale-result rule and handing outcomes on."""

    task_started = Signal(object)
    task_finished = Signal(object)
    changes_committed = Signal(object, object)
    """``(Changes, origin)``: a run committed changes; origin is its widget (or None)."""

    def __init__(self, dialogs: Dialogs | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self._latest: dict[str, Task] = {}

    def load(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        *,
        on_error: Callable[[BaseException], None] | None = None,
        parent_widget: QWidget | None = None,
        key: str | None = None,
    ) -> Task:
        """A quick read: ``fn()`` on the store's worker (at once in the synchronous runner), no
        progress dialog, then ``on_done(result)``."""
        return self.run(
            lambda _progress, _cancelled: fn(),
            on_done=on_done,
            on_error=on_error,
            parent_widget=parent_widget,
            cancellable=False,
            key=key,
            show_progress=False,
        )

    def _new_task(self, label: str, key: str | None, **kwargs: Any) -> Task:
        task = Task(label, key, **kwargs)
        if key is not None:
            older = self._latest.get(key)
            if older is not None and not older.finished:
                older.superseded = True
                older.cancel()
            self._latest[key] = task
        return task

    def _deliver(self, task: Task) -> None:
        try:
            self._hand_over(task)
        finally:
            self._announce(task)

    def _announce(self, task: Task) -> None:
        """Say what the run committed, once its own callbacks have shown it."""
        if task.changes:
            origin = task.parent_widget
            if origin is not None and not shiboken6.isValid(origin):
                origin = None
            self.changes_committed.emit(task.changes, origin)

    def _hand_over(self, task: Task) -> None:
        if task.key is not None:
            if self._latest.get(task.key) is not task:
                task.state = "dropped"
                log.debug("dropped the stale result of %r", task)
                self.task_finished.emit(task)
                return
            del self._latest[task.key]
        self.task_finished.emit(task)
        if task.parent_widget is not None and not shiboken6.isValid(task.parent_widget):
            task.state = "dropped"  # the page closed (e.g. switch user) while the work ran
            log.debug("dropped the result of %r: its widget is gone", task)
            return
        if task.error is None:
            if task.on_done is not None:
                task.on_done(task.result)
        elif task.on_error is not None:
            task.on_error(task.error)
        else:
            self._default_on_error(task)

    def _default_on_error(self, task: Task) -> None:
        assert task.error is not None
        retry = partial(self._rerun, task) if task.fn is not None else None
        (self.dialogs or Dialogs()).show_error(task.parent_widget, task.error, on_retry=retry)

    def _rerun(self, task: Task) -> Task:
        """The same work again with the same callbacks (重试 in the store-problem message)."""
        return self.run(
            task.fn,
            on_done=task.on_done,
            on_error=task.on_error,
            label=task.label,
            parent_widget=task.parent_widget,
            cancellable=task.cancellable,
            key=task.key,
            io=task.io,
            show_progress=task.show_progress,
        )


class _Job(QRunnable):
    def __init__(self, task: Task, fn: Work, deliver: Callable[[Task], None]) -> None:
        super().__init__()
        self.task, self.fn, self.deliver = task, fn, deliver
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task.execute(self.fn)
        try:
            self.deliver(self.task)
        except RuntimeError:  # the runner is gone (the program is closing): nobody to tell
            log.debug("no runner left to receive %r", self.task)


class TaskRunner(_RunnerBase):
    """Runs work off the GUI thread: one serial worker for the store, a small pool for I/O."""

    _delivered = Signal(object)

    def __init__(
        self,
        dialogs: Dialogs | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        busy_after: float = BUSY_AFTER_S,
        dialog_after: float = DIALOG_AFTER_S,
    ) -> None:
        super().__init__(dialogs, parent)
        self._clock = clock
        self._busy_after, self._dialog_after = busy_after, dialog_after
        self._db_pool = _pool(self, 1)
        self._io_pool = _pool(self, IO_THREADS)
        self._active: list[Task] = []
        self._delivered.connect(self.on_worker_delivered, Qt.ConnectionType.QueuedConnection)
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self.on_poll_timer_timeout)

    def run(
        self,
        fn: Work,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
        parent_widget: QWidget | None = None,
        cancellable: bool = True,
        key: str | None = None,
        io: bool = False,
        show_progress: bool = True,
    ) -> Task:
        """Queue ``fn(progress, cancelled)``; its outcome goes to ``on_done``/``on_error`` later."""
        task = self._new_task(
            label,
            key,
            on_done=on_done,
            on_error=on_error,
            parent_widget=parent_widget,
            cancellable=cancellable,
            show_progress=show_progress,
            started_at=self._clock(),
        )
        task.fn, task.io = fn, io
        self._active.append(task)
        (self._io_pool if io else self._db_pool).start(_Job(task, fn, self._delivered.emit))
        if not self._poll_timer.isActive():
            self._poll_timer.start()
        self.task_started.emit(task)
        return task

    def active(self) -> list[Task]:
        """Tasks queued or running, oldest first."""
        return list(self._active)

    def on_worker_delivered(self, task: Task) -> None:
        """A task ended on a worker: drop its feedback, then hand its outcome on."""
        if task in self._active:
            self._active.remove(task)
        self._end_feedback(task)
        if not self._active:
            self._poll_timer.stop()
        self._deliver(task)

    # -- feedback ----------------------------------------------------------------------------

    def on_poll_timer_timeout(self) -> None:
        """Every 100 ms: busy cursor after ~300 ms, progress dialog after ~600 ms, progress."""
        now = self._clock()
        for task in list(self._active):
            if task.finished or task.superseded:
                continue
            elapsed = now - task.started_at
            if elapsed >= self._busy_after and not task.cursor_shown:
                QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
                task.cursor_shown = True
            if elapsed >= self._dialog_after and task.show_progress and task.dialog is None:
                task.dialog = self._open_dialog(task)
            if task.dialog is not None and task in self._active:
                self._update_dialog(task)

    def _open_dialog(self, task: Task) -> QProgressDialog:
        dialog = QProgressDialog(task.parent_widget)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        if task.cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(partial(self.on_dialog_canceled, task))
        else:
            dialog.setCancelButton(None)
        dialog.setLabelText(progress_text(task.label, *task.progress.snapshot()))
        dialog.show()
        return dialog

    def _update_dialog(self, task: Task) -> None:
        dialog = task.dialog
        assert dialog is not None
        done, total, text = task.progress.snapshot()
        if dialog.wasCanceled() and not task.cancelled():
            self.on_dialog_canceled(task)
        if task.cancelled():
            dialog.setLabelText(self.tr("Cancelling…"))
            return
        dialog.setLabelText(progress_text(task.label, done, total, text))
        if total is None or total <= 0:
            dialog.setRange(0, 0)
        else:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))  # a modal dialog processes events here

    def on_dialog_canceled(self, task: Task) -> None:
        """Cancel pressed: set the flag and keep saying so until the work stops."""
        task.cancel()
        dialog = task.dialog
        if dialog is not None and not task.finished:
            dialog.setLabelText(self.tr("Cancelling…"))
            for button in dialog.findChildren(QPushButton):
                button.setEnabled(False)
            dialog.show()

    def _end_feedback(self, task: Task) -> None:
        if task.cursor_shown:
            QGuiApplication.restoreOverrideCursor()
            task.cursor_shown = False
        if task.dialog is not None:
            dialog, task.dialog = task.dialog, None
            dialog.blockSignals(True)
            if task.cancellable:
                # Let go of the slot now: it holds the task, and through it the parent widget. Were
                # it released only when the deferred delete runs, the parent's last reference
                # could go inside ~QProgressDialog and delete the parent, and with it this dialog
                # a second time (the first run's crash: "shared QObject was deleted directly").
                dialog.canceled.disconnect()
            dialog.hide()
            dialog.deleteLater()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel everything, wait for the workers (at exit); True if they all stopped in time."""
        for task in self._active:
            task.cancel()
        ok = self._db_pool.waitForDone(timeout_ms) and self._io_pool.waitForDone(timeout_ms)
        self._poll_timer.stop()
        for task in list(self._active):
            self._end_feedback(task)
        return ok


def _pool(parent: QObject, threads: int) -> QThreadPool:
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(threads)
    pool.setExpiryTimeout(-1)
    return pool


class SyncTaskRunner(_RunnerBase):
    """The same interface, run at once in the calling thread (tests: no threads, no sleeps).

    Without ``on_error`` and without ``dialogs`` an error is raised to the caller, so a test
    sees it. ``cancel_at``: the cancel flag turns on once progress reaches that many done, as if
    the user pressed Cancel then. ``progress_log`` keeps every progress report.
    """

    def __init__(
        self, dialogs: Dialogs | None = None, parent: QObject | None = None, *, cancel_at: int | None = None
    ) -> None:
        super().__init__(dialogs, parent)
        self.cancel_at = cancel_at
        self.progress_log: list[tuple[int, int | None, str]] = []
        self.tasks: list[Task] = []

    def run(
        self,
        fn: Work,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
        parent_widget: QWidget | None = None,
        cancellable: bool = True,
        key: str | None = None,
        io: bool = False,
        show_progress: bool = True,
    ) -> Task:
        """Run ``fn(progress, cancelled)`` now, then ``on_done``/``on_error``."""
        task = self._new_task(
            label,
            key,
            on_done=on_done,
            on_error=on_error,
            parent_widget=parent_widget,
            cancellable=cancellable,
            show_progress=show_progress,
        )
        task.fn, task.io = fn, io
        self.tasks.append(task)
        self.task_started.emit(task)
        task.execute(lambda _progress, cancelled: fn(partial(self._report, task), cancelled))
        self._deliver(task)
        return task

    def _report(self, task: Task, done: int, total: int | None = None, text: str = "") -> None:
        task.progress(done, total, text)
        self.progress_log.append((done, total, text))
        if self.cancel_at is not None and done >= self.cancel_at and task.cancellable:
            task.cancel()

    def _default_on_error(self, task: Task) -> None:
        if self.dialogs is None:
            assert task.error is not None
            raise task.error
        super()._default_on_error(task)

    def active(self) -> list[Task]:
        """Nothing is ever left running."""
        return []

    def shutdown(self, timeout_ms: int = 0) -> bool:
        """Nothing to wait for."""
        return True
