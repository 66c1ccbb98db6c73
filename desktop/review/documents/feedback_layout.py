"""What the review's feedback documents share: a typesetter measured with the embedded font,
pages that repeat a table header and a running head when a table continues, ruled table rows as
blocks, and drawing the laid-out pages into a new PDF (one ``Font("cjk")``, subset).

Typesetting, tables and drawing are the demo dossier writer's (``desktop.io.pdf.layout``
and ``desktop.io.pdf.render``); this module only adds page breaks inside tables.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.io.pdf.layout import BOTTOM, LEFT, TOP, Block, Cell, Op, Typesetter, placed, ruled_table
from desktop.io.pdf.render import render

if TYPE_CHECKING:
    import pymupdf

ROW_LEAD = 16.0
"""Line spacing inside table cells."""
ROW_PAD = 5.0
"""Space between a cell's rule and its text."""
SAVE_OPTIONS: dict[str, Any] = {"garbage": 1, "deflate": True}
"""How every feedback PDF is saved: unused objects dropped, new streams compressed. On a 300-page
demo dossier with 40 marks (bench/review_export.py) the export took ≈ 95 ms so; ``garbage=3``
≈ 130 ms for a file 0.5 % smaller, ``garbage=4`` ≈ 115 ms for one 20 % smaller (it also merges
identical streams, which the demo dossier repeats); without ``deflate`` the copy is 1.7× as big."""


def new_typesetter() -> tuple[pymupdf.Font, Typesetter]:
    """The embedded CJK font and a typesetter that measures with it."""
    import pymupdf

    font = pymupdf.Font("cjk")

    def measure(ch: str, size: float) -> float:
        # a character the font lacks is drawn from a fallback font, about 1 em wide
        return font.text_length(ch, size) if font.has_glyph(ord(ch)) else size

    return font, Typesetter(measure)


def draw(pages: list[list[Op]], font: pymupdf.Font, *, title: str, author: str) -> pymupdf.Document:
    """A new PDF with the laid-out ``pages`` drawn (footer 第 n 页 共 N 页), fonts subset."""
    import pymupdf

    doc = pymupdf.open()
    render(pymupdf, doc, font, pages)
    doc.set_metadata(
        {"title": title, "author": author, "subject": "案卷评查", "creator": "执法监督工作台", "producer": ""}
    )
    doc.subset_fonts()
    return doc


def save_replacing(doc: pymupdf.Document, out: Path) -> None:
    """Save ``doc`` to ``out`` through ``out.part``: ``out`` is replaced only when complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    try:
        doc.save(str(part), **SAVE_OPTIONS)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, out)


# --------------------------------------------------------------------------- table rows


def row(ts: Typesetter, cells: Sequence[Cell], *, lead: float = ROW_LEAD, keep: bool = False) -> Block:
    """One ruled table row as a block; cell text that would not fit on a page is cut with "…"."""
    most = int((BOTTOM - TOP - 120 - 2 * ROW_PAD) // lead)
    fitted = [_clip(ts, cell, most) for cell in cells]
    ops, height = ruled_table(ts, [fitted], 0.0, x=LEFT, lead=lead, pad=ROW_PAD)
    return Block(height, ops, keep=keep)


def _clip(ts: Typesetter, cell: Cell, most: int) -> Cell:
    """``cell`` with its text cut to ``most`` lines (less its foot lines)."""
    room = max(1, most - len(cell.foot))
    if not cell.text:
        return cell
    lines = ts.wrap(cell.text, cell.size, cell.width - 2 * ROW_PAD)
    if len(lines) <= room:
        return cell
    kept = lines[:room]
    kept[-1] = kept[-1][:-1] + "…"
    return Cell("\n".join(kept), cell.width, cell.align, cell.size, cell.style, cell.min_h, cell.foot)


# --------------------------------------------------------------------------- pages


class Paper:
    """Pages filled top to bottom with blocks. A continuation page starts with ``running`` (a
    small grey line above the text) and then ``repeat`` (a table's header rows), when set."""

    def __init__(self, running: str = "") -> None:
        self.pages: list[list[Op]] = [[]]
        self.y = TOP
        self.running = running
        self.repeat: list[Block] = []
        self._start = TOP

    def add(self, blocks: Sequence[Block]) -> None:
        """Place ``blocks``; a run of blocks marked ``keep`` moves to a new page as a whole."""
        i = 0
        while i < len(blocks):
            j = i
            while j < len(blocks) - 1 and blocks[j].keep:
                j += 1
            group = blocks[i : j + 1]
            if self.y + sum(b.height for b in group) > BOTTOM and not self._fresh():
                self._new_page()
            for block in group:
                if self.y + block.height > BOTTOM and not self._fresh():
                    self._new_page()
                self._put(block)
            i = j + 1

    def gap(self, height: float) -> None:
        """Vertical space, dropped at the top of a page."""
        if not self._fresh():
            self.y = min(self.y + height, BOTTOM)

    def _fresh(self) -> bool:
        """Nothing but the running head and the repeated header is on the page yet."""
        return self.y <= self._start

    def _new_page(self) -> None:
        self.pages.append([])
        self.y = TOP
        if self.running:
            self.pages[-1].append(("t", LEFT, TOP - 24, self.running, 9.0, "g"))
        for block in self.repeat:
            self._put(block)
        self._start = self.y

    def _put(self, block: Block) -> None:
        self.pages[-1].extend(placed(block, self.y))
        self.y += block.height
