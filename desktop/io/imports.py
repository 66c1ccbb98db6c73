"""The shared steps of an all-or-nothing workbook import (FORMATS.md): read the sheet, collect
every row's errors with their place, report progress in two halves (reading, then writing) and
honour Cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.core.errors import Cancelled, ImportRefused, RowError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.input_limits import in_force
from desktop.core.validation import Problem, shown
from desktop.io.xlsx import CellError, Column, SheetData, SheetRow, read_sheet

Progress = Callable[[int, "int | None"], None]
IsCancelled = Callable[[], bool]


class RowCheck:
    """Collects the errors of one sheet with their place."""

    def __init__(self, sheet: SheetData) -> None:
        self.sheet = sheet
        self.errors: list[RowError] = [localized(e) for e in sheet.errors]

    def add(self, row: int, column: str, message: str) -> None:
        """Note a problem; at the limit in force (``in_force().import_errors``) the file is refused
        without checking more."""
        self.errors.append(RowError(self.sheet.file, self.sheet.sheet, row, column, message))
        limit = in_force().import_errors
        if len(self.errors) >= limit:
            stop = translate(
                "errors", QT_TRANSLATE_NOOP("errors", "Checking stopped after {limit} problems.")
            ).format(limit=f"{limit:,}")
            self.errors.append(RowError(self.sheet.file, self.sheet.sheet, row, "", stop))
            raise ImportRefused(self.errors, self.sheet.file)

    def cell(self, row: SheetRow, column: str, parser: Callable[[Any], Any]) -> Any:
        try:
            return parser(row.values.get(column))
        except CellError as exc:
            self.add(row.number, column, exc.localized())
            return None

    def problems(self, row: int, problems: list[Problem], columns: dict[str, str]) -> None:
        for problem in problems:
            self.add(row, columns.get(problem.field, problem.field), problem.message())


def report_duplicate(check: RowCheck, seen: dict[str, int], key: str | None, row: int, column: str) -> None:
    """Note ``key``'s first row in ``seen``; a second occurrence is an error naming the first."""
    if not key:
        return
    if key in seen:
        check.add(
            row,
            column,
            translate(
                "errors", QT_TRANSLATE_NOOP("errors", "{value} appears again (first in row {first})")
            ).format(value=shown(key), first=seen[key]),
        )
    else:
        seen[key] = row


def read_checked(
    path: str | Path,
    columns: tuple[Column, ...],
    progress: Progress | None,
    cancelled: IsCancelled | None,
    *,
    sheet_name: str | None = None,
) -> SheetData:
    """Read the sheet called ``sheet_name`` (FORMATS.md's name of the format), else the first
    visible one; a header without a required column, or a formula without a saved value, refuses
    the file at once (its messages in the current language, like every row's)."""
    sheet = read_sheet(path, columns, sheet=sheet_name, progress=half_progress(progress), cancelled=cancelled)
    if sheet.errors:
        raise ImportRefused([localized(e) for e in sheet.errors], sheet.file)
    return sheet


def localized(error: RowError) -> RowError:
    """A reader's error (its message an English catalog entry) in the current language."""
    return replace(error, message=translate("errors", error.message))


def tick(done: int, total: int, progress: Progress | None, cancelled: IsCancelled | None) -> None:
    """Every 200 rows written: raise ``Cancelled`` when asked, else report the second half."""
    if done % 200 == 0 or done == total:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(total + done, 2 * total)


def half_progress(progress: Progress | None) -> Progress | None:
    """Reading is the first half of an import's progress, writing the second."""
    if progress is None:
        return None
    return lambda done, total: progress(done, 2 * total if total else None)


def unknown_column_warnings(sheet: SheetData) -> tuple[str, ...]:
    """One warning for each column the format does not know (ignored, not refused)."""
    return tuple(
        translate(
            "errors", QT_TRANSLATE_NOOP("errors", "Column {column} is not known and was ignored.")
        ).format(column=c)
        for c in sheet.unknown_columns
    )


class Summary:
    """An import's counts: rows written, rows skipped (equal to what the store holds), known
    records changed and the columns those changes touched (``columns``: field → column header; a
    nested snapshot's fields as ``field.sub``)."""

    def __init__(self, columns: Mapping[str, str]) -> None:
        self.columns = columns
        self.imported = self.skipped = self.updated = 0
        self._fields: set[str] = set()

    def count(self, before: dict[str, Any] | None, after: dict[str, Any]) -> tuple[dict | None, dict]:
        """Count a written row; its audit's before and after: a new record whole, a changed one
        with the changed fields only."""
        self.imported += 1
        if before is None:
            return None, after
        self.updated += 1
        changed = [k for k in after if before.get(k) != after[k]]
        for k in changed:
            old, new = before.get(k), after[k]
            if isinstance(old, dict) or isinstance(new, dict):
                old, new = old or {}, new or {}
                subs = [f"{k}.{sub}" for sub in {*old, *new} if old.get(sub) != new.get(sub)]
                self._fields.update(self.columns.get(sub, k) for sub in subs)
            else:
                self._fields.add(self.columns.get(k, k))
        return {k: before.get(k) for k in changed}, {k: after[k] for k in changed}

    @property
    def fields(self) -> tuple[str, ...]:
        """The changed columns in the format's order."""
        order = list(dict.fromkeys(self.columns.values()))
        return tuple(sorted(self._fields, key=lambda c: (order.index(c) if c in order else len(order), c)))
