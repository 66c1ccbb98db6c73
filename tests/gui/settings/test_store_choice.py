"""设置 › 存储: only an administrator may change the store this workstation uses; for every other
role (the trainer included) the form shows the store read only and looks it, and the service
refuses a save. The store-problem dialog before a login is not affected (tests/gui/shell)."""

from __future__ import annotations

import pytest

from desktop.core.security import Role
from desktop.core.settings import Settings, load_settings, save_settings
from desktop.views.settings.page import SettingsPage
from tests.helpers.pages import make_actor
from tests.helpers.window import make_ctx


def open_page(qtbot, store, actor) -> SettingsPage:
    settings = Settings(sqlite_path=str(store.sqlite_path()))
    save_settings(settings)
    page = SettingsPage(make_ctx(store, actor, settings=settings))
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.mark.parametrize("role", [Role.TRAINER, Role.SUPERVISOR, Role.REVIEWER])
def test_other_roles_see_the_store_read_only(qtbot, store, admin, role):
    page = open_page(qtbot, store, make_actor(store, admin, f"u_{role.value}", role))
    form = page.connection
    assert form.read_only
    assert form.sqlite_path.isReadOnly() and not form.sqlite_radio.isEnabled()
    assert not form.postgresql_radio.isEnabled()
    assert "palette(window)" in form.styleSheet()  # greyed like the window, not an input's white
    assert not page.save_button.isVisibleTo(page) and not form.test_button.isVisibleTo(page)
    assert not form.browse_button.isVisibleTo(page)
    assert page.store_read_only.isVisibleTo(page)
    assert "only an administrator" in page.store_read_only.text()
    # the store-wide limits look read only too where the role may not change them
    assert ("palette(window)" in page.limits.styleSheet()) == (role is not Role.SUPERVISOR)
    page.on_save_button_clicked()  # even when asked directly, nothing is saved
    assert load_settings().sqlite_path == str(store.sqlite_path())


def test_an_administrator_changes_the_store(qtbot, store, admin, tmp_path):
    page = open_page(qtbot, store, admin)
    form = page.connection
    assert not form.read_only and page.save_button.isVisibleTo(page)
    assert not page.store_read_only.isVisibleTo(page)
    other = str(tmp_path / "other.sqlite3")
    form.sqlite_path.setText(other)
    form.sqlite_path.textEdited.emit(other)
    page.on_save_button_clicked()
    assert load_settings().sqlite_path == other
    assert page.store_message.text().startswith("Saved.")
