"""The 案卷评查评分表 (score sheet of one reviewed file) laid out as pages: heading, the case's
particulars, the deductions table (continued on more pages with its header repeated), the veto
items, the total and the grade in large type, the reviewers' signatures and the date."""

from __future__ import annotations

from desktop.io.pdf.layout import SMALL, WIDTH, Block, Cell, Flow, Op, Typesetter
from desktop.io.pdf.layout import table_row as row
from desktop.review.documents.model import ScoreSheetOut, SheetLine

TITLE = "案卷评查评分表"
LABEL_W = 80.0
COLUMNS = (("序号", 32.0), ("评查项目", 108.0), ("扣分情况", 138.0), ("扣分", 62.0), ("说明", WIDTH - 340.0))
"""The deductions table: heading and width of each column (they add up to the text width)."""
_SIGN = 12.0


def sheet_pages(ts: Typesetter, sheet: ScoreSheetOut) -> list[list[Op]]:
    """The score sheet's pages as drawing operations."""
    paper = Flow(running=f"{TITLE}（续）\u3000案号：{sheet.case_no}")
    paper.add([Block(4, []), ts.line(TITLE, size=22.0, lead=40, align="center", style="b")])
    if sheet.campaign:
        for line in ts.wrap(sheet.campaign, 12.0, WIDTH - 60):
            paper.add([ts.line(line, size=12.0, lead=20, align="center", style="g")])
    paper.gap(10)
    paper.add(_particulars(ts, sheet))
    paper.gap(14)
    _deductions(ts, paper, sheet.lines)
    paper.gap(14)
    paper.add(_outcome(ts, sheet))
    return paper.pages


def _particulars(ts: Typesetter, s: ScoreSheetOut) -> list[Block]:
    """被评查单位, 案号 and 卷宗形式, 案由, 当事人, 评查标准, 评查人员 as a ruled table."""
    value_w = WIDTH - LABEL_W

    def pair(label: str, text: str) -> Block:
        return row(
            ts,
            [Cell(label, LABEL_W, "center", SMALL, min_h=30), Cell(text, value_w, size=SMALL, min_h=30)],
            keep=True,
        )

    reviewers = "、".join(s.reviewers)
    if s.weights:
        reviewers += f"（计分权重 {s.weights}）"
    case_w = value_w - LABEL_W - 96
    case_no = Cell(s.case_no, case_w, size=ts.fit(s.case_no, SMALL, case_w - 10), min_h=30)
    blocks = [
        pair("被评查单位", s.agency),
        row(
            ts,
            [
                Cell("案\u3000\u3000号", LABEL_W, "center", SMALL, min_h=30),
                case_no,
                Cell("卷宗形式", LABEL_W, "center", SMALL, min_h=30),
                Cell("纸质卷宗" if s.paper else "电子卷宗", 96, "center", SMALL, min_h=30),
            ],
            keep=True,
        ),
        pair("案\u3000\u3000由", s.cause),
        pair("当 事 人", s.party),
        pair("评查标准", s.rubric),
        pair("评查人员", reviewers),
    ]
    blocks[-1].keep = False
    return blocks


def _deductions(ts: Typesetter, paper: Flow, lines: tuple[SheetLine, ...]) -> None:
    """The heading, the table header (repeated on continuation pages) and a row per deduction."""
    head = ts.line("扣分明细", size=12.0, lead=24, style="b")
    header = row(ts, [Cell(text, w, "center", SMALL, "b") for text, w in COLUMNS])
    rows = [_line_rows(ts, n, line) for n, line in enumerate(lines, 1)]
    if not rows:
        rows = [[row(ts, [Cell("本卷未发现扣分情形。", WIDTH, "center", SMALL, min_h=34)])]]
    paper.add([_keep(head), _keep(header), *rows[0]])  # never a header without a row under it
    paper.repeat = [header]
    for blocks in rows[1:]:
        paper.add(blocks)
    paper.repeat = []


def _line_rows(ts: Typesetter, n: int, line: SheetLine) -> list[Block]:
    """A deduction's row, and under it a row with the recheck decision (复核) when there is one."""
    (_, w0), (_, w1), (_, w2), (_, w3), (_, w4) = COLUMNS
    item = f"{line.code}\n{line.section}·{line.item}" if line.section else f"{line.code}\n{line.item}"
    foot = [(f"评查人：{line.reviewer}", "g")] if line.reviewer else []
    cells = [
        Cell(str(n), w0, "center", SMALL, min_h=30),
        Cell(item.strip(), w1, size=SMALL),
        Cell(line.text, w2, size=SMALL),
        Cell(line.points, w3, "center", ts.fit(line.points, SMALL, w3 - 10)),
        Cell(line.note, w4, size=SMALL, foot=foot),
    ]
    blocks = [row(ts, cells)]
    if line.recheck:
        blocks[0].keep = True
        blocks.append(
            row(ts, [Cell("", w0, size=SMALL), Cell(line.recheck, w1 + w2 + w3 + w4, size=SMALL, style="r")])
        )
    return blocks


def _outcome(ts: Typesetter, s: ScoreSheetOut) -> list[Block]:
    """Veto items, total and grade in large type, signatures and date: kept on one page."""
    vetoes = "\n".join(f"{i}．{code} {text}".strip() for i, (code, text) in enumerate(s.vetoes, 1)) or "无"
    rest = WIDTH - LABEL_W * 2
    big = 26.0
    blocks = [
        row(
            ts,
            [
                Cell("否决项", LABEL_W, "center", SMALL, min_h=34),
                Cell(vetoes, WIDTH - LABEL_W, size=SMALL, style="r" if s.vetoes else "n", min_h=34),
            ],
        ),
        row(
            ts,
            [
                Cell("总\u3000\u3000分", LABEL_W, "center", 12.0, "b", min_h=56),
                Cell(s.total, rest / 2, "center", ts.fit(s.total, big, rest / 2 - 12), "b", min_h=56),
                Cell("评查等级", LABEL_W, "center", 12.0, "b", min_h=56),
                Cell(
                    s.grade,
                    rest / 2,
                    "center",
                    ts.fit(s.grade, big, rest / 2 - 12),
                    "rb" if s.vetoes or s.grade == "不合格" else "b",
                    min_h=56,
                ),
            ],
            lead=30,
        ),
        Block(20, []),
        ts.fields([("评查人员（签名）：", "", 140), ("评查日期：", s.scored_on, 0)], size=_SIGN, lead=26),
    ]
    return [_keep(b) for b in blocks[:-1]] + blocks[-1:]


def _keep(block: Block) -> Block:
    block.keep = True
    return block
