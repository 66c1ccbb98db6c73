"""What the case detail panel and its timeline share: the grey of secondary text, a tone (green,
yellow, red) as a colour and a style sheet, and emptying a layout before it is filled again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout

from desktop.views.common.lazy_table import TONE_COLOURS

GREY = "#5F6B7A"


def tone_colour(tone: str | None) -> str:
    """A tone's colour, ``#RRGGBB`` (no tone: "")."""
    return TONE_COLOURS.get(tone or "", "")


def tone_style(tone: str | None, bold: bool = False) -> str:
    """A label's style sheet in a tone's colour, bold if asked ("" for neither)."""
    colour = tone_colour(tone)
    return (f"color: {colour};" if colour else "") + (" font-weight: bold;" if bold else "")


def clear_layout(layout: QLayout) -> None:
    """Empty a layout, deleting its widgets and inner layouts."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            inner = item.layout()
            clear_layout(inner)
            inner.deleteLater()


def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    """``label`` in bold, its font scaled by ``scale``."""
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label
