"""帮助: the user guide inside the program in the interface's language, and the shortcuts the
window's actions define (the pages' toolbars included once they are open)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextBrowser

from desktop.core.paths import resources_dir
from desktop.core.security import Role
from desktop.models.db import Store
from desktop.views.personnel.agencies.page import AgenciesPage
from desktop.views.shell import main_window
from desktop.views.shell.help import GuideDialog, ShortcutsDialog, guide_path, shortcut_rows
from desktop.views.shell.main_window import MainWindow
from tests.helpers.window import actor_with, fake_pages, make_ctx


@pytest.fixture
def window(qtbot, tmp_path, clock, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    store = Store(f"sqlite:///{tmp_path / 'help.sqlite3'}", clock=clock)
    window = MainWindow(make_ctx(store, actor_with(Role.ADMIN)))
    qtbot.addWidget(window)
    yield window
    window.close()
    store.dispose()


def test_the_guides_are_shipped_in_both_languages() -> None:
    assert guide_path("zh_CN") == resources_dir() / "help" / "guide_zh_CN.html"
    assert guide_path("en") == resources_dir() / "help" / "guide_en.html"
    assert guide_path("xx").name == "guide_zh_CN.html"
    for language, words in (
        ("zh_CN", ["第一次使用", "示范", "导入与模板", "预警的含义", "备份"]),
        ("en", ["First start", "demo", "Imports and templates", "What warnings mean", "Backups"]),
    ):
        text = guide_path(language).read_text(encoding="utf-8")
        assert all(word in text for word in words), language


def test_the_guide_opens_inside_the_program_with_f1(window, qtbot) -> None:
    assert window.guide_action.shortcut().toString() == "F1"
    window.guide_action.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, GuideDialog) and dialog.isVisible()
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "First start" in text and "Backups" in text  # tests run in English
    dialog.close()


def test_the_shortcuts_come_from_the_window_actions(window) -> None:
    rows = dict(shortcut_rows(window))
    assert rows["Ctrl+Q"] == "Quit"
    assert rows["F1"] == "User guide"
    assert rows["Alt+1"] == "Go to Dashboard"
    assert sum(keys.startswith("Alt+") for keys in rows) == min(9, len(window.page_keys()))  # Alt+1 … Alt+9
    window.shortcuts_action.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, ShortcutsDialog)
    shown = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Ctrl+Q" in shown and "F1" in shown


def test_an_open_page_adds_its_toolbar_shortcuts(qtbot, store, admin) -> None:
    page = AgenciesPage(make_ctx(store, admin))
    qtbot.addWidget(page)
    rows = dict(shortcut_rows(page))
    assert rows["Ctrl+N"] == "New" and rows["Ctrl+E"] == "Export" and rows["F5"] == "Refresh"
