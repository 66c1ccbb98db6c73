"""The first worksheet of an .xlsx file as rows of cell values, numbered from A1.

python-calamine reads it (≈ 5–10× faster than openpyxl's read-only mode) and each value comes
back as openpyxl gave it: None for an empty cell, whole numbers as int, dates as datetimes at
midnight, formulas as their cached values. A sheet holding an error value (#N/A, #REF! …), which
python-calamine reads as empty, is read with openpyxl. Only Office Open XML workbooks are read
(.xls, .xlsb and .ods are refused, as openpyxl refused them).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, BinaryIO

Sheet = tuple[str, int | None, Iterator[tuple[Any, ...]]]
"""The sheet's name, its number of rows after the header (None when unknown), its rows."""

_XLSX_MAIN = b"main+xml"
"""The content type of an .xlsx/.xlsm/.xltx/.xltm workbook part (not .xlsb, .ods or .xls)."""


@contextmanager
def first_sheet(stream: BinaryIO) -> Iterator[Sheet]:
    """The first worksheet (hidden or not); its rows can be read until the block ends."""
    reader = with_openpyxl if has_error_cells(stream) else with_calamine
    with reader(stream) as sheet:
        yield sheet


@contextmanager
def with_calamine(stream: BinaryIO) -> Iterator[Sheet]:
    """The first worksheet through python-calamine."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    book = CalamineWorkbook.from_filelike(stream)
    try:
        names = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        sheet = book.get_sheet_by_name(names[0])  # IndexError (no sheet at all) reads as a damaged file
        height = sheet.end[0] + 1 if sheet.end is not None else 0
        rows = (_as_openpyxl(row) for row in sheet.to_python(skip_empty_area=False))  # from A1
        yield sheet.name, height - 1 if height > 1 else None, rows
    finally:
        book.close()


@contextmanager
def with_openpyxl(stream: BinaryIO) -> Iterator[Sheet]:
    """The first worksheet through openpyxl's read-only mode (slower, but it keeps error values)."""
    import openpyxl

    book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        total = sheet.max_row - 1 if sheet.max_row and sheet.max_row > 1 else None
        sheet.reset_dimensions()  # some writers store a wrong size; read what is there
        yield sheet.title, total, sheet.iter_rows(values_only=True)
    finally:
        book.close()


def has_error_cells(stream: BinaryIO) -> bool:
    """Whether a worksheet holds an error value, after refusing what openpyxl refused (raises
    BadZipFile or KeyError): only Office Open XML workbooks."""
    with zipfile.ZipFile(stream) as archive:
        if _XLSX_MAIN not in archive.read("[Content_Types].xml"):
            raise KeyError("[Content_Types].xml")
        found = any(
            b't="e"' in archive.read(name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )
    stream.seek(0)
    return found


def _as_openpyxl(row: list[Any]) -> tuple[Any, ...]:
    """A row as openpyxl's read-only mode gives it: None for empty, whole numbers as int, dates at midnight."""
    return tuple(
        None
        if isinstance(v, str) and not v
        else int(v)
        if isinstance(v, float) and v.is_integer() and abs(v) < 2**53
        else datetime(v.year, v.month, v.day)
        if type(v) is date
        else v
        for v in row
    )
