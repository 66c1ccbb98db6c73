"""Certificate states and events in words, and the colour of a state."""

from __future__ import annotations

from desktop.core.i18n import translate
from desktop.personnel.certificate_history import EVENT_TITLES, STATE_TITLES

STATE_TONES = {
    "valid": "green",
    "expired": "red",
    "suspended": "yellow",
    "revoked": "red",
    "cancelled": None,
    "superseded": None,
}


def state_title(state: str | None) -> str:
    """A certificate state in the current language."""
    return translate("certs", STATE_TITLES[state]) if state in STATE_TITLES else ""


def event_title(kind: str | None) -> str:
    """A certificate event in the current language."""
    return translate("certs", EVENT_TITLES[kind]) if kind in EVENT_TITLES else ""


def state_tone(state: str | None) -> str | None:
    """The colour name of a state (``green``, ``yellow``, ``red``) or None."""
    return STATE_TONES.get(state or "")
