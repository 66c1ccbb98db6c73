"""Item analysis of a graded sitting (what Moodle's quiz statistics give), correct when candidates
saw different papers and option orders: every answer is counted in the bank's letters.

Per question: facility (share of its points earned), discrimination (facility in the upper 27 %
by total score less the lower 27 %), the point-biserial correlation with the rest of the paper,
how often each of the bank's options was chosen. Per sitting: mean, median, standard deviation,
Cronbach's α (KR-20 for items scored 0/1) where every candidate answered the same questions, the
standard error of measurement, the pass rate overall and per agency."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import select

from desktop.core.security import Actor, Permission, require
from desktop.exam import rules
from desktop.exam.grading import results
from desktop.exam.sittings import get_sitting
from desktop.io.xlsx import write_sheets
from desktop.models import Paper, PaperItem, Question
from desktop.models.db import Store

UPPER_LOWER = 0.27
EASY, HARD = 0.9, 0.2
"""Facility above which nearly everyone, below which nearly no one, answers right: flagged."""


class Answer(NamedTuple):
    """One graded answer: the question, the share of its points earned, the bank letters chosen."""

    question_id: int
    score: float
    points: float
    response: str | None


@dataclass(frozen=True)
class BankQuestion:
    """What the analysis needs of a question (``options``: one entry per printed option)."""

    type: str
    category: str
    difficulty: str
    stem: str
    answer: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Sheet:
    """One graded paper: its total and its answers."""

    paper_no: str
    agency: str | None
    total: float
    passed: bool
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    type: str
    category: str
    difficulty: str
    stem: str
    answer: str
    n: int
    facility: float | None
    discrimination: float | None
    point_biserial: float | None
    options: tuple[tuple[str, int], ...]
    """Bank letter (or 正确/错误) → how many chose it."""
    blank: int
    flags: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question_id,
            "type": self.type,
            "category": self.category,
            "n": self.n,
            "facility": self.facility,
            "discrimination": self.discrimination,
            "point_biserial": self.point_biserial,
            "options": dict(self.options),
            "blank": self.blank,
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class Analysis:
    sitting: int
    name: str
    candidates: int
    graded: int
    mean: float | None
    median: float | None
    sd: float | None
    alpha: float | None
    sem: float | None
    pass_rate: float | None
    items: tuple[ItemStats, ...] = ()
    agencies: tuple[tuple[str, int, int], ...] = ()
    """(agency, graded, passed)."""
    scores: tuple[float, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sitting": self.sitting,
            "name": self.name,
            "candidates": self.candidates,
            "graded": self.graded,
            "mean": self.mean,
            "median": self.median,
            "sd": self.sd,
            "alpha": self.alpha,
            "sem": self.sem,
            "pass_rate": self.pass_rate,
            "agencies": [{"agency": a, "graded": g, "passed": p} for a, g, p in self.agencies],
            "items": [i.as_dict() for i in self.items],
        }


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, None when either side does not vary."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """α = k/(k−1) · (1 − Σ var(item) / var(total)) over candidates (rows) × items (columns),
    population variances; KR-20 when items score 0/1. None under 2 items or candidates, or when
    the totals do not vary."""
    if len(matrix) < 2 or len(matrix[0]) < 2:
        return None
    k = len(matrix[0])
    totals = [sum(row) for row in matrix]
    var_total = statistics.pvariance(totals)
    if var_total == 0:
        return None
    var_items = sum(statistics.pvariance([row[j] for row in matrix]) for j in range(k))
    return k / (k - 1) * (1 - var_items / var_total)


def analyse(sheets: Sequence[Sheet], questions: dict[int, Any]) -> tuple[list[ItemStats], dict[str, Any]]:
    """Item statistics and the sitting's figures from graded papers (pure)."""
    ranked = sorted(sheets, key=lambda s: s.total)
    k = max(1, round(UPPER_LOWER * len(ranked))) if ranked else 0
    lower = {id(s) for s in ranked[:k]}
    upper = {id(s) for s in ranked[len(ranked) - k :]}
    by_q: dict[int, list[tuple[Sheet, Answer]]] = defaultdict(list)
    for s in sheets:
        for a in s.answers:
            by_q[a.question_id].append((s, a))
    items = []
    for qid in sorted(by_q):
        q = questions[qid]
        pairs = by_q[qid]
        shares = [a.score / a.points if a.points else 0.0 for _, a in pairs]
        up = [a.score / a.points for s, a in pairs if id(s) in upper and a.points]
        low = [a.score / a.points for s, a in pairs if id(s) in lower and a.points]
        disc = sum(up) / len(up) - sum(low) / len(low) if up and low else None
        rest = [s.total - a.score for s, a in pairs]
        rpb = correlation(shares, rest)
        facility = sum(shares) / len(shares) if shares else None
        labels = [rules.TRUE, rules.FALSE] if q.type == rules.JUDGE else list(rules.LETTERS[: len(q.options)])
        counts = dict.fromkeys(labels, 0)
        blank = 0
        for _, a in pairs:
            if not a.response:
                blank += 1
            elif q.type == rules.JUDGE:
                counts[a.response] = counts.get(a.response, 0) + 1
            else:
                for ch in a.response:
                    counts[ch] = counts.get(ch, 0) + 1
        flags = []
        if (disc is not None and disc < 0) or (rpb is not None and rpb < 0):
            flags.append("negative")
        if facility is not None and facility >= EASY:
            flags.append("easy")
        if facility is not None and facility <= HARD:
            flags.append("hard")
        items.append(
            ItemStats(
                qid,
                q.type,
                q.category,
                q.difficulty,
                q.stem,
                q.answer,
                len(pairs),
                _r(facility),
                _r(disc),
                _r(rpb),
                tuple(counts.items()),
                blank,
                tuple(flags),
            )
        )
    totals = [s.total for s in sheets]
    figures: dict[str, Any] = {
        "mean": None,
        "median": None,
        "sd": None,
        "alpha": None,
        "sem": None,
        "pass_rate": None,
    }
    if totals:
        figures["mean"] = _r(statistics.fmean(totals))
        figures["median"] = _r(statistics.median(totals))
        figures["sd"] = _r(statistics.pstdev(totals))
        figures["pass_rate"] = _r(sum(s.passed for s in sheets) / len(sheets))
        sets = {frozenset(a.question_id for a in s.answers) for s in sheets}
        if len(sets) == 1:
            order = sorted(next(iter(sets)))
            scored = [{a.question_id: a.score for a in s.answers} for s in sheets]
            matrix = [[row[q] for q in order] for row in scored]
            alpha = cronbach_alpha(matrix)
            figures["alpha"] = _r(alpha)
            if alpha is not None:
                figures["sem"] = _r(statistics.pstdev(totals) * math.sqrt(max(0.0, 1 - alpha)))
    return items, figures


def analysis(store: Store, actor: Actor, sitting_id: int) -> Analysis:
    """The item analysis of a sitting's graded papers."""
    require(actor, Permission.VIEW_EXAMS)
    with store.reading() as session:
        sitting = get_sitting(session, sitting_id)
        papers = session.execute(
            select(Paper.id, Paper.paper_no, Paper.agency, Paper.score, Paper.passed)
            .where(Paper.sitting_id == sitting_id)
            .order_by(Paper.id)
        ).all()
        answers: dict[int, list[Answer]] = defaultdict(list)
        printed: dict[int, int] = {}
        for paper_id, question_id, earned, points, response, order in session.execute(
            select(
                PaperItem.paper_id,
                PaperItem.question_id,
                PaperItem.earned,
                PaperItem.points,
                PaperItem.response,
                PaperItem.option_order,
            )
            .join(Paper, Paper.id == PaperItem.paper_id)
            .where(Paper.sitting_id == sitting_id, Paper.score.is_not(None))
            .order_by(PaperItem.paper_id, PaperItem.position)
        ):
            answers[paper_id].append(Answer(question_id, float(earned or 0.0), points, response))
            printed[question_id] = len(order)
        wanted = sorted(printed)
        questions = {
            qid: BankQuestion(qtype, category, level, stem, answer, ("",) * printed[qid])
            for start in range(0, len(wanted), 500)
            for qid, qtype, category, level, stem, answer in session.execute(
                select(
                    Question.id,
                    Question.type,
                    Question.category,
                    Question.difficulty,
                    Question.stem,
                    Question.answer,
                ).where(Question.id.in_(wanted[start : start + 500]))
            )
        }
        sheets = [
            Sheet(no, agency, float(score), bool(passed), tuple(answers[pid]))
            for pid, no, agency, score, passed in papers
            if score is not None
        ]
        items, figures = analyse(sheets, questions)
        agencies: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for s in sheets:
            agencies[s.agency or ""][0] += 1
            agencies[s.agency or ""][1] += int(s.passed)
        return Analysis(
            sitting.id,
            sitting.name,
            len(papers),
            len(sheets),
            items=tuple(items),
            agencies=tuple((a, g, p) for a, (g, p) in sorted(agencies.items())),
            scores=tuple(s.total for s in sheets),
            **figures,
        )


def export_analysis(store: Store, actor: Actor, sitting_id: int, out: str | Path) -> Analysis:
    """Write the analysis to a workbook: the sitting's figures, each candidate's result, per
    question, per agency."""
    report = analysis(store, actor, sitting_id)
    figures: list[list[Any]] = [
        ["考试", report.name],
        ["考生人数", report.candidates],
        ["已评卷", report.graded],
        ["平均分", report.mean],
        ["中位数", report.median],
        ["标准差", report.sd],
        ["信度系数 α (KR-20)", report.alpha],
        ["测量标准误", report.sem],
        ["合格率", report.pass_rate],
    ]
    letters = list(rules.LETTERS)
    item_headers = [
        "题库编号",
        "题型",
        "分类",
        "难度",
        "题干",
        "答案",
        "作答人数",
        "难度系数P",
        "区分度D",
        "点二列相关",
        "未作答",
        *(f"选{ch}" for ch in letters),
        "选正确",
        "选错误",
        "标记",
    ]
    flag_words = {"negative": "负区分度", "easy": "过易", "hard": "过难"}
    item_rows = [
        [
            i.question_id,
            i.type,
            i.category,
            i.difficulty,
            i.stem,
            i.answer,
            i.n,
            i.facility,
            i.discrimination,
            i.point_biserial,
            i.blank,
            *(dict(i.options).get(ch) for ch in letters),
            dict(i.options).get(rules.TRUE),
            dict(i.options).get(rules.FALSE),
            "、".join(flag_words[f] for f in i.flags),
        ]
        for i in report.items
    ]
    agency_rows = [[a or "—", g, p, round(p / g, 4) if g else None] for a, g, p in report.agencies]
    yes_no = {True: "是", False: "否", None: "未评"}
    result_rows = [
        [r.paper_no, r.name, r.id_number, r.agency, r.points, r.score, yes_no[r.passed]]
        for r in results(store, actor, sitting_id)
    ]
    write_sheets(
        out,
        [
            ("考试统计", ["指标", "值"], figures),
            ("成绩", ["试卷号", "姓名", "身份证号", "执法主体", "满分", "得分", "合格"], result_rows),
            ("题目分析", item_headers, item_rows),
            ("各单位合格率", ["执法主体", "人数", "合格", "合格率"], agency_rows),
        ],
    )
    return report
