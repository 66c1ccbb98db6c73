"""(d) The register export of 100,000 cases, against xlsxwriter alone writing the same rows.

The export reads the cases with their warnings and details and streams them through
``desktop.io.xlsx`` (xlsxwriter ``constant_memory``). The baseline writes the cells of the
exported workbook again (read back with python-calamine, not timed) with the same writer and
formats and nothing else: what any export of these rows has to pay.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from bench.case_register import AS_OF
from bench.timing import Result, timed
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store

TARGET_RATIO = 2.0
"""The export within twice the bare writer's time."""


def bare_write(path: Path, rows: list[list]) -> None:
    """xlsxwriter ``constant_memory``: each cell by its type, dates and amounts formatted."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("案件")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    money = book.add_format({"num_format": "#,##0.00"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value == "" or value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif isinstance(value, (date, datetime)):
                sheet.write_datetime(r, c, value, day)
            elif isinstance(value, float) and not value.is_integer():
                sheet.write_number(r, c, value, money)
            else:
                sheet.write_number(r, c, value)
    book.close()


def measure_export(store: Store, actor: Actor, folder: Path, label: str) -> list[Result]:
    """Export the whole register once, then write its cells again with the bare writer."""
    from python_calamine import CalamineWorkbook

    from desktop.cases.exchange import export_cases

    path = folder / "register-export.xlsx"
    seconds, count = timed(lambda: export_cases(store, actor, ListQuery(), path, as_of=AS_OF))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(rows) == count + 1, (len(rows), count)
    baseline, _ = timed(lambda: bare_write(folder / "bare-export.xlsx", rows))
    return [
        Result(
            f"{label}: export {count:,} cases to Excel",
            seconds,
            TARGET_RATIO * baseline,
            baseline,
            "xlsxwriter constant_memory writing the same cells (no reading, no checks)",
            f"target = {TARGET_RATIO:.0f}× the baseline; the cases, their stages, warnings, officers "
            f"and dossiers read and written ({len(rows[0])} columns)",
        )
    ]
