"""Issue 10, item 2: windows open inside the available screen area (1366×768, and 1093×614: a
1366×768 screen at 125 % scaling), take a remembered geometry back only while it fits, and keep
their primary actions in sight: the scoring window's 提交评分 and status bar, the main window's
status bar, the dossier's mark modes (not behind "»")."""

from __future__ import annotations

import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QRect, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget  # noqa: E402

from desktop.core.clock import FixedClock  # noqa: E402
from desktop.core.security import Role  # noqa: E402
from desktop.models.db import sqlite_url  # noqa: E402
from desktop.review import sheets  # noqa: E402
from desktop.views.common import screen_fit  # noqa: E402
from desktop.views.common.screen_fit import place_window, save_geometry  # noqa: E402
from desktop.views.common.widgets import save_splitter  # noqa: E402
from desktop.views.review.workspace import open_scoring_window  # noqa: E402
from desktop.views.shell import main_window  # noqa: E402
from tests.helpers.pages import make_ctx  # noqa: E402
from tests.helpers.review_county import County  # noqa: E402
from tests.helpers.scoring import OPENED, TIMEOUT, build_county, copy_county  # noqa: E402
from tests.helpers.window import actor_with, fake_pages  # noqa: E402
from tests.helpers.window import make_ctx as make_page_ctx  # noqa: E402

SCREEN = QRect(0, 0, 1366, 768)
SCALED = QRect(0, 0, 1093, 614)  # 1366×768 at 125 %


@pytest.fixture
def screen(monkeypatch: pytest.MonkeyPatch):
    """Fake the available screen area: ``screen(rect)``."""

    def use(area: QRect) -> QRect:
        monkeypatch.setattr(screen_fit, "available_area", lambda _widget=None: QRect(area))
        return area

    return use


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """GUI tests run on SQLite only."""
    return sqlite_url(tmp_path / "store.sqlite3")


def inside(widget: QWidget, window: QWidget) -> bool:
    """Whether ``widget`` is shown and lies wholly inside ``window``'s area."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


# ---------------------------------------------------------------------------- the helper


def test_a_remembered_geometry_larger_than_the_screen_is_not_taken_back(qtbot, screen) -> None:
    area = screen(SCREEN)
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 1600, 1000)  # saved on a larger screen
    save_geometry(big, "some-window")
    window = QMainWindow()
    qtbot.addWidget(window)
    assert not place_window(window, "some-window", QSize(1500, 940))
    assert screen_fit.fits(window.geometry(), area)
    assert window.width() <= area.width() and window.height() <= area.height()


def test_a_remembered_geometry_that_fits_is_taken_back(qtbot, screen) -> None:
    screen(SCREEN)
    first = QMainWindow()
    qtbot.addWidget(first)
    first.setGeometry(100, 80, 600, 400)  # (Qt itself keeps it on the real, offscreen screen)
    save_geometry(first, "some-window")
    window = QMainWindow()
    qtbot.addWidget(window)
    assert place_window(window, "some-window", QSize(1500, 940))
    assert window.geometry() == QRect(100, 80, 600, 400)


def test_a_new_window_opens_at_its_size_made_to_fit_centred(qtbot, screen) -> None:
    area = screen(SCALED)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert not place_window(window, "never-saved", QSize(1500, 940))
    assert screen_fit.fits(window.geometry(), area)
    assert window.width() == area.width() - 16 and window.height() == area.height() - 40


# ---------------------------------------------------------------------------- the main window


@pytest.mark.parametrize("area", [SCREEN, SCALED], ids=["1366x768", "1093x614"])
def test_the_main_window_restored_too_large_opens_inside_the_screen(qtbot, screen, store, monkeypatch, area):
    screen(area)
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 1920, 1080)
    save_geometry(big, main_window.GEOMETRY_KEY)
    window = main_window.MainWindow(make_page_ctx(store, actor_with(Role.SUPERVISOR)))
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    assert area.contains(window.frameGeometry()), window.frameGeometry()
    assert inside(window.statusBar(), window)


# ---------------------------------------------------------------------------- the scoring window


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, County]:
    folder = tmp_path_factory.mktemp("county")
    return folder, build_county(folder)


@pytest.fixture
def county(template: tuple[Path, County], tmp_path: Path, clock: FixedClock) -> Iterator[County]:
    county = copy_county(*template, tmp_path / "county", clock)
    yield county
    county.store.dispose()


@pytest.fixture(autouse=True)
def close_windows() -> Iterator[None]:
    yield
    while OPENED:
        window = OPENED.pop()
        if shiboken6.isValid(window):
            window.close()
    QApplication.processEvents()
    assert [t.name for t in threading.enumerate() if t.name.startswith("pdf-render") and t.is_alive()] == []


def open_at(qtbot: Any, county: County, area: QRect) -> Any:
    reviewer = county.reviewers["r_bureau"]
    ctx = make_ctx(county.store, reviewer, county.store.clock)
    window = open_scoring_window(ctx, sheets.my_tasks(county.store, reviewer)[0].scoring_id)
    OPENED.append(window)
    window.show()
    viewer = window.viewer
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.page_count > 0, timeout=TIMEOUT)
    QApplication.processEvents()  # the first layout (the splits) runs once the window has its size
    return window


@pytest.mark.parametrize("area", [SCREEN, SCALED], ids=["1366x768", "1093x614"])
def test_the_scoring_window_keeps_submit_and_the_status_bar_in_sight(qtbot, screen, county, area) -> None:
    screen(area)
    window = open_at(qtbot, county, area)
    assert area.contains(window.frameGeometry()), window.frameGeometry()
    assert inside(window.submit_button, window)
    assert inside(window.statusBar(), window)
    assert inside(window.vetoes, window)  # the 否决项 row


def test_the_scoring_window_restored_too_large_opens_inside_the_screen(qtbot, screen, county) -> None:
    area = screen(SCALED)
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 1500, 940)
    save_geometry(big, "scoring-window")
    window = open_at(qtbot, county, area)
    assert area.contains(window.frameGeometry()), window.frameGeometry()
    assert inside(window.submit_button, window)


@pytest.mark.parametrize("area", [SCREEN, SCALED], ids=["1366x768", "1093x614"])
def test_the_mark_modes_are_on_the_dossier_toolbar_not_behind_the_overflow(
    qtbot, screen, county, area
) -> None:
    screen(area)
    window = open_at(qtbot, county, area)
    toolbar = window.viewer.toolbar
    for action in toolbar.primary_actions():
        button = toolbar.widgetForAction(action)
        assert button is not None and inside(button, toolbar), action.toolTip()
    assert inside(toolbar.search, window.viewer) and inside(toolbar.page_box, toolbar)
    assert not toolbar.has_overflow()
    assert toolbar.parentWidget().two_rows == (area == SCALED)  # the search below, at 125 %
    window.splitter.setSizes([200, sum(window.splitter.sizes()) - 200])  # the dossier pane dragged narrow
    QApplication.processEvents()
    assert window.splitter.sizes()[0] >= toolbar.sizeHint().width() and not toolbar.has_overflow()
    assert all(inside(toolbar.widgetForAction(a), toolbar) for a in toolbar.primary_actions())


def test_a_narrow_dossier_pane_remembered_from_another_screen_still_shows_the_mark_modes(
    qtbot, screen, county
) -> None:
    area = screen(SCALED)
    narrow = QSplitter()
    qtbot.addWidget(narrow)
    narrow.addWidget(QWidget())
    narrow.addWidget(QWidget())
    narrow.resize(1350, 500)  # split on a 1366 screen: the side keeps its width on a narrower one
    narrow.setSizes([720, 630])
    save_splitter(narrow, "scoring-window/main")
    window = open_at(qtbot, county, area)
    toolbar = window.viewer.toolbar
    assert window.splitter.sizes()[0] >= toolbar.sizeHint().width() and not toolbar.has_overflow()
    assert all(inside(toolbar.widgetForAction(a), toolbar) for a in toolbar.primary_actions())
