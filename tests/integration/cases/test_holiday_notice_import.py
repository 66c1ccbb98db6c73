"""A year's holiday notice stored in the local calendar (audited, replacing an earlier notice of
the year), and the deadlines that count with it, on both databases."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.cases.calendar import WorkCalendar
from desktop.cases.holiday_notice import parse_notice
from desktop.cases.supervision_settings import (
    import_holiday_notice,
    list_calendar_overrides,
    load_calendar,
    notice_note,
    set_calendar_override,
)
from desktop.core.errors import PermissionDenied
from desktop.models import AuditRecord
from tests.helpers.holiday_notices import NOTICE_2027


def test_the_notice_becomes_the_years_overrides_with_one_audit_record(store, admin) -> None:
    result = import_holiday_notice(store, admin, parse_notice(NOTICE_2027))
    assert result.year == 2027 and len(result.rest_days) == 17 and result.replaced == 0
    rows = {r.day: r for r in list_calendar_overrides(store, admin)}
    assert {d for d, r in rows.items() if not r.working} == set(result.rest_days)
    assert {d for d, r in rows.items() if r.working} == set(result.work_days)
    assert {r.note for r in rows.values()} == {notice_note(2027)}
    with store.reading() as session:
        records = session.execute(
            select(AuditRecord).where(AuditRecord.entity == "calendar_notice")
        ).scalars()
        (record,) = list(records)
        assert (record.action, record.entity_id, record.actor) == ("import", "2027", "admin")
        assert json.loads(record.after)["work_days"][0] == "2027-01-31"
        calendar = load_calendar(session)
    # 2027-02-04 (Thursday) + 1 day: the Spring Festival holiday runs to 02-11, 02-12 is a Friday
    assert calendar.add_days(date(2027, 2, 4), 1) == date(2027, 2, 12)
    assert calendar.is_working(date(2027, 2, 20))  # a Saturday worked
    assert calendar.notes() == ()


def test_a_second_notice_of_the_year_replaces_the_first_and_local_days_it_names(store, admin) -> None:
    set_calendar_override(store, admin, date(2027, 10, 1), None, True, "本地值班")  # the notice says rest
    set_calendar_override(store, admin, date(2027, 3, 8), None, False, "本地")  # untouched by it
    import_holiday_notice(store, admin, parse_notice(NOTICE_2027))
    corrected = NOTICE_2027.replace("9月26日（周日）、10月9日（周六）上班", "10月9日（周六）上班")
    result = import_holiday_notice(store, admin, parse_notice(corrected))
    rows = {r.day: r for r in list_calendar_overrides(store, admin)}
    assert date(2027, 9, 26) not in rows  # back to the national calendar (weekends only: a Sunday)
    assert rows[date(2027, 10, 1)].working is False
    assert rows[date(2027, 3, 8)].note == "本地"
    assert result.replaced == 1
    assert not WorkCalendar(dict((d, r.working) for d, r in rows.items())).is_working(date(2027, 9, 26))


def test_only_roles_that_change_settings_may_store_a_notice(store, admin) -> None:
    create_user(store, admin, UserInput("rev1", "reviewer", "评查员"), "Review-2026x")
    reviewer = authenticate(store, "rev1", "Review-2026x")
    with pytest.raises(PermissionDenied):
        import_holiday_notice(store, reviewer, parse_notice(NOTICE_2027))
    assert list_calendar_overrides(store, admin) == ()
