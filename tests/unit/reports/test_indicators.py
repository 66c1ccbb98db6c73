"""Scoring rules and indicator sets without a store: linear between thresholds (both directions),
points per occurrence capped, values of rates, averages and counts, the default set's weights,
and a set read back from its JSON document with the same fingerprint."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.errors import ValidationError
from desktop.reports.dto import Indicator, Measured
from desktop.reports.indicators import default_set, read_set, score_of, set_document, value_of

D = Decimal


def test_linear_between_two_thresholds() -> None:
    ind = Indicator("x", "x", "decided_in_time", D(10), low=D(60), high=D(100))
    assert [score_of(ind, D(v)) for v in (50, 60, 80, 100, 120)] == [D(0), D(0), D(5), D(10), D(10)]
    less_is_better = Indicator("y", "y", "litigation_lost", D(5), low=D(20), high=D(0))
    assert [score_of(less_is_better, D(v)) for v in (0, 10, 30)] == [D(5), D("2.50"), D(0)]


def test_points_per_occurrence_capped() -> None:
    ind = Indicator("o", "o", "overdue_cases", D(6), rule="per_occurrence", per=D(2), cap=D(5))
    assert [score_of(ind, D(n)) for n in (0, 1, 2, 3, 10)] == [D(6), D(4), D(2), D(1), D(1)]


def test_values_of_rates_averages_and_counts() -> None:
    rate = Indicator("r", "r", "decided_in_time", D(1))
    assert value_of(rate, Measured(D(2), 3)) == D("66.67")
    assert value_of(rate, Measured(D(0), 0)) is None
    avg = Indicator("a", "a", "review_average", D(1))
    assert value_of(avg, Measured(D("271.5"), 3)) == D("90.50")
    count = Indicator("c", "c", "overdue_cases", D(1), rule="per_occurrence")
    assert value_of(count, Measured(D(4), None)) == D(4)


def test_the_default_set_weighs_100_and_reads_back() -> None:
    s = default_set()
    assert sum(i.weight for i in s.indicators) == 100
    assert {i.name for i in s.indicators} >= {
        "持证率",
        "案件按期办结率",
        "公示及时率",
        "法制审核覆盖率",
        "预警处置及时率",
    }
    again = read_set(set_document(s))
    assert again.indicators == s.indicators and again.sha256 == s.sha256
    doc = set_document(s)
    doc["indicators"][0]["low"] = doc["indicators"][0]["high"]
    with pytest.raises(ValidationError):
        read_set(doc)
