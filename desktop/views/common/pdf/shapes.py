"""Plain data the viewer's parts share: a page's geometry and its transform to the screen, marks,
text tokens and search hits.

Every rectangle here is ``(x0, y0, x1, y1)`` in PDF points of the **unrotated** page, y downwards,
as PyMuPDF gives them (``page.search_for``, ``page.get_text``) and takes them
(``page.add_rect_annot``). Only ``PageGeometry.to_view`` turns them into screen pixels, so the
overlay, hit-testing and the marks a user draws all use one conversion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

PX_PER_PT = 96 / 72
"""Logical pixels per PDF point at 100 % (an inch of paper is an inch of screen at 96 dpi)."""

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class MarkShape:
    """A mark the caller shows on a page (a deduction's evidence, a note)."""

    id: int
    page: int
    rect: Rect  # PDF points of the unrotated page (x0, y0, x1, y1), as PyMuPDF's page.rect
    label: str
    color: str = "#d32f2f"
    selected: bool = False


@dataclass(frozen=True)
class PageGeometry:
    """A page's size as shown (rotation applied) and PyMuPDF's ``page.rotation_matrix``."""

    width: float
    height: float
    rotation: int
    matrix: tuple[float, float, float, float, float, float]
    origin: tuple[float, float] = (0.0, 0.0)

    @classmethod
    def of(cls, page: object) -> PageGeometry:
        """The geometry of a ``pymupdf.Page`` (call it on the thread that owns the document)."""
        rect = page.rect  # type: ignore[attr-defined]
        m = page.rotation_matrix  # type: ignore[attr-defined]
        return cls(
            float(rect.width),
            float(rect.height),
            int(page.rotation),  # type: ignore[attr-defined]
            (m.a, m.b, m.c, m.d, m.e, m.f),
            (float(rect.x0), float(rect.y0)),
        )

    def to_view(self, px_per_pt: float) -> QTransform:
        """Unrotated PDF points → logical pixels from the shown page's top-left corner."""
        rotate = QTransform(*self.matrix)
        shift = QTransform.fromTranslate(-self.origin[0], -self.origin[1])
        return rotate * shift * QTransform.fromScale(px_per_pt, px_per_pt)

    def from_view(self, px_per_pt: float) -> QTransform:
        """Logical pixels from the shown page's top-left corner → unrotated PDF points."""
        inverse, _ok = self.to_view(px_per_pt).inverted()
        return inverse


def to_qrect(rect: Rect) -> QRectF:
    """A ``Rect`` as a normalised ``QRectF`` (same coordinates)."""
    x0, y0, x1, y1 = rect
    return QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized()


def from_qrect(rect: QRectF) -> Rect:
    """A ``QRectF`` as a ``Rect``."""
    r = rect.normalized()
    return (r.left(), r.top(), r.right(), r.bottom())


def union(rects: Iterable[Rect]) -> Rect | None:
    """The smallest rectangle around ``rects`` (None when there are none)."""
    items = list(rects)
    if not items:
        return None
    return (
        min(r[0] for r in items),
        min(r[1] for r in items),
        max(r[2] for r in items),
        max(r[3] for r in items),
    )


def intersects(a: Rect, b: Rect) -> bool:
    """Whether two rectangles overlap (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class TextToken:
    """A unit of text selection: a Latin word or number, or one CJK character or sign."""

    rect: Rect
    text: str
    line: int
    space_before: bool = False


def joined_text(tokens: Sequence[TextToken]) -> str:
    """The text of ``tokens`` in reading order: a space where the page had one, lines on lines."""
    parts: list[str] = []
    previous: TextToken | None = None
    for token in tokens:
        if previous is not None:
            if token.line != previous.line:
                parts.append("\n")
            elif token.space_before:
                parts.append(" ")
        parts.append(token.text)
        previous = token
    return "".join(parts)


def _is_word_char(ch: str) -> bool:
    """Letters and digits of alphabetic scripts join into words; CJK characters stand alone."""
    return ch.isalnum() and ord(ch) < 0x2E80


def tokens_of_rawdict(raw: dict) -> list[TextToken]:
    """Selection tokens from ``page.get_text("rawdict")``: Latin words, single CJK characters."""
    tokens: list[TextToken] = []
    line_no = 0
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            line_no += 1
            word: list[dict] = []
            space = False
            for span in line.get("spans", ()):
                for char in span.get("chars", ()):
                    ch = char["c"]
                    if _is_word_char(ch):
                        word.append(char)
                        continue
                    if word:
                        tokens.append(_word_token(word, line_no, space))
                        word, space = [], False
                    if ch.isspace():
                        space = True
                    else:
                        tokens.append(TextToken(tuple(char["bbox"]), ch, line_no, space))
                        space = False
            if word:
                tokens.append(_word_token(word, line_no, space))
    return tokens


def _word_token(chars: list[dict], line: int, space: bool) -> TextToken:
    rect = union(tuple(c["bbox"]) for c in chars)
    assert rect is not None
    return TextToken(rect, "".join(c["c"] for c in chars), line, space)
