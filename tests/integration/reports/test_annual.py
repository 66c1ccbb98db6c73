"""The annual statistics of the hand-built county (both databases): each table's cells counted by
hand, the totals row, and the workbook (cover, a sheet per table, A4 landscape) holding the same
numbers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.reports.annual import annual_report
from desktop.reports.workbook import write_annual
from tests.helpers.report_county import MARKET, TRANSPORT, make_report_county


@pytest.fixture
def report(store: Store, admin: Actor):  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    return annual_report(store, admin, 2025)


def rows_of(report, key: str) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    table = next(t for t in report.tables if t.key == key)
    return {r[0]: tuple(r[1:]) for r in table.rows}


def test_cells_counted_by_hand(report) -> None:  # type: ignore[no-untyped-def]
    assert report.agencies == (MARKET, TRANSPORT) or report.agencies == (TRANSPORT, MARKET)
    cases = rows_of(report, "cases")
    # 立案, 处罚, 强制, 检查, 简易, 普通, 决定, 结案
    assert cases[MARKET] == (5, 3, 1, 1, 1, 2, 3, 2)
    assert cases[TRANSPORT] == (2, 2, 0, 0, 0, 2, 2, 0)
    assert cases["合计"] == (7, 5, 1, 1, 1, 4, 5, 2)
    penalties = next(t for t in report.tables if t.key == "penalties")
    col = {h: i for i, h in enumerate(penalties.headers)}
    total = penalties.rows[-1]
    assert (total[col["警告"]], total[col["罚款"]], total[col["暂扣许可证件"]]) == (2, 3, 1)
    amounts = rows_of(report, "amounts")
    assert amounts[MARKET] == (2, Decimal("5200.00"), 1)
    assert amounts["合计"] == (3, Decimal("6200.00"), 2)
    legal = rows_of(report, "reviews")
    assert legal[MARKET] == (1, 1, 0, 0) and legal[TRANSPORT] == (1, 1, 0, 0)
    measures = next(t for t in report.tables if t.key == "measures")
    assert measures.rows[-1][measures.headers.index("查封")] == 1
    assert rows_of(report, "inspections")[MARKET] == (1, 1)
    # M2's decision and publicity (red), M4's and M5's uncertified officer (red, no due date: filed in 2025).
    assert rows_of(report, "warnings")[MARKET] == (4, 4, 0, 0, 4)
    certs = rows_of(report, "certificates")
    # 执法人员, 正常, 暂停, 注销, 吊销, 过期, 无证 on 2025-12-31
    assert certs[MARKET] == (3, 1, 0, 0, 0, 1, 1)
    assert certs[TRANSPORT] == (2, 2, 0, 0, 0, 0, 0)
    review = rows_of(report, "review")
    assert review["合计"] == (0, 0, None, 0, 0)
    # No training records, no exam papers: every officer at 0 hours, nothing sat.
    assert rows_of(report, "training")["合计"] == (5, 0, 0, 0)
    assert rows_of(report, "exams")["合计"] == (0, 0, 0)


def test_the_workbook_holds_the_same_numbers(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "年报.xlsx"
    write_annual(out, report)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "封面" and "案件情况" in book.sheetnames
    assert book["封面"]["A1"].value == "2025年度行政执法统计年报"
    sheet = book["案件情况"]
    assert [c.value for c in sheet[2]][:3] == ["执法主体", "立案", "行政处罚"]
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[:2] == ["合计", 7] and sheet.cell(sheet.max_row, 1).font.b
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert book["罚没情况"].cell(book["罚没情况"].max_row, 3).value == 6200
