"""Start the window: the application and its language, then store → first run → login → main window.

``run_window(options)`` is called by ``desktop.app``. The steps run inside the event loop (a
``QTimer`` starts them, so the same code works in the PyInstaller bundle); the store opens on the
task runner's worker. A store that will not open never shows a traceback: the store-problem
dialog explains it and offers 连接设置… / 重试 / 退出. ``--smoke-test`` runs ``SmokeTest`` instead.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

import desktop
from desktop.accounts.service import has_users
from desktop.context import AppContext
from desktop.core import i18n, paths
from desktop.core.clock import Clock
from desktop.core.errors import SecretStoreUnavailable, StoreUnavailable, UserFacingError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.secrets import set_store_password
from desktop.core.security import Actor
from desktop.core.settings import Settings, load_settings
from desktop.models.connection import resolve_store_url
from desktop.models.db import Store, open_store
from desktop.views.common import pyside_fixes
from desktop.views.common.crash import install_excepthook
from desktop.views.common.look import STYLESHEET, icon, program_name, url_text
from desktop.views.common.messages import Dialogs
from desktop.views.common.tasks import TaskRunner
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


# ---------------------------------------------------------------------------- language


class CatalogTranslator(QTranslator):
    """Qt's translations from ``desktop.core.i18n.catalog`` (the same ``.ts`` the command line reads)."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._catalog = i18n.catalog(language)
        self.misses: set[tuple[str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        """The translation, or None so that Qt falls back to the English source ("" would blank it).

        Lookups that find nothing are remembered in ``misses`` (Qt's own strings among them),
        so a test can tell a string asked for under a context the catalog does not know."""
        found = self._catalog.get((context, source))
        if found is None and self.language != "en":
            self.misses.add((context, source))
        return found

    def isEmpty(self) -> bool:
        """Whether the catalog has no finished translation."""
        return not self._catalog

    def language_name(self) -> str:
        """The language this translator answers in."""
        return self.language


def qt_translator(language: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own ``qtbase_<language>.qm`` (Chinese buttons in message boxes and file dialogs)."""
    if language == "en":
        return None
    translator = QTranslator(parent)
    for folder in (
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(paths.resources_dir() / "translations"),
    ):
        if translator.load(f"qtbase_{language}", folder):
            return translator
    log.warning("no qtbase_%s.qm found; Qt's own dialogs stay in English", language)
    return None


@contextmanager
def installed_language(app: QApplication, language: str) -> Iterator[list[QTranslator]]:
    """Install the program's and Qt's translators for ``language``; remove them afterwards."""
    i18n.set_language(language)
    previous_locale = QLocale()
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English)
    )
    translators = [t for t in (CatalogTranslator(language, app), qt_translator(language, app)) if t]
    for translator in translators:
        app.installTranslator(translator)
    try:
        yield translators
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)


def application() -> QApplication:
    """The QApplication (created once) with the program's names, icon and stylesheet."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([desktop.APP_ID])
    app.setOrganizationName(desktop.ORG_NAME)
    app.setApplicationName(desktop.APP_ID)
    app.setApplicationVersion(desktop.__version__)
    app.setWindowIcon(icon("app"))
    app.setStyleSheet(STYLESHEET)
    app.setQuitOnLastWindowClosed(False)  # the dialogs before the main window come and go
    return app


# ---------------------------------------------------------------------------- the modal steps


class StartupPrompts:
    """The startup's modal dialogs behind one seam; tests hand a fake that answers at once."""

    def store_problem(self, exc: UserFacingError, where: str) -> str:
        """``settings``, ``retry`` or ``quit``."""
        dialog = StoreProblemDialog(exc, where)
        dialog.exec()
        return dialog.choice

    def connection_settings(self, settings: Settings, tasks: Any, dialogs: Any) -> ConnectionChoice | None:
        """The connection dialog; what it saved, or None when cancelled."""
        dialog = ConnectionDialog(settings, tasks, dialogs)
        dialog.exec()
        return dialog.choice

    def store_password(self, settings: Settings, keyring_ok: bool) -> tuple[str, bool] | None:
        """(password, remember) for the PostgreSQL server, or None when cancelled."""
        dialog = StorePasswordDialog(settings, keyring_ok)
        dialog.exec()
        return dialog.answer()

    def first_run(self, ctx: AppContext) -> Actor | None:
        """Create the administrator of an empty store; None when the user quits."""
        from desktop.views.shell.first_run import FirstRunDialog

        dialog = FirstRunDialog(ctx)
        dialog.exec()
        return dialog.actor

    def login(self, ctx: AppContext, user_name: str | None, notice: str = "") -> Actor | None:
        """Log in (``notice`` said above the fields); None when the user quits."""
        from desktop.views.shell.login import LoginDialog

        dialog = LoginDialog(ctx, user_name=user_name, notice=notice)
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
    ) -> None:
        super().__init__()
        self.as_of = as_of
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
        self.tasks.run(
            partial(_open, url, self.clock),
            on_done=self.on_store_opened,
            on_error=self.on_store_failed,
            label=self.tr("Opening the store"),
            cancellable=False,
            show_progress=True,
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
            store=store,
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
    from desktop.views.shell.main_window import MainWindow

    return MainWindow(ctx)


# ---------------------------------------------------------------------------- run


def log_path() -> Path:
    """The log file the crash dialog points to."""
    return paths.log_dir() / "desk.log"


def run_window(options: argparse.Namespace) -> int:
    """Open the window (or run the smoke test); return the exit code."""
    pyside_fixes.apply()
    app = QApplication.instance()
    previous = (app.styleSheet(), app.quitOnLastWindowClosed()) if isinstance(app, QApplication) else None
    app = application()
    settings = load_settings()
    language = getattr(options, "lang", None) or settings.language
    try:
        with installed_language(app, language):
            app.setApplicationDisplayName(program_name())
            if getattr(options, "smoke_test", False):
                from desktop.views.shell.smoke import run_smoke_test

                return run_smoke_test(app, settings, getattr(options, "store", None))
            return _run_interactive(
                app, settings, getattr(options, "store", None), getattr(options, "as_of", None)
            )
    finally:
        if previous is not None:  # an application that was there before (tests) is left as it was
            app.setStyleSheet(previous[0])
            app.setQuitOnLastWindowClosed(previous[1])


def _run_interactive(
    app: QApplication, settings: Settings, store: str | None, as_of: date | None = None
) -> int:
    dialogs = Dialogs()
    hook = install_excepthook(log_path(), explain=lambda exc: dialogs.show_error(None, exc))
    tasks = TaskRunner(dialogs)
    startup = Startup(settings, store=store, tasks=tasks, dialogs=dialogs, as_of=as_of)
    startup.finished.connect(app.exit)
    try:
        QTimer.singleShot(0, startup.start)
        code = app.exec()
        return startup.exit_code if startup.exit_code is not None else code
    finally:
        tasks.shutdown()
        startup.shutdown()
        hook.uninstall()
