"""Typesetting for every document the program writes: A4 page geometry, drawing operations,
blocks that flow onto pages (page breaks that keep runs of blocks together, a running head and a
table header repeated on continuation pages), line breaking for Chinese text (no closing mark at
a line's start), ruled tables and table rows that break across pages, the Chinese written date.

Plain Python: widths come from the ``measure`` function handed to ``Typesetter``; nothing is
drawn here (``desktop.io.pdf.render`` draws the operations).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT = 72.0, PAGE_W - 72.0
TOP, BOTTOM = 72.0, PAGE_H - 84.0
WIDTH = RIGHT - LEFT
BODY = 12.0
LEAD = 21.0
SMALL = 10.5

RED = (0.86, 0.08, 0.08)
"""The red of the letterhead and the seal."""
_NO_LINE_START = set("，。、；：？！）》」』〕】”’…—%,.;:?!)]")
_NO_LINE_END = set("（《「『〔【“‘([")


# --------------------------------------------------------------------------- layout primitives

Op = tuple[Any, ...]
"""A drawing operation in page coordinates (y downwards):
("t", x, baseline, text, size, style), ("l", x0, y0, x1, y1, width),
("r", x0, y0, x1, y1, stroke or None, fill or None, width), ("seal", cx, cy, radius, name)."""


def _shift(op: Op, dy: float) -> Op:
    """The operation moved down by ``dy``."""
    kind = op[0]
    if kind == "t":
        return (kind, op[1], op[2] + dy, *op[3:])
    if kind in ("l", "r"):
        return (kind, op[1], op[2] + dy, op[3], op[4] + dy, *op[5:])
    return (kind, op[1], op[2] + dy, *op[3:])


@dataclass
class Block:
    """A piece of a flowing document: its height, its operations (y from the block's top)."""

    height: float
    ops: list[Op]
    keep: bool = False
    """Keep on the same page as the next block."""


class Flow:
    """Pages filled top to bottom with blocks; knows how many pages some more blocks would take.

    A run of blocks marked ``keep`` moves to a new page as a whole. A continuation page starts with
    ``running`` (a small grey line above the text) when given, then ``repeat`` (a table's header
    rows) while it is set."""

    def __init__(self, top: float = TOP, bottom: float = BOTTOM, running: str = "") -> None:
        self.top, self.bottom = top, bottom
        self.pages: list[list[Op]] = [[]]
        self.y = top
        self.running = running
        self.repeat: list[Block] = []
        self._start = top
        """Where the page's own text starts (below its running head and repeated header)."""

    def add(self, blocks: Sequence[Block]) -> None:
        self._place(blocks, commit=True)

    def pages_if(self, blocks: Sequence[Block]) -> int:
        """The page count after adding ``blocks``, without adding them."""
        return self._place(blocks, commit=False)

    def gap(self, height: float) -> None:
        """Vertical space, dropped at the top of a page."""
        if self.y > self._start:
            self.y = min(self.y + height, self.bottom)

    def _place(self, blocks: Sequence[Block], *, commit: bool) -> int:
        count, y, start = len(self.pages), self.y, self._start
        i = 0
        while i < len(blocks):
            j = i
            while j < len(blocks) - 1 and blocks[j].keep:
                j += 1
            group = blocks[i : j + 1]
            if y + sum(b.height for b in group) > self.bottom and y > start:
                count, y = count + 1, self._new_page(commit)
                start = y
            for block in group:
                if y + block.height > self.bottom and y > start:
                    count, y = count + 1, self._new_page(commit)
                    start = y
                if commit:
                    self.pages[-1].extend(_shift(op, y) for op in block.ops)
                y += block.height
            i = j + 1
        if commit:
            self.y, self._start = y, start
        return count

    def _new_page(self, commit: bool) -> float:
        """Start a page (only count it unless ``commit``); returns where its text starts."""
        y = self.top
        if commit:
            self.pages.append([])
            if self.running:
                self.pages[-1].append(("t", LEFT, self.top - 24, self.running, 9.0, "g"))
        for block in self.repeat:
            if commit:
                self.pages[-1].extend(_shift(op, y) for op in block.ops)
            y += block.height
        return y


class Typesetter:
    """Widths, line breaking (no closing mark at a line's start) and paragraph blocks."""

    def __init__(self, measure: Callable[[str, float], float]) -> None:
        self._measure = measure
        self._em: dict[str, float] = {}

    def width(self, text: str, size: float) -> float:
        em = self._em
        total = 0.0
        for ch in text:
            w = em.get(ch)
            if w is None:
                w = em[ch] = self._measure(ch, 1.0)
            total += w
        return total * size

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        """Lines of at most ``width``; Latin words and numbers stay whole, closing marks hang."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            tokens = re.findall(r"[A-Za-z0-9.\-/·]+|.", paragraph)
            line, used = "", 0.0
            for token in tokens:
                w = self.width(token, size)
                if used + w <= width or not line or (token in _NO_LINE_START and used + w <= width + size):
                    line, used = line + token, used + w
                    continue
                carry = ""
                if token in _NO_LINE_START:  # it cannot hang too: the last character comes down with it
                    while len(line) > 1 and line[-1] in _NO_LINE_START:
                        carry, line = line[-1] + carry, line[:-1]
                    if len(line) > 1:
                        carry, line = line[-1] + carry, line[:-1]
                while line and line[-1] in _NO_LINE_END:
                    carry, line = line[-1] + carry, line[:-1]
                lines.append(line)
                line = carry + token
                used = self.width(line, size)
            lines.append(line)
        return lines

    def para(
        self,
        text: str,
        *,
        size: float = BODY,
        lead: float = LEAD,
        indent: int = 2,
        x: float = LEFT,
        width: float = WIDTH,
        style: str = "n",
    ) -> list[Block]:
        """One block a line; ``indent`` ideographic spaces before the first line."""
        lines = self.wrap("\u3000" * indent + text, size, width)
        base = lead * 0.5 + size * 0.36
        return [Block(lead, [("t", x, base, line, size, style)]) for line in lines]

    def line(
        self,
        text: str,
        *,
        size: float = BODY,
        lead: float = LEAD,
        align: str = "left",
        style: str = "n",
        x: float = LEFT,
        width: float = WIDTH,
    ) -> Block:
        """A single line, left / centre / right aligned within ``x`` … ``x + width``."""
        w = self.width(text, size)
        if align == "center":
            x = x + (width - w) / 2
        elif align == "right":
            x = x + width - w
        return Block(lead, [("t", x, lead * 0.5 + size * 0.36, text, size, style)])

    def fit(self, text: str, size: float, width: float) -> float:
        """``size``, or smaller so that ``text`` fits ``width``."""
        w = self.width(text, size)
        return size if w <= width else max(6.0, size * width / w * 0.98)

    def fields(
        self, items: Sequence[tuple[str, str, float]], *, size: float = BODY, lead: float = LEAD
    ) -> Block:
        """A form line: labels followed by underlined values (``width`` 0: to the right edge)."""
        ops: list[Op] = []
        x = LEFT
        base = lead * 0.5 + size * 0.36
        for label, value, span in items:
            ops.append(("t", x, base, label, size, "n"))
            x += self.width(label, size)
            end = RIGHT if span <= 0 else min(RIGHT, x + span)
            vsize = self.fit(value, size, end - x - 4)
            ops.append(("t", x + 3, base, value, vsize, "n"))
            ops.append(("l", x, base + 3, end, base + 3, 0.5))
            x = end + size * 0.8
        return Block(lead, ops)


# --------------------------------------------------------------------------- tables


@dataclass
class Cell:
    """One cell of a ruled table; ``min_h`` is the least height of its row."""

    text: str = ""
    width: float = 0.0
    align: str = "left"
    size: float = SMALL
    style: str = "n"
    min_h: float = 0.0
    foot: list[tuple[str, str]] = field(default_factory=list)
    """Lines at the cell's bottom right: (text, style), e.g. a signature and its date."""


def ruled_table(
    ts: Typesetter,
    rows: Sequence[Sequence[Cell]],
    top: float,
    *,
    x: float = LEFT,
    lead: float = 17.0,
    pad: float = 5.0,
) -> tuple[list[Op], float]:
    """Ruled table rows from ``top``; returns the operations and the bottom."""
    ops: list[Op] = []
    y = top
    for row in rows:
        wrapped = [ts.wrap(c.text, c.size, c.width - 2 * pad) if c.text else [] for c in row]
        height = max(
            max(len(lines) + len(c.foot), 1) * lead + 2 * pad if c.text or c.foot else lead + 2 * pad
            for c, lines in zip(row, wrapped, strict=True)
        )
        height = max(height, *(c.min_h for c in row))
        cx = x
        for cell, lines in zip(row, wrapped, strict=True):
            n = len(lines)
            if not cell.foot and n <= 2:
                first = y + (height - n * lead) / 2
            else:
                first = y + pad
            for i, line in enumerate(lines):
                base = first + i * lead + lead * 0.5 + cell.size * 0.36
                w = ts.width(line, cell.size)
                lx = cx + pad if cell.align == "left" else cx + (cell.width - w) / 2
                ops.append(("t", lx, base, line, cell.size, cell.style))
            for i, (text, style) in enumerate(reversed(cell.foot)):
                base = y + height - pad - i * lead - lead * 0.5 + cell.size * 0.36
                w = ts.width(text, cell.size)
                ops.append(("t", cx + cell.width - pad - w - 8, base, text, cell.size, style))
            ops.append(("l", cx, y, cx, y + height, 0.6))
            cx += cell.width
        ops.append(("l", cx, y, cx, y + height, 0.6))
        ops.append(("l", x, y, cx, y, 0.6))
        y += height
        ops.append(("l", x, y, cx, y, 0.6))
    return ops, y


def placed(block: Block, y: float) -> list[Op]:
    """A block's operations placed at ``y``."""
    return [_shift(op, y) for op in block.ops]


ROW_LEAD = 16.0
"""Line spacing inside the cells of a ``table_row``."""
ROW_PAD = 5.0
"""Space between a cell's rule and its text in a ``table_row``."""


def table_row(ts: Typesetter, cells: Sequence[Cell], *, lead: float = ROW_LEAD, keep: bool = False) -> Block:
    """One ruled table row as a block (a ``Flow`` breaks a table between its rows); cell text that
    would not fit on a page is cut with "…"."""
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


# --------------------------------------------------------------------------- text


def written_date(day: date | None) -> str:
    """2026年3月5日, or blanks to be filled in by hand."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "\u3000\u3000年\u3000\u3000月\u3000\u3000日"
