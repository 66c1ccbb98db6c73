"""Words for the audit record's codes: actions, kinds of object, fields, and chain-check reasons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import mask_resident_id
from desktop.views.accounts.users.dialog import role_title
from desktop.views.personnel.officers.titles import cert_status_title, gender_title

CONTEXT = "AuditTitles"

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditTitles", "Create"),
    "update": QT_TRANSLATE_NOOP("AuditTitles", "Change"),
    "delete": QT_TRANSLATE_NOOP("AuditTitles", "Delete"),
    "import": QT_TRANSLATE_NOOP("AuditTitles", "Import"),
    "login": QT_TRANSLATE_NOOP("AuditTitles", "Log in"),
    "login_failed": QT_TRANSLATE_NOOP("AuditTitles", "Failed login"),
    "account_locked": QT_TRANSLATE_NOOP("AuditTitles", "Account locked"),
    "reset_password": QT_TRANSLATE_NOOP("AuditTitles", "Password reset"),
    "change_password": QT_TRANSLATE_NOOP("AuditTitles", "Password changed"),
    "correct_stage": QT_TRANSLATE_NOOP("AuditTitles", "Stage date corrected"),
    "withdraw_stage": QT_TRANSLATE_NOOP("AuditTitles", "Stage withdrawn"),
}

ENTITIES = {
    "agency": QT_TRANSLATE_NOOP("AuditTitles", "Agency"),
    "officer": QT_TRANSLATE_NOOP("AuditTitles", "Officer"),
    "user": QT_TRANSLATE_NOOP("AuditTitles", "Account"),
}

FIELDS = {
    "name": QT_TRANSLATE_NOOP("AuditTitles", "Name"),
    "short_name": QT_TRANSLATE_NOOP("AuditTitles", "Short name"),
    "credit_code": QT_TRANSLATE_NOOP("AuditTitles", "Unified social credit code"),
    "field": QT_TRANSLATE_NOOP("AuditTitles", "Enforcement field"),
    "level": QT_TRANSLATE_NOOP("AuditTitles", "Level"),
    "id_number": QT_TRANSLATE_NOOP("AuditTitles", "ID number"),
    "gender": QT_TRANSLATE_NOOP("AuditTitles", "Gender"),
    "agency_id": QT_TRANSLATE_NOOP("AuditTitles", "Agency (number)"),
    "position": QT_TRANSLATE_NOOP("AuditTitles", "Position"),
    "category": QT_TRANSLATE_NOOP("AuditTitles", "Enforcement category"),
    "region": QT_TRANSLATE_NOOP("AuditTitles", "Enforcement region"),
    "certificate": QT_TRANSLATE_NOOP("AuditTitles", "Certificate"),
    "certificate.number": QT_TRANSLATE_NOOP("AuditTitles", "Certificate number"),
    "certificate.issued_on": QT_TRANSLATE_NOOP("AuditTitles", "Certificate issued on"),
    "certificate.expires_on": QT_TRANSLATE_NOOP("AuditTitles", "Certificate valid until"),
    "certificate.status": QT_TRANSLATE_NOOP("AuditTitles", "Certificate status"),
    "display_name": QT_TRANSLATE_NOOP("AuditTitles", "Display name"),
    "role": QT_TRANSLATE_NOOP("AuditTitles", "Role"),
    "active": QT_TRANSLATE_NOOP("AuditTitles", "Active"),
    "reason": QT_TRANSLATE_NOOP("AuditTitles", "Reason"),
}

NESTED = frozenset({"certificate"})
"""Snapshot keys that hold a nested record (or None when there is none)."""


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_title(code: str) -> str:
    """create → 新建 … (an unknown code as it is)."""
    return _translate(ACTIONS[code]) if code in ACTIONS else code


def entity_title(code: str) -> str:
    """agency → 执法主体 … (an unknown code as it is)."""
    return _translate(ENTITIES[code]) if code in ENTITIES else code


def field_title(key: str) -> str:
    """A snapshot field (``certificate.number`` for nested ones) in words."""
    return _translate(FIELDS[key]) if key in FIELDS else key


def value_text(key: str, value: Any) -> str:
    """A snapshot value as the user reads it: masked ID numbers, words for codes, — for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            _translate(QT_TRANSLATE_NOOP("AuditTitles", "Yes"))
            if value
            else _translate(QT_TRANSLATE_NOOP("AuditTitles", "No"))
        )
    words = {
        "id_number": mask_resident_id,
        "gender": gender_title,
        "role": role_title,
        "certificate.status": cert_status_title,
    }
    return words[key](str(value)) if key in words else str(value)


def flatten(snapshot: dict | None) -> dict[str, Any]:
    """A snapshot with nested dicts spelled out (``certificate.number``)."""
    flat: dict[str, Any] = {}
    for key, value in (snapshot or {}).items():
        if isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        elif not (value is None and key in NESTED):  # no certificate: its fields are all empty
            flat[key] = value
    return flat
