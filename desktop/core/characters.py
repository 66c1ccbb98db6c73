"""Characters a name or number must not carry: control characters, zero-width and bidi marks and
other invisible format characters (a 案号 with a zero-width space looks the same and is another
案号; a right-to-left override shows a name backwards). Pure: no Qt, no store."""

from __future__ import annotations

import unicodedata

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
"""Control, format (zero-width, bidi marks and overrides, soft hyphen, BOM), surrogate, private
use, line and paragraph separators."""
_FREE_TEXT_ALLOWED = frozenset("\t\n\r")


def invisible_character(text: str | None) -> str | None:
    """The first character of ``text`` a name or a number must not carry, as ``U+200B``; else None."""
    for ch in text or "":
        if unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
            return f"U+{ord(ch):04X}"
    return None


def control_character(text: str | None) -> str | None:
    """The first control character of free text (tabs and line breaks allowed), as ``U+0000``."""
    for ch in text or "":
        if ch not in _FREE_TEXT_ALLOWED and unicodedata.category(ch) in ("Cc", "Cs"):
            return f"U+{ord(ch):04X}"
    return None
