"""The worksheet of an .xlsx file an import reads (``workbook_parts.find_sheet``) as rows of cell
values, numbered from A1, and its header.

python-calamine reads it (≈ 5–10× faster than openpyxl's read-only mode) and each value comes
back as openpyxl gave it: None for an empty cell, whole numbers as int, dates as datetimes at
midnight, formulas as their cached values. A sheet holding an error value (#N/A, #REF! …), which
python-calamine reads as empty, is read with openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from itertools import chain, islice
from typing import Any, BinaryIO

from desktop.io.workbook_parts import HEADER_ROWS, SheetPart

Sheet = tuple[str, int | None, Iterator[tuple[Any, ...]]]
"""The sheet's name, its number of rows after the header (None when unknown), its rows."""


@contextmanager
def open_sheet(stream: BinaryIO, part: SheetPart) -> Iterator[Sheet]:
    """The worksheet ``part`` names; its rows can be read until the block ends."""
    reader = with_openpyxl if part.has_errors else with_calamine
    with reader(stream, part.name) as sheet:
        yield sheet


@contextmanager
def with_calamine(stream: BinaryIO, name: str) -> Iterator[Sheet]:
    """A worksheet through python-calamine."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(stream)
    try:
        sheet = book.get_sheet_by_name(name)
        height = sheet.end[0] + 1 if sheet.end is not None else 0
        rows = (_as_openpyxl(row) for row in sheet.to_python(skip_empty_area=False))  # from A1
        yield sheet.name, height - 1 if height > 1 else None, rows
    finally:
        book.close()


@contextmanager
def with_openpyxl(stream: BinaryIO, name: str) -> Iterator[Sheet]:
    """A worksheet through openpyxl's read-only mode (slower, but it keeps error values)."""
    import openpyxl

    book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    try:
        sheet = book[name]
        total = sheet.max_row - 1 if sheet.max_row and sheet.max_row > 1 else None
        sheet.reset_dimensions()  # some writers store a wrong size; read what is there
        yield sheet.title, total, sheet.iter_rows(values_only=True)
    finally:
        book.close()


def find_header(
    rows: Iterator[tuple[Any, ...]], keys: Callable[[tuple[Any, ...]], set[str]], required: set[str]
) -> tuple[int, tuple[Any, ...], Iterator[tuple[Any, ...]]]:
    """The header within the first ``HEADER_ROWS`` rows (a title row above it is common): the
    first row holding every required column, else the one holding most known columns (row 1 when
    none does). Returns its number, its cells and the rows after it."""
    head = list(islice(rows, HEADER_ROWS))
    found = [(len(keys(row) & required), len(keys(row)), -i) for i, row in enumerate(head)]
    full = [i for i, (n, _k, _i) in enumerate(found) if n == len(required)]
    best = full[0] if full else (-max(found)[2] if found and max(found)[1] else 0)
    header = head[best] if head else ()
    return best + 1, header, chain(head[best + 1 :], rows)


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
