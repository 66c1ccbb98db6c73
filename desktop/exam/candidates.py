"""The candidate list of a sitting (FORMATS.md §8): 姓名, 身份证号 (checksum verified, once
each), 执法主体; each candidate matched to the officer with that 身份证号 where one exists.
All rows or none."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.core.errors import ImportRefused, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import is_valid_resident_id, normalize_id
from desktop.exam.dto import Candidate
from desktop.io.imports import IsCancelled, Progress, RowCheck, read_checked, report_duplicate
from desktop.io.xlsx import Column, parse_text
from desktop.models import Officer
from desktop.models.db import Store

COLUMNS = (Column("姓名", required=True), Column("身份证号", required=True), Column("执法主体"))
NAME_LIMIT = 40


def read_candidates(
    store: Store, path: str | Path, *, progress: Progress | None = None, cancelled: IsCancelled | None = None
) -> list[Candidate]:
    """The candidates of a §8 workbook in its order; ``ImportRefused`` naming every bad cell."""
    sheet = read_checked(path, COLUMNS, progress, cancelled, sheet_name="考生名单")
    check = RowCheck(sheet)
    seen: dict[str, int] = {}
    rows = []
    for row in sheet.rows:
        name = check.cell(row, "姓名", parse_text)
        id_number = normalize_id(check.cell(row, "身份证号", parse_text) or "")
        agency = check.cell(row, "执法主体", parse_text)
        if not name:
            check.add(row.number, "姓名", translate("errors", QT_TRANSLATE_NOOP("errors", "required")))
        elif len(name) > NAME_LIMIT:
            check.add(
                row.number,
                "姓名",
                translate("errors", QT_TRANSLATE_NOOP("errors", "at most {limit} characters")).format(
                    limit=NAME_LIMIT
                ),
            )
        if not id_number:
            check.add(row.number, "身份证号", translate("errors", QT_TRANSLATE_NOOP("errors", "required")))
        elif not is_valid_resident_id(id_number):
            check.add(
                row.number,
                "身份证号",
                translate(
                    "errors",
                    QT_TRANSLATE_NOOP("errors", "not a valid 居民身份证号 (18 characters, checksum)"),
                ),
            )
        report_duplicate(check, seen, id_number, row.number, "身份证号")
        rows.append((name or "", id_number, agency))
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    if not rows:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{file} lists no candidates."), field="candidates", file=sheet.file
        )
    with store.reading() as session:
        officers = {
            o.id_number: o
            for start in range(0, len(rows), 500)
            for o in session.execute(
                select(Officer).where(Officer.id_number.in_([r[1] for r in rows[start : start + 500]]))
            ).scalars()
        }
        return [
            Candidate(
                name,
                id_number,
                agency or (officers[id_number].agency.name if id_number in officers else None),
                officers[id_number].id if id_number in officers else None,
            )
            for name, id_number, agency in rows
        ]
