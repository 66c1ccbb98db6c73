"""The files of a generated sitting (FORMATS.md §9): a PDF per paper (exam name, candidate,
试卷号, minutes in the header; questions numbered from 1, options lettered from A as printed; a
running head and page numbers on every page; never a key), the empty answer sheet and the keys."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.exam import rules
from desktop.exam.dto import number
from desktop.io.pdf.layout import BODY, LEFT, RIGHT, SMALL, WIDTH, Block, Flow, Typesetter
from desktop.io.pdf.render import cjk_typesetter, new_document, save_replacing
from desktop.io.xlsx import write_workbook

SECTION_NUMERALS = "一二三四五六七八九十"
_BLANK = re.compile(r"[（(][\s\u3000]*[）)]")
"""A stem that holds its own answer blank, e.g. 应当在（　　）内."""
ANSWER_SHEET = "answer-sheet.xlsx"
KEYS = "keys.xlsx"
PAPERS = "papers"
KEY_HEADERS = ("试卷号", "题号", "题型", "分类", "难度", "题库编号", "选项顺序", "答案", "分值")


@dataclass(frozen=True)
class PrintedQuestion:
    """A question as one paper prints it."""

    position: int
    type: str
    stem: str
    options: tuple[str, ...]
    """The option texts in printed order (A, B, …)."""
    points: float


@dataclass(frozen=True)
class PrintedPaper:
    """What a candidate's paper shows: no key, no bank id."""

    exam: str
    paper_no: str
    name: str
    id_number: str
    agency: str | None
    minutes: int
    points: float
    pass_mark: float
    questions: tuple[PrintedQuestion, ...]


class PaperPrinter:
    """Lays out and saves paper PDFs with one font and typesetter for the whole sitting."""

    def __init__(self) -> None:
        self.font, self.ts = cjk_typesetter()

    def save(self, paper: PrintedPaper, out: Path) -> None:
        doc = new_document(
            paper_pages(self.ts, paper),
            self.font,
            {"title": f"{paper.exam} {paper.paper_no}", "author": "执法监督工作台", "subject": paper.exam},
        )
        try:
            save_replacing(doc, out, garbage=1, deflate=True)
        finally:
            doc.close()


def paper_pages(ts: Typesetter, paper: PrintedPaper) -> list[list[Any]]:
    """The laid-out pages of one paper."""
    running = f"{paper.exam}　试卷号 {paper.paper_no}　{paper.name}"
    flow = Flow(running=running)
    flow.add(
        [ts.line(paper.exam, size=ts.fit(paper.exam, 16.0, WIDTH), lead=30.0, align="center", style="b")]
    )
    flow.add(
        [
            ts.fields(
                [
                    ("姓名：", paper.name, 120.0),
                    ("身份证号：", paper.id_number, 0.0),
                ],
                size=SMALL,
            ),
            ts.fields(
                [("试卷号：", paper.paper_no, 120.0), ("执法主体：", paper.agency or "", 0.0)], size=SMALL
            ),
            ts.line(
                f"考试时间 {paper.minutes} 分钟　满分 {number(paper.points)} 分　及格 {number(paper.pass_mark)} 分"
                f"　共 {len(paper.questions)} 题",
                size=SMALL,
            ),
            ts.line(
                "答题说明：请在答题卡对应题号处作答；单选题、多选题填写选项字母，判断题填写“对”或“错”。",
                size=9.0,
            ),
        ]
    )
    flow.add([Block(8.0, [("l", LEFT, 4.0, RIGHT, 4.0, 0.8)])])
    sections: list[tuple[str, list[PrintedQuestion]]] = []
    for q in paper.questions:
        if not sections or sections[-1][0] != q.type:
            sections.append((q.type, []))
        sections[-1][1].append(q)
    for index, (qtype, questions) in enumerate(sections):
        points = questions[0].points
        total = sum(q.points for q in questions)
        heading = (
            f"{SECTION_NUMERALS[index % 10]}、{qtype}（共 {len(questions)} 题，"
            f"每题 {number(points)} 分，共 {number(total)} 分）"
        )
        flow.gap(6.0)
        head = ts.line(heading, size=BODY, style="b", lead=24.0)
        head.keep = True
        flow.add([head])
        for q in questions:
            flow.add(_question_blocks(ts, q))
            flow.gap(4.0)
    return flow.pages


def _question_blocks(ts: Typesetter, q: PrintedQuestion) -> list[Block]:
    suffix = "" if _BLANK.search(q.stem) else "（　　）"
    blocks = ts.para(f"{q.position}. {q.stem}{suffix}", size=BODY - 1, lead=19.0, indent=0)
    option_x = LEFT + 18
    for i, text in enumerate(q.options):
        blocks += ts.para(
            f"{rules.LETTERS[i]}. {text}", size=BODY - 1, lead=18.0, indent=0, x=option_x, width=WIDTH - 18
        )
    for b in blocks[:-1]:
        b.keep = True
    return blocks


def write_answer_sheet(folder: Path, paper_numbers: Sequence[str], questions: int) -> None:
    """The empty answer sheet in the §8 layout: 试卷号, then 1 … N."""
    headers = ["试卷号", *(str(i) for i in range(1, questions + 1))]
    write_workbook(
        folder / ANSWER_SHEET, "答题卡", headers, ([no] for no in paper_numbers), total=len(paper_numbers)
    )


def write_keys(folder: Path, rows: Iterable[Sequence[Any]], total: int) -> None:
    """The keys: one row per question per paper (§9)."""
    write_workbook(folder / KEYS, "答案", list(KEY_HEADERS), rows, total=total)
