"""Which account a typed login name means, and whether it is locked: one rule for the login
(``accounts.service.authenticate``) and the check from the store's file (``accounts.quick_login``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.accounts.rules import chosen_account, locked_for, login_name
from desktop.core.clock import utc_iso

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_a_login_name_is_trimmed_and_at_most_64_characters() -> None:
    assert login_name("  admin ") == "admin"
    assert login_name("   ") is None and login_name("") is None
    assert login_name("a" * 64) == "a" * 64 and login_name("a" * 65) is None


def test_the_exact_name_first_else_the_only_one_in_any_case() -> None:
    assert chosen_account("Admin", ["admin", "Admin"]) == 1
    assert chosen_account("ADMIN", ["admin"]) == 0
    assert chosen_account("ADMIN", ["admin", "Admin"]) is None  # which one is meant cannot be told
    assert chosen_account("admin", []) is None


def test_locked_until_a_moment_still_to_come() -> None:
    assert locked_for(None, NOW) is None and locked_for("", NOW) is None
    assert locked_for(utc_iso(NOW + timedelta(minutes=7)), NOW) == timedelta(minutes=7)
    assert locked_for(utc_iso(NOW), NOW) is None
    assert locked_for(utc_iso(NOW - timedelta(seconds=1)), NOW) is None
