"""Rules for agencies and officers (pure functions): what makes an input acceptable.

The add/edit dialogs and the Excel importers check the same rules; each broken rule is a
``Problem`` naming the field, so a dialog marks the field and an import names the column.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import (
    gender_from_resident_id,
    is_valid_credit_code,
    is_valid_resident_id,
    normalize_id,
)
from desktop.personnel.dto import AGENCY_FIELDS, AGENCY_LEVELS, GENDERS, AgencyInput, OfficerInput

CERT_STATUSES = ("active", "suspended", "cancelled", "revoked")


@dataclass(frozen=True)
class Problem:
    """One broken rule: the field and a message template with its parameters."""

    field: str
    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def message(self) -> str:
        """The message in the current language."""
        return translate("errors", self.template).format(**dict(self.params))

    def error(self) -> ValidationError:
        """The problem as an exception for a dialog."""
        return ValidationError(self.template, field=self.field, **dict(self.params))


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
    elif len(data.name) > 120:
        problems.append(
            Problem("name", QT_TRANSLATE_NOOP("errors", "The name is longer than 120 characters."))
        )
    if data.short_name and len(data.short_name) > 60:
        problems.append(
            Problem("short_name", QT_TRANSLATE_NOOP("errors", "The short name is longer than 60 characters."))
        )
    if data.credit_code and not is_valid_credit_code(data.credit_code):
        problems.append(
            Problem(
                "credit_code",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{code} is not a valid unified social credit code (18 characters, checksum per GB 32100-2015).",
                ),
                (("code", data.credit_code),),
            )
        )
    if data.field and data.field not in AGENCY_FIELDS:
        problems.append(_choice("field", data.field, AGENCY_FIELDS))
    if data.level and data.level not in AGENCY_LEVELS:
        problems.append(_choice("level", data.level, AGENCY_LEVELS))
    return data, problems


def clean_officer(data: OfficerInput) -> tuple[OfficerInput, list[Problem]]:
    """Trim and normalise an officer's fields and list what breaks the rules."""
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
                (("number", data.id_number),),
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
        (("value", value), ("allowed", "、".join(allowed))),
    )


def raise_first(problems: list[Problem]) -> None:
    """Raise the first problem for a dialog (which marks its field)."""
    if problems:
        raise problems[0].error()
