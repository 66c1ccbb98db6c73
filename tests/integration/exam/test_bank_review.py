"""Questions flagged for review in the bank (待复核) from every graded answer: too easy, too hard,
or negatively discriminating (the point-biserial correlation of the question's share earned with
the score on the paper's other questions below zero), worked out here the plain way and compared;
the bank's filter shows exactly the flagged ones."""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select, update

from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.exam.bank import list_questions
from desktop.exam.bank_exchange import import_questions
from desktop.exam.bank_review import MIN_ANSWERS
from desktop.exam.blueprints import load_blueprint
from desktop.exam.sittings import generate
from desktop.models import PaperItem
from desktop.models.db import Store
from tests.helpers.exam import blueprint, write_bank, write_candidates

CANDIDATES = 24


def _graded_sitting(store: Store, admin: Actor, tmp_path: Path) -> dict[int, tuple[str, ...]]:
    """A sitting of 24 papers from a small bank (each question on about half of them) whose
    answers are set by hand: the papers ranked 0…23, question q earned by the papers ranked at or
    above q % 24 — except every fifth question, earned by all, every fifth + 1, by none, and every
    fifth + 2, by the lower half only. The flags expected, worked out the plain way."""
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=2))
    write_candidates(tmp_path / "cand.xlsx", CANDIDATES)
    bp = load_blueprint(blueprint(tmp_path / "bp.json"))
    generate(store, admin, bp, "7", tmp_path / "cand.xlsx", tmp_path / "out")
    with store.unit_of_work() as uow:
        items = uow.session.execute(
            select(PaperItem.id, PaperItem.paper_id, PaperItem.question_id, PaperItem.points)
        ).all()
        papers = sorted({p for _i, p, _q, _pts in items})
        rank = {p: n for n, p in enumerate(papers)}
        earned: dict[int, float] = {}
        for item_id, paper_id, qid, points in items:
            r, kind = rank[paper_id], qid % 5
            got = {0: True, 1: False, 2: r < CANDIDATES // 2}.get(kind, r >= qid % CANDIDATES)
            earned[item_id] = points if got else 0.0
        for item_id, value in earned.items():
            uow.session.execute(update(PaperItem).where(PaperItem.id == item_id).values(earned=value))
        uow.commit()
    totals: dict[int, float] = defaultdict(float)
    for item_id, paper_id, _q, _pts in items:
        totals[paper_id] += earned[item_id]
    per_question: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
    for item_id, paper_id, qid, points in items:
        per_question[qid].append((earned[item_id], points, totals[paper_id] - earned[item_id]))
    expected = {}
    for qid, rows in per_question.items():
        if len(rows) < MIN_ANSWERS:
            continue
        shares = [e / p for e, p, _r in rows]
        rests = [r for _e, _p, r in rows]
        flags = []
        if _pearson(shares, rests) < 0:
            flags.append("negative")
        facility = sum(e for e, _p, _r in rows) / sum(p for _e, p, _r in rows)
        if facility >= 0.9:
            flags.append("easy")
        if facility <= 0.2:
            flags.append("hard")
        if flags:
            expected[qid] = tuple(flags)
    return expected


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def test_the_bank_flags_what_the_plain_computation_flags(store: Store, admin: Actor, tmp_path: Path) -> None:
    expected = _graded_sitting(store, admin, tmp_path)
    kinds = {f for flags in expected.values() for f in flags}
    assert kinds == {"negative", "easy", "hard"}, expected  # the sitting has each kind
    everything = list_questions(store, admin, ListQuery(limit=None)).items
    assert {q.id: q.review for q in everything if q.review} == expected
    flagged = list_questions(store, admin, ListQuery(limit=None, filters=(("review", True),)))
    assert sorted(q.id for q in flagged.items) == sorted(expected) and flagged.total == len(expected)


def test_a_bank_without_graded_answers_flags_nothing(store: Store, admin: Actor, tmp_path: Path) -> None:
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=2))
    assert all(q.review == () for q in list_questions(store, admin, ListQuery(limit=None)).items)
    assert list_questions(store, admin, ListQuery(limit=None, filters=(("review", True),))).total == 0
