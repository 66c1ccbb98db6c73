"""评查活动: the new-campaign dialog (bad input named under its field, the draw and what it drew), the
drawn files with their filters, reopening and opening a sheet, the results and their charts, the
results workbook, verifying a draw, the population list, feedback for an agency (and Cancel), the
announcement refused then accepted, and what reviewers and agency users see."""

from __future__ import annotations

import hashlib
import sys
import types
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.models import Case
from desktop.review import sheets
from desktop.review.campaigns import get_campaign, list_campaigns
from desktop.review.feedback import list_feedback, send_feedback
from desktop.review.results import campaign_results
from desktop.views.common.forms import select_data
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.tasks import TaskRunner
from desktop.views.common.value_titles import value_title
from desktop.views.review.campaign_dialog import CampaignDialog
from desktop.views.review.campaign_titles import CJK_FAMILIES
from desktop.views.review.campaigns_tab import FEEDBACK, FILES, RESULTS, CampaignsTab
from desktop.views.review.results_charts import clipped
from tests.helpers.pages import click, column_texts, make_ctx, type_text, visible_action_texts
from tests.helpers.review_county import (
    AGENCIES,
    County,
    draw,
    first_code,
    make_county,
    score_all,
    sheet_version,
)

AGENCY, CASE_NO, CAUSE, DOSSIER, REVIEWERS, SHEETS, FINAL, GRADE, RECHECK = range(9)
R_AGENCY, R_FILES, R_SCORED, R_AVERAGE, R_PASS, R_EXCELLENT, R_GRADES = range(7)
F_AGENCY, F_SCORED, F_SENT, F_RECTIFY, F_RECHECK = range(5)
NAME, STATE = 0, 1
GREEN, RED = "#188038", "#d93025"


class FolderDialogs(FakeDialogs):
    """Fake dialogs that also pick folders (from ``files``), as the seam will once it has them."""

    def choose_folder(self, parent, title, start):  # type: ignore[no-untyped-def]
        self.calls.append(("choose_folder", title, start))
        return self._pop(self.files, "folder")


@pytest.fixture
def county(store, admin, tmp_path) -> County:
    return make_county(store, admin, tmp_path, dossier_every=1)


@pytest.fixture
def workspace(monkeypatch):
    """``open_scoring_window`` replaced: records (ctx, scoring id, parent)."""
    opened: list[tuple] = []
    module = types.ModuleType("desktop.views.review.workspace")
    module.open_scoring_window = lambda ctx, scoring_id, parent: opened.append((ctx, scoring_id, parent))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.views.review.workspace", module)
    return opened


def ctx_of(county: County, actor, answers=(), files=()):  # type: ignore[no-untyped-def]
    return make_ctx(county.store, actor, county.store.clock, FolderDialogs(answers, files))


def show_tab(qtbot, ctx) -> CampaignsTab:  # type: ignore[no-untyped-def]
    tab = CampaignsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, column), role)


def row_of(model, column: int, text: str) -> int:  # type: ignore[no-untyped-def]
    return column_texts(model, column).index(text)


# -- 新建评查活动 -------------------------------------------------------------------------------------


def test_the_dialog_names_each_bad_field_and_then_draws(qtbot, county) -> None:
    ctx = ctx_of(county, county.supervisor)
    tab = show_tab(qtbot, ctx)
    assert tab.model.total == 0 and tab.table.empty_text().startswith("No review campaigns yet")
    drawn: list = []
    tab.campaign_drawn.connect(drawn.append)
    dialog = tab.new_campaign()
    assert dialog.windowTitle() == "New review campaign" and dialog.draw_button.text() == "Preview the draw"
    assert dialog.name_edit.text() == "2025 case-file review"
    assert (dialog.from_edit.date().toString("yyyy-MM-dd"), dialog.to_edit.date().toString("yyyy-MM-dd")) == (
        "2025-01-01",
        "2025-12-31",
    )
    seed = dialog.seed_edit.text()
    assert len(seed) == 8 and seed.isdigit()
    click(qtbot, dialog.reseed_button)
    assert dialog.seed_edit.text() != seed and len(dialog.seed_edit.text()) == 8
    # nothing typed wrong yet: the button waits for the reviewers and says so
    assert not dialog.draw_button.isEnabled() and dialog.pending.text() == "To draw, complete: Reviewers"
    dialog.name_edit.selectAll()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Delete)
    assert dialog.field_message("name") == "Give the campaign a name."
    dialog.to_edit.setDate(dialog.from_edit.date().addDays(-1))
    assert dialog.field_message("period") == "The period ends before it starts."
    dialog.categories.set_chosen(())
    assert dialog.field_message("categories").startswith("Choose case categories among")
    dialog.categories.set_chosen(("行政检查",))
    assert dialog.field_message("categories") == (
        "No review standard applies to Administrative inspection: import one first."
    )
    dialog.on_draw_button_clicked()  # shows every problem, draws nothing
    assert dialog.field_message("reviewers") == "Name at least one reviewer."
    assert list_campaigns(county.store, county.supervisor) == ()
    # put it right
    type_text(dialog.name_edit, "2025年度行政处罚案卷评查")
    dialog.to_edit.setDate(dialog.from_edit.date().addYears(1).addDays(-1))
    dialog.categories.set_chosen(("行政处罚",))
    for name in ("r_market", "r_transport", "r_bureau"):
        dialog.reviewer_picker.name_edit.setText(name)
        click(qtbot, dialog.reviewer_picker.add_button)
    dialog.quota.count_spin.setValue(2)
    dialog.weights.double_check.setChecked(True)
    dialog.weights.weight_spin.setValue(60)
    assert dialog.weights.split.text() == "60% / 40%"
    dialog.weights.double_check.setChecked(False)
    assert dialog.problems() == {} and dialog.draw_button.isEnabled() and not dialog.pending.isVisible()
    seed = dialog.seed_edit.text()
    click(qtbot, dialog.draw_button)
    # a preview first: nothing stored until confirmed
    assert (
        dialog.stack.currentWidget() is dialog.preview_view
        and list_campaigns(county.store, county.supervisor) == ()
    )
    assert dialog.confirm_button.isVisible() and dialog.confirm_button.text() == "Confirm the draw"
    assert not dialog.draw_button.isVisible()
    assert dialog.preview_view.agency_rows() == [(a, "12", "2") for a in sorted(AGENCIES)]
    click(qtbot, dialog.confirm_button)
    # the store has it, with its seed and fingerprint
    [row] = list_campaigns(county.store, county.supervisor)
    assert (row.name, row.seed, row.files, row.per_agency, row.double) == (
        "2025年度行政处罚案卷评查",
        seed,
        6,
        2,
        False,
    )
    assert sorted(row.reviewers) == ["r_bureau", "r_market", "r_transport"]
    # the dialog shows what it drew before it closes
    assert dialog.is_drawn() and dialog.isVisible() and dialog.close_button.text() == "Close"
    assert dialog.result_view.agency_count() == 3
    assert dialog.result_view.heading.text() == "6 files drawn for 2025年度行政处罚案卷评查"
    assert row.population_sha256 in dialog.result_view.fingerprint.text()
    assert f"seed {seed}" in dialog.result_view.summary.text()
    top = dialog.result_view.tree.topLevelItem(0)
    assert top.text(0) == f"{AGENCIES[1]} — 2 of 12 eligible" and top.childCount() == 2
    assert top.child(0).text(2) in ("r_market", "r_bureau")  # never the agency's own reviewer
    # the tab lists it, current
    assert [d.campaign.id for d in drawn] == [row.id]
    assert tab.current_campaign().id == row.id and tab.files.model.total == 6
    dialog.reject()
    # a second campaign may not take the name: said as it is typed
    again = tab.new_campaign()
    again.name_edit.setText("2025年度行政处罚案卷评查")
    again.touch("name")
    assert again.field_message("name") == "A campaign named 2025年度行政处罚案卷评查 already exists."


def test_the_dialog_opens_at_once_and_reads_its_choices_off_the_gui_thread(qtbot, county) -> None:
    ctx = ctx_of(county, county.admin)
    ctx.tasks = TaskRunner(ctx.dialogs)
    try:
        dialog = CampaignDialog(ctx)
        qtbot.addWidget(dialog)
        # open before anything is read: a note, and nothing to draw with yet
        assert dialog.stack.currentWidget() is dialog.loading and not dialog.draw_button.isEnabled()
        qtbot.waitUntil(lambda: dialog.stack.currentWidget() is not dialog.loading)
        assert dialog.stack.currentWidget() is dialog.form_page
        assert len(dialog.agency_list.items()) == len(AGENCIES) and dialog.reviewer_picker.list.count()
    finally:
        assert ctx.tasks.shutdown(5_000)


def test_an_administrator_picks_from_the_accounts_holding_the_reviewer_role(qtbot, county) -> None:
    tab = show_tab(qtbot, ctx_of(county, county.admin))
    dialog = tab.new_campaign()
    texts = [item.text() for item in dialog.reviewer_picker.list.items()]
    assert f"r_market · {AGENCIES[0]}" in texts and "r_bureau · bureau staff" in texts
    assert not any(t.startswith(("jiandu", "admin")) for t in texts)  # no reviewer role: not offered
    assert not any(t.startswith(("trainer", "u_market")) for t in texts)
    assert not dialog.reviewer_picker.name_edit.isVisible()  # the list is complete
    assert [dialog.agency_list.item(n).text() for n in range(3)] == sorted(
        n.replace("示范县", "县") for n in AGENCIES
    )
    assert dialog.agency_note.text() == "None ticked: all 3 agencies."
    dialog.agency_list.set_chosen([county.agency_ids[AGENCIES[0]]])
    assert dialog.agency_note.text() == "1 of 3 agencies."
    assert dialog.spec().agency_ids == (county.agency_ids[AGENCIES[0]],)


def test_a_refused_draw_is_marked_on_its_field(qtbot, county) -> None:
    tab = show_tab(qtbot, ctx_of(county, county.supervisor))
    dialog = tab.new_campaign()
    dialog.reviewer_picker.set_chosen(["r_market"])  # cannot score the market bureau's files
    click(qtbot, dialog.draw_button)
    assert not dialog.is_drawn()
    assert dialog.field_message("reviewers").startswith("Too few reviewers for")
    assert list_campaigns(county.store, county.supervisor) == ()


# -- 案卷 ---------------------------------------------------------------------------------------------


def test_the_files_tab_shows_the_drawn_files_and_filters_them(qtbot, county, workspace) -> None:
    result = draw(county)
    per = first_code(county, "per_occurrence")
    reviewer = county.reviewers["r_bureau"]
    [first, *_] = sheets.my_tasks(county.store, reviewer)
    sheets.take(
        county.store, reviewer, first.scoring_id, sheet_version(county, reviewer, first.scoring_id), per, 2
    )
    sheets.submit(county.store, reviewer, first.scoring_id, sheet_version(county, reviewer, first.scoring_id))
    ctx = ctx_of(county, county.supervisor)
    tab = show_tab(qtbot, ctx)
    assert column_texts(tab.model, NAME) == ["评查"] and column_texts(tab.model, STATE) == ["Scoring"]
    assert cell(tab.model, 0, 2) == "2025-01-01 – 2025-12-31"
    tab.tabs.setCurrentIndex(FILES)
    files = tab.files
    assert files.model.total == len(result.items) == 6
    n = row_of(files.model, CASE_NO, first.case_no)
    score = sheets.open_sheet(county.store, reviewer, first.scoring_id).score.total
    assert cell(files.model, n, AGENCY) == first.agency.replace("示范县", "县")
    assert cell(files.model, n, DOSSIER) == "Electronic" and cell(files.model, n, REVIEWERS) == "r_bureau"
    assert cell(files.model, n, SHEETS) == f"r_bureau Submitted {score:.1f}"
    assert cell(files.model, n, FINAL) == f"{score:.1f}"
    assert cell(files.model, n, GRADE) == "Excellent"
    assert cell(files.model, n, GRADE, Qt.ItemDataRole.ForegroundRole).color().name() == GREEN
    others = [r for r in range(6) if r != n]
    assert all(
        cell(files.model, r, SHEETS).endswith("In progress") and cell(files.model, r, FINAL) == "—"
        for r in others
    )
    select_data(files.state_filter, "done")
    assert column_texts(files.model, CASE_NO) == [first.case_no]
    select_data(files.state_filter, "open")
    assert files.model.total == 5
    select_data(files.state_filter, None)
    select_data(files.agency_filter, county.agency_ids[AGENCIES[2]])
    assert files.model.total == 2 and set(column_texts(files.model, AGENCY)) == {"县生态环境局"}
    assert files.agency_filter.currentText() == "县生态环境局"  # the filter names it as the table does
    assert files.agency_filter.toolTip() == AGENCIES[2]  # the full name on hover, in both
    assert files.model.data(files.model.index(0, AGENCY), Qt.ItemDataRole.ToolTipRole) == AGENCIES[2]
    select_data(files.agency_filter, None)
    files.search.setText(first.case_no)
    assert column_texts(files.model, CASE_NO) == [first.case_no]
    files.search.setText("")
    # double-click opens the sheet in the scoring workspace
    opened: list[int] = []
    tab.sheet_opened.connect(opened.append)
    n = row_of(files.model, CASE_NO, first.case_no)
    rect = files.table.visualRect(files.model.index(n, CASE_NO))
    qtbot.mouseDClick(files.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [(c.user.name, sid, parent) for c, sid, parent in workspace] == [
        ("jiandu", first.scoring_id, files)
    ]
    assert opened == [first.scoring_id]


def test_a_supervisor_reopens_a_submitted_score_with_a_reason(qtbot, county) -> None:
    draw(county)
    reviewer = county.reviewers["r_bureau"]
    [first, second, *_] = sheets.my_tasks(county.store, reviewer)
    sheets.submit(county.store, reviewer, first.scoring_id, sheet_version(county, reviewer, first.scoring_id))
    ctx = ctx_of(county, county.supervisor)
    tab = show_tab(qtbot, ctx)
    files = tab.files
    assert files.reopen(files.model.row_at(row_of(files.model, CASE_NO, second.case_no))) is None
    assert ctx.dialogs.called("info")[0][1].startswith(f"No score sheet of {second.case_no} is submitted")
    files.table.select_row(row_of(files.model, CASE_NO, first.case_no))
    menu = files.table.row_menu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Open the score sheet",
        "Reopen the score…",
        "Reassign the reviewer…",
        "Copy",
    ]
    dialog = files.reopen(files.current_file())
    assert dialog.save_button.text() == "Reopen the score" and dialog.sheet_combo.count() == 1
    click(qtbot, dialog.save_button)
    assert dialog.marks.message("reason") == "Say why the score is reopened."
    assert sheets.open_sheet(county.store, reviewer, first.scoring_id).state == "submitted"
    type_text(dialog.reason_edit, "扣分项目选错")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert sheets.open_sheet(county.store, reviewer, first.scoring_id).state == "open"
    n = row_of(files.model, CASE_NO, first.case_no)
    assert cell(files.model, n, SHEETS) == "r_bureau In progress" and cell(files.model, n, FINAL) == "—"


# -- 结果 ---------------------------------------------------------------------------------------------


def test_results_show_averages_and_the_charts_have_data(qtbot, county) -> None:
    result = draw(county)
    ctx = ctx_of(county, county.supervisor)
    tab = show_tab(qtbot, ctx)
    tab.tabs.setCurrentIndex(RESULTS)
    view = tab.results
    assert not view.has_charts() and view.empty.text().startswith("No score submitted yet")
    assert (
        column_texts(view.model, R_SCORED) == ["0", "0", "0"]
        and column_texts(view.model, R_AVERAGE) == ["—"] * 3  # never "0.0" or "100.0" unscored
    )
    per, full = first_code(county, "per_occurrence"), first_code(county, "full")
    score_all(county, {"r_bureau": [(per, 1), (full, 1)]})
    tab.refresh()
    results = campaign_results(county.store, county.supervisor, result.campaign.id)
    assert view.has_charts()
    for n, agency in enumerate(results.agencies):
        assert cell(view.model, n, R_AGENCY) == agency.agency.replace("示范县", "县")
        assert cell(view.model, n, R_FILES) == "2" and cell(view.model, n, R_SCORED) == "2"
        assert cell(view.model, n, R_AVERAGE) == f"{agency.average:.1f}"
        assert cell(view.model, n, R_PASS) == f"{agency.pass_rate:.1f}%"
        assert cell(view.model, n, R_EXCELLENT) == f"{agency.excellent_rate:.1f}%"
        assert cell(view.model, n, R_GRADES) == " · ".join(f"{value_title(g)} {c}" for g, c in agency.grades)
    charts = view.charts
    totals = [float(f.final.total) for f in results.files]
    heights = list(charts.histogram_item.opts["height"])
    assert (
        sum(heights) + (charts.below_item.opts["height"][0] if charts.below_item else 0) == len(totals) == 6
    )
    assert list(charts.histogram_item.opts["x0"]) == list(range(50, 100, 5))
    for total in totals:  # each score in its bin
        if total >= 50:
            assert heights[min(int((total - 50) // 5), 9)] >= 1
    assert list(charts.grade_items) == list(results.bands) == ["优秀", "合格", "不合格"]
    stacked = [
        sum(widths)
        for widths in zip(*(list(b.opts["width"]) for b in charts.grade_items.values()), strict=True)
    ]
    assert stacked == [2, 2, 2]
    assert charts.grade_items["优秀"].opts["brush"].color().name() == GREEN
    assert charts.grade_items["不合格"].opts["brush"].color().name() == RED
    assert [label.text for _sample, label in charts.legend.items] == ["Excellent", "Pass", "Fail"]
    assert charts.agency_labels == [a.agency.replace("示范县", "县") for a in results.agencies]
    top = results.deductions[:10]
    assert list(charts.deduction_item.opts["width"]) == [d.times for d in top]
    assert charts.deduction_labels == [clipped(d.text) for d in top]
    assert top[0].code == per and top[0].times == 6
    axis = charts.deductions_plot.getPlotItem().getAxis("left")
    assert [text for _y, text in axis._tickLevels[0]] == charts.deduction_labels
    assert set(CJK_FAMILIES) <= set(axis.style["tickFont"].families())
    # another campaign without scores: the charts make way for the empty text again
    county_store = county.store
    scoring_id = sheets.my_tasks(county_store, county.reviewers["r_bureau"])[0].scoring_id
    sheets.reopen(
        county_store,
        county.supervisor,
        scoring_id,
        sheet_version(county, county.supervisor, scoring_id),
        "改",
    )
    tab.refresh()
    assert sum(charts.histogram_item.opts["height"]) == 5


# -- 导出 and 验证 ------------------------------------------------------------------------------------


def test_export_writes_the_results_workbook(qtbot, county, tmp_path) -> None:
    draw(county)
    score_all(county)
    target = tmp_path / "结果"
    ctx = ctx_of(county, county.supervisor, files=[str(target)])
    tab = show_tab(qtbot, ctx)
    assert visible_action_texts(tab.header) == [
        "New campaign",
        "Verify the draw",
        "Void…",
        "Export results",
        "Refresh",
    ]
    assert (
        tab.export_action.shortcut().toString() == "Ctrl+E"
        and tab.new_action.shortcut().toString() == "Ctrl+N"
    )
    tab.export_action.trigger()
    [(_title, name, _filter)] = ctx.dialogs.called("save_file")
    assert name == "评查 results 2026-11-23.xlsx"
    book = openpyxl.load_workbook(f"{target}.xlsx", read_only=True)
    try:
        assert book.sheetnames == ["案卷", "扣分", "单位", "复核"]
        rows = list(book["案卷"].iter_rows(values_only=True))
        assert rows[0][:3] == ("序号", "执法主体", "案号") and len(rows) == 7
    finally:
        book.close()
    assert ctx.dialogs.called("info")[-1][1] == f"Exported the results of 6 files to {target}.xlsx."


def test_verifying_the_draw_says_whether_it_matches_and_whether_the_register_changed(qtbot, county) -> None:
    result = draw(county)
    ctx = ctx_of(county, county.supervisor)
    tab = show_tab(qtbot, ctx)
    tab.verify_action.trigger()
    [(title, text)] = ctx.dialogs.called("info")
    assert title == "Verify the draw"
    assert text.startswith(
        "The draw repeats: ranked again from seed s1, the 36 files of the stored population"
    )
    assert f"same population (fingerprint {result.campaign.population_sha256})" in text
    with county.store.unit_of_work() as uow:  # a case closed in 2025 registered late
        uow.session.add(
            Case(
                agency_id=county.agency_ids[AGENCIES[0]],
                case_no="A罚〔2025〕99号",
                category="行政处罚",
                procedure="普通程序",
                cause="违法行为",
                party="迟报",
                stage="closed",
                filed_on=date(2025, 3, 1),
                decided_on=date(2025, 4, 1),
                closed_on=date(2025, 5, 1),
                updated_at="",
                updated_by="admin",
            )
        )
        uow.commit()
    tab.verify_current()
    text = ctx.dialogs.called("info")[-1][1]
    assert text.startswith("The draw repeats")
    assert "has changed since the draw: 1 eligible files added and 0 removed" in text
    assert f"{AGENCIES[0]}|A罚〔2025〕99号" in text


def test_the_overview_shows_the_scope_and_saves_a_list_whose_sha256_is_the_fingerprint(
    qtbot, county, tmp_path
) -> None:
    result = draw(county, double=True, per_agency=1)
    target = tmp_path / "population.txt"
    ctx = ctx_of(county, county.supervisor, files=[str(target)])
    tab = show_tab(qtbot, ctx)
    values = {key: label.text() for key, label in tab.overview.values.items()}
    assert values["agencies"] == "All agencies" and values["quota"] == "1 per agency"
    assert values["period"] == "2025-01-01 – 2025-12-31" and values["categories"] == "Administrative penalty"
    assert values["scoring"] == "Double scoring, weighted 60% / 40%"
    assert values["population"] == "36 files, 3 drawn" and values["seed"] == "s1"
    assert values["fingerprint"] == result.campaign.population_sha256
    assert values["rule"].startswith("Each eligible file's key is")
    assert (
        tab.overview.values["fingerprint"].textInteractionFlags()
        & Qt.TextInteractionFlag.TextSelectableByMouse
    )
    click(qtbot, tab.overview.save_button)
    data = target.read_bytes()
    assert hashlib.sha256(data).hexdigest() == result.campaign.population_sha256
    assert len(data.decode().split("\n")) == 36
    assert "The file's SHA-256 is the campaign's fingerprint" in ctx.dialogs.called("info")[-1][1]


# -- 反馈与通报 ---------------------------------------------------------------------------------------


def test_feedback_for_an_agency_writes_the_package_and_records_it(qtbot, county, tmp_path) -> None:
    result = draw(county)
    score_all(county)
    out = tmp_path / "反馈"
    ctx = ctx_of(county, county.supervisor, answers=[True], files=[str(out)])
    tab = show_tab(qtbot, ctx)
    tab.tabs.setCurrentIndex(FEEDBACK)
    panel = tab.feedback
    opened: list = []
    panel.url_opener = lambda url: opened.append(url.toLocalFile()) or True
    market = county.agency_ids[AGENCIES[0]]
    assert column_texts(panel.model, F_SCORED) == ["2 / 2"] * 3
    assert panel.status.text() == (
        "Before the announcement: no feedback yet to 县交通运输局, 县市场监督管理局, 县生态环境局."
    )
    panel.table.select_row(row_of(panel.model, F_AGENCY, "县市场监督管理局"))
    assert (
        panel.send_button.isEnabled()
        and panel.send_all_button.isEnabled()
        and not panel.open_button.isEnabled()
    )
    dialog = panel.send_current()
    assert dialog.save_button.text() == "Send feedback"
    assert dialog.rectify_edit.date().toString("yyyy-MM-dd") == "2026-12-23"  # 30 days after today
    dialog.rectify_edit.setDate(dialog.issued_edit.date())
    assert dialog.marks.message("rectify_by") == "The rectification deadline must be after the notice date."
    dialog.rectify_edit.setDate(dialog.issued_edit.date().addDays(45))
    click(qtbot, dialog.browse_button)
    assert dialog.folder() == str(out)
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [row] = list_feedback(county.store, county.supervisor, result.campaign.id)
    assert (row.agency_id, row.sent_on, row.rectify_by) == (market, date(2026, 11, 23), date(2027, 1, 7))
    folder = Path(row.folder)
    assert folder.parent == out and (folder / "整改通知书.pdf").is_file()
    assert any(p.suffix == ".xlsx" for p in folder.iterdir()) and len(list(folder.glob("*_评查.pdf"))) == 2
    [(_title, text, ok)] = ctx.dialogs.called("confirm")
    assert ok == "Open the folder" and str(folder) in text and opened == [str(folder)]
    n = row_of(panel.model, F_AGENCY, "县市场监督管理局")
    assert (
        cell(panel.model, n, F_SENT),
        cell(panel.model, n, F_RECTIFY),
        cell(panel.model, n, F_RECHECK),
    ) == ("2026-11-23", "2027-01-07", "2026-11-30")
    assert "县市场监督管理局" not in panel.status.text()


def test_cancelling_the_feedback_records_nothing(qtbot, county, tmp_path) -> None:
    result = draw(county)
    score_all(county)
    ctx = ctx_of(county, county.supervisor)
    ctx.tasks.cancel_at = 1  # Cancel once the first dossier is written
    tab = show_tab(qtbot, ctx)
    dialog = tab.feedback.send_all()
    assert sorted(name for _id, name, _version in dialog.agencies) == sorted(AGENCIES)  # every ready agency
    dialog.set_folder(str(tmp_path / "out"))
    click(qtbot, dialog.save_button)
    assert ctx.dialogs.names()[-1] == "info" and ctx.dialogs.called("info")[-1][0] == "Cancelled"
    assert list_feedback(county.store, county.supervisor, result.campaign.id) == ()
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_the_announcement_is_refused_until_everything_is_done_then_closes_the_campaign(
    qtbot, county, tmp_path
) -> None:
    result = draw(county)
    score_all(county)
    ctx = ctx_of(county, county.supervisor, answers=[True, True])
    tab = show_tab(qtbot, ctx)
    panel = tab.feedback
    click(qtbot, panel.close_button)
    [(title, text)] = ctx.dialogs.called("warn")
    assert title == "The campaign cannot be announced yet"
    assert text.startswith(f"No feedback was sent yet to {'、'.join(sorted(AGENCIES))}.")
    assert "Before the announcement: no feedback yet to" in text
    assert get_campaign(county.store, county.supervisor, result.campaign.id).state == "scoring"
    for agency_id in county.agency_ids.values():
        send_feedback(
            county.store,
            county.supervisor,
            result.campaign.id,
            agency_id,
            None,
            tmp_path / "out",
            issued_on=date(2026, 11, 23),
            rectify_by=date(2026, 11, 23) + timedelta(days=30),
        )
    tab.refresh()
    assert panel.status.text().startswith("Ready to announce")
    closed: list = []
    tab.campaign_closed.connect(closed.append)
    click(qtbot, panel.close_button)
    confirm = ctx.dialogs.called("confirm")[-1]
    assert confirm[0] == "Announce the campaign" and confirm[2] == "Announce" and "评查" in confirm[1]
    assert get_campaign(county.store, county.supervisor, result.campaign.id).state == "closed"
    assert [c.state for c in closed] == ["closed"]
    assert column_texts(tab.model, STATE) == ["Announced"]
    assert cell(tab.model, 0, STATE, Qt.ItemDataRole.ForegroundRole).color().name() == GREEN
    assert panel.status.text() == "Announced: the grades are fixed."
    assert not panel.close_button.isEnabled() and not panel.send_all_button.isEnabled()
    assert tab.files.reopen(tab.files.model.row_at(0)) is None
    assert ctx.dialogs.called("info")[-1][1].startswith("The campaign is announced")


# -- read-only roles ----------------------------------------------------------------------------------


def test_a_reviewer_sees_their_campaigns_without_management_actions(qtbot, county, workspace) -> None:
    draw(county)
    reviewer = county.reviewers["r_bureau"]
    ctx = ctx_of(county, reviewer)
    tab = show_tab(qtbot, ctx)
    assert visible_action_texts(tab.header) == ["Verify the draw", "Export results", "Refresh"]
    assert not tab.new_action.isEnabled() and tab.new_campaign() is None
    assert column_texts(tab.model, NAME) == ["评查"]
    mine = sheets.my_tasks(county.store, reviewer)
    assert tab.files.model.total == len(mine)
    assert set(column_texts(tab.files.model, REVIEWERS)) == {"r_bureau"}
    tab.files.table.select_row(0)
    assert [a.text() for a in tab.files.table.row_menu().actions() if a.text()] == [
        "Open the score sheet",
        "Copy",
    ]
    assert tab.files.reopen(tab.files.current_file()) is None
    panel = tab.feedback
    assert all(b.isHidden() for b in (panel.send_button, panel.send_all_button, panel.close_button))
    assert not panel.open_button.isHidden() and panel.status.text() == ""
    assert panel.send_all() is None and panel.dialog is None
    # nobody else's campaign: a reviewer without files sees none
    other = show_tab(qtbot, ctx_of(county, county.reviewers["r_bureau2"]))
    assert other.model.total == 0 and other.table.empty_text() == "No campaign you take part in yet."


def test_an_agency_user_sees_their_files_only_after_feedback(qtbot, county, tmp_path) -> None:
    result = draw(county)
    score_all(county)
    user = county.agency_users["u_market"]
    tab = show_tab(qtbot, ctx_of(county, user))
    assert visible_action_texts(tab.header) == ["Verify the draw", "Export results", "Refresh"]
    assert tab.files.model.total == 0
    assert (
        tab.files.table.empty_text() == "Your agency's files show here once the bureau has sent its feedback."
    )
    assert not tab.results.has_charts() and tab.results.empty.text().startswith(
        "Your agency's results show here"
    )
    send_feedback(
        county.store,
        county.supervisor,
        result.campaign.id,
        county.agency_ids[AGENCIES[0]],
        None,
        tmp_path / "out",
        issued_on=date(2026, 11, 23),
    )
    tab.refresh()
    assert set(column_texts(tab.files.model, AGENCY)) == {"县市场监督管理局"} and tab.files.model.total == 2
    assert tab.results.has_charts() and column_texts(tab.results.model, R_AGENCY) == ["县市场监督管理局"]
    assert column_texts(tab.feedback.model, F_SENT) == ["2026-11-23"]
    assert Decimal(cell(tab.results.model, 0, R_AVERAGE)) > 0
