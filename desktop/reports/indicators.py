"""Indicator sets: the shipped default (REFERENCE §6's example weights), a set read from or
written to JSON, its fingerprint, and the scoring rules (linear between two thresholds, or points
per occurrence, capped)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.dto import Indicator, IndicatorSet, Measured
from desktop.reports.measures import MEASURE_KINDS, MEASURES

D = Decimal
CENT = Decimal("0.01")

DEFAULT_SET_NAME = "default"

DEFAULT_INDICATORS = (
    # 培训和证件 12
    Indicator("cert_rate", "持证率", "certified_officers", D(6), "培训和证件", low=D(80), high=D(100)),
    Indicator(
        "training_rate", "人均培训学时达标率", "training_hours", D(6), "培训和证件", low=D(60), high=D(100)
    ),
    # 案件办理 15
    Indicator("in_time_rate", "案件按期办结率", "decided_in_time", D(9), "案件办理", low=D(60), high=D(100)),
    Indicator(
        "overdue_count",
        "超期案件数",
        "overdue_cases",
        D(6),
        "案件办理",
        rule="per_occurrence",
        per=D(1),
        cap=D(6),
    ),
    # 罚没财物 9
    Indicator("fines_rate", "罚没执行率", "fines_executed", D(9), "罚没财物", low=D(50), high=D(100)),
    # 文书案卷 9
    Indicator("publicity_rate", "公示及时率", "published_in_time", D(5), "文书案卷", low=D(60), high=D(100)),
    Indicator(
        "footage_rate", "执法记录仪音像归档率", "footage_archived", D(4), "文书案卷", low=D(60), high=D(100)
    ),
    # 办案质量 25
    Indicator("review_average", "案卷评查平均分", "review_average", D(8), "办案质量", low=D(60), high=D(95)),
    Indicator("review_pass", "案卷评查合格率", "review_pass", D(6), "办案质量", low=D(60), high=D(100)),
    Indicator(
        "review_excellent", "案卷评查优秀率", "review_excellent", D(3), "办案质量", low=D(0), high=D(50)
    ),
    Indicator(
        "legal_review_rate",
        "法制审核覆盖率",
        "legal_review_coverage",
        D(8),
        "办案质量",
        low=D(80),
        high=D(100),
    ),
    # 执法监督 (the rest of the 100)
    Indicator(
        "warning_rate",
        "预警处置及时率",
        "warnings_handled_in_time",
        D(20),
        "执法监督",
        low=D(50),
        high=D(100),
    ),
    Indicator(
        "reconsideration_rate",
        "复议纠错率",
        "reconsideration_corrected",
        D(5),
        "执法监督",
        low=D(20),
        high=D(0),
    ),
    Indicator("litigation_rate", "诉讼败诉率", "litigation_lost", D(5), "执法监督", low=D(20), high=D(0)),
)


def default_set() -> IndicatorSet:
    """The shipped set, version 1."""
    return fingerprinted(IndicatorSet(DEFAULT_SET_NAME, 1, DEFAULT_INDICATORS))


def set_document(s: IndicatorSet) -> dict[str, Any]:
    """The set as JSON (decimals as strings, so the document hashes the same everywhere)."""
    return {
        "name": s.name,
        "version": s.version,
        "indicators": [
            {
                "key": i.key,
                "name": i.name,
                "measure": i.measure,
                "weight": str(i.weight),
                "group": i.group,
                "rule": i.rule,
                "low": str(i.low),
                "high": str(i.high),
                "per": str(i.per),
                "cap": str(i.cap),
            }
            for i in s.indicators
        ],
    }


def fingerprinted(s: IndicatorSet) -> IndicatorSet:
    body = set_document(replace(s, version=0))
    digest = hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return replace(s, sha256=digest)


def read_set(document: dict[str, Any], version: int = 1) -> IndicatorSet:
    """A set from its JSON document; refuses unknown measures, rules and bad numbers."""
    try:
        items = []
        for raw in document["indicators"]:
            ind = Indicator(
                str(raw["key"]),
                str(raw["name"]),
                str(raw["measure"]),
                D(str(raw["weight"])),
                str(raw.get("group", "")),
                str(raw.get("rule", "linear")),
                D(str(raw.get("low", 0))),
                D(str(raw.get("high", 100))),
                D(str(raw.get("per", 0))),
                D(str(raw.get("cap", 0))),
            )
            items.append(ind)
        name = str(document["name"]).strip()
    except (KeyError, TypeError, ArithmeticError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Not an indicator set: {reason}"), field="set", reason=str(exc)
        ) from exc
    for ind in items:
        if ind.measure not in MEASURES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown measure: {measure}"),
                field="measure",
                measure=ind.measure,
            )
        if ind.rule not in ("linear", "per_occurrence") or ind.weight < 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown scoring rule: {rule}"), field="rule", rule=ind.rule
            )
        if ind.rule == "linear" and ind.low == ind.high:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The two thresholds of {name} are equal"),
                field="low",
                name=ind.name,
            )
    if not name or not items or len({i.key for i in items}) != len(items):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An indicator set needs a name and distinct keys"), field="set"
        )
    return fingerprinted(IndicatorSet(name, version, tuple(items)))


def value_of(ind: Indicator, m: Measured) -> Decimal | None:
    """The indicator's value: a percentage, an average or a count (None: nothing to count)."""
    kind = MEASURE_KINDS[ind.measure]
    if kind == "count":
        return m.numerator
    if not m.denominator:
        return None
    if kind == "average":
        return (m.numerator / m.denominator).quantize(CENT, ROUND_HALF_UP)
    return (m.numerator * 100 / m.denominator).quantize(CENT, ROUND_HALF_UP)


def score_of(ind: Indicator, value: Decimal) -> Decimal:
    """The score for a value under the indicator's rule, between 0 and its weight."""
    if ind.rule == "per_occurrence":
        off = min(ind.cap, ind.per * value) if ind.cap else ind.per * value
        return max(Decimal(0), ind.weight - off).quantize(CENT, ROUND_HALF_UP)
    share = (value - ind.low) / (ind.high - ind.low)
    share = min(Decimal(1), max(Decimal(0), share))
    return (ind.weight * share).quantize(CENT, ROUND_HALF_UP)
