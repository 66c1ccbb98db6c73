"""设置 › 工作日历 › 导入放假通知: the pasted notice read as typed, the year drawn as a calendar to
confirm, then stored (one question, audited) — the banner of the next year goes away; text it
cannot read keeps 保存 disabled and says why; roles without the right are not offered it."""

from __future__ import annotations

from datetime import date

from desktop.cases.calendar import national_years
from desktop.cases.supervision_settings import list_calendar_overrides
from desktop.core.security import Role
from desktop.views.common.messages import FakeDialogs
from desktop.views.settings.work_calendar import CalendarSection
from tests.helpers.holiday_notices import NOTICE_2026, NOTICE_2027
from tests.helpers.pages import click, make_actor, make_ctx


def open_section(qtbot, ctx) -> CalendarSection:
    section = CalendarSection(ctx)
    qtbot.addWidget(section)
    section.show()
    return section


def test_a_pasted_notice_is_previewed_then_stored_and_the_gap_closes(qtbot, store, admin, clock):
    assert 2027 not in national_years()
    dialogs = FakeDialogs(answers=[True])
    ctx = make_ctx(store, admin, clock, dialogs)  # 2026-11-23: the 2027 holidays are needed
    section = open_section(qtbot, ctx)
    assert section.gap.isVisibleTo(section) and "2027" in section.gap.text()
    dialog = section.import_notice()
    assert not dialog.save_button.isEnabled()
    dialog.set_text(NOTICE_2027)
    assert dialog.save_button.isEnabled()
    assert dialog.summary.text().startswith("2027: 17 days off, 4 weekend days worked.")
    assert dialog.calendar.year == 2027
    assert dialog.calendar.kind(date(2027, 2, 20)) == "worked"
    assert dialog.calendar.kind(date(2027, 2, 8)) == "day off"
    assert "春节: off 02-05–02-11; worked 01-31、02-20" in dialog.holidays.text()
    click(qtbot, dialog.save_button)
    (confirm,) = dialogs.called("confirm")
    assert "17 days off and 4 worked weekend days of 2027" in confirm[1]
    assert not dialog.isVisible()
    days = {r.day: r.working for r in list_calendar_overrides(store, admin)}
    assert days[date(2027, 2, 20)] is True and days[date(2027, 10, 7)] is False
    assert not section.gap.isVisibleTo(section)
    assert section.message.text() == "The 2027 holidays are stored: 17 days off, 4 weekend days worked."


def test_text_it_cannot_read_is_named_and_cannot_be_stored(qtbot, store, admin, clock):
    section = open_section(qtbot, make_ctx(store, admin, clock))
    dialog = section.import_notice()
    dialog.set_text("关于2026年部分节假日安排的通知\n元旦：1月1日（周五）放假")
    assert not dialog.save_button.isEnabled()
    assert "the notice says 周五" in dialog.marks.message("notice")
    assert dialog.calendar.year is None
    dialog.set_text(NOTICE_2026)
    assert dialog.marks.message("notice") == ""
    assert "The national schedule already holds 2026" in dialog.summary.text()


def test_a_role_without_the_right_is_not_offered_the_import(qtbot, store, admin, clock):
    reviewer = make_actor(store, admin, "rev1", Role.REVIEWER)
    section = open_section(qtbot, make_ctx(store, reviewer, clock))
    assert not section.notice_button.isVisibleTo(section)
    assert section.import_notice() is None
