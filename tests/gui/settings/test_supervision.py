"""设置 › 期限与预警 and 工作日历: the limits in force and who changed them, a change that moves
which cases are due soon, the national years, local overrides that move a due date (added,
removed after one question), the warning when this year is not loaded, read only without the right."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from desktop.accounts.audit import list_audit
from desktop.cases.calendar import national_years
from desktop.cases.dto import CaseInput
from desktop.cases.entry import create_case
from desktop.cases.service import get_case
from desktop.cases.supervision import list_warnings
from desktop.cases.supervision_settings import (
    list_calendar_overrides,
    set_calendar_override,
    supervision_settings,
)
from desktop.core.paging import ListQuery
from desktop.core.security import Role
from desktop.views.settings.limits import LimitsSection
from desktop.views.settings.page import SettingsPage
from desktop.views.settings.work_calendar import CalendarSection, year_ranges
from desktop.views.warnings.page import WarningsPage
from tests.helpers.pages import click, make_actor, make_ctx, seed_agencies, seed_officers

DUE_SOON = ListQuery(filters=(("code", "decision_due_soon"),), limit=None)


@pytest.fixture
def cases(store, admin, clock) -> dict[str, int]:
    """Two undecided 普通程序 cases as of 2026-11-23: A due on 2026-12-03 (in 10 days), B due on
    2026-12-14 (in 21 days; 12-13 is a Sunday)."""
    agencies = seed_agencies(store, admin)
    seed_officers(store, admin, agencies, clock.today())

    def case(no: str, filed: date) -> int:
        return create_case(
            store,
            admin,
            CaseInput(
                case_no=no,
                agency=agencies[0].id,
                category="行政处罚",
                procedure="普通程序",
                cause="虚假宣传",
                party="示范县鑫源贸易有限公司",
                filed_on=filed,
                officers=("张伟", "李娜"),
            ),
        ).id

    return {
        "A": case("市监罚〔2026〕21号", date(2026, 9, 4)),
        "B": case("市监罚〔2026〕22号", date(2026, 9, 14)),
    }


@pytest.fixture
def ctx(store, admin, clock):
    return make_ctx(store, admin, clock)


@pytest.fixture
def limits(qtbot, ctx) -> LimitsSection:
    section = LimitsSection(ctx)
    qtbot.addWidget(section)
    section.show()
    return section


@pytest.fixture
def calendar(qtbot, ctx) -> CalendarSection:
    section = CalendarSection(ctx)
    qtbot.addWidget(section)
    section.show()
    return section


def due_soon(store, admin) -> list[str]:
    return [w.case_no for w in list_warnings(store, admin, DUE_SOON).items]


def decision_due(store, admin, case_id: int) -> date:
    return next(d.due for d in get_case(store, admin, case_id).deadlines if d.kind == "decision")


# -- 期限与预警 -----------------------------------------------------------------------------------


def test_the_limits_in_force_are_shown_with_who_changed_them(limits):
    assert limits.title() == "Deadlines and warnings"
    assert limits.spins["decision_days"].value() == 90
    assert limits.spins["decision_lead_days"].value() == 15
    assert limits.spins["publicity_working_days"].value() == 7
    assert limits.spins["summary_limit_organisation"].value() == 3000
    assert limits.changed_label.text() == "The statutory defaults; never changed."
    assert not limits.save_button.isEnabled() and not limits.defaults_button.isEnabled()
    assert not limits.read_only_note.isVisibleTo(limits)


def test_a_shorter_lead_time_changes_which_cases_are_due_soon(qtbot, limits, store, admin, clock, cases):
    assert due_soon(store, admin) == ["市监罚〔2026〕21号"]
    limits.spins["decision_lead_days"].setValue(5)
    assert limits.save_button.isEnabled()
    with qtbot.waitSignal(limits.limits_saved):
        click(qtbot, limits.save_button)
    assert limits.message.tone == "ok" and limits.message.text().startswith("Saved.")
    assert limits.changed_label.text().startswith("Last changed by admin at 2026-11-23 ")
    assert not limits.save_button.isEnabled()
    assert supervision_settings(store, admin).limits.decision_lead_days == 5
    assert due_soon(store, admin) == []
    limits.spins["decision_lead_days"].setValue(30)
    click(qtbot, limits.save_button)
    assert sorted(due_soon(store, admin)) == ["市监罚〔2026〕21号", "市监罚〔2026〕22号"]
    page = WarningsPage(make_ctx(store, admin, clock))
    qtbot.addWidget(page)
    page.refresh()
    assert page.grid.text_at(None, "decision_due_soon") == "Yellow 2"
    records = list_audit(store, admin, ListQuery(filters=(("entity", "supervision_limits"),))).items
    assert [r.after["decision_lead_days"] for r in records] == [30, 5]
    assert records[-1].before["decision_lead_days"] == 15


def test_restore_defaults_fills_in_and_only_save_keeps_them(qtbot, limits, store, admin):
    limits.spins["service_days"].setValue(10)
    click(qtbot, limits.save_button)
    assert supervision_settings(store, admin).limits.service_days == 10
    click(qtbot, limits.defaults_button)
    assert limits.spins["service_days"].value() == 7
    assert limits.message.text() == "Defaults filled in; press Save to use them."
    assert supervision_settings(store, admin).limits.service_days == 10
    click(qtbot, limits.save_button)
    assert supervision_settings(store, admin).limits.service_days == 7


def test_amounts_are_kept_as_whole_yuan_when_whole(qtbot, limits, store, admin):
    limits.spins["summary_limit_person"].setValue(250)
    click(qtbot, limits.save_button)
    assert str(supervision_settings(store, admin).limits.summary_limit_person) == "250"
    assert limits.spins["summary_limit_person"].text() == "250.00"


# -- 工作日历 -----------------------------------------------------------------------------------


def test_the_national_years_are_shown_in_words(calendar):
    years = sorted(national_years())
    assert calendar.years_label.text() == f"National holiday schedule: {years[0]}–{years[-1]}."
    assert year_ranges([2004, 2005, 2006, 2009, 2011, 2012]) == "2004–2006、2009、2011–2012"
    assert calendar.empty_label.isVisibleTo(calendar) and not calendar.table.isVisibleTo(calendar)
    assert not calendar.remove_button.isEnabled()


def test_an_override_that_makes_the_due_date_a_rest_day_moves_it_and_removing_restores(
    qtbot, calendar, store, admin, cases
):
    assert decision_due(store, admin, cases["A"]) == date(2026, 12, 3)
    dialog = calendar.add_override()
    assert dialog is not None
    dialog.set_input(date(2026, 12, 3), False, "县政府通知：停电放假")
    national = dialog.national_label.text()
    assert "counts 2026-12-03" in national and "as a working day" in national
    with qtbot.waitSignal(calendar.overrides_changed):
        click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert calendar.table.rowCount() == 1 and calendar.table.isVisibleTo(calendar)
    assert calendar.table.item(0, 0).text().startswith("2026-12-03 ")
    assert calendar.table.item(0, 1).text() == "Rest day"
    assert calendar.table.item(0, 2).text() == "县政府通知：停电放假"
    message = calendar.message.text()
    assert message.startswith("2026-12-03 ") and "now counts as a rest day" in message
    assert decision_due(store, admin, cases["A"]) == date(2026, 12, 4)
    assert calendar.current_day() == date(2026, 12, 3) and calendar.remove_button.isEnabled()

    dialogs = calendar.ctx.dialogs
    dialogs.answers.append(True)
    with qtbot.waitSignal(calendar.overrides_changed):
        click(qtbot, calendar.remove_button)
    [(title, text, ok)] = dialogs.called("confirm")
    assert title == "Remove local override" and ok == "Remove"
    assert text.startswith("Remove the local override of 2026-12-03 ")
    assert list_calendar_overrides(store, admin) == ()
    assert decision_due(store, admin, cases["A"]) == date(2026, 12, 3)
    assert calendar.empty_label.isVisibleTo(calendar)
    actions = [
        (r.action, r.entity_id)
        for r in list_audit(store, admin, ListQuery(filters=(("entity", "calendar_override"),))).items
    ]
    assert actions == [("delete", "2026-12-03"), ("create", "2026-12-03")]


def test_remove_asks_once_and_cancel_keeps_the_override(qtbot, calendar, store, admin):
    set_calendar_override(store, admin, date(2026, 10, 10), None, True, "调休补班")
    calendar.refresh()
    calendar.select_day(date(2026, 10, 10))
    calendar.ctx.dialogs.answers.append(False)
    click(qtbot, calendar.remove_button)
    assert len(calendar.ctx.dialogs.called("confirm")) == 1
    assert [o.day for o in list_calendar_overrides(store, admin)] == [date(2026, 10, 10)]
    assert calendar.table.item(0, 1).text() == "Working day"


def test_the_dialog_offers_the_other_kind_and_refuses_an_override_that_changes_nothing(qtbot, calendar):
    dialog = calendar.add_override()
    dialog.date_edit.setDate(date(2026, 10, 1))  # 国庆节: a holiday
    assert dialog.working() is True
    assert "as a rest day" in dialog.national_label.text()
    dialog.date_edit.setDate(date(2026, 12, 7))  # a Monday
    assert dialog.working() is False
    dialog.set_input(date(2026, 12, 5), False)  # a Saturday made a rest day: nothing changes
    click(qtbot, dialog.save_button)
    assert dialog.marks.message("working") == "The national schedule already counts 2026-12-05 as a rest day."
    assert dialog.isVisible()


def test_a_year_the_calendar_does_not_know_is_flagged_until_an_override_covers_it(qtbot, store, admin, clock):
    year = max(national_years()) + 1
    ctx = make_ctx(store, admin, clock)
    ctx.as_of = date(year, 3, 2)
    section = CalendarSection(ctx)
    qtbot.addWidget(section)
    section.show()
    assert section.gap.isVisibleTo(section)
    assert section.gap.text().startswith(f"⚠ The {year} holiday schedule is not loaded")
    dialog = section.add_override()
    assert "is not loaded" in dialog.national_label.text()
    dialog.set_input(date(year, 2, 11), False, "春节")
    click(qtbot, dialog.save_button)
    assert not section.gap.isVisibleTo(section)


# -- who may change them -------------------------------------------------------------------------


def test_roles_without_the_right_see_both_sections_read_only(qtbot, store, admin, clock):
    set_calendar_override(store, admin, date(2026, 10, 10), None, True, "调休补班")
    reviewer = make_actor(store, admin, "pingcha", Role.REVIEWER)
    page = SettingsPage(make_ctx(store, reviewer, clock))
    qtbot.addWidget(page)
    page.show()
    limits, calendar = page.limits, page.calendar
    assert all(spin.isReadOnly() for spin in limits.spins.values())
    assert not limits.save_button.isVisibleTo(page) and not limits.defaults_button.isVisibleTo(page)
    assert limits.read_only_note.isVisibleTo(page)
    assert calendar.table.rowCount() == 1
    assert not calendar.add_button.isVisibleTo(page) and not calendar.remove_button.isVisibleTo(page)
    assert calendar.read_only_note.isVisibleTo(page)
    assert calendar.add_override() is None
    calendar.select_day(date(2026, 10, 10))
    calendar.remove_current()
    assert calendar.ctx.dialogs.calls == []


def test_the_settings_page_shows_both_sections_and_refresh_drops_unsaved_edits(qtbot, ctx):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.limits.spins["seizure_days"].setValue(40)
    assert page.limits.save_button.isEnabled()
    page.refresh()
    assert page.limits.spins["seizure_days"].value() == 30 and not page.limits.save_button.isEnabled()
    assert page.calendar.title() == "Work calendar"
