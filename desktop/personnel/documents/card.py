"""The 执法证 card as a PDF: 85.6 × 54 mm (ID-1), a front (photo, name, agency, field, number,
validity) and a back (the signed QR code, large enough for a phone: modules of 0.4 mm or more),
one card or many, each card two pages. Drawn with PyMuPDF in the one embedded CJK font."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pymupdf
import segno

from desktop.io.pdf.render import save_replacing

MM = 72 / 25.4
CARD_W, CARD_H = 85.6 * MM, 54 * MM
QR_SIDE = 40 * MM
"""The QR code's side with its quiet zone."""
QR_MASK = 2
NAVY = (0.06, 0.18, 0.42)
GREY = (0.45, 0.45, 0.45)


@dataclass(frozen=True)
class CardFace:
    """What one card shows."""

    number: str
    name: str
    agency: str
    field: str | None
    issued: date
    expires: date
    payload: str
    photo: bytes | None = None


_DARK = re.compile(rb"\x01+")
QUIET = 4
"""The quiet zone around a QR code, in modules."""


def qr_rows(payload: str) -> list[bytes]:
    """The QR code of ``payload`` (error correction M) as rows of module bytes (1 dark, 0 light),
    without the quiet zone."""
    # a fixed mask pattern (valid for every reader) spares the search for the best of eight,
    # three quarters of the encoding time
    code = segno.make(payload, error="m", micro=False, boost_error=False, mask=QR_MASK)
    return [bytes(1 if m else 0 for m in row) for row in code.matrix]


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code as rows of dark modules, quiet zone included."""
    rows = qr_rows(payload)
    side = len(rows) + 2 * QUIET
    blank = [[False] * side for _ in range(QUIET)]
    pad = [False] * QUIET
    return [*blank, *([*pad, *(bool(m) for m in row), *pad] for row in rows), *[list(r) for r in blank]]


def module_size_mm(payload: str) -> float:
    """The printed size of one QR module on the card, in millimetres."""
    return QR_SIDE / len(qr_matrix(payload)) / MM


def _date(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _front(page: pymupdf.Page, font: pymupdf.Font, face: CardFace) -> None:
    shape = page.new_shape()  # one shape and one writer per colour: each costs a content stream
    shape.draw_rect(page.rect)
    shape.finish(color=NAVY, width=1.2)
    shape.draw_rect(pymupdf.Rect(0, 0, CARD_W, 11 * MM))
    shape.finish(color=NAVY, fill=NAVY)
    photo = pymupdf.Rect(4 * MM, 15 * MM, 26 * MM, 44 * MM)
    grey = pymupdf.TextWriter(page.rect, color=GREY)
    if not face.photo:
        shape.draw_rect(photo)
        shape.finish(color=GREY, width=0.5)
        grey.append((photo.x0 + 7 * MM, photo.y0 + 15 * MM), "照片", font=font, fontsize=7)
    shape.commit()
    if face.photo:
        page.insert_image(photo, stream=face.photo, keep_proportion=True)
    title = pymupdf.TextWriter(page.rect, color=(1, 1, 1))
    text = "行政执法证"
    size = 12
    title.append(((CARD_W - font.text_length(text, size)) / 2, 7.6 * MM), text, font=font, fontsize=size)
    title.write_text(page)
    writer = pymupdf.TextWriter(page.rect)
    x, y = 30 * MM, 18 * MM
    for label, value in (
        ("姓　　名", face.name),
        ("执法主体", face.agency),
        ("执法领域", face.field or ""),
        ("执法证号", face.number),
        ("有效期至", _date(face.expires)),
    ):
        writer.append((x, y), f"{label}  ", font=font, fontsize=6.5)
        writer.append((x + 13 * MM, y), _fit(font, value, CARD_W - x - 16 * MM, 7.5), font=font, fontsize=7.5)
        y += 6 * MM
    writer.write_text(page)
    grey.append((4 * MM, 51 * MM), f"发证日期 {_date(face.issued)}", font=font, fontsize=5.5)
    grey.write_text(page)


def _fit(font: pymupdf.Font, text: str, width: float, size: float) -> str:
    while text and font.text_length(text, size) > width:
        text = text[:-2] + "…"
    return text


def _back(page: pymupdf.Page, font: pymupdf.Font, face: CardFace) -> None:
    rows = qr_rows(face.payload)
    cell = QR_SIDE / (len(rows) + 2 * QUIET)
    x0, y0 = 4 * MM + QUIET * cell, (CARD_H - QR_SIDE) / 2 + QUIET * cell
    shape = page.new_shape()
    shape.draw_rect(page.rect)
    shape.finish(color=NAVY, width=1.2)
    # the dark runs of each row as PDF rectangles, written at once (Shape.draw_rect per run costs
    # ~1,000 Python objects a card); a hair's overlap with the next row leaves no white seams
    a, b, c_, d, e, f = (
        shape.ipctm.a,
        shape.ipctm.b,
        shape.ipctm.c,
        shape.ipctm.d,
        shape.ipctm.e,
        shape.ipctm.f,
    )
    parts = []
    height = cell + 0.05
    for r, row in enumerate(rows):
        bottom = y0 + (r + 1) * cell + 0.05
        for run in _DARK.finditer(row):
            left, width = x0 + run.start() * cell, (run.end() - run.start()) * cell + 0.05
            parts.append(
                f"{a * left + c_ * bottom + e:.3f} {b * left + d * bottom + f:.3f} {width:.3f} {height:.3f} re\n"
            )
    shape.draw_cont += "".join(parts)
    shape.updateRect(pymupdf.Rect(x0, y0, x0 + len(rows) * cell, y0 + len(rows) * cell))
    shape.finish(color=None, fill=(0, 0, 0), width=0)
    shape.commit()
    writer = pymupdf.TextWriter(page.rect)
    x = 4 * MM + QR_SIDE + 3 * MM
    lines = ("扫描二维码", "核验证件真伪", "及当前状态", "", face.number)
    y = 18 * MM
    for line in lines:
        writer.append((x, y), line, font=font, fontsize=7)
        y += 5 * MM
    writer.write_text(page)


def write_cards(faces: Sequence[CardFace], out: Path) -> None:
    """Write the cards (front and back pages, one pair a card) to ``out``."""
    font = pymupdf.Font("cjk")
    doc = pymupdf.open()
    try:
        for face in faces:
            _front(doc.new_page(width=CARD_W, height=CARD_H), font, face)
            _back(doc.new_page(width=CARD_W, height=CARD_H), font, face)
        doc.set_metadata({"title": "行政执法证", "creator": "执法监督工作台"})
        doc.subset_fonts()
        save_replacing(doc, Path(out), garbage=3, deflate=True)
    finally:
        doc.close()
