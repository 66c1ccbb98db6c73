"""The login checked straight from a SQLite store's file (issue 9: the smoke test's frame before
SQLAlchemy loads): it finds the account ``authenticate`` finds and says the same about the
password, says nothing (None) wherever ``authenticate`` would refuse or could not tell, and writes
nothing."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest

from desktop.accounts.audit import list_audit
from desktop.accounts.quick_login import account_in_file
from desktop.accounts.service import UserInput, authenticate, create_user, list_users, update_user
from desktop.core.errors import AccountLocked, AuthenticationFailed
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Role
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput
from desktop.personnel.service import create_agency

pytestmark = pytest.mark.sqlite_only  # a SQLite file read without SQLAlchemy
PASSWORD = "Chief-2026"  # the ``admin`` fixture's


def in_file(store: Store, name: str):
    path = store.sqlite_path()
    assert path is not None
    return account_in_file(path, name, store.clock.now())


def test_the_account_and_its_password_as_authenticate_has_them(store, admin) -> None:
    logins = len(list_audit(store, admin, ListQuery(limit=None)).items)
    found = in_file(store, "admin")
    assert found is not None and found.actor == admin
    assert found.accepts(PASSWORD) and not found.accepts("Chief-2025")
    assert "password_hash" not in repr(found) and found.password_hash not in repr(found)
    assert (
        len(list_audit(store, admin, ListQuery(limit=None)).items) == logins
    )  # nothing written: no login recorded
    assert authenticate(store, "admin", PASSWORD) == found.actor


def test_an_agency_account_comes_with_its_agency_and_any_case_of_its_name(store, admin) -> None:
    agency = create_agency(store, admin, AgencyInput(name="示范县市场监督管理局"))
    create_user(store, admin, UserInput("Wang.Fang", Role.AGENCY, "王芳", agency.id), "Agency-2026")
    found = in_file(store, "  wang.fang ")
    assert found is not None
    assert found.actor == Actor(
        found.actor.id, "Wang.Fang", "王芳", Role.AGENCY, agency.id, "示范县市场监督管理局"
    )
    assert found.actor == authenticate(store, "wang.fang", "Agency-2026")


def test_nothing_is_said_where_authenticate_refuses(store, admin) -> None:
    create_user(store, admin, UserInput("zhao", Role.REVIEWER), "Review-2026")
    zhao = next(u for u in list_users(store, admin).items if u.name == "zhao")
    update_user(store, admin, zhao.id, zhao.version, UserInput("zhao", Role.REVIEWER, active=False))
    assert in_file(store, "zhao") is None  # inactive
    with pytest.raises(AuthenticationFailed):
        authenticate(store, "zhao", "Review-2026")
    assert (
        in_file(store, "nobody") is None and in_file(store, "") is None and in_file(store, "a" * 65) is None
    )
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            authenticate(store, "admin", "Wrong-2026")
    assert in_file(store, "admin") is None  # locked for a while
    store.clock.advance(minutes=16)  # type: ignore[attr-defined]  # the fixed test clock
    assert in_file(store, "admin") is not None


def test_a_file_that_is_missing_or_not_a_store_says_nothing(store, admin, tmp_path) -> None:
    now = store.clock.now()
    assert account_in_file(tmp_path / "missing.sqlite3", "admin", now) is None
    (tmp_path / "notes.sqlite3").write_bytes(b"not a database at all" * 100)
    assert account_in_file(tmp_path / "notes.sqlite3", "admin", now) is None
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert account_in_file(empty, "admin", now) is None


def test_another_workstations_write_neither_holds_the_check_nor_is_seen(store, admin) -> None:
    path = store.sqlite_path()
    assert path is not None
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("begin exclusive")  # another workstation writing (an import, say)
        other.execute("update users set active = 0")
        started = time.monotonic()
        found = account_in_file(path, "admin", store.clock.now())
        assert time.monotonic() - started < 1  # never waits for the lock
        assert found is not None and found.actor == admin  # what is committed
        other.execute("rollback")
