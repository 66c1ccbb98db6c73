"""The scoring workspace corrects mistakes and moves on: Ctrl+Z / Ctrl+Y over every change to the
sheet (each undo saved and audited), 下一份 after submitting, a submit confirmation that names
the deductions with neither a mark nor a note, "—" for a file not scored yet, and a veto that
asks once before it applies."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.core.clock import FixedClock
from desktop.core.security import Actor
from desktop.models import AuditRecord
from desktop.review import sheets
from desktop.views.common.messages import FakeDialogs
from desktop.views.review.sheet_undo import MarkIds
from tests.helpers.pages import make_ctx
from tests.helpers.review_county import County
from tests.helpers.scoring import (
    FIXED,
    OPENED,
    PER,
    VETO,
    build_county,
    copy_county,
    entry,
    focus_item,
    is_checked,
    key,
    open_window,
    stored,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, County]:
    """The county built once, copied for each test."""
    folder = tmp_path_factory.mktemp("county")
    return folder, build_county(folder)


@pytest.fixture
def county(template: tuple[Path, County], tmp_path: Path, clock: FixedClock) -> Iterator[County]:
    """A fresh copy of the template county."""
    county = copy_county(*template, tmp_path / "county", clock)
    yield county
    county.store.dispose()


@pytest.fixture
def reviewer(county: County) -> Actor:
    """The reviewer whose sheets the tests score."""
    return county.reviewers["r_bureau"]


@pytest.fixture
def scoring_id(county: County, reviewer: Actor) -> int:
    """Their first sheet."""
    return sheets.my_tasks(county.store, reviewer)[0].scoring_id


@pytest.fixture(autouse=True)
def close_windows(qtbot: Any) -> Iterator[None]:
    """Close the windows a test left open; no viewer thread may outlive them."""
    yield
    while OPENED:
        window = OPENED.pop()
        if shiboken6.isValid(window):
            window.close()
    QApplication.processEvents()
    assert [t.name for t in threading.enumerate() if t.name.startswith("pdf-render") and t.is_alive()] == []


def audited(county: County, action: str) -> int:
    """How many audit records of ``action``."""
    with county.store.reading() as session:
        return session.scalar(select(func.count()).where(AuditRecord.action == action)) or 0


def test_ctrl_z_and_ctrl_y_undo_and_redo_every_kind_of_change(qtbot, county, reviewer, scoring_id) -> None:
    dialogs = FakeDialogs(answers=[True, True])  # the veto asks once; withdrawing with a mark asks once
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock, dialogs), scoring_id)
    assert not window.undo_button.isEnabled() and not window.redo_button.isEnabled()

    # a deduction taken, one more occurrence, a note: three steps
    focus_item(window, "1.2")
    key(qtbot, window, Qt.Key.Key_2)
    key(qtbot, window, Qt.Key.Key_Plus)
    window.scoring.take(PER, note="笔录缺签名", create=False)
    assert entry(stored(county, reviewer, scoring_id), PER).note == "笔录缺签名"
    assert window.undo_button.isEnabled() and window.history.stack.count() == 3

    window.tree.setFocus()
    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the note
    assert (
        entry(stored(county, reviewer, scoring_id), PER).note == ""
        and "Undone: 1.2.b" in window.statusBar().currentMessage()
    )
    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the second occurrence
    assert entry(stored(county, reviewer, scoring_id), PER).count == 1
    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the deduction itself
    assert entry(stored(county, reviewer, scoring_id), PER) is None and not is_checked(window, PER)
    assert window.header.total_label.text() == "—" and not window.undo_button.isEnabled()
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "Nothing to undo."

    key(qtbot, window, Qt.Key.Key_Y, CTRL)
    key(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert entry(stored(county, reviewer, scoring_id), PER).count == 2 and is_checked(window, PER)
    key(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert entry(stored(county, reviewer, scoring_id), PER).note == "笔录缺签名"
    assert window.header.total_label.text() == "96"

    # undone and redone changes are saved and audited like any other
    assert audited(county, "take_deduction") == 3 + 1 + 1 + 3  # made, undone (2 of 3), redone
    assert audited(county, "drop_deduction") == 1

    # the opinion, a veto (asked once), a mark and its deduction withdrawn: each undone in turn
    window.scoring.on_note_note_edited("卷宗不完整")
    window.vetoes.buttons[VETO].click()
    assert [c[0] for c in dialogs.called("confirm")] == ["Apply veto"]
    assert window.header.grade_label.text() == "Fail"
    window.select_code(PER)
    window.viewer.markDrawn.emit(1, (72.0, 100.0, 300.0, 140.0), "rect", "")
    mark = stored(county, reviewer, scoring_id).marks[0]
    assert mark.code == PER
    window.scoring.drop(PER)  # asks: a note and a mark
    sheet = stored(county, reviewer, scoring_id)
    assert entry(sheet, PER) is None and sheet.marks[0].code is None

    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the withdrawal: the deduction, its note and its mark back
    sheet = stored(county, reviewer, scoring_id)
    assert entry(sheet, PER).note == "笔录缺签名" and entry(sheet, PER).count == 2
    assert [m.code for m in sheet.marks] == [PER]
    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the mark
    assert stored(county, reviewer, scoring_id).marks == ()
    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the veto
    assert (
        entry(stored(county, reviewer, scoring_id), VETO) is None
        and window.header.grade_label.text() == "Excellent"
    )
    key(qtbot, window, Qt.Key.Key_Z, CTRL)  # the opinion
    assert stored(county, reviewer, scoring_id).note == ""
    for _ in range(3):  # the opinion, the veto, the mark (drawn again, maybe with a new number)
        key(qtbot, window, Qt.Key.Key_Y, CTRL)
    sheet = stored(county, reviewer, scoring_id)
    assert sheet.note == "卷宗不完整" and entry(sheet, VETO) is not None
    assert [(m.page, m.code) for m in sheet.marks] == [(1, PER)]
    key(qtbot, window, Qt.Key.Key_Y, CTRL)  # the withdrawal again, on the mark's new number
    sheet = stored(county, reviewer, scoring_id)
    assert entry(sheet, PER) is None and sheet.marks[0].code is None
    assert dialogs.called("show_error") == []


def test_typing_in_a_note_keeps_its_own_undo(qtbot, county, reviewer, scoring_id) -> None:
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock), scoring_id)
    focus_item(window, "1.2")
    key(qtbot, window, Qt.Key.Key_2)
    window.note.edit.setFocus()
    qtbot.keyClicks(window.note.edit, "ab")
    qtbot.keyClick(window.note.edit, Qt.Key.Key_Z, CTRL)  # the text box's own undo
    assert window.note.edit.toPlainText() != "ab"
    assert entry(stored(county, reviewer, scoring_id), PER) is not None


def test_submitting_clears_the_history_and_a_refused_undo_says_why(
    qtbot, county, reviewer, scoring_id
) -> None:
    dialogs = FakeDialogs(answers=[True])
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock, dialogs), scoring_id)
    focus_item(window, "1.2")
    key(qtbot, window, Qt.Key.Key_2)
    window.submit()
    assert stored(county, reviewer, scoring_id).state == "submitted"
    assert window.history.stack.count() == 0 and not window.undo_button.isEnabled()
    window.tree.setFocus()
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "This score sheet is read-only."
    assert entry(stored(county, reviewer, scoring_id), PER) is not None


def test_the_submit_confirmation_names_deductions_without_a_mark_or_a_note(
    qtbot, county, reviewer, scoring_id
) -> None:
    dialogs = FakeDialogs(answers=[False])
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock, dialogs), scoring_id)
    focus_item(window, "1.2")
    key(qtbot, window, Qt.Key.Key_2)  # PER, with a mark below
    window.viewer.markDrawn.emit(0, (72.0, 100.0, 300.0, 140.0), "rect", "")
    focus_item(window, "3.2")
    key(qtbot, window, Qt.Key.Key_2)  # FIXED, bare
    window.scoring.take("1.1.a", note="未载明依据")  # with a note
    window.submit()
    ((_title, text, ok),) = dialogs.called("confirm")
    assert ok == "Submit score" and "1 deductions have neither a mark nor a note:" in text
    listed = text.split("neither a mark nor a note:")[1]
    assert FIXED in listed and PER not in listed and "1.1.a" not in listed
    assert stored(county, reviewer, scoring_id).state == "open"  # declined: nothing submitted


def test_next_file_opens_the_next_one_to_score_or_says_there_is_none(qtbot, county, reviewer) -> None:
    first, second = (t.scoring_id for t in sheets.my_tasks(county.store, reviewer))
    dialogs = FakeDialogs(answers=[True, True])
    ctx = make_ctx(county.store, reviewer, county.store.clock, dialogs)
    window = open_window(qtbot, ctx, first)
    assert window.next_button.isHidden()
    window.submit()
    assert not window.next_button.isHidden() and window.submit_button.isHidden()
    followed: list[Any] = []
    window.next_opened.connect(followed.append)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    (nxt,) = followed
    OPENED.append(nxt)
    assert nxt.scoring_id == second and ctx.scoring_windows[second] is nxt and window.is_closed
    qtbot.waitUntil(lambda: nxt.sheet is not None)
    nxt.submit()
    qtbot.mouseClick(nxt.next_button, Qt.MouseButton.LeftButton)
    assert dialogs.called("info") == [("Next file", "Every file assigned to you in this campaign is scored.")]
    assert not nxt.is_closed


def test_an_unscored_file_shows_a_dash_never_a_full_score(qtbot, county, reviewer, scoring_id) -> None:
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock), scoring_id)
    header = window.header
    assert (header.total_label.text(), header.grade_label.text()) == ("—", "Not scored")
    assert header.deducted_label.text() == "Out of 100"
    focus_item(window, "1.2")
    key(qtbot, window, Qt.Key.Key_2)
    assert (header.total_label.text(), header.grade_label.text()) == ("98", "Excellent")


def test_a_veto_asks_once_before_it_applies(qtbot, county, reviewer, scoring_id) -> None:
    dialogs = FakeDialogs(answers=[False, True])
    window = open_window(qtbot, make_ctx(county.store, reviewer, county.store.clock, dialogs), scoring_id)
    button = window.vetoes.buttons[VETO]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # declined: nothing applied
    ((title, text, ok),) = dialogs.called("confirm")
    assert (title, ok) == ("Apply veto", "Apply veto") and VETO in text and "fails" in text
    assert not button.isChecked() and entry(stored(county, reviewer, scoring_id), VETO) is None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked() and entry(stored(county, reviewer, scoring_id), VETO) is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # withdrawing a veto does not ask
    assert len(dialogs.called("confirm")) == 2 and entry(stored(county, reviewer, scoring_id), VETO) is None


def test_a_mark_put_back_is_followed_through_its_new_numbers() -> None:
    ids = MarkIds()
    ids.moved(4, 9)
    ids.moved(9, 12)
    ids.moved(12, 12)  # SQLite may give the number back
    assert (ids.now(4), ids.now(9), ids.now(12), ids.now(5)) == (12, 12, 12, 5)
