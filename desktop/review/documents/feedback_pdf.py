"""Feedback (反馈) documents a justice bureau sends an agency after reviewing its case files: the
annotated copy of a dossier with its 案卷评查评分表, the score sheet alone (paper files), and the
整改通知书. Plain frozen dataclasses in, PDF files out; no Qt, no database.

``annotate_dossier`` never writes to the dossier: it reads the file once (hashing the same
bytes), works on that copy in memory, writes ``out`` through ``out.part`` and hashes the dossier
again before replacing ``out``; a dossier that changed meanwhile raises ``SourceChanged``.

Mark rectangles are PDF points in the **unrotated** page's space (y downwards, origin at the
top left of the unrotated page) — the space PyMuPDF's ``get_text`` words and ``Annot.rect`` use
on every page, rotated or not (since PyMuPDF 1.17). A viewer that shows a rotated page converts
what the user drew with ``rect * page.derotation_matrix`` before making a ``MarkOut``.

The pages are laid out by ``feedback_sheet`` (the score sheet) and ``rectification_notice`` with
the program's typesetting (``desktop.io.pdf``: the CJK font, line and page breaks, table rows,
drawing).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import NotFound, UserFacingError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.io.pdf.layout import Op
from desktop.io.pdf.render import cjk_typesetter, new_document, save_replacing
from desktop.review.documents.feedback_sheet import TITLE as SHEET_TITLE
from desktop.review.documents.feedback_sheet import sheet_pages
from desktop.review.documents.model import MarkOut, NoticeOut, ScoreSheetOut
from desktop.review.documents.rectification_notice import notice_pages

if TYPE_CHECKING:
    import pymupdf

log = logging.getLogger(__name__)

MARK_RED = (0.86, 0.08, 0.08)
MARK_FILL = (1.0, 0.82, 0.82)
MARK_OPACITY = 0.8
"""A rect mark: red border, light red fill, multiplied over the page so the text stays legible."""
HIGHLIGHT = (1.0, 0.86, 0.25)
SAVE_OPTIONS: dict[str, Any] = {"garbage": 1, "deflate": True}
"""How every feedback PDF is saved: unused objects dropped, new streams compressed. On a 300-page
demo dossier with 40 marks (bench/review_export.py) the export took ≈ 95 ms so; ``garbage=3``
≈ 130 ms for a file 0.5 % smaller, ``garbage=4`` ≈ 115 ms for one 20 % smaller (it also merges
identical streams, which the demo dossier repeats); without ``deflate`` the copy is 1.7× as big."""
_CHUNK = 4 * 1024 * 1024


class SourceChanged(UserFacingError):
    """The dossier's bytes changed while its annotated copy was being written."""

    code = "source_changed"


# --------------------------------------------------------------------------- public API


def annotate_dossier(source: Path, out: Path, marks: Sequence[MarkOut], sheet: ScoreSheetOut) -> str:
    """Write a copy of ``source`` with ``marks`` as PDF annotations and the score sheet appended;
    return the source's SHA-256 (hex).

    A mark on a page the dossier does not have (or with an empty rect) is skipped and logged as
    a warning on this module's logger; ``skipped_marks`` tells the caller which in advance.
    """
    import pymupdf

    source, out = Path(source), Path(out)
    _refuse_same_file(source, out)
    data, before = _read(source)
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError) as exc:  # MuPDF's FileDataError is a RuntimeError
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a readable PDF file."),
            field="source",
            path=str(source),
        ) from exc
    part = out.with_name(out.name + ".part")
    try:
        for mark in marks:
            if _placeable(mark, doc.page_count):
                _annotate(doc, mark)
            else:
                log.warning(
                    "mark on page %s of %s skipped (%s pages, rect %s)",
                    mark.page + 1,
                    source.name,
                    doc.page_count,
                    mark.rect,
                )
        _append_sheet(doc, sheet)
        out.parent.mkdir(parents=True, exist_ok=True)
        doc.save(str(part), **SAVE_OPTIONS)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        doc.close()
    after = _file_sha256(source)
    if after != before:
        part.unlink(missing_ok=True)
        raise SourceChanged(
            QT_TRANSLATE_NOOP(
                "errors",
                "The dossier {path} changed while its annotated copy was being written; "
                "the copy was discarded. Export again.",
            ),
            path=str(source),
        )
    os.replace(part, out)
    return before


def skipped_marks(marks: Sequence[MarkOut], page_count: int) -> list[MarkOut]:
    """The marks ``annotate_dossier`` would skip on a dossier of ``page_count`` pages."""
    return [m for m in marks if not _placeable(m, page_count)]


def write_score_sheet(out: Path, sheet: ScoreSheetOut) -> None:
    """Write the score sheet alone (a paper file, 纸质卷宗, has no PDF to annotate)."""
    font, ts = cjk_typesetter()
    doc = _draw(sheet_pages(ts, sheet), font, title=f"{SHEET_TITLE} {sheet.case_no}", author=sheet.campaign)
    try:
        save_replacing(doc, Path(out), **SAVE_OPTIONS)
    finally:
        doc.close()


def write_rectification_notice(out: Path, notice: NoticeOut) -> None:
    """Write the 整改通知书 to one agency."""
    font, ts = cjk_typesetter()
    doc = _draw(notice_pages(ts, notice), font, title=f"整改通知书 {notice.notice_no}", author=notice.bureau)
    try:
        save_replacing(doc, Path(out), **SAVE_OPTIONS)
    finally:
        doc.close()


def marked_rect(annot: pymupdf.Annot) -> tuple[float, float, float, float]:
    """The rect a square annotation marks: its ``/Rect`` less the room its border takes (``/RD``,
    insets that are never negative)."""
    r = annot.rect
    d = [abs(v) for v in annot.rect_delta or (0.0, 0.0, 0.0, 0.0)]
    return (r.x0 + d[0], r.y0 + d[1], r.x1 - d[2], r.y1 - d[3])


# --------------------------------------------------------------------------- the source


def _refuse_same_file(source: Path, out: Path) -> None:
    if not source.is_file():
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No dossier file at {path}."), path=str(source))
    if source.resolve() == out.resolve() or (out.exists() and os.path.samefile(source, out)):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The annotated copy must be a different file from the dossier {path}."
            ),
            field="out",
            path=str(source),
        )


def _read(path: Path) -> tuple[bytes, str]:
    """The file's bytes and their SHA-256, in one pass."""
    digest = hashlib.sha256()
    parts = []
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            parts.append(chunk)
    return b"".join(parts), digest.hexdigest()


def _file_sha256(path: Path) -> str:
    """The SHA-256 of the file as it is now."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- marks


def _placeable(mark: MarkOut, page_count: int) -> bool:
    x0, y0, x1, y1 = mark.rect
    return 0 <= mark.page < page_count and abs(x1 - x0) > 0 and abs(y1 - y0) > 0


def _annotate(doc: pymupdf.Document, mark: MarkOut) -> None:
    """One mark as a Square (kind ``rect``) or Highlight (kind ``text``) annotation."""
    import pymupdf

    page = doc[mark.page]
    rect = pymupdf.Rect(mark.rect).normalize()
    if mark.kind == "rect":
        annot = page.add_rect_annot(rect)
        annot.set_border(width=1.5)
        annot.set_colors(stroke=MARK_RED, fill=MARK_FILL)
        annot.set_blendmode(pymupdf.PDF_BM_Multiply)
        annot.set_opacity(MARK_OPACITY)
    elif mark.kind == "text":
        annot = page.add_highlight_annot(_text_quads(page, rect))
        annot.set_colors(stroke=HIGHLIGHT)
    else:
        raise ValueError(f"mark kind must be 'rect' or 'text', not {mark.kind!r}")
    content = f"{mark.label}\n{mark.note}" if mark.note else mark.label
    now = pymupdf.get_pdf_now()
    annot.set_info(content=content, title=mark.reviewer, subject="案卷评查", creationDate=now, modDate=now)
    annot.update()


def _text_quads(page: pymupdf.Page, rect: pymupdf.Rect) -> list[pymupdf.Quad]:
    """A quad per line over the characters whose centre lies in ``rect``; ``rect`` itself when
    there are none (a scanned page). Characters, not MuPDF's words: a Chinese line has no spaces,
    so its "word" is the whole line."""
    import pymupdf

    quads: list[pymupdf.Quad] = []
    found = page.get_text("rawdict", clip=rect, flags=0)
    for block in found.get("blocks", ()):
        for line in block.get("lines", ()):
            boxes = [
                pymupdf.Rect(c["bbox"])
                for span in line["spans"]
                for c in span["chars"]
                if c["c"].strip() and rect.contains(_centre(c["bbox"]))
            ]
            if not boxes:
                continue
            if tuple(round(v, 3) for v in line["dir"]) == (1.0, 0.0):
                union = boxes[0]
                for box in boxes[1:]:
                    union |= box
                quads.append(union.quad)
            else:
                quads += [box.quad for box in boxes]
    return quads or [rect.quad]


def _centre(bbox: Sequence[float]) -> tuple[float, float]:
    return ((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)


# --------------------------------------------------------------------------- the sheet


def _append_sheet(doc: pymupdf.Document, sheet: ScoreSheetOut) -> None:
    """The score sheet drawn in a document of its own (its font subset there), then appended,
    with a bookmark to its first page."""
    font, ts = cjk_typesetter()
    part = _draw(sheet_pages(ts, sheet), font, title=SHEET_TITLE, author=sheet.campaign)
    try:
        first = doc.page_count
        doc.insert_pdf(part)
    finally:
        part.close()
    toc = doc.get_toc(simple=True)
    doc.set_toc([*toc, [1, f"{SHEET_TITLE}（{sheet.case_no}）", first + 1]])


def _draw(pages: list[list[Op]], font: pymupdf.Font, *, title: str, author: str) -> pymupdf.Document:
    """A new PDF with the laid-out ``pages`` drawn, as every feedback document is made."""
    metadata = {
        "title": title,
        "author": author,
        "subject": "案卷评查",
        "creator": "执法监督工作台",
        "producer": "",
    }
    return new_document(pages, font, metadata)
