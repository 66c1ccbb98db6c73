"""Correcting a campaign in the window: the draw previewed (files per agency, per reviewer) then
confirmed or taken back, a name close to an existing campaign's warned of as it is typed, 作废 with a
reason and one confirmation (the campaign stays listed, greyed), and 更换评查员 for one or several
selected files with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from desktop.accounts.audit import list_audit
from desktop.core.paging import ListQuery
from desktop.models import Case
from desktop.review import sheets
from desktop.review.campaigns import get_campaign, list_campaigns
from desktop.views.common.forms import select_data
from desktop.views.common.messages import FakeDialogs
from desktop.views.review.campaigns_tab import FILES, RESULTS, CampaignsTab
from tests.helpers.pages import click, column_texts, make_ctx, type_text
from tests.helpers.review_county import AGENCIES, County, draw, first_code, make_county, sheet_version

NAME, STATE = 0, 1
CASE_NO, REVIEWERS = 1, 4
GREY = "#9aa0a6"


@pytest.fixture
def county(store, admin, tmp_path) -> County:
    return make_county(store, admin, tmp_path, dossier_every=1)


def show_tab(qtbot, county: County, actor, answers=()) -> CampaignsTab:  # type: ignore[no-untyped-def]
    tab = CampaignsTab(make_ctx(county.store, actor, county.store.clock, FakeDialogs(answers)))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def fill_in(dialog, name: str = "2025年度行政处罚案卷评查") -> None:  # type: ignore[no-untyped-def]
    dialog.name_edit.setText(name)
    dialog.touch("name")
    dialog.reviewer_picker.set_chosen(["r_market", "r_transport", "r_bureau"])
    dialog.quota.count_spin.setValue(2)


def select_rows(table, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    model = table.model()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for n in rows:
        table.selectionModel().select(model.index(n, 0), flags)


# -- the preview ----------------------------------------------------------------------------------


def test_the_draw_is_previewed_and_stored_only_when_confirmed(qtbot, county) -> None:
    tab = show_tab(qtbot, county, county.supervisor)
    dialog = tab.new_campaign()
    fill_in(dialog)
    seed = dialog.seed_edit.text()
    click(qtbot, dialog.draw_button)
    assert (
        dialog.windowTitle() == "Preview of the draw" and dialog.stack.currentWidget() is dialog.preview_view
    )
    view = dialog.preview_view
    assert view.heading.text() == "Preview: 6 files would be drawn for 2025年度行政处罚案卷评查"
    assert f"seed {seed}" in view.summary.text() and "36 eligible files in 3 agencies" in view.summary.text()
    assert view.agency_rows() == [(a, "12", "2") for a in sorted(AGENCIES)]
    loads = dict(view.reviewer_rows())
    assert sum(int(n) for n in loads.values()) == 6 and set(loads) == {"r_market", "r_transport", "r_bureau"}
    assert not view.warning.isVisible()
    assert list_campaigns(county.store, county.supervisor) == ()
    # 返回修改: back to the settings, nothing stored; change the quota and preview again
    click(qtbot, dialog.back_button)
    assert dialog.stack.currentWidget() is dialog.form_page and dialog.draw_button.isVisible()
    assert not dialog.confirm_button.isVisible() and list_campaigns(county.store, county.supervisor) == ()
    dialog.quota.count_spin.setValue(1)
    click(qtbot, dialog.draw_button)
    previewed = [(a, n) for a, n in view.reviewer_rows()]
    assert view.agency_rows() == [(a, "12", "1") for a in sorted(AGENCIES)]
    # 确认抽取 stores exactly what was previewed
    click(qtbot, dialog.confirm_button)
    assert dialog.is_drawn() and dialog.stack.currentWidget() is dialog.result_view
    assert "differ" not in dialog.result_view.summary.text()
    [row] = list_campaigns(county.store, county.supervisor)
    assert row.files == 3 and row.seed == seed
    stored: dict[str, int] = {}
    for item in dialog.result.items:
        for r in item.reviewers:
            stored[r] = stored.get(r, 0) + 1
    assert dict((r, int(n)) for r, n in previewed) == stored


def test_a_refusal_at_the_preview_is_marked_on_its_field(qtbot, county) -> None:
    tab = show_tab(qtbot, county, county.supervisor)
    dialog = tab.new_campaign()
    fill_in(dialog)
    dialog.reviewer_picker.set_chosen(["r_market"])  # cannot score the market bureau's files
    click(qtbot, dialog.draw_button)
    assert dialog.stack.currentWidget() is dialog.form_page
    assert dialog.field_message("reviewers").startswith("Too few reviewers for")


def test_a_name_close_to_an_existing_campaigns_is_warned_not_refused(qtbot, county) -> None:
    draw(county)  # named 评查
    create = show_tab(qtbot, county, county.supervisor).new_campaign()
    fill_in(create, "2025年度评查")
    assert create.name_warning.isVisible()
    assert create.name_warning.text().startswith("Close to an existing campaign: 评查.")
    assert create.draw_button.isEnabled() and create.field_message("name") == ""
    create.name_edit.clear()
    type_text(create.name_edit, "交通运输专项检查")
    create.touch("name")
    assert not create.name_warning.isVisible()
    create.name_edit.setText("评 查。")
    create.touch("name")
    assert create.name_warning.isVisible()
    click(qtbot, create.draw_button)  # the preview says it again, and the draw may go ahead
    assert create.preview_view.warning.isVisible() and "评查" in create.preview_view.warning.text()
    click(qtbot, create.confirm_button)
    assert sorted(c.name for c in list_campaigns(county.store, county.supervisor)) == ["评 查。", "评查"]


# -- 作废 -------------------------------------------------------------------------------------------


def test_a_supervisor_voids_a_campaign_with_a_reason_and_one_confirmation(qtbot, county) -> None:
    row = draw(county).campaign
    tab = show_tab(qtbot, county, county.supervisor, answers=[False, True])
    assert tab.void_action.isVisible() and tab.void_action.isEnabled()
    dialog = tab.void_current()
    assert dialog.windowTitle() == "Void the campaign" and dialog.save_button.text() == "Void"
    click(qtbot, dialog.save_button)
    assert dialog.marks.message("reason") == "Say why the campaign is voided."
    type_text(dialog.reason_edit, "抽取范围设置错误")
    click(qtbot, dialog.save_button)  # asked once: No
    [(title, text, ok)] = tab.ctx.dialogs.called("confirm")
    assert text == "Void 评查? Its 6 files will not be scored. This cannot be undone." and ok == "Void"
    assert get_campaign(county.store, county.supervisor, row.id).state == "scoring"
    click(qtbot, dialog.save_button)  # Yes
    assert dialog.result() == QDialog.DialogCode.Accepted
    voided = get_campaign(county.store, county.supervisor, row.id)
    assert voided.state == "voided" and voided.void_reason == "抽取范围设置错误"
    # still listed, greyed, with the reason in the overview; counted in no results
    assert column_texts(tab.model, STATE) == ["Voided"]
    colour = tab.model.data(tab.model.index(0, NAME), Qt.ItemDataRole.ForegroundRole).color().name()
    assert colour == GREY
    assert tab.overview.values["state"].text().endswith(": 抽取范围设置错误")
    assert not tab.void_action.isEnabled()
    tab.tabs.setCurrentIndex(RESULTS)
    assert tab.results.model.total == 0
    assert tab.results.table.empty_text() == "The campaign is voided: it counts in no results."
    tab.tabs.setCurrentIndex(FILES)
    assert tab.files.model.total == 6 and not tab.files.reassign_button.isEnabled()
    [record] = list_audit(county.store, county.admin, ListQuery(filters=(("action", "void_campaign"),))).items
    assert record.after["reason"] == "抽取范围设置错误"


def test_voiding_after_scoring_started_says_how_many_files_are_scored(qtbot, county) -> None:
    draw(county)
    reviewer = county.reviewers["r_bureau"]
    task = sheets.my_tasks(county.store, reviewer)[0]
    per = first_code(county, "per_occurrence")
    sheets.take(
        county.store, reviewer, task.scoring_id, sheet_version(county, reviewer, task.scoring_id), per, 1
    )
    tab = show_tab(qtbot, county, county.supervisor, answers=[True])
    dialog = tab.void_current()
    type_text(dialog.reason_edit, "设置错误")
    click(qtbot, dialog.save_button)
    assert dialog.result() != QDialog.DialogCode.Accepted
    [(exc, *_rest)] = tab.ctx.dialogs.called("show_error")
    assert "1 of the 6 files already have a score saved" in exc.localized()
    assert get_campaign(county.store, county.supervisor, tab.current_campaign().id).state == "scoring"


def test_reviewers_and_agency_users_cannot_void(qtbot, county) -> None:
    draw(county)
    tab = show_tab(qtbot, county, county.reviewers["r_bureau"])
    assert not tab.void_action.isVisible() and tab.void_current() is None
    assert not tab.files.reassign_button.isVisible()


# -- 更换评查员 --------------------------------------------------------------------------------------


def test_a_supervisor_gives_several_files_to_another_reviewer(qtbot, county) -> None:
    draw(county)
    tab = show_tab(qtbot, county, county.supervisor)
    tab.tabs.setCurrentIndex(FILES)
    files = tab.files
    mine = [n for n, text in enumerate(column_texts(files.model, REVIEWERS)) if text == "r_bureau"]
    assert len(mine) == 2
    select_rows(files.table, mine)
    files.reassign()
    dialog = files.dialog
    assert dialog.windowTitle() == "Reassign a reviewer" and dialog.save_button.text() == "Reassign"
    assert dialog.about.text().startswith("Files selected: 2 (")
    # only accounts holding the reviewer role are offered
    offered = [dialog.to_combo.itemData(n) for n in range(dialog.to_combo.count())]
    assert offered == ["r_bureau", "r_bureau2", "r_market", "r_transport"]
    assert dialog.from_combo.currentData() == "r_bureau"
    select_data(dialog.to_combo, "r_bureau")
    assert dialog.problems()["reviewer"].startswith("Choose another reviewer")
    select_data(dialog.to_combo, "r_bureau2")
    click(qtbot, dialog.save_button)
    assert dialog.marks.message("reason") == "Say why the reviewer is changed."
    type_text(dialog.reason_edit, "评查员生病住院")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [(_title, text)] = tab.ctx.dialogs.called("info")
    assert text == "2 score sheets of r_bureau now go to r_bureau2."
    assert column_texts(files.model, REVIEWERS).count("r_bureau2") == 2
    assert "r_bureau" not in column_texts(files.model, REVIEWERS)
    records = list_audit(
        county.store, county.admin, ListQuery(filters=(("action", "reassign_reviewer"),))
    ).items
    assert len(records) == 2 and {r.after["reason"] for r in records} == {"评查员生病住院"}


def test_a_reviewer_of_the_files_agency_is_refused_under_the_field(qtbot, county) -> None:
    draw(county)
    tab = show_tab(qtbot, county, county.supervisor)
    files = tab.files
    row = next(f for f in files.rows if f.agency == AGENCIES[0])
    files.reassign([row])
    dialog = files.dialog
    assert dialog.about.text().startswith("Files selected: 1 (")
    select_data(dialog.to_combo, "r_market")  # of the market bureau
    type_text(dialog.reason_edit, "发现利害关系")
    click(qtbot, dialog.save_button)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.marks.message("reviewer").startswith(f"r_market may not score {row.case_no}")


def test_the_stored_draw_says_so_when_the_register_changed_after_the_preview(qtbot, county) -> None:
    tab = show_tab(qtbot, county, county.supervisor)
    dialog = tab.new_campaign()
    fill_in(dialog)
    click(qtbot, dialog.draw_button)
    first = dialog.preview.items[0]
    with county.store.unit_of_work() as uow:  # another workstation corrects a closing date meanwhile
        uow.session.get_one(Case, first.case_id).closed_on = date(2020, 1, 1)
        uow.commit()
    click(qtbot, dialog.confirm_button)
    assert dialog.is_drawn() and first.case_no not in [i.case_no for i in dialog.result.items]
    assert dialog.result_view.summary.text().endswith(
        "The register changed after the preview: these files differ from the ones previewed."
    )
