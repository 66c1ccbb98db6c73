"""The case supervision page: the register with its filters and search, the detail panel's timeline,
officers, documents and warnings, the new-case and record-a-stage dialogs with their checks,
import and export, and what a user limited to one agency sees."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.cases.dto import CaseInput, StageInput
from desktop.cases.entry import create_case
from desktop.cases.periods import add_suspension, approve_extension
from desktop.cases.service import get_case, list_cases
from desktop.cases.stages import record_stage
from desktop.core.errors import ImportRefused
from desktop.core.security import Actor, Role
from desktop.models.db import Store
from desktop.personnel.dto import AgencyRow
from desktop.views.cases import page as cases_page
from desktop.views.cases.page import CasesPage
from desktop.views.cases.period_dialogs import ExtensionDialog, SuspensionDialog
from desktop.views.cases.stage_dialog import RecordStageDialog
from desktop.views.common.lazy_table import PAGE_SIZE
from tests.helpers.pages import (
    click,
    click_header,
    column_texts,
    insert_bulk_cases,
    make_actor,
    make_ctx,
    read_workbook,
    seed_agencies,
    seed_officers,
    type_text,
    visible_action_texts,
    write_workbook,
)

CASE_NO, AGENCY, CATEGORY, PROCEDURE, STAGE, WARNINGS, PARTY, CAUSE, FILED, DECIDED, AMOUNT, OFFICERS = range(
    12
)
RED, YELLOW, GREEN = "#d93025", "#f2a900", "#188038"


def seed_cases(
    store: Store, actor: Actor, agencies: list[AgencyRow], dossier: Path | None = None
) -> dict[str, int]:
    """Seven cases as of 2026-11-23, through the services: overdue, met, major and approaching,
    a single officer, an uncertified one, an inspection, and one whose deadline lies in 2027."""
    a0, a1, a2 = (a.id for a in agencies)
    d = date

    def add(key: str, **fields: object) -> None:
        ids[key] = create_case(store, actor, CaseInput(**fields)).id  # type: ignore[arg-type]

    ids: dict[str, int] = {}
    add(
        "overdue",
        case_no="示市监罚〔2026〕101号",
        agency=a0,
        category="行政处罚",
        procedure="普通程序",
        cause="销售超过保质期的食品",
        party="示范县好又多超市有限公司",
        party_type="法人",
        discovered_on=d(2026, 6, 28),
        filed_on=d(2026, 7, 1),
        investigated_on=d(2026, 8, 20),
        officers=("张伟", "李娜"),
        source="投诉举报",
    )
    add(
        "met",
        case_no="示市监罚〔2026〕102号",
        agency=a0,
        category="行政处罚",
        procedure="普通程序",
        cause="无证经营餐饮服务",
        party="李某某",
        party_type="自然人",
        filed_on=d(2026, 9, 1),
        investigated_on=d(2026, 10, 8),
        legal_review_on=d(2026, 10, 20),
        decided_on=d(2026, 10, 26),
        served_on=d(2026, 10, 28),
        published_on=d(2026, 11, 2),
        penalty_kinds=("罚款", "没收违法所得"),
        amount=Decimal("12500.00"),
        legal_basis="《中华人民共和国食品安全法》第一百二十二条",
        officers=("张伟", "李娜"),
        source="监督检查",
    )
    add(
        "major",
        case_no="示市监罚〔2026〕103号",
        agency=a0,
        category="行政处罚",
        procedure="普通程序",
        cause="生产不符合安全标准的产品",
        party="示范县宏达化工有限公司",
        party_type="法人",
        filed_on=d(2026, 9, 5),
        investigated_on=d(2026, 11, 10),
        major=True,
        officers=("张伟", "李娜"),
    )
    add(
        "single",
        case_no="示环罚〔2026〕21号",
        agency=a1,
        category="行政处罚",
        procedure="简易程序",
        cause="露天焚烧垃圾",
        party="张某",
        party_type="自然人",
        filed_on=d(2026, 11, 2),
        decided_on=d(2026, 11, 2),
        served_on=d(2026, 11, 2),
        penalty_kinds=("罚款",),
        amount=Decimal("200"),
        officers=("王强",),
    )
    add(
        "seizure",
        case_no="示环强〔2026〕8号",
        agency=a1,
        category="行政强制",
        cause="超标排放大气污染物",
        party="示范县鑫源塑料制品厂",
        party_type="其他组织",
        filed_on=d(2026, 11, 9),
        measures=("查封",),
        measure_on=d(2026, 11, 10),
        officers=("王强", "赵敏"),
    )
    add(
        "inspection",
        case_no="城关检〔2026〕5号",
        agency=a2,
        category="行政检查",
        cause="市场消防安全检查",
        party="城关镇农贸市场",
        filed_on=d(2026, 11, 20),
        officers=("陈杰",),
    )
    add(
        "next_year",
        case_no="示市监罚〔2026〕104号",
        agency=a0,
        category="行政处罚",
        procedure="普通程序",
        cause="虚假宣传",
        party="示范县美佳美容院",
        party_type="其他组织",
        filed_on=d(2026, 11, 16),
        officers=("张伟", "李娜"),
        dossier=str(dossier) if dossier else None,
    )
    return ids


@pytest.fixture
def ctx(store, admin, clock):
    return make_ctx(store, admin, clock)


@pytest.fixture
def agencies(store, admin, clock):
    rows = seed_agencies(store, admin)
    seed_officers(store, admin, rows, clock.today())
    return rows


@pytest.fixture
def dossier(tmp_path) -> Path:
    path = tmp_path / "卷宗104.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


@pytest.fixture
def cases(store, admin, agencies, dossier):
    return seed_cases(store, admin, agencies, dossier)


@pytest.fixture
def page(qtbot, ctx, cases):
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def row_of(page: CasesPage, case_no: str) -> int:
    return column_texts(page.model, CASE_NO).index(case_no)


def cell(page: CasesPage, case_no: str, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole):
    model = page.model
    return model.data(model.index(row_of(page, case_no), column), role)


def select(page: CasesPage, case_no: str) -> None:
    page.table.select_row(row_of(page, case_no))


# -- the register -----------------------------------------------------------------------------


def test_the_register_shows_the_cases_with_count_terms_money_and_warnings(page):
    assert page.count.text() == "Total 7"
    assert page.header.title.text() == "Case supervision"
    # the agency as the filter names it (its short name), the full name on hover, in both
    assert cell(page, "示市监罚〔2026〕102号", AGENCY) == "县市场监管局"
    assert cell(page, "示市监罚〔2026〕102号", AGENCY, Qt.ItemDataRole.ToolTipRole) == "示范县市场监督管理局"
    combo = page.agency_filter
    chosen = combo.findText("县市场监管局")
    assert chosen > 0 and combo.itemData(chosen, Qt.ItemDataRole.ToolTipRole) == "示范县市场监督管理局"
    assert combo.toolTip() == "Agency" and combo.itemData(0, Qt.ItemDataRole.ToolTipRole) is None
    combo.setCurrentIndex(chosen)
    assert combo.toolTip() == "示范县市场监督管理局"
    combo.setCurrentIndex(0)
    assert cell(page, "示市监罚〔2026〕102号", CATEGORY) == "Administrative penalty"
    assert cell(page, "示市监罚〔2026〕102号", PROCEDURE) == "Ordinary procedure"
    assert cell(page, "示市监罚〔2026〕102号", STAGE) == "Published"
    assert cell(page, "示市监罚〔2026〕102号", DECIDED) == "2026-10-26"
    assert cell(page, "示市监罚〔2026〕102号", AMOUNT) == "12,500.00"
    assert cell(page, "示市监罚〔2026〕102号", OFFICERS) == "2"
    assert cell(page, "示市监罚〔2026〕102号", WARNINGS) == ""
    assert cell(page, "示市监罚〔2026〕101号", WARNINGS) == "Decision overdue"
    colour = lambda no: cell(page, no, WARNINGS, Qt.ItemDataRole.ForegroundRole)  # noqa: E731
    assert colour("示市监罚〔2026〕101号").color().name() == RED
    assert cell(page, "示市监罚〔2026〕103号", WARNINGS) == "Decision due soon"
    assert colour("示市监罚〔2026〕103号").color().name() == YELLOW
    assert colour("示市监罚〔2026〕102号") is None
    assert cell(page, "城关检〔2026〕5号", WARNINGS) == (
        "Fewer than two officers, Officer without a valid certificate"
    )


def test_an_empty_register_says_what_to_do(qtbot, ctx, agencies):
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.count.text() == "Total 0"
    assert page.table.is_showing_empty_state() is True
    assert page.table.empty_text() == "No cases yet — import a case register or add a case"


def test_filters_by_agency_category_stage_period_and_warnings(page, agencies):
    page.agency_filter.setCurrentIndex(page.agency_filter.findData(agencies[0].id))
    assert page.count.text() == "Total 4"
    page.category_filter.setCurrentIndex(page.category_filter.findData("行政处罚|普通程序"))
    page.warnings_check.setChecked(True)
    assert sorted(column_texts(page.model, CASE_NO)) == ["示市监罚〔2026〕101号", "示市监罚〔2026〕103号"]
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("investigated"))
    page.filed_from.set_value(date(2026, 8, 1))
    assert column_texts(page.model, CASE_NO) == ["示市监罚〔2026〕103号"]
    page.filed_to.set_value(date(2026, 8, 31))
    assert page.model.rowCount() == 0
    assert page.table.empty_text() == "No case matches the search or filters."
    for combo in (page.agency_filter, page.category_filter, page.stage_filter):
        combo.setCurrentIndex(0)
    page.filed_from.set_value(None)
    page.filed_to.set_value(None)
    assert page.count.text() == "Total 5"  # warnings only
    page.category_filter.setCurrentIndex(page.category_filter.findData("行政强制"))
    assert column_texts(page.model, CASE_NO) == ["示环强〔2026〕8号"]
    page.warnings_check.setChecked(False)
    page.category_filter.setCurrentIndex(0)
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("filed"))
    assert sorted(column_texts(page.model, CASE_NO)) == [
        "城关检〔2026〕5号",
        "示市监罚〔2026〕104号",
        "示环强〔2026〕8号",
    ]


def test_search_finds_case_numbers_parties_and_causes(page):
    page.header.set_search_text("超市")
    assert column_texts(page.model, CASE_NO) == ["示市监罚〔2026〕101号"]
    page.header.set_search_text("103号")
    assert column_texts(page.model, CASE_NO) == ["示市监罚〔2026〕103号"]
    page.header.set_search_text("焚烧")
    assert column_texts(page.model, CASE_NO) == ["示环罚〔2026〕21号"]
    page.header.set_search_text("")
    assert page.count.text() == "Total 7"


def test_sorting_by_amount_is_done_in_the_store(qtbot, page):
    click_header(qtbot, page.table, AMOUNT)
    click_header(qtbot, page.table, AMOUNT)
    assert page.model.query().sort == "amount" and page.model.query().descending
    amounts = [a for a in column_texts(page.model, AMOUNT) if a]
    assert amounts == ["12,500.00", "200.00"]


def test_chosen_columns_are_remembered(qtbot, page, ctx):
    page.table.set_column_visible(CAUSE, False)
    page.table.save_state()
    again = CasesPage(ctx)
    qtbot.addWidget(again)
    assert again.table.isColumnHidden(CAUSE)
    assert not again.table.isColumnHidden(PARTY)


# -- the detail panel -------------------------------------------------------------------------


def test_selecting_an_overdue_case_shows_the_red_word_on_its_timeline(page):
    assert page.detail.stack.currentIndex() == 0
    select(page, "示市监罚〔2026〕101号")
    detail = page.detail
    assert detail.case_no_label.text() == "示市监罚〔2026〕101号"
    assert detail.agency_label.text() == "示范县市场监督管理局"
    assert detail.text_of("party") == "示范县好又多超市有限公司 (Legal person)"
    assert detail.text_of("cause") == "销售超过保质期的食品"
    assert detail.text_of("category") == "Administrative penalty · Ordinary procedure"
    timeline = detail.timeline
    assert timeline.status_of("decided").startswith("Overdue · ")
    assert timeline.colour_of("decided").lower() == RED
    assert timeline.dues["decided"].text() == "2026-09-29"
    assert timeline.dates["filed"].text() == "2026-07-01"
    assert timeline.dates["decided"].text() == "—"
    assert detail.warning_texts()[0].startswith("Red warning · Decision overdue\nNot decided")
    assert not detail.banner.isVisibleTo(detail)


def test_met_deadlines_are_green_and_approaching_ones_yellow(page):
    select(page, "示市监罚〔2026〕102号")
    timeline = page.detail.timeline
    for stage in ("decided", "served", "published"):
        assert timeline.status_of(stage) == "Met"
        assert timeline.colour_of(stage).lower() == GREEN
    assert page.detail.text_of("amount") == "12,500.00"
    assert page.detail.warning_texts() == ["✓ No warnings"]
    select(page, "示市监罚〔2026〕103号")
    assert page.detail.timeline.status_of("decided") == "Approaching · 11 days left"
    assert page.detail.timeline.colour_of("decided").lower() == YELLOW
    assert page.detail.major_tag.isVisibleTo(page.detail)


def test_officers_show_their_certificate_on_the_filing_date(page):
    select(page, "示环强〔2026〕8号")
    labels = page.detail.officer_labels
    assert labels["王强"].text() == "Valid"  # expired since, but valid when the case was filed
    assert labels["赵敏"].text() == "Revoked"
    assert RED in labels["赵敏"].styleSheet().lower() and GREEN in labels["王强"].styleSheet().lower()
    assert page.detail.timeline.status_of("measure_released") == "Pending"


def test_a_deadline_in_a_year_without_holidays_says_so_and_the_dossier_opens(page, dossier):
    select(page, "示市监罚〔2026〕104号")
    detail = page.detail
    assert detail.banner.isVisibleTo(detail)
    assert "2027" in detail.banner.text() and "holiday schedule is not loaded" in detail.banner.text()
    opened = []
    page.url_opener = lambda url: opened.append(url.toLocalFile()) or True
    (button,) = detail.open_buttons
    assert button.isEnabled()
    button.click()
    assert opened == [str(dossier.resolve())]


def test_a_missing_dossier_is_said_so(page, dossier):
    dossier.unlink()
    select(page, "示市监罚〔2026〕104号")
    (button,) = page.detail.open_buttons
    assert not button.isEnabled()


# -- a new case -------------------------------------------------------------------------------


def fill_new_case(dialog, agency_id: int, case_no: str = "示市监罚〔2026〕200号") -> None:
    type_text(dialog.case_no_edit, case_no)
    dialog.agency_combo.setCurrentIndex(dialog.agency_combo.findData(agency_id))
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("行政处罚"))
    dialog.procedure_combo.setCurrentIndex(dialog.procedure_combo.findData("普通程序"))
    type_text(dialog.cause_edit, "销售假冒商品")
    type_text(dialog.party_edit, "示范县某某商行")


def test_a_new_case_is_checked_as_typed_and_saved(qtbot, page, agencies):
    dialog = page.new_case()
    assert not dialog.save_button.isEnabled()
    fill_new_case(dialog, agencies[0].id)
    names = [dialog.officer_list.item(n).text().split("  ·  ")[0] for n in range(dialog.officer_list.count())]
    assert sorted(names) == ["张伟", "李娜"]  # the agency's officers only
    assert not dialog.save_button.isEnabled()
    assert "Officers" in dialog.pending.text()
    dialog.check_officers([dialog.officer_list.item(0).data(Qt.ItemDataRole.UserRole)])
    dialog.check_officers([])
    assert dialog.marks.message("officers") == "承办人员 is required."
    assert not dialog.save_button.isEnabled()
    ids = [dialog.officer_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(2)]
    dialog.check_officers(ids)
    assert dialog.save_button.isEnabled() and not dialog.marks.marked()
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.count.text() == "Total 8"
    saved = page.current_case()
    assert (saved.case_no, saved.officer_count, saved.stage) == ("示市监罚〔2026〕200号", 2, "filed")
    assert page.detail.case_no_label.text() == "示市监罚〔2026〕200号"


def test_new_case_dates_out_of_order_are_marked_and_block_saving(page, agencies):
    dialog = page.new_case()
    fill_new_case(dialog, agencies[0].id)
    dialog.check_officers([dialog.officer_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(2)])
    assert dialog.save_button.isEnabled()
    dialog.filed_edit.setDate(dialog.filed_edit.date().addDays(-10))
    dialog.discovered_edit.set_value(date(2026, 11, 20))
    assert dialog.marks.message("filed_on").startswith("Filed (2026-11-13) cannot be before Discovered")
    assert not dialog.save_button.isEnabled()
    dialog.discovered_edit.set_value(date(2026, 11, 1))
    assert not dialog.marks.marked() and dialog.save_button.isEnabled()


def test_a_coercion_case_needs_its_measures_and_a_penalty_its_procedure(page, agencies):
    dialog = page.new_case()
    fill_new_case(dialog, agencies[1].id)
    dialog.procedure_combo.setCurrentIndex(0)
    dialog.touch("procedure")
    assert "needs its procedure" in dialog.marks.message("procedure")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("行政强制"))
    assert not dialog.procedure_combo.isEnabled()
    dialog.measures.boxes["扣押"].setChecked(True)
    assert dialog.marks.message("measure_on") == "强制措施日期 is required."
    dialog.measure_edit.set_value(date(2026, 11, 22))
    assert dialog.marks.message("measure_on").startswith("Measure taken (2026-11-22) cannot be before Filed")
    dialog.measure_edit.set_value(date(2026, 11, 23))
    assert not dialog.marks.is_marked("measure_on")


def test_a_taken_case_number_comes_back_from_the_store_on_its_field(qtbot, page, agencies):
    dialog = page.new_case()
    fill_new_case(dialog, agencies[0].id, case_no="示市监罚〔2026〕101号")
    dialog.check_officers([dialog.officer_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(2)])
    click(qtbot, dialog.save_button)
    assert "already on the register" in dialog.marks.message("case_no")
    assert dialog.isVisible()
    assert page.count.text() == "Total 7"


# -- recording a stage ------------------------------------------------------------------------


def test_a_major_decision_without_legal_review_is_refused(qtbot, page, store, admin, cases):
    select(page, "示市监罚〔2026〕103号")
    dialog = page.record_current()
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("decided"))
    assert "未经法制审核不得作出决定" in dialog.marks.message("stage")
    assert not dialog.save_button.isEnabled()
    dialog.problems = lambda: {}  # the store refuses it too, and the dialog marks the field
    dialog.revalidate()
    click(qtbot, dialog.save_button)
    assert "未经法制审核不得作出决定" in dialog.marks.message("stage")
    assert dialog.isVisible()
    assert get_case(store, admin, cases["major"]).dates["decided_on"] is None


def test_recording_a_decision_updates_the_row_and_the_detail(qtbot, page):
    select(page, "示市监罚〔2026〕101号")
    dialog = page.record_current()
    assert dialog.stage_combo.currentData() == "legal_review"  # the next step
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("decided"))
    assert dialog.penalty_kinds.isVisibleTo(dialog)
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-2))
    dialog.penalty_kinds.boxes["罚款"].setChecked(True)
    dialog.amount_spin.setValue(5000)
    type_text(dialog.basis_edit, "《中华人民共和国食品安全法》第一百二十四条")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    no = "示市监罚〔2026〕101号"
    assert (cell(page, no, STAGE), cell(page, no, DECIDED), cell(page, no, AMOUNT)) == (
        "Decided",
        "2026-11-21",
        "5,000.00",
    )
    assert page.current_case().case_no == no
    assert page.detail.timeline.status_of("decided") == "Met late"
    assert page.detail.text_of("penalty_kinds") == "Fine"


def test_a_stage_date_before_filing_or_in_the_future_is_marked(page):
    select(page, "示环强〔2026〕8号")
    dialog = page.record_current()
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("measure_released"))
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(5))
    assert dialog.marks.message("on") == "2026-11-28 is in the future."
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-25))
    assert dialog.marks.message("on").startswith(
        "Measure released (2026-11-03) cannot be before Measure taken"
    )
    assert not dialog.save_button.isEnabled()


def test_a_case_changed_elsewhere_offers_to_reload(qtbot, page, store, admin, cases):
    select(page, "示市监罚〔2026〕101号")
    dialog = page.record_current()
    fresh = get_case(store, admin, cases["overdue"])
    record_stage(store, admin, fresh.id, fresh.version, StageInput("legal_review", date(2026, 11, 18)))
    page.ctx.dialogs.answers.append(True)  # reload
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("decided"))
    click(qtbot, dialog.save_button)
    assert page.ctx.dialogs.called("ask_reload")
    assert "(recorded 2026-11-18)" in dialog.stage_combo.itemText(dialog.stage_combo.findData("legal_review"))
    assert "Reloaded" in dialog.notice.text()


# -- import and export ------------------------------------------------------------------------

HEADERS = ["案号", "执法主体", "案件类别", "程序类型", "案由", "当事人", "立案日期", "承办人员"]


def test_a_bad_register_workbook_is_refused_whole(page, tmp_path, store, admin):
    path = write_workbook(
        tmp_path / "案件.xlsx",
        HEADERS,
        [
            [
                "示市监罚〔2026〕300号",
                "县市场监管局",
                "行政处罚",
                "简易程序",
                "未亮照经营",
                "王某",
                date(2026, 11, 1),
                "张伟、李娜",
            ],
            [
                "示市监罚〔2026〕301号",
                "不存在的局",
                "行政处罚",
                "简易程序",
                "未亮照经营",
                "赵某",
                date(2026, 11, 2),
                "张伟",
            ],
        ],
    )
    page.ctx.dialogs.files.append(str(path))
    page.import_action.trigger()
    ((exc,),) = page.ctx.dialogs.called("import_errors")
    assert isinstance(exc, ImportRefused)
    assert [(e.row, e.column) for e in exc.errors][0] == (3, "执法主体")
    assert list_cases(store, admin).total == 7
    assert page.count.text() == "Total 7"


def test_a_good_register_workbook_is_imported_and_shown(page, tmp_path):
    path = write_workbook(
        tmp_path / "案件.xlsx",
        HEADERS,
        [
            [
                "示市监罚〔2026〕300号",
                "县市场监管局",
                "行政处罚",
                "简易程序",
                "未亮照经营",
                "王某",
                date(2026, 11, 1),
                "张伟、李娜",
            ]
        ],
    )
    page.ctx.dialogs.files.append(str(path))
    page.import_action.trigger()
    ((_title, text),) = page.ctx.dialogs.called("info")
    assert text.startswith("Imported 1, skipped 0")
    assert page.count.text() == "Total 8"


def test_export_writes_the_filtered_register(page, tmp_path, agencies):
    page.agency_filter.setCurrentIndex(page.agency_filter.findData(agencies[1].id))
    page.ctx.dialogs.files.append(str(tmp_path / "cases.xlsx"))
    page.export_action.trigger()
    rows = read_workbook(tmp_path / "cases.xlsx")
    assert rows[0][0] == "案号"
    assert sorted(r[0] for r in rows[1:]) == ["示环强〔2026〕8号", "示环罚〔2026〕21号"]
    ((_title, default_name, _filter),) = page.ctx.dialogs.called("save_file")
    assert default_name == "Cases 2026-11-23.xlsx"


def test_publicity_export_writes_the_decided_penalties_shown(page, tmp_path):
    page.ctx.dialogs.files.append(str(tmp_path / "publicity.xlsx"))
    page.publicity_action.trigger()
    rows = read_workbook(tmp_path / "publicity.xlsx")
    assert rows[0][0] == "行政相对人名称"
    assert sorted(r[5] for r in rows[1:]) == ["示市监罚〔2026〕102号", "示环罚〔2026〕21号"]
    ((_title, text),) = page.ctx.dialogs.called("info")
    assert text.startswith("Exported 2 rows")


# -- roles ------------------------------------------------------------------------------------


def test_an_agency_user_sees_only_their_agency_and_cannot_add(qtbot, store, admin, clock, agencies, cases):
    user = make_actor(store, admin, "danwei", Role.AGENCY, agencies[1].id)
    page = CasesPage(make_ctx(store, user, clock))
    qtbot.addWidget(page)
    page.refresh()
    assert page.count.text() == "Total 2"
    assert sorted(column_texts(page.model, CASE_NO)) == ["示环强〔2026〕8号", "示环罚〔2026〕21号"]
    assert [page.agency_filter.itemText(n) for n in range(page.agency_filter.count())] == ["县环境分局"]
    assert visible_action_texts(page.header) == ["Export", "Export publicity", "Refresh"]
    assert page.new_case() is None
    page.table.select_row(0)
    assert page.record_current() is None
    assert not page.detail.record_button.isVisibleTo(page.detail)
    assert page.table.row_menu().actions()[-1].text() == "Copy"


def test_an_editor_sees_the_actions_in_order_with_their_keys(page):
    assert visible_action_texts(page.header) == [
        "New",
        "Record stage",
        "Import",
        "Template",
        "Export",
        "Export publicity",
        "Refresh",
    ]
    assert page.new_action.shortcut().toString() == "Ctrl+N"
    assert page.export_action.shortcut().toString() == "Ctrl+E"
    assert page.refresh_action.shortcut().toString() == "F5"
    assert not page.record_action.isEnabled()
    select(page, "示市监罚〔2026〕101号")
    assert page.record_action.isEnabled()
    texts = [a.text() for a in page.table.row_menu().actions() if not a.isSeparator()]
    assert texts == [
        "Edit case…",
        "Record stage…",
        "Suspend the time limit…",
        "End a suspension…",
        "Extend the time limit…",
        "Copy",
    ]


def test_a_clerk_of_one_agency_records_only_there(qtbot, store, admin, clock, agencies, cases):
    clerk = make_actor(store, admin, "lurun", Role.CLERK, agencies[0].id)
    page = CasesPage(make_ctx(store, clerk, clock))
    qtbot.addWidget(page)
    page.refresh()
    assert page.count.text() == "Total 4"
    dialog = page.new_case()
    assert dialog.agency_combo.currentData() == agencies[0].id
    assert dialog.agency_combo.count() == 2  # "(choose an agency)" and their own


def test_filed_period_defaults_to_any_date(page):
    assert page.filed_from.value() is None and page.filed_to.value() is None
    assert dict(page.filters()) == {}
    page.filed_from.set_value(date(2026, 11, 1))
    assert dict(page.filters()) == {"filed_from": date(2026, 11, 1)}
    assert date(2026, 11, 1) - timedelta(days=1) < page.filed_from.value()


def test_a_large_register_is_read_a_page_at_a_time(qtbot, ctx, store, agencies, monkeypatch):
    insert_bulk_cases(store, agencies, 3000)
    queries = []

    def recording(store_, actor, query, as_of=None):
        queries.append(query)
        return list_cases(store_, actor, query, as_of)

    monkeypatch.setattr(cases_page, "list_cases", recording)
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitExposed(page)
    assert page.count.text() == "Total 3,000"
    page.table.scrollToBottom()
    page.table.grab()
    page.header.set_search_text("商户02")
    assert page.count.text() == "Total 1,000"
    assert queries and all(q.limit == PAGE_SIZE for q in queries)
    assert {q.offset // PAGE_SIZE for q in queries} <= {0, 29}


def test_enter_on_a_row_records_a_stage_for_editors(qtbot, page):
    select(page, "示市监罚〔2026〕103号")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(page.dialog, RecordStageDialog)
    assert page.dialog.case.case_no == "示市监罚〔2026〕103号"


def test_a_case_asked_for_by_another_page_is_shown_with_the_filters_cleared(page, cases):
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("closed"))
    page.warnings_check.setChecked(True)
    wanted = next(
        r for r in list_cases(page.ctx.store, page.ctx.user).items if r.case_no == "示环罚〔2026〕21号"
    )
    page.show_case(wanted.id)
    assert page.stage_filter.currentData() is None and not page.warnings_check.isChecked()
    assert page.header.search_text() == "示环罚〔2026〕21号"
    assert page.current_case().id == wanted.id


# -- periods not counted and extensions -------------------------------------------------------


def test_recording_a_test_period_moves_the_decision_due_date(qtbot, page):
    no = "示市监罚〔2026〕101号"
    select(page, no)
    detail = page.detail
    assert detail.timeline.dues["decided"].text() == "2026-09-29"
    assert detail.suspend_button.isVisibleTo(detail) and detail.period_texts() == []
    click(qtbot, detail.suspend_button)
    dialog = page.dialog
    assert isinstance(dialog, SuspensionDialog) and dialog.save_button.text() == "Record"
    assert dialog.kind_combo.currentData() == "检测"
    dialog.start_edit.setDate(dialog.start_edit.date().addDays(-112))  # 2026-08-03
    dialog.end_edit.set_value(date(2026, 8, 12))
    type_text(dialog.note_edit, "样品送检")
    assert not dialog.marks.marked() and dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.current_case().case_no == no
    assert detail.timeline.dues["decided"].text() == "2026-10-09"  # ten days not counted
    assert detail.period_texts() == ["检测: 2026-08-03 to 2026-08-12 (样品送检)"]
    assert not detail.end_buttons


def test_a_running_period_suspends_the_deadline_until_it_is_ended(qtbot, page):
    no = "示市监罚〔2026〕103号"
    select(page, no)
    assert cell(page, no, WARNINGS) == "Decision due soon"
    dialog = page.suspend(page.current_case())
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("鉴定"))
    dialog.start_edit.setDate(dialog.start_edit.date().addDays(-21))  # 2026-11-02, still running
    click(qtbot, dialog.save_button)
    detail = page.detail
    assert detail.timeline.status_of("decided") == "Suspended"
    assert detail.timeline.dues["decided"].text() == ""
    assert detail.period_texts() == ["鉴定: from 2026-11-02, still running"]
    assert cell(page, no, WARNINGS) == ""
    (button,) = detail.end_buttons.values()
    click(qtbot, button)
    ending = page.dialog
    assert ending.ending and not ending.marks.widget("period").isVisibleTo(ending)
    assert "鉴定 · from 2026-11-02, still running" in ending.about.text()
    ending.end_edit.setDate(ending.end_edit.date().addDays(-3))  # 2026-11-20: 19 days not counted
    click(qtbot, ending.save_button)
    assert ending.result() == QDialog.DialogCode.Accepted
    assert detail.timeline.dues["decided"].text() == "2026-12-23"
    assert detail.timeline.status_of("decided") == "Pending"
    assert detail.period_texts() == ["鉴定: 2026-11-02 to 2026-11-20"]
    assert not detail.end_buttons
    assert page.end_suspension(page.current_case()) is None  # nothing runs any more
    ((_title, text),) = page.ctx.dialogs.called("info")
    assert text == f"No period not counted is running on {no}."


def test_a_period_is_checked_as_typed(page):
    select(page, "示市监罚〔2026〕103号")
    dialog = page.suspend(page.current_case())
    dialog.start_edit.setDate(dialog.start_edit.date().addDays(-13))  # 2026-11-10
    dialog.end_edit.set_value(date(2026, 11, 5))
    assert dialog.marks.message("end_on") == "The end 2026-11-05 is before the start 2026-11-10."
    assert not dialog.save_button.isEnabled()
    dialog.end_edit.set_value(date(2026, 11, 30))
    assert dialog.marks.message("end_on") == "2026-11-30 is in the future."
    dialog.end_edit.set_value(None)
    assert not dialog.marks.marked() and dialog.save_button.isEnabled()
    dialog.start_edit.setDate(dialog.start_edit.date().addDays(-70))  # 2026-09-01
    assert dialog.marks.message("start_on") == "The start 2026-09-01 is before the filing date 2026-09-05."
    assert not dialog.save_button.isEnabled()


def test_an_extension_of_the_decision_limit_moves_the_due_date_and_clears_the_overdue_warning(qtbot, page):
    no = "示市监罚〔2026〕101号"
    select(page, no)
    detail = page.detail
    assert cell(page, no, WARNINGS) == "Decision overdue"
    assert detail.extend_button.isVisibleTo(detail)
    click(qtbot, detail.extend_button)
    dialog = page.dialog
    assert isinstance(dialog, ExtensionDialog) and dialog.save_button.text() == "Approve extension"
    assert [dialog.kind_combo.itemData(n) for n in range(dialog.kind_combo.count())] == ["decision"]
    assert dialog.days_spin.isVisibleTo(dialog)
    dialog.days_spin.setValue(90)
    assert dialog.explanation.text().startswith("Due now 2026-09-29; once approved: +90 days")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert detail.timeline.dues["decided"].text() == "2026-12-28"
    assert detail.timeline.status_of("decided") == "Pending"
    assert cell(page, no, WARNINGS) == ""
    assert not any("Decision overdue" in w for w in detail.warning_texts())
    assert "decision limit +90 days" in detail.period_texts()
    again = page.extend(page.current_case())  # a later approval gives the whole extension
    assert again.days_spin.value() == 120 and again.explanation.text().startswith(
        "Due now 2026-12-28; once approved: +30 days"
    )
    again.days_spin.setValue(90)
    assert again.marks.message("days") == "Already extended by 90 days." and not again.save_button.isEnabled()
    again.days_spin.setValue(60)
    assert again.explanation.text().startswith("Due now 2026-12-28; once approved: -30 days")
    click(qtbot, again.save_button)
    assert detail.timeline.dues["decided"].text() == "2026-11-30"  # 11-28 is a Saturday
    assert cell(page, no, WARNINGS) == "Decision due soon"


def test_a_seizure_is_extended_once_by_its_thirty_days(qtbot, page):
    no = "示环强〔2026〕8号"
    select(page, no)
    detail = page.detail
    assert detail.timeline.dues["measure_released"].text() == "2026-12-10"
    dialog = page.extend(page.current_case())
    assert [dialog.kind_combo.itemData(n) for n in range(dialog.kind_combo.count())] == ["seizure"]
    assert dialog.kind_combo.currentText() == "Extend the 查封 time limit (30 days)"
    assert not dialog.days_spin.isVisibleTo(dialog)
    assert dialog.explanation.text().startswith("Due now 2026-12-10; once approved: +30 days")
    click(qtbot, dialog.save_button)
    assert detail.timeline.dues["measure_released"].text() == "2027-01-11"  # 01-09 is a Saturday
    assert detail.text_of("measures") == "Sealing up · extended"
    assert not detail.extend_button.isVisibleTo(detail)  # extended once; a coercion has no decision limit
    assert detail.suspend_button.isVisibleTo(detail)
    assert page.extend(page.current_case()) is None
    assert "has no time limit to extend" in page.ctx.dialogs.called("info")[0][1]


def test_an_extension_changed_elsewhere_offers_to_reload(qtbot, page, store, admin, cases):
    select(page, "示市监罚〔2026〕103号")
    dialog = page.extend(page.current_case())
    fresh = get_case(store, admin, cases["major"])
    approve_extension(store, admin, fresh.id, fresh.version, "decision", 15)
    page.ctx.dialogs.answers.append(True)  # reload
    click(qtbot, dialog.save_button)
    assert page.ctx.dialogs.called("ask_reload")
    assert dialog.days_spin.value() == 45 and "already extended by 15 days" in dialog.about.text()
    assert "Reloaded" in dialog.notice.text()


def test_cases_without_a_limit_to_suspend_or_extend_offer_neither(page):
    select(page, "城关检〔2026〕5号")  # an inspection
    detail = page.detail
    assert detail.record_button.isVisibleTo(detail)
    assert not detail.suspend_button.isVisibleTo(detail) and not detail.extend_button.isVisibleTo(detail)
    assert page.suspend(page.current_case()) is None
    assert "no decision or seizure time limit" in page.ctx.dialogs.called("info")[0][1]


def test_an_agency_user_sees_no_suspension_or_extension_controls(qtbot, store, admin, clock, agencies, cases):
    case = get_case(store, admin, cases["seizure"])
    add_suspension(store, admin, case.id, case.version, "检测", date(2026, 11, 12))
    user = make_actor(store, admin, "danwei", Role.AGENCY, agencies[1].id)
    page = CasesPage(make_ctx(store, user, clock))
    qtbot.addWidget(page)
    page.refresh()
    select(page, "示环强〔2026〕8号")
    detail = page.detail
    assert detail.period_texts() == ["检测: from 2026-11-12, still running"]
    assert detail.timeline.status_of("measure_released") == "Suspended"
    for button in (detail.suspend_button, detail.extend_button, detail.record_button):
        assert not button.isVisibleTo(detail)
    assert not detail.end_buttons
    assert page.suspend(page.current_case()) is None and page.extend(page.current_case()) is None
    assert page.end_suspension(page.current_case()) is None
    assert [a.text() for a in page.table.row_menu().actions()] == ["Copy"]


def test_the_row_menu_ends_one_of_several_running_periods(qtbot, page, store, admin, cases):
    case = get_case(store, admin, cases["major"])
    case = add_suspension(store, admin, case.id, case.version, "检测", date(2026, 11, 2))
    add_suspension(store, admin, case.id, case.version, "公告", date(2026, 11, 9), note="公告送达")
    page.refresh()
    select(page, "示市监罚〔2026〕103号")
    assert len(page.detail.end_buttons) == 2
    (action,) = [a for a in page.table.row_menu().actions() if a.text() == "End a suspension…"]
    action.trigger()
    dialog = page.dialog
    assert dialog.ending and dialog.marks.widget("period").isVisibleTo(dialog)
    assert [dialog.period_combo.itemText(n) for n in range(2)] == [
        "检测 · from 2026-11-02, still running",
        "公告 · from 2026-11-09, still running (公告送达)",
    ]
    dialog.period_combo.setCurrentIndex(1)
    dialog.end_edit.setDate(dialog.end_edit.date().addDays(-20))  # 2026-11-03
    assert dialog.marks.message("end_on") == "The end 2026-11-03 is before the start 2026-11-09."
    dialog.end_edit.setDate(dialog.end_edit.date().addDays(10))
    click(qtbot, dialog.save_button)
    assert page.detail.period_texts() == [
        "检测: from 2026-11-02, still running",
        "公告: 2026-11-09 to 2026-11-13 (公告送达)",
    ]
    assert len(page.detail.end_buttons) == 1
