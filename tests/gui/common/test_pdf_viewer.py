"""The dossier viewer: opening, paging, keys, zoom, thumbnails, search, broken files, the position
and settings, and its render thread (never left running). Marks: test_pdf_viewer_marks.py."""

from __future__ import annotations

import threading
from pathlib import Path

import pymupdf
import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from desktop.views.common.pdf import render as pdf_render
from desktop.views.common.pdf.render import Job, PageCache, RenderWorker
from desktop.views.common.pdf.viewer import DossierViewer, ViewerPosition
from tests.helpers.pdf_viewer import (
    PAGES,
    TIMEOUT,
    assert_drawn_rect_is_the_red_box,
    key,
    make_pdf,
    make_scan,
    open_pdf,
    render_threads,
    shown_viewer,
    wait_shown,
    wheel,
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "test.pdf")


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_scan(tmp_path_factory.mktemp("scan") / "scan.pdf")


@pytest.fixture
def viewer(qtbot):
    yield from shown_viewer(qtbot)


# ------------------------------------------------------------------------------ opening


def test_opening_shows_the_first_page(qtbot, viewer, pdf):
    events = []
    for name in ("documentOpened", "pageChanged", "pageDisplayed"):
        getattr(viewer, name).connect(lambda value, name=name: events.append((name, value)))
    viewer.open(pdf)
    qtbot.waitUntil(lambda: len(events) == 3, timeout=TIMEOUT)
    assert events == [("documentOpened", PAGES), ("pageChanged", 0), ("pageDisplayed", 0)]
    assert (viewer.page_count, viewer.current_page) == (PAGES, 0)
    image, area = viewer.page_view.image, viewer.page_view.page_rect()
    assert image is not None and abs(image.width() - area.width()) <= 1
    assert viewer.toolbar.page_box.text() == "1" and viewer.toolbar.page_total.text() == "/ 300"
    assert viewer.toolbar.zoom_combo.currentText() == f"{round(viewer.zoom * 100)}%"
    assert viewer.stack.currentWidget() is viewer.scroll


def test_the_neighbours_are_rendered_ahead_and_turning_to_them_is_instant(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf, page=10)
    qtbot.waitUntil(
        lambda: (11, viewer._scale(11)) in viewer.cache and (9, viewer._scale(9)) in viewer.cache,
        timeout=TIMEOUT,
    )
    viewer.next_page()
    assert viewer.page_view.exact and viewer.page_view.page == 11  # from the cache, without waiting


def test_pages_turn_with_the_buttons_and_the_keys(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    turned = []
    viewer.pageChanged.connect(turned.append)
    viewer.toolbar.next_page.trigger()
    key(qtbot, viewer, Qt.Key.Key_PageDown)
    key(qtbot, viewer, Qt.Key.Key_Right)
    assert viewer.current_page == 3
    key(qtbot, viewer, Qt.Key.Key_Left)
    key(qtbot, viewer, Qt.Key.Key_PageUp)
    viewer.toolbar.previous_page.trigger()
    assert viewer.current_page == 0 and not viewer.toolbar.previous_page.isEnabled()
    key(qtbot, viewer, Qt.Key.Key_End)
    assert viewer.current_page == PAGES - 1 and not viewer.toolbar.next_page.isEnabled()
    key(qtbot, viewer, Qt.Key.Key_Home)
    assert turned == [1, 2, 3, 2, 1, 0, PAGES - 1, 0]


def test_space_scrolls_a_screen_then_turns_the_page(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    bar = viewer.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # fit width: the page is taller than the view
    key(qtbot, viewer, Qt.Key.Key_Space)
    assert bar.value() > 0 and viewer.current_page == 0
    for _ in range(10):
        if viewer.current_page == 0:
            key(qtbot, viewer, Qt.Key.Key_Space)
    assert viewer.current_page == 1 and bar.value() == 0
    bar.setValue(0)
    key(qtbot, viewer, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.current_page == 0 and bar.value() == bar.maximum()  # the previous page, at its end


def test_the_wheel_past_the_end_turns_the_page_and_ctrl_wheel_zooms(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    bar = viewer.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    wheel(viewer, -120)
    assert viewer.current_page == 1 and bar.value() == 0
    before = viewer.zoom
    wheel(viewer, 120, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom > before and viewer.zoom_mode == "custom"
    wheel(viewer, -120, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom < before + 0.3


def test_going_to_a_page_by_number(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    viewer.go_to_page(41)
    assert viewer.current_page == 41 and viewer.toolbar.page_box.text() == "42"
    key(qtbot, viewer, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    box = viewer.toolbar.page_box
    assert box.hasFocus() and box.selectedText() == "42"
    qtbot.keyClicks(box, "120")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert viewer.current_page == 119 and box.text() == "120" and not box.hasFocus()
    viewer.go_to_page(10_000)
    assert viewer.current_page == PAGES - 1
    wait_shown(qtbot, viewer, PAGES - 1)


def test_zoom_steps_fit_width_and_fit_page(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    room = viewer.scroll.viewport().size()
    page = viewer.page_view.page_rect()
    assert viewer.zoom_mode == "width" and viewer.toolbar.fit_width.isChecked()
    assert room.width() - 40 < page.width() < room.width()
    assert viewer.scroll.horizontalScrollBar().maximum() == 0
    key(qtbot, viewer, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom_mode == "custom" and viewer.page_view.page_rect().width() > page.width()
    wait_shown(qtbot, viewer, 0)
    assert viewer.toolbar.zoom_combo.currentText() == f"{round(viewer.zoom * 100)}%"
    key(qtbot, viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.page_view.page_rect().width() < page.width()
    viewer.toolbar.fit_page.trigger()
    whole = viewer.page_view.page_rect()
    room = viewer.scroll.viewport().size()
    assert viewer.zoom_mode == "page" and whole.height() <= room.height() and whole.width() <= room.width()
    wait_shown(qtbot, viewer, 0)
    viewer.toolbar.zoom_combo.setEditText("150%")
    viewer.toolbar.zoom_combo.textActivated.emit("150%")
    assert viewer.zoom == 1.5
    key(qtbot, viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom_mode == "width"


def test_a_high_dpi_screen_gets_sharper_images_and_the_same_marks(qtbot, viewer, pdf, monkeypatch):
    monkeypatch.setattr(DossierViewer, "_dpr", lambda self: 2.0)
    open_pdf(qtbot, viewer, pdf, page=6)
    assert abs(viewer.page_view.image.width() - 2 * viewer.page_view.page_rect().width()) <= 2
    viewer.set_zoom(2.0)
    wait_shown(qtbot, viewer, 6)
    assert_drawn_rect_is_the_red_box(qtbot, viewer, 6)


# ------------------------------------------------------------------------------ thumbnails


def test_thumbnails_render_only_in_sight_and_clicking_one_goes_there(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    model, thumbs = viewer.thumbs_model, viewer.thumbs
    qtbot.waitUntil(lambda: model.has_image(0) and model.has_image(1), timeout=TIMEOUT)
    qtbot.wait(100)  # the events of 100 ms: nothing more is rendered or searched
    assert sum(model.has_image(p) for p in range(PAGES)) < 20
    assert thumbs.currentIndex().row() == 0
    viewer.go_to_page(30)
    assert thumbs.currentIndex().row() == 30 and 30 in thumbs.visible_rows()
    qtbot.waitUntil(lambda: model.has_image(30), timeout=TIMEOUT)
    index = model.index(32)
    qtbot.mouseClick(thumbs.viewport(), Qt.MouseButton.LeftButton, pos=thumbs.visualRect(index).center())
    assert viewer.current_page == 32
    viewer.toolbar.thumbnails.trigger()
    assert not thumbs.isVisible() and not viewer.thumbnails_visible
    viewer.toolbar.thumbnails.trigger()
    assert thumbs.isVisible()


# ------------------------------------------------------------------------------ search


def test_search_counts_the_hits_and_highlights_them(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    viewer.find("needle")
    qtbot.waitUntil(lambda: viewer.search.state.finished, timeout=TIMEOUT)
    state = viewer.search.state
    assert [page for page, _rect in state.hits] == [5, 120, 120, 250]
    assert viewer.current_page == 5 and viewer.toolbar.hits_label.text() == "1 / 4"
    wait_shown(qtbot, viewer, 5)
    assert len(viewer.page_view.hits) == 1 and viewer.page_view.current_hit == 0
    corner = viewer.page_view.view_rect(viewer.page_view.hits[0]).topLeft().toPoint() + QPoint(2, 2)
    color = viewer.page_view.grab().toImage().pixelColor(corner)
    assert color.red() > 200 and color.blue() < 150  # orange over white paper
    key(qtbot, viewer, Qt.Key.Key_F3)
    assert viewer.current_page == 120 and viewer.toolbar.hits_label.text() == "2 / 4"
    assert viewer.page_view.hits and viewer.page_view.current_hit == 0
    key(qtbot, viewer, Qt.Key.Key_F3)
    assert viewer.page_view.current_hit == 1 and viewer.toolbar.hits_label.text() == "3 / 4"
    key(qtbot, viewer, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, viewer, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.current_page == 5
    viewer.toolbar.search.clear()
    assert viewer.page_view.hits == [] and viewer.toolbar.hits_label.text() == ""


def test_ctrl_f_and_enter_search_from_the_current_page(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf, page=200)
    key(qtbot, viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.toolbar.search.hasFocus()
    qtbot.keyClicks(viewer.toolbar.search, "needle")
    qtbot.keyClick(viewer.toolbar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: viewer.search.state.finished, timeout=TIMEOUT)
    assert viewer.current_page == 250 and viewer.toolbar.hits_label.text() == "4 / 4"
    qtbot.keyClick(viewer.toolbar.search, Qt.Key.Key_Return)  # the same text: the next hit
    assert viewer.current_page == 5 and viewer.toolbar.hits_label.text() == "1 / 4"


def test_no_matches_and_no_text_layer(qtbot, viewer, pdf, scan):
    open_pdf(qtbot, viewer, pdf)
    viewer.find("haystack")
    qtbot.waitUntil(lambda: viewer.search.state.finished, timeout=TIMEOUT)
    assert viewer.toolbar.hits_label.text() == "No matches"
    open_pdf(qtbot, viewer, scan)
    viewer.find("anything")
    qtbot.waitUntil(lambda: viewer.search.state.finished, timeout=TIMEOUT)
    assert viewer.toolbar.hits_label.text() == "No text layer"


def test_a_long_search_shows_progress_and_can_be_cancelled(qtbot, viewer, pdf, monkeypatch):
    original = pymupdf.Page.search_for

    def slow(self, *args, **kwargs):
        threading.Event().wait(0.005)  # a page that takes 5 ms to search (on the search thread)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "search_for", slow)
    open_pdf(qtbot, viewer, pdf)
    viewer.find("needle")
    cancel = viewer.toolbar.cancel_action
    qtbot.waitUntil(cancel.isVisible, timeout=TIMEOUT)
    assert "searching page" in viewer.toolbar.hits_label.text()
    assert viewer.page_view.exact  # the page stays usable meanwhile
    viewer.toolbar.cancel_search.click()
    state = viewer.search.state
    assert state.finished and state.cancelled and not cancel.isVisible()
    done = state.pages_done
    qtbot.wait(100)  # the events of 100 ms: nothing more is rendered or searched
    assert viewer.search.state.pages_done == done < PAGES


# ------------------------------------------------------------------------------ failures and threads


def test_missing_and_broken_files_say_so(qtbot, viewer, pdf, tmp_path):
    with qtbot.waitSignal(viewer.failed, timeout=TIMEOUT) as failed:
        viewer.open(tmp_path / "nowhere.pdf")
    assert "nowhere.pdf" in failed.args[0] and "does not exist" in failed.args[0]
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is not a PDF at all\n" * 20)
    with qtbot.waitSignal(viewer.failed, timeout=TIMEOUT) as failed:
        viewer.open(junk)
    assert failed.args[0] == "junk.pdf is not a PDF file, or it is damaged."
    assert viewer.stack.currentWidget() is viewer.message and viewer.message.text() == failed.args[0]
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pdf.read_bytes()[:4000])
    with qtbot.waitSignal(viewer.failed, timeout=TIMEOUT) as failed:
        viewer.open(cut)
    assert "cut.pdf" in failed.args[0]
    assert viewer.page_count == 0 and render_threads() == []
    open_pdf(qtbot, viewer, pdf)  # still usable


def test_rapid_paging_renders_only_where_it_stops(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    for _ in range(80):
        viewer.next_page()
    assert viewer.current_page == 80
    wait_shown(
        qtbot, viewer, 80
    )  # (which pages get skipped depends on timing: the queue test below says how)
    for _ in range(30):
        key(qtbot, viewer, Qt.Key.Key_PageUp)
    wait_shown(qtbot, viewer, 50)


def test_the_queue_serves_the_latest_request_first():
    worker = RenderWorker("unused.pdf")  # not started: only its queue is used
    for page in range(10):
        worker.submit("view", [Job(page, 1.0)])
    assert worker.pending("view") == [Job(9, 1.0)]
    worker.submit("thumbs", [Job(3, 0.2), Job(2, 0.2), Job(1, 0.2)])
    worker.submit("prefetch", [Job(8, 1.0), Job(10, 1.0)])
    order = [worker._next() for _ in range(6)]
    assert [(group, job.page) for group, job in order] == [
        ("view", 9),
        ("prefetch", 10),
        ("prefetch", 8),
        ("thumbs", 1),
        ("thumbs", 2),
        ("thumbs", 3),
    ]


def test_the_cache_is_bounded_in_bytes():
    cache = PageCache(max_bytes=3 * 400 * 400 * 4)
    for page in range(5):
        image = QImage(400, 400, QImage.Format.Format_RGB32)
        cache.put(page, 1.0, image)
    assert len(cache) == 3 and cache.bytes <= cache.max_bytes
    assert cache.get(0, 1.0) is None and cache.get(4, 1.0) is not None


def test_closing_while_rendering_and_searching_is_safe(qtbot, viewer, pdf):
    viewer.open(pdf)
    viewer.close_document()  # before the document is even open
    assert render_threads() == []
    open_pdf(qtbot, viewer, pdf)
    viewer.find("needle")
    for _ in range(20):
        viewer.next_page()
    viewer.set_zoom(3.0)
    viewer.close_document()
    assert render_threads() == [] and viewer.page_count == 0
    assert viewer.stack.currentWidget() is viewer.message


def test_a_viewer_destroyed_without_closing_stops_its_thread(qtbot, pdf):
    view = DossierViewer()
    view.open(pdf)
    qtbot.waitUntil(lambda: view.page_count > 0, timeout=TIMEOUT)
    assert len(render_threads()) == 1
    shiboken6.delete(view)
    assert render_threads() == []


def test_a_damaged_page_says_so_and_the_worker_goes_on(qtbot, viewer, pdf, monkeypatch):
    original = pymupdf.Page.get_pixmap

    def broken(self, *args, **kwargs):
        if self.number == 2:
            raise RuntimeError("damaged content stream")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "get_pixmap", broken)
    monkeypatch.setattr(pdf_render.log, "warning", lambda *args: None)
    open_pdf(qtbot, viewer, pdf)
    viewer.go_to_page(2)
    qtbot.waitUntil(lambda: "cannot be shown" in viewer.page_view.message, timeout=TIMEOUT)
    viewer.go_to_page(4)
    wait_shown(qtbot, viewer, 4)


# ------------------------------------------------------------------------------ position and settings


def test_the_position_can_be_remembered_and_restored(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf, page=12)
    viewer.set_zoom(1.5)
    viewer.scroll.set_scroll_fraction(0.5)
    position = viewer.current_position()
    assert position == ViewerPosition(12, position.scroll, "custom", 1.5) and 0.4 < position.scroll < 0.6
    viewer.close_document()
    viewer.set_zoom(1.0)
    viewer.fit_width()
    viewer.open(pdf)
    viewer.restore_position(position)  # before the document is open: applied once it is
    wait_shown(qtbot, viewer, 12)
    assert viewer.current_page == 12 and viewer.zoom == 1.5
    assert abs(viewer.scroll.scroll_fraction() - position.scroll) < 0.02


def test_thumbnails_and_zoom_are_remembered_in_settings(qtbot, viewer, pdf):
    open_pdf(qtbot, viewer, pdf)
    viewer.set_thumbnails_visible(False)
    viewer.fit_page()
    viewer.save_settings("scoring")
    other = DossierViewer()
    qtbot.addWidget(other)
    assert not other.restore_settings("elsewhere")
    assert other.restore_settings("scoring")
    assert not other.thumbnails_visible and other.zoom_mode == "page"
    other.close()
