"""设置 › 处置方式: the default kinds, a change saved for every workstation (audited) that the 处置
dialog then offers, restore defaults, refused input explained, read only without the right."""

from __future__ import annotations

from desktop.accounts.audit import list_audit
from desktop.cases.supervision_settings import disposal_kinds
from desktop.core.paging import ListQuery
from desktop.core.security import Role
from desktop.views.settings.disposal_kinds import DisposalKindsSection, parse_kinds
from desktop.views.settings.page import SettingsPage
from tests.helpers.pages import click, make_actor, make_ctx


def open_section(qtbot, ctx) -> DisposalKindsSection:
    section = DisposalKindsSection(ctx)
    qtbot.addWidget(section)
    section.show()
    return section


def test_kinds_are_typed_in_one_line_saved_and_audited(qtbot, store, admin, clock):
    section = open_section(qtbot, make_ctx(store, admin, clock))
    assert section.edit.text() == "约谈、责令整改、通报、移送、其他"
    assert section.changed_label.text() == "The default kinds; never changed."
    assert not section.save_button.isEnabled() and not section.defaults_button.isEnabled()
    section.edit.setText("约谈、责令整改、督办，其他")
    section.on_edit_text_edited("")
    assert section.kinds() == ["约谈", "责令整改", "督办", "其他"]
    click(qtbot, section.save_button)
    assert disposal_kinds(store, admin).kinds == ("约谈", "责令整改", "督办", "其他")
    assert section.edit.text() == "约谈、责令整改、督办、其他"
    assert section.changed_label.text().startswith("Last changed by admin at ")
    record = list_audit(store, admin, ListQuery(filters=(("entity", "disposal_kinds"),))).items[0]
    assert record.after == {"kinds": ["约谈", "责令整改", "督办", "其他"]}
    section.on_defaults_button_clicked()
    assert section.edit.text() == "约谈、责令整改、通报、移送、其他" and section.save_button.isEnabled()
    section.edit.setText("约谈、约谈")
    section.on_edit_text_edited("")
    click(qtbot, section.save_button)
    assert section.message.text() == "A kind of handling is named twice."
    assert disposal_kinds(store, admin).kinds == ("约谈", "责令整改", "督办", "其他")


def test_read_only_without_the_right_and_on_the_settings_page(qtbot, store, admin, clock):
    clerk = make_actor(store, admin, "kanban", Role.REVIEWER)
    section = open_section(qtbot, make_ctx(store, clerk, clock))
    assert section.edit.isReadOnly() and not section.save_button.isVisibleTo(section)
    page = SettingsPage(make_ctx(store, admin, clock))
    qtbot.addWidget(page)
    assert page.disposal_kinds.edit.text() == "约谈、责令整改、通报、移送、其他"
    assert parse_kinds(" 约谈 ; 通报\n移送 ") == ["约谈", "通报", "移送"]
