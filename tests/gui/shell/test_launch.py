"""The launch: the login dialog on screen before SQLAlchemy and the store load, when the store
surely has accounts; a login asked for before the store opened runs once it has."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.core.secrets import set_store_password
from desktop.core.settings import Settings, load_settings, save_settings
from desktop.models.db import sqlite_url
from desktop.views.shell.launch import early_store_label
from desktop.views.shell.login import LoginDialog
from desktop.views.shell.startup import StartupPrompts
from tests.helpers.window import make_ctx

ADMIN_PASSWORD = "Chief-2026"
ROOT = Path(__file__).resolve().parents[3]


def type_into(field, value: str) -> None:
    field.setText(value)
    field.textEdited.emit(value)


def test_the_launch_loads_neither_sqlalchemy_nor_an_area():
    code = (
        "import sys, desktop.views.shell.launch; "
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'desktop.models', "
        "'desktop.accounts', 'desktop.cases'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_login_comes_first_only_when_the_store_surely_has_accounts(tmp_path, monkeypatch, memory_keyring):
    monkeypatch.delenv("DESK_STORE", raising=False)
    file = tmp_path / "desk.sqlite3"
    settings = Settings(sqlite_path=str(file))
    assert early_store_label(settings, None) is None  # no file yet: the first run comes first
    file.write_bytes(b"")
    assert early_store_label(settings, None) == f"Local SQLite: {file}"
    assert early_store_label(settings, sqlite_url(tmp_path / "other.sqlite3")) is None
    assert early_store_label(settings, sqlite_url(file)) == f"Local SQLite: {file}"
    server = Settings(store_kind="postgresql", pg_host="db", pg_port=5433, pg_database="county")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert early_store_label(server, None) is None  # nobody has logged in here yet
    used = replace(server, last_user="zhao")
    assert early_store_label(used, None) is None  # the server's password is asked first
    set_store_password(used.pg_user, used.pg_host, used.pg_port, used.pg_database, "S3cret-2026")
    assert early_store_label(used, None) == "Central PostgreSQL: db:5433/county"
    assert early_store_label(settings, "postgresql+psycopg://desk@db/county") is None


def test_a_login_asked_for_before_the_store_opened_runs_when_it_has(qtbot, store, admin):
    save_settings(Settings(last_user="admin"))
    early = LoginDialog.before_store(load_settings(), "Local SQLite: desk.sqlite3")
    qtbot.addWidget(early)
    assert early.user.text() == "admin" and early.store_label.text() == "Local SQLite: desk.sqlite3"
    type_into(early.password, ADMIN_PASSWORD)
    early.login_button.click()
    assert early.actor is None and not early.login_button.isEnabled()
    assert early.notice.text() == "Opening the store…" and early.notice.isVisibleTo(early)
    prompts = StartupPrompts(early)
    actor = prompts.login(make_ctx(store, settings=load_settings()), None)
    assert actor is not None and actor.name == "admin"
    assert early.result() == QDialog.DialogCode.Accepted and not early.notice.isVisibleTo(early)
    assert early.store_label.text().startswith("Local SQLite: ")


def test_a_wrong_password_typed_early_is_said_once_the_store_opened(qtbot, store, admin):
    early = LoginDialog.before_store(Settings(last_user="admin"), "")
    qtbot.addWidget(early)
    type_into(early.password, "Wrong-2026")
    early.login_button.click()
    early.attach(make_ctx(store, settings=load_settings()))
    assert early.actor is None and early.message.text() == "Wrong user name or password."
    assert early.message.tone == "problem" and not early.notice.isVisibleTo(early)


def test_quitting_the_early_login_ends_the_start_quietly(qtbot, store, admin):
    early = LoginDialog.before_store(Settings(last_user="admin"), "")
    qtbot.addWidget(early)
    early.show()
    early.quit_button.click()
    assert StartupPrompts(early).login(make_ctx(store), None) is None
