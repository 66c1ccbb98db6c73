"""Rules for account names (no store, no Qt): user names and display names, which account a
login means, and whether it is locked."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta

from desktop.core.clock import parse_utc_iso
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP


def check_user_name(name: str) -> str:
    """The trimmed user name, or a ValidationError (1 to 64 characters, no spaces, nothing
    invisible: no control, zero-width or direction-changing characters)."""
    name = name.strip()
    if not name or len(name) > 64 or any(ch.isspace() for ch in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A user name is 1 to 64 characters without spaces."), field="name"
        )
    if has_invisible_characters(name):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A user name cannot contain control, zero-width or text-direction characters."
            ),
            field="name",
        )
    return name


def check_display_name(display_name: str) -> str:
    """The trimmed display name (may be empty), or a ValidationError: at most 64 characters and
    nothing invisible."""
    display_name = display_name.strip()
    if len(display_name) > 64:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A display name has at most 64 characters."), field="display_name"
        )
    if has_invisible_characters(display_name):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A display name cannot contain control, zero-width or text-direction characters."
            ),
            field="display_name",
        )
    return display_name


_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def has_invisible_characters(text: str) -> bool:
    """Whether ``text`` holds a control, format (zero-width, bidi), private-use or unassigned
    character, or a line or paragraph separator."""
    return any(unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in text)


def login_name(typed: str) -> str | None:
    """The name a login looks up: ``typed`` trimmed, or None when it cannot be an account's."""
    name = typed.strip()
    return name if name and len(name) <= 64 else None


def chosen_account(typed: str, names: Sequence[str]) -> int | None:
    """Which of the accounts named ``typed`` in any case (``names``) a typed name means: the exact
    name first, else the only one; None when none or several could be meant."""
    for index, name in enumerate(names):
        if name == typed:
            return index
    return 0 if len(names) == 1 else None


def locked_for(locked_until: str | None, now: datetime) -> timedelta | None:
    """How long an account stays locked after repeated failed logins, or None when it is not."""
    if not locked_until:
        return None
    left = parse_utc_iso(locked_until) - now
    return left if left > timedelta(0) else None
