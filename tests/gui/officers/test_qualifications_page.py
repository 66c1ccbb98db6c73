"""The 执法资格 area: the certificate's history pane, an event through its dialog (a refusal stays
in the dialog), a batch annual review with one confirmation, and the verify page with a genuine
and a forged payload. Every read goes through the task runner."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate

from desktop.core.security import Role
from desktop.personnel.cards import card_key, write_card
from desktop.personnel.certificates import get_certificate, record_event
from desktop.views.common.messages import FakeDialogs
from desktop.views.officers.certificates_tab import CertificatesTab
from desktop.views.officers.page import QualificationsPage
from desktop.views.officers.review_tab import ReviewTab
from desktop.views.officers.verify_tab import VerifyTab
from tests.helpers.pages import make_actor, make_ctx, seed_agencies, seed_officers


@pytest.fixture
def county(store, admin, clock):
    agencies = seed_agencies(store, admin)
    seed_officers(store, admin, agencies, clock.today())
    return agencies


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row_of(tab: CertificatesTab, number: str) -> int:
    for n in range(tab.model.rowCount()):
        if tab.model.row_at(n).number == number:
            return n
    raise AssertionError(number)


def test_the_history_pane_and_an_event_through_its_dialog(qtbot, store, admin, clock, county) -> None:
    ctx = make_ctx(store, admin, clock)
    page = shown(qtbot, QualificationsPage(ctx))
    tab = page.show_tab("certificates")
    assert isinstance(tab, CertificatesTab)
    tab.refresh()
    assert tab.model.rowCount() >= 4
    number = tab.model.row_at(0).number
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(tab.history.event_texts()))
    assert tab.history.event_texts()[0][1] == "Issue"
    dialog = tab.start_event("restore")  # never suspended: refused, the dialog stays open
    dialog.reason_combo.setCurrentText("x")
    dialog.on_buttons_accepted()
    assert dialog.isVisible() and "not possible" in dialog.problem.text()
    dialog.reject()
    dialog = tab.start_event("suspend")
    dialog.reason_combo.setCurrentText("立案调查")
    dialog.document_edit.setText("县司〔2026〕3号")
    dialog.on_buttons_accepted()
    assert not dialog.isVisible()
    assert tab.history.event_texts()[-1] == (clock.today().isoformat(), "Suspension")
    assert get_certificate(store, admin, number).row.state == "suspended"


def test_a_batch_review_with_one_confirmation(qtbot, store, admin, clock, county) -> None:
    dialogs = FakeDialogs(answers=[True])
    ctx = make_ctx(store, admin, clock, dialogs)
    tab = shown(qtbot, ReviewTab(ctx))
    tab.due_edit.setDate(QDate(2099, 1, 1))
    tab.load()
    assert tab.table.rowCount() >= 2
    numbers = [r.number for r in tab.rows]
    tab.set_result(1, "fail", "学时不足")
    tab.review_date.setDate(QDate(clock.today().year, clock.today().month, clock.today().day))
    tab.record()
    assert [c[0] for c in dialogs.calls].count("confirm") == 1
    assert "1 failed" in dialogs.calls[0][2] and "suspended" in dialogs.calls[0][2]
    assert get_certificate(store, admin, numbers[1]).row.state == "suspended"
    assert [e.kind for e in get_certificate(store, admin, numbers[0]).events][-1] == "review"
    assert "recorded" in tab.status.text()


def test_a_declined_confirmation_records_nothing(qtbot, store, admin, clock, county) -> None:
    dialogs = FakeDialogs(answers=[False])
    ctx = make_ctx(store, admin, clock, dialogs)
    tab = shown(qtbot, ReviewTab(ctx))
    tab.due_edit.setDate(QDate(2099, 1, 1))
    tab.load()
    number = tab.rows[0].number
    tab.record()
    assert [e.kind for e in get_certificate(store, admin, number).events] == ["issue"]


def test_the_verify_page_with_a_genuine_and_a_forged_payload(
    qtbot, store, admin, clock, county, tmp_path
) -> None:
    ctx = make_ctx(store, admin, clock)
    page = shown(qtbot, QualificationsPage(ctx))
    tab = page.show_tab("verify")
    assert isinstance(tab, VerifyTab)
    number = get_any_number(store, admin)
    payload = write_card(store, admin, number, tmp_path / "card.pdf").payload
    tab.payload_edit.setText(payload)
    tab.verify()
    tab.show_key(card_key(store, admin))
    assert "Ed25519" in tab.key_label.text()
    assert tab.verdict.text().startswith("Genuine card " + number) and "valid" in tab.verdict.text()
    tab.payload_edit.setText(payload[:-4] + ("AAAA" if not payload.endswith("AAAA") else "BBBB"))
    tab.verify()
    assert tab.verdict.text().startswith("Not genuine")
    record_event(store, admin, number, "revoke", clock.today() - timedelta(days=1), "出借证件")
    tab.payload_edit.setText(payload)
    tab.verify()
    assert "revoked" in tab.verdict.text()


def test_an_agency_user_reads_but_records_nothing(qtbot, store, admin, clock, county) -> None:
    user = make_actor(store, admin, "jtj", Role.AGENCY, county[0].id)
    ctx = make_ctx(store, user, clock)
    page = shown(qtbot, QualificationsPage(ctx))
    tab = page.show_tab("certificates")
    tab.refresh()
    assert all(not a.isVisible() for a in tab.actions.values())
    assert {tab.model.row_at(n).agency for n in range(tab.model.rowCount())} == {county[0].name}


def get_any_number(store, admin) -> str:
    from desktop.personnel.certificates import list_certificates

    return next(r.number for r in list_certificates(store, admin, state="valid").items)


def test_dates_are_iso(clock) -> None:
    assert isinstance(clock.today(), date)


def test_the_training_tab_imports_and_shows_those_short(qtbot, store, admin, clock, county, tmp_path) -> None:
    from desktop.personnel.certificates import list_certificates
    from desktop.views.officers.training_tab import SHORT_COLOUR, TrainingTab
    from tests.helpers.pages import write_workbook

    rows = list_certificates(store, admin, reveal_ids=True).items
    book = write_workbook(
        tmp_path / "t.xlsx",
        ["姓名", "身份证号", "培训名称", "日期", "学时"],
        [(rows[0].officer, rows[0].id_number, "行政处罚法", clock.today() - timedelta(days=3), 64)],
    )
    dialogs = FakeDialogs(files=[str(book)])
    ctx = make_ctx(store, admin, clock, dialogs)
    tab = shown(qtbot, TrainingTab(ctx))
    assert "0 below" not in tab.status.text()
    tab.start_import()
    assert "Imported 1" in tab.status.text() or tab.table.rowCount() > 0
    texts = {tab.table.item(n, 0).text(): tab.table.item(n, 2) for n in range(tab.table.rowCount())}
    assert texts[rows[0].officer].text() == "64"
    short = [item for item in texts.values() if item.text() == "0"]
    assert short and all(item.foreground().color().name() == SHORT_COLOUR for item in short)
    tab.short_box.setChecked(True)
    assert rows[0].officer not in {tab.table.item(n, 0).text() for n in range(tab.table.rowCount())}


def test_the_review_batch_is_exported_as_a_workbook(qtbot, store, admin, clock, county, tmp_path) -> None:
    import openpyxl

    out = tmp_path / "batch.xlsx"
    dialogs = FakeDialogs(files=[str(out)])
    ctx = make_ctx(store, admin, clock, dialogs)
    tab = shown(qtbot, ReviewTab(ctx))
    tab.due_edit.setDate(QDate(2099, 1, 1))
    tab.load()
    tab.set_result(0, "fail", "学时不足")
    tab.start_export()
    rows = list(openpyxl.load_workbook(out)["年审"].values)
    assert len(rows) == tab.table.rowCount() + 1 and "不合格" in [r[5] for r in rows]


def test_results_from_a_workbook_fill_the_batch(qtbot, store, admin, clock, county, tmp_path) -> None:
    from desktop.core.errors import ImportRefused
    from tests.helpers.pages import write_workbook

    ctx = make_ctx(store, admin, clock, FakeDialogs())
    tab = shown(qtbot, ReviewTab(ctx))
    tab.due_edit.setDate(QDate(2099, 1, 1))
    tab.load()
    first, second = tab.rows[0].number, tab.rows[1].number
    book = write_workbook(
        tmp_path / "r.xlsx",
        ["执法证号", "年审结果", "事由"],
        [(first, "合格", None), (second, "不合格", "学时不足"), ("X-9", "合格", None)],
    )
    ctx.dialogs.files.append(str(book))
    tab.start_import()
    assert tab.results()[:2] == [(first, "pass", ""), (second, "fail", "学时不足")]
    assert "X-9" in tab.status.text()
    bad = write_workbook(tmp_path / "bad.xlsx", ["执法证号", "年审结果", "事由"], [(first, "不合格", None)])
    ctx.dialogs.files.append(str(bad))
    tab.start_import()
    refused = [c for c in ctx.dialogs.calls if c[0] == "show_error"]
    assert refused and isinstance(refused[-1][1], ImportRefused)
    assert refused[-1][1].errors[0].column == "事由"
