"""The checks the set editor runs as the user types: the shipped set passes; weights not adding up
to 100, equal or out-of-range thresholds, a missing name or measure, bad points per occurrence
and caps are each named with their row and field."""

from __future__ import annotations

from decimal import Decimal

from desktop.reports.indicators import default_set, set_document
from desktop.reports.set_checks import check_set, weight_sum


def problems(doc):  # type: ignore[no-untyped-def]
    return [(p.row, p.field) for p in check_set(doc)]


def test_the_shipped_set_passes() -> None:
    doc = set_document(default_set())
    assert check_set(doc) == [] and weight_sum(doc) == Decimal(100)


def test_each_problem_names_its_row_and_field() -> None:
    doc = set_document(default_set())
    rows = doc["indicators"]
    rows[0]["weight"] = "7"  # 101 in all
    assert problems(doc) == [(0, "weight")]
    assert check_set(doc)[0].text == "The weights add up to 101, not 100"
    rows[0]["weight"] = "x"
    assert (1, "weight") in problems(doc) and weight_sum(doc) == Decimal(94)
    rows[0]["weight"] = "6"
    rows[1]["high"] = "60"  # equal to its low threshold
    rows[2]["low"] = "120"  # a rate beyond 100
    rows[3]["per"] = "0"  # overdue_count: points per occurrence
    rows[3]["cap"] = "9"  # above its weight of 6
    rows[4]["name"] = " "
    rows[5]["measure"] = "no_such_measure"
    rows[6]["name"] = rows[7]["name"]
    found = problems(doc)
    assert (2, "high") in found and (3, "high") in found
    assert (4, "per") in found and (4, "cap") in found
    assert (5, "name") in found and (6, "measure") in found and (8, "name") in found
    assert "Row 2: the two thresholds are equal" in [p.text for p in check_set(doc)]


def test_an_empty_set() -> None:
    assert problems({"name": "", "indicators": []}) == [(0, "name"), (0, "indicators")]
