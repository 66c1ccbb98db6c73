"""The program's start shows the main window's frame at once and builds the first page after the
frame's first paint (issue 9): the dashboard's heavy modules (pyqtgraph, the reports) are not
loaded when the window appears, and the page then appears by itself."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from desktop.core.security import Role
from desktop.models.db import Store
from desktop.views.shell import main_window
from desktop.views.shell.main_window import MainWindow, PagePlaceholder
from tests.helpers.window import FakePage, actor_with, fake_pages, make_ctx

ROOT = Path(__file__).resolve().parents[3]
while not (ROOT / "main.py").exists() and ROOT != ROOT.parent:  # wherever this file is moved to
    ROOT = ROOT.parent


@pytest.fixture
def sqlite_store(tmp_path, clock):
    st = Store(f"sqlite:///{tmp_path / 'frame.sqlite3'}", clock=clock)
    yield st
    st.dispose()


def test_the_frame_is_shown_first_and_the_first_page_after_its_paint(qtbot, sqlite_store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    daily: list[object] = []
    monkeypatch.setattr(main_window, "start_daily_work", lambda ctx, say: daily.append(ctx))
    FakePage.created.clear()
    window = MainWindow(make_ctx(sqlite_store, actor_with(Role.SUPERVISOR)), first_page_after_paint=True)
    qtbot.addWidget(window)
    assert FakePage.created == [] and isinstance(window.stack.currentWidget(), PagePlaceholder)
    assert daily == []  # the day's background work waits for the frame too
    assert window.current_key() == "dashboard" and window.windowTitle() == "Dashboard"
    assert window.stack.currentWidget().text() == "Loading…"
    window.show()
    qtbot.waitUntil(lambda: "dashboard" in window.pages)
    assert FakePage.created == ["dashboard"]
    assert window.stack.currentWidget() is window.pages["dashboard"] and window.placeholder is None
    assert daily == [window.ctx]  # then it starts, once
    qtbot.waitUntil(lambda: not window.stack.findChildren(PagePlaceholder))  # gone once built


def test_an_area_chosen_before_the_paint_is_kept(qtbot, sqlite_store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    FakePage.created.clear()
    window = MainWindow(make_ctx(sqlite_store, actor_with(Role.SUPERVISOR)), first_page_after_paint=True)
    qtbot.addWidget(window)
    window.show_page("warnings")  # e.g. Alt+3 before the frame was painted
    window.show()
    qtbot.waitUntil(lambda: window.placeholder is None)
    assert FakePage.created == ["warnings"] and window.current_key() == "warnings"
    assert window.stack.currentWidget() is window.pages["warnings"]


def frame_ctx(store: Store):
    """A context whose store has not opened yet (the smoke test's frame before its store)."""
    ctx = make_ctx(store, actor_with(Role.SUPERVISOR))
    ctx.opened_store = None
    return ctx


def test_a_frame_before_its_store_waits_for_it_with_its_first_page(qtbot, sqlite_store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    daily: list[object] = []
    monkeypatch.setattr(main_window, "start_daily_work", lambda ctx, say: daily.append(ctx))
    FakePage.created.clear()
    ctx = frame_ctx(sqlite_store)
    window = MainWindow(ctx, first_page_after_paint=True, store_label="Local SQLite: county.sqlite3")
    qtbot.addWidget(window)
    assert window.status_text().startswith("Local SQLite: county.sqlite3 | ")
    window.show()
    qtbot.waitUntil(lambda: window._frame_painted)
    window.show_page("warnings")  # Alt+3 while the store opens: the area is taken, its page waits
    qtbot.wait(20)
    assert (
        FakePage.created == [] and daily == [] and isinstance(window.stack.currentWidget(), PagePlaceholder)
    )
    assert window.current_key() == "warnings" and window.windowTitle() == "Warnings"
    ctx.opened_store = sqlite_store
    window.store_opened()
    assert FakePage.created == ["warnings"] and window.stack.currentWidget() is window.pages["warnings"]
    assert window.status_text().startswith(f"Local SQLite: {sqlite_store.sqlite_path()} | ")
    assert daily == [ctx]


def test_a_store_open_before_the_frames_paint_gives_the_page_after_it(qtbot, sqlite_store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    FakePage.created.clear()
    ctx = frame_ctx(sqlite_store)
    window = MainWindow(ctx, first_page_after_paint=True)
    qtbot.addWidget(window)
    ctx.opened_store = sqlite_store
    window.store_opened()
    assert FakePage.created == []  # not painted yet
    window.show()
    qtbot.waitUntil(lambda: "dashboard" in window.pages)
    assert FakePage.created == ["dashboard"]


def test_a_window_without_its_store_cannot_build_its_page_at_once(qtbot, sqlite_store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    with pytest.raises(ValueError):
        MainWindow(frame_ctx(sqlite_store))


# The program's own start (``main.py --smoke-test`` on a fresh store, as its transient
# administrator): report what is loaded when the main window and then its first page are shown.
DRIVER = r"""
import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import desktop

HEAVY = tuple(os.environ["WATCH"].split(","))


def loaded():
    return ",".join(name for name in HEAVY if name in sys.modules) or "nothing"


class Watch(QObject):
    seen = set()

    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Show or not isinstance(watched, QWidget):
            return False
        if watched.metaObject().className() == "MainWindow" and "window" not in self.seen:
            self.seen.add("window")
            current = watched.stack.currentWidget()
            print(f"window shown: {loaded()} loaded; showing {current.objectName()}", flush=True)
        elif watched.objectName() == "page_dashboard" and "page" not in self.seen:
            self.seen.add("page")
            print(f"page shown: {loaded()} loaded", flush=True)
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


app = QApplication([desktop.APP_ID])
app.installEventFilter(Watch(app))
from desktop.app import main

print(f"exit {main(['--smoke-test'])}", flush=True)
"""


PAGE_MODULES = "pyqtgraph,numpy,desktop.views.dashboard.page,desktop.reports.dashboard"


def program_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DESK_")},
        "DESK_DATA_DIR": str(data),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def run_driver(tmp_path: Path, env: dict[str, str]) -> list[str]:
    driver = tmp_path / "first_paint_driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(driver)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and len(lines) == 2, f"stdout:\n{done.stdout}\nstderr:\n{done.stderr[-4000:]}"
    return lines


def test_the_program_shows_its_window_before_loading_the_first_page(tmp_path):
    lines = run_driver(tmp_path, program_env(tmp_path, WATCH=PAGE_MODULES))
    assert lines[0] == "window shown: nothing loaded; showing pagePlaceholder", lines
    assert lines[1].startswith("page shown: pyqtgraph,numpy,desktop.views.dashboard.page"), lines


def test_with_the_user_given_the_frame_comes_before_the_store_and_the_login_is_recorded(tmp_path):
    """``--smoke-test`` with ``DESK_USER``/``DESK_PASSWORD`` on a SQLite store with accounts: the
    login is checked from the file and the frame shown before SQLAlchemy loads; the store opens
    and the login is recorded (audited once) before the first page."""
    env = program_env(tmp_path, WATCH=f"sqlalchemy,desktop.models.db,{PAGE_MODULES}")
    made = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "init", "--admin", "zhao"],
        cwd=ROOT,
        env={**env, "DESK_NEW_PASSWORD": "County-2026"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    lines = run_driver(tmp_path, {**env, "DESK_USER": "ZHAO", "DESK_PASSWORD": "County-2026"})
    assert lines[0] == "window shown: nothing loaded; showing pagePlaceholder", lines
    assert lines[1].startswith("page shown: sqlalchemy,desktop.models.db,pyqtgraph,numpy"), lines
    with closing(sqlite3.connect(tmp_path / "data" / "desk.sqlite3")) as db:
        logins = db.execute("select actor from audit_records where action = 'login'").fetchall()
    assert logins == [("zhao",)]
