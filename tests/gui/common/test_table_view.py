"""The desk table: only what shows is fetched, header clicks sort in the service, columns are
remembered, rows copy as TSV, row actions and the empty state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from desktop.views.common.lazy_table import LazyTableModel
from desktop.views.common.table_view import DeskTableView


@pytest.fixture
def make_view(qtbot, columns):
    """A shown table over a fake service, 800×320 pixels."""

    def make(fetch, state_key: str = "officers") -> DeskTableView:
        model = LazyTableModel(columns, fetch)
        view = DeskTableView(state_key)
        qtbot.addWidget(view)
        view.setModel(model)
        model.setParent(view)
        model.reload()
        view.resize(800, 320)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def click_header(qtbot, view: DeskTableView, section: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_only_the_visible_pages_are_fetched(make_view, fake_fetch):
    view = make_view(fake_fetch)
    view.grab()
    assert fake_fetch.pages_fetched() == [0]
    view.scrollToBottom()
    view.grab()
    view.scrollTo(view.model().index(5_050, 0), DeskTableView.ScrollHint.PositionAtTop)
    view.grab()
    assert fake_fetch.pages_fetched() == [0, 99, 50]
    assert view.model().rowCount() == 10_000


def test_typing_in_the_table_does_not_walk_the_rows(make_view, fake_fetch, qtbot):
    view = make_view(fake_fetch)
    view.grab()
    qtbot.keyClicks(view, "abz9")
    assert fake_fetch.calls == 1


def test_clicking_a_sortable_header_sorts_in_the_service(make_view, fake_fetch, qtbot):
    view = make_view(fake_fetch)
    header = view.horizontalHeader()
    assert not header.isSortIndicatorShown()
    click_header(qtbot, view, 1)
    assert fake_fetch.queries[-1].sort == "name" and not fake_fetch.queries[-1].descending
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 1
    click_header(qtbot, view, 1)
    assert fake_fetch.queries[-1].sort == "name" and fake_fetch.queries[-1].descending
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert view.model().data(view.model().index(0, 1)) == "执法人员09999"


def test_clicking_an_unsortable_header_changes_nothing(make_view, fake_fetch, qtbot):
    view = make_view(fake_fetch)
    header = view.horizontalHeader()
    calls = fake_fetch.calls
    click_header(qtbot, view, 2)
    assert fake_fetch.calls == calls
    assert not header.isSortIndicatorShown()
    click_header(qtbot, view, 3)
    click_header(qtbot, view, 4)
    assert header.sortIndicatorSection() == 3
    assert fake_fetch.queries[-1].sort == "hired"


def test_column_widths_come_from_the_specs(make_view, fake_fetch, columns):
    view = make_view(fake_fetch)
    expected = [max(c.width, view.title_width(c.title)) for c in columns[:-1]]
    assert [view.columnWidth(i) for i in range(len(columns) - 1)] == expected
    assert all(view.columnWidth(i) >= view.title_width(c.title) for i, c in enumerate(columns[:-1]))
    assert not view.verticalHeader().isVisible()
    assert view.alternatingRowColors()


def test_header_state_is_remembered_per_state_key(make_view, make_fetch, qtbot):
    first = make_view(make_fetch(500))
    first.setColumnWidth(1, 230)
    first.set_column_visible(2, False)
    first.horizontalHeader().moveSection(4, 0)
    click_header(qtbot, first, 3)
    click_header(qtbot, first, 3)
    first.save_state()

    second_fetch = make_fetch(500)
    second = make_view(second_fetch)
    header = second.horizontalHeader()
    assert second.columnWidth(1) == 230
    assert header.isSectionHidden(2)
    assert header.logicalIndex(0) == 4
    assert header.sortIndicatorSection() == 3
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert second_fetch.queries[-1].sort == "hired" and second_fetch.queries[-1].descending

    other = make_view(make_fetch(500), state_key="cases")
    assert other.columnWidth(1) == 140 and not other.horizontalHeader().isSectionHidden(2)


def test_header_state_saved_for_other_columns_is_ignored(make_view, fake_fetch):
    QSettings().setValue("tables/officers/columns", "id,name")
    QSettings().setValue("tables/officers/header", b"garbage")
    view = make_view(fake_fetch)
    assert view.columnWidth(1) == 140


def test_header_changes_are_saved_without_being_asked(make_view, fake_fetch, qtbot):
    view = make_view(fake_fetch)
    view.setColumnWidth(1, 210)
    qtbot.waitUntil(lambda: QSettings().value("tables/officers/columns") is not None, timeout=2000)
    view.hide()
    assert QSettings().value("tables/officers/header") is not None


def test_the_column_menu_shows_and_hides_columns(make_view, fake_fetch):
    view = make_view(fake_fetch)
    menu = view.column_menu()
    actions = menu.actions()
    assert [a.text() for a in actions][:3] == ["ID", "Name", "Unit"]
    assert all(a.isChecked() for a in actions)
    actions[2].setChecked(False)
    assert view.horizontalHeader().isSectionHidden(2)
    for i in range(8):
        if i != 5:
            view.set_column_visible(i, False)
    menu = view.column_menu()
    last = menu.actions()[5]
    assert last.isChecked() and not last.isEnabled()  # the last visible column stays


def test_copy_puts_the_selected_rows_on_the_clipboard_as_tsv(make_view, fake_fetch, qtbot, rows):
    view = make_view(fake_fetch)
    view.set_column_visible(4, False)
    view.selectRow(2)
    view.selectionModel().select(
        view.model().index(3, 0),
        view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
    )
    view.copy_selection()
    lines = QGuiApplication.clipboard().text().split("\n")
    r = rows[2]
    assert lines[0] == "\t".join(
        [str(r.id), r.name, r.unit, r.hired.isoformat(), f"{r.salary:,.2f}", "✓", r.note or ""]
    )
    assert len(lines) == 2 and lines[1].startswith("3\t执法人员00003\t")


def test_ctrl_c_copies(make_view, fake_fetch, qtbot):
    view = make_view(fake_fetch)
    QGuiApplication.clipboard().clear()
    view.setFocus()
    view.selectRow(4)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().startswith("4\t执法人员00004\t")


def test_copy_with_a_huge_selection_is_capped(make_view, fake_fetch):
    view = make_view(fake_fetch)
    view.selectAll()
    assert len(view.selected_row_numbers(limit=250)) == 250


def test_the_current_row_is_announced_and_cleared_on_reload(make_view, fake_fetch, qtbot, rows):
    view = make_view(fake_fetch)
    with qtbot.waitSignal(view.current_row_changed) as blocker:
        view.selectRow(7)
    assert blocker.args == [rows[7]]
    assert view.current_row() == rows[7]
    with qtbot.waitSignal(view.current_row_changed) as blocker:
        view.model().reload()
    assert blocker.args == [None]


def test_double_click_and_enter_activate_the_row(make_view, fake_fetch, qtbot, rows):
    view = make_view(fake_fetch)
    center = view.visualRect(view.model().index(3, 1)).center()
    with qtbot.waitSignal(view.row_activated) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == [rows[3]]
    view.selectRow(6)
    with qtbot.waitSignal(view.row_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [rows[6]]


def test_row_actions_get_the_current_row_and_sit_above_copy(make_view, fake_fetch, rows):
    view = make_view(fake_fetch)
    opened = []
    action = view.add_row_action("Open", opened.append, "Ctrl+O")
    menu = view.row_menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["Open", "Copy"]
    assert not action.isEnabled()  # no row yet
    view.selectRow(9)
    view.row_menu()
    assert action.isEnabled()
    action.trigger()
    assert opened == [rows[9]]
    assert action.shortcut().toString() == "Ctrl+O"


def test_the_empty_state_shows_only_without_rows(make_view, make_fetch, fake_fetch):
    empty = make_view(make_fetch(0))
    empty.set_empty_text("No officers yet — import the roster or add one")
    assert empty.is_showing_empty_state()
    empty.grab()
    full = make_view(fake_fetch)
    full.set_empty_text("No officers yet")
    assert not full.is_showing_empty_state()
    full.model().set_search("nobody by this name")
    assert full.is_showing_empty_state()
