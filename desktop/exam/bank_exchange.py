"""The question bank's workbooks: import (FORMATS.md §3, every alias, all rows or none, each
problem with its sheet, row and column; duplicates refused) and export in the same layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.accounts import audit
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Permission, require
from desktop.exam import rules
from desktop.exam.bank import (
    AUDITED,
    ENTITY,
    active_by_fingerprint,
    apply,
    list_questions,
    same_values,
    stamp,
)
from desktop.exam.dto import BankImportResult, QuestionInput
from desktop.io.imports import (
    IsCancelled,
    Progress,
    RowCheck,
    read_checked,
    tick,
    unknown_column_warnings,
)
from desktop.io.xlsx import CellError, Column, parse_choice, parse_text, write_workbook
from desktop.models import Question
from desktop.models.db import Store

SHEET = "题库导入"
OPTION_COLUMNS = tuple(f"选项{letter}" for letter in rules.LETTERS)
COLUMNS = (
    Column("题型", required=True),
    Column("题干", required=True),
    *(Column(c, aliases=(c[-1],)) for c in OPTION_COLUMNS),
    Column("答案", required=True),
    Column("分类", required=True),
    Column("难度"),
    Column("解析"),
)
FIELD_COLUMNS = {
    "type": "题型",
    "stem": "题干",
    "options": "选项A",
    **{f"option{letter}": f"选项{letter}" for letter in rules.LETTERS},
    "answer": "答案",
    "category": "分类",
    "difficulty": "难度",
    "explanation": "解析",
}


def import_questions(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> BankImportResult:
    """Import questions from a §3 workbook; all rows or none. A row equal to a bank question is
    skipped; the same 题干 and options with another answer, category or type is refused."""
    require(actor, Permission.MANAGE_EXAMS)
    sheet = read_checked(path, COLUMNS, progress, cancelled, sheet_name=SHEET)
    check = RowCheck(sheet)
    with store.reading() as session:
        known = active_by_fingerprint(session)
    seen: dict[str, int] = {}
    items: list[QuestionInput] = []
    skipped = 0
    for row in sheet.rows:
        data = _row_input(check, row)
        if data is None:
            continue
        problems = rules.question_problems(data.type, data.stem, data.options, data.answer, data.category)
        check.problems(row.number, problems, FIELD_COLUMNS)
        if problems:
            continue
        key = rules.fingerprint(data.stem, data.options)
        if key in seen:
            check.add(
                row.number,
                "题干",
                translate(
                    "errors",
                    QT_TRANSLATE_NOOP("errors", "the same question as row {first} (题干 and options)"),
                ).format(first=seen[key]),
            )
            continue
        seen[key] = row.number
        same = known.get(key)
        if same is not None:
            if same_values(same, data):
                skipped += 1
                continue
            check.add(
                row.number,
                "题干",
                translate(
                    "errors",
                    QT_TRANSLATE_NOOP(
                        "errors", "the bank holds this question already (题库编号 {id}) with other values"
                    ),
                ).format(id=same.id),
            )
            continue
        items.append(data)
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    with store.importing(actor.name), store.unit_of_work() as uow:
        session = uow.session
        rows = []
        for done, data in enumerate(items, 1):
            tick(done, len(items), progress, cancelled)
            q = Question(revision=1)
            apply(q, data)
            stamp(q, store, actor)
            session.add(q)
            rows.append(q)
        session.flush()
        for q in rows:
            q.family = q.id
        session.flush()
        audit.record_many(
            session,
            store,
            actor.name,
            [
                audit.Change("import", ENTITY, q.id, None, audit.snapshot(q, AUDITED), q.stem[:60])
                for q in rows
            ],
        )
        uow.commit()
    return BankImportResult(len(items), skipped, unknown_column_warnings(sheet))


def _row_input(check: RowCheck, row: Any) -> QuestionInput | None:
    """One row as an input, its unreadable cells noted (None when one is)."""
    before = len(check.errors)
    qtype = check.cell(row, "题型", lambda v: parse_choice(v, rules.TYPES, rules.TYPE_ALIASES))
    difficulty = check.cell(
        row, "难度", lambda v: parse_choice(v, rules.DIFFICULTIES, rules.DIFFICULTY_ALIASES)
    )
    answer = check.cell(row, "答案", lambda v: _answer_cell(qtype, v))
    options = tuple(check.cell(row, c, parse_text) for c in OPTION_COLUMNS)
    stem = check.cell(row, "题干", parse_text)
    category = check.cell(row, "分类", parse_text)
    explanation = check.cell(row, "解析", parse_text)
    if len(check.errors) > before:
        return None
    trimmed = list(options)
    while trimmed and trimmed[-1] is None:
        trimmed.pop()
    return QuestionInput(
        qtype or "",
        stem or "",
        tuple(o or "" for o in trimmed),
        answer or "",
        category or "",
        difficulty or rules.DEFAULT_DIFFICULTY,
        explanation,
    )


def _answer_cell(qtype: str | None, value: Any) -> str | None:
    try:
        return rules.answer_value(qtype, value)
    except Exception as exc:
        raise CellError(getattr(exc, "template", str(exc))) from None


# ---------------------------------------------------------------------------- export


def export_questions(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the questions a query shows in the §3 layout (then 题库编号); returns the count."""
    page = list_questions(store, actor, query.window(0, None))
    headers = [*(c.header for c in COLUMNS), "题库编号"]
    rows = (
        [
            q.type,
            q.stem,
            *(list(q.options) + [None] * (len(rules.LETTERS) - len(q.options))),
            q.answer,
            q.category,
            q.difficulty,
            q.explanation,
            q.id,
        ]
        for q in page.items
    )
    write_workbook(path, SHEET, headers, rows, progress=progress, cancelled=cancelled, total=page.total)
    return page.total
