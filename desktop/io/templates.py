"""Import templates (FORMATS.md): an empty workbook a user fills in and imports.

A template has two sheets. The first is named as the format is (``执法主体导入``, ``案件导入``…)
and holds the import's headers only, exactly as the importer reads them: a required column's
header is red with a note "必填", so an untouched template imports as nothing at all. The second,
``填写说明``, explains each column (必填 or not, the values allowed) with one example, so the
example can never be imported by mistake.

The columns come from the importer's own ``Column`` tuple and the explanations from its area
(``personnel.templates``, ``cases.templates``): a column the importer adds later shows up in the
template at once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.io.xlsx import Column, write_sheets

NOTES_SHEET = "填写说明"
NOTES_HEADERS = ("列名", "必填", "说明", "示例")


@dataclass(frozen=True)
class ColumnNote:
    """What one column holds (FORMATS.md's values) and an example value."""

    text: str
    example: str = ""


@dataclass(frozen=True)
class Template:
    """One import's template: the sheet the importer reads, its columns, the notes by header."""

    sheet: str
    columns: tuple[Column, ...]
    notes: Mapping[str, ColumnNote]

    def headers(self) -> tuple[str, ...]:
        """The import sheet's headers, in the importer's order."""
        return tuple(c.header for c in self.columns)

    def note_rows(self) -> list[tuple[str, str, str, str]]:
        """The 填写说明 sheet's rows: column, 是/否, explanation, example."""
        rows = []
        for column in self.columns:
            note = self.notes.get(column.header, ColumnNote(""))
            rows.append((column.header, "是" if column.required else "否", note.text, note.example))
        return rows


def write_template(path: str | os.PathLike[str], template: Template) -> Path:
    """Write ``template`` to ``path`` (``.xlsx`` added when missing); the path written."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    write_sheets(
        target,
        [
            (template.sheet, template.headers(), []),
            (NOTES_SHEET, NOTES_HEADERS, template.note_rows()),
        ],
    )
    _mark_required(target, template)
    return target


def _mark_required(path: Path, template: Template) -> None:
    """Colour the required headers red with a note "必填" (openpyxl: xlsxwriter wrote the file)."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    book = load_workbook(path)
    sheet = book.worksheets[0]
    for index, column in enumerate(template.columns, start=1):
        cell = sheet.cell(row=1, column=index)
        if column.required:
            cell.font = Font(bold=True, color="C00000")
            cell.fill = PatternFill("solid", fgColor="FDE9E7")
            cell.comment = Comment("必填", "执法监督工作台")
    book.save(path)


def missing_notes(template: Template, columns: Sequence[Column] | None = None) -> list[str]:
    """The headers without an explanation (a test keeps this empty)."""
    return [c.header for c in (columns or template.columns) if not template.notes.get(c.header)]
