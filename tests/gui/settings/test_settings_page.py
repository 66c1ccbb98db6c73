"""设置: the connection form and its test, saving settings and the keyring, language, own password."""

from __future__ import annotations

import json
import os

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from sqlalchemy.engine import make_url

from desktop import APP_ID
from desktop.accounts.service import authenticate
from desktop.core import paths
from desktop.core.settings import Settings, load_settings, save_settings
from desktop.models.db import Store, head_revision, open_store, sqlite_url
from desktop.views.common.messages import FakeDialogs
from desktop.views.settings.connection import ConnectionForm
from desktop.views.settings.page import SettingsPage
from tests.helpers.window import make_ctx

PG_URL = os.environ.get("DESK_TEST_PG_URL", "")
ADMIN_PASSWORD = "Chief-2026"


@pytest.fixture
def local_store(tmp_path, clock):
    st = open_store(sqlite_url(tmp_path / "here.sqlite3"), clock=clock)
    yield st
    st.dispose()


@pytest.fixture
def page(qtbot, local_store):
    from desktop.accounts.service import create_first_admin

    actor = create_first_admin(local_store, "admin", ADMIN_PASSWORD)
    settings = Settings(sqlite_path=str(local_store.sqlite_path()))
    save_settings(settings)
    widget = SettingsPage(make_ctx(local_store, actor, settings=settings))
    qtbot.addWidget(widget)
    return widget


def fill_postgresql(
    form: ConnectionForm, host: str, port: int, database: str, user: str, password: str = ""
) -> None:
    form.postgresql_radio.click()
    for field, text in (
        (form.pg_host, host),
        (form.pg_database, database),
        (form.pg_user, user),
        (form.pg_password, password),
    ):
        field.setText(text)
        field.textEdited.emit(text)
    form.pg_port.setValue(port)


def test_the_form_shows_the_saved_store(page, local_store):
    form = page.connection
    assert form.sqlite_radio.isChecked() and form.sqlite_path.text() == str(local_store.sqlite_path())
    assert not form.postgresql_box.isEnabled() and form.sqlite_box.isEnabled()
    assert form.is_valid() and page.save_button.isEnabled() and page.save_button.text() == "Save"


def test_test_connection_on_sqlite_reports_server_schema_and_time(page):
    page.connection.test_button.click()
    result = page.connection.result
    assert result.tone == "ok" and result.isVisibleTo(page)
    assert result.text().startswith("Connected: SQLite 3.")
    assert f"schema {head_revision()} (newest)" in result.text() and result.text().endswith(" ms")


def test_test_connection_on_an_empty_file_says_it_will_be_set_up(page, tmp_path):
    form = page.connection
    form.sqlite_path.setText(str(tmp_path / "new.sqlite3"))
    form.sqlite_path.textEdited.emit("")
    form.test_button.click()
    assert "the store is empty — it will be set up" in form.result.text()


def test_unreachable_postgresql_port_is_a_clear_red_error(page):
    form = page.connection
    fill_postgresql(form, "127.0.0.1", 1, "county", "desk", "secret-1")
    assert form.is_valid()
    form.test_button.click()
    assert form.result.tone == "problem"
    assert form.result.text().startswith("The store cannot be reached:")
    assert "Traceback" not in form.result.text()
    assert page.ctx.dialogs.calls == []
    assert form.test_button.isEnabled()


@pytest.mark.skipif(not PG_URL, reason="DESK_TEST_PG_URL is not set")
def test_test_connection_on_postgresql(page):
    url = make_url(PG_URL)
    fill_postgresql(page.connection, url.host, url.port or 5432, url.database, url.username, url.password)
    page.connection.test_button.click()
    assert page.connection.result.tone in ("ok", "problem")
    assert page.connection.result.text().startswith("Connected: PostgreSQL 1")


def test_validation_names_the_field_as_the_user_types(page):
    form = page.connection
    form.postgresql_radio.click()
    assert form.problem.text() == "Host: required."
    assert not page.save_button.isEnabled() and not form.test_button.isEnabled()
    form.pg_host.setText("db.county.example")
    form.pg_host.textEdited.emit("db.county.example")
    assert form.problem.text() == "Database: required."
    fill_postgresql(form, "db.county.example", 5432, "county", "desk")
    assert not form.problem.isVisibleTo(page) and page.save_button.isEnabled()


def test_saving_writes_settings_and_keyring_never_the_password_into_the_json(page, memory_keyring):
    fill_postgresql(page.connection, "db.county.example", 5433, "county", "desk", "S3cret-pass")
    page.save_button.click()
    raw = paths.settings_path().read_text(encoding="utf-8")
    saved = json.loads(raw)
    assert saved["store_kind"] == "postgresql" and saved["pg_host"] == "db.county.example"
    assert saved["pg_port"] == 5433 and saved["pg_user"] == "desk"
    assert "S3cret-pass" not in raw and "password" not in raw.replace("keyring", "")
    assert memory_keyring.secrets == {(APP_ID, "desk@db.county.example:5433/county"): "S3cret-pass"}
    assert page.store_message.tone == "ok"
    assert "Saved." in page.store_message.text()
    assert "uses this store the next time it starts" in page.store_message.text()
    assert page.connection.password() == ""  # not left on screen
    assert "Saved in the system keyring" in page.connection.pg_password.placeholderText()
    assert load_settings().pg_database == "county" and page.ctx.settings.pg_database == "county"


def test_saving_the_same_store_says_saved_only(page):
    page.save_button.click()
    assert page.store_message.text() == "Saved."


def test_saving_without_a_keyring_says_the_password_will_be_asked(page, memory_keyring):
    keyring.set_keyring(FailKeyring())
    try:
        page.refresh()
        fill_postgresql(page.connection, "db.county.example", 5432, "county", "desk", "S3cret-pass")
        assert "not available" in page.connection.keyring_note.text()
        page.save_button.click()
    finally:
        keyring.set_keyring(memory_keyring)
    assert page.store_message.tone == "warning"
    assert (
        "asks for it at each start" in page.store_message.text()
        or "ask for it at each start" in page.store_message.text()
    )
    assert "S3cret-pass" not in paths.settings_path().read_text(encoding="utf-8")


def test_browse_picks_a_file_through_the_dialog_seam(page, tmp_path):
    dialogs: FakeDialogs = page.ctx.dialogs
    dialogs.files.append(str(tmp_path / "other.sqlite3"))
    page.connection.browse_button.click()
    assert dialogs.names() == ["open_file"]
    assert page.connection.sqlite_path.text() == str(tmp_path / "other.sqlite3")
    dialogs.files.append(None)
    page.connection.browse_button.click()
    assert page.connection.sqlite_path.text() == str(tmp_path / "other.sqlite3")


def test_language_is_saved_at_once_and_applies_after_restart(page):
    page.language.setCurrentIndex(page.language.findData("en"))
    assert load_settings().language == "en"
    assert "after it restarts" in page.language_message.text()
    assert [page.language.itemText(i) for i in range(page.language.count())] == ["简体中文", "English"]


def test_refresh_drops_unsaved_edits(page):
    page.connection.postgresql_radio.click()
    page.refresh()
    assert page.connection.sqlite_radio.isChecked() and not page.connection.problem.isVisibleTo(page)


# -- my password -------------------------------------------------------------------------------


@pytest.fixture
def password_page(qtbot, store, admin):
    widget = SettingsPage(make_ctx(store, admin))
    qtbot.addWidget(widget)
    return widget


def type_into(field, text: str) -> None:
    field.setText(text)
    field.textEdited.emit(text)


def test_change_password_validates_as_the_user_types(password_page):
    form = password_page.password_form
    assert not form.change_button.isEnabled() and not form.message.isVisibleTo(password_page)
    type_into(form.new, "short")
    assert form.message.text() == "New password: The password must have at least 10 characters."
    type_into(form.new, "Longer-2027")
    type_into(form.repeat, "Longer-2028")
    assert form.message.text() == "Repeat new password: does not match the new password."
    type_into(form.repeat, "Longer-2027")
    assert not form.change_button.isEnabled()  # the current password is still missing
    type_into(form.current, ADMIN_PASSWORD)
    assert form.change_button.isEnabled() and not form.message.isVisibleTo(password_page)


def test_change_password_with_a_wrong_current_password(password_page, store):
    form = password_page.password_form
    type_into(form.current, "Wrong-2026")
    type_into(form.new, "Longer-2027")
    type_into(form.repeat, "Longer-2027")
    form.change_button.click()
    assert form.message.tone == "problem"
    assert form.message.text() == "Current password: it is not right."
    assert authenticate(store, "admin", ADMIN_PASSWORD).name == "admin"


def test_change_password(password_page, store):
    form = password_page.password_form
    type_into(form.current, ADMIN_PASSWORD)
    type_into(form.new, "Longer-2027")
    type_into(form.repeat, "Longer-2027")
    form.change_button.click()
    assert form.message.tone == "ok" and form.new.text() == "" and not form.change_button.isEnabled()
    assert authenticate(store, "admin", "Longer-2027").name == "admin"


def test_store_url_of_the_page_context_is_not_changed_by_saving(page, local_store):
    fill_postgresql(page.connection, "db.county.example", 5432, "county", "desk")
    page.save_button.click()
    assert page.ctx.store is local_store and isinstance(page.ctx.store, Store)
