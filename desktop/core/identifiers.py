"""Chinese identifier numbers: 居民身份证号 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).

Checks, check characters, masking for display, and generators for demo data and tests.
Validators take the text as stored; callers normalise user input with ``normalize_id`` first.
"""

from __future__ import annotations

from datetime import date

_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_CHECK = "10X98765432"

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {ch: i for i, ch in enumerate(CREDIT_CHARSET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalize_id(s: str) -> str:
    """``s`` without surrounding or inner whitespace (full-width too), in upper case."""
    return "".join(s.split()).upper()


def _is_ascii_digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


def resident_id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character (``0``-``9`` or ``X``) of 17 digits."""
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(ch) * w for ch, w in zip(first17, _RESIDENT_WEIGHTS, strict=True))
    return _RESIDENT_CHECK[total % 11]


def _birth_date(s: str) -> date | None:
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return None
    return born if 1900 <= born.year and born <= date.today() else None


def is_valid_resident_id(s: str) -> bool:
    """True for an 18-character 居民身份证号 with a right check character and a real birth date."""
    if len(s) != 18 or not _is_ascii_digits(s[:17]):
        return False
    if s[17].upper() != resident_id_check_char(s[:17]):
        return False
    return _birth_date(s) is not None


def gender_from_resident_id(s: str) -> str | None:
    """``男`` (odd 17th digit) or ``女`` (even) for a valid 居民身份证号, else None."""
    if not is_valid_resident_id(s):
        return None
    return "男" if int(s[16]) % 2 else "女"


def make_resident_id(area6: str, birth: date, seq3: int) -> str:
    """A valid 居民身份证号 from an area code, a birth date and a sequence number 0-999."""
    if len(area6) != 6 or not _is_ascii_digits(area6):
        raise ValueError(f"expected a 6-digit area code, got {area6!r}")
    if not 0 <= seq3 <= 999:
        raise ValueError(f"sequence number out of range: {seq3}")
    first17 = f"{area6}{birth:%Y%m%d}{seq3:03d}"
    return first17 + resident_id_check_char(first17)


def credit_code_check_char(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters of a 统一社会信用代码."""
    if len(first17) != 17 or any(ch not in _CREDIT_VALUES for ch in first17):
        raise ValueError(f"expected 17 characters of {CREDIT_CHARSET}, got {first17!r}")
    total = sum(_CREDIT_VALUES[ch] * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(s: str) -> bool:
    """True for an 18-character upper-case 统一社会信用代码 with a right check character."""
    if len(s) != 18 or any(ch not in _CREDIT_VALUES for ch in s):
        return False
    return s[17] == credit_code_check_char(s[:17])


def make_credit_code(first17: str) -> str:
    """A valid 统一社会信用代码: ``first17`` followed by its check character."""
    return first17 + credit_code_check_char(first17)


def _mask(s: str, head: int, tail: int) -> str:
    if len(s) <= head + tail:
        return "*" * len(s)
    return s[:head] + "*" * (len(s) - head - tail) + s[len(s) - tail :]


def mask_resident_id(s: str) -> str:
    """``341122********1234``: the first 6 and last 4 characters shown, the rest starred."""
    return _mask(s, 6, 4)


def mask_phone(s: str) -> str:
    """``138****5678``: the first 3 and last 4 characters shown, the rest starred."""
    return _mask(s, 3, 4)
