"""The main window: navigation by role, pages created on first visit, Alt+N, status bar, geometry,
menus and the about box."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

import desktop
from desktop.core.security import Role
from desktop.models.db import Store
from desktop.views.common.list_page import ListPage
from desktop.views.common.task import Task
from desktop.views.shell import main_window
from desktop.views.shell.main_window import MainWindow
from tests.helpers.window import FakePage, actor_with, fake_pages, make_ctx

EXPECTED = {
    Role.ADMIN: [
        "dashboard",
        "cases",
        "warnings",
        "review",
        "agencies",
        "officers",
        "qualifications",
        "exams",
        "footage",
        "powers",
        "users",
        "audit",
        "settings",
    ],
    Role.SUPERVISOR: [
        "dashboard",
        "cases",
        "warnings",
        "review",
        "agencies",
        "officers",
        "qualifications",
        "exams",
        "footage",
        "powers",
        "audit",
        "settings",
    ],
    Role.REVIEWER: [
        "dashboard",
        "cases",
        "warnings",
        "review",
        "agencies",
        "officers",
        "qualifications",
        "footage",
        "powers",
        "settings",
    ],
    Role.TRAINER: ["agencies", "officers", "qualifications", "exams", "settings"],
    Role.CLERK: [
        "dashboard",
        "cases",
        "warnings",
        "agencies",
        "officers",
        "qualifications",
        "footage",
        "powers",
        "settings",
    ],
    Role.AGENCY: [
        "dashboard",
        "cases",
        "warnings",
        "review",
        "agencies",
        "officers",
        "qualifications",
        "footage",
        "powers",
        "settings",
    ],
}


@pytest.fixture
def sqlite_store(tmp_path, clock):
    st = Store(f"sqlite:///{tmp_path / 'frame.sqlite3'}", clock=clock)
    yield st
    st.dispose()


@pytest.fixture
def make_window(qtbot, sqlite_store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    FakePage.created.clear()

    def make(role: Role = Role.ADMIN, **ctx_args) -> MainWindow:
        agency = 7 if role in (Role.CLERK, Role.AGENCY) else None
        ctx = make_ctx(sqlite_store, actor_with(role, agency), **ctx_args)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        return window

    return make


@pytest.mark.parametrize("role", list(Role))
def test_navigation_shows_only_the_areas_the_role_may_open(make_window, role):
    window = make_window(role)
    assert window.page_keys() == EXPECTED[role]
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [spec.title for spec in main_window.PAGES if spec.key in EXPECTED[role]]
    assert len(window.area_actions) == min(9, len(EXPECTED[role]))  # Alt+1 … Alt+9


def test_pages_are_created_on_first_visit_only(make_window):
    window = make_window()
    assert FakePage.created == ["dashboard"]  # the supervisor's first page
    assert window.current_key() == "dashboard"
    window.navigation.setCurrentRow(window.page_keys().index("audit"))
    assert window.current_key() == "audit" and FakePage.created == ["dashboard", "audit"]
    window.show_page("dashboard")
    window.show_page("audit")
    assert FakePage.created == ["dashboard", "audit"]
    assert window.stack.currentWidget() is window.pages["audit"]
    assert window.windowTitle() == "Audit"


def test_alt_number_switches_areas(make_window, qtbot):
    window = make_window(Role.SUPERVISOR)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    areas = EXPECTED[Role.SUPERVISOR]

    def alt(n: int) -> None:
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0.value + n), Qt.KeyboardModifier.AltModifier)

    alt(9)
    assert window.current_key() == areas[8]
    officers = areas.index("officers")
    alt(officers + 1)
    assert window.current_key() == "officers"
    assert window.navigation.currentRow() == officers


def test_the_last_area_is_shown_again_next_time(make_window):
    window = make_window()
    window.show_page("settings")
    window.close()
    assert make_window().current_key() == "settings"
    other = make_window(Role.REVIEWER)  # another person: their own last area (issue 10, item 11)
    assert other.current_key() == other.page_keys()[0]


def test_a_remembered_area_the_user_may_not_open_falls_back_to_the_first(make_window):
    make_window().show_page("users")
    assert make_window(Role.REVIEWER).current_key() == "dashboard"


def test_status_bar_names_the_store_and_the_user(make_window, sqlite_store):
    window = make_window()
    text = window.status_text()
    assert f"Local SQLite: {sqlite_store.describe()}" in text
    assert "User admin · Administrator" in text
    assert "As of" not in text
    assert not window.as_of_label.isVisibleTo(window)


def test_status_bar_names_a_postgresql_store(qtbot, monkeypatch, clock):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    store = Store("postgresql+psycopg://desk@db.county.example:5433/county", clock=clock)
    window = MainWindow(make_ctx(store, actor_with(Role.CLERK, 7)))
    qtbot.addWidget(window)
    assert "Central PostgreSQL: db.county.example:5433/county" in window.status_text()
    assert "User clerk · Evidence clerk · 示范县市场监管局" in window.status_text()
    store.dispose()


def test_status_bar_shows_the_as_of_date_only_when_it_is_not_today(make_window, clock):
    window = make_window()
    window.ctx.as_of = date(2026, 6, 30)
    window.update_as_of()
    assert "As of 2026-06-30" in window.status_text()
    window.ctx.as_of = clock.today()
    window.update_as_of()
    assert "As of" not in window.status_text()


def test_busy_indicator_follows_the_task_runner(make_window):
    window = make_window()
    tasks = window.ctx.tasks
    first, second = Task("Importing officers"), Task("Exporting agencies")
    tasks.task_started.emit(first)
    assert window.is_busy() and window.busy_label.text() == "Importing officers"
    assert not window.busy_bar.isVisibleTo(window)  # not before ~300 ms
    window.on_busy_timer_timeout()
    assert window.busy_bar.isVisibleTo(window) and window.busy_label.isVisibleTo(window)
    assert "Importing officers" in window.status_text()
    tasks.task_started.emit(second)
    tasks.task_finished.emit(first)
    assert window.busy_label.text() == "Exporting agencies"
    tasks.task_finished.emit(second)
    assert not window.is_busy() and not window.busy_bar.isVisibleTo(window)


def test_real_work_through_the_runner_leaves_the_indicator_idle(make_window):
    window = make_window()
    window.ctx.tasks.run(lambda progress, cancelled: 42, label="Counting")
    assert not window.is_busy()


def test_geometry_is_restored(make_window, qtbot):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.resize(640, 470)
    window.close()
    again = make_window()
    assert again.size() == QSize(640, 470)


def test_switch_user_and_quit(make_window, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.switch_user_requested, timeout=1000):
        window.switch_user_action.trigger()
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.show()
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.quit_action.trigger()
    assert not window.isVisible()


def test_about_box_names_the_program_version_store_and_versions(make_window, sqlite_store):
    window = make_window()
    window.about_action.trigger()
    about = window.about_dialog
    assert about is not None and about.isVisible() and about.isModal()
    text = about.text()
    labels = [label.text() for label in about.findChildren(QLabel)]
    assert f"Version {desktop.__version__}" in labels and desktop.APP_NAME_EN in labels
    assert sqlite_store.describe() in text and "Qt " in text and "Python " in text
    about.close()


class AskingPage(ListPage):
    """A page that can ask for a record of another area, and show one."""

    shown: list[int] = []

    def __init__(self, ctx, key: str, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, parent, title=key)

    def show_record(self, record_id: int) -> None:
        AskingPage.shown.append(record_id)


def test_a_page_asking_for_a_case_shows_it_on_the_register(qtbot, sqlite_store):
    pages = [
        replace(spec, factory=lambda ctx, parent, key=spec.key: AskingPage(ctx, key, parent))
        for spec in main_window.PAGES
        if spec.key in ("cases", "warnings")
    ]
    window = MainWindow(make_ctx(sqlite_store, actor_with(Role.SUPERVISOR, None)), pages=pages)
    qtbot.addWidget(window)
    window.show_page("warnings").record_requested.emit("cases", 42)
    assert window.current_key() == "cases" and AskingPage.shown == [42]


def test_a_page_asking_for_an_area_is_shown_it(make_window):
    window = make_window(Role.ADMIN)
    window.on_page_area_requested("agencies", "")
    assert window.current_key() == "agencies"
    window.on_page_area_requested("nowhere", "")
    assert window.current_key() == "agencies"


class ChartPage(AskingPage):
    """A page whose charts ask for a filtered list (as the dashboard does), and a list that filters."""

    filter_requested = Signal(str, object)
    filtered: list[dict] = []

    def set_filters(self, **filters) -> None:  # type: ignore[no-untyped-def]
        ChartPage.filtered.append(filters)


def test_a_chart_asking_for_a_filtered_list_shows_it(qtbot, sqlite_store):
    pages = [
        replace(spec, factory=lambda ctx, parent, key=spec.key: ChartPage(ctx, key, parent))
        for spec in main_window.PAGES
        if spec.key in ("dashboard", "warnings", "users")
    ]
    window = MainWindow(make_ctx(sqlite_store, actor_with(Role.SUPERVISOR, None)), pages=pages)
    qtbot.addWidget(window)
    assert window.current_key() == "dashboard"
    window.pages["dashboard"].filter_requested.emit("warnings", {"agency_id": 3, "code": "decision_overdue"})
    assert window.current_key() == "warnings"
    assert ChartPage.filtered == [{"agency_id": 3, "code": "decision_overdue"}]
    window.pages["dashboard"].filter_requested.emit("users", {})  # not the supervisor's: nothing happens
    assert window.current_key() == "warnings"
