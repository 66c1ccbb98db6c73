"""The 证号 pattern and the date arithmetic of certificates (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.errors import ValidationError
from desktop.personnel.qualification_settings import add_months, expiry_for, format_number, number_prefix


def test_number_pattern() -> None:
    assert format_number("{region:6}{year:4}{seq:5}", "341122", 2026, 7) == "341122202600007"
    assert format_number("皖{region:6}-{year}-{seq:4}", "341122", 2026, 12) == "皖341122-2026-0012"
    assert number_prefix("{region:6}{year:4}{seq:5}", "341122", 2026) == "3411222026"
    with pytest.raises(ValidationError):
        format_number("{region:6}{year:4}", "341122", 2026, 1)


def test_months_and_expiry() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 12) == date(2027, 11, 30)
    assert expiry_for(date(2026, 3, 1), 5) == date(2031, 2, 28)
