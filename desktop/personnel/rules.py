"""Rules for agencies and officers (pure functions): what makes an input acceptable.

The add/edit dialogs and the Excel importers check the same rules; each broken rule is a
``Problem`` naming the field, so a dialog marks the field and an import names the column.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import (
    gender_from_resident_id,
    is_valid_credit_code,
    is_valid_resident_id,
    normalize_id,
)
from desktop.core.validation import Problem, date_problems, shown, text_problems
from desktop.personnel.dto import AGENCY_FIELDS, AGENCY_LEVELS, GENDERS, AgencyInput, OfficerInput

CERT_STATUSES = ("active", "suspended", "cancelled", "revoked")

AGENCY_LIMITS = {"name": 120, "short_name": 60}
"""The longest text each agency field's store column holds (``models.org``)."""
OFFICER_LIMITS = {"name": 40, "position": 40, "category": 40, "region": 60, "cert_number": 40}
"""The longest text each officer field's store column holds (``models.personnel``)."""
_NAMES = ("name", "short_name", "cert_number")
"""Fields that name or number something: no invisible or control character at all."""


def _text_problems(data: object, limits: dict[str, int]) -> list[Problem]:
    return [
        p
        for field, limit in limits.items()
        for p in text_problems(field, getattr(data, field), limit, strict=field in _NAMES)
    ]


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def clean_agency(data: AgencyInput) -> tuple[AgencyInput, list[Problem]]:
    """Trim and normalise an agency's fields and list what breaks the rules."""
    data = AgencyInput(
        name=(data.name or "").strip(),
        short_name=_blank(data.short_name),
        credit_code=normalize_id(code) if (code := _blank(data.credit_code)) else None,
        field=_blank(data.field),
        level=_blank(data.level),
    )
    problems: list[Problem] = []
    if not data.name:
        problems.append(Problem("name", QT_TRANSLATE_NOOP("errors", "The name is required.")))
    problems += _text_problems(data, AGENCY_LIMITS)
    if data.credit_code and not is_valid_credit_code(data.credit_code):
        problems.append(
            Problem(
                "credit_code",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{code} is not a valid unified social credit code (18 characters, checksum per GB 32100-2015).",
                ),
                (("code", shown(data.credit_code)),),
            )
        )
    if data.field and data.field not in AGENCY_FIELDS:
        problems.append(_choice("field", data.field, AGENCY_FIELDS))
    if data.level and data.level not in AGENCY_LEVELS:
        problems.append(_choice("level", data.level, AGENCY_LEVELS))
    return data, problems


def clean_officer(data: OfficerInput, today: date | None = None) -> tuple[OfficerInput, list[Problem]]:
    """Trim and normalise an officer's fields and list what breaks the rules (certificate dates
    outside the plausible years around ``today`` too)."""
    agency = data.agency.strip() if isinstance(data.agency, str) else data.agency
    data = replace(
        data,
        name=(data.name or "").strip(),
        id_number=normalize_id(data.id_number or ""),
        agency=agency,
        gender=_blank(data.gender),
        position=_blank(data.position),
        category=_blank(data.category),
        region=_blank(data.region),
        cert_number=_blank(data.cert_number),
    )
    problems: list[Problem] = []
    if not data.name:
        problems.append(Problem("name", QT_TRANSLATE_NOOP("errors", "The name is required.")))
    problems += _text_problems(data, OFFICER_LIMITS)
    for field in ("cert_issued_on", "cert_expires_on"):
        problems += date_problems(field, getattr(data, field), today or date.today())
    if not data.id_number:
        problems.append(Problem("id_number", QT_TRANSLATE_NOOP("errors", "The ID number is required.")))
    elif is_valid_resident_id(data.id_number):
        if data.gender is None:  # the 17th digit says it (odd: 男, even: 女)
            data = replace(data, gender=gender_from_resident_id(data.id_number))
    else:
        problems.append(
            Problem(
                "id_number",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{number} is not a valid resident ID number (18 characters, checksum per GB 11643).",
                ),
                (("number", shown(data.id_number)),),
            )
        )
    if data.agency in (None, ""):
        problems.append(Problem("agency", QT_TRANSLATE_NOOP("errors", "The agency is required.")))
    if data.gender and data.gender not in GENDERS:
        problems.append(_choice("gender", data.gender, GENDERS))
    problems.extend(_certificate_problems(data))
    return data, problems


def _certificate_problems(data: OfficerInput) -> list[Problem]:
    problems: list[Problem] = []
    if not data.cert_number:
        if data.cert_issued_on or data.cert_expires_on:
            problems.append(
                Problem(
                    "cert_number",
                    QT_TRANSLATE_NOOP("errors", "Dates of a certificate need its certificate number."),
                )
            )
        return problems
    if data.cert_issued_on is None:
        problems.append(
            Problem("cert_issued_on", QT_TRANSLATE_NOOP("errors", "A certificate needs its issue date."))
        )
    if data.cert_expires_on is None:
        problems.append(
            Problem("cert_expires_on", QT_TRANSLATE_NOOP("errors", "A certificate needs its expiry date."))
        )
    if data.cert_issued_on and data.cert_expires_on and data.cert_expires_on <= data.cert_issued_on:
        problems.append(
            Problem(
                "cert_expires_on",
                QT_TRANSLATE_NOOP("errors", "The expiry date must be after the issue date."),
            )
        )
    if data.cert_status not in CERT_STATUSES:
        problems.append(_choice("cert_status", data.cert_status, CERT_STATUSES))
    return problems


def _choice(field: str, value: str, allowed: tuple[str, ...]) -> Problem:
    return Problem(
        field,
        QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}."),
        (("value", shown(value)), ("allowed", "、".join(allowed))),
    )
