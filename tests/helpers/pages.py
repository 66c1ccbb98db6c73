"""Helpers for the data-page tests: a context with the synchronous runner and fake dialogs,
seeded agencies and officers, workbooks written with openpyxl, and pressing buttons."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from sqlalchemy import insert

from desktop.accounts.service import UserInput, create_user
from desktop.context import AppContext
from desktop.core.clock import Clock
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.core.security import Actor, Role
from desktop.core.settings import Settings
from desktop.models import Case
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, AgencyRow, OfficerInput
from desktop.personnel.service import create_agency, create_officer
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.tasks import SyncTaskRunner


def make_ctx(store: Store, actor: Actor, clock: Clock, dialogs: FakeDialogs | None = None) -> AppContext:
    """A context as the window builds it, with the synchronous runner and fake dialogs."""
    dialogs = dialogs or FakeDialogs()
    return AppContext(Settings(), store, clock, actor=actor, tasks=SyncTaskRunner(dialogs), dialogs=dialogs)


def credit_code(n: int) -> str:
    """A valid 统一社会信用代码 numbered ``n``."""
    return make_credit_code(f"113411220{n:08d}")


def resident_id(n: int, born: date = date(1985, 3, 14)) -> str:
    """A valid 居民身份证号 numbered ``n`` (odd: male, even: female)."""
    return make_resident_id("341122", born, n)


def seed_agencies(store: Store, actor: Actor) -> list[AgencyRow]:
    """Three agencies in three fields."""
    specs = [
        ("示范县市场监督管理局", "县市场监管局", "市场监管", "县"),
        ("示范县生态环境分局", "县环境分局", "生态环境", "县"),
        ("示范县城关镇人民政府", "城关镇政府", "其他", "乡镇"),
    ]
    return [
        create_agency(store, actor, AgencyInput(name, short, credit_code(i), field, level))
        for i, (name, short, field, level) in enumerate(specs, 1)
    ]


def insert_bulk_cases(store: Store, agencies: Sequence[AgencyRow], count: int) -> None:
    """``count`` plain 行政检查 cases spread over ``agencies``, written in one INSERT (a large
    register for the paging and count tests; parties 商户00000, 商户00001 …)."""
    with store.engine.begin() as conn:
        conn.execute(
            insert(Case),
            [
                {
                    "agency_id": agencies[n % len(agencies)].id,
                    "case_no": f"批量〔2026〕{n:05d}号",
                    "category": "行政检查",
                    "cause": "日常检查",
                    "party": f"商户{n:05d}",
                    "stage": "filed",
                    "filed_on": date(2026, 1, 1) + timedelta(days=n % 300),
                    "officer_count": 2,
                    "updated_at": "2026-11-23T10:00:00.000000Z",
                    "updated_by": "bulk",
                    "version": 1,
                }
                for n in range(count)
            ],
        )


def seed_officers(store: Store, actor: Actor, agencies: Sequence[AgencyRow], today: date) -> None:
    """Officers whose certificates are valid, expiring, expired, revoked, and one without."""
    specs = [
        ("张伟", 0, today - timedelta(days=400), today + timedelta(days=900), "active"),
        ("李娜", 0, today - timedelta(days=1000), today + timedelta(days=20), "active"),
        ("王强", 1, today - timedelta(days=2000), today - timedelta(days=5), "active"),
        ("赵敏", 1, today - timedelta(days=300), today + timedelta(days=700), "revoked"),
        ("陈杰", 2, None, None, "active"),
    ]
    for n, (name, agency, issued, expires, status) in enumerate(specs, 1):
        cert = f"34112201{n:05d}" if issued else None
        create_officer(
            store,
            actor,
            OfficerInput(
                name=name,
                id_number=resident_id(n),
                agency=agencies[agency].id,
                position="科员",
                gender="男" if n % 2 else "女",
                category="市场监管",
                region="示范县",
                cert_number=cert,
                cert_issued_on=issued,
                cert_expires_on=expires,
                cert_status=status,
            ),
        )


def make_actor(store: Store, admin: Actor, name: str, role: Role, agency: int | None = None) -> Actor:
    """An account with ``role`` created by the administrator, as the actor it logs in as."""
    row = create_user(store, admin, UserInput(name, role, name, agency), "Pass-2026!")
    return Actor(row.id, row.name, row.display_name, row.role, row.agency_id, row.agency_name)


def write_workbook(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """An .xlsx with one sheet: the header row, then ``rows``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def read_workbook(path: Path) -> list[tuple[Any, ...]]:
    """Every row of the first sheet, header included."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into a widget key by key (Chinese too, which ``QTest.keyClicks`` cannot)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def click(qtbot: Any, button: QAbstractButton) -> None:
    """Press a button with the mouse."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_header(qtbot: Any, table: QWidget, section: int) -> None:
    """Click a column header of a shown table (sorts it)."""
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def column_texts(model: Any, column: int) -> list[str]:
    """The texts of one column, every row (small tables only)."""
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def visible_action_texts(header: Any) -> list[str]:
    """The toolbar actions a user sees, in order."""
    return [a.text() for a in header.actions_in_order() if a.isVisible()]
