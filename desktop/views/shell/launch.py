"""Launch the window: the application and its language, the login dialog at once when the store
surely has accounts, then the rest of the start (``desktop.views.shell.startup``).

A user sees the login dialog before SQLAlchemy, the store and the areas load: this module and
what it imports at the top are light (PySide6, the settings, the login dialog). The heavy start
(store, first run, main window) is imported once the dialog is on screen, while the user types.

"Surely has accounts": the SQLite file exists (``init`` or the first run made it, with its
administrator), or, for a server, someone has logged in on this workstation before and its
password is saved (else the password is asked first, as before). Otherwise
the start is as it was: the store opens first, then first run or login.
"""

from __future__ import annotations

import argparse
import os
from datetime import date

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.errors import SecretStoreUnavailable
from desktop.core.secrets import get_store_password
from desktop.core.settings import Settings, load_settings
from desktop.views.common import pyside_fixes
from desktop.views.common.look import program_name, sqlite_text
from desktop.views.shell.language import application, installed_language
from desktop.views.shell.login import LoginDialog

FIRST_PAINT_MS = 10
"""How long the start waits, after showing the login, before loading the rest (its first paint)."""


def early_store_label(settings: Settings, explicit: str | None) -> str | None:
    """The store in words when it surely has accounts (the login can come first), else None.

    Reads no store: only whether the SQLite file exists, or whether someone logged in here before.
    """
    path = settings.chosen_sqlite_file(explicit)
    if path is not None:
        return sqlite_text(path) if path.is_file() else None
    if explicit or os.environ.get("DESK_STORE"):
        return None  # a server named by hand: its password is asked first
    if not settings.last_user or not (os.environ.get("PGPASSWORD") or _password_saved(settings)):
        return None  # nobody logged in here yet, or the server's password is asked first
    server = f"{settings.pg_host or 'localhost'}:{settings.pg_port or 5432}/{settings.pg_database or ''}"
    return QCoreApplication.translate("Store", "Central PostgreSQL: {server}").format(server=server)


def _password_saved(settings: Settings) -> bool:
    try:
        return bool(
            get_store_password(settings.pg_user, settings.pg_host, settings.pg_port, settings.pg_database)
        )
    except SecretStoreUnavailable:
        return False


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
    label = early_store_label(settings, store)
    early = LoginDialog.before_store(settings, label) if label is not None else None
    if early is not None:
        early.rejected.connect(lambda: app.exit(0))  # 退出 before the store has opened
        early.show()
    started: list = []

    def begin() -> None:
        from desktop.views.shell.startup import Interactive  # SQLAlchemy and the store: after the paint

        running = Interactive(app, settings, store, as_of, early)
        started.append(running)
        running.start()

    QTimer.singleShot(FIRST_PAINT_MS if early is not None else 0, begin)
    code = app.exec()
    if not started:
        return code
    try:
        return started[0].exit_code(code)
    finally:
        started[0].close()
