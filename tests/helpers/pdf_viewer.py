"""Helpers for the dossier viewer's GUI tests: the test PDFs, a shown viewer, waiting for a page,
keys, drags and wheel turns, and finding the red box the test pages carry."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pymupdf
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.demo.dossier.document import write_dossier
from desktop.demo.dossier.facts import DossierFacts
from desktop.views.common.pdf.viewer import DossierViewer

PAGES = 300
NEEDLES = {5: 1, 120: 2, 250: 1}  # page → occurrences of "needle" (4 hits)
BLANK = 3  # a page without text
WORDS = 9  # "alpha beta gamma delta"
RED_PAGES = {6: 0, 7: 90, 8: 270}  # pages with a red box, and their rotation
RED_BOX = (100.0, 200.0, 220.0, 260.0)  # unrotated PDF points
TIMEOUT = 5000


def make_pdf(path: Path) -> Path:
    """300 pages with text; a blank page, a page of words, red boxes on plain and rotated pages."""
    doc = pymupdf.open()
    for i in range(PAGES):
        page = doc.new_page(width=595, height=842)
        if i == BLANK:
            page.draw_rect(pymupdf.Rect(50, 50, 300, 300), color=(0, 0, 0))
            continue
        page.insert_text((72, 72), f"Page {i + 1} of the test dossier", fontsize=14)
        for n in range(NEEDLES.get(i, 0)):
            page.insert_text((72, 300 + 40 * n), "a needle in the hay", fontsize=12)
        if i in RED_PAGES:
            page.draw_rect(pymupdf.Rect(RED_BOX), color=None, fill=(1, 0, 0))  # no border: exactly the box
        if i == WORDS:
            page.insert_text((72, 400), "alpha beta gamma delta", fontsize=16)
    for i, rotation in RED_PAGES.items():
        doc[i].set_rotation(rotation)
    doc.save(path)
    doc.close()
    return path


def make_scan(path: Path) -> Path:
    """A "scanned" document: pictures only, no text at all."""
    doc = pymupdf.open()
    for _ in range(4):
        doc.new_page().draw_rect(pymupdf.Rect(40, 40, 500, 700), color=(0.3, 0.3, 0.3), fill=(0.9, 0.9, 0.9))
    doc.save(path)
    doc.close()
    return path


def make_dossier(path: Path) -> Path:
    """A realistic Chinese dossier (12 pages) from the demo's writer."""
    facts = DossierFacts(
        case_no="安平市监罚〔2026〕12号",
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
    write_dossier(path, facts, pages=12, seed=1)
    return path


def render_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("pdf-render") and t.is_alive()]


def shown_viewer(qtbot) -> Iterator[DossierViewer]:
    """A shown, active viewer; closed afterwards, and no render thread may outlive it."""
    view = DossierViewer()
    qtbot.addWidget(view)
    view.resize(1000, 760)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    yield view
    view.close()
    assert render_threads() == []


def open_pdf(qtbot, view: DossierViewer, path: Path, page: int = 0) -> None:
    """Open ``path`` and wait until ``page``'s image is on screen."""
    view.open(path)
    qtbot.waitUntil(lambda: view.page_count > 0, timeout=TIMEOUT)
    if page:
        view.go_to_page(page)
    wait_shown(qtbot, view, page)


def wait_shown(qtbot, view: DossierViewer, page: int) -> None:
    qtbot.waitUntil(lambda: view.page_view.page == page and view.page_view.exact, timeout=TIMEOUT)


def key(
    qtbot, view: DossierViewer, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    view.scroll.setFocus()
    qtbot.keyClick(view.scroll, k, mods)


def red_box(view: DossierViewer) -> QRect:
    """Where the pure red pixels are in the page view (logical pixels)."""
    image = view.page_view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data, stride, width = bytes(image.constBits()), image.bytesPerLine(), image.width()
    red = b"\x00\x00\xff\xff"  # B, G, R, A
    left, right, rows = width, -1, []
    for y in range(image.height()):
        row = data[y * stride : y * stride + width * 4]
        first = next((i for i in _finds(row, red) if i % 4 == 0), -1)
        if first < 0:
            continue
        last = max(i for i in _finds(row, red) if i % 4 == 0)
        rows.append(y)
        left, right = min(left, first // 4), max(right, last // 4)
    assert rows, "no red on the page"
    return QRect(QPoint(left, rows[0]), QPoint(right, rows[-1]))


def _finds(data: bytes, pattern: bytes):
    i = data.find(pattern)
    while i >= 0:
        yield i
        i = data.find(pattern, i + 1)


def drag(qtbot, view: DossierViewer, start: QPoint, end: QPoint) -> None:
    widget = view.page_view
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def assert_rect(actual, expected, tolerance: float = 1.0) -> None:
    assert all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True)), (actual, expected)


def wheel(view: DossierViewer, dy: int, mods=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = view.scroll.viewport()
    pos = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(
        pos,
        viewport.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        mods,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def assert_drawn_rect_is_the_red_box(qtbot, view: DossierViewer, page: int) -> None:
    box = red_box(view)
    view.set_mark_mode("rect")
    with qtbot.waitSignal(view.markDrawn, timeout=TIMEOUT) as drawn:
        drag(qtbot, view, box.topLeft(), box.bottomRight() + QPoint(1, 1))
    number, rect, kind, text = drawn.args
    assert (number, kind, text) == (page, "rect", "")
    assert_rect(rect, RED_BOX)


def select_text(qtbot, view: DossierViewer, first: tuple, last: tuple):
    """Drag from inside ``first``'s word box to inside ``last``'s; the ``markDrawn`` args."""
    a, b = view.page_view.view_rect(first), view.page_view.view_rect(last)
    mid = round((a.top() + a.bottom()) / 2)
    with qtbot.waitSignal(view.markDrawn, timeout=TIMEOUT) as drawn:
        drag(qtbot, view, QPoint(round(a.left()) + 3, mid - 2), QPoint(round(b.right()) - 3, mid + 2))
    return drawn.args
