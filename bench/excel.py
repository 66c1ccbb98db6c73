"""(c) Importing 10,000 officers from Excel, against openpyxl merely reading the same file."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from bench.data import fill_officers, sqlite_store, write_officer_workbook
from bench.timing import Result, timed
from desktop.personnel.exchange import import_officers

TARGET = 10.0


def read_only_rows(path: Path) -> int:
    """The baseline: openpyxl in read-only mode going through every row's values."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def run(folder: Path, count: int) -> list[Result]:
    """Import ``count`` new officers into a store that has the agencies, then the same file again."""
    store, actor = sqlite_store(folder, "excel")
    try:
        agencies = fill_officers(store, 0)
        path = write_officer_workbook(folder / "officers.xlsx", count, [name for _, name in agencies.rows])
        baseline, rows = timed(lambda: read_only_rows(path))
        assert rows == count + 1, rows
        first, result = timed(lambda: import_officers(store, actor, path))
        assert result.imported == count and not result.errors, result
        again, result = timed(lambda: import_officers(store, actor, path))
        assert result.skipped == count, result
        what = "openpyxl read_only reading every row of the same file"
        return [
            Result(
                f"Excel import {count:,} officers",
                first,
                TARGET,
                baseline,
                what,
                "new officers with certificates, SQLite",
            ),
            Result(
                f"Excel re-import {count:,} (unchanged)",
                again,
                TARGET,
                baseline,
                what,
                "every row compared and skipped",
            ),
        ]
    finally:
        store.dispose()
