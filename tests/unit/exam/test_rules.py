"""The exam's pure rules: aliases of §3 and §8, what makes a question acceptable, printed and
bank letters, points earned (partial credit, blanks, letter order)."""

from __future__ import annotations

import pytest

from desktop.exam import rules


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("正确", "正确"),
        ("对", "正确"),
        ("√", "正确"),
        ("T", "正确"),
        ("t", "正确"),
        (True, "正确"),
        ("错误", "错误"),
        ("错", "错误"),
        ("×", "错误"),
        ("F", "错误"),
        (False, "错误"),
        (None, None),
        ("  ", None),
    ],
)
def test_every_alias_of_true_and_false(cell: object, value: str | None) -> None:
    assert rules.judge_value(cell) == value


def test_letters_in_any_order_and_with_separators() -> None:
    assert rules.letters_value("CA") == "AC"
    assert rules.letters_value("A,C,D") == "ACD"
    assert rules.letters_value("a、c") == "AC"
    assert rules.letters_value("AA") == "A"
    assert rules.letters_value("") is None
    with pytest.raises(ValueError):
        rules.letters_value("AZ")


def test_question_rules() -> None:
    ok = rules.question_problems(rules.SINGLE, "题干", ["甲", "乙"], "B", "行政处罚法")
    assert ok == []
    assert {p.field for p in rules.question_problems(rules.SINGLE, "题干", ["甲", "乙"], "AB", "c")} == {
        "answer"
    }
    assert {p.field for p in rules.question_problems(rules.MULTI, "题干", ["甲", "乙"], "AB", "c")} == {
        "options"
    }
    assert {p.field for p in rules.question_problems(rules.MULTI, "题干", ["甲", "乙", "丙"], "A", "c")} == {
        "answer"
    }
    gap = rules.question_problems(rules.SINGLE, "题干", ["甲", "", "丙"], "A", "c")
    assert [p.field for p in gap] == ["optionB"]
    empty = rules.question_problems(rules.SINGLE, "题干", ["甲", "乙"], "D", "c")
    assert [p.field for p in empty] == ["answer"]
    judge = rules.question_problems(rules.JUDGE, "题干", ["甲"], "正确", "c")
    assert [p.field for p in judge] == ["options"]
    assert {p.field for p in rules.question_problems(None, None, [], None, None)} == {
        "type",
        "stem",
        "category",
    }


def test_the_same_question_has_the_same_fingerprint_whatever_its_spaces() -> None:
    assert rules.fingerprint("行政 处罚", ["甲 ", "乙"]) == rules.fingerprint("行政处罚", ["甲", "乙"])
    assert rules.fingerprint("行政处罚", ["甲", "乙"]) != rules.fingerprint("行政处罚", ["乙", "甲"])


def test_a_key_maps_back_to_the_bank_through_the_printed_order() -> None:
    order = "CADB"  # printed A is the bank's C, printed B the bank's A …
    assert rules.printed_key(rules.SINGLE, "C", order) == "A"
    assert rules.printed_key(rules.MULTI, "ACD", order) == "ABC"
    assert rules.to_bank(rules.MULTI, "ABC", order) == "ACD"
    for bank in ("A", "B", "C", "D", "AB", "BD", "ABCD"):
        assert rules.to_bank(rules.MULTI, rules.printed_key(rules.MULTI, bank, order), order) == bank
    assert rules.printed_key(rules.JUDGE, "正确", "") == "正确"


def test_points_earned() -> None:
    assert rules.earned(rules.SINGLE, "B", "B", 1) == 1
    assert rules.earned(rules.SINGLE, "B", "A", 1) == 0
    assert rules.earned(rules.SINGLE, "B", None, 1) == 0
    assert rules.earned(rules.MULTI, "ACD", "ACD", 2, 0.5) == 2
    assert rules.earned(rules.MULTI, "ACD", "AC", 2, 0.5) == 1  # a subset, no wrong letter
    assert rules.earned(rules.MULTI, "ACD", "AB", 2, 0.5) == 0  # a wrong letter earns nothing
    assert rules.earned(rules.MULTI, "ACD", "AC", 2) == 0  # all or nothing by default
    assert rules.earned(rules.JUDGE, "错误", "错误", 1) == 1
