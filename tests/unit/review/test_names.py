"""When two campaign names are close: the same without spaces and punctuation, one containing the
other, or a few edits apart (fewer for short names)."""

from __future__ import annotations

import pytest

from desktop.review.names import edit_distance, is_close, normalized, similar_names


def test_names_are_compared_without_spaces_punctuation_and_case() -> None:
    assert normalized(" 2025 年度·行政处罚（案卷）评查。") == "2025年度行政处罚案卷评查"
    assert normalized("ＡＢＣ-Review 2025") == "abcreview2025"


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("2025年度行政处罚案卷评查", "2025 年度行政处罚案卷评查", True),  # spaces
        ("2025年度行政处罚案卷评查", "2025年度行政处罚案卷评查（补充）", True),  # contains
        ("2025年度行政处罚案卷评查", "2026年度行政处罚案卷评查", True),  # one edit
        ("2025年度行政处罚案卷评查", "2025年行政处罚评查", False),  # three edits
        ("交通运输专项评查", "市场监管专项评查", False),
        ("甲", "乙", False),  # short names: only the same
        ("甲乙丙", "甲乙丁", True),  # three characters: one edit
        ("甲乙丙", "甲丁戊", False),
        ("评查", "2025年度评查", True),  # contained, two characters
        ("——", "……", False),  # nothing to compare
    ],
)
def test_the_rule(a: str, b: str, close: bool) -> None:
    assert is_close(a, b) is close and is_close(b, a) is close


def test_edit_distance_stops_at_its_limit() -> None:
    assert edit_distance("kitten", "sitting", limit=5) == 3
    assert edit_distance("kitten", "sitting", limit=2) == 3  # above the limit: limit + 1
    assert edit_distance("abc", "abcdefgh") == 3


def test_the_same_name_is_not_a_warning_it_is_refused_elsewhere() -> None:
    existing = ["2025年度行政处罚案卷评查", "2024年度评查", "其他"]
    assert similar_names("2025年度行政处罚案卷评查", existing) == ()
    assert similar_names("2025年度行政处罚案卷评查 ", existing) == ()
    assert similar_names("2025年度行政处罚案卷评查。", existing) == ("2025年度行政处罚案卷评查",)
    assert similar_names("  ", existing) == ()
