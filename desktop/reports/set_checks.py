"""The checks an indicator set's editor runs as the user types (pure, no store): a name, names and
measures for every indicator, weights that are numbers and sum to 100, linear thresholds that
differ and lie within what the measure can reach, points per occurrence above zero and a cap not
below zero. Each problem names the row (1-based, 0 for the set) and the field."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.reports.measures import MEASURE_KINDS, MEASURES

FULL_WEIGHT = Decimal(100)
"""The weights of a set add up to this (REFERENCE §6: a score out of 100)."""


@dataclass(frozen=True)
class SetProblem:
    """One thing to fix: the indicator's row (1-based; 0: the set), the field and what is wrong."""

    row: int
    field: str
    text: str


def _number(value: Any) -> Decimal | None:
    try:
        d = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def _say(text: str, **values: Any) -> str:
    return translate("reports", text).format(**values)


def weight_sum(document: dict[str, Any]) -> Decimal:
    """The weights that are numbers, added."""
    found = (_number(raw.get("weight")) for raw in document.get("indicators", []))
    return sum((w for w in found if w is not None), Decimal(0))


def check_set(document: dict[str, Any]) -> list[SetProblem]:
    """Every problem of an indicator set's JSON document (empty: it may be saved)."""
    out: list[SetProblem] = []
    if not str(document.get("name", "")).strip():
        out.append(SetProblem(0, "name", _say(QT_TRANSLATE_NOOP("reports", "The set needs a name"))))
    items = list(document.get("indicators", []))
    if not items:
        out.append(SetProblem(0, "indicators", _say(QT_TRANSLATE_NOOP("reports", "Add an indicator"))))
    for n, raw in enumerate(items, start=1):
        out += _check_indicator(n, raw)
    names = [str(raw.get("name", "")).strip() for raw in items]
    for n, name in enumerate(names, start=1):
        if name and names.index(name) != n - 1:
            out.append(
                SetProblem(
                    n,
                    "name",
                    _say(QT_TRANSLATE_NOOP("reports", "Row {row}: {name} is listed twice"), row=n, name=name),
                )
            )
    total = weight_sum(document)
    if items and total != FULL_WEIGHT:
        out.append(
            SetProblem(
                0,
                "weight",
                _say(
                    QT_TRANSLATE_NOOP("reports", "The weights add up to {total}, not 100"),
                    total=format(total.normalize(), "f"),
                ),
            )
        )
    return out


def _check_indicator(n: int, raw: dict[str, Any]) -> list[SetProblem]:
    out: list[SetProblem] = []

    def problem(field: str, text: str, **values: Any) -> None:
        out.append(SetProblem(n, field, _say(text, row=n, **values)))

    if not str(raw.get("name", "")).strip():
        problem("name", QT_TRANSLATE_NOOP("reports", "Row {row}: the indicator needs a name"))
    measure = str(raw.get("measure", ""))
    if measure not in MEASURES:
        problem("measure", QT_TRANSLATE_NOOP("reports", "Row {row}: choose a measure"))
    weight = _number(raw.get("weight"))
    if weight is None or weight <= 0:
        problem("weight", QT_TRANSLATE_NOOP("reports", "Row {row}: the weight must be a number above 0"))
    rule = str(raw.get("rule", "linear"))
    if rule == "per_occurrence":
        per, cap = _number(raw.get("per", 0)), _number(raw.get("cap", 0))
        if per is None or per <= 0:
            problem(
                "per", QT_TRANSLATE_NOOP("reports", "Row {row}: the points per occurrence must be above 0")
            )
        if cap is None or cap < 0:
            problem("cap", QT_TRANSLATE_NOOP("reports", "Row {row}: the cap must be 0 (none) or more"))
        elif weight is not None and cap > weight:
            problem("cap", QT_TRANSLATE_NOOP("reports", "Row {row}: the cap is above the weight"))
        return out
    if rule != "linear":
        problem("rule", QT_TRANSLATE_NOOP("reports", "Row {row}: choose a scoring rule"))
        return out
    low, high = _number(raw.get("low", 0)), _number(raw.get("high", 100))
    if low is None or high is None:
        problem("low", QT_TRANSLATE_NOOP("reports", "Row {row}: both thresholds must be numbers"))
        return out
    if low == high:
        problem("high", QT_TRANSLATE_NOOP("reports", "Row {row}: the two thresholds are equal"))
    kind = MEASURE_KINDS.get(measure, "rate")
    if kind == "rate" and not (0 <= low <= 100 and 0 <= high <= 100):
        problem("high", QT_TRANSLATE_NOOP("reports", "Row {row}: a rate's thresholds lie between 0 and 100"))
    elif low < 0 or high < 0:
        problem("high", QT_TRANSLATE_NOOP("reports", "Row {row}: the thresholds cannot be below 0"))
    return out
