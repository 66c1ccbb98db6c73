"""An import template: the importer's headers on the sheet it reads, required ones marked, and a
填写说明 sheet explaining every column."""

from __future__ import annotations

import openpyxl

from desktop.io.templates import (
    NOTES_HEADERS,
    NOTES_SHEET,
    ColumnNote,
    Template,
    missing_notes,
    write_template,
)
from desktop.io.xlsx import Column

TEMPLATE = Template(
    "样例导入",
    (Column("名称", required=True), Column("简称"), Column("层级")),
    {"名称": ColumnNote("全称", "某某局"), "简称": ColumnNote("可不填", "某局")},
)


def test_the_template_holds_the_headers_and_a_sheet_explaining_them(tmp_path) -> None:
    written = write_template(tmp_path / "样例", TEMPLATE)
    assert written.name == "样例.xlsx"
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["样例导入", NOTES_SHEET]
    sheet = book["样例导入"]
    assert [c.value for c in sheet[1]] == ["名称", "简称", "层级"]
    assert sheet.max_row == 1  # nothing to import by mistake
    assert sheet["A1"].font.color.rgb.endswith("C00000") and sheet["A1"].comment.text == "必填"
    assert sheet["B1"].comment is None
    notes = [[c.value for c in row] for row in book[NOTES_SHEET].iter_rows()]
    assert notes[0] == list(NOTES_HEADERS)
    assert notes[1] == ["名称", "是", "全称", "某某局"]
    assert notes[3][:2] == ["层级", "否"]


def test_missing_notes_names_the_columns_left_unexplained() -> None:
    assert missing_notes(TEMPLATE) == ["层级"]
