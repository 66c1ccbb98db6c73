"""Item analysis of a graded sitting (what Moodle's quiz statistics give), correct when candidates
saw different papers and option orders: every answer is counted in the bank's letters.

Per question: facility (share of its points earned), discrimination (facility in the upper 27 %
by total score less the lower 27 %), the point-biserial correlation with the rest of the paper,
how often each of the bank's options was chosen. Per sitting: mean, median, standard deviation,
Cronbach's α (KR-20 for items scored 0/1) where every candidate answered the same questions, and
where they did not the per-paper reliability (α per paper form, weighted by the form's candidates:
see ``item_stats``), the standard error of measurement, the pass rate overall and per agency. The
statistics themselves are in ``item_stats`` (numpy)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select

from desktop.core.security import Actor, Permission, require
from desktop.exam import rules
from desktop.exam.bulk import select_rows
from desktop.exam.grading import results
from desktop.exam.item_stats import (
    EASY,
    HARD,
    UPPER_LOWER,
    Answer,
    Flat,
    ItemStats,
    Sheet,
    analyse,
    analyse_flat,
    correlation,
    cronbach_alpha,
)
from desktop.exam.sittings import get_sitting
from desktop.io.xlsx import write_sheets
from desktop.models import Paper
from desktop.models.base import table_of
from desktop.models.db import Store

__all__ = [
    "EASY",
    "HARD",
    "UPPER_LOWER",
    "Analysis",
    "Answer",
    "BankQuestion",
    "ItemStats",
    "Sheet",
    "analyse",
    "analysis",
    "correlation",
    "cronbach_alpha",
    "export_analysis",
]


PAPER_ALPHA_NOTE = (
    "考生试卷不同时，按每种试卷（考生所答题目的集合）计算 α = k/(k−1)·(1 − Σ题目方差/总分方差)："
    "k 为该卷题数，题目方差取本场全部答过该题考生的得分方差，总分方差取本场全部考生；"
    "本场信度为各卷 α 按考生人数加权的平均数，测量标准误 = 总分标准差 × √(1 − α)。"
    "全体考生题目相同时即为 Cronbach α（KR-20）。"
)
"""How the per-paper reliability is computed, written beside it in the analysis workbook."""


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
    paper_alpha: float | None = None
    """The per-paper reliability (``item_stats``): α per paper form, weighted by candidates."""
    paper_sem: float | None = None
    forms: int = 0
    """How many different paper forms (sets of questions) the graded candidates answered."""
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
            "paper_alpha": self.paper_alpha,
            "paper_sem": self.paper_sem,
            "forms": self.forms,
            "agencies": [{"agency": a, "graded": g, "passed": p} for a, g, p in self.agencies],
            "items": [i.as_dict() for i in self.items],
        }


def analysis(store: Store, actor: Actor, sitting_id: int) -> Analysis:
    """The item analysis of a sitting's graded papers: the papers, their answers and the bank's
    questions read in one query each."""
    require(actor, Permission.VIEW_EXAMS)
    with store.reading() as session:
        sitting = get_sitting(session, sitting_id)
        conn = session.connection()
        p = table_of(Paper).c
        papers = conn.execute(
            select(p.id, p.agency, p.score, p.passed).where(p.sitting_id == sitting_id).order_by(p.id)
        ).all()
        graded = [row for row in papers if row.score is not None]
        where = "WHERE p.sitting_id = ? AND p.score IS NOT NULL"
        rows = select_rows(
            session,
            "SELECT i.paper_id, i.question_id, COALESCE(i.earned, 0), i.points, i.response "
            f"FROM exam_paper_items i JOIN exam_papers p ON p.id = i.paper_id {where} "
            "ORDER BY i.paper_id, i.position",
            (sitting_id,),
        )
        paper_ids, question_ids, earned, points, responses = ([r[k] for r in rows] for k in range(5))
        flat = Flat(
            [float(r.score) for r in graded],
            [bool(r.passed) for r in graded],
            np.searchsorted(np.asarray([r.id for r in graded]), np.asarray(paper_ids, dtype=np.int64)),
            question_ids,
            earned,
            points,
            responses,
        )
        questions = {
            qid: BankQuestion(qtype, category, level, stem, answer, _options(qtype, options))
            for qid, qtype, category, level, stem, answer, options in select_rows(
                session,
                "SELECT q.id, q.type, q.category, q.difficulty, q.stem, q.answer, q.options "
                "FROM exam_questions q WHERE q.id IN (SELECT i.question_id FROM exam_paper_items i "
                f"JOIN exam_papers p ON p.id = i.paper_id {where})",
                (sitting_id,),
            )
        }
        items, figures = analyse_flat(flat, questions)
        agencies: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in graded:
            agencies[row.agency or ""][0] += 1
            agencies[row.agency or ""][1] += int(bool(row.passed))
        return Analysis(
            sitting.id,
            sitting.name,
            len(papers),
            len(graded),
            items=tuple(items),
            agencies=tuple((a, g, n) for a, (g, n) in sorted(agencies.items())),
            scores=tuple(flat.totals),
            **figures,
        )


def _options(qtype: str, options: Any) -> tuple[str, ...]:
    """A question's options from the driver's row (JSON text in SQLite, a list in PostgreSQL):
    every one is printed (in its paper's order), none for a 判断题."""
    if qtype == rules.JUDGE or not options:
        return ()
    return tuple(json.loads(options) if isinstance(options, str) else options)


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
        ["试卷种数", report.forms],
        ["按试卷信度系数（考生加权）", report.paper_alpha],
        ["按试卷测量标准误", report.paper_sem],
        ["说明", PAPER_ALPHA_NOTE],
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
