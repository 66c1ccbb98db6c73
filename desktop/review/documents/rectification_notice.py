"""The 整改通知书 (rectification notice) a bureau sends an agency after a review campaign, laid
out as pages: red letterhead, number, addressee, the results, the common problems, the
deadline to rectify and report, the recheck window, and the bureau's name, date and red seal."""

from __future__ import annotations

from desktop.io.pdf.layout import (
    LEFT,
    RED,
    RIGHT,
    SMALL,
    WIDTH,
    Block,
    Cell,
    Flow,
    Op,
    Typesetter,
    written_date,
)
from desktop.io.pdf.layout import table_row as row
from desktop.review.documents.model import NoticeOut

TITLE = "行政执法案卷评查整改通知书"
SIZE, LEAD = 13.0, 24.0
"""Body text: 13 pt on 24 pt lines."""
COLUMNS = (
    ("序号", 44.0),
    ("案\u3000\u3000号", WIDTH - 44.0 - 180.0),
    ("得\u3000分", 90.0),
    ("等\u3000级", 90.0),
)


def notice_pages(ts: Typesetter, n: NoticeOut) -> list[list[Op]]:
    """The notice's pages as drawing operations."""
    paper = Flow(running=f"{TITLE}（续）\u3000{n.notice_no}")
    paper.add(_letterhead(ts, n))
    paper.add(_para(ts, f"{n.agency}：", indent=0))
    count = n.summary.get("count") or str(len(n.files))
    results = [f"本次共评查你单位行政执法案卷{count}件"]
    for key, text in (("average", "平均得分{}分"), ("pass_rate", "合格率{}"), ("excellent_rate", "优秀率{}")):
        if n.summary.get(key):
            results.append(text.format(n.summary[key]))
    campaign = f"根据{n.campaign}工作安排，" if n.campaign else ""
    paper.add(
        _para(
            ts,
            f"{campaign}本局组织对你单位的行政执法案卷进行了评查。{'，'.join(results)}。"
            "现将评查结果和发现的主要问题通知如下，请认真整改。",
        )
    )
    _results(ts, paper, _heading(ts, "一、评查结果"), n.files)
    paper.gap(8)
    if n.common_problems:
        problems = _para(ts, "评查发现的共性问题如下（括号内为出现次数）：")
        last = len(n.common_problems)
        for i, (text, times) in enumerate(n.common_problems, 1):
            problems += _para(ts, f"{i}．{text.rstrip('。；;')}（{times}处）{'；' if i < last else '。'}")
    else:
        problems = _para(ts, "本次评查未发现共性问题。")
    paper.add([_heading(ts, "二、存在的主要问题"), *problems])
    paper.add(
        [
            _heading(ts, "三、整改要求"),
            *_para(
                ts,
                "请你单位对照评查评分表指出的问题，逐卷逐项认真整改，举一反三，健全制度，规范执法行为，"
                f"整改期限至{written_date(n.rectify_by)}。请于整改期限届满前将整改情况书面报送本局。",
            ),
        ]
    )
    paper.add(
        [
            _heading(ts, "四、复核"),
            *_para(
                ts,
                f"你单位对评查结果有异议的，可以于{written_date(n.recheck_until)}前向本局书面申请复核，"
                "逐项写明有异议的评查项目及理由，并附相关材料。逾期未申请的，视为对评查结果无异议。",
            ),
        ]
    )
    closing = _para(ts, "特此通知。")
    for block in closing:
        block.keep = True
    paper.add(closing + _seal_block(ts, n.bureau, written_date(n.issued_on)))
    return paper.pages


def _letterhead(ts: Typesetter, n: NoticeOut) -> list[Block]:
    """Bureau name in red, the number, a red rule, the title."""
    size = ts.fit(n.bureau, 28.0, WIDTH)
    return [
        Block(6, []),
        ts.line(n.bureau, size=size, lead=52, align="center", style="rb"),
        ts.line(n.notice_no, size=12.0, lead=26, align="center"),
        Block(16, [("r", LEFT, 5, RIGHT, 7, None, RED, 0)]),
        ts.line(TITLE, size=ts.fit(TITLE, 20.0, WIDTH), lead=46, align="center", style="b"),
        Block(8, []),
    ]


def _para(ts: Typesetter, text: str, *, indent: int = 2) -> list[Block]:
    return ts.para(text, size=SIZE, lead=LEAD, indent=indent)


def _heading(ts: Typesetter, text: str) -> Block:
    """A section heading, kept with what follows it."""
    block = ts.line("\u3000\u3000" + text, size=SIZE, lead=LEAD + 4, style="b")
    block.keep = True
    return block


def _results(ts: Typesetter, paper: Flow, heading: Block, files: tuple[tuple[str, str, str], ...]) -> None:
    """The heading and the results table: a row per file, the header repeated on continuation pages."""
    header = row(ts, [Cell(text, w, "center", SMALL, "b") for text, w in COLUMNS])
    header.keep = True
    rows = []
    for i, (case_no, total, grade) in enumerate(files, 1):
        cells = [
            Cell(str(i), COLUMNS[0][1], "center", SMALL),
            Cell(case_no, COLUMNS[1][1], "left", SMALL),
            Cell(total, COLUMNS[2][1], "center", SMALL),
            Cell(grade, COLUMNS[3][1], "center", SMALL, "r" if grade == "不合格" else "n"),
        ]
        rows.append(row(ts, cells))
    if not rows:
        rows.append(row(ts, [Cell("本次未评查你单位案卷。", WIDTH, "center", SMALL)]))
    paper.add([heading, header, rows[0]])
    paper.repeat = [header]
    for block in rows[1:]:
        paper.add([block])
    paper.repeat = []


def _seal_block(ts: Typesetter, bureau: str, day: str) -> list[Block]:
    """The bureau's name and the date at the right, under a round red seal."""
    size = 14.0
    w = ts.width(bureau, size)
    dw = ts.width(day, size)
    right = RIGHT - 24
    x = right - max(w, dw)
    ops: list[Op] = [
        ("t", x + (max(w, dw) - w) / 2, 34, bureau, size, "n"),
        ("t", x + (max(w, dw) - dw) / 2, 62, day, size, "n"),
        ("seal", x + max(w, dw) / 2, 42, 54.0, bureau),
    ]
    return [Block(24, [], keep=True), Block(96, ops)]
