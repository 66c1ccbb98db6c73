"""Tests for desktop.review.documents.feedback_pdf: the annotated dossier copy, the score sheet and the
整改通知书 (annotations round-trip on normal and rotated pages, the source untouched, layout)."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from desktop.core.errors import NotFound, ValidationError
from desktop.review.documents import feedback_pdf
from desktop.review.documents.feedback_pdf import (
    SourceChanged,
    annotate_dossier,
    marked_rect,
    skipped_marks,
    write_rectification_notice,
    write_score_sheet,
)
from desktop.review.documents.model import MarkOut, NoticeOut, ScoreSheetOut, SheetLine

LINES = (
    "询问时间：2026年3月2日8时15分至9时10分",
    "询问地点：安平县市场监督管理局询问室",
    "问：你是否知道食品超过保质期不得销售？",
    "答：知道，是我们疏忽了。",
)
PAGES = 4
ROTATED = 1
"""The source has ``PAGES`` pages; page ``ROTATED`` carries /Rotate 90."""

SHEET = ScoreSheetOut(
    campaign="2026年度全县行政处罚案卷集中评查",
    agency="安平县市场监督管理局",
    case_no="安平市监罚〔2026〕12号",
    cause="销售超过保质期的食品",
    party="安平县鑫源商贸有限公司",
    rubric="行政处罚案卷评查标准（2026版）XZCF-2026",
    reviewers=("张三", "李四"),
    weights="50% / 50%",
    lines=(
        SheetLine(
            "2.2.a",
            "卷面",
            "按文书规范填写",
            "漏项、内容不完整、表述不清",
            "−1×3=−3",
            "询问笔录第2页未记录询问地点。",
            "张三",
            "复核：改为 −1，理由：询问地点已在笔录首页载明。",
        ),
        SheetLine("4.1", "决定书", "载明复议诉讼途径和期限", "缺少一项要素", "−3", "", "李四"),
    ),
    vetoes=(),
    total="87.5",
    grade="合格",
    paper=False,
    scored_on="2026年5月20日",
)
NOTICE = NoticeOut(
    bureau="示范县司法局",
    agency="安平县市场监督管理局",
    campaign="2026年度全县行政处罚案卷集中评查",
    notice_no="示司评整〔2026〕3号",
    issued_on=date(2026, 6, 1),
    rectify_by=date(2026, 7, 10),
    recheck_until=date(2026, 6, 15),
    files=(
        ("安平市监罚〔2026〕12号", "87.5", "合格"),
        ("安平市监罚〔2026〕31号", "92.0", "优秀"),
        ("安平市监罚〔2026〕47号", "55.0", "不合格"),
    ),
    common_problems=(("询问笔录未记录询问地点", 5), ("送达回证缺送达人签名", 2)),
    summary={"count": "3", "average": "78.2", "pass_rate": "66.7%", "excellent_rate": "33.3%"},
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A small dossier: Chinese lines on every page, page ``ROTATED`` turned by 90°."""
    path = tmp_path / "dossier.pdf"
    font = pymupdf.Font("cjk")
    with pymupdf.open() as doc:
        for n in range(PAGES):
            page = doc.new_page(width=595, height=842)
            writer = pymupdf.TextWriter(page.rect)
            for i, line in enumerate(LINES):
                writer.append((72, 120 + 30 * i), line, font=font, fontsize=12)
            writer.write_text(page)
            if n == ROTATED:
                page.set_rotation(90)
        doc.subset_fonts()
        doc.save(path, garbage=3, deflate=True)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def line_rect(path: Path, page: int, text: str) -> tuple[float, float, float, float]:
    """Where ``text`` (a whole line) is, in unrotated page space, as a viewer's selection gives it."""
    with pymupdf.open(path) as doc:
        words = [w for w in doc[page].get_text("words") if w[4] == text]
    assert words, text
    return tuple(round(v, 2) for v in words[0][:4])  # type: ignore[return-value]


def marks_for(path: Path, page: int) -> list[MarkOut]:
    return [
        MarkOut(
            page,
            (300.0, 400.0, 500.0, 520.0),
            "rect",
            "",
            "2.2.a 漏项、内容不完整、表述不清 −1分",
            "缺当事人签名",
            "张三",
        ),
        MarkOut(
            page, line_rect(path, page, LINES[1]), "text", LINES[1], "2.3.b 询问地点未记录 −1分", "", "李四"
        ),
    ]


def annots(path: Path, page: int) -> dict[str, dict]:
    """What each annotation of ``page`` says, by type name (read while the document is open)."""
    with pymupdf.open(path) as doc:
        return {
            a.type[1]: {
                "marked": marked_rect(a),
                "rect": a.rect,
                "info": a.info,
                "colors": a.colors,
                "vertices": [tuple(v) for v in (a.vertices or [])],
            }
            for a in doc[page].annots()
        }


# --------------------------------------------------------------------------- annotations


@pytest.mark.parametrize("page", [0, ROTATED], ids=["upright", "rotate-90"])
def test_marks_round_trip_as_annotations_on_the_same_page_and_place(
    source: Path, tmp_path: Path, page: int
) -> None:
    out = tmp_path / "out.pdf"
    box, text = marks_for(source, page)
    annotate_dossier(source, out, [box, text], SHEET)
    found = annots(out, page)
    assert set(found) == {"Square", "Highlight"}
    square, highlight = found["Square"], found["Highlight"]
    assert square["marked"] == pytest.approx(box.rect, abs=0.5)
    assert square["info"]["content"] == f"{box.label}\n{box.note}" and square["info"]["title"] == "张三"
    assert square["colors"]["stroke"] == pytest.approx(feedback_pdf.MARK_RED, abs=0.01)
    xs = [x for x, _ in highlight["vertices"]]
    ys = [y for _, y in highlight["vertices"]]
    assert (min(xs), min(ys), max(xs), max(ys)) == pytest.approx(text.rect, abs=0.5)
    assert text.label in highlight["info"]["content"] and highlight["info"]["title"] == "李四"
    with pymupdf.open(out) as doc:
        assert doc[page].rotation == (90 if page == ROTATED else 0)
        assert LINES[1] in doc[page].get_textbox(highlight["rect"])
        assert sum(1 for p in doc for _ in p.annots()) == 2


def test_a_mark_on_a_rotated_page_is_drawn_where_the_page_shows_that_spot(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.pdf"
    box = marks_for(source, ROTATED)[0]
    annotate_dossier(source, out, [box], SHEET)
    with pymupdf.open(out) as doc:
        page = doc[ROTATED]
        pix = page.get_pixmap(dpi=144)
        assert (pix.width, pix.height) == (842 * 2, 595 * 2)  # shown turned
        shown = pymupdf.Rect(box.rect) * page.rotation_matrix * 2
        inside = pix.pixel(int(shown.x0 + 20), int(shown.y0 + 20))
        middle = int((shown.y0 + shown.y1) / 2)
        border = min(
            (pix.pixel(x, middle) for x in range(int(shown.x0) - 2, int(shown.x0) + 3)),
            key=lambda rgb: rgb[1],
        )
        outside = pix.pixel(int(shown.x0 - 20), int(shown.y0 + 20))
    assert inside[0] > inside[1] + 25  # the light red fill
    assert border[0] > 150 and border[1] < 130  # the red border
    assert outside == (255, 255, 255)


def test_a_text_mark_on_a_scanned_page_highlights_the_rect(tmp_path: Path) -> None:
    source = tmp_path / "scan.pdf"
    with pymupdf.open() as doc:
        doc.new_page()
        doc.save(source)
    rect = (100.0, 100.0, 300.0, 130.0)
    annotate_dossier(
        source, tmp_path / "out.pdf", [MarkOut(0, rect, "text", "", "1.1 −1分", "", "张三")], SHEET
    )
    highlight = annots(tmp_path / "out.pdf", 0)["Highlight"]
    xs, ys = [x for x, _ in highlight["vertices"]], [y for _, y in highlight["vertices"]]
    assert (min(xs), min(ys), max(xs), max(ys)) == pytest.approx(rect, abs=0.5)


def test_a_mark_past_the_last_page_is_skipped_and_logged(
    source: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good, _ = marks_for(source, 0)
    past = replace(good, page=PAGES)
    assert skipped_marks([good, past], PAGES) == [past]
    with caplog.at_level(logging.WARNING, logger=feedback_pdf.__name__):
        annotate_dossier(source, tmp_path / "out.pdf", [good, past], SHEET)
    assert f"page {PAGES + 1}" in caplog.text
    with pymupdf.open(tmp_path / "out.pdf") as doc:
        assert sum(1 for p in doc for _ in p.annots()) == 1


# --------------------------------------------------------------------------- the source


def test_the_source_is_untouched_and_its_hash_returned(source: Path, tmp_path: Path) -> None:
    before = source.read_bytes()
    digest = annotate_dossier(source, tmp_path / "out.pdf", marks_for(source, 0), SHEET)
    assert digest == hashlib.sha256(before).hexdigest() == sha256(source)
    assert source.read_bytes() == before
    with pymupdf.open(source) as doc:
        assert not any(True for p in doc for _ in p.annots())


def test_a_source_that_changes_during_the_export_raises_and_leaves_no_copy(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = feedback_pdf._append_sheet

    def meddle(doc: pymupdf.Document, sheet: ScoreSheetOut) -> None:
        real(doc, sheet)
        with open(source, "ab") as f:
            f.write(b"% touched\n")

    monkeypatch.setattr(feedback_pdf, "_append_sheet", meddle)
    out = tmp_path / "out.pdf"
    with pytest.raises(SourceChanged) as caught:
        annotate_dossier(source, out, marks_for(source, 0), SHEET)
    assert str(source) in caught.value.english()
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_a_hash_that_differs_afterwards_raises(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feedback_pdf, "_file_sha256", lambda path: "0" * 64)
    with pytest.raises(SourceChanged):
        annotate_dossier(source, tmp_path / "out.pdf", [], SHEET)
    assert not (tmp_path / "out.pdf").exists()


def test_bad_sources_and_targets_are_refused(source: Path, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        annotate_dossier(source, source, [], SHEET)
    with pytest.raises(NotFound):
        annotate_dossier(tmp_path / "missing.pdf", tmp_path / "out.pdf", [], SHEET)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    with pytest.raises(ValidationError):
        annotate_dossier(junk, tmp_path / "out.pdf", [], SHEET)


# --------------------------------------------------------------------------- the score sheet


def test_the_score_sheet_is_appended_after_the_dossier(source: Path, tmp_path: Path) -> None:
    alone = tmp_path / "sheet.pdf"
    write_score_sheet(alone, SHEET)
    with pymupdf.open(alone) as doc:
        sheet_pages = doc.page_count
    annotate_dossier(source, tmp_path / "out.pdf", marks_for(source, 0), SHEET)
    with pymupdf.open(tmp_path / "out.pdf") as doc:
        assert doc.page_count == PAGES + sheet_pages
        text = "".join(doc[n].get_text() for n in range(PAGES, doc.page_count))
        assert doc.get_toc()[-1][2] == PAGES + 1
    for expected in (
        "案卷评查评分表",
        SHEET.case_no,
        SHEET.total,
        SHEET.grade,
        SHEET.campaign,
        SHEET.party,
        "序号",
        "评查项目",
        "扣分情况",
        "扣分",
        "说明",
        "−1×3=−3",
        "复核：改为",
        "张三、李四",
        "50% / 50%",
        "电子卷宗",
        "评查日期",
        SHEET.scored_on,
    ):
        assert expected in text, expected


def test_a_long_sheet_continues_on_more_pages_with_the_table_header(tmp_path: Path) -> None:
    lines = tuple(
        SheetLine(
            f"3.{n}",
            "程序",
            f"第{n}项评查内容",
            "文书未按规定填写，" * (n % 4 + 1),
            "−1",
            "见卷宗第5页。" * (n % 3),
            "张三",
            "复核：维持" if n % 7 == 0 else "",
        )
        for n in range(1, 81)
    )
    out = tmp_path / "long.pdf"
    write_score_sheet(out, replace(SHEET, lines=lines))
    with pymupdf.open(out) as doc:
        pages = [p.get_text() for p in doc]
    assert len(pages) >= 2
    assert "（续）" in pages[1] and "评查项目" in pages[1]
    joined = "".join(pages)
    assert all(f"3.{n}\n" in joined for n in range(1, 81))
    assert SHEET.total in pages[-1] and SHEET.grade in pages[-1]
    assert "第 1 页" in pages[0] and f"共 {len(pages)} 页" in pages[-1]


def test_a_paper_file_gets_the_sheet_alone(tmp_path: Path) -> None:
    out = tmp_path / "paper.pdf"
    vetoed = replace(SHEET, paper=True, vetoes=(("J3", "证据不充分"),), total="0", grade="不合格", weights="")
    write_score_sheet(out, vetoed)
    with pymupdf.open(out) as doc:
        text = "".join(p.get_text() for p in doc)
        assert doc.metadata["title"].endswith(SHEET.case_no)
    for expected in ("案卷评查评分表", "纸质卷宗", SHEET.case_no, "J3 证据不充分", "不合格"):
        assert expected in text, expected
    assert "计分权重" not in text


# --------------------------------------------------------------------------- the notice


def test_the_notice_names_the_agency_the_deadlines_and_every_file(tmp_path: Path) -> None:
    out = tmp_path / "notice.pdf"
    write_rectification_notice(out, NOTICE)
    with pymupdf.open(out) as doc:
        text = "".join(p.get_text() for p in doc).replace("\n", "")
    for expected in (
        NOTICE.agency,
        NOTICE.bureau,
        NOTICE.notice_no,
        "整改通知书",
        "2026年7月10日",
        "2026年6月15日",
        "2026年6月1日",
        "复核",
        "询问笔录未记录询问地点（5处）",
        "评查你单位行政执法案卷3件",
        "66.7%",
    ):
        assert expected in text, expected
    for case_no, total, grade in NOTICE.files:
        assert case_no in text and total in text and grade in text


def test_a_notice_with_many_files_repeats_the_table_header(tmp_path: Path) -> None:
    files = tuple((f"安平市监罚〔2026〕{n}号", "90.0", "优秀") for n in range(1, 61))
    out = tmp_path / "notice.pdf"
    write_rectification_notice(out, replace(NOTICE, files=files, common_problems=(), summary={}))
    with pymupdf.open(out) as doc:
        pages = [p.get_text() for p in doc]
    assert len(pages) >= 2 and "序号" in pages[1] and "（续）" in pages[1]
    joined = "".join(pages)
    assert all(f"〔2026〕{n}号" in joined for n in range(1, 61))
    assert "评查你单位行政执法案卷60件" in joined and "未发现共性问题" in joined
