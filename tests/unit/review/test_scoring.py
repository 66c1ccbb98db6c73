"""The arithmetic of a score sheet (REFERENCE.md §1): deduction kinds, 扣完为止 per item, vetoes,
band edges, and two reviewers' sheets combined by weight."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.errors import ValidationError
from desktop.review.rubric import Rubric
from desktop.review.rubric_checks import parse_rubric
from desktop.review.scoring import (
    FinalScore,
    Taken,
    check_taken,
    combine,
    deduction_points,
    format_points,
    grade_for,
    score_sheet,
    taken_problem,
)

D = Decimal


def make_rubric(bands: list[tuple[str, int]] | None = None) -> Rubric:
    """100 points: 卷面 (4 + 1), 送达 (6), 事实 (89, with a wide range for the band edges)."""
    bands = bands or [("优秀", 90), ("合格", 60), ("不合格", 0)]
    return parse_rubric(
        {
            "code": "T-2",
            "name": "测试标准",
            "applies_to": ["行政处罚"],
            "total": 100,
            "bands": [{"name": n, "min": m} for n, m in bands],
            "vetoes": [
                {"code": "V1", "text": "实施主体不合法", "effect": "fail"},
                {"code": "V2", "text": "执法人员少于2人", "effect": "fail"},
                {"code": "E1", "text": "主要对外文书未加盖印章", "effect": "not_excellent"},
            ],
            "sections": _sections(),
        }
    )


def _sections() -> list[dict]:
    return [
        {
            "code": "1",
            "title": "卷面",
            "items": [
                {
                    "code": "1.1",
                    "title": "按文书规范填写",
                    "points": 4,
                    "deductions": [
                        {"code": "1.1.a", "text": "漏项", "kind": "per_occurrence", "points": 1},
                        {"code": "1.1.b", "text": "未使用规定格式", "kind": "fixed", "points": 2},
                    ],
                },
                {
                    "code": "1.2",
                    "title": "统一封面",
                    "points": 1,
                    "deductions": [{"code": "1.2.a", "text": "未使用统一封面", "kind": "fixed", "points": 1}],
                },
            ],
        },
        {
            "code": "2",
            "title": "送达",
            "items": [
                {
                    "code": "2.1",
                    "title": "送达",
                    "points": 6,
                    "deductions": [
                        {"code": "2.1.a", "text": "未在7日内送达", "kind": "full"},
                        {"code": "2.1.b", "text": "送达回证不规范", "kind": "range", "min": 0.5, "max": 3},
                    ],
                }
            ],
        },
        {
            "code": "3",
            "title": "事实",
            "items": [
                {
                    "code": "3.1",
                    "title": "事实与证据",
                    "points": 89,
                    "deductions": [
                        {"code": "3.1.a", "text": "事实认定瑕疵", "kind": "range", "min": 0.01, "max": 89},
                        {"code": "3.1.b", "text": "数额计算错误", "kind": "per_occurrence", "points": 1},
                    ],
                }
            ],
        },
    ]


RUBRIC = make_rubric()
FOUR_BANDS = make_rubric([("优秀", 90), ("良好", 80), ("合格", 60), ("不合格", 0)])


def item_deducted(sheet, code: str) -> Decimal:
    return next(i.deducted for i in sheet.items if i.code == code)


def facts(points: str) -> Taken:
    """A range deduction on the 89-point item, to put the total where a test needs it."""
    return Taken("3.1.a", points=D(points))


def test_a_clean_sheet_keeps_every_point() -> None:
    sheet = score_sheet(RUBRIC, [])
    assert (sheet.total, sheet.deducted, sheet.grade, sheet.vetoes) == (100, 0, "优秀", ())
    assert [(i.code, i.points, i.remaining) for i in sheet.items] == [
        ("1.1", 4, 4),
        ("1.2", 1, 1),
        ("2.1", 6, 6),
        ("3.1", 89, 89),
    ]
    assert not sheet.failed and not sheet.not_excellent


def test_fixed_deduction() -> None:
    sheet = score_sheet(RUBRIC, [Taken("1.1.b")])
    assert item_deducted(sheet, "1.1") == 2 and sheet.total == 98 and sheet.deducted == 2


def test_points_given_for_a_fixed_deduction_are_ignored() -> None:
    assert taken_problem(RUBRIC, Taken("1.1.b", points=D(99))) is None
    assert score_sheet(RUBRIC, [Taken("1.1.b", points=D(99))]).total == 98


def test_per_occurrence_counts_each_occurrence() -> None:
    sheet = score_sheet(RUBRIC, [Taken("1.1.a", count=3)])
    assert item_deducted(sheet, "1.1") == 3 and sheet.total == 97


def test_per_occurrence_stops_at_the_items_points() -> None:
    item, deduction = RUBRIC.deduction("1.1.a")  # type: ignore[misc]
    assert deduction_points(item, deduction, Taken("1.1.a", count=6)) == 6
    sheet = score_sheet(RUBRIC, [Taken("1.1.a", count=6)])
    assert item_deducted(sheet, "1.1") == 4 and sheet.total == 96
    assert next(i.remaining for i in sheet.items if i.code == "1.1") == 0


def test_two_deductions_on_one_item_are_capped_together() -> None:
    sheet = score_sheet(RUBRIC, [Taken("1.1.a", count=3), Taken("1.1.b")])
    assert item_deducted(sheet, "1.1") == 4 and sheet.total == 96


def test_range_inside_its_bounds() -> None:
    sheet = score_sheet(RUBRIC, [Taken("2.1.b", points=D("2.5"))])
    assert item_deducted(sheet, "2.1") == D("2.5") and sheet.total == D("97.5")
    assert str(sheet.total) == "97.5"
    assert score_sheet(RUBRIC, [Taken("2.1.b", points=D("0.5"))]).total == D("99.5")
    assert score_sheet(RUBRIC, [Taken("2.1.b", points=D(3))]).total == 97


@pytest.mark.parametrize(
    ("points", "words"),
    [
        (D("3.5"), "2.1.b: 3.5 points is outside the range 0.5 to 3."),
        (D("0.25"), "outside the range 0.5 to 3"),
        (None, "2.1.b: choose the points to deduct, from 0.5 to 3."),
        (D("1.005"), "2.1.b: 1.005 has more than two decimals."),
    ],
)
def test_range_outside_its_bounds_or_missing_is_refused(points, words) -> None:
    taken = Taken("2.1.b", points=points)
    assert words in (taken_problem(RUBRIC, taken) or "")
    with pytest.raises(ValidationError) as caught:
        score_sheet(RUBRIC, [taken])
    assert caught.value.field == "points"


def test_full_deduction_takes_the_item() -> None:
    sheet = score_sheet(RUBRIC, [Taken("2.1.a")])
    assert item_deducted(sheet, "2.1") == 6 and sheet.total == 94


def test_an_item_never_goes_below_zero() -> None:
    sheet = score_sheet(RUBRIC, [Taken("2.1.a"), Taken("2.1.b", points=D(3))])
    assert item_deducted(sheet, "2.1") == 6 and sheet.total == 94
    everything = score_sheet(
        RUBRIC,
        [
            Taken("1.1.a", count=9),
            Taken("1.1.b"),
            Taken("1.2.a"),
            Taken("2.1.a"),
            facts("89"),
            Taken("3.1.b", count=5),
        ],
    )
    assert everything.total == 0 and everything.deducted == 100
    assert all(i.remaining == 0 for i in everything.items)


def test_unknown_codes_bad_counts_and_repeats_are_refused() -> None:
    assert (
        taken_problem(RUBRIC, Taken("9.9.z"))
        == "9.9.z is neither a deduction nor a veto of the standard T-2."
    )
    assert "at least 1, not 0" in (taken_problem(RUBRIC, Taken("1.1.a", count=0)) or "")
    with pytest.raises(ValidationError) as caught:
        check_taken(RUBRIC, Taken("1.1.a", count=0))
    assert caught.value.field == "count"
    with pytest.raises(ValidationError) as caught:
        score_sheet(RUBRIC, [Taken("9.9.z")])
    assert caught.value.field == "code"
    with pytest.raises(ValidationError, match="taken twice"):
        score_sheet(RUBRIC, [Taken("1.1.b"), Taken("1.1.b")])
    check_taken(RUBRIC, Taken("V1"))


def test_a_fail_veto_shows_the_total_but_grades_the_file_unqualified() -> None:
    sheet = score_sheet(RUBRIC, [Taken("1.1.b"), Taken("V1")])
    assert sheet.total == 98 and sheet.failed and sheet.grade == "不合格" and sheet.vetoes == ("V1",)


def test_not_excellent_caps_the_top_band() -> None:
    sheet = score_sheet(RUBRIC, [Taken("E1")])
    assert sheet.total == 100 and sheet.not_excellent and sheet.grade == "合格"
    assert score_sheet(RUBRIC, [Taken("E1"), facts("30")]).grade == "合格"
    assert score_sheet(RUBRIC, [Taken("E1"), facts("50")]).grade == "不合格"


def test_not_excellent_in_four_bands_gives_the_second_band() -> None:
    assert score_sheet(FOUR_BANDS, [Taken("E1")]).grade == "良好"
    assert score_sheet(FOUR_BANDS, [Taken("E1"), facts("15")]).grade == "良好"
    assert score_sheet(FOUR_BANDS, [Taken("E1"), facts("25")]).grade == "合格"
    assert score_sheet(FOUR_BANDS, [facts("15")]).grade == "良好"
    assert score_sheet(FOUR_BANDS, [Taken("E1"), Taken("V2")]).grade == "不合格"


@pytest.mark.parametrize(
    ("deducted", "total", "grade"),
    [
        ("10", "90", "优秀"),
        ("10.01", "89.99", "合格"),
        ("40", "60", "合格"),
        ("40.5", "59.5", "不合格"),
    ],
)
def test_band_edges(deducted: str, total: str, grade: str) -> None:
    sheet = score_sheet(RUBRIC, [facts(deducted)])
    assert sheet.total == D(total) and sheet.grade == grade
    assert grade_for(RUBRIC, D(total), False, False) == grade


def test_grade_for_follows_the_vetoes() -> None:
    assert grade_for(RUBRIC, D(100), True, False) == "不合格"
    assert grade_for(RUBRIC, D(95), False, True) == "合格"
    assert grade_for(FOUR_BANDS, D(85), False, False) == "良好"
    assert grade_for(FOUR_BANDS, D(0), False, False) == "不合格"


def test_combine_fifty_fifty_rounds_half_up() -> None:
    first = score_sheet(RUBRIC, [facts("12.75")])
    second = score_sheet(RUBRIC, [facts("9.52")])
    assert (first.total, second.total) == (D("87.25"), D("90.48"))
    final = combine(RUBRIC, [(first, 50), (second, 50)])
    assert final == FinalScore(total=D("88.87"), grade="合格", failed=False, not_excellent=False, vetoes=())
    assert format_points(final.total) == "88.87"


def test_combine_sixty_forty() -> None:
    first = score_sheet(RUBRIC, [facts("5")])
    second = score_sheet(RUBRIC, [facts("15")])
    final = combine(RUBRIC, [(first, 60), (second, 40)])
    assert final.total == 91 and final.grade == "优秀" and format_points(final.total) == "91"
    final = combine(RUBRIC, [(score_sheet(RUBRIC, [facts("12.5")]), 60), (second, 40)])
    assert final.total == D("86.5") and str(final.total) == "86.5"


def test_combine_seventy_thirty_rounds_to_the_cent() -> None:
    first = score_sheet(RUBRIC, [facts("9.99")])  # 90.01
    second = score_sheet(RUBRIC, [facts("19.94")])  # 80.06 → 63.007 + 24.018 = 87.025
    assert combine(RUBRIC, [(first, 70), (second, 30)]).total == D("87.03")


def test_one_sheet_at_full_weight_is_that_sheet() -> None:
    sheet = score_sheet(RUBRIC, [facts("7.5"), Taken("E1")])
    final = combine(RUBRIC, [(sheet, 100)])
    assert (final.total, final.grade, final.vetoes) == (sheet.total, sheet.grade, sheet.vetoes)
    assert final.not_excellent and not final.failed


def test_a_veto_taken_by_either_reviewer_applies() -> None:
    first = score_sheet(RUBRIC, [Taken("E1")])
    second = score_sheet(RUBRIC, [Taken("V2"), facts("4")])
    final = combine(RUBRIC, [(first, 50), (second, 50)])
    assert final.vetoes == ("V2", "E1") and final.failed and final.not_excellent
    assert final.total == 98 and final.grade == "不合格"
    only_one = combine(RUBRIC, [(first, 50), (score_sheet(RUBRIC, []), 50)])
    assert only_one.total == 100 and only_one.vetoes == ("E1",) and only_one.grade == "合格"


def test_combine_refuses_no_sheets_and_bad_weights() -> None:
    sheet = score_sheet(RUBRIC, [])
    with pytest.raises(ValidationError):
        combine(RUBRIC, [])
    with pytest.raises(ValidationError):
        combine(RUBRIC, [(sheet, -10), (sheet, 110)])
    with pytest.raises(ValidationError):
        combine(RUBRIC, [(sheet, 0)])


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("87.50"), "87.5"),
        (D("90.00"), "90"),
        (D("0.25"), "0.25"),
        (D("1E+2"), "100"),
        (D("-0"), "0"),
        (D(0), "0"),
        (90, "90"),
        (0.5, "0.5"),
        (None, ""),
    ],
)
def test_format_points(value, text: str) -> None:
    assert format_points(value) == text
