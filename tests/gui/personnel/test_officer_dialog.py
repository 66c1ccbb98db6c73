"""The officer dialog for a role that may change officers but not see whole ID numbers: the
身份证号 shows masked and read only, and saving keeps the stored number (the service checks it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop.core import security
from desktop.core.security import Permission, Role
from desktop.personnel.service import get_officer, list_officers
from desktop.views.personnel.officers.page import OfficersPage
from tests.helpers.pages import click, make_actor, make_ctx, resident_id, seed_agencies, seed_officers


@pytest.fixture
def masked_trainer(monkeypatch, store, admin, clock):
    """A trainer whose role, as a bureau might set it, edits officers without seeing whole numbers."""
    rows = seed_agencies(store, admin)
    seed_officers(store, admin, rows, clock.today())
    trimmed = security.ROLE_PERMISSIONS[Role.TRAINER] - {Permission.VIEW_ID_NUMBERS}
    monkeypatch.setitem(security.ROLE_PERMISSIONS, Role.TRAINER, trimmed)
    return make_actor(store, admin, "peixun", Role.TRAINER)


def open_page(qtbot, ctx) -> OfficersPage:
    page = OfficersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    return page


def select(page: OfficersPage, name: str) -> None:
    for r in range(page.model.rowCount()):
        if page.model.row_at(r).name == name:
            page.table.select_row(r)
            return
    raise AssertionError(name)


def test_the_number_shows_masked_read_only_and_saving_keeps_it(qtbot, store, admin, clock, masked_trainer):
    page = open_page(qtbot, make_ctx(store, masked_trainer, clock))
    select(page, "陈杰")
    dialog = page.edit_current()
    assert dialog.id_edit.text() == "341122********" + resident_id(5)[-4:]
    assert dialog.id_edit.isReadOnly() and "masked" in dialog.id_edit.toolTip()
    dialog.position_edit.setText("副科长")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    officer = next(o for o in list_officers(store, admin, reveal_ids=True).items if o.name == "陈杰")
    assert officer.position == "副科长"
    assert get_officer(store, admin, officer.id, reveal_ids=True).id_number == resident_id(5)


def test_a_role_that_may_see_numbers_edits_them(qtbot, store, admin, clock, masked_trainer):
    page = open_page(qtbot, make_ctx(store, admin, clock))
    select(page, "陈杰")
    dialog = page.edit_current()
    assert dialog.id_edit.text() == resident_id(5)
    assert not dialog.id_edit.isReadOnly() and dialog.id_edit.toolTip() == ""
