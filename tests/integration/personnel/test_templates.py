"""The agency and officer templates: their headers are the importers' columns, every column is
explained, an untouched template imports as nothing, and the examples import."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.io.templates import NOTES_SHEET, Template, missing_notes
from desktop.models.db import Store
from desktop.personnel.exchange import AGENCY_COLUMNS, OFFICER_COLUMNS, import_agencies, import_officers
from desktop.personnel.service import list_agencies, list_officers
from desktop.personnel.templates import (
    AGENCY_TEMPLATE,
    OFFICER_TEMPLATE,
    write_agency_template,
    write_officer_template,
)


def with_example(path, template: Template):
    """The template with its 填写说明 examples typed in as one row."""
    book = openpyxl.load_workbook(path)
    examples = {row[0].value: row[3].value for row in book[NOTES_SHEET].iter_rows(min_row=2)}
    sheet = book[template.sheet]
    sheet.append([examples.get(h) for h in template.headers()])
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("template", "columns"), [(AGENCY_TEMPLATE, AGENCY_COLUMNS), (OFFICER_TEMPLATE, OFFICER_COLUMNS)]
)
def test_the_headers_are_the_import_columns_each_explained(template: Template, columns) -> None:
    assert template.headers() == tuple(c.header for c in columns)
    assert missing_notes(template) == []


def test_templates_import_empty_then_with_their_examples(store: Store, admin: Actor, tmp_path) -> None:
    agencies = write_agency_template(tmp_path / "执法主体导入模板.xlsx")
    officers = write_officer_template(tmp_path / "执法人员导入模板.xlsx")
    assert openpyxl.load_workbook(agencies).sheetnames[0] == "执法主体导入"
    assert import_agencies(store, admin, agencies).imported == 0
    assert import_officers(store, admin, officers).imported == 0

    assert import_agencies(store, admin, with_example(agencies, AGENCY_TEMPLATE)).imported == 1
    assert import_officers(store, admin, with_example(officers, OFFICER_TEMPLATE)).imported == 1
    assert [a.name for a in list_agencies(store, admin, ListQuery()).items] == ["某某县市场监督管理局"]
    assert [o.name for o in list_officers(store, admin, ListQuery()).items] == ["张三"]
