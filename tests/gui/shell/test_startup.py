"""Startup: first run, login (wrong password, lockout), the store-problem dialog and its choices,
the server password, switching user and the translators (``--smoke-test``: test_smoke.py)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desktop import APP_ID
from desktop.accounts.service import UserInput, authenticate, create_first_admin, create_user
from desktop.core.errors import SecretStoreUnavailable, StoreTooNew, StoreUnavailable
from desktop.core.security import Role
from desktop.core.settings import Settings, load_settings, save_settings
from desktop.demo.personnel import DEMO_PASSWORD
from desktop.models import Agency
from desktop.models.db import open_store, sqlite_url
from desktop.review.rubrics import list_rubrics
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.tasks import SyncTaskRunner
from desktop.views.shell import main_window
from desktop.views.shell.first_run import FirstRunDialog
from desktop.views.shell.login import LoginDialog
from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.startup import CatalogTranslator, Startup, installed_language
from desktop.views.shell.store_dialogs import (
    QUIT,
    RETRY,
    SETTINGS,
    ConnectionChoice,
    ConnectionDialog,
    StorePasswordDialog,
    StoreProblemDialog,
)
from tests.helpers.window import FakePrompts, fake_pages, make_ctx

PG_URL = os.environ.get("DESK_TEST_PG_URL", "")
ADMIN_PASSWORD = "Chief-2026"
UNREACHABLE = "postgresql+psycopg://desk:pw@127.0.0.1:1/county"


def type_into(field, value: str) -> None:
    field.setText(value)
    field.textEdited.emit(value)


# -- first run ---------------------------------------------------------------------------------


@pytest.fixture
def first_run(qtbot, store):
    dialog = FirstRunDialog(make_ctx(store))
    qtbot.addWidget(dialog)
    return dialog


def fill_admin(
    dialog: FirstRunDialog, name: str = "zhao", password: str = ADMIN_PASSWORD, repeat: str | None = None
) -> None:
    type_into(dialog.user, name)
    type_into(dialog.full_name, "赵管理")
    type_into(dialog.password, password)
    type_into(dialog.repeat, password if repeat is None else repeat)


def test_first_run_creates_the_administrator(first_run, store):
    assert not first_run.demo.isChecked()
    assert not first_run.create_button.isEnabled()
    fill_admin(first_run)
    first_run.create_button.click()
    assert first_run.result() == QDialog.DialogCode.Accepted
    assert first_run.actor is not None and first_run.actor.name == "zhao"
    assert first_run.actor.display_name == "赵管理" and first_run.demo_summary is None
    assert authenticate(store, "zhao", ADMIN_PASSWORD).role.value == "admin"
    with store.reading() as session:
        assert session.execute(select(func.count()).select_from(Agency)).scalar_one() == 0
    # the shipped standards are there for the first draw, as after `init --admin`
    admin = authenticate(store, "zhao", ADMIN_PASSWORD)
    assert {r.code for r in list_rubrics(store, admin)} == {"XZCF-DEFAULT", "XZQZ-DEFAULT"}


def test_the_demo_cancelled_during_its_pdfs_keeps_what_was_loaded_and_goes_on(qtbot, store):
    """Cancel in the demo's progress dialog, at the first dossier PDF: the administrator, the
    agencies and the case register stay, nothing after them is loaded, the login follows. (The
    whole first start with the demo, in the real program: test_first_start_xvfb.py.)"""
    ctx = make_ctx(store)
    ctx.tasks = SyncTaskRunner(ctx.dialogs, cancel_at=0)  # Cancel once the PDFs' progress starts
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    fill_admin(dialog)
    dialog.demo.setChecked(True)
    dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.actor is not None
    summary = dialog.demo_summary
    assert summary is not None and (summary.agencies, summary.accounts) == (12, 8) and summary.cases > 4500
    assert (summary.dossiers, summary.campaigns, summary.questions, summary.footage) == (0, 0, 0, 0)
    with store.reading() as session:
        assert session.execute(select(func.count()).select_from(Agency)).scalar_one() == 12
    assert authenticate(store, "zhao", ADMIN_PASSWORD).role == Role.ADMIN


def test_first_run_validates_as_the_user_types_naming_the_field(first_run):
    type_into(first_run.user, "zhao ming")
    assert first_run.message.text() == "User name: A user name is 1 to 64 characters without spaces."
    type_into(first_run.user, "zhao")
    assert not first_run.message.isVisibleTo(first_run)  # untouched fields are not judged yet
    type_into(first_run.password, "1234567890")
    assert first_run.message.text() == (
        "Password: The password must use at least 3 of these: lower-case letters, upper-case letters, "
        "digits, symbols."
    )
    type_into(first_run.password, ADMIN_PASSWORD)
    type_into(first_run.repeat, "Admin-2025")
    assert first_run.message.text() == "Repeat password: does not match the password."
    assert not first_run.create_button.isEnabled()
    type_into(first_run.repeat, ADMIN_PASSWORD)
    assert first_run.create_button.isEnabled() and first_run.message.text() == ""


def test_first_run_refused_by_the_service_says_so_inline(first_run, store):
    create_first_admin(store, "other", ADMIN_PASSWORD)
    fill_admin(first_run)
    first_run.create_button.click()
    assert first_run.result() != QDialog.DialogCode.Accepted
    assert first_run.message.tone == "problem" and "already has accounts" in first_run.message.text()
    assert first_run.create_button.isEnabled()


# -- login -------------------------------------------------------------------------------------


@pytest.fixture
def login(qtbot, store, admin):
    save_settings(Settings(last_user="admin"))
    dialog = LoginDialog(make_ctx(store, settings=load_settings()))
    qtbot.addWidget(dialog)
    return dialog


def test_login_prefills_the_last_user_and_logs_in(login, store):
    assert login.user.text() == "admin" and not login.login_button.isEnabled()
    type_into(login.password, ADMIN_PASSWORD)
    login.login_button.click()
    assert login.result() == QDialog.DialogCode.Accepted and login.actor.name == "admin"


def test_login_saves_the_user_name_on_success(login, store):
    admin = authenticate(store, "admin", ADMIN_PASSWORD)
    create_user(store, admin, UserInput("jiandu", Role.SUPERVISOR, "王监督"), DEMO_PASSWORD)
    type_into(login.user, "jiandu")
    type_into(login.password, DEMO_PASSWORD)
    login.login_button.click()
    assert login.actor.name == "jiandu" and load_settings().last_user == "jiandu"


def test_wrong_password_is_said_inline_in_red(login):
    type_into(login.password, "Wrong-2026")
    login.login_button.click()
    assert login.result() != QDialog.DialogCode.Accepted and login.actor is None
    assert login.message.text() == "Wrong user name or password."
    assert login.message.tone == "problem" and login.message.isVisibleTo(login)
    assert login.password.text() == "" and not login.login_button.isEnabled()
    assert login.ctx.dialogs.calls == []


def test_five_failures_lock_the_account_and_the_service_says_so(login, store, clock):
    for _ in range(4):
        type_into(login.password, "Wrong-2026")
        login.login_button.click()
        assert login.message.text() == "Wrong user name or password."
    type_into(login.password, "Wrong-2026")
    login.login_button.click()
    assert login.message.text() == "Account admin is now locked for 15 minutes after 5 failed logins."
    type_into(login.password, ADMIN_PASSWORD)
    login.login_button.click()
    assert login.actor is None
    assert login.message.text().startswith("Account admin is locked after repeated failed logins")
    clock.advance(minutes=16)
    type_into(login.password, ADMIN_PASSWORD)
    login.login_button.click()
    assert login.actor is not None


# -- store problem, password and connection dialogs -------------------------------------------


def test_store_problem_dialog_explains_and_offers_settings_retry_quit(qtbot):
    exc = StoreUnavailable("The store cannot be reached: {reason}", reason="connection refused")
    dialog = StoreProblemDialog(exc, "Central PostgreSQL: 127.0.0.1:1/county")
    qtbot.addWidget(dialog)
    assert dialog.reason.text() == "The store cannot be reached: connection refused"
    assert "Check that the server is running" in dialog.advice.text()
    assert [dialog.settings_button.text(), dialog.retry_button.text(), dialog.quit_button.text()] == [
        "Connection settings…",
        "Retry",
        "Quit",
    ]
    dialog.settings_button.click()
    assert dialog.choice == SETTINGS
    dialog.retry_button.click()
    assert dialog.choice == RETRY
    dialog.quit_button.click()
    assert dialog.choice == QUIT


def test_store_problem_dialog_for_a_newer_store(qtbot):
    exc = StoreTooNew(
        "This store was written by a newer version of the program (schema {revision}). "
        "Install the newer version to open it.",
        revision="ffff",
    )
    dialog = StoreProblemDialog(exc, "Local SQLite: x.sqlite3")
    qtbot.addWidget(dialog)
    assert "schema ffff" in dialog.reason.text() and "newer version" in dialog.advice.text()


def test_password_dialog_remembers_only_with_a_keyring(qtbot):
    settings = Settings(store_kind="postgresql", pg_host="db", pg_database="county", pg_user="desk")
    with_keyring = StorePasswordDialog(settings, keyring_ok=True)
    without = StorePasswordDialog(settings, keyring_ok=False)
    qtbot.addWidget(with_keyring)
    qtbot.addWidget(without)
    assert with_keyring.remember.isEnabled() and with_keyring.remember.isChecked()
    assert not without.remember.isEnabled() and not without.remember.isChecked()
    assert not with_keyring.connect_button.isEnabled()
    type_into(with_keyring.password, "S3cret-pass")
    with_keyring.connect_button.click()
    assert with_keyring.answer() == ("S3cret-pass", True)
    without.reject()
    assert without.answer() is None


def test_connection_dialog_saves_settings_and_keyring(qtbot, memory_keyring):
    dialogs = FakeDialogs()
    dialog = ConnectionDialog(Settings(), SyncTaskRunner(dialogs), dialogs)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.postgresql_radio.click()
    assert not dialog.save_button.isEnabled()
    for field, value in (
        (form.pg_host, "db"),
        (form.pg_database, "county"),
        (form.pg_user, "desk"),
        (form.pg_password, "S3cret-pass"),
    ):
        type_into(field, value)
    dialog.save_button.click()
    assert dialog.choice == ConnectionChoice(load_settings(), "S3cret-pass", True)
    assert load_settings().pg_host == "db"
    assert memory_keyring.secrets[(APP_ID, "desk@db:5432/county")] == "S3cret-pass"


# -- the startup flow --------------------------------------------------------------------------


@pytest.fixture
def flow(qtbot, monkeypatch, clock):
    """Build a Startup with fake prompts, the synchronous runner and stand-in pages."""
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    made = []

    def build(prompts: FakePrompts, settings: Settings | None = None, store: str | None = None) -> Startup:
        dialogs = FakeDialogs()

        def window(ctx):
            win = MainWindow(ctx)
            qtbot.addWidget(win)
            return win

        startup = Startup(
            settings or load_settings(),
            store=store,
            tasks=SyncTaskRunner(dialogs),
            dialogs=dialogs,
            prompts=prompts,
            clock=clock,
            window_factory=window,
        )
        made.append(startup)
        return startup

    yield build
    for startup in made:
        startup.shutdown()


def log_in_as(name: str, password: str = ADMIN_PASSWORD):
    return lambda ctx, user_name: authenticate(ctx.store, name, password)


def make_admin(ctx):
    return create_first_admin(ctx.store, "zhao", ADMIN_PASSWORD)


def test_an_empty_store_runs_first_run_then_login_then_the_window(flow, tmp_path):
    prompts = FakePrompts(first_runs=[make_admin], logins=[log_in_as("zhao")])
    startup = flow(prompts, store=sqlite_url(tmp_path / "new.sqlite3"))
    startup.start()
    assert prompts.names() == ["first_run", "login"]
    assert prompts.calls[1][2] == "zhao"  # the login is prefilled with the new administrator
    assert startup.exit_code is None and startup.window is not None
    assert startup.window.ctx.user.name == "zhao" and startup.window.isVisible()


def test_a_store_with_accounts_goes_straight_to_login(flow, tmp_path):
    url = sqlite_url(tmp_path / "s.sqlite3")
    st = open_store(url)
    create_first_admin(st, "admin", ADMIN_PASSWORD)
    st.dispose()
    prompts = FakePrompts(logins=[log_in_as("admin")])
    startup = flow(prompts, store=url)
    startup.start()
    assert prompts.names() == ["login"] and startup.window is not None


def test_quitting_at_first_run_or_login_ends_the_program_quietly(flow, tmp_path):
    startup = flow(FakePrompts(first_runs=[None]), store=sqlite_url(tmp_path / "a.sqlite3"))
    with_signal = []
    startup.finished.connect(with_signal.append)
    startup.start()
    assert with_signal == [0] and startup.window is None
    startup = flow(
        FakePrompts(first_runs=[make_admin], logins=[None]), store=sqlite_url(tmp_path / "b.sqlite3")
    )
    startup.start()
    assert startup.exit_code == 0 and startup.window is None


def test_an_unreachable_store_offers_settings_and_never_raises(flow, tmp_path):
    local = Settings(sqlite_path=str(tmp_path / "local.sqlite3"))
    prompts = FakePrompts(
        problems=[SETTINGS],
        connections=[ConnectionChoice(local, None, False)],
        first_runs=[make_admin],
        logins=[log_in_as("zhao")],
    )
    startup = flow(prompts, store=UNREACHABLE)
    startup.start()
    assert prompts.names() == ["store_problem", "connection_settings", "first_run", "login"]
    exc, where = prompts.calls[0][1:]
    assert isinstance(exc, StoreUnavailable) and exc.localized().startswith("The store cannot be reached")
    assert where == "Central PostgreSQL: 127.0.0.1:1/county"
    assert startup.window is not None and startup.window.ctx.store.describe().endswith("local.sqlite3")


def test_retry_then_quit(flow):
    prompts = FakePrompts(problems=[RETRY, QUIT])
    startup = flow(prompts, store=UNREACHABLE)
    startup.start()
    assert prompts.names() == ["store_problem", "store_problem"]
    assert startup.exit_code == 1 and startup.window is None


def test_a_bad_store_address_is_a_store_problem_that_hides_any_password(flow):
    prompts = FakePrompts(problems=[QUIT])
    flow(prompts, store="postgres ql://desk:S3cret@db/county").start()
    text = prompts.calls[0][1].localized()
    assert "is not valid" in text and "S3cret" not in text


def test_first_run_cannot_be_closed_while_the_administrator_is_being_created(first_run):
    fill_admin(first_run)
    first_run.show()
    first_run._set_busy(True)
    first_run.reject()
    assert first_run.isVisible()
    first_run._set_busy(False)
    first_run.reject()
    assert not first_run.isVisible()


def test_a_newer_store_is_refused_with_the_problem_dialog(flow, tmp_path):
    url = sqlite_url(tmp_path / "new.sqlite3")
    st = open_store(url)
    with st.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    st.dispose()
    prompts = FakePrompts(problems=[QUIT])
    flow(prompts, store=url).start()
    assert isinstance(prompts.calls[0][1], StoreTooNew)


def test_a_bug_while_opening_goes_to_the_crash_dialog(flow, monkeypatch, tmp_path):
    from desktop.views.shell import startup as startup_module

    def broken(url, clock=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(startup_module, "open_store", broken)
    startup = flow(FakePrompts(), store=sqlite_url(tmp_path / "x.sqlite3"))
    startup.start()
    assert startup.dialogs.names() == ["show_error", "crash"] and startup.exit_code == 1


def test_switch_user_shows_the_login_again(flow, tmp_path):
    url = sqlite_url(tmp_path / "s.sqlite3")
    st = open_store(url)
    admin = create_first_admin(st, "admin", ADMIN_PASSWORD)
    create_user(st, admin, UserInput("pingcha", Role.REVIEWER, "李评查"), DEMO_PASSWORD)
    st.dispose()
    prompts = FakePrompts(logins=[log_in_as("admin"), log_in_as("pingcha", DEMO_PASSWORD)])
    startup = flow(prompts, store=url)
    startup.start()
    first = startup.window
    assert first.page_keys() == [
        "dashboard",
        "cases",
        "warnings",
        "review",
        "agencies",
        "officers",
        "qualifications",
        "exams",
        "footage",
        "powers",
        "users",
        "audit",
        "settings",
    ]
    first.switch_user_action.trigger()
    assert startup.window is not first and not first.isVisible()
    assert startup.window.page_keys() == [
        "dashboard",
        "cases",
        "warnings",
        "review",
        "agencies",
        "officers",
        "qualifications",
        "footage",
        "powers",
        "settings",
    ]
    assert startup.exit_code is None
    startup.window.close()
    assert startup.exit_code == 0


# -- the server password -----------------------------------------------------------------------


@pytest.fixture
def pg_database() -> Iterator[tuple[Settings, str]]:
    """Settings of a PostgreSQL store of this test's own: settings cannot name a schema, so a new
    login role whose search path is a new schema (no database made and dropped: that checkpoints)."""
    if not PG_URL:
        pytest.skip("DESK_TEST_PG_URL is not set")
    name = f"desk_gui_{uuid.uuid4().hex[:10]}"
    password = f"pw-{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'"))
        conn.execute(text(f'CREATE SCHEMA "{name}" AUTHORIZATION "{name}"'))
        conn.execute(text(f'ALTER ROLE "{name}" SET search_path = "{name}"'))
    url = make_url(PG_URL)
    yield (
        Settings(
            store_kind="postgresql",
            pg_host=url.host,
            pg_port=url.port or 5432,
            pg_database=url.database,
            pg_user=name,
        ),
        password,
    )
    with admin.connect() as conn:
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"), {"n": name}
        )
        conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        conn.execute(text(f'DROP ROLE "{name}"'))
    admin.dispose()


def test_a_server_password_missing_from_the_keyring_is_asked_and_remembered(
    flow, pg_database, memory_keyring, monkeypatch
):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    settings, password = pg_database
    prompts = FakePrompts(
        passwords=[("wrong", True), (password, True)],
        problems=[RETRY],
        first_runs=[make_admin],
        logins=[log_in_as("zhao")],
    )
    startup = flow(prompts, settings=settings)
    startup.start()
    assert prompts.names() == ["store_password", "store_problem", "store_password", "first_run", "login"]
    assert prompts.calls[0][2] is True  # the keyring is there
    key = (APP_ID, f"{settings.pg_user}@{settings.pg_host}:{settings.pg_port}/{settings.pg_database}")
    assert memory_keyring.secrets[key] == password  # kept only once it worked
    assert startup.window is not None


def test_without_a_keyring_the_password_is_asked_and_not_kept(flow, pg_database, memory_keyring, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    settings, password = pg_database
    keyring.set_keyring(FailKeyring())
    try:
        prompts = FakePrompts(
            passwords=[(password, False)], first_runs=[make_admin], logins=[log_in_as("zhao")]
        )
        startup = flow(prompts, settings=settings)
        startup.start()
    finally:
        keyring.set_keyring(memory_keyring)
    assert prompts.calls[0][2] is False and startup.window is not None
    assert memory_keyring.secrets == {}


def test_cancelling_the_password_is_a_store_problem(flow, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    settings = Settings(
        store_kind="postgresql", pg_host="127.0.0.1", pg_port=1, pg_database="county", pg_user="desk"
    )
    prompts = FakePrompts(passwords=[None], problems=[QUIT])
    startup = flow(prompts, settings=settings)
    startup.start()
    assert prompts.calls[1][1].localized() == "No password was given for the server."
    assert startup.exit_code == 1


def test_secret_store_unavailable_is_a_store_problem_too(qtbot):
    dialog = StoreProblemDialog(SecretStoreUnavailable("no keyring ({reason})", reason="X"), "here")
    qtbot.addWidget(dialog)
    assert "connection settings" in dialog.advice.text()


# -- language ----------------------------------------------------------------------------------


def test_catalog_translator_falls_back_to_the_source(qapp, monkeypatch):
    from desktop.core import i18n

    monkeypatch.setattr(i18n, "catalog", lambda language: {("MainWindow", "Audit"): "审计"})
    translator = CatalogTranslator("zh_CN")
    assert translator.translate("MainWindow", "Audit") == "审计"
    assert translator.translate("MainWindow", "Nothing like it") is None
    with installed_language(qapp, "zh_CN") as installed:
        assert QCoreApplication.translate("MainWindow", "Audit") == "审计"
        assert QCoreApplication.translate("MainWindow", "Untranslated") == "Untranslated"
        assert len(installed) == 2  # ours and Qt's qtbase_zh_CN.qm
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("MainWindow", "Audit") == "Audit"
