"""The window's start after the first paint: store → first run → login → main window.

``desktop.views.shell.launch.run_window`` (called by ``desktop.app``) shows the login dialog
first when the store is known to have accounts, then hands over to ``Interactive`` here, which
loads SQLAlchemy and the store. The steps run inside the event loop (a ``QTimer`` starts them, so
the same code works in the PyInstaller bundle); the store opens on the task runner's worker. A store that will not open never shows a traceback: the store-problem
dialog explains it and offers 连接设置… / 重试 / 退出. ``--smoke-test`` runs ``SmokeTest`` instead.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop.accounts.service import has_users
from desktop.context import AppContext
from desktop.core import paths
from desktop.core.clock import Clock
from desktop.core.errors import SecretStoreUnavailable, StoreUnavailable, UserFacingError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.secrets import set_store_password
from desktop.core.security import Actor
from desktop.core.settings import Settings
from desktop.models.connection import resolve_store_url
from desktop.models.db import Store, open_store
from desktop.views.common.crash import install_excepthook
from desktop.views.common.look import url_text
from desktop.views.common.messages import Dialogs
from desktop.views.common.tasks import TaskRunner
from desktop.views.shell.language import (  # noqa: F401 - what callers found here before
    CatalogTranslator as CatalogTranslator,
)
from desktop.views.shell.language import application as application
from desktop.views.shell.language import installed_language as installed_language
from desktop.views.shell.login import LoginDialog
from desktop.views.shell.main_window import MainWindow  # loaded while the user types the password
from desktop.views.shell.store_dialogs import (
    RETRY,
    SETTINGS,
    ConnectionChoice,
    ConnectionDialog,
    StorePasswordDialog,
    StoreProblemDialog,
)

log = logging.getLogger(__name__)
EXIT_OK, EXIT_FAILED = 0, 1


# ---------------------------------------------------------------------------- the modal steps


class StartupPrompts:
    """The startup's modal dialogs behind one seam; tests hand a fake that answers at once.

    ``early``: the login dialog shown before the store opened (``launch``); the first login
    adopts it, any other question closes it first.
    """

    def __init__(self, early: LoginDialog | None = None) -> None:
        self.early = early

    def _dismiss_early(self) -> None:
        early, self.early = self.early, None
        if early is not None:
            early.hide()  # not close(): that would reject it, which means 退出
            early.deleteLater()

    def store_problem(self, exc: UserFacingError, where: str) -> str:
        """``settings``, ``retry`` or ``quit``."""
        self._dismiss_early()
        dialog = StoreProblemDialog(exc, where)
        dialog.exec()
        return dialog.choice

    def connection_settings(self, settings: Settings, tasks: Any, dialogs: Any) -> ConnectionChoice | None:
        """The connection dialog; what it saved, or None when cancelled."""
        self._dismiss_early()
        dialog = ConnectionDialog(settings, tasks, dialogs)
        dialog.exec()
        return dialog.choice

    def store_password(self, settings: Settings, keyring_ok: bool) -> tuple[str, bool] | None:
        """(password, remember) for the PostgreSQL server, or None when cancelled."""
        self._dismiss_early()
        dialog = StorePasswordDialog(settings, keyring_ok)
        dialog.exec()
        return dialog.answer()

    def first_run(self, ctx: AppContext) -> Actor | None:
        """Create the administrator of an empty store; None when the user quits."""
        from desktop.views.shell.first_run import FirstRunDialog

        self._dismiss_early()
        dialog = FirstRunDialog(ctx)
        dialog.exec()
        return dialog.actor

    def login(self, ctx: AppContext, user_name: str | None, notice: str = "") -> Actor | None:
        """Log in (``notice`` said above the fields); None when the user quits."""
        early, self.early = self.early, None
        if early is not None and user_name is None and not notice:
            if early.quit_chosen:
                return None  # 退出 was pressed before the store had opened
            dialog = early
            dialog.attach(ctx)  # a login asked for while the store was opening runs now
        else:
            self.early = early
            self._dismiss_early()
            dialog = LoginDialog(ctx, user_name=user_name, notice=notice)
        if dialog.actor is None:  # (an early login may already be done)
            dialog.exec()
        return dialog.actor if dialog.result() == LoginDialog.DialogCode.Accepted else None


def _no_password() -> StoreUnavailable:
    return StoreUnavailable(QT_TRANSLATE_NOOP("errors", "No password was given for the server."))


def _bad_address(text: str) -> StoreUnavailable:
    shown = re.sub(r":[^:@/]*@", ":***@", text)  # never show or log a password
    return StoreUnavailable(QT_TRANSLATE_NOOP("errors", "The store address {url} is not valid."), url=shown)


class Startup(QObject):
    """Open the store (asking what it must), make sure it has an account, log in, show the window."""

    finished = Signal(int)
    window_opened = Signal(object)

    def __init__(
        self,
        settings: Settings,
        *,
        store: str | None = None,
        tasks: Any,
        dialogs: Any,
        prompts: StartupPrompts | None = None,
        clock: Clock | None = None,
        window_factory: Callable[[AppContext], Any] | None = None,
        as_of: date | None = None,
        quiet_open: bool = False,
    ) -> None:
        super().__init__()
        self.as_of = as_of
        self.quiet_open = quiet_open  # the login is already on screen: no progress dialog over it
        self.settings = settings
        self.explicit = store or os.environ.get("DESK_STORE") or None
        self.tasks, self.dialogs = tasks, dialogs
        self.prompts = prompts or StartupPrompts()
        self.clock = clock
        self.window_factory = window_factory or _main_window
        self.ctx: AppContext | None = None
        self.window: Any = None
        self.exit_code: int | None = None
        self._password: str | None = None
        self._remember = False

    def start(self) -> None:
        """Begin with the store."""
        self.open_store()

    # -- store -------------------------------------------------------------------------------

    def store_url(self) -> URL:
        """The store to open; asks for the server password when the keyring has none."""
        try:
            url = make_url(self.explicit) if self.explicit else resolve_store_url(self.settings)
        except ArgumentError:
            raise _bad_address(str(self.explicit)) from None
        if self.explicit or url.get_backend_name() != "postgresql" or url.password is not None:
            return url
        if self._password is None and not os.environ.get("PGPASSWORD"):
            self._ask_password()
        return url.set(password=self._password) if self._password else url

    def _ask_password(self) -> None:
        from desktop.views.settings.connection import keyring_available

        answer = self.prompts.store_password(self.settings, keyring_available())
        if answer is None:
            raise _no_password()
        self._password, self._remember = answer

    def where(self) -> str:
        """The store in words, for the problem dialog."""
        try:
            url = make_url(self.explicit) if self.explicit else self.settings.store_url()
        except ArgumentError:
            return str(self.explicit)
        return url_text(url)

    def open_store(self) -> None:
        """Open (and migrate) the store off the GUI thread."""
        try:
            url = self.store_url()
        except UserFacingError as exc:
            self.on_store_failed(exc)
            return
        quiet, self.quiet_open = self.quiet_open, False  # a retry shows its progress
        self.tasks.run(
            partial(_open, url, self.clock),
            on_done=self.on_store_opened,
            on_error=self.on_store_failed,
            label=self.tr("Opening the store"),
            cancellable=False,
            show_progress=not quiet,
        )

    def on_store_failed(self, exc: BaseException) -> None:
        """Explain the problem and do what the user chooses: settings, retry or quit."""
        if not isinstance(exc, (StoreUnavailable, SecretStoreUnavailable)):
            log.error("the store could not be opened", exc_info=exc)
            self.dialogs.show_error(None, exc)
            self.finish(EXIT_FAILED)
            return
        log.warning("store problem: %s", exc.english())
        self._password, self._remember = None, False  # a typed password may be the problem
        choice = self.prompts.store_problem(exc, self.where())
        if choice == SETTINGS:
            self._change_settings()
            self.open_store()
        elif choice == RETRY:
            self.open_store()
        else:
            self.finish(EXIT_FAILED)

    def _change_settings(self) -> None:
        choice = self.prompts.connection_settings(self.settings, self.tasks, self.dialogs)
        if choice is None:
            return
        self.settings, self.explicit = choice.settings, None
        self._password, self._remember = choice.password, False

    def on_store_opened(self, opened: tuple[Store, bool]) -> None:
        """Keep the password if asked, then make sure the store has an account."""
        store, empty = opened
        self._keep_password()
        self.ctx = AppContext(
            settings=self.settings,
            opened_store=store,
            clock=store.clock,
            tasks=self.tasks,
            dialogs=self.dialogs,
            as_of=self.as_of,
        )
        if empty:
            actor = self.prompts.first_run(self.ctx)
            if actor is None:
                self.finish(EXIT_OK)
                return
            created = self.tr("The administrator account “{name}” was created. Log in with it.")
            self.login(actor.name, created.format(name=actor.name))
        else:
            self.login(None)

    def _keep_password(self) -> None:
        if not (self._remember and self._password):
            return
        s = self.settings
        try:
            set_store_password(s.pg_user, s.pg_host, s.pg_port, s.pg_database, self._password)
        except SecretStoreUnavailable:
            log.info("no keyring: the server password is kept for this run only")
        self._remember = False

    # -- login and window --------------------------------------------------------------------

    def login(self, user_name: str | None, notice: str = "") -> None:
        """Ask who is working (saying ``notice`` first); open the main window for them."""
        assert self.ctx is not None
        actor = self.prompts.login(self.ctx, user_name, notice)
        if actor is None:
            self.finish(EXIT_OK)
            return
        self.ctx.actor = actor
        self.settings = self.ctx.settings
        self.open_window()

    def open_window(self) -> None:
        """Show the main window for the logged-in user."""
        window = self.window_factory(self.ctx)
        window.switch_user_requested.connect(self.on_window_switch_user_requested)
        window.closed.connect(self.on_window_closed)
        self.window = window
        window.show()
        self.window_opened.emit(window)

    def on_window_switch_user_requested(self) -> None:
        """切换用户: close the window and show the login again."""
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()
        assert self.ctx is not None
        self.ctx.actor = None
        self.login("")  # the next person types their own name (not the one who just left)

    def on_window_closed(self) -> None:
        """The main window closed (退出 or the close button): the program ends."""
        if self.window is not None:
            self.window = None
            self.finish(EXIT_OK)

    def finish(self, code: int) -> None:
        """The program is done."""
        if self.exit_code is None:
            self.exit_code = code
            self.finished.emit(code)

    def shutdown(self) -> None:
        """Close the window and the store (after the event loop ends)."""
        if self.window is not None:
            window, self.window = self.window, None
            window.close()
        self._close_store()

    def _close_store(self) -> None:
        if self.ctx is not None:
            self.ctx.store.dispose()


def _open(url: URL, clock: Clock | None, _progress: Any, _cancelled: Any) -> tuple[Store, bool]:
    """The store opened (and migrated), and whether it has no account yet (on the worker)."""
    store = open_store(url, clock=clock)
    try:
        return store, not has_users(store)
    except Exception:
        store.dispose()
        raise


def _main_window(ctx: AppContext) -> Any:
    return MainWindow(ctx, first_page_after_paint=True)


# ---------------------------------------------------------------------------- run


def log_path() -> Path:
    """The log file the crash dialog points to."""
    return paths.log_dir() / "desk.log"


class Interactive:
    """The interactive start once the event loop runs: the crash hook, the task runner and the
    ``Startup`` flow, which adopts the login dialog already on screen (``early``), if any."""

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        store: str | None,
        as_of: date | None = None,
        early: LoginDialog | None = None,
    ) -> None:
        self.dialogs = Dialogs()
        self.hook = install_excepthook(log_path(), explain=lambda exc: self.dialogs.show_error(None, exc))
        self.tasks = TaskRunner(self.dialogs)
        self.startup = Startup(
            settings,
            store=store,
            tasks=self.tasks,
            dialogs=self.dialogs,
            prompts=StartupPrompts(early),
            as_of=as_of,
            quiet_open=early is not None,
        )
        self.startup.finished.connect(app.exit)

    def start(self) -> None:
        """Open the store (the login, if already shown, waits for it)."""
        self.startup.start()

    def exit_code(self, loop_code: int) -> int:
        """The program's exit code once the event loop has ended."""
        return self.startup.exit_code if self.startup.exit_code is not None else loop_code

    def close(self) -> None:
        """Wait for background work, close the window and the store, restore the hook."""
        self.tasks.shutdown()
        self.startup.shutdown()
        self.hook.uninstall()
