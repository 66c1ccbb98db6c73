"""Issue 16 items 8 and 9: what an import reads.

Workbooks written as Excel and WPS write them (xlsxwriter: shared strings, styles, a merged title
above the header) are accepted; a formula without a saved value is reported with its place; a
hidden first sheet is not taken for the visible one; what is not a workbook is refused at once;
a sheet longer than an import takes, or a file with too many problems, stops with a message.
"""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from sqlalchemy import func, select

from desktop.accounts.input_settings import input_settings, save_input_limits
from desktop.core.errors import ImportRefused, UserFacingError, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.input_limits import InputLimits, put_in_force
from desktop.core.security import Actor
from desktop.io import imports
from desktop.io.xlsx import read_sheet
from desktop.models import Agency
from desktop.models.db import Store
from desktop.personnel.exchange import AGENCY_COLUMNS, import_agencies, import_officers
from desktop.personnel.service import get_officer, list_agencies, list_officers

SCJ = "示范县市场监督管理局"
TITLE = "某某县执法主体名录（2026年）"


def person(n: int) -> str:
    return make_resident_id("341122", date(1980, 1, 1), n)


def as_excel_writes(
    path: Path, rows: list[list[Any]], *, title: str | None = TITLE, name: str = "Sheet1"
) -> Path:
    """A workbook as Excel or WPS writes it: shared strings, styles, a merged title row."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "border": 1, "align": "center"})
    day = book.add_format({"num_format": "yyyy/m/d"})
    first = 0
    if title is not None:
        width = max(len(r) for r in rows)
        if width > 1:
            sheet.merge_range(0, 0, 0, width - 1, title, bold)
        else:
            sheet.write_string(0, 0, title, bold)
        first = 1
    for r, row in enumerate(rows, start=first):
        for c, value in enumerate(row):
            fmt = bold if r == first else None
            if isinstance(value, datetime | date):
                sheet.write_datetime(r, c, value, day)
            elif value is not None:
                sheet.write(r, c, value, fmt)
    book.close()
    return path


def agencies_count(store: Store) -> int:
    with store.reading() as s:
        return s.execute(select(func.count()).select_from(Agency)).scalar_one()


# ------------------------------------------------------------------------------ 9. real workbooks


def test_a_title_row_blank_rows_and_spaces_as_excel_and_wps_write_them(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        ["序号", "名称", "简称", "层级"],
        [1, "\u3000示范县市场监督管理局 ", "\xa0县市场监管局\u3000", " 县"],
        [None, None, None, None],  # wholly blank
        [2, "示范县水利局", None, "县"],
    ]
    path = as_excel_writes(tmp_path / "主体.xlsx", rows)
    result = import_agencies(store, admin, path)
    assert (result.imported, result.skipped) == (2, 0)
    assert any("序号" in w for w in result.warnings)
    got = {a.name: (a.short_name, a.level) for a in list_agencies(store, admin).items}
    assert got == {SCJ: ("县市场监管局", "县"), "示范县水利局": (None, "县")}


def test_row_numbers_below_a_title_are_the_sheets_own(store: Store, admin: Actor, tmp_path: Path) -> None:
    rows = [["名称", "层级"], ["甲局", "县"], [None, None], ["乙局", "省"]]
    path = as_excel_writes(tmp_path / "主体.xlsx", rows)
    with pytest.raises(ImportRefused) as info:
        import_agencies(store, admin, path)
    assert [(e.sheet, e.row, e.column) for e in info.value.errors] == [("Sheet1", 5, "层级")]


def test_a_missing_column_is_reported_on_the_header_found(tmp_path: Path) -> None:
    path = as_excel_writes(tmp_path / "主体.xlsx", [["简称", "层级"], ["甲", "县"]])
    data = read_sheet(path, AGENCY_COLUMNS)
    assert [(e.row, e.column, e.message) for e in data.errors] == [(2, "名称", "missing required column")]


def test_dates_in_every_form_and_numbers_stored_as_text(store: Store, admin: Actor, tmp_path: Path) -> None:
    import_agencies(store, admin, as_excel_writes(tmp_path / "主体.xlsx", [["名称"], [SCJ]]))
    headers = ["姓名", "身份证号", "执法主体", "执法证号", "发证日期", "有效期至"]
    rows = [
        headers,
        ["甲", person(1), SCJ, "A-1", "2026/1/5", "2029.1.5"],
        ["乙", person(2), SCJ, "A-2", "2026年1月5日", datetime(2029, 1, 5)],
        ["丙", person(3), SCJ, "1002", date(2026, 1, 5), "2029-01-05"],  # 证号 typed as text
    ]
    result = import_officers(
        store, admin, as_excel_writes(tmp_path / "人员.xlsx", rows, title="执法人员名册")
    )
    assert result.imported == 3
    officers = {o.name: o for o in list_officers(store, admin).items}
    for name in ("甲", "乙", "丙"):
        o = get_officer(store, admin, officers[name].id)
        assert (o.cert_issued_on, o.cert_expires_on) == (date(2026, 1, 5), date(2029, 1, 5))
    assert officers["丙"].cert_number == "1002"


def test_a_formula_without_a_saved_value_is_reported(store: Store, admin: Actor, tmp_path: Path) -> None:
    book = openpyxl.Workbook()  # openpyxl saves formulas without a value
    sheet = book.active
    sheet.title = "主体"
    sheet.append(["名称", "简称"])
    sheet.append(["甲局", '=CONCAT("甲","局")'])
    sheet.append(["乙局", None])
    sheet["C3"] = "=1+1"  # outside the known columns: named by its letter
    book.save(tmp_path / "主体.xlsx")
    with pytest.raises(ImportRefused) as info:
        import_agencies(store, admin, tmp_path / "主体.xlsx")
    assert [(e.sheet, e.row, e.column) for e in info.value.errors] == [("主体", 2, "简称"), ("主体", 3, "C")]
    assert "formula without a saved value" in info.value.errors[0].message
    assert agencies_count(store) == 0


def test_a_formula_with_its_saved_value_is_read(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "a.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["名称", "简称"])
    sheet.write_string(1, 0, "甲局")
    sheet.write_formula(1, 1, '="甲"&"局"', None, "甲局")
    book.close()
    data = read_sheet(tmp_path / "a.xlsx", AGENCY_COLUMNS)
    assert data.errors == () and data.rows[0].values["简称"] == "甲局"


def test_a_hidden_first_sheet_is_not_taken(store: Store, admin: Actor, tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "主体.xlsx"))
    hidden = book.add_worksheet("参数")
    hidden.write_row(0, 0, ["名称"])
    hidden.write_row(1, 0, ["不该导入的局"])
    shown = book.add_worksheet("名录")
    shown.write_row(0, 0, ["名称"])
    shown.write_row(1, 0, [SCJ])
    shown.activate()
    hidden.hide()
    book.close()
    import_agencies(store, admin, tmp_path / "主体.xlsx")
    assert [a.name for a in list_agencies(store, admin).items] == [SCJ]


def test_the_sheet_the_format_names_is_taken(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "主体.xlsx"))
    for name, value in (("说明", "不该导入的局"), ("执法主体导入", SCJ)):
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, ["名称"])
        sheet.write_row(1, 0, [value])
    book.close()
    data = imports.read_checked(tmp_path / "主体.xlsx", AGENCY_COLUMNS, None, None, sheet_name="执法主体导入")
    assert (data.sheet, [r.values["名称"] for r in data.rows]) == ("执法主体导入", [SCJ])


# ------------------------------------------------------------------------------ 8. limits, not workbooks


def not_a_workbook(folder: Path, kind: str) -> Path:
    if kind == "dev-zero":
        return Path("/dev/zero")
    if kind == "folder":
        return folder
    path = folder / ("empty.xlsx" if kind == "zero-bytes" else "note.xlsx")
    path.write_text("" if kind == "zero-bytes" else "名称\n甲局\n" * 100_000, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("dev-zero", "not an .xlsx workbook"),
        ("folder", "it is a folder, not a workbook"),
        ("zero-bytes", "the file is empty"),
        ("text-renamed", "not an .xlsx workbook"),
    ],
)
def test_what_is_not_a_workbook_is_refused_at_once(tmp_path: Path, kind: str, reason: str) -> None:
    path = not_a_workbook(tmp_path, kind)
    if not os.path.exists(path):
        pytest.skip("no such device here")
    started = time.perf_counter()
    with pytest.raises(UserFacingError) as info:
        read_sheet(path, AGENCY_COLUMNS)
    assert info.value.english() == f"Cannot read {path.name}: {reason}"
    assert time.perf_counter() - started < 2


def test_a_sheet_longer_than_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put_in_force(InputLimits(import_rows=50))
    path = as_excel_writes(tmp_path / "主体.xlsx", [["名称"], *([f"局{i}"] for i in range(100))], title=None)
    with pytest.raises(ValidationError) as info:
        read_sheet(path, AGENCY_COLUMNS)
    assert (
        info.value.english()
        == "主体.xlsx has more than 50 rows; nothing was imported. Split it into smaller files."
    )
    put_in_force(InputLimits(import_rows=100))
    assert len(read_sheet(path, AGENCY_COLUMNS).rows) == 100


def test_checking_stops_after_the_error_limit(
    store: Store, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_input_limits(store, admin, input_settings(store, admin).version, InputLimits(import_errors=10))
    put_in_force(InputLimits())  # the import reads the store's limits itself
    rows = [["名称", "层级"], *([f"局{i}", "省"] for i in range(50))]
    with pytest.raises(ImportRefused) as info:
        import_agencies(store, admin, as_excel_writes(tmp_path / "主体.xlsx", rows))
    errors = info.value.errors
    assert len(errors) == 11 and errors[-1].message == "Checking stopped after 10 problems."
    assert agencies_count(store) == 0
