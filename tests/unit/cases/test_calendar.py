"""The working-day calendar and the deadline engine on the real 2026 calendar (no store)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cases.calendar import WorkCalendar, missing_years, national_years, years_needed
from desktop.cases.rules import CaseFacts, Limits, Suspension, deadlines

LIMITS = Limits()


def cal(**overrides: bool) -> WorkCalendar:
    return WorkCalendar(
        {date.fromisoformat(k.removeprefix("d").replace("_", "-")): v for k, v in overrides.items()}
    )


def test_publicity_of_seven_working_days_skips_mid_autumn_and_national_day() -> None:
    # 2026-09-25 is 中秋; 10-01…10-07 国庆; Saturday 10-10 is a 调休 working day.
    assert WorkCalendar().add_working_days(date(2026, 9, 25), 7) == date(2026, 10, 12)


def test_ninety_days_ending_in_national_day_roll_to_the_next_working_day() -> None:
    assert WorkCalendar().add_days(date(2026, 7, 3), 90) == date(2026, 10, 8)


def test_ninety_days_ending_in_qingming_roll_past_the_holiday() -> None:
    # 01-05 + 90 days = 04-05 (a Sunday inside 清明 04-04…04-06).
    assert WorkCalendar().add_days(date(2026, 1, 5), 90) == date(2026, 4, 7)


def test_a_period_ending_on_a_working_day_is_not_moved() -> None:
    assert WorkCalendar().add_days(date(2026, 3, 2), 7) == date(2026, 3, 9)


def test_adjusted_weekend_days_are_working_days() -> None:
    c = WorkCalendar()
    assert c.is_working(date(2026, 10, 10))  # Saturday, 调休
    assert not c.is_working(date(2026, 10, 5))  # Monday, National Day
    assert c.working_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 4


def test_local_overrides_win_over_the_national_calendar() -> None:
    assert cal(d2026_10_08=False).add_days(date(2026, 7, 3), 90) == date(2026, 10, 9)  # a local holiday
    assert cal(d2026_10_11=True).add_working_days(date(2026, 9, 25), 7) == date(
        2026, 10, 11
    )  # a Sunday worked


def test_years_the_calendar_does_not_know_count_weekends_only_and_are_reported() -> None:
    unknown = max(national_years()) + 1
    c = WorkCalendar()
    start = date(unknown, 1, 1)
    end = c.add_days(start, 1)
    assert end.weekday() < 5
    assert c.notes() == (unknown,)


def test_an_override_in_an_unknown_year_marks_the_year_as_loaded() -> None:
    unknown = max(national_years()) + 1
    c = WorkCalendar({date(unknown, 1, 1): False})
    c.add_days(date(unknown, 1, 4), 3)
    assert c.notes() == ()


def penalty(**kw) -> CaseFacts:  # type: ignore[no-untyped-def]
    base = {
        "id": 1,
        "case_no": "罚1",
        "agency_id": 1,
        "agency": "局",
        "category": "行政处罚",
        "procedure": "普通程序",
        "party_type": "法人",
        "party_id_number": None,
        "filed_on": date(2026, 7, 3),
        "officer_count": 2,
    }
    return CaseFacts(**{**base, **kw})


def by_kind(facts: CaseFacts, as_of: date, c: WorkCalendar | None = None) -> dict:
    return {d.kind: d for d in deadlines(facts, as_of, LIMITS, c or WorkCalendar())}


def test_decision_deadline_and_its_status_through_time() -> None:
    f = penalty()
    assert by_kind(f, date(2026, 9, 1))["decision"].status == "pending"
    assert by_kind(f, date(2026, 9, 23))["decision"].status == "approaching"  # 15 days before 10-08
    assert by_kind(f, date(2026, 9, 22))["decision"].status == "pending"
    assert by_kind(f, date(2026, 10, 8))["decision"].status == "approaching"  # due today: not yet late
    assert by_kind(f, date(2026, 10, 9))["decision"].status == "overdue"
    assert by_kind(penalty(decided_on=date(2026, 10, 8)), date(2026, 11, 1))["decision"].status == "met"
    assert by_kind(penalty(decided_on=date(2026, 10, 9)), date(2026, 11, 1))["decision"].status == "late"


def test_a_decision_after_the_as_of_date_has_not_happened_yet() -> None:
    f = penalty(decided_on=date(2026, 10, 20))
    assert by_kind(f, date(2026, 10, 1))["decision"].status == "approaching"
    assert "service" not in by_kind(f, date(2026, 10, 1))


def test_suspended_periods_extend_the_decision_deadline() -> None:
    # 10 days of 检测 push the raw end 10-01 to 10-11 (a Sunday) → 10-12.
    f = penalty(suspensions=(Suspension("检测", date(2026, 8, 1), date(2026, 8, 10)),))
    assert by_kind(f, date(2026, 9, 1))["decision"].due == date(2026, 10, 12)


def test_a_running_suspension_leaves_the_deadline_open() -> None:
    f = penalty(suspensions=(Suspension("鉴定", date(2026, 8, 1), None),))
    d = by_kind(f, date(2026, 12, 1))["decision"]
    assert d.due is None and d.status == "suspended"


def test_an_approved_extension_extends_the_decision() -> None:
    assert by_kind(penalty(decision_extension_days=30), date(2026, 9, 1))["decision"].due == date(2026, 11, 2)


def test_service_and_publicity_follow_the_decision() -> None:
    f = penalty(decided_on=date(2026, 9, 25))
    d = by_kind(f, date(2026, 11, 1))
    assert d["service"].due == date(2026, 10, 8)  # 10-02 in the holiday → 10-08
    assert d["publicity"].due == date(2026, 10, 12)


@pytest.mark.parametrize(("extended", "due"), [(False, date(2026, 6, 1)), (True, date(2026, 6, 30))])
def test_seizure_is_thirty_days_or_sixty_with_an_extension(extended: bool, due: date) -> None:
    # 05-01 + 30 = 05-31, a Sunday → 06-01; + 60 = 06-30, a Tuesday.
    f = penalty(
        category="行政强制",
        procedure=None,
        filed_on=date(2026, 5, 1),
        measures=("查封",),
        measure_on=date(2026, 5, 1),
        measure_extended=extended,
    )
    assert by_kind(f, date(2026, 5, 2))["seizure"].due == due


def test_seizure_testing_periods_are_excluded() -> None:
    f = penalty(
        category="行政强制",
        procedure=None,
        filed_on=date(2026, 5, 1),
        measures=("扣押",),
        measure_on=date(2026, 5, 1),
        suspensions=(
            Suspension("检测", date(2026, 5, 5), date(2026, 5, 9)),
            Suspension("听证", date(2026, 5, 10), date(2026, 5, 20)),
        ),
    )
    assert by_kind(f, date(2026, 5, 25))["seizure"].due == date(2026, 6, 5)  # 05-31 + 5 days of 检测


def test_other_measures_have_no_time_limit() -> None:
    f = penalty(category="行政强制", procedure=None, measures=("限制人身自由",), measure_on=date(2026, 7, 3))
    assert "seizure" not in by_kind(f, date(2026, 11, 1))


def test_from_october_the_next_years_holidays_are_needed_too() -> None:
    last = max(national_years())
    assert years_needed(date(last, 9, 30)) == (last,)
    assert years_needed(date(last, 10, 1)) == (last, last + 1)
    assert missing_years(date(last, 11, 23), []) == (last + 1,)
    assert missing_years(date(last, 11, 23), [last + 1]) == ()
    assert missing_years(date(last + 1, 3, 1), []) == (last + 1,)
    assert missing_years(date(last, 3, 1), []) == ()
