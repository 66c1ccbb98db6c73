"""The warning centre: counts per agency and code, the list with its filters and colours, a count
cell that filters, 处置 with a note (audited) and who may do it, the case beside the list, and the
banner when the year's holidays are not loaded."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.accounts.audit import list_audit
from desktop.cases.calendar import national_years
from desktop.cases.dto import CaseInput, DocumentRow
from desktop.cases.entry import create_case
from desktop.cases.supervision import list_warnings
from desktop.cases.supervision_settings import set_calendar_override
from desktop.core.paging import ListQuery
from desktop.core.security import Role
from desktop.views.warnings.page import WarningsPage
from tests.helpers.pages import (
    click,
    column_texts,
    make_actor,
    make_ctx,
    seed_agencies,
    seed_officers,
    type_text,
)

CASE_NO, AGENCY, WARNING, LEVEL, DUE, HANDLING, DETAILS = range(7)
RED, YELLOW, GREEN = "#d93025", "#f2a900", "#188038"


def seed_cases(store, actor, agencies, today: date) -> dict[str, int]:
    """Five cases and their eight warnings as of ``today`` (2026-11-23):

    市场监管局: 1号 decision overdue; 2号 decision due soon (2026-12-03); 3号 one officer and a
    summary fine over the limit. 环境分局 (赵敏's certificate is revoked): 4号 uncertified;
    5号 uncertified, not served and not published.
    """
    a, b = agencies[0].id, agencies[1].id

    def case(no: str, agency: int, officers: tuple[str, ...], filed: date, **kw) -> int:
        data = CaseInput(
            case_no=no,
            agency=agency,
            category="行政处罚",
            procedure=kw.pop("procedure", "普通程序"),
            cause="未按规定明码标价",
            party="城关镇惠民超市",
            filed_on=filed,
            officers=officers,
            **kw,
        )
        return create_case(store, actor, data).id

    return {
        "1": case("市监罚〔2026〕1号", a, ("张伟", "李娜"), today - timedelta(days=100)),
        "2": case("市监罚〔2026〕2号", a, ("张伟", "李娜"), date(2026, 9, 4)),
        "3": case(
            "市监简〔2026〕3号",
            a,
            ("张伟",),
            today - timedelta(days=20),
            procedure="简易程序",
            amount=Decimal("500"),
            decided_on=today - timedelta(days=20),
            served_on=today - timedelta(days=20),
        ),
        "4": case("环罚〔2026〕4号", b, ("王强", "赵敏"), today - timedelta(days=30)),
        "5": case(
            "环罚〔2026〕5号", b, ("王强", "赵敏"), today - timedelta(days=50), decided_on=date(2026, 11, 10)
        ),
    }


@pytest.fixture
def agencies(store, admin, clock):
    rows = seed_agencies(store, admin)
    seed_officers(store, admin, rows, clock.today())
    return rows


@pytest.fixture
def cases(store, admin, clock, agencies):
    return seed_cases(store, admin, agencies, clock.today())


def open_page(qtbot, ctx) -> WarningsPage:
    page = WarningsPage(ctx)
    page.set_scope("cases")  # the register's warnings (the officers' are tested in test_officer_warnings)
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, store, admin, clock, cases):
    return open_page(qtbot, make_ctx(store, admin, clock))


def rows_of(page: WarningsPage) -> list[tuple[str, str]]:
    """(case number, warning code) of every row."""
    return [(row.case_no, row.code) for row in (page.model.row_at(n) for n in range(page.model.rowCount()))]


def select(page: WarningsPage, case_no: str, code: str) -> None:
    page.table.select_row(rows_of(page).index((case_no, code)))


def test_the_grid_counts_open_and_handled_warnings_per_agency_and_code(page, agencies):
    a, b = agencies[0].id, agencies[1].id
    grid = page.grid
    assert grid.text_at(a, "decision_overdue") == "Red 1"
    assert grid.text_at(a, "decision_due_soon") == "Yellow 1"
    assert grid.text_at(a, "single_officer") == "Red 1"
    assert grid.text_at(a, "summary_over_limit") == "Red 1"
    assert grid.text_at(b, "uncertified_officer") == "Red 2"
    assert grid.text_at(b, "service_overdue") == "Red 1"
    assert grid.text_at(b, "publicity_overdue") == "Red 1"
    assert grid.text_at(b, "decision_overdue") == "" and grid.text_at(a, "seizure_overdue") == ""
    assert grid.text_at(a, None) == "Red 4" and grid.text_at(b, None) == "Red 4"
    assert grid.text_at(None, "uncertified_officer") == "Red 2"
    assert grid.text_at(None, None) == "Red 8"
    assert grid.cell_of(agencies[2].id, None) is None  # an agency without warnings has no row
    table = grid.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[0] == "Agency" and headers[-1] == "Total" and "Decision due soon" in headers
    red = table.item(*grid.cell_of(a, "decision_overdue"))
    yellow = table.item(*grid.cell_of(a, "decision_due_soon"))
    assert red.foreground().color().name() == RED and red.background().color().name() == "#fce8e6"
    assert yellow.background().color().name() == "#fef6da"
    assert page.count.text() == "Total 8"


def test_the_list_shows_each_warning_with_its_level_in_words_and_colours(page):
    model = page.model
    assert sorted(rows_of(page)) == sorted(
        [
            ("市监罚〔2026〕1号", "decision_overdue"),
            ("市监罚〔2026〕2号", "decision_due_soon"),
            ("市监简〔2026〕3号", "single_officer"),
            ("市监简〔2026〕3号", "summary_over_limit"),
            ("环罚〔2026〕4号", "uncertified_officer"),
            ("环罚〔2026〕5号", "uncertified_officer"),
            ("环罚〔2026〕5号", "service_overdue"),
            ("环罚〔2026〕5号", "publicity_overdue"),
        ]
    )
    assert rows_of(page)[-1] == ("市监罚〔2026〕2号", "decision_due_soon")  # red first
    r = rows_of(page).index(("市监罚〔2026〕2号", "decision_due_soon"))
    cell = lambda c, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(r, c), role)  # noqa: E731
    assert cell(CASE_NO) == "市监罚〔2026〕2号"
    assert cell(AGENCY) == "县市场监管局"  # the short name
    assert cell(AGENCY, Qt.ItemDataRole.ToolTipRole) == "示范县市场监督管理局"  # the full name on hover
    combo = page.agency_filter
    offered = [combo.itemText(n) for n in range(combo.count())]
    assert "县市场监管局" in offered  # as the table names it
    assert (
        combo.itemData(offered.index("县市场监管局"), Qt.ItemDataRole.ToolTipRole) == "示范县市场监督管理局"
    )
    assert cell(WARNING) == "Decision due soon"
    assert cell(LEVEL) == "Yellow" and cell(LEVEL, Qt.ItemDataRole.ForegroundRole).color().name() == YELLOW
    assert cell(DUE) == "2026-12-03"
    assert cell(DETAILS) == "Not decided; the decision is due on 2026-12-03."
    assert cell(HANDLING) == ""
    assert set(column_texts(model, LEVEL)) == {"Red", "Yellow"}
    assert page.as_of_label.text() == "Warnings as of 2026-11-23"


def test_filters_by_code_level_and_state(page, agencies):
    page.code_filter.setCurrentIndex(page.code_filter.findData("uncertified_officer"))
    assert rows_of(page) == [
        ("环罚〔2026〕4号", "uncertified_officer"),
        ("环罚〔2026〕5号", "uncertified_officer"),
    ]
    assert page.grid.current_key() is None or page.grid.current_key() == (None, "uncertified_officer")
    page.code_filter.setCurrentIndex(0)
    page.level_filter.setCurrentIndex(page.level_filter.findData("yellow"))
    assert rows_of(page) == [("市监罚〔2026〕2号", "decision_due_soon")]
    page.level_filter.setCurrentIndex(page.level_filter.findData("red"))
    assert page.count.text() == "Total 7"
    page.agency_filter.setCurrentIndex(page.agency_filter.findData(agencies[1].id))
    assert {case for case, _code in rows_of(page)} == {"环罚〔2026〕4号", "环罚〔2026〕5号"}
    page.clear_filters()
    page.state_filter.setCurrentIndex(page.state_filter.findData("handled"))
    assert rows_of(page) == []
    assert page.table.empty_text() == "No warning has been handled yet."
    page.state_filter.setCurrentIndex(page.state_filter.findData("all"))
    assert page.count.text() == "Total 8"
    page.header.set_search_text("环罚〔2026〕5号")
    assert len(rows_of(page)) == 3
    page.code_filter.setCurrentIndex(page.code_filter.findData("seizure_overdue"))
    assert rows_of(page) == [] and page.table.empty_text() == "No warning matches the search or filters."


def test_clicking_a_count_cell_filters_the_list_to_that_agency_and_code(qtbot, page, agencies):
    a, b = agencies[0].id, agencies[1].id
    page.level_filter.setCurrentIndex(page.level_filter.findData("yellow"))
    table = page.grid.table
    row, column = page.grid.cell_of(b, "uncertified_officer")
    with qtbot.waitSignal(page.grid.cell_chosen) as chosen:
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=table.visualRect(table.model().index(row, column)).center(),
        )
    assert chosen.args == [b, "uncertified_officer"]
    assert page.agency_filter.currentData() == b and page.code_filter.currentData() == "uncertified_officer"
    assert page.level_filter.currentData() is None  # a cell lists every level of its code
    assert rows_of(page) == [
        ("环罚〔2026〕4号", "uncertified_officer"),
        ("环罚〔2026〕5号", "uncertified_officer"),
    ]
    page.grid.click(a, None)  # the agency's name: all of its warnings
    assert page.code_filter.currentData() is None and page.count.text() == "Total 4"
    page.grid.click(None, "decision_overdue")  # a total of the last row: every agency
    assert page.agency_filter.currentData() is None
    assert rows_of(page) == [("市监罚〔2026〕1号", "decision_overdue")]
    page.grid.click(None, None)
    assert page.count.text() == "Total 8"


def test_handling_a_warning_needs_a_note_moves_it_to_handled_and_is_audited(
    qtbot, page, store, admin, agencies, cases
):
    select(page, "市监罚〔2026〕1号", "decision_overdue")
    near = page.table.currentIndex().row()
    dialog = page.handle_current()
    assert dialog is not None and dialog.save_button.text() == "Mark handled"
    assert dialog.values["case_no"].text() == "市监罚〔2026〕1号" and dialog.values["level"].text() == "Red"
    click(qtbot, dialog.save_button)
    assert dialog.marks.message("note") == "Say what was done about this warning."
    assert dialog.isVisible()
    type_text(dialog.note_edit, "已约谈承办人员，责令三日内作出决定。")
    assert not dialog.marks.is_marked("note")
    assert dialog.marks.message("kind") == "Choose the kind of handling."
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("约谈"))
    with qtbot.waitSignal(page.warning_handled):
        click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ("市监罚〔2026〕1号", "decision_overdue") not in rows_of(page)
    assert page.table.currentIndex().row() == near  # the next warning takes its place
    assert page.grid.text_at(agencies[0].id, "decision_overdue") == "(1)"
    assert page.grid.text_at(None, None) == "Red 7 (1)"
    page.state_filter.setCurrentIndex(page.state_filter.findData("handled"))
    assert rows_of(page) == [("市监罚〔2026〕1号", "decision_overdue")]
    handling = page.model.index(0, HANDLING)
    assert page.model.data(handling).startswith("约谈 · 系统管理员 2026-11-23 ")  # the name, not the login
    assert page.model.data(handling).endswith(": 已约谈承办人员，责令三日内作出决定。")
    assert page.model.data(handling, Qt.ItemDataRole.ForegroundRole).color().name() == GREEN
    page.table.select_row(0)
    assert "已约谈承办人员" in page.detail.text_of("handled")
    assert page.detail.handle_button.text() == "Change handling…"
    records = list_audit(store, admin, ListQuery(filters=(("action", "handle_warning"),))).items
    assert len(records) == 1
    assert records[0].entity == "case" and records[0].entity_id == str(cases["1"])
    assert records[0].after == {
        "code": "decision_overdue",
        "note": "已约谈承办人员，责令三日内作出决定。",
        "kind": "约谈",
    }


def test_a_reviewer_sees_the_warnings_but_cannot_handle_them(qtbot, store, admin, clock, cases):
    reviewer = make_actor(store, admin, "pingcha", Role.REVIEWER)
    page = open_page(qtbot, make_ctx(store, reviewer, clock))
    assert page.count.text() == "Total 8"
    page.table.select_row(0)
    assert page.current_warning() is not None
    assert not page.handle_action.isEnabled()
    assert not page.detail.handle_button.isEnabled()
    assert page.handle_current() is None
    assert page.open_action.isEnabled()
    assert [a.text() for a in page.table.row_menu().actions() if a.text()] == ["Open case", "Copy"]


def test_the_case_beside_the_list_shows_its_deadlines_and_other_warnings(page, cases):
    select(page, "市监罚〔2026〕2号", "decision_due_soon")
    detail = page.detail
    assert detail.heading.text() == "Yellow · Decision due soon"
    assert detail.text_of("message") == "Not decided; the decision is due on 2026-12-03."
    assert detail.text_of("due") == "2026-12-03" and detail.text_of("handled") == "Not handled"
    panel = detail.case_panel
    assert panel.case.id == cases["2"] and panel.isEnabled()
    assert panel.text_of("party") == "城关镇惠民超市"
    assert panel.timeline.dues["decided"].text() == "2026-12-03"
    assert panel.timeline.status_of("decided").startswith("Approaching")
    assert not panel.banner.isVisibleTo(panel)
    select(page, "环罚〔2026〕5号", "service_overdue")
    assert panel.case.id == cases["5"]
    assert panel.timeline.status_of("served").startswith("Overdue")
    assert panel.timeline.status_of("published").startswith("Overdue")
    assert len(panel.warning_texts()) == 3
    if 2027 not in national_years():  # its decision was due in a year the calendar does not know
        assert panel.banner.isVisibleTo(panel) and "2027" in panel.banner.text()
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    assert detail.stack.currentIndex() == 0


def test_double_click_enter_and_open_case_ask_for_the_case(qtbot, page, cases):
    select(page, "市监罚〔2026〕2号", "decision_due_soon")
    with qtbot.waitSignal(page.record_requested) as opened:
        page.open_action.trigger()
    assert opened.args == ["cases", cases["2"]]
    index = page.table.currentIndex()
    with qtbot.waitSignal(page.record_requested) as opened:
        qtbot.mouseDClick(
            page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
        )
    assert opened.args == ["cases", cases["2"]]
    with qtbot.waitSignal(page.record_requested) as opened:
        page.detail.open_button.click()
    assert opened.args == ["cases", cases["2"]]


def test_a_year_without_holidays_shows_a_banner_until_an_override_covers_it(
    qtbot, store, admin, clock, cases
):
    year = max(national_years()) + 1
    ctx = make_ctx(store, admin, clock)
    ctx.as_of = date(year, 1, 12)
    page = open_page(qtbot, ctx)
    assert page.banner.isVisibleTo(page)
    assert page.banner.text().startswith(f"⚠ The {year} holiday schedule is not loaded")
    set_calendar_override(store, admin, date(year, 2, 1), None, False, "春节")
    page.refresh()
    assert not page.banner.isVisibleTo(page)
    ctx.as_of = None
    page.refresh()
    assert not page.banner.isVisibleTo(page)


def test_from_october_the_banner_names_next_year_and_the_warnings_it_affects(
    qtbot, store, admin, clock, cases
):
    next_year = max(national_years()) + 1
    ctx = make_ctx(store, admin, clock)
    ctx.as_of = date(next_year - 1, 11, 23)  # the 2026-11-23 of the tests: next year's notice is due
    page = open_page(qtbot, ctx)
    assert page.banner.isVisibleTo(page)
    first, second = page.banner.text().split("\n")
    assert first.startswith(f"⚠ The {next_year} holiday schedule is not loaded")
    assert second == (
        "It affects: Decision overdue、Decision due soon、Service overdue、Publication overdue、Seizure overdue."
    )
    ctx.as_of = date(next_year - 1, 9, 30)  # before October only this year counts
    page.refresh()
    assert not page.banner.isVisibleTo(page)


def test_no_warnings_says_so(qtbot, store, admin, clock, agencies):
    page = open_page(qtbot, make_ctx(store, admin, clock))
    assert page.count.text() == "Total 0"
    assert page.grid.placeholder.isVisibleTo(page) and not page.grid.table.isVisibleTo(page)
    assert page.table.empty_text() == "No warnings to handle: every open case is within its limits."
    assert list_warnings(store, admin, ListQuery(filters=(("scope", "cases"),))).total == 0


def test_a_handled_warning_can_be_handled_again_with_the_old_note_shown(qtbot, page, store, admin, cases):
    select(page, "环罚〔2026〕4号", "uncertified_officer")
    first = page.handle_current()
    first.note_edit.setPlainText("已责令更换承办人员。")
    first.kind_combo.setCurrentIndex(first.kind_combo.findData("责令整改"))
    click(qtbot, first.save_button)
    page.set_filters(state="all", code="uncertified_officer")
    select(page, "环罚〔2026〕4号", "uncertified_officer")
    again = page.handle_current()
    assert again is not first and again.note_edit.toPlainText() == "已责令更换承办人员。"
    assert again.kind() == "责令整改"
    assert again.notice.text().startswith("Handled by 系统管理员 at 2026-11-23 ")
    again.note_edit.setPlainText("已更换承办人员，补正卷宗。")
    click(qtbot, again.save_button)
    assert page.current_warning().handled_note == "已更换承办人员，补正卷宗。"
    assert len(list_audit(store, admin, ListQuery(filters=(("action", "handle_warning"),))).items) == 2


def test_the_row_menu_and_sorting(qtbot, page):
    page.table.select_row(0)
    assert [a.text() for a in page.table.row_menu().actions() if a.text()] == [
        "Mark handled…",
        "Reopen…",
        "Open case",
        "Copy",
    ]
    page.model.sort(DUE, Qt.SortOrder.AscendingOrder)
    dues = [d for d in column_texts(page.model, DUE) if d]
    assert dues == sorted(dues) and page.model.query().sort == "due"


def test_a_missing_document_is_said_so(page, tmp_path):
    opened = []
    page.url_opener = lambda url: opened.append(url) or True
    page.open_document(DocumentRow(1, "dossier", "卷宗.pdf", str(tmp_path / "none.pdf"), None, False))
    assert page.ctx.dialogs.names() == ["warn"] and opened == []
    there = tmp_path / "卷宗.pdf"
    there.write_bytes(b"%PDF-1.4")
    page.open_document(DocumentRow(2, "dossier", "卷宗.pdf", str(there), 1, True))
    assert len(opened) == 1 and opened[0].toLocalFile() == str(there)
