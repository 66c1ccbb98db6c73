"""The scoring workspace: a reviewer scores a dossier with the keyboard and the mouse (marks,
occurrences, a range, a fixed deduction, a veto), closes and reopens the window with nothing lost,
submits with Ctrl+Enter; a paper file, a missing PDF, a supervisor reading and reopening, a
refused change, keys pressed faster than the store answers, and no render thread left behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from desktop.core.clock import FixedClock
from desktop.core.security import Actor
from desktop.review import sheets
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.tasks import TaskRunner
from desktop.views.review.rubric_panel import RubricModel
from desktop.views.review.workspace import close_scoring_windows, open_scoring_window
from desktop.views.review.workspace_panels import PaperPanel
from tests.helpers.pages import make_ctx, type_text
from tests.helpers.review_county import County, make_county
from tests.helpers.scoring import (
    FIXED,
    OPENED,
    PER,
    RANGE,
    TIMEOUT,
    VETO,
    LaterRunner,
    build_county,
    click_check,
    copy_county,
    draw,
    entry,
    focus_item,
    is_checked,
    key,
    model,
    open_window,
    stored,
    wait_page,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, County]:
    """The county built once (the accounts' password hashing is slow on purpose), copied for each test."""
    folder = tmp_path_factory.mktemp("county")
    return folder, build_county(folder)


@pytest.fixture
def county(template: tuple[Path, County], tmp_path: Path, clock: FixedClock) -> Iterator[County]:
    """A fresh copy of the template county (its dossiers too)."""
    county = copy_county(*template, tmp_path / "county", clock)
    yield county
    county.store.dispose()


@pytest.fixture
def reviewer(county: County) -> Actor:
    """The reviewer whose sheets the tests score."""
    return county.reviewers["r_bureau"]


@pytest.fixture
def scoring_id(county: County, reviewer: Actor) -> int:
    """Their first sheet (a file with a dossier)."""
    return sheets.my_tasks(county.store, reviewer)[0].scoring_id


@pytest.fixture(autouse=True)
def close_windows(qtbot: Any) -> Iterator[None]:
    """Close the windows a test left open (a closed one deletes itself, so qtbot cannot track them);
    no viewer thread may outlive them."""
    yield
    while OPENED:
        window = OPENED.pop()
        if shiboken6.isValid(window):
            window.close()
    QApplication.processEvents()
    assert [t.name for t in threading.enumerate() if t.name.startswith("pdf-render") and t.is_alive()] == []


# ---------------------------------------------------------------------------- a whole scoring


def test_a_reviewer_scores_a_whole_dossier_and_submits(qtbot, county, reviewer, scoring_id) -> None:
    dialogs = FakeDialogs(answers=[True, True])  # the veto, then the submit
    ctx = make_ctx(county.store, reviewer, county.store.clock, dialogs)
    window = open_window(qtbot, ctx, scoring_id)
    case_no, agency = window.sheet.file.case_no, window.sheet.file.agency
    assert window.windowTitle() == f"Scoring · {case_no} · {agency}"
    viewer = window.viewer
    assert viewer is not None
    wait_page(qtbot, viewer, 0)
    changed: list[int] = []
    window.changed.connect(changed.append)

    # 2 on item 1.2 takes its 2nd deduction; + raises the count
    focus_item(window, "1.2")
    key(qtbot, window, Qt.Key.Key_2)
    assert window.selected_code() == PER and is_checked(window, PER)
    key(qtbot, window, Qt.Key.Key_Plus)
    assert entry(window.sheet, PER).count == 2 and entry(stored(county, reviewer, scoring_id), PER).count == 2
    assert window.header.total_label.text() == "96"

    # a box drawn with the deduction selected is linked to it, and shown on the page highlighted
    viewer.markDrawn.emit(0, (72.0, 100.0, 300.0, 140.0), "rect", "")
    mark = window.sheet.marks[0]
    assert (mark.code, mark.page) == (PER, 0)
    assert [(s.label, s.selected) for s in viewer.marks] == [(PER, True)]
    assert window.editor.marks.count() == 1 and "▣ 1" in model(window).data(model(window).index_of(PER, 4))

    # the range: 2 on item 1.4 takes it at its lowest, its points box takes the focus; 2.5 typed
    focus_item(window, "1.4")
    key(qtbot, window, Qt.Key.Key_2)
    assert entry(window.sheet, RANGE).points == Decimal(1)
    points = window.editor.points
    assert points.hasFocus() and points.lineEdit().selectedText() == points.text()
    qtbot.keyClicks(points, "2.5")
    qtbot.keyClick(points, Qt.Key.Key_Return)
    assert entry(stored(county, reviewer, scoring_id), RANGE).points == Decimal("2.5")
    assert window.tree.hasFocus()  # Enter sends the reviewer back to the standard

    # a fixed one by a click on its box, with a note
    click_check(qtbot, window, FIXED)
    assert is_checked(window, FIXED) and window.selected_code() == FIXED
    window.editor.note.setFocus()
    type_text(window.editor.note, "立案审批表晚于法定时限")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Return)
    assert entry(stored(county, reviewer, scoring_id), FIXED).note == "立案审批表晚于法定时限"
    assert window.header.total_label.text() == "91.5" and window.header.grade_label.text() == "Excellent"

    # a veto fails the file whatever its points; withdrawn, the grade comes back
    qtbot.mouseClick(window.vetoes.buttons[VETO], Qt.MouseButton.LeftButton)
    assert window.header.grade_label.text() == "Fail" and window.header.veto_label.isVisible()
    assert (
        window.vetoes.buttons[VETO].isChecked()
        and window.vetoes.buttons[VETO].text() in window.header.veto_label.text()
    )
    assert window.header.total_label.text() == "91.5" and "#D93025" in window.header.total_label.styleSheet()
    qtbot.mouseClick(window.vetoes.buttons[VETO], Qt.MouseButton.LeftButton)
    assert (
        window.header.grade_label.text() == "Excellent"
        and "#188038" in window.header.total_label.styleSheet()
    )
    window.note.edit.setFocus()
    type_text(window.note.edit, "询问笔录签名缺失")
    window.tree.setFocus()  # leaving the field saves the opinion
    assert stored(county, reviewer, scoring_id).note == "询问笔录签名缺失"
    assert len(changed) >= 8

    # closed and opened again: everything was saved as it was made
    window.close()
    again = open_window(qtbot, ctx, scoring_id)
    assert again is not window
    assert again.windowTitle() == f"Scoring · {case_no} · {agency}"
    assert [e.code for e in again.sheet.entries] == [PER, RANGE, FIXED]
    assert is_checked(again, PER) and is_checked(again, RANGE) and is_checked(again, FIXED)
    assert again.header.total_label.text() == "91.5" and again.note.edit.toPlainText() == "询问笔录签名缺失"
    assert [m.code for m in again.sheet.marks] == [PER]
    wait_page(qtbot, again.viewer, 0)

    # Ctrl+Enter submits, asking once and naming the case; the sheet turns read-only
    submitted: list[int] = []
    again.submitted.connect(submitted.append)
    again.tree.setFocus()
    qtbot.keyClick(again.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (_veto, (title, text, ok)) = dialogs.called("confirm")
    assert case_no in text and "91.5" in text and ok == "Submit score"
    assert submitted == [scoring_id]
    assert stored(county, reviewer, scoring_id).state == "submitted"
    assert not again.sheet.editable and not again.submit_button.isVisible()
    assert "Read-only" in again.header.state_label.text() and "Submitted" in again.header.state_label.text()
    assert not model(again).flags(model(again).index_of(PER)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not again.vetoes.buttons[VETO].isEnabled() and again.note.edit.isReadOnly()
    focus_item(again, "1.2")
    key(qtbot, again, Qt.Key.Key_1)
    assert entry(stored(county, reviewer, scoring_id), "1.2.a") is None
    assert dialogs.called("warn") == []


@pytest.mark.qt_log_ignore("does not support raise")
def test_one_window_per_sheet(qtbot, county, reviewer, scoring_id) -> None:
    ctx = make_ctx(county.store, reviewer, county.store.clock)
    window = open_window(qtbot, ctx, scoring_id)
    assert open_scoring_window(ctx, scoring_id) is window
    other = sheets.my_tasks(county.store, reviewer)[1].scoring_id
    second = open_window(qtbot, ctx, other)
    assert second is not window and second.sheet.scoring_id == other
    assert close_scoring_windows(ctx) and window.is_closed and second.is_closed


def test_the_page_is_remembered_and_the_dossier_opens_there(qtbot, county, reviewer, scoring_id) -> None:
    ctx = make_ctx(county.store, reviewer, county.store.clock)
    window = open_window(qtbot, ctx, scoring_id)
    wait_page(qtbot, window.viewer, 0)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_PageDown)  # from the standard, the dossier turns
    qtbot.keyClick(window.tree, Qt.Key.Key_PageDown)
    assert window.viewer.current_page == 2 and window._page_timer.isActive()
    qtbot.waitUntil(lambda: stored(county, reviewer, scoring_id).last_page == 2, timeout=TIMEOUT)
    window.viewer.go_to_page(3)
    window.close()  # closing remembers at once
    assert stored(county, reviewer, scoring_id).last_page == 3
    again = open_window(qtbot, ctx, scoring_id)
    wait_page(qtbot, again.viewer, 3)


# ---------------------------------------------------------------------------- marks


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_a_mark_without_a_deduction_selected_asks_what_it_is_for(qtbot, county, reviewer, scoring_id) -> None:
    dialogs = FakeDialogs(answers=[True])
    ctx = make_ctx(county.store, reviewer, county.store.clock, dialogs)
    window = open_window(qtbot, ctx, scoring_id)
    wait_page(qtbot, window.viewer, 0)
    focus_item(window, "1.2")
    window.viewer.markDrawn.emit(0, (72.0, 300.0, 200.0, 330.0), "text", "询问笔录")
    menu = window.open_menu
    assert isinstance(menu, QMenu)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["markTarget_1.2.a", "markTarget_1.2.b", "markTarget_none"]
    next(a for a in menu.actions() if a.objectName() == "markTarget_1.2.a").trigger()
    sheet = window.sheet
    assert entry(sheet, "1.2.a") is not None and window.selected_code() == "1.2.a"  # taken first
    assert [(m.code, m.kind, m.text) for m in sheet.marks] == [("1.2.a", "text", "询问笔录")]
    menu.close()

    window.select_code(None)
    window.viewer.markDrawn.emit(1, (100.0, 100.0, 200.0, 150.0), "rect", "")
    menu = window.open_menu
    assert [a.objectName() for a in menu.actions() if a.objectName()] == [
        "markTarget_1.2.a",
        "markTarget_none",
    ]
    next(a for a in menu.actions() if a.objectName() == "markTarget_none").trigger()
    note = next(m for m in window.sheet.marks if m.code is None)
    assert note.page == 1 and [s.label for s in window.viewer.marks if s.id == note.id] == ["Note"]
    menu.close()

    # a mark clicked on the page selects its deduction; selecting a deduction shows its first mark
    linked = next(m for m in window.sheet.marks if m.code == "1.2.a")
    window.viewer.markActivated.emit(linked.id)
    assert window.selected_code() == "1.2.a" and window.editor.marks.current_mark() == linked.id
    window.select_code("1.1.a")
    window.viewer.go_to_page(3)
    window.select_code("1.2.a", jump=True)
    assert window.viewer.current_page == 0

    # Delete in the marks list removes the mark after asking
    window.editor.marks.setCurrentRow(0)
    window.editor.marks.setFocus()
    qtbot.keyClick(window.editor.marks, Qt.Key.Key_Delete)
    assert "page 1" in dialogs.called("confirm")[0][1]
    assert [m.code for m in stored(county, reviewer, scoring_id).marks] == [None]


def test_withdrawing_a_deduction_with_a_note_or_marks_asks_first(qtbot, county, reviewer, scoring_id) -> None:
    sheets.take(
        county.store,
        reviewer,
        scoring_id,
        stored(county, reviewer, scoring_id).version,
        PER,
        2,
        note="两处未签名",
    )
    dialogs = FakeDialogs(answers=[False, True])
    ctx = make_ctx(county.store, reviewer, county.store.clock, dialogs)
    window = open_window(qtbot, ctx, scoring_id)
    window.select_code(PER)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)
    assert "Its note is deleted." in dialogs.called("confirm")[0][1]
    assert is_checked(window, PER) and entry(stored(county, reviewer, scoring_id), PER) is not None
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)
    assert not is_checked(window, PER) and entry(stored(county, reviewer, scoring_id), PER) is None
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)  # nothing to lose: no question
    assert is_checked(window, PER) and len(dialogs.called("confirm")) == 2


# ---------------------------------------------------------------------------- other files, other people


def test_a_paper_file_is_scored_without_the_viewer(qtbot, store, admin, tmp_path) -> None:
    county = make_county(store, admin, tmp_path, dossier_every=100)
    draw(county, name="纸质", reviewers=("r_bureau",), per_agency=3)
    reviewer = county.reviewers["r_bureau"]
    task = next(t for t in sheets.my_tasks(store, reviewer) if t.paper)
    window = open_window(qtbot, make_ctx(store, reviewer, store.clock), task.scoring_id)
    assert window.viewer is None and isinstance(window.left.currentWidget(), PaperPanel)
    focus_item(window, "1.1")
    key(qtbot, window, Qt.Key.Key_1)
    key(qtbot, window, Qt.Key.Key_Plus)
    assert entry(stored(county, reviewer, task.scoring_id), "1.1.a").count == 2


def test_a_missing_dossier_says_so_and_scoring_goes_on(qtbot, county, reviewer, scoring_id) -> None:
    Path(stored(county, reviewer, scoring_id).file.dossier).unlink()
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock), scoring_id)
    assert "does not exist" in window.viewer.message.text()
    focus_item(window, "3.2")
    key(qtbot, window, Qt.Key.Key_2)
    assert entry(stored(county, reviewer, scoring_id), FIXED) is not None


def test_a_supervisor_reads_the_sheet_and_reopens_it(qtbot, county, reviewer, scoring_id) -> None:
    sheets.take(county.store, reviewer, scoring_id, stored(county, reviewer, scoring_id).version, PER, 1)
    sheets.submit(county.store, reviewer, scoring_id, stored(county, reviewer, scoring_id).version)
    dialogs = FakeDialogs(answers=[True])
    ctx = make_ctx(county.store, county.supervisor, county.store.clock, dialogs)
    window = open_window(qtbot, ctx, scoring_id)
    assert not window.sheet.editable and "Read-only" in window.header.state_label.text()
    assert "r_bureau" in window.header.state_label.text()
    focus_item(window, "1.2")
    key(qtbot, window, Qt.Key.Key_1)
    assert entry(stored(county, reviewer, scoring_id), "1.2.a") is None
    window.viewer.set_mark_mode("rect")
    assert window.viewer.mark_mode == ""  # no marks on a sheet one may not change
    assert window.reopen_button.isVisible() and not window.submit_button.isVisible()
    qtbot.mouseClick(window.reopen_button, Qt.MouseButton.LeftButton)
    assert dialogs.called("confirm") == []  # a reason first
    window.reopen_reason.setText("扣分项目选错，需更正")
    reopened: list[int] = []
    window.reopened.connect(reopened.append)
    qtbot.mouseClick(window.reopen_button, Qt.MouseButton.LeftButton)
    assert window.sheet.file.case_no in dialogs.called("confirm")[0][1]
    assert stored(county, reviewer, scoring_id).state == "open" and reopened == [scoring_id]
    assert not window.reopen_button.isVisible() and not window.sheet.editable  # still the reviewer's sheet


def test_a_refused_change_says_why_and_is_undone(qtbot, county, reviewer, scoring_id) -> None:
    dialogs = FakeDialogs()
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock, dialogs), scoring_id)
    focus_item(window, "1.4")
    key(qtbot, window, Qt.Key.Key_2)
    window.editor.points_edited.emit(RANGE, Decimal("9"))  # as if the box let 9 through
    ((title, text),) = dialogs.called("warn")
    assert "outside the range 1 to 3" in text
    assert (
        window.editor.points.value() == 1.0 and entry(stored(county, reviewer, scoring_id), RANGE).points == 1
    )

    # submitted from another workstation meanwhile
    sheets.submit(county.store, reviewer, scoring_id, stored(county, reviewer, scoring_id).version)
    focus_item(window, "3.2")
    key(qtbot, window, Qt.Key.Key_2)
    assert "locked" in dialogs.called("warn")[1][1]
    assert not is_checked(window, FIXED)


def test_keys_pressed_faster_than_the_store_answers_are_all_kept(qtbot, county, reviewer, scoring_id) -> None:
    ctx = make_ctx(county.store, reviewer, county.store.clock)
    window = open_window(qtbot, ctx, scoring_id)
    later = LaterRunner()
    window.changes.tasks = later
    focus_item(window, "1.2")
    for k in (Qt.Key.Key_2, Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Plus):
        key(qtbot, window, k)
    window.close()  # waits for the changes under way
    assert not window.is_closed and window.changes.busy
    later.run_all()
    assert entry(stored(county, reviewer, scoring_id), PER).count == 4
    qtbot.waitUntil(lambda: window.is_closed, timeout=TIMEOUT)


def test_the_rubric_model_passes_the_model_tester(qtmodeltester, county, reviewer, scoring_id) -> None:
    sheet = stored(county, reviewer, scoring_id)
    rubric_model = RubricModel(sheet.rubric)
    rubric_model.set_sheet(sheet)
    qtmodeltester.check(rubric_model)
    item = rubric_model.index_of("1.2")
    assert rubric_model.rowCount(item) == 2 and rubric_model.parent(rubric_model.index_of(PER)) == item
    assert rubric_model.data(rubric_model.index_of(PER, 1)) == "−2 each"


def test_keys_from_inside_the_viewer_score_the_item_in_focus(qtbot, county, reviewer, scoring_id) -> None:
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock), scoring_id)
    wait_page(qtbot, window.viewer, 0)
    focus_item(window, "1.1")
    qtbot.keyClick(window.tree, Qt.Key.Key_F6)
    focus = QApplication.focusWidget()
    assert focus is not None and window.viewer.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_1)
    qtbot.keyClick(focus, Qt.Key.Key_Plus)
    assert entry(stored(county, reviewer, scoring_id), "1.1.a").count == 2
    qtbot.keyClick(focus, Qt.Key.Key_F6)
    assert window.tree.hasFocus()
    assert "Ctrl+Enter" in window.help_label.toolTip() and "F6" in window.help_label.text()


def test_digits_typed_in_a_field_are_text_not_deductions(qtbot, county, reviewer, scoring_id) -> None:
    sheets.take(county.store, reviewer, scoring_id, stored(county, reviewer, scoring_id).version, PER, 1)
    dialogs = FakeDialogs(answers=[False])
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock, dialogs), scoring_id)
    window.select_code(PER)
    count = window.editor.count
    count.setFocus()
    count.lineEdit().selectAll()
    qtbot.keyClicks(count, "12")
    qtbot.keyClick(count, Qt.Key.Key_Return)
    assert entry(stored(county, reviewer, scoring_id), PER).count == 12
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "p3")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # out of habit
    assert entry(stored(county, reviewer, scoring_id), PER).note == "p3"
    window.note.edit.setFocus()
    qtbot.keyClicks(window.note.edit, "3-1+2")
    assert window.note.edit.toPlainText() == "3-1+2" and len(window.sheet.entries) == 1
    qtbot.keyClick(window.note.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(dialogs.called("confirm")) == 1  # Ctrl+Enter submits from the opinion too (here: cancelled)
    assert stored(county, reviewer, scoring_id).note == "3-1+2"  # saved before asking


def test_a_change_keeps_the_tree_as_the_reviewer_left_it(qtbot, county, reviewer, scoring_id) -> None:
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock), scoring_id)
    tree, rubric_model = window.tree, model(window)
    tree.collapse(rubric_model.index_of("2"))
    window.select_code("6.2.a")
    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum() // 2)
    scrolled = tree.verticalScrollBar().value()
    key(qtbot, window, Qt.Key.Key_Plus)
    assert entry(window.sheet, "6.2.a").count == 1
    key(qtbot, window, Qt.Key.Key_Plus)
    assert entry(window.sheet, "6.2.a").count == 2
    assert not tree.isExpanded(rubric_model.index_of("2")) and tree.isExpanded(rubric_model.index_of("1"))
    assert window.selected_code() == "6.2.a" and tree.verticalScrollBar().value() == scrolled
    assert rubric_model.data(rubric_model.index_of("6.2.a", 2)) == "−2 ×2"
    assert rubric_model.data(rubric_model.index_of("6.2", 3)) == "2"


def test_a_sheet_changed_elsewhere_is_not_submitted_blindly(qtbot, county, reviewer, scoring_id) -> None:
    dialogs = FakeDialogs(answers=[True, True])
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock, dialogs), scoring_id)
    elsewhere = stored(county, reviewer, scoring_id)  # another workstation
    sheets.take(county.store, reviewer, scoring_id, elsewhere.version, FIXED)
    qtbot.keyClick(window.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.names()[-2:] == ["show_error", "ask_reload"]
    assert stored(county, reviewer, scoring_id).state == "open"
    assert is_checked(window, FIXED)  # reloaded: the change made elsewhere shows


def test_dossier_keys_work_from_the_standard_and_ctrl_w_closes(qtbot, county, reviewer, scoring_id) -> None:
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock), scoring_id)
    viewer = window.viewer
    wait_page(qtbot, viewer, 0)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom_mode == "custom"
    qtbot.keyClick(window.tree, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom_mode == "width"
    window.resize(1700, 900)  # the viewer's toolbar needs the room to show its search field
    qtbot.waitUntil(lambda: viewer.toolbar.search.isVisible(), timeout=TIMEOUT)
    qtbot.keyClick(window.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.objectName() == "dossierSearch"
    qtbot.keyClick(focus, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.is_closed


def test_with_the_store_worker_the_window_never_waits(qtbot, county, reviewer, scoring_id) -> None:
    runner = TaskRunner(FakeDialogs())
    ctx = make_ctx(county.store, reviewer, county.store.clock)
    ctx.tasks = runner
    try:
        window = open_window(qtbot, ctx, scoring_id)
        qtbot.waitUntil(lambda: window.sheet is not None, timeout=TIMEOUT)
        focus_item(window, "1.2")
        for k in (Qt.Key.Key_2, Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_2):
            key(qtbot, window, k)  # each pressed before the one before is saved
        qtbot.waitUntil(lambda: not window.changes.busy, timeout=TIMEOUT)
        assert entry(stored(county, reviewer, scoring_id), PER).count == 4
        assert (
            entry(window.sheet, PER).count == 4 and window.header.total_label.text() == "94"
        )  # 扣完为止: 6 at most
        window.close()
        qtbot.waitUntil(lambda: window.is_closed, timeout=TIMEOUT)
    finally:
        assert runner.shutdown(5_000)


def test_another_reviewers_sheet_does_not_open(qtbot, county, reviewer, scoring_id) -> None:
    dialogs = FakeDialogs()
    ctx = make_ctx(county.store, county.reviewers["r_market"], county.store.clock, dialogs)
    window = open_scoring_window(ctx, scoring_id)
    OPENED.append(window)
    assert window.is_closed and "r_bureau's" in dialogs.called("warn")[0][1]
    assert ctx.scoring_windows == {}
