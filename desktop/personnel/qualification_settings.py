"""The settings of certificates and training every workstation shares (stored as ``certs.*``):
validity, annual review, warning lead times, the training target and the 证号 pattern."""

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
