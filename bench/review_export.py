"""(e) Exporting a reviewed dossier: a 300-page demo dossier with 40 marks (boxes and text
highlights on pages all through it) and its score sheet appended, through
``desktop.review.documents.feedback_pdf.annotate_dossier``, against PyMuPDF merely opening and saving the
same file with the same save options.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import pymupdf

from bench.timing import Result, cold_and_median, timed
from desktop.demo.dossier.document import write_dossier
from desktop.demo.dossier.facts import DossierFacts
from desktop.review.documents.feedback_pdf import SAVE_OPTIONS, annotate_dossier
from desktop.review.documents.model import MarkOut, ScoreSheetOut, SheetLine

TARGET = 3.0
PAGES = 300
MARKS = 40
SEED = 20260520

FACTS = DossierFacts(
    case_no="安平市监罚〔2026〕88号",
    agency="安平县市场监督管理局",
    category="行政处罚",
    cause="销售超过保质期的食品",
    party="安平县鑫源商贸有限公司",
    party_type="法人",
    officers=("李明", "王芳"),
    cert_numbers=("33010012345", "33010012346"),
    filed_on=date(2026, 3, 2),
    decided_on=date(2026, 4, 10),
    served_on=date(2026, 4, 13),
    penalty_kinds=("警告", "罚款"),
    amount=Decimal("12050"),
    legal_basis="《中华人民共和国食品安全法》第一百二十四条第一款",
)


def make_marks(count: int = MARKS, pages: int = PAGES, seed: int = SEED) -> list[MarkOut]:
    """``count`` marks on pages spread over the dossier: every third one a text highlight."""
    rng = random.Random(seed)
    marks = []
    for n in range(count):
        page = rng.randrange(pages)
        y = rng.uniform(110, 620)
        if n % 3 == 0:
            rect = (72.0, y, 523.0, y + rng.choice((21.0, 42.0, 63.0)))
            marks.append(MarkOut(page, rect, "text", "", f"2.{n % 5}.a 表述不清 −1分", "见划线处。", "张三"))
        else:
            x = rng.uniform(72, 300)
            rect = (x, y, x + rng.uniform(60, 220), y + rng.uniform(20, 140))
            marks.append(
                MarkOut(
                    page,
                    rect,
                    "rect",
                    "",
                    f"3.{n % 7}.b 漏项、内容不完整 −1分",
                    "缺当事人签名。" if n % 2 else "",
                    "李四",
                )
            )
    return marks


def make_sheet(lines: int = 24) -> ScoreSheetOut:
    """A score sheet of ``lines`` deductions (two pages)."""
    rows = tuple(
        SheetLine(
            f"2.{n}.a",
            "卷面",
            "按文书规范填写",
            "漏项、内容不完整、表述不清",
            "−1",
            "询问笔录未记录询问地点。" if n % 2 else "",
            "张三",
            "复核：维持" if n % 6 == 0 else "",
        )
        for n in range(1, lines + 1)
    )
    return ScoreSheetOut(
        "2026年度全县行政处罚案卷集中评查",
        FACTS.agency,
        FACTS.case_no,
        FACTS.cause,
        FACTS.party,
        "行政处罚案卷评查标准（2026版）XZCF-2026",
        ("张三", "李四"),
        "50% / 50%",
        rows,
        (),
        "76.0",
        "合格",
        False,
        "2026年5月20日",
    )


def open_and_save(source: Path, out: Path) -> None:
    """The baseline: PyMuPDF opening the dossier and saving it with the export's save options."""
    with pymupdf.open(source) as doc:
        doc.save(str(out), **SAVE_OPTIONS)


def run(folder: Path, repeat: int) -> list[Result]:
    """Export the annotated copy of a 300-page dossier ``repeat`` times (median) and the baseline."""
    source = folder / "review-dossier.pdf"
    write_dossier(source, FACTS, pages=PAGES, seed=SEED)
    marks, sheet = make_marks(), make_sheet()
    out = folder / "review-annotated.pdf"
    cold, warm = cold_and_median(lambda: annotate_dossier(source, out, marks, sheet), repeat)
    with pymupdf.open(out) as doc:
        placed = sum(1 for page in doc for _ in page.annots())
        added = doc.page_count - PAGES
    assert placed == MARKS, placed
    base = min(timed(lambda: open_and_save(source, folder / "review-baseline.pdf"))[0] for _ in range(repeat))
    what = f"PyMuPDF opening and saving the same {PAGES}-page file ({_options()})"
    size = out.stat().st_size / source.stat().st_size
    return [
        Result(
            f"review export: {PAGES} pages, {MARKS} marks + score sheet",
            warm,
            TARGET,
            base,
            what,
            f"first call {cold:.2f} s; {added} sheet pages appended; copy {size:.2f}× the source's size",
        )
    ]


def _options() -> str:
    return ", ".join(f"{k}={v}" for k, v in SAVE_OPTIONS.items())


if __name__ == "__main__":  # python -m bench.review_export
    import tempfile

    from bench.timing import table

    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        print(table(run(Path(tmp), 5)))
