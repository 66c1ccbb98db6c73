"""The window at 1366×768 — the common screen of a county office — in Chinese and in English:
on every page and every tab, no button, tab or table header shows its text cut short, and no
page toolbar hides actions behind "»"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.settings import Settings
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.table_view import DeskTableView
from desktop.views.common.tasks import SyncTaskRunner
from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.startup import installed_language
from tests.helpers.layout import layout_problems


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def select_first_rows(page: QWidget) -> None:
    """Select the first row of each table in view, so that the details beside it show too."""
    for table in page.findChildren(DeskTableView):
        if (
            table.isVisible()
            and table.model() is not None
            and table.model().rowCount()
            and not table.selectionModel().hasSelection()
        ):
            table.select_row(0)
            settle()


def every_page_and_tab(window: MainWindow) -> list[str]:
    """Visit every page and each of its tabs; what is cut short or overflowing, and where."""
    problems = []
    for key in window.page_keys():
        page = window.show_page(key)
        page.refresh()
        tab_widgets = page.findChildren(QTabWidget)
        places = [(None, -1)] + [(tabs, n) for tabs in tab_widgets for n in range(tabs.count())]
        for tabs, n in places:
            if tabs is not None:
                tabs.setCurrentIndex(n)
            settle()
            select_first_rows(page)
            where = key + (f" / {tabs.tabText(n)}" if tabs is not None else "")
            problems += [f"{where}: {problem}" for problem in layout_problems(window)]
    return sorted(set(problems))


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.xdist_group("demo")  # one process builds the demo store once
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_nothing_is_cut_short_at_1366_by_768(qtbot, tmp_path, monkeypatch, demo_store, language) -> None:
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path))
    store, template = demo_store
    dialogs = FakeDialogs()
    with installed_language(QApplication.instance(), language):
        ctx = AppContext(
            Settings(sqlite_path=str(store.sqlite_path())),
            store,
            store.clock,
            actor=template.admin,
            tasks=SyncTaskRunner(dialogs),
            dialogs=dialogs,
        )
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        problems = every_page_and_tab(window)
        window.close()
    assert len(window.page_keys()) >= 8
    assert not problems, "\n".join(problems)


def test_the_checks_see_cut_text_and_an_overflowing_toolbar(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    column = QVBoxLayout(root)
    button = QPushButton("Export the decided penalty cases", root)
    button.setFixedWidth(60)
    label = QLabel("Fingerprint (SHA-256)", root)
    label.setFixedWidth(50)
    table = QTableView(root)
    model = QStandardItemModel(1, 1, root)
    model.setHorizontalHeaderLabels(["Enforcement category"])
    table.setModel(model)
    table.setColumnWidth(0, 40)
    bar = QToolBar(root)
    for n in range(12):
        bar.addAction(f"Action number {n}")
    for widget in (button, label, table, bar):
        column.addWidget(widget)
    root.resize(400, 300)
    root.show()
    qtbot.waitExposed(root)
    settle()
    found = "\n".join(layout_problems(root))
    assert "button 'Export the decided penalty cases'" in found
    assert "header 'Enforcement category'" in found
    assert "label 'Fingerprint (SHA-256)'" in found
    assert "toolbar overflows" in found
