"""Generating a sitting (FORMATS.md §7–§9): the blueprint checked against the bank before
anything is made, one stored paper per candidate drawn from ``random.Random`` seeded with the
sitting's seed (stored; the same seed and candidates give the same papers), then the files of §9.
One unit of work: a cancelled or failed generation leaves neither rows nor files."""

from __future__ import annotations

import os
import random
import secrets
import shutil
import tempfile
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import Cancelled, NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.exam import rules
from desktop.exam.blueprints import (
    PoolQuestion,
    blueprint_json,
    draw_paper,
    shortfall_text,
    shortfalls,
    slot_pools,
)
from desktop.exam.bulk import insert_rows
from desktop.exam.candidates import read_candidates
from desktop.exam.dto import Blueprint, Candidate, PaperSummary, SittingOut
from desktop.exam.paper_files import (
    ANSWER_SHEET,
    KEYS,
    PAPERS,
    PaperPrinter,
    PrintedPaper,
    PrintedQuestion,
    write_answer_sheet,
    write_keys,
)
from desktop.io.imports import IsCancelled, Progress
from desktop.models import Paper, Question, Sitting
from desktop.models.db import Store

SEED_LIMIT = 100
SHARE_ATTEMPTS = 200
"""How many draws a paper may take to keep within the blueprint's share cap."""


class Unmeetable(ValidationError):
    """The bank cannot fill the blueprint: ``shortfalls`` says where and by how many."""

    code = "unmeetable"

    def __init__(self, items: Sequence) -> None:
        self.shortfalls = tuple(items)
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The bank cannot fill this blueprint; no paper was made.\n{details}"),
            field="blueprint",
            details=shortfall_text(items),
        )


CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""A sitting code's characters: no 0/O or 1/I to misread."""
CODE_LENGTH = 6


def sitting_code() -> str:
    """A new sitting's code (a secret the proctor announces in the room, not a draw of the exam)."""
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def paper_number(sitting_id: int, index: int) -> str:
    """The 试卷号 of the ``index``-th paper (from 1) of a sitting: ``007-0012``."""
    return f"{sitting_id:03d}-{index:04d}"


def check_blueprint(store: Store, actor: Actor, bp: Blueprint) -> None:
    """Refuse (``Unmeetable``) a blueprint the bank's current questions cannot fill."""
    require(actor, Permission.MANAGE_EXAMS)
    with store.reading() as session:
        found = shortfalls(bp, _pool(session))
    if found:
        raise Unmeetable(found)


def question_pool(store: Store, actor: Actor) -> tuple[PoolQuestion, ...]:
    """The bank's questions as the draw sees them (type, category, difficulty, options): what the
    blueprint editor checks a blueprint against as it is typed."""
    require(actor, Permission.MANAGE_EXAMS)
    with store.reading() as session:
        return tuple(_pool(session))


def _pool(session: Session) -> list[PoolQuestion]:
    rows = session.execute(
        select(Question.id, Question.type, Question.category, Question.difficulty, Question.options).where(
            Question.active
        )
    ).all()
    return [PoolQuestion(i, t, c, d, len(o or ())) for i, t, c, d, o in rows]


def draw_papers(
    bp: Blueprint,
    pool: Sequence[PoolQuestion],
    seed: str,
    count: int,
    cancelled: IsCancelled | None = None,
) -> list[list]:
    """``count`` papers drawn with ``random.Random`` seeded from ``seed``: the same seed, bank and
    count give the same papers. With ``max_shared`` no two papers share more questions."""
    rng = random.Random(f"exam-sitting:{seed}")
    slots = slot_pools(bp, pool)
    papers: list[list] = []
    sets: list[frozenset[int]] = []
    for n in range(count):
        if cancelled is not None and n % 50 == 0 and cancelled():
            raise Cancelled()
        for _attempt in range(SHARE_ATTEMPTS if bp.max_shared is not None else 1):
            items = draw_paper(bp, slots, rng)
            ids = frozenset(i.question_id for i in items)
            if bp.max_shared is None or all(len(ids & other) <= bp.max_shared for other in sets):
                break
        else:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The bank is too small for {count} papers sharing at most {cap} questions "
                    "(paper {paper} could not be drawn).",
                ),
                field="max_shared",
                count=count,
                cap=bp.max_shared,
                paper=n + 1,
            )
        papers.append(items)
        sets.append(ids)
    return papers


def most_shared(papers: Sequence[Sequence]) -> int:
    """The most questions any two papers share."""
    sets = [frozenset(i.question_id for i in p) for p in papers]
    return max((len(a & b) for a, b in combinations(sets, 2)), default=0)


def generate(
    store: Store,
    actor: Actor,
    bp: Blueprint,
    seed: str,
    candidates_path: str | Path,
    out: str | Path | None,
    *,
    name: str | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> SittingOut:
    """Generate and store a sitting, and write its files into ``out`` (§9; None: store the papers
    only, for a sitting taken on screen). Audited."""
    require(actor, Permission.MANAGE_EXAMS)
    seed = str(seed).strip()
    if not seed or len(seed) > SEED_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a seed of 1 to 100 characters."), field="seed"
        )
    exam_name = (name or bp.name).strip()
    candidates = read_candidates(store, candidates_path, cancelled=cancelled)
    with store.reading() as session:
        pool = _pool(session)
    found = shortfalls(bp, pool)
    if found:
        raise Unmeetable(found)
    drawn = draw_papers(bp, pool, seed, len(candidates), cancelled)
    target = Path(out) if out is not None else None
    created = target is not None and not target.exists()
    temp: Path | None = None
    if target is not None:
        target.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".exam-", dir=target))
    placed: list[Path] = []
    total_steps = 2 * len(candidates)
    try:
        with store.unit_of_work() as uow:
            session = uow.session
            sitting = Sitting(
                name=exam_name,
                seed=seed,
                blueprint=_blueprint_doc(bp),
                minutes=bp.minutes,
                pass_mark=bp.effective_pass_mark,
                total_points=bp.total_points,
                created_at=utc_iso(store.clock.now()),
                created_by=actor.name,
                code=sitting_code(),
            )
            session.add(sitting)
            session.flush()
            papers = _store_papers(session, sitting, candidates, drawn, progress, total_steps)
            if target is not None and temp is not None:
                used = {i.question_id for items in drawn for i in items}
                questions = {
                    q.id: q
                    for start in range(0, len(used), 500)
                    for q in session.execute(
                        select(Question).where(Question.id.in_(sorted(used)[start : start + 500]))
                    ).scalars()
                }
                _write_files(temp, sitting, papers, drawn, questions, progress, cancelled, total_steps)
                placed = _place(temp, target)
            audit.record(
                session,
                store,
                actor.name,
                "generate",
                "exam_sitting",
                sitting.id,
                after={
                    "name": exam_name,
                    "seed": seed,
                    "papers": len(papers),
                    "blueprint": sitting.blueprint,
                    "max_shared": bp.max_shared,
                },
                summary=exam_name,
            )
            summaries = tuple(
                PaperSummary(p.paper_no, p.id_number, p.name, len(items), p.points)
                for p, items in zip(papers, drawn, strict=True)
            )
            result = SittingOut(
                sitting.id,
                exam_name,
                seed,
                bp.minutes,
                sitting.pass_mark,
                sitting.total_points,
                sitting.created_at,
                actor.name,
                summaries,
            )
            uow.commit()
    except BaseException:
        for path in placed:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
        if created and target is not None:
            shutil.rmtree(target, ignore_errors=True)
        raise
    if temp is not None:
        shutil.rmtree(temp, ignore_errors=True)
    return result


def _blueprint_doc(bp: Blueprint) -> dict:
    return blueprint_json(bp)


def _store_papers(
    session: Session,
    sitting: Sitting,
    candidates: Sequence[Candidate],
    drawn: Sequence[Sequence],
    progress: Progress | None,
    total_steps: int,
) -> list[Paper]:
    """The papers (one statement for their items: a sitting of 1,000 papers holds 80,000)."""
    papers = [
        Paper(
            sitting_id=sitting.id,
            paper_no=paper_number(sitting.id, n),
            name=c.name,
            id_number=c.id_number,
            agency=c.agency,
            officer_id=c.officer_id,
            points=float(sum(i.points for i in items)),
        )
        for n, (c, items) in enumerate(zip(candidates, drawn, strict=True), 1)
    ]
    session.add_all(papers)
    session.flush()
    insert_rows(
        session,
        "exam_paper_items",
        ("paper_id", "position", "question_id", "option_order", "points", "partial_credit"),
        [
            (paper.id, pos, item.question_id, item.option_order, item.points, item.partial_credit)
            for paper, items in zip(papers, drawn, strict=True)
            for pos, item in enumerate(items, 1)
        ],
    )
    if progress is not None:
        progress(len(papers), total_steps)
    return papers


def _write_files(
    temp: Path,
    sitting: Sitting,
    papers: Sequence[Paper],
    drawn: Sequence[Sequence],
    questions: dict[int, Question],
    progress: Progress | None,
    cancelled: IsCancelled | None,
    total_steps: int,
) -> None:
    printer = PaperPrinter()
    (temp / PAPERS).mkdir()
    keys = []
    for n, (paper, items) in enumerate(zip(papers, drawn, strict=True), 1):
        if cancelled is not None and cancelled():
            raise Cancelled()
        printed = []
        for pos, item in enumerate(items, 1):
            q = questions[item.question_id]
            order = item.option_order
            options = tuple(q.options[rules.LETTERS.index(ch)] for ch in order)
            printed.append(PrintedQuestion(pos, q.type, q.stem, options, item.points))
            keys.append(
                [
                    paper.paper_no,
                    pos,
                    q.type,
                    q.category,
                    q.difficulty,
                    q.id,
                    order,
                    rules.printed_key(q.type, q.answer, order),
                    item.points,
                ]
            )
        printer.save(
            PrintedPaper(
                sitting.name,
                paper.paper_no,
                paper.name,
                paper.id_number,
                paper.agency,
                sitting.minutes,
                paper.points,
                sitting.pass_mark,
                tuple(printed),
            ),
            temp / PAPERS / f"{paper.paper_no}.pdf",
        )
        if progress is not None:
            progress(len(papers) + n, total_steps)
    write_answer_sheet(temp, [p.paper_no for p in papers], max(len(i) for i in drawn))
    write_keys(temp, keys, len(keys))


def _place(temp: Path, target: Path) -> list[Path]:
    """Move the finished files from ``temp`` into ``target`` (papers of an earlier run there are
    replaced); returns what was placed, for removal should the commit fail."""
    placed = []
    papers = target / PAPERS
    if papers.exists():
        shutil.rmtree(papers)
    for name in (PAPERS, ANSWER_SHEET, KEYS):
        os.replace(temp / name, target / name)
        placed.append(target / name)
    return placed


# ---------------------------------------------------------------------------- reading


def list_sittings(store: Store, actor: Actor) -> tuple[SittingOut, ...]:
    """Every sitting, newest first, with how many papers are graded and passed."""
    require(actor, Permission.VIEW_EXAMS)
    with store.reading() as session:
        counts = {
            sid: (n, graded or 0, passed or 0)
            for sid, n, graded, passed in session.execute(
                select(
                    Paper.sitting_id,
                    func.count(),
                    func.count(Paper.score),
                    func.sum(case((Paper.passed.is_(True), 1), else_=0)),
                ).group_by(Paper.sitting_id)
            ).all()
        }
        return tuple(
            SittingOut(
                s.id,
                s.name,
                s.seed,
                s.minutes,
                s.pass_mark,
                s.total_points,
                s.created_at,
                s.created_by,
                (),
                counts.get(s.id, (0, 0, 0))[1],
                int(counts.get(s.id, (0, 0, 0))[2]),
            )
            for s in session.execute(select(Sitting).order_by(Sitting.id.desc())).scalars()
        )


def get_sitting(session: Session, sitting_id: int) -> Sitting:
    """The sitting, or ``NotFound``."""
    sitting = session.get(Sitting, sitting_id)
    if sitting is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No exam sitting {id}."), id=sitting_id)
    return sitting
