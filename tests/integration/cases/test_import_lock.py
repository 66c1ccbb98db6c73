"""Issue 16 item 12: an import keeps other workstations working.

On SQLite the import builds its rows (and their search entries) before it takes the write lock and
marks the store while it holds it: a login on another connection that meets the lock waits (busy
timeout) and succeeds when the lock is let go in time; when the lock is this program's import's,
it keeps waiting for the import (``IMPORT_WAIT_SECONDS``) and only then says plainly that an import
is running. On PostgreSQL an open import transaction does not stop a login at all. The imported
cases are found by every search.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import event, select

from desktop.accounts.service import authenticate
from desktop.cases import import_write
from desktop.cases.exchange import import_cases
from desktop.core.errors import StoreUnavailable
from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models import Case
from desktop.models import db as store_module
from desktop.models.db import Store
from desktop.models.queries import dialect_of, indexed_search_clause, search_clause
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer

PASSWORD = "Chief-2026"
HEADERS = ["案号", "执法主体", "案件类别", "案由", "当事人", "立案日期", "承办人员"]


def register_workbook(store: Store, admin: Actor, path: Path, rows: int) -> Path:
    """An agency with two certified officers, and a workbook of ``rows`` 行政检查 cases."""
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    for i, number in enumerate(("A-001", "A-002")):
        person = make_resident_id("341122", date(1980, 1, 1), i)
        dates = {"cert_issued_on": date(2020, 1, 1), "cert_expires_on": date(2030, 1, 1)}
        create_officer(
            store, admin, OfficerInput(f"执法{i}", person, "县市场监管局", cert_number=number, **dates)
        )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for n in range(rows):
        sheet.append(
            [f"L{n}", "县市场监管局", "行政检查", "日常检查", "某某商店", date(2026, 6, 1), "A-001、A-002"]
        )
    book.save(path)
    return path


def other_workstation(store: Store, busy_ms: int) -> Store:
    """A second program on the same store, waiting at most ``busy_ms`` for a lock."""
    other = Store(store.url, clock=store.clock)

    @event.listens_for(other.engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        if other.kind == "sqlite":
            dbapi_connection.execute(f"PRAGMA busy_timeout={busy_ms}")

    return other


def hold_write_lock(store: Store) -> sqlite3.Connection:
    path = store.sqlite_path()
    assert path is not None
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    return conn


@pytest.mark.sqlite_only
def test_a_login_waits_for_a_short_write_and_succeeds(store: Store, admin: Actor) -> None:
    lock = hold_write_lock(store)
    release = threading.Timer(0.3, lock.rollback)
    release.start()
    other = other_workstation(store, 10_000)
    try:
        assert authenticate(other, "admin", PASSWORD).name == "admin"
    finally:
        release.join()
        lock.close()
        other.dispose()


@pytest.mark.sqlite_only
def test_a_login_waits_for_an_import_longer_than_its_busy_timeout(store: Store, admin: Actor) -> None:
    """The lock is held well past the other program's busy timeout, by an import: the login keeps
    waiting for it and succeeds once the import has committed."""
    lock = hold_write_lock(store)
    other = other_workstation(store, 50)
    with store.importing("张三"):
        release = threading.Timer(0.6, lock.rollback)
        release.start()
        try:
            assert authenticate(other, "admin", PASSWORD).name == "admin"
        finally:
            release.join()
            lock.close()
            other.dispose()


@pytest.mark.sqlite_only
def test_a_login_that_meets_an_imports_lock_says_an_import_is_running(
    store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "IMPORT_WAIT_SECONDS", 0.3)
    lock = hold_write_lock(store)
    other = other_workstation(store, 100)
    try:
        with store.importing("张三"), pytest.raises(StoreUnavailable) as info:
            authenticate(other, "admin", PASSWORD)
        assert (
            info.value.english()
            == "An import (张三) is being saved to the store; try again when it has finished."
        )
        with pytest.raises(StoreUnavailable) as info:  # not this program's import: as before
            authenticate(other, "admin", PASSWORD)
        assert "in use by another program" in info.value.english()
    finally:
        lock.close()
        other.dispose()
    assert store.import_marker() is not None and not store.import_marker().exists()


def test_a_login_during_an_imports_write(store: Store, admin: Actor, tmp_path: Path, monkeypatch) -> None:
    """A login on another connection while the import's write transaction is open: on SQLite it
    gets the plain message (it is made here in the import's own thread, so it cannot wait the
    import out), on PostgreSQL it
    succeeds (rows being inserted lock nobody out; the audit chain's head is locked only for the
    short end of the transaction); the import then completes."""
    path = register_workbook(store, admin, tmp_path / "l.xlsx", 3)
    other = other_workstation(store, 100)
    seen: list[Any] = []
    real = import_write.insert_prepared

    def insert(session: Any, *args: Any) -> None:
        try:  # the write transaction is open (on SQLite it took the write lock when it began)
            seen.append(authenticate(other, "admin", PASSWORD).name)
        except StoreUnavailable as exc:
            seen.append(exc.english())
        real(session, *args)

    monkeypatch.setattr(import_write, "insert_prepared", insert)
    monkeypatch.setattr(store_module, "IMPORT_WAIT_SECONDS", 0.2)
    try:
        assert import_cases(store, admin, path).imported == 3
    finally:
        other.dispose()
    if store.kind == "sqlite":
        assert seen == ["An import (admin) is being saved to the store; try again when it has finished."]
    else:
        assert seen == ["admin"]


def _found(store: Store, text: str, indexed: bool) -> list[int]:
    columns = [Case.case_no, Case.party, Case.cause]
    with store.reading() as session:
        if indexed:
            clause = indexed_search_clause(session, text, columns, Case.id)
        else:
            clause = search_clause(text, columns, dialect_of(session))
        assert clause is not None
        return list(session.execute(select(Case.id).where(clause).order_by(Case.id)).scalars())


def test_imported_cases_are_found_by_every_search(store: Store, admin: Actor, tmp_path: Path) -> None:
    """On SQLite the import writes the search entries itself (its insert triggers set aside): one,
    two and more characters find the imported cases as LIKE does."""
    path = register_workbook(store, admin, tmp_path / "s.xlsx", 30)
    assert import_cases(store, admin, path).imported == 30
    for text in ("某", "商店", "某某商店", "l1", "L2", "日常检查", "没有"):
        assert _found(store, text, True) == _found(store, text, False), text
    assert len(_found(store, "商店", True)) == 30
    assert len(_found(store, "L1", True)) == 11  # L1, L10…L19
