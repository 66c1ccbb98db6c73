"""GUI test fixtures: Qt offscreen, QSettings in a private folder, a fake paged service, and the
guard that fails a test when a view uses the store on the GUI thread."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from desktop.core.paging import ListQuery, Page
from desktop.models.db import Store
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.store_access import store_access_reason


@pytest.fixture(autouse=True)
def qt_settings(qapp, tmp_path_factory: pytest.TempPathFactory):
    """Every ``QSettings()`` writes an INI file in a folder of this test, never the user's."""
    path = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("DeskTests")
    QCoreApplication.setApplicationName("desk-gui-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    yield path


class StoreOnGuiThread(AssertionError):
    """A view opened a session or a unit of work on the GUI thread outside the task runner."""


def view_caller() -> str | None:
    """The innermost ``desktop.views`` function on the stack, as ``module:function``."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("desktop.views."):
            return f"{module}:{frame.f_code.co_name}"
        frame = frame.f_back
    return None


def check_store_access() -> None:
    """Raise when a view uses the store on the GUI thread without ``store_access`` (tests may)."""
    if threading.current_thread() is not threading.main_thread() or store_access_reason():
        return
    caller = view_caller()
    if caller is not None:
        raise StoreOnGuiThread(
            f"{caller} uses the store on the GUI thread: read through ctx.tasks.load/run "
            "(only the lazy table's page fetch may read here)"
        )


@pytest.fixture(autouse=True)
def store_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every session and unit of work a view opens on the GUI thread outside a task fails the
    test (the failure is also kept, so a view that swallows the error still fails)."""
    caught: list[str] = []
    reading, unit_of_work = Store.reading, Store.unit_of_work

    def guarded(original):
        def opened(self: Store, *args, **kwargs):
            try:
                check_store_access()
            except StoreOnGuiThread as exc:
                caught.append(str(exc))
                raise
            return original(self, *args, **kwargs)

        return opened

    monkeypatch.setattr(Store, "reading", guarded(reading))
    monkeypatch.setattr(Store, "unit_of_work", guarded(unit_of_work))
    yield caught
    assert not caught, caught[0]


@dataclass(frozen=True)
class OfficerRow:
    """A row as a service's dto.py would hand it to a view."""

    id: int
    name: str
    unit: str
    hired: date
    updated: datetime
    salary: Decimal
    active: bool
    note: str | None


class FakeFetch:
    """A paged service over rows in memory: filters and sorts in Python, records every query."""

    SORTS = {"id": "id", "name": "name", "hired": "hired", "salary": "salary"}

    def __init__(self, rows: list[OfficerRow]) -> None:
        self.rows = rows
        self.queries: list[ListQuery] = []
        self.fail: Exception | None = None

    def __call__(self, query: ListQuery) -> Page[OfficerRow]:
        self.queries.append(query)
        if self.fail is not None:
            raise self.fail
        rows = [r for r in self.rows if query.search in r.name]
        active = query.filter("active")
        if active is not None:
            rows = [r for r in rows if r.active == active]
        if query.sort is not None:
            rows.sort(key=lambda r: getattr(r, self.SORTS[query.sort]), reverse=query.descending)
        end = None if query.limit is None else query.offset + query.limit
        return Page(tuple(rows[query.offset : end]), len(rows))

    @property
    def calls(self) -> int:
        return len(self.queries)

    def pages_fetched(self, page_size: int = 100) -> list[int]:
        """The page numbers asked for, in order."""
        return [q.offset // page_size for q in self.queries]

    def reset(self) -> None:
        self.queries.clear()


def make_rows(count: int) -> list[OfficerRow]:
    """``count`` officers with every kind of value a table formats."""
    units = ["城管执法局", "市场监管局", "交通运输局", "生态环境局"]
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    return [
        OfficerRow(
            id=i,
            name=f"执法人员{i:05d}",
            unit=units[i % len(units)],
            hired=date(2010, 1, 1) + timedelta(days=i),
            updated=start + timedelta(minutes=7 * i),
            salary=Decimal(5000 + (i * 37) % 9000) + Decimal("0.5"),
            active=i % 3 != 0,
            note=None if i % 2 else f"备注 {i}",
        )
        for i in range(count)
    ]


_ROWS = make_rows(10_000)


@pytest.fixture
def rows() -> list[OfficerRow]:
    """10,000 frozen rows."""
    return _ROWS


@pytest.fixture
def fake_fetch(rows: list[OfficerRow]) -> FakeFetch:
    """A fresh fake service over the 10,000 rows."""
    return FakeFetch(rows)


@pytest.fixture
def make_fetch():
    """Build a fake service over a given number of rows (0 for the empty state)."""
    return lambda count: FakeFetch(_ROWS[:count] if count <= len(_ROWS) else make_rows(count))


def _salary_tone(row: OfficerRow) -> str | None:
    return "red" if row.salary > Decimal(8000) else None


@pytest.fixture
def columns() -> list[ColumnSpec]:
    """Columns over ``OfficerRow``: three sortable, the others not."""
    return [
        ColumnSpec("id", "ID", "id", width=60, align="right"),
        ColumnSpec("name", "Name", "name", width=140),
        ColumnSpec("unit", "Unit", None, width=120),
        ColumnSpec("hired", "Hired", "hired", width=100),
        ColumnSpec("updated", "Updated", None, width=140),
        ColumnSpec("salary", "Salary", "salary", width=100, align="right", tone=_salary_tone),
        ColumnSpec("active", "Active", None, width=60, align="center"),
        ColumnSpec("note", "Note", None, width=120),
    ]
