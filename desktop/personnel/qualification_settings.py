"""The settings of certificates and training every workstation shares (stored as ``certs.*``):
validity, annual review, warning lead times, the training target and the 申领 gate, the 证号
pattern; read by every service, changed (permission checked, audited, version-checked) on the
执法资格 › 设置 tab."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.models import StoreSetting

_PREFIX = "certs."


@dataclass(frozen=True)
class QualificationSettings:
    """Defaults from REFERENCE §4 (each configurable)."""

    validity_years: int = 5
    review_months: int = 12
    expiry_lead_days: int = 60
    review_lead_days: int = 60
    training_target: int = 60
    training_gate: int = 60
    """The year's training hours an officer needs before applying for a certificate (申领)."""
    training_short_from: str = "07-01"
    """From this month-day of a year on, an officer below the target is warned (``training_short``)."""
    number_template: str = "{region:6}{year:4}{seq:5}"
    region: str = "000000"


def load_settings(session: Session) -> QualificationSettings:
    """The stored settings, defaults where none is stored."""
    stored = dict(
        session.execute(
            select(StoreSetting.key, StoreSetting.value).where(StoreSetting.key.like(_PREFIX + "%"))
        ).all()
    )
    values: dict[str, object] = {}
    for f in fields(QualificationSettings):
        raw = stored.get(_PREFIX + f.name)
        if raw is not None:
            values[f.name] = int(raw) if f.type in ("int", int) else raw
    return QualificationSettings(**values)  # type: ignore[arg-type]


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months (the last day of a shorter month when the day does not exist)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry_for(issued_on: date, years: int) -> date:
    """The last valid day of a certificate issued on ``issued_on`` for ``years`` years."""
    return date.fromordinal(add_months(issued_on, 12 * years).toordinal() - 1)


_FIELD = re.compile(r"\{(region|year|seq)(?::(\d+))?\}")


def format_number(template: str, region: str, year: int, seq: int) -> str:
    """A 证号 from the pattern: ``{region:6}`` the region code, ``{year:4}``, ``{seq:5}`` the
    running number zero-padded; any other text is copied."""
    values = {"region": region, "year": str(year), "seq": str(seq)}

    def one(m: re.Match[str]) -> str:
        text = values[m.group(1)]
        width = int(m.group(2) or 0)
        if m.group(1) == "region":
            return text[:width].ljust(width, "0") if width else text
        return text.zfill(width) if width else text

    if not _FIELD.search(template) or "{seq" not in template:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The certificate number pattern needs a {{seq}} field: {pattern}."),
            field="number_template",
            pattern=template,
        )
    return _FIELD.sub(one, template)


def number_prefix(template: str, region: str, year: int) -> str:
    """The part of the pattern before ``{seq}`` (for finding the last number of a year)."""
    head = template.split("{seq", 1)[0]
    return format_number(head + "{seq:0}", region, year, 0)[:-1]


_MD = re.compile(r"^(\d{2})-(\d{2})$")

RANGES = {
    "validity_years": (1, 20),
    "review_months": (1, 60),
    "expiry_lead_days": (0, 3650),
    "review_lead_days": (0, 3650),
    "training_target": (1, 1000),
    "training_gate": (0, 1000),
}
"""The values each number may take."""


def check_settings(settings: QualificationSettings) -> None:
    """Refuse a value out of range, a date in the year that does not exist, or a pattern that
    makes no number; name the field."""
    for name, (low, high) in RANGES.items():
        value = getattr(settings, name)
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{value} is not between {low} and {high}."),
                field=name,
                value=value,
                low=low,
                high=high,
            )
    m = _MD.match(settings.training_short_from)
    if m is None or not _real_day(int(m.group(1)), int(m.group(2))):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{value} is not a date in the year (MM-DD, e.g. 07-01)."),
            field="training_short_from",
            value=settings.training_short_from,
        )
    region = settings.region.strip()
    if not region or len(region) > 12 or not region.isalnum():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The region code is 1 to 12 letters or digits: {value}."),
            field="region",
            value=settings.region,
        )
    template = settings.number_template
    if (
        not template.strip()
        or len(template) > 60
        or "{" in _FIELD.sub("", template)
        or "}" in _FIELD.sub("", template)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The pattern may use only {{region:N}}, {{year:N}} and {{seq:N}} besides text: {pattern}.",
            ),
            field="number_template",
            pattern=template,
        )
    format_number(template, region, 2026, 1)


def _real_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2025, month)[1]
