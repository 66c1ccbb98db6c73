"""The question bank (题库): the list, the editor's add and edit (a question already printed in a paper is never
changed in place: the edit makes a new version), retiring a question. Every change audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import Conflict, NotFound
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require
from desktop.core.validation import raise_first
from desktop.exam import rules
from desktop.exam.bank_review import review_flags
from desktop.exam.dto import QuestionInput, QuestionOut
from desktop.models import PaperItem, Question
from desktop.models.db import Store

AUDITED = ("type", "stem", "options", "answer", "category", "difficulty", "explanation", "active", "retired")
ENTITY = "exam_question"


def clean(data: QuestionInput) -> QuestionInput:
    """The input with its texts trimmed and trailing empty options dropped; ``ValidationError``
    naming the field of the first broken rule."""
    options = [(o or "").strip() for o in data.options]
    while options and not options[-1]:
        options.pop()
    data = QuestionInput(
        rules.TYPE_ALIASES.get(data.type.strip(), data.type.strip()),
        data.stem.strip(),
        tuple(options),
        data.answer,
        data.category.strip(),
        rules.DIFFICULTY_ALIASES.get(data.difficulty, data.difficulty) or rules.DEFAULT_DIFFICULTY,
        (data.explanation or "").strip() or None,
    )
    raise_first(rules.question_problems(data.type, data.stem, data.options, data.answer, data.category))
    if data.type not in rules.TYPES:
        raise_first([rules.Problem("type", QT_TRANSLATE_NOOP("errors", "unknown question type"))])
    if data.difficulty not in rules.DIFFICULTIES:
        raise_first([rules.Problem("difficulty", QT_TRANSLATE_NOOP("errors", "must be 易, 中 or 难"))])
    return data


@dataclass(frozen=True)
class Known:
    id: int
    type: str
    answer: str
    category: str
    difficulty: str
    explanation: str | None


def active_by_fingerprint(session: Session) -> dict[str, Known]:
    rows = session.execute(
        select(
            Question.fingerprint,
            Question.id,
            Question.type,
            Question.answer,
            Question.category,
            Question.difficulty,
            Question.explanation,
        ).where(Question.active)
    ).all()
    return {r[0]: Known(*r[1:]) for r in rows}


def same_values(q: Known, data: QuestionInput) -> bool:
    return (q.type, q.answer, q.category, q.difficulty, q.explanation or None) == (
        data.type,
        data.answer,
        data.category,
        data.difficulty,
        data.explanation or None,
    )


def apply(q: Question, data: QuestionInput) -> None:
    q.type, q.stem, q.options = data.type, data.stem, list(data.options)
    q.answer, q.category, q.difficulty = data.answer, data.category, data.difficulty
    q.explanation = data.explanation
    q.fingerprint = rules.fingerprint(data.stem, data.options)


def stamp(q: Question, store: Store, actor: Actor) -> None:
    q.updated_at, q.updated_by = utc_iso(store.clock.now()), actor.name


# ---------------------------------------------------------------------------- editor


def add_question(store: Store, actor: Actor, data: QuestionInput) -> QuestionOut:
    """Add one question from the editor; a duplicate is refused. Audited."""
    require(actor, Permission.MANAGE_EXAMS)
    data = clean(data)
    with store.unit_of_work() as uow:
        session = uow.session
        _refuse_duplicate(session, data, None)
        q = Question(revision=1)
        apply(q, data)
        stamp(q, store, actor)
        session.add(q)
        session.flush()
        q.family = q.id
        session.flush()
        audit.record(session, store, actor.name, "create", ENTITY, q.id, after=audit.snapshot(q, AUDITED))
        out = _out(q, 0)
        uow.commit()
    return out


def add_questions(store: Store, actor: Actor, items: Sequence[QuestionInput]) -> int:
    """Add many questions in one unit of work (the demo's bank); those already in the bank are
    left as they are. Returns how many were added. Audited."""
    require(actor, Permission.MANAGE_EXAMS)
    cleaned = [clean(d) for d in items]
    with store.unit_of_work() as uow:
        session = uow.session
        known = set(active_by_fingerprint(session))
        rows = []
        for data in cleaned:
            key = rules.fingerprint(data.stem, data.options)
            if key in known:
                continue
            known.add(key)
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
                audit.Change("create", ENTITY, q.id, None, audit.snapshot(q, AUDITED), q.stem[:60])
                for q in rows
            ],
        )
        uow.commit()
    return len(rows)


def edit_question(
    store: Store, actor: Actor, question_id: int, version: int, data: QuestionInput
) -> QuestionOut:
    """Change a question. One already printed in a paper keeps its text for those papers: the
    edit adds a new version (same family) and the old one leaves the bank's pool. Audited."""
    require(actor, Permission.MANAGE_EXAMS)
    data = clean(data)
    with store.unit_of_work() as uow:
        session = uow.session
        q = _get(session, question_id)
        if q.version != version:
            raise Conflict(QT_TRANSLATE_NOOP("errors", "Someone else changed this question; reload it."))
        if not q.active:
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "Only the current version of a question can be edited.")
            )
        _refuse_duplicate(session, data, q.family)
        before = audit.snapshot(q, AUDITED)
        if _used(session, [q.id]).get(q.id):
            new = Question(family=q.family, revision=q.revision + 1)
            apply(new, data)
            stamp(new, store, actor)
            q.active = False
            stamp(q, store, actor)
            session.add(new)
            session.flush()
            audit.record_many(
                session,
                store,
                actor.name,
                [
                    audit.Change("update", ENTITY, q.id, before, audit.snapshot(q, AUDITED), "superseded"),
                    audit.Change(
                        "create", ENTITY, new.id, None, audit.snapshot(new, AUDITED), f"v{new.revision}"
                    ),
                ],
            )
            out = _out(new, 0)
        else:
            apply(q, data)
            stamp(q, store, actor)
            session.flush()
            audit.record(
                session,
                store,
                actor.name,
                "update",
                ENTITY,
                q.id,
                before=before,
                after=audit.snapshot(q, AUDITED),
            )
            out = _out(q, 0)
        uow.commit()
    return out


def retire_question(store: Store, actor: Actor, question_id: int) -> QuestionOut:
    """Take a question out of new papers (papers that hold it keep it). Audited."""
    require(actor, Permission.MANAGE_EXAMS)
    with store.unit_of_work() as uow:
        session = uow.session
        q = _get(session, question_id)
        before = audit.snapshot(q, AUDITED)
        q.active, q.retired = False, True
        stamp(q, store, actor)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "retire",
            ENTITY,
            q.id,
            before=before,
            after=audit.snapshot(q, AUDITED),
        )
        out = _out(q, _used(session, [q.id]).get(q.id, 0))
        uow.commit()
    return out


def _refuse_duplicate(session: Session, data: QuestionInput, family: int | None) -> None:
    key = rules.fingerprint(data.stem, data.options)
    other = session.execute(
        select(Question.id).where(
            Question.active, Question.fingerprint == key, Question.family != (family or 0)
        )
    ).scalar()
    if other is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "The bank holds this question already (题库编号 {id})."), id=other
        )


def _get(session: Session, question_id: int) -> Question:
    q = session.get(Question, question_id)
    if q is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No question {id} in the bank."), id=question_id)
    return q


# ---------------------------------------------------------------------------- reading


def list_questions(store: Store, actor: Actor, query: ListQuery) -> Page[QuestionOut]:
    """Bank questions, current versions only unless the filter ``all`` is set; filters ``type``,
    ``category``, ``difficulty``, ``review`` (only the questions ``bank_review`` flags); the search
    looks in the stem and the category."""
    require(actor, Permission.MANAGE_EXAMS)
    stmt = select(Question)
    if not query.filter("all"):
        stmt = stmt.where(Question.active)
    for name in ("type", "category", "difficulty"):
        value = query.filter(name)
        if value:
            stmt = stmt.where(getattr(Question, name) == value)
    if query.search.strip():
        like = f"%{query.search.strip()}%"
        stmt = stmt.where(or_(Question.stem.like(like), Question.category.like(like)))
    with store.reading() as session:
        flagged = review_flags(session) if query.filter("review") else None
        if flagged is not None:
            stmt = stmt.where(Question.id.in_(sorted(flagged)))
        total = session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        stmt = stmt.order_by(Question.id).offset(query.offset)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        rows = list(session.execute(stmt).scalars())
        used = _used(session, [q.id for q in rows])
        facility = _facility(session, [q.id for q in rows])
        if flagged is None:
            flagged = review_flags(session, [q.id for q in rows])
        items = tuple(
            replace(_out(q, used.get(q.id, 0), facility.get(q.id)), review=flagged.get(q.id, ()))
            for q in rows
        )
    return Page(items, total)


def get_question(store: Store, actor: Actor, question_id: int) -> QuestionOut:
    """One question (any version)."""
    require(actor, Permission.MANAGE_EXAMS)
    with store.reading() as session:
        q = _get(session, question_id)
        return _out(q, _used(session, [q.id]).get(q.id, 0), _facility(session, [q.id]).get(q.id))


def categories(store: Store, actor: Actor) -> tuple[str, ...]:
    """The categories of the current questions."""
    require(actor, Permission.MANAGE_EXAMS)
    with store.reading() as session:
        return tuple(
            session.execute(
                select(Question.category).where(Question.active).distinct().order_by(Question.category)
            ).scalars()
        )


def _used(session: Session, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(PaperItem.question_id, func.count())
        .where(PaperItem.question_id.in_(list(ids)))
        .group_by(PaperItem.question_id)
    ).all()
    return {qid: n for qid, n in rows}


def _facility(session: Session, ids: Sequence[int]) -> dict[int, float]:
    if not ids:
        return {}
    rows = session.execute(
        select(PaperItem.question_id, func.sum(PaperItem.earned), func.sum(PaperItem.points))
        .where(PaperItem.question_id.in_(list(ids)), PaperItem.earned.is_not(None))
        .group_by(PaperItem.question_id)
    ).all()
    return {qid: round(float(e or 0) / float(p), 4) for qid, e, p in rows if p}


def _out(q: Question, used: int, facility: float | None = None) -> QuestionOut:
    return QuestionOut(
        q.id,
        q.family or q.id,
        q.revision,
        q.type,
        q.stem,
        tuple(q.options or ()),
        q.answer,
        q.category,
        q.difficulty,
        q.explanation,
        q.active,
        q.retired,
        q.version,
        used,
        facility,
        q.updated_at,
        q.updated_by,
    )
