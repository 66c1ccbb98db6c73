"""Drawing laid-out pages with PyMuPDF: the one CJK font a document embeds (``Font("cjk")``, subset
before saving) and a typesetter that measures with it, text through ``TextWriter`` in that font (a
writer per style), rules and boxes, the page footer, the round red seal; a new document from the
pages, saved so that the file is replaced only when complete."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.io.pdf.layout import PAGE_H, PAGE_W, RED, Op, Typesetter

if TYPE_CHECKING:
    import pymupdf

_STYLES: dict[str, tuple[tuple[float, float, float], int]] = {
    "n": ((0.0, 0.0, 0.0), 0),
    "b": ((0.0, 0.0, 0.0), 2),  # fill and stroke: a heavier face for titles
    "r": (RED, 0),
    "rb": (RED, 2),
    "s": ((0.08, 0.16, 0.52), 0),  # handwriting (signatures) in blue-black ink
    "g": ((0.42, 0.42, 0.42), 0),
}


def cjk_typesetter() -> tuple[pymupdf.Font, Typesetter]:
    """The CJK font a document embeds and a typesetter that measures with it."""
    import pymupdf

    font = pymupdf.Font("cjk")

    def measure(ch: str, size: float) -> float:
        # a character the font lacks is drawn by MuPDF from a fallback font, about 1 em wide
        return font.text_length(ch, size) if font.has_glyph(ord(ch)) else size

    return font, Typesetter(measure)


def new_document(pages: list[list[Op]], font: pymupdf.Font, metadata: dict[str, str]) -> pymupdf.Document:
    """A new PDF with the laid-out ``pages`` drawn (footer 第 n 页 共 N 页), ``metadata`` set and the
    font subset; the caller saves and closes it."""
    import pymupdf

    doc = pymupdf.open()
    try:
        render(pymupdf, doc, font, pages)
        doc.set_metadata(metadata)
        doc.subset_fonts()
    except BaseException:
        doc.close()
        raise
    return doc


def save_replacing(doc: pymupdf.Document, out: Path, **options: Any) -> None:
    """Save ``doc`` to ``out`` through ``out.part`` (``options`` as ``Document.save`` takes them):
    ``out`` is replaced only when complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    try:
        doc.save(str(part), **options)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, out)


def render(pm: Any, doc: pymupdf.Document, font: pymupdf.Font, pages: list[list[Op]]) -> None:
    """Draw the laid-out pages; every text goes through ``TextWriter`` with the one ``font``."""
    total = len(pages)
    low = getattr(pm, "mupdf", None)
    if low is not None and hasattr(low, "fz_show_string"):
        # What TextWriter.append does, without re-bounding all of the writer's text on every call
        # (quadratic: a page of 40 lines cost ≈ 2 ms). y is flipped as append's ``ictm`` does.
        language = low.fz_text_language_from_string(None)

        def show(writer: Any, x: float, y: float, text: str, size: float) -> None:
            matrix = low.fz_make_matrix(size, 0, 0, size, x, PAGE_H - y)
            low.fz_show_string(writer.this, font.this, matrix, text, 0, 0, 0, language)
    else:  # pragma: no cover - another binding layout

        def show(writer: Any, x: float, y: float, text: str, size: float) -> None:
            writer.append((x, y), text, font=font, fontsize=size)

    for number, ops in enumerate(pages, 1):
        page = doc.new_page(width=PAGE_W, height=PAGE_H)
        rect = page.rect
        writers: dict[str, Any] = {}
        lines: dict[float, list[Op]] = {}
        rects: list[Op] = []
        seals: list[Op] = []
        for op in ops:
            kind = op[0]
            if kind == "t":
                _, x, y, text, size, style = op
                if text:
                    writer = writers.get(style)
                    if writer is None:
                        writer = writers[style] = pm.TextWriter(rect)
                    show(writer, x, y, text, size)
            elif kind == "l":
                lines.setdefault(op[5], []).append(op)
            elif kind == "r":
                rects.append(op)
            else:
                seals.append(op)
        footer = f"第 {number} 页　共 {total} 页"
        writer = writers.get("n") or writers.setdefault("n", pm.TextWriter(rect))
        x = (PAGE_W - font.text_length(footer, 9.0)) / 2
        show(writer, x, PAGE_H - 40, footer, 9.0)
        if rects or lines:
            shape = page.new_shape()
            for _, x0, y0, x1, y1, stroke, fill, width in rects:
                shape.draw_rect(pm.Rect(x0, y0, x1, y1))
                shape.finish(color=stroke, fill=fill, width=width)
            for width, group in lines.items():
                for op in group:
                    shape.draw_line(pm.Point(op[1], op[2]), pm.Point(op[3], op[4]))
                shape.finish(color=(0, 0, 0), width=width)
            shape.commit()
        for style, writer in writers.items():
            color, mode = _STYLES[style]
            writer.write_text(page, color=color, render_mode=mode)
        for _, cx, cy, radius, name in seals:
            _draw_seal(pm, page, font, cx, cy, radius, name)


def _draw_seal(pm: Any, page: Any, font: Any, cx: float, cy: float, radius: float, name: str) -> None:
    """A round red seal: ring, five-pointed star, the agency's name along the upper arc."""
    shape = page.new_shape()
    shape.draw_circle(pm.Point(cx, cy), radius)
    shape.finish(color=RED, width=2.8, stroke_opacity=0.85)
    outer, inner = radius * 0.30, radius * 0.30 * 0.382
    star = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + i * 36)
        star.append(pm.Point(cx + r * math.cos(a), cy + r * math.sin(a)))
    shape.draw_polyline(star)
    shape.finish(color=RED, fill=RED, closePath=True, width=0.3, fill_opacity=0.85, stroke_opacity=0.85)
    shape.commit()
    n = len(name)
    span = min(math.radians(250), math.radians(24) * max(n - 1, 1))
    ring = radius - 6
    size = min(radius * 0.30, 0.92 * ring * span / max(n - 1, 1))
    text_r = ring - size * 0.55
    for i, ch in enumerate(name):
        theta = -span / 2 + (span * i / (n - 1) if n > 1 else span / 2)
        px, py = cx + text_r * math.sin(theta), cy - text_r * math.cos(theta)
        writer = pm.TextWriter(page.rect)
        writer.append((px - size / 2, py + size * 0.36), ch, font=font, fontsize=size)
        turn = pm.Matrix(-math.degrees(theta))  # upright towards the rim
        writer.write_text(page, color=RED, opacity=0.85, morph=(pm.Point(px, py), turn))
