"""The officers' certificate warnings in the warning centre: listed with the officer and the
certificate number where the case number is, counted in the grid, the scope filter, handled
through the same dialog (audited), and a double-click that asks for the officer's certificate."""

from __future__ import annotations

from desktop.accounts.audit import list_audit
from desktop.core.paging import ListQuery
from desktop.views.common.messages import FakeDialogs
from desktop.views.warnings.page import WarningsPage
from tests.helpers.pages import click, make_ctx, seed_agencies, seed_officers, type_text


def open_page(qtbot, ctx) -> WarningsPage:
    page = WarningsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def rows_of(page: WarningsPage) -> list:
    return [page.model.row_at(n) for n in range(page.model.rowCount())]


def test_officer_warnings_are_listed_counted_handled_and_open_the_certificate(qtbot, store, admin, clock):
    agencies = seed_agencies(store, admin)
    seed_officers(store, admin, agencies, clock.today())  # 李娜 expiring in 20 days, 王强 expired
    page = open_page(qtbot, make_ctx(store, admin, clock, FakeDialogs()))
    rows = rows_of(page)
    expiring = {(r.officer, r.level) for r in rows if r.code == "cert_expiring"}
    assert {("李娜", "yellow"), ("王强", "red")} <= expiring
    li = next(r for r in rows if r.code == "cert_expiring" and r.officer == "李娜")
    number = page.table.model().index(rows.index(li), 0).data()
    assert number == f"李娜 {li.number}"
    codes = {c.code for c in page.grid.counts}
    assert {"cert_expiring", "cert_review_due"} <= codes
    page.set_scope("cases")
    assert not any(r.officer for r in rows_of(page))
    page.set_scope("officers")
    assert rows_of(page) and all(r.officer for r in rows_of(page))
    assert {c.code for c in page.grid.counts} <= {
        "cert_expiring",
        "cert_review_due",
        "cert_invalid_on_open_case",
        "training_short",
    }
    assert set(page.grid.codes) <= {
        "cert_expiring",
        "cert_review_due",
        "cert_invalid_on_open_case",
        "training_short",
    }
    row = next(n for n, r in enumerate(rows_of(page)) if r.subject == li.subject)
    page.table.select_row(row)
    assert page.open_action.toolTip() == "Open the officer's certificate"
    assert page.detail.open_button.text() == "Open certificate"
    with qtbot.waitSignal(page.record_requested) as opened:
        page.on_table_row_activated(page.current_warning())
    assert opened.args == ["qualifications", li.officer_id]
    dialog = page.handle_current()
    assert dialog.values["officer"].text() == "李娜" and dialog.values["number"].text() == li.number
    type_text(dialog.note_edit, "已通知换证")
    dialog.kind_combo.setCurrentIndex(1)
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert li.subject not in {r.subject for r in rows_of(page)}
    audited = list_audit(store, admin, ListQuery(filters=(("action", "handle_warning"),))).items
    assert [a.entity for a in audited] == ["officer"]
