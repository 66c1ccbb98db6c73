"""Page header and toolbar, the row count, remembered geometry, and the PySide6 work-arounds."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QSplitter, QTextEdit, QWidget

from desktop.views.common import pyside_fixes
from desktop.views.common.widgets import (
    CountLabel,
    PageHeader,
    restore_geometry,
    restore_splitter,
    save_geometry,
    save_splitter,
)


def test_search_waits_for_a_pause_in_typing(qtbot):
    header = PageHeader("Officers")
    qtbot.addWidget(header)
    emitted = []
    header.search_changed.connect(emitted.append)
    with qtbot.waitSignal(header.search_changed, timeout=2000) as blocker:
        qtbot.keyClicks(header.search, "zhang")
        assert emitted == []  # not once per key
    assert blocker.args == ["zhang"]
    assert emitted == ["zhang"]


def test_enter_searches_at_once_and_clearing_searches_everything(qtbot):
    header = PageHeader("Officers")
    qtbot.addWidget(header)
    emitted = []
    header.search_changed.connect(emitted.append)
    header.search.setText("  李四 ")
    qtbot.keyClick(header.search, Qt.Key.Key_Return)
    assert emitted == ["李四"]
    header.search.clear()
    assert emitted == ["李四", ""]
    header.set_search_text("王五")
    header.flush_search()  # the same text again: no new search
    assert emitted == ["李四", "", "王五"]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen platform only
def test_ctrl_f_focuses_the_search_field(qtbot):
    header = PageHeader("Officers")
    qtbot.addWidget(header)
    with qtbot.waitActive(header):
        header.show()
        header.activateWindow()
    header.search.setText("abc")
    assert header.search_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    qtbot.keyClick(header, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert header.search.hasFocus() and header.search.selectedText() == "abc"


def test_actions_stand_in_the_fixed_order_with_their_shortcuts(qtbot):
    header = PageHeader("Cases")
    qtbot.addWidget(header)
    calls = []
    refresh = header.add_refresh_action(lambda: calls.append("refresh"))
    export = header.add_export_action(lambda: calls.append("export"))
    header.add_action("Assign", lambda: calls.append("assign"))
    new = header.add_new_action(lambda: calls.append("new"))
    header.add_import_action(lambda: calls.append("import"))
    assert [a.text() for a in header.actions_in_order()] == ["New", "Import", "Assign", "Export", "Refresh"]
    assert new.shortcut() == QKeySequence("Ctrl+N")
    assert export.shortcut() == QKeySequence("Ctrl+E")
    assert refresh.shortcut() == QKeySequence("F5")
    assert refresh.toolTip() == "Refresh (F5)"
    for action in header.actions_in_order():
        action.trigger()
    assert calls == ["new", "import", "assign", "export", "refresh"]


def test_filters_follow_the_search_field_and_the_actions_sit_beside_the_title(qtbot):
    header = PageHeader("Cases")
    qtbot.addWidget(header)
    new = header.add_new_action(lambda: None)
    combo = header.add_filter(QComboBox(), "Stage")
    widgets = [header.toolbar.widgetForAction(a) for a in header.toolbar.actions()]
    assert widgets.index(header.search) < widgets.index(combo)
    assert header.actions_bar.actions() == [new]  # a row of its own: filters never push it off
    header.resize(800, 80)
    header.show()
    qtbot.waitExposed(header)
    assert header.actions_bar.geometry().top() < header.toolbar.geometry().top()


def test_a_page_without_search(qtbot):
    header = PageHeader("Home", searchable=False)
    qtbot.addWidget(header)
    assert header.search is None and header.search_text() == ""
    header.focus_search()


def test_count_label_uses_thousands_separators(qtbot):
    label = CountLabel()
    qtbot.addWidget(label)
    assert label.text() == "Total 0"
    label.set_count(12345)
    assert label.text() == "Total 12,345" and label.count == 12345


def test_window_geometry_is_remembered(qtbot):
    first = QWidget()
    qtbot.addWidget(first)
    first.setGeometry(40, 50, 640, 480)
    save_geometry(first, "case-dialog")
    second = QWidget()
    qtbot.addWidget(second)
    assert restore_geometry(second, "case-dialog")
    assert second.size() == first.size()
    assert not restore_geometry(QWidget(), "never-saved")


def test_splitter_state_is_remembered(qtbot):
    def make() -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(QTextEdit())
        splitter.addWidget(QTextEdit())
        splitter.resize(800, 400)
        qtbot.addWidget(splitter)
        return splitter

    first = make()
    first.setSizes([600, 200])
    save_splitter(first, "cases")
    second = make()
    assert restore_splitter(second, "cases")
    assert second.sizes() == first.sizes()
    assert not restore_splitter(make(), "unknown")


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_signals_does_not_wear_out_true():
    """PySide6 6.12.0 returns a borrowed ``True`` from emit/disconnect; the fix pays it back."""
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(5_000):
        emitter.fired.emit(i)
    emitter.fired.disconnect(received.append)
    assert len(received) == 5_000
    assert sys.getrefcount(True) >= before - 50
    assert pyside_fixes.apply() == pyside_fixes.applied()
