"""Words for an officer's coded values: certificate states and statuses, gender (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "OfficerTitles"

CERT_STATES = {
    "valid": QT_TRANSLATE_NOOP("OfficerTitles", "Valid"),
    "expiring": QT_TRANSLATE_NOOP("OfficerTitles", "Expiring soon"),
    "expired": QT_TRANSLATE_NOOP("OfficerTitles", "Expired"),
    "suspended": QT_TRANSLATE_NOOP("OfficerTitles", "Suspended"),
    "cancelled": QT_TRANSLATE_NOOP("OfficerTitles", "Cancelled"),
    "revoked": QT_TRANSLATE_NOOP("OfficerTitles", "Revoked"),
    "none": QT_TRANSLATE_NOOP("OfficerTitles", "No certificate"),
}
"""``OfficerRow.cert_state`` → its title (正常, 即将到期, 已过期, 暂停, 注销, 吊销, 无证)."""

CERT_STATUSES = {
    "active": QT_TRANSLATE_NOOP("OfficerTitles", "In force"),
    "suspended": QT_TRANSLATE_NOOP("OfficerTitles", "Suspended"),
    "cancelled": QT_TRANSLATE_NOOP("OfficerTitles", "Cancelled"),
    "revoked": QT_TRANSLATE_NOOP("OfficerTitles", "Revoked"),
}
"""A certificate's recorded status (what the dialog sets) → its title."""

GENDERS = {
    "男": QT_TRANSLATE_NOOP("OfficerTitles", "Male"),
    "女": QT_TRANSLATE_NOOP("OfficerTitles", "Female"),
}

STATE_TONES = {
    "expired": "red",
    "suspended": "red",
    "cancelled": "red",
    "revoked": "red",
    "expiring": "yellow",
    "valid": "green",
}
"""Red missed or broken, yellow approaching, green met (UI.md); always shown with the word."""


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def cert_state_title(state: str | None) -> str:
    """The word for a certificate state."""
    return _translate(CERT_STATES[state]) if state in CERT_STATES else (state or "")


def cert_status_title(status: str) -> str:
    """The word for a certificate's recorded status."""
    return _translate(CERT_STATUSES[status]) if status in CERT_STATUSES else status


def gender_title(gender: str | None) -> str:
    """男 → Male, 女 → Female (translated), anything else as it is."""
    return _translate(GENDERS[gender]) if gender in GENDERS else (gender or "")


def state_tone(state: str | None) -> str | None:
    """The warning colour name of a certificate state (``red``, ``yellow``, ``green``) or None."""
    return STATE_TONES.get(state or "")


def status_of_state(state: str) -> str:
    """The recorded status behind a state: expired, expiring and valid certificates are in force."""
    return state if state in CERT_STATUSES else "active"
