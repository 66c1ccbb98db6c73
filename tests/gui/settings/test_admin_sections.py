"""设置 › 输入限制 and 审计锚点: an administrator changes the store-wide input limits (obeyed at
once) and chooses the folder of the daily anchor; every other role sees both read only."""

from __future__ import annotations

from desktop.accounts.input_settings import input_settings
from desktop.core.input_limits import in_force
from desktop.core.security import Role
from desktop.core.settings import Settings, load_settings
from desktop.views.common.messages import FakeDialogs
from desktop.views.settings.anchors import AnchorSection
from desktop.views.settings.input_limits import InputLimitsSection
from tests.helpers.pages import click, make_actor
from tests.helpers.window import make_ctx


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_an_administrator_changes_the_input_limits(qtbot, store, admin):
    section = show(qtbot, InputLimitsSection(make_ctx(store, admin)))
    assert section.spins["import_rows"].value() == 200_000 and section.spins["years_ahead"].value() == 5
    assert not section.save_button.isEnabled()
    section.spins["import_rows"].setValue(5000)
    section.spins["years_ahead"].setValue(8)
    click(qtbot, section.save_button)
    assert input_settings(store, admin).limits.import_rows == 5000
    assert in_force().years_ahead == 8
    assert section.message.text() == "Saved. Imports and dates are checked with these limits from now on."
    assert section.changed_label.text().startswith("Last changed by admin at ")
    click(qtbot, section.defaults_button)
    assert section.spins["import_rows"].value() == 200_000 and section.save_button.isEnabled()


def test_other_roles_see_the_input_limits_read_only(qtbot, store, admin):
    supervisor = make_actor(store, admin, "jiandu", Role.SUPERVISOR)
    section = show(qtbot, InputLimitsSection(make_ctx(store, supervisor)))
    assert all(spin.isReadOnly() for spin in section.spins.values())
    assert not section.save_button.isVisibleTo(section) and section.read_only_note.isVisibleTo(section)
    assert "palette(window)" in section.styleSheet()


def test_an_administrator_chooses_the_anchor_folder(qtbot, store, admin, tmp_path):
    dialogs = FakeDialogs(files=[str(tmp_path)])
    section = show(qtbot, AnchorSection(make_ctx(store, admin, settings=Settings(), dialogs=dialogs)))
    assert section.folder_edit.text() == "" and not section.clear_button.isEnabled()
    click(qtbot, section.choose_button)
    assert load_settings().anchor_dir == str(tmp_path) == section.folder_edit.text()
    assert section.message.text() == f"Saved. The window writes a daily anchor to {tmp_path}."
    click(qtbot, section.clear_button)
    assert load_settings().anchor_dir == ""


def test_other_roles_see_the_anchor_folder_read_only(qtbot, store, admin, tmp_path):
    supervisor = make_actor(store, admin, "jiandu", Role.SUPERVISOR)
    section = show(
        qtbot, AnchorSection(make_ctx(store, supervisor, settings=Settings(anchor_dir=str(tmp_path))))
    )
    assert section.folder_edit.text() == str(tmp_path) and section.folder_edit.isReadOnly()
    assert not section.choose_button.isVisibleTo(section) and section.read_only_note.isVisibleTo(section)
