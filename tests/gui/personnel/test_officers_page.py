"""The officers page: masked numbers, certificate states in words and colours, filters, the detail
panel, the dialog's checks, conflicts, import and export, and paging over a large register."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import insert

from desktop.core.errors import ImportRefused
from desktop.core.security import Role
from desktop.models import Officer
from desktop.personnel.dto import OfficerInput
from desktop.personnel.service import get_officer, list_officers, update_officer
from desktop.views.common.lazy_table import PAGE_SIZE
from desktop.views.personnel.officers import page as officers_page
from desktop.views.personnel.officers.page import OfficersPage
from tests.helpers.pages import (
    click,
    click_header,
    column_texts,
    make_actor,
    make_ctx,
    read_workbook,
    resident_id,
    seed_agencies,
    seed_officers,
    type_text,
    visible_action_texts,
    write_workbook,
)

NAME, ID, GENDER, AGENCY, EXPIRES, STATE = 0, 1, 2, 3, 7, 8


@pytest.fixture
def ctx(store, admin, clock):
    return make_ctx(store, admin, clock)


@pytest.fixture
def agencies(store, admin, clock):
    rows = seed_agencies(store, admin)
    seed_officers(store, admin, rows, clock.today())
    return rows


@pytest.fixture
def page(qtbot, ctx, agencies):
    page = OfficersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def row_of(page: OfficersPage, name: str) -> int:
    return column_texts(page.model, NAME).index(name)


def test_the_table_shows_officers_masked_with_certificate_states_in_words_and_colours(page):
    assert page.count.text() == "Total 5"
    model = page.model
    r = row_of(page, "王强")
    assert model.data(model.index(r, ID)) == resident_id(3)[:6] + "********" + resident_id(3)[-4:]
    assert model.data(model.index(r, GENDER)) == "Male"
    assert model.data(model.index(r, AGENCY)) == "示范县生态环境分局"
    states = {
        name: model.data(model.index(row_of(page, name), STATE))
        for name in ("张伟", "李娜", "王强", "赵敏", "陈杰")
    }
    assert states == {
        "张伟": "Valid",
        "李娜": "Expiring soon",
        "王强": "Expired",
        "赵敏": "Revoked",
        "陈杰": "No certificate",
    }

    def colour(name):
        return model.data(
            model.index(row_of(page, name), STATE),
            Qt.ItemDataRole.ForegroundRole,
        )

    assert colour("王强").color().name() == "#d93025"
    assert colour("赵敏").color().name() == "#d93025"
    assert colour("李娜").color().name() == "#f2a900"
    assert colour("张伟").color().name() == "#188038"
    assert colour("陈杰") is None


def test_filters_by_agency_and_certificate_state(page, agencies):
    page.agency_filter.setCurrentIndex(page.agency_filter.findData(agencies[1].id))
    assert sorted(column_texts(page.model, NAME)) == ["王强", "赵敏"]
    page.state_filter.setCurrentIndex(page.state_filter.findData("expired"))
    assert column_texts(page.model, NAME) == ["王强"]
    assert page.count.text() == "Total 1"
    page.agency_filter.setCurrentIndex(0)
    page.state_filter.setCurrentIndex(page.state_filter.findData("none"))
    assert column_texts(page.model, NAME) == ["陈杰"]
    page.header.set_search_text("张")
    assert page.model.rowCount() == 0
    assert "No officer matches" in page.table.empty_text()


def test_search_finds_names_and_certificate_numbers(page):
    page.header.set_search_text("李")
    assert column_texts(page.model, NAME) == ["李娜"]
    page.header.set_search_text("3411220100004")
    assert column_texts(page.model, NAME) == ["赵敏"]


def test_sorting_by_expiry_changes_the_order(qtbot, page):
    click_header(qtbot, page.table, EXPIRES)
    click_header(qtbot, page.table, EXPIRES)
    assert page.model.query().sort == "cert_expires_on" and page.model.query().descending
    with_dates = [
        name
        for name, day in zip(column_texts(page.model, NAME), column_texts(page.model, EXPIRES), strict=True)
        if day
    ]
    assert with_dates == ["张伟", "赵敏", "李娜", "王强"]  # where empty dates go depends on the store


def test_the_detail_panel_shows_the_selected_officer_and_certificate(page):
    assert not page.detail.row
    page.table.select_row(row_of(page, "李娜"))
    detail = page.detail
    assert detail.name_label.text() == "李娜"
    assert detail.text_of("cert_number") == "3411220100002"
    assert detail.text_of("cert_state") == "Expiring soon · expires in 20 days"
    assert "*" in detail.text_of("id_number")
    detail.reveal_button.click()
    assert detail.text_of("id_number") == resident_id(2)


def test_a_new_officer_is_checked_as_typed_and_saved(qtbot, page, store, admin, agencies):
    dialog = page.new_officer()
    type_text(dialog.name_edit, "孙丽")
    bad = resident_id(8)[:-1] + ("1" if resident_id(8)[-1] != "1" else "2")
    type_text(dialog.id_edit, bad)
    assert "not a valid resident ID number" in dialog.marks.message("id_number")
    dialog.id_edit.clear()
    type_text(dialog.id_edit, resident_id(8))
    assert not dialog.marks.is_marked("id_number")
    assert dialog.gender_combo.currentData() == "女"  # from the 17th digit
    click(qtbot, dialog.save_button)
    assert dialog.marks.marked() == {"agency": "The agency is required."}
    dialog.agency_combo.setCurrentIndex(dialog.agency_combo.findData(agencies[2].id))
    dialog.has_cert_check.setChecked(True)
    type_text(dialog.cert_number_edit, "34112201099")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.count.text() == "Total 6"
    saved = page.current_officer()
    assert (saved.name, saved.gender, saved.agency_id, saved.cert_state) == (
        "孙丽",
        "女",
        agencies[2].id,
        "valid",
    )


def test_certificate_dates_in_the_wrong_order_are_marked(qtbot, page):
    dialog = page.new_officer()
    dialog.has_cert_check.setChecked(True)
    type_text(dialog.cert_number_edit, "34112201099")
    dialog.expires_edit.setDate(dialog.issued_edit.date().addDays(-1))
    assert dialog.marks.message("cert_expires_on") == "The expiry date must be after the issue date."


def test_editing_loads_the_whole_id_number_and_saves(qtbot, page, store, admin):
    page.table.select_row(row_of(page, "陈杰"))
    dialog = page.edit_current()
    assert dialog.id_edit.text() == resident_id(5)
    assert not dialog.has_cert_check.isChecked() and not dialog.cert_number_edit.isEnabled()
    dialog.position_edit.setText("副科长")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.current_officer().position == "副科长"
    assert page.detail.text_of("position") == "副科长"


def test_an_officer_changed_elsewhere_shows_the_conflict(qtbot, page, store, admin):
    page.table.select_row(row_of(page, "张伟"))
    dialog = page.edit_current()
    other = make_actor(store, admin, "wang", Role.TRAINER)
    row = get_officer(store, other, page.current_officer().id, reveal_ids=True)
    update_officer(
        store,
        other,
        row.id,
        row.version,
        OfficerInput(
            row.name,
            row.id_number,
            row.agency_id,
            row.gender,
            "大队长",
            row.category,
            row.region,
            row.cert_number,
            row.cert_issued_on,
            row.cert_expires_on,
        ),
    )
    page.ctx.dialogs.answers.append(False)  # do not reload
    dialog.position_edit.setText("中队长")
    click(qtbot, dialog.save_button)
    ((_title, text),) = page.ctx.dialogs.called("ask_reload")
    assert text.startswith("Changed by wang at ")
    assert dialog.isVisible() and dialog.position_edit.text() == "中队长"
    assert get_officer(store, admin, row.id).position == "大队长"


def test_importing_officers_adds_rows_and_refreshes(page, tmp_path, store, admin, clock):
    today = clock.today()
    path = write_workbook(
        tmp_path / "officers.xlsx",
        ["姓名", "身份证号", "性别", "执法主体", "执法证号", "发证日期", "有效期至"],
        [
            ["钱多", resident_id(11), "男", "县环境分局", "34112202001", today, today + timedelta(days=365)],
            ["张伟", resident_id(1), "女", "县市场监管局", None, None, None],
        ],
    )
    page.ctx.dialogs.files.append(str(path))
    page.import_action.trigger()
    ((_title, text),) = page.ctx.dialogs.called("info")
    assert text.startswith("Imported 2, skipped 0")
    assert page.count.text() == "Total 6"
    assert "钱多" in column_texts(page.model, NAME)


def test_a_bad_officer_row_refuses_the_whole_workbook(page, tmp_path, store, admin):
    path = write_workbook(
        tmp_path / "officers.xlsx",
        ["姓名", "身份证号", "执法主体"],
        [
            ["钱多", resident_id(11), "县环境分局"],
            ["孙少", resident_id(12), "不存在的局"],
        ],
    )
    page.ctx.dialogs.files.append(str(path))
    page.import_action.trigger()
    ((exc,),) = page.ctx.dialogs.called("import_errors")
    assert isinstance(exc, ImportRefused)
    assert [(e.row, e.column) for e in exc.errors] == [(3, "执法主体")]
    assert list_officers(store, admin).total == 5


def test_export_writes_the_filtered_officers_with_masked_numbers(page, tmp_path):
    page.state_filter.setCurrentIndex(page.state_filter.findData("valid"))
    page.ctx.dialogs.files.append(str(tmp_path / "officers.xlsx"))
    page.export_action.trigger()
    rows = read_workbook(tmp_path / "officers.xlsx")
    assert rows[0][0] == "姓名" and rows[0][-1] == "证件状态"
    assert [r[0] for r in rows[1:]] == ["张伟"]
    assert "********" in rows[1][1]


def test_a_reviewer_sees_no_edit_actions(qtbot, store, admin, clock, agencies):
    reviewer = make_actor(store, admin, "li", Role.REVIEWER, agencies[1].id)
    page = OfficersPage(make_ctx(store, reviewer, clock))
    qtbot.addWidget(page)
    page.refresh()
    assert page.count.text() == "Total 5"
    assert visible_action_texts(page.header) == ["Export", "Refresh"]
    page.table.select_row(0)
    assert not page.detail.reveal_button.isVisibleTo(page.detail)
    assert page.edit_current() is None


def test_a_large_register_is_read_a_page_at_a_time(qtbot, ctx, store, admin, agencies, monkeypatch):
    with store.engine.begin() as conn:
        conn.execute(
            insert(Officer),
            [
                {
                    "name": f"人员{n:05d}",
                    "id_number": f"X{n:017d}",
                    "agency_id": agencies[n % 3].id,
                    "updated_at": "2026-11-23T10:00:00.000000Z",
                    "updated_by": "bulk",
                    "version": 1,
                }
                for n in range(3000)
            ],
        )
    queries = []

    def recording(store_, actor, query, **kwargs):
        queries.append(query)
        return list_officers(store_, actor, query, **kwargs)

    monkeypatch.setattr(officers_page, "list_officers", recording)
    page = OfficersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    page.table.scrollToBottom()
    page.table.grab()
    page.header.set_search_text("人员02")
    assert page.count.text() == "Total 1,000"
    assert queries and all(q.limit == PAGE_SIZE for q in queries)
    assert {q.offset // PAGE_SIZE for q in queries} <= {0, 29, 30}
