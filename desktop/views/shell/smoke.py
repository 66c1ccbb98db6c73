"""``--smoke-test``: open the main window on the configured store, visit every page, quit.

Nothing asks anything: the user comes from env ``DESK_USER``/``DESK_PASSWORD`` or, on a store
without accounts, is a transient administrator that is never written anywhere. With the user given
on a SQLite file, the login is checked from the file (``accounts.quick_login``) and the window's
frame shown before SQLAlchemy loads; the store opens and the login is recorded behind it. Every page is shown
and refreshed in turn, the background work it starts is waited for, and the program quits with 0.
Any warning, crash or timeout makes it quit with 1 and say why on stderr (and in the log). Timers
drive it, so the frozen bundle runs the same code.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop.accounts.quick_login import FileAccount, account_in_file
from desktop.context import AppContext
from desktop.core.clock import Clock
from desktop.core.errors import ImportRefused, UserFacingError
from desktop.core.security import Actor, Role
from desktop.core.settings import Settings
from desktop.views.common.crash import install_excepthook
from desktop.views.common.look import sqlite_text
from desktop.views.common.messages import Dialogs
from desktop.views.common.tasks import TaskRunner

if TYPE_CHECKING:  # SQLAlchemy loads with the store, after the window's frame when it can
    from desktop.models.db import Store

log = logging.getLogger(__name__)

POLL_MS = 20
TIMEOUT_S = 120
MAIN_WINDOW = "desktop.views.shell.main_window"
"""The window's module: loaded while the password is checked (not before the store is open)."""
SMOKE_ACTOR = Actor(id=0, name="smoke-test", display_name="smoke-test", role=Role.ADMIN)
"""The administrator of a store without accounts, for the smoke test only (never stored)."""


class SmokeDialogs(Dialogs):
    """Dialogs that never open: anything but an information note fails the smoke test."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        """Log it."""
        log.info("smoke test: %s: %s", title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        """A warning during the smoke test is a failure."""
        self.problems.append(f"{title}: {text}")

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
        """Nobody is there to agree."""
        self.problems.append(f"unexpected question: {title}: {text}")
        return False

    def ask_reload(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Nobody is there to agree."""
        self.problems.append(f"unexpected conflict: {title}: {text}")
        return False

    def open_file(self, parent: QWidget | None, title: str, filter: str) -> str | None:
        """Nobody is there to pick a file."""
        self.problems.append(f"unexpected file picker: {title}")
        return None

    def save_file(self, parent: QWidget | None, title: str, default_name: str, filter: str) -> str | None:
        """Nobody is there to pick a file."""
        self.problems.append(f"unexpected file picker: {title}")
        return None

    def import_errors(self, parent: QWidget | None, exc: ImportRefused) -> None:
        """A refused import is a failure here."""
        self.problems.append(exc.english())

    def crash(self, parent: QWidget | None, exc: BaseException) -> None:
        """A bug."""
        self.problems.append("".join(traceback.format_exception(exc)).rstrip())


class SmokeTest(QObject):
    """Open the store, log in without asking, show and refresh every page, then finish."""

    finished = Signal(int)

    def __init__(
        self,
        settings: Settings,
        store: str | None,
        *,
        tasks: Any,
        dialogs: SmokeDialogs,
        clock: Clock | None = None,
        out: TextIO | None = None,
        err: TextIO | None = None,
        timeout_s: float = TIMEOUT_S,
    ) -> None:
        super().__init__()
        self.settings, self.store_option = settings, store
        self.tasks, self.dialogs, self.clock = tasks, dialogs, clock
        self.out, self.err = out, err
        self.deadline = time.monotonic() + timeout_s
        self.store: Store | None = None
        self.ctx: AppContext | None = None
        self.window: Any = None
        self.queue: list[str] = []
        self.visited: list[str] = []
        self.exit_code: int | None = None
        self._settled = False

    # -- steps -------------------------------------------------------------------------------

    def start(self) -> None:
        """With the user given on a SQLite store that exists: read the account from its file,
        check the password while the window's frame is built, show the frame, then open the store
        and record the login behind it. Otherwise (a server, a new store, no user given, or a
        login the file cannot confirm): open the store, find the user, then the window — no
        questions either way. Every read is on the worker."""
        self.clock = self.clock or Clock()
        path = self.settings.chosen_sqlite_file(self.store_option)
        name, password = os.environ.get("DESK_USER"), os.environ.get("DESK_PASSWORD")
        if path is None or not path.is_file() or not name or password is None:
            self.open_then_log_in()
            return
        now = self.clock.now()
        self._in_background(
            lambda: account_in_file(path, name, now),
            partial(self.on_account_read, password, sqlite_text(path)),
            lambda _exc: self.open_then_log_in(),
        )

    def on_account_read(self, password: str, store_label: str, account: FileAccount | None) -> None:
        """Check the password in the background (scrypt lets go of the GIL) and build the frame
        meanwhile; it is shown once the password is right."""
        if account is None:
            self.open_then_log_in()
            return
        self._in_background(
            lambda: account.accepts(password),
            self.on_password_checked,
            lambda _exc: self.on_password_checked(False),  # not told: the frame goes, the usual way
        )
        self.ctx = self._context(None, account.actor)
        try:  # the window's module loads here too: the account was read first, unhindered
            self.window = import_module(MAIN_WINDOW).MainWindow(
                self.ctx, first_page_after_paint=True, store_label=store_label
            )
        except Exception as exc:
            self.fail_with(exc)

    def on_password_checked(self, right: bool) -> None:
        """Right: the frame now, the store and the recorded login behind it. Else the usual way
        (``authenticate`` refuses, counts and audits)."""
        if self.exit_code is not None or self.window is None:
            return
        if not right:
            self.window.deleteLater()
            self.window = self.ctx = None
            self.open_then_log_in()
            return
        self.window.show()
        self.queue = self.window.page_keys()
        self._in_background(self.open_and_log_in, self.on_opened_behind, self.on_open_failed)

    def on_opened_behind(self, opened: tuple[Store, Actor]) -> None:
        """The store is open and the login recorded: the first page, then the visits."""
        assert self.ctx is not None
        self.store, actor = opened
        self.ctx.opened_store = self.store
        try:
            if actor == self.ctx.actor:
                self.window.store_opened()
            else:  # the account changed in the moment between: its own window
                self.window.close()
                self.ctx.actor = actor
                self._open_window()
        except Exception as exc:
            self.fail_with(exc)
            return
        QTimer.singleShot(0, self.on_step_timer_timeout)

    def open_then_log_in(self) -> None:
        """Open the store on the task runner, then find the user, then the window."""
        self._in_background(self.open, self.on_store_opened, self.on_open_failed)

    def open(self) -> Store:
        """The store opened (and migrated) (on the worker; SQLAlchemy and the models load here)."""
        from desktop.models.connection import resolve_store_url
        from desktop.models.db import open_store

        return open_store(resolve_store_url(self.settings, self.store_option), clock=self.clock)

    def open_and_log_in(self) -> tuple[Store, Actor]:
        """The store opened and the user logged in (on the worker)."""
        store = self.open()
        try:
            return store, self.actor(store)
        except BaseException:
            store.dispose()
            raise

    def on_store_opened(self, store: Store) -> None:
        """Find who works on the store in the background (the password's hash takes a moment);
        meanwhile load the window's module here."""
        self.store = store
        self._in_background(lambda: (store, self.actor(store)), self.on_opened, self.on_open_failed)
        import_module(MAIN_WINDOW)

    def on_opened(self, opened: tuple[Store, Actor]) -> None:
        """Open the window and start visiting its pages."""
        store, actor = opened
        self.ctx = self._context(store, actor)
        try:
            self._open_window()
        except Exception as exc:
            self.fail_with(exc)
            return
        QTimer.singleShot(0, self.on_step_timer_timeout)

    def _context(self, store: Store | None, actor: Actor) -> AppContext:
        assert self.clock is not None
        ctx = AppContext(
            settings=self.settings,
            opened_store=store,
            clock=self.clock,
            tasks=self.tasks,
            dialogs=self.dialogs,
        )
        ctx.actor = actor
        return ctx

    def _in_background(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.tasks.run(
            lambda _progress, _cancelled: work(),
            on_done=on_done,
            on_error=on_error,
            cancellable=False,
            show_progress=False,
        )

    def on_open_failed(self, exc: BaseException) -> None:
        """The store would not open or the user is refused: say why (a bug: its traceback)."""
        if isinstance(exc, UserFacingError):
            self.fail(exc.localized())
        else:
            self.fail_with(exc)

    def actor(self, store: Store) -> Actor:
        """Who the smoke test works as: env credentials, or a transient administrator."""
        from desktop.accounts.service import authenticate, has_users

        if not has_users(store):
            return SMOKE_ACTOR
        name, password = os.environ.get("DESK_USER"), os.environ.get("DESK_PASSWORD")
        if not name or password is None:
            raise SmokeRefused(
                self.tr("The store has accounts: set DESK_USER and DESK_PASSWORD to run the smoke test.")
            )
        return authenticate(store, name, password)

    def _open_window(self) -> None:
        window_class = import_module(MAIN_WINDOW).MainWindow
        self.window = window_class(self.ctx, first_page_after_paint=True)
        self.window.show()
        self.queue = self.window.page_keys()

    def on_step_timer_timeout(self) -> None:
        """Wait for background work, then visit the next page; finish when all are visited."""
        try:
            self._step()
        except Exception as exc:
            self.fail_with(exc)

    def _step(self) -> None:
        if self.exit_code is not None:
            return
        if self.dialogs.problems:
            self.fail("\n".join(self.dialogs.problems))
        elif self.tasks.active():
            if time.monotonic() > self.deadline:
                self.fail(self.tr("Timed out waiting for background work."))
            else:
                QTimer.singleShot(POLL_MS, self.on_step_timer_timeout)
        elif self.queue:
            self.visit(self.queue.pop(0))
            QTimer.singleShot(0, self.on_step_timer_timeout)
        elif not self._settled:  # one more round for queued signals (a crash report, say)
            self._settled = True
            QTimer.singleShot(POLL_MS, self.on_step_timer_timeout)
        else:
            self.succeed()

    def visit(self, key: str) -> None:
        """Show one page and refresh it."""
        page = self.window.show_page(key)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        self.visited.append(key)
        log.info("smoke test: visited %s", key)

    # -- outcome -----------------------------------------------------------------------------

    def on_watchdog_timeout(self) -> None:
        """The whole run took too long (a page waiting for something that never comes)."""
        self.fail(self.tr("Timed out."))

    def on_crashed(self, exc: BaseException) -> None:
        """The excepthook saw a bug."""
        self.dialogs.crash(None, exc)

    def succeed(self) -> None:
        """Every page was shown: exit 0."""
        assert self.ctx is not None
        _write(
            self.out,
            self.tr("Smoke test passed: {count} pages ({pages}) as {user} on {store}.").format(
                count=len(self.visited),
                pages=", ".join(self.visited),
                user=self.ctx.user.name,
                store=self.ctx.store.describe(),
            ),
        )
        self._finish(0)

    def fail(self, text: str) -> None:
        """Say why on stderr and in the log; exit 1."""
        log.error("smoke test failed: %s", text)
        _write(self.err, self.tr("Smoke test failed: {reason}").format(reason=text))
        self._finish(1)

    def fail_with(self, exc: BaseException) -> None:
        """A bug during the smoke test."""
        log.error("smoke test failed", exc_info=exc)
        self.fail("".join(traceback.format_exception(exc)).rstrip())

    def _finish(self, code: int) -> None:
        if self.exit_code is None:
            self.exit_code = code
            self.finished.emit(code)

    def shutdown(self) -> None:
        """Close the window and the store."""
        if self.window is not None:
            self.window.close()
            self.window = None
        if self.store is not None:
            self.store.dispose()


class SmokeRefused(UserFacingError):
    """The smoke test cannot log in (the message is already translated)."""

    code = "smoke"


def _write(stream: TextIO | None, text: str) -> None:
    """Write a line unless there is no console (a windowed bundle has none)."""
    if stream is not None:
        stream.write(text + "\n")
        stream.flush()


def run_smoke_test(app: QApplication, settings: Settings, store: str | None) -> int:
    """Run the smoke test in the event loop; return its exit code."""
    dialogs = SmokeDialogs()
    tasks = TaskRunner(dialogs)
    smoke = SmokeTest(settings, store, tasks=tasks, dialogs=dialogs, out=sys.stdout, err=sys.stderr)
    hook = install_excepthook(None, show=smoke.on_crashed)
    smoke.finished.connect(app.exit)
    watchdog = QTimer(singleShot=True, interval=int(TIMEOUT_S * 1000) + 5000)
    watchdog.timeout.connect(smoke.on_watchdog_timeout)
    try:
        QTimer.singleShot(0, smoke.start)
        watchdog.start()
        code = app.exec()
        return smoke.exit_code if smoke.exit_code is not None else code
    finally:
        watchdog.stop()
        tasks.shutdown()
        smoke.shutdown()
        hook.uninstall()
