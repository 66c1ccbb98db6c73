"""The on-screen sitting (机考): a candidate opens their paper with their 身份证号 and the sitting's
code; the countdown runs from the first opening (the store's clock); every answer is saved as it
is given; a crash resumes with every saved answer and the time that remained; submitting — or the
time running out — grades the paper. Nothing a candidate is given holds a key or another paper.

A proctor (``Permission.MANAGE_EXAMS``) sees every candidate's progress and state and may add time
to one of them. Every change is audited; the candidate's actions under ``考生 <试卷号>``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.accounts import audit
from desktop.core.clock import parse_utc_iso, utc_iso
from desktop.core.errors import Conflict, NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import normalize_id
from desktop.core.security import Actor, Permission, require
from desktop.exam import rules
from desktop.exam.sittings import get_sitting
from desktop.models import Paper, PaperItem, Sitting
from desktop.models.db import Store

NOT_OPENED, IN_PROGRESS, SUBMITTED = "not_opened", "in_progress", "submitted"


@dataclass(frozen=True)
class ScreenQuestion:
    """A question as the candidate's screen shows it: printed options, never the key."""

    number: int
    type: str
    stem: str
    options: tuple[str, ...]
    points: float


@dataclass(frozen=True)
class ScreenPaper:
    """An opened paper: who, what, the answers saved so far (printed letters), the deadline."""

    paper_id: int
    paper_no: str
    name: str
    exam: str
    minutes: int
    questions: tuple[ScreenQuestion, ...]
    answers: tuple[tuple[int, str], ...]
    flagged: tuple[int, ...]
    opened_at: str
    remaining: int
    """Seconds left when the paper was read."""


@dataclass(frozen=True)
class Submitted:
    """A submitted paper: its score and whether it passed (shown to the candidate)."""

    paper_no: str
    score: float
    points: float
    passed: bool


@dataclass(frozen=True)
class ProctorRow:
    """One candidate as the proctor sees them."""

    paper_no: str
    name: str
    state: str
    answered: int
    questions: int
    remaining: int | None
    extra_seconds: int


def remaining_seconds(paper: Paper, minutes: int, now: datetime) -> int:
    """Seconds left on an opened paper (0 when the time is over); the full time when unopened."""
    total = minutes * 60 + paper.extra_seconds
    if paper.opened_at is None:
        return total
    return max(0, total - int((now - parse_utc_iso(paper.opened_at)).total_seconds()))


def _candidate(session: Session, id_number: str, code: str) -> tuple[Sitting, Paper]:
    """The paper of this 身份证号 in the sitting with this code (the same refusal for either wrong)."""
    sitting = session.execute(select(Sitting).where(Sitting.code == code.strip().upper())).scalar()
    paper = None
    if sitting is not None:
        paper = session.execute(
            select(Paper)
            .where(Paper.sitting_id == sitting.id, Paper.id_number == normalize_id(id_number))
            .options(selectinload(Paper.items).joinedload(PaperItem.question))
        ).scalar()
    if sitting is None or paper is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No paper for this ID number and sitting code."))
    return sitting, paper


def _who(paper: Paper) -> str:
    return f"考生 {paper.paper_no}"


def open_paper(store: Store, id_number: str, code: str) -> ScreenPaper:
    """Open (or reopen, after a crash) a candidate's paper; the first opening starts the clock."""
    with store.unit_of_work() as uow:
        session = uow.session
        sitting, paper = _candidate(session, id_number, code)
        if paper.submitted_at is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "This paper was submitted at {time}."), time=paper.submitted_at
            )
        now = store.clock.now()
        if paper.opened_at is None:
            paper.opened_at = utc_iso(now)
            audit.record(
                session,
                store,
                _who(paper),
                "open",
                "exam_paper",
                paper.id,
                after={"opened_at": paper.opened_at},
            )
        out = ScreenPaper(
            paper.id,
            paper.paper_no,
            paper.name,
            sitting.name,
            sitting.minutes,
            tuple(
                ScreenQuestion(
                    i.position,
                    i.question.type,
                    i.question.stem,
                    tuple(i.question.options[rules.LETTERS.index(ch)] for ch in i.option_order),
                    i.points,
                )
                for i in paper.items
            ),
            tuple(
                (i.position, rules.printed_key(i.question.type, i.response, i.option_order))
                for i in paper.items
                if i.response
            ),
            tuple(paper.flagged or ()),
            paper.opened_at,
            remaining_seconds(paper, sitting.minutes, now),
        )
        uow.commit()
    return out


def save_answer(
    store: Store, id_number: str, code: str, number: int, printed: str | None, *, flagged: bool | None = None
) -> int:
    """Save one answer as given (printed letters or 正确/错误; None clears it) and, when given,
    whether the question is flagged. Refused once the time is over or the paper submitted.
    Returns the seconds left."""
    with store.unit_of_work() as uow:
        session = uow.session
        sitting, paper = _candidate(session, id_number, code)
        now = store.clock.now()
        left = remaining_seconds(paper, sitting.minutes, now)
        if paper.submitted_at is not None or paper.opened_at is None or left <= 0:
            raise Conflict(QT_TRANSLATE_NOOP("errors", "The time is over or the paper was submitted."))
        item = next((i for i in paper.items if i.position == number), None)
        if item is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "this paper has no question {number}"), number=number)
        q = item.question
        try:
            value = rules.judge_value(printed) if q.type == rules.JUDGE else rules.letters_value(printed)
        except ValueError:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "write option letters (A, AC …)"), field="answer"
            ) from None
        if (
            value
            and q.type != rules.JUDGE
            and any(rules.LETTERS.index(ch) >= len(item.option_order) for ch in value)
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "option {letter} is not on this paper"),
                field="answer",
                letter=value,
            )
        before = item.response
        item.response = rules.to_bank(q.type, value, item.option_order)
        if flagged is not None:
            marks = set(paper.flagged or ())
            if flagged:
                marks.add(number)
            else:
                marks.discard(number)
            paper.flagged = sorted(marks)
        audit.record(
            session,
            store,
            _who(paper),
            "answer",
            "exam_paper",
            paper.id,
            before={"number": number, "answer": before},
            after={"number": number, "answer": item.response},
        )
        uow.commit()
    return left


def time_left(store: Store, id_number: str, code: str) -> int:
    """Seconds left on an opened paper now (a proctor may have added time)."""
    with store.reading() as session:
        sitting, paper = _candidate(session, id_number, code)
        return remaining_seconds(paper, sitting.minutes, store.clock.now())


def submit(store: Store, id_number: str, code: str) -> Submitted:
    """Submit the paper (also when the time is over: what was saved is graded)."""
    with store.unit_of_work() as uow:
        session = uow.session
        sitting, paper = _candidate(session, id_number, code)
        if paper.submitted_at is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "This paper was submitted at {time}."), time=paper.submitted_at
            )
        now = utc_iso(store.clock.now())
        score = 0.0
        for item in paper.items:
            item.earned = rules.earned(
                item.question.type, item.question.answer, item.response, item.points, item.partial_credit
            )
            score += item.earned
        paper.score, paper.submitted_at, paper.graded_at = round(score, 4), now, now
        paper.passed = paper.score >= sitting.pass_mark - 1e-9
        audit.record(
            session,
            store,
            _who(paper),
            "submit",
            "exam_paper",
            paper.id,
            after={
                "score": paper.score,
                "passed": paper.passed,
                "answers": [i.response for i in paper.items],
            },
        )
        out = Submitted(paper.paper_no, paper.score, paper.points, paper.passed)
        uow.commit()
    return out


def proctor_rows(store: Store, actor: Actor, sitting_id: int) -> tuple[ProctorRow, ...]:
    """Every candidate of a sitting: state, questions answered, time left."""
    require(actor, Permission.MANAGE_EXAMS)
    now = store.clock.now()
    with store.reading() as session:
        sitting = get_sitting(session, sitting_id)
        papers = session.execute(
            select(Paper)
            .where(Paper.sitting_id == sitting_id)
            .options(selectinload(Paper.items))
            .order_by(Paper.id)
        ).scalars()
        return tuple(
            ProctorRow(
                p.paper_no,
                p.name,
                SUBMITTED if p.submitted_at else IN_PROGRESS if p.opened_at else NOT_OPENED,
                sum(1 for i in p.items if i.response),
                len(p.items),
                None if p.submitted_at else remaining_seconds(p, sitting.minutes, now),
                p.extra_seconds,
            )
            for p in papers
        )


def add_time(store: Store, actor: Actor, sitting_id: int, paper_no: str, minutes: int) -> int:
    """Give one candidate more time (audited); returns their extra seconds in all."""
    require(actor, Permission.MANAGE_EXAMS)
    if not 1 <= minutes <= 120:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Add from 1 to 120 minutes."), field="minutes")
    with store.unit_of_work() as uow:
        session = uow.session
        paper = session.execute(
            select(Paper).where(Paper.sitting_id == sitting_id, Paper.paper_no == paper_no)
        ).scalar()
        if paper is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "no paper {paper} in this sitting"), paper=paper_no)
        if paper.submitted_at is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "This paper was submitted at {time}."), time=paper.submitted_at
            )
        before = paper.extra_seconds
        paper.extra_seconds = before + minutes * 60
        audit.record(
            session,
            store,
            actor.name,
            "add_time",
            "exam_paper",
            paper.id,
            before={"extra_seconds": before},
            after={"extra_seconds": paper.extra_seconds},
            summary=paper.paper_no,
        )
        out = paper.extra_seconds
        uow.commit()
    return out


def sitting_code(store: Store, actor: Actor, sitting_id: int) -> str:
    """The code candidates type to open their papers (the proctor announces it)."""
    require(actor, Permission.MANAGE_EXAMS)
    with store.reading() as session:
        return get_sitting(session, sitting_id).code
