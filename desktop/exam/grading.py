"""Grading a paper sitting from its answer sheets (FORMATS.md §8), all rows or none: letters in
any order, every alias of 正确/错误, blanks; an unknown or repeated 试卷号, or a letter the printed
paper does not have, refuses the file. Answers are stored in the bank's letters (through the
paper's printed option order), so results and analysis hold whatever the printed order was."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import mask_resident_id
from desktop.core.security import Actor, Permission, require
from desktop.exam import rules
from desktop.exam.bulk import select_rows, update_rows
from desktop.exam.dto import ItemResult, ResultOut
from desktop.exam.sittings import get_sitting
from desktop.io.imports import IsCancelled, Progress, RowCheck, read_checked, report_duplicate
from desktop.io.xlsx import Column, parse_text
from desktop.models import Paper, PaperItem
from desktop.models.base import table_of
from desktop.models.db import Store


def _papers(session: Session, sitting_id: int, *, with_items: bool) -> list[Paper]:
    stmt = select(Paper).where(Paper.sitting_id == sitting_id).order_by(Paper.id)
    if with_items:
        stmt = stmt.options(selectinload(Paper.items).joinedload(PaperItem.question))
    return list(session.execute(stmt).scalars())


class _Item(NamedTuple):
    """One question of a paper as read for grading (the row of its one query)."""

    paper_id: int
    id: int
    position: int
    type: str
    answer: str
    order: str
    points: float
    partial_credit: float


@dataclass
class _Sheet:
    id: int
    paper_no: str
    id_number: str
    name: str
    agency: str | None
    points: float
    officer_id: int | None
    score: float | None
    passed: bool | None
    items: list[_Item] = field(default_factory=list)


def _sheets(session: Session, sitting_id: int) -> dict[str, _Sheet]:
    """The sitting's papers (one query) with their items and keys (one more), read as plain rows
    through the connection: a sitting may hold 80,000 items."""
    conn = session.connection()
    p = table_of(Paper).c
    sheets = {
        r[1]: _Sheet(*r)
        for r in conn.execute(
            select(p.id, p.paper_no, p.id_number, p.name, p.agency, p.points, p.officer_id, p.score, p.passed)
            .where(p.sitting_id == sitting_id)
            .order_by(p.id)
        )
    }
    by_id = {sheet.id: sheet.items for sheet in sheets.values()}
    rows = select_rows(
        session,
        "SELECT i.paper_id, i.id, i.position, q.type, q.answer, i.option_order, i.points, i.partial_credit "
        "FROM exam_paper_items i JOIN exam_questions q ON q.id = i.question_id "
        "JOIN exam_papers p ON p.id = i.paper_id WHERE p.sitting_id = ? ORDER BY i.paper_id, i.position",
        (sitting_id,),
    )
    for row in rows:
        by_id[row[0]].append(row)  # type: ignore[arg-type]  # a Row is the _Item tuple
    return sheets


_COLUMNS = tuple(str(n) for n in range(200))
_CELLS: dict[tuple[str, int, Any], tuple[str | None, tuple[str, ...] | None]] = {}
"""What a cell says, per question type and option count: a sheet repeats a handful of values."""


def _read_cell(qtype: str, options: int, value: Any) -> str | None:
    key = (qtype, options, value)
    try:
        hit = _CELLS[key]
    except (KeyError, TypeError):
        try:
            hit = (_parse_cell(qtype, options, value), None)
        except ValueError as exc:
            hit = (None, tuple(exc.args))
        if len(_CELLS) < 10_000:
            try:
                _CELLS[key] = hit
            except TypeError:
                pass
    if hit[1] is not None:
        raise ValueError(*hit[1])
    return hit[0]


def _parse_cell(qtype: str, options: int, value: Any) -> str | None:
    if qtype == rules.JUDGE:
        try:
            return rules.judge_value(value)
        except ValueError:
            raise ValueError(QT_TRANSLATE_NOOP("errors", "write 正确 or 错误 (对/错, √/×, T/F)")) from None
    try:
        letters = rules.letters_value(value)
    except ValueError:
        raise ValueError(QT_TRANSLATE_NOOP("errors", "write option letters (A, AC …)")) from None
    if letters is not None:
        beyond = [ch for ch in letters if rules.LETTERS.index(ch) >= options]
        if beyond:
            raise ValueError(
                QT_TRANSLATE_NOOP("errors", "option {letter} is not on this paper"), "、".join(beyond)
            )
    return letters


@lru_cache(maxsize=65_536)
def _mark(
    qtype: str, key: str, printed: str | None, order: str, points: float, partial: float
) -> tuple[str | None, float]:
    """An answer given in printed letters: in the bank's letters, and the points it earns."""
    response = rules.to_bank(qtype, printed, order)
    return response, rules.earned(qtype, key, response, points, partial)


def grade(
    store: Store,
    actor: Actor,
    sitting_id: int,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> tuple[ResultOut, ...]:
    """Grade the answer sheets of a sitting; returns the results of the papers in the file.
    A paper graded before is graded again from the new sheet. Audited."""
    require(actor, Permission.MANAGE_EXAMS)
    with store.reading() as session:
        get_sitting(session, sitting_id)
        longest = (
            session.execute(
                select(func.max(PaperItem.position)).join(Paper).where(Paper.sitting_id == sitting_id)
            ).scalar()
            or 0
        )
    columns = (Column("试卷号", required=True), *(Column(str(i)) for i in range(1, longest + 1)))
    sheet = read_checked(path, columns, progress, cancelled, sheet_name="答题卡")
    with store.unit_of_work() as uow:
        session = uow.session
        sitting = get_sitting(session, sitting_id)
        papers = _sheets(session, sitting_id)
        check = RowCheck(sheet)
        seen: dict[str, int] = {}
        answers: list[tuple[_Sheet, list[tuple[int, str | None, float]]]] = []
        for row in sheet.rows:
            paper_no = check.cell(row, "试卷号", parse_text)
            paper = papers.get(paper_no or "")
            if paper is None:
                check.add(
                    row.number,
                    "试卷号",
                    translate(
                        "errors", QT_TRANSLATE_NOOP("errors", "no paper {paper} in this sitting")
                    ).format(paper=paper_no or "")
                    if paper_no
                    else translate("errors", QT_TRANSLATE_NOOP("errors", "required")),
                )
                continue
            report_duplicate(check, seen, paper_no, row.number, "试卷号")
            marked: list[tuple[int, str | None, float]] = []
            values = row.values
            for _paper, item_id, position, qtype, key, order, points, partial in paper.items:
                column = _COLUMNS[position] if position < len(_COLUMNS) else str(position)
                try:
                    printed = _read_cell(qtype, len(order), values.get(column))
                except ValueError as exc:
                    message = translate("errors", exc.args[0])
                    check.add(
                        row.number,
                        column,
                        message.format(letter=exc.args[1]) if len(exc.args) > 1 else message,
                    )
                    printed = None
                marked.append((item_id, *_mark(qtype, key, printed, order, points, partial)))
            for position in range(len(paper.items) + 1, longest + 1):
                if parse_text(values.get(str(position))) is not None:
                    check.add(
                        row.number,
                        str(position),
                        translate(
                            "errors", QT_TRANSLATE_NOOP("errors", "this paper has no question {number}")
                        ).format(number=position),
                    )
            answers.append((paper, marked))
        if check.errors:
            raise ImportRefused(check.errors, sheet.file)
        now = utc_iso(store.clock.now())
        changes, paper_rows, out = [], [], []
        item_rows: list[tuple[str | None, float, int]] = []
        for paper, marked in answers:
            before = {"score": paper.score, "passed": paper.passed}
            score = 0.0
            responses = []
            for item_id, response, earned in marked:
                score += earned
                responses.append(response or "")
                item_rows.append((response, earned, item_id))
            score = round(score, 4)
            passed = score >= sitting.pass_mark - 1e-9
            paper_rows.append((score, passed, now, paper.id))
            changes.append(
                audit.Change(
                    "grade",
                    "exam_paper",
                    paper.id,
                    before,
                    {"score": score, "passed": passed, "answers": "|".join(responses)},
                    paper.paper_no,
                )
            )
            shown = (
                paper.id_number
                if actor.can(Permission.VIEW_ID_NUMBERS)
                else mask_resident_id(paper.id_number)
            )
            out.append(
                ResultOut(
                    paper.paper_no,
                    shown,
                    paper.name,
                    paper.agency,
                    paper.points,
                    score,
                    passed,
                    paper.officer_id,
                )
            )
        update_rows(session, "exam_paper_items", ("response", "earned"), item_rows)
        update_rows(session, "exam_papers", ("score", "passed", "graded_at"), paper_rows)
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return tuple(out)


def results(
    store: Store, actor: Actor, sitting_id: int, *, with_items: bool = False
) -> tuple[ResultOut, ...]:
    """Every candidate of a sitting with their score (None until graded); ``with_items``: each
    paper question by question (the answer given and the key as printed, the points)."""
    require(actor, Permission.VIEW_EXAMS)
    with store.reading() as session:
        get_sitting(session, sitting_id)
        return tuple(
            _result(p, actor, with_items=with_items)
            for p in _papers(session, sitting_id, with_items=with_items)
        )


def _result(paper: Paper, actor: Actor, *, with_items: bool) -> ResultOut:
    items: tuple[ItemResult, ...] = ()
    if with_items:
        items = tuple(
            ItemResult(
                i.position,
                i.question_id,
                i.question.type,
                _printed(i.question.type, i.response, i.option_order),
                rules.printed_key(i.question.type, i.question.answer, i.option_order),
                i.points,
                i.earned,
            )
            for i in paper.items
        )
    shown = paper.id_number if actor.can(Permission.VIEW_ID_NUMBERS) else mask_resident_id(paper.id_number)
    return ResultOut(
        paper.paper_no,
        shown,
        paper.name,
        paper.agency,
        paper.points,
        paper.score,
        paper.passed,
        paper.officer_id,
        items,
    )


def _printed(qtype: str, bank: str | None, order: str) -> str | None:
    if bank is None or qtype == rules.JUDGE or not order:
        return bank
    return "".join(sorted(rules.LETTERS[order.index(ch)] for ch in bank))
