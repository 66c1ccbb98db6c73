"""The 执法证 card as a PDF: 85.6 × 54 mm (ID-1), a front (photo, name, agency, field, number,
validity) and a back (the signed QR code, large enough for a phone: modules of 0.4 mm or more).
``write_cards``: one card or many on card-size pages, two pages a card. ``write_card_sheets``: a
batch on A4 sheets, 2 × 5 cards with crop marks, each sheet of fronts followed by its backs
mirrored left to right so that duplex printing (long-edge flip) puts every back behind its front.
Drawn with PyMuPDF in the one embedded CJK font; one shape and one text writer per colour per
page, whatever the number of cards on it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
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
A4_W, A4_H = 210 * MM, 297 * MM
SHEET_COLS, SHEET_ROWS = 2, 5
GAP_X, GAP_Y = 6 * MM, 3 * MM
"""The space between cards on a sheet (cut along the crop marks)."""
MARK = 5 * MM
"""A crop mark's length; it starts 1 mm away from the card's edge."""


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
    # three quarters of the encoding time; segno's rows already hold 1 and 0
    code = segno.make(payload, error="m", micro=False, boost_error=False, mask=QR_MASK)
    return [bytes(row) for row in code.matrix]


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


class _Canvas:
    """What one page is drawn with: a shape and text writers by colour, written once at the end."""

    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self.shape = page.new_shape()
        self.writers: dict[tuple[float, float, float], pymupdf.TextWriter] = {}
        self.images: list[tuple[pymupdf.Rect, bytes]] = []

    def text(self, colour: tuple[float, float, float]) -> pymupdf.TextWriter:
        writer = self.writers.get(colour)
        if writer is None:
            writer = self.writers[colour] = pymupdf.TextWriter(self.page.rect, color=colour)
        return writer

    def finish(self) -> None:
        self.shape.commit()
        for rect, jpeg in self.images:
            self.page.insert_image(rect, stream=jpeg, keep_proportion=True)
        for writer in self.writers.values():
            writer.write_text(self.page)


def _front(canvas: _Canvas, font: pymupdf.Font, face: CardFace, ox: float, oy: float) -> None:
    shape = canvas.shape
    shape.draw_rect(pymupdf.Rect(ox, oy, ox + CARD_W, oy + CARD_H))
    shape.finish(color=NAVY, width=1.2)
    shape.draw_rect(pymupdf.Rect(ox, oy, ox + CARD_W, oy + 11 * MM))
    shape.finish(color=NAVY, fill=NAVY)
    photo = pymupdf.Rect(ox + 4 * MM, oy + 15 * MM, ox + 26 * MM, oy + 44 * MM)
    grey = canvas.text(GREY)
    if face.photo:
        canvas.images.append((photo, face.photo))
    else:
        shape.draw_rect(photo)
        shape.finish(color=GREY, width=0.5)
        grey.append((photo.x0 + 7 * MM, photo.y0 + 15 * MM), "照片", font=font, fontsize=7)
    text, size = "行政执法证", 12
    canvas.text((1, 1, 1)).append(
        (ox + (CARD_W - _length(font, text, size)) / 2, oy + 7.6 * MM), text, font=font, fontsize=size
    )
    writer = canvas.text((0, 0, 0))
    x, y = ox + 30 * MM, oy + 18 * MM
    for label, value in (
        ("姓　　名", face.name),
        ("执法主体", face.agency),
        ("执法领域", face.field or ""),
        ("执法证号", face.number),
        ("有效期至", _date(face.expires)),
    ):
        writer.append((x, y), f"{label}  ", font=font, fontsize=6.5)
        writer.append((x + 13 * MM, y), _fit(font, value, CARD_W - 46 * MM, 7.5), font=font, fontsize=7.5)
        y += 6 * MM
    grey.append((ox + 4 * MM, oy + 51 * MM), f"发证日期 {_date(face.issued)}", font=font, fontsize=5.5)


@lru_cache(maxsize=4096)
def _length(font: pymupdf.Font, text: str, size: float) -> float:
    return font.text_length(text, size)


def _fit(font: pymupdf.Font, text: str, width: float, size: float) -> str:
    while text and _length(font, text, size) > width:
        text = text[:-2] + "…"
    return text


def _back(canvas: _Canvas, font: pymupdf.Font, face: CardFace, ox: float, oy: float) -> None:
    rows = qr_rows(face.payload)
    cell = QR_SIDE / (len(rows) + 2 * QUIET)
    x0, y0 = ox + 4 * MM + QUIET * cell, oy + (CARD_H - QR_SIDE) / 2 + QUIET * cell
    shape = canvas.shape
    shape.draw_rect(pymupdf.Rect(ox, oy, ox + CARD_W, oy + CARD_H))
    shape.finish(color=NAVY, width=1.2)
    # the dark runs of each row as rectangles in module units under one matrix (a module is one
    # unit, rows downwards), all in one path filled at once: short integer text, no seams
    m = shape.ipctm
    left, top = m.a * x0 + m.c * y0 + m.e, m.b * x0 + m.d * y0 + m.f
    parts = [f"q 0 g {cell * m.a:.4f} 0 0 {cell * m.d:.4f} {left:.3f} {top:.3f} cm\n"]
    for r, row in enumerate(rows):
        for run in _DARK.finditer(row):
            parts.append(f"{run.start()} {r} {run.end() - run.start()} 1.02 re\n")
    parts.append("f Q\n")
    shape.totalcont += "".join(parts)
    writer = canvas.text((0, 0, 0))
    x = ox + 4 * MM + QR_SIDE + 3 * MM
    y = oy + 18 * MM
    for line in ("扫描二维码", "核验证件真伪", "及当前状态", "", face.number):
        if line:
            writer.append((x, y), line, font=font, fontsize=7)
        y += 5 * MM


def _save(doc: pymupdf.Document, out: Path) -> None:
    doc.set_metadata({"title": "行政执法证", "creator": "执法监督工作台"})
    doc.subset_fonts()
    save_replacing(doc, Path(out), garbage=3, deflate=True)


def write_cards(faces: Sequence[CardFace], out: Path) -> None:
    """Write the cards (front and back pages, one pair a card) to ``out``."""
    font = pymupdf.Font("cjk")
    doc = pymupdf.open()
    try:
        for face in faces:
            for draw in (_front, _back):
                canvas = _Canvas(doc.new_page(width=CARD_W, height=CARD_H))
                draw(canvas, font, face, 0, 0)
                canvas.finish()
        _save(doc, out)
    finally:
        doc.close()


def sheet_origin(index: int, *, back: bool = False) -> tuple[float, float]:
    """Where card ``index`` (0–9) of a sheet lies (its top-left corner, points): row by row, two a
    row; on the back the columns swap, so that each back falls behind its front."""
    row, col = divmod(index, SHEET_COLS)
    if back:
        col = SHEET_COLS - 1 - col
    left = (A4_W - SHEET_COLS * CARD_W - (SHEET_COLS - 1) * GAP_X) / 2
    top = (A4_H - SHEET_ROWS * CARD_H - (SHEET_ROWS - 1) * GAP_Y) / 2
    return left + col * (CARD_W + GAP_X), top + row * (CARD_H + GAP_Y)


def _crop_marks(shape: pymupdf.Shape) -> None:
    """Marks in the margins along every cutting line, 1 mm clear of the cards."""
    left, top = sheet_origin(0)
    right = left + SHEET_COLS * CARD_W + (SHEET_COLS - 1) * GAP_X
    bottom = top + SHEET_ROWS * CARD_H + (SHEET_ROWS - 1) * GAP_Y
    xs = [left + c * (CARD_W + GAP_X) + dx for c in range(SHEET_COLS) for dx in (0, CARD_W)]
    ys = [top + r * (CARD_H + GAP_Y) + dy for r in range(SHEET_ROWS) for dy in (0, CARD_H)]
    for x in xs:
        shape.draw_line((x, top - MM - MARK), (x, top - MM))
        shape.draw_line((x, bottom + MM), (x, bottom + MM + MARK))
    for y in ys:
        shape.draw_line((left - MM - MARK, y), (left - MM, y))
        shape.draw_line((right + MM, y), (right + MM + MARK, y))
    shape.finish(color=(0, 0, 0), width=0.25)


def write_card_sheets(faces: Sequence[CardFace], out: Path) -> int:
    """Write the cards on A4 sheets (10 a sheet; each page of fronts followed by the page of their
    backs, mirrored for long-edge duplex printing) to ``out``; returns the number of pages."""
    font = pymupdf.Font("cjk")
    doc = pymupdf.open()
    per = SHEET_COLS * SHEET_ROWS
    try:
        for start in range(0, len(faces), per):
            batch = faces[start : start + per]
            for back, draw in ((False, _front), (True, _back)):
                canvas = _Canvas(doc.new_page(width=A4_W, height=A4_H))
                _crop_marks(canvas.shape)
                for n, face in enumerate(batch):
                    draw(canvas, font, face, *sheet_origin(n, back=back))
                canvas.finish()
        _save(doc, out)
        return doc.page_count
    finally:
        doc.close()
