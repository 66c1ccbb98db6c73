"""The dossier viewer's marks: boxes and word selections reported in unrotated PDF points (on
plain and rotated pages), the caller's marks drawn, clicked and shown."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from desktop.views.common.pdf.viewer import MarkShape
from tests.helpers.pdf_viewer import (
    BLANK,
    RED_BOX,
    RED_PAGES,
    TIMEOUT,
    WORDS,
    assert_drawn_rect_is_the_red_box,
    assert_rect,
    drag,
    key,
    make_dossier,
    make_pdf,
    open_pdf,
    select_text,
    shown_viewer,
    wait_shown,
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "test.pdf")


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_dossier(tmp_path_factory.mktemp("dossier") / "dossier.pdf")


@pytest.fixture
def viewer(qtbot):
    yield from shown_viewer(qtbot)


# ------------------------------------------------------------------------------ marks


@pytest.mark.parametrize("page", sorted(RED_PAGES), ids=[f"rotated {r}" for r in RED_PAGES.values()])
def test_a_box_drawn_over_the_red_square_is_reported_in_unrotated_pdf_points(qtbot, viewer, pdf, page):
    open_pdf(qtbot, viewer, pdf, page=page)
    viewer.set_zoom(2.0)
    wait_shown(qtbot, viewer, page)
    assert_drawn_rect_is_the_red_box(qtbot, viewer, page)
    viewer.fit_width()
    wait_shown(qtbot, viewer, page)
    assert_drawn_rect_is_the_red_box(qtbot, viewer, page)


def test_pymupdf_writes_an_unrotated_rect_back_where_it_was_drawn(pdf, tmp_path):
    """The convention the marks follow: ``add_rect_annot`` takes unrotated points."""
    doc = pymupdf.open(pdf)
    page = doc[7]
    annot = page.add_rect_annot(pymupdf.Rect(RED_BOX))
    annot.set_colors(stroke=(0, 0, 1))
    annot.update()
    shown = pymupdf.Rect(RED_BOX) * page.rotation_matrix  # where the red box is on screen
    pix = page.get_pixmap(alpha=False, clip=shown + (-6, -6, 6, 6))
    blue = [
        (x, y)
        for y in range(pix.height)
        for x in range(pix.width)
        if (lambda r, g, b: b > r + 60 and b > g + 60)(*pix.pixel(x, y))
    ]
    left, top = min(x for x, _y in blue) + pix.x, min(y for _x, y in blue) + pix.y
    right, bottom = max(x for x, _y in blue) + pix.x + 1, max(y for _x, y in blue) + pix.y + 1
    assert_rect((left, top, right, bottom), tuple(shown), tolerance=2)
    assert pix.pixel(pix.width // 2, pix.height // 2) == (255, 0, 0)
    doc.close()


def test_tiny_drags_are_ignored_and_escape_leaves_the_mode(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    drawn, modes = [], []
    viewer.markDrawn.connect(lambda *args: drawn.append(args))
    viewer.markModeChanged.connect(modes.append)
    viewer.toolbar.mark_rect.trigger()
    assert viewer.mark_mode == "rect"
    drag(qtbot, viewer, QPoint(200, 200), QPoint(202, 201))
    assert drawn == []
    key(qtbot, viewer, Qt.Key.Key_Escape)
    assert viewer.mark_mode == "" and not viewer.toolbar.mark_rect.isChecked()
    drag(qtbot, viewer, QPoint(200, 200), QPoint(300, 300))  # browsing: a drag pans, marks nothing
    assert drawn == [] and modes == ["rect", ""]


def test_selecting_words_reports_their_text_and_box(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf, page=WORDS)
    viewer.toolbar.mark_text.trigger()
    qtbot.waitUntil(lambda: viewer.page_view.tokens is not None, timeout=TIMEOUT)
    with pymupdf.open(pdf) as doc:
        beta, gamma = (tuple(doc[WORDS].search_for(w)[0]) for w in ("beta", "gamma"))
    page, rect, kind, text = select_text(qtbot, viewer, beta, gamma)
    assert (page, kind, text) == (WORDS, "text", "beta gamma")
    assert_rect(rect, (beta[0], min(beta[1], gamma[1]), gamma[2], max(beta[3], gamma[3])))
    assert [t.text for t in viewer.page_view.selection] == ["beta", "gamma"]  # shown highlighted


def test_selecting_chinese_text_picks_single_characters(qtbot, viewer, dossier):
    open_pdf(qtbot, viewer, dossier)
    viewer.set_mark_mode("text")
    qtbot.waitUntil(lambda: viewer.page_view.tokens is not None, timeout=TIMEOUT)
    with pymupdf.open(dossier) as doc:
        hit = tuple(doc[0].search_for("市场监督")[0])
    _page, _rect, kind, text = select_text(qtbot, viewer, hit, hit)
    assert (kind, text) == ("text", "市场监督")


def test_the_text_mode_on_a_page_without_text_says_to_draw_a_box(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf, page=BLANK)
    viewer.set_mark_mode("text")
    qtbot.waitUntil(lambda: viewer.page_view.tokens == (), timeout=TIMEOUT)
    top = viewer.page_view.visibleRegion().boundingRect().top()
    note = viewer.page_view.grab().toImage().pixelColor(QPoint(viewer.page_view.width() // 2 - 300, top + 14))
    assert (note.red(), note.green()) > (note.blue() + 10, note.blue() + 10)  # the pale yellow band
    with qtbot.assertNotEmitted(viewer.markDrawn):
        drag(qtbot, viewer, QPoint(100, 100), QPoint(300, 300))


def test_clicking_a_mark_activates_it(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    viewer.set_marks(
        [
            MarkShape(1, 0, (100, 400, 300, 450), "Missing signature", "#1565c0"),
            MarkShape(2, 1, (100, 400, 300, 450), "Other page", "#d32f2f", selected=True),
        ]
    )
    assert [m.id for m in viewer.page_view.marks] == [1]
    box = viewer.page_view.view_rect((100, 400, 300, 450)).toRect()
    color = viewer.page_view.grab().toImage().pixelColor(box.center())
    assert color.blue() > color.red()  # the mark's tint is drawn
    with qtbot.waitSignal(viewer.markActivated, timeout=TIMEOUT) as activated:
        qtbot.mouseClick(viewer.page_view, Qt.MouseButton.LeftButton, pos=box.center())
    assert activated.args == [1]
    with qtbot.assertNotEmitted(viewer.markActivated):
        qtbot.mouseClick(viewer.page_view, Qt.MouseButton.LeftButton, pos=box.bottomRight() + QPoint(30, 30))
    assert viewer.thumbs_model.data(viewer.thumbs_model.index(1)) == "2 ●"


def test_show_mark_goes_to_its_page_and_scrolls_it_into_view(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    viewer.set_marks([MarkShape(7, 120, (300, 760, 400, 800), "At the foot of the page")])
    assert viewer.show_mark(7)
    assert viewer.current_page == 120
    box = viewer.page_view.view_rect((300, 760, 400, 800)).toRect()
    seen = QRect(
        viewer.page_view.mapFrom(viewer.scroll.viewport(), QPoint(0, 0)), viewer.scroll.viewport().size()
    )
    assert seen.contains(box)
    assert viewer.page_view._flash_id == 7
    assert not viewer.show_mark(99)
