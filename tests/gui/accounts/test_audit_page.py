"""The audit page: the changes a user made, newest first, in words; filters; the field-by-field
comparison; and the chain check, intact and then broken by an edit behind the program's back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from desktop.personnel.dto import AgencyInput
from desktop.personnel.service import update_agency
from desktop.views.accounts.audit.page import AuditPage
from tests.helpers.pages import column_texts, make_ctx, seed_agencies

NO, TIME, USER, ACTION, OBJECT, NUMBER, SUMMARY = range(7)


@pytest.fixture
def changed(store, admin):
    """Three agencies created, then one renamed (records 2–5 after the administrator's own)."""
    rows = seed_agencies(store, admin)
    row = rows[1]
    return update_agency(
        store,
        admin,
        row.id,
        row.version,
        AgencyInput("示范县生态环境局", row.short_name, row.credit_code, row.field, row.level),
    )


@pytest.fixture
def page(qtbot, store, admin, clock, changed):
    page = AuditPage(make_ctx(store, admin, clock))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def cells(page: AuditPage, column: int) -> list[str]:
    return column_texts(page.model, column)


def test_the_changes_show_newest_first_in_words(page, changed):
    assert page.count.text() == "Total 5"
    assert cells(page, NO) == ["5", "4", "3", "2", "1"]
    assert cells(page, ACTION) == ["Change", "Create", "Create", "Create", "Create"]
    assert cells(page, OBJECT)[:4] == ["Agency"] * 4 and cells(page, OBJECT)[4] == "Account"
    assert cells(page, NUMBER)[0] == str(changed.id)
    assert cells(page, SUMMARY)[0] == "示范县生态环境局"
    local = datetime(2026, 11, 23, 10, 0, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert cells(page, TIME)[0] == local and cells(page, USER)[0] == "admin"


def test_the_detail_compares_before_and_after_field_by_field(page):
    page.table.select_row(0)
    detail = page.detail
    assert detail.heading.text().startswith("Record 5 · ")
    assert detail.changed_fields() == ["name"]
    table = detail.table
    rows = {
        table.item(r, 0).text(): (
            table.item(r, 1).text(),
            table.item(r, 2).text(),
            table.item(r, 0).font().bold(),
        )
        for r in range(table.rowCount())
    }
    assert rows["Name"] == ("示范县生态环境分局", "示范县生态环境局", True)
    assert rows["Short name"] == ("县环境分局", "县环境分局", False)
    assert rows["Enforcement field"][2] is False
    assert len(detail.hash_label.text()) == 64


def test_filters_narrow_the_record(page, clock):
    page.action_filter.setCurrentIndex(page.action_filter.findData("update"))
    assert cells(page, NO) == ["5"]
    page.action_filter.setCurrentIndex(0)
    page.entity_filter.setCurrentIndex(page.entity_filter.findData("user"))
    assert cells(page, NO) == ["1"]
    assert [page.actor_filter.itemText(i) for i in range(page.actor_filter.count())] == ["All users", "admin"]
    page.clear_filters()
    assert page.count.text() == "Total 5"
    page.date_to.set_value(clock.today() - timedelta(days=1))
    assert page.count.text() == "Total 0"
    page.date_to.set_value(None)
    page.date_from.set_value(clock.today())
    assert page.count.text() == "Total 5"
    page.header.set_search_text("城关镇")
    assert cells(page, NO) == ["4"]


def test_sorting_by_user_or_action(page):
    page.model.sort(ACTION)
    assert cells(page, ACTION)[-1] == "Change"  # create < update


def test_verify_reports_intact_then_the_broken_record(page, store):
    page.verify_action.trigger()
    assert page.report.ok and page.report.checked == 5
    assert page.verify_label.text() == "✓ Chain intact: 5 records"
    assert "#188038" in page.verify_label.styleSheet()
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_records SET summary = 'tampered' WHERE id = 3"))
    page.verify_action.trigger()
    assert not page.report.ok and page.report.broken_id == 3
    assert page.verify_label.text() == "✗ Record 3 is broken: the record was edited after it was written"
    assert "#D93025" in page.verify_label.styleSheet()
