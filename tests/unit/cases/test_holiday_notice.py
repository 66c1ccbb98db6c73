"""The State Council's holiday notice read into rest days and worked weekend days: the real
notices of 2025 and 2026 against the ``chinese-calendar`` package day by day, and the phrasings
and mistakes a pasted text brings."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cases.holiday_notice import normalized, parse_notice
from desktop.core.errors import ValidationError
from tests.helpers.holiday_notices import NOTICE_2024, NOTICE_2025, NOTICE_2026, NOTICE_2027, package_days


@pytest.mark.parametrize(("year", "text"), [(2024, NOTICE_2024), (2025, NOTICE_2025), (2026, NOTICE_2026)])
def test_the_real_notices_give_the_packages_days_day_by_day(year: int, text: str) -> None:
    notice = parse_notice(text)
    holidays, workdays = package_days(year)
    assert notice.year == year
    assert list(notice.rest_days) == holidays
    assert list(notice.work_days) == workdays


def test_the_2026_notice_item_by_item() -> None:
    notice = parse_notice(NOTICE_2026)
    by_name = {h.name: h for h in notice.holidays}
    assert list(by_name) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
    assert by_name["元旦"].rest_days == (date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3))
    assert by_name["元旦"].work_days == (date(2026, 1, 4),)
    assert len(by_name["春节"].rest_days) == 9  # 2月15日 至 23日, across 农历 remarks
    assert by_name["春节"].work_days == (date(2026, 2, 14), date(2026, 2, 28))


def test_the_json_shape_is_cli_mds() -> None:
    shape = parse_notice(NOTICE_2027).as_json()
    assert set(shape) == {"year", "rest_days", "work_days"}
    assert shape["year"] == 2027
    assert shape["work_days"] == ["2027-01-31", "2027-02-20", "2027-09-26", "2027-10-09"]
    assert shape["rest_days"][:3] == ["2027-01-01", "2027-01-02", "2027-01-03"]


def test_a_range_across_months_and_a_single_day() -> None:
    notice = parse_notice(
        "关于2026年部分节假日安排的通知\n劳动节：4月30日至5月5日放假。国庆节：10月1日放假。"
    )
    assert notice.rest_days == (
        *(date(2026, 4, 30) + (date(2026, 5, 1) - date(2026, 4, 30)) * n for n in range(6)),
        date(2026, 10, 1),
    )


def test_full_width_digits_and_ascii_punctuation_read_alike() -> None:
    wide = "国务院办公厅关于２０２６年部分节假日安排的通知\n元旦：１月１日（周四）至３日（周六）放假调休，共３天。１月４日（周日）上班。"
    ascii_ = "关于2026年部分节假日安排 元旦:1月1日(周四)-3日(周六)放假调休,共3天;1月4日(周日)上班"
    assert parse_notice(wide).as_json() == parse_notice(ascii_).as_json()
    assert parse_notice(wide).work_days == (date(2026, 1, 4),)


def test_explicit_years_across_new_year_and_a_year_from_the_dates() -> None:
    notice = parse_notice("元旦：2022年12月31日至2023年1月2日放假调休，共3天。")
    assert notice.year == 2023  # most days off fall in 2023
    assert notice.rest_days == (date(2022, 12, 31), date(2023, 1, 1), date(2023, 1, 2))


def test_a_date_in_a_remark_is_not_a_day_off() -> None:
    text = "关于2024年部分节假日安排的通知\n春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位安排职工在除夕（2月9日）休息。"
    notice = parse_notice(text)
    assert date(2024, 2, 9) not in notice.rest_days
    assert notice.work_days == (date(2024, 2, 4), date(2024, 2, 18))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("元旦：1月1日至3日放假", "names no year"),
        ("关于2026年部分节假日安排的通知\n各部门：请做好值班。", "No holiday found"),
        ("关于2026年部分节假日安排的通知\n元旦：1月1日（周五）放假", "周四"),
        ("关于2026年部分节假日安排的通知\n春节：2月30日放假", "2月30日"),
        ("关于2026年部分节假日安排的通知\n元旦：1月1日放假。1月5日上班。", "weekday"),
        ("关于2026年部分节假日安排的通知\n元旦：1月3日放假。1月3日上班。", "both"),
        ("关于2026年部分节假日安排的通知\n元旦：3日至1日放假。", "without its month"),
        ("关于2026年部分节假日安排的通知\n元旦：1月3日至1月1日放假。", "before it starts"),
        ("关于2026年部分节假日安排的通知" + "。" * 30_000, "longer than"),
    ],
)
def test_what_cannot_be_read_is_refused_with_a_reason(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_notice(text)
    assert words in caught.value.english()


def test_normalized_removes_blanks_and_widens_nothing() -> None:
    assert normalized("１月　１日（周四）\r\n") == "1月1日(周四)\n"
