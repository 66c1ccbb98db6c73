"""The case register template: the importer's columns, each explained; it imports as nothing
untouched, and its example row imports into a store with the example's agency and officers."""

from __future__ import annotations

from datetime import date

import openpyxl

from desktop.cases.exchange import CASE_COLUMNS, import_cases
from desktop.cases.service import list_cases
from desktop.cases.templates import CASE_TEMPLATE, write_case_template
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.io.templates import NOTES_SHEET, missing_notes
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer


def test_the_headers_are_the_import_columns_each_explained() -> None:
    assert CASE_TEMPLATE.headers() == tuple(c.header for c in CASE_COLUMNS)
    assert missing_notes(CASE_TEMPLATE) == []


def test_the_template_imports_empty_then_with_its_example(store: Store, admin: Actor, tmp_path) -> None:
    create_agency(store, admin, AgencyInput("某某县市场监督管理局", "县市场监管局"))
    for i, name in enumerate(("张三", "李四")):
        create_officer(
            store, admin, OfficerInput(name, make_resident_id("341122", date(1980, 1, 1), i), "县市场监管局")
        )
    path = write_case_template(tmp_path / "案件导入模板")
    assert import_cases(store, admin, path).imported == 0

    book = openpyxl.load_workbook(path)
    examples = {row[0].value: row[3].value for row in book[NOTES_SHEET].iter_rows(min_row=2)}
    book["案件导入"].append([examples.get(h) or None for h in CASE_TEMPLATE.headers()])
    book.save(path)
    assert import_cases(store, admin, path).imported == 1
    (row,) = list_cases(store, admin, ListQuery()).items
    assert row.case_no == "X市监罚〔2026〕12号"
