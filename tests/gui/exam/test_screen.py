"""The on-screen sitting driven by qtbot with a fake clock: sign in, answer (saved at once),
flag, a crash (a new screen) resumes with every answer and the time left, submit names the
blanks, the time running out submits; the proctor sees the state and adds time."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.exam.bank_exchange import import_questions
from desktop.exam.blueprints import load_blueprint
from desktop.exam.onscreen import proctor_rows, sitting_code
from desktop.exam.sittings import generate, list_sittings
from desktop.views.common.messages import FakeDialogs
from desktop.views.exam.proctor import ProctorDialog
from desktop.views.exam.screen import ExamScreen
from tests.helpers.exam import blueprint, write_bank, write_candidates
from tests.helpers.pages import make_ctx


@pytest.fixture
def sitting(store, admin, tmp_path: Path):
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=4))
    ids = write_candidates(tmp_path / "cand.xlsx", 2)
    s = generate(
        store,
        admin,
        load_blueprint(blueprint(tmp_path / "bp.json", minutes=20)),
        "3",
        tmp_path / "cand.xlsx",
        None,
    )
    return s.id, sitting_code(store, admin, s.id), ids


def screen_for(qtbot, ctx) -> ExamScreen:
    screen = ExamScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    return screen


def sign_in(screen: ExamScreen, id_number: str, code: str) -> None:
    screen.id_edit.setText(id_number)
    screen.code_edit.setText(code)
    screen.start_button.click()


def test_a_whole_sitting_on_screen(qtbot, store, admin, clock, sitting) -> None:
    sitting_id, code, ids = sitting
    dialogs = FakeDialogs(answers=[False, True])
    ctx = make_ctx(store, admin, clock, dialogs)
    screen = screen_for(qtbot, ctx)
    sign_in(screen, ids[0], "XXXXXX")
    assert "No paper" in screen.sign_in_error.text()
    sign_in(screen, ids[0], code)
    assert screen.stack.currentIndex() == 1 and screen.navigator.count() == 9
    assert screen.clock_label.text() == "Time left 0:20:00"
    screen.group.buttons()[1].click()  # question 1: B
    screen.show_question(5)  # a 多选题: two boxes
    screen.group.buttons()[0].click()
    screen.group.buttons()[2].click()
    screen.flag_button.click()
    assert screen.answers == {1: "B", 5: "AC"} and screen.flagged == {5}
    clock.advance(minutes=7)
    screen.tick()
    assert screen.clock_label.text() == "Time left 0:13:00"
    screen.close()  # a crash: a new screen on the same workstation
    again = screen_for(qtbot, ctx)
    sign_in(again, ids[0], code)
    assert again.answers == {1: "B", 5: "AC"} and again.flagged == {5}
    assert again.clock_label.text() == "Time left 0:13:00"
    again.show_question(5)
    assert [b.isChecked() for b in again.group.buttons()] == [True, False, True, False]
    again.submit_button.click()  # asks, naming the blanks; the first answer is no
    assert "2、3、4、6、7、8、9" in dialogs.called("confirm")[0][1]
    assert again.stack.currentIndex() == 1
    again.submit_button.click()
    assert again.stack.currentIndex() == 2 and "submitted" in again.result_label.text()
    assert proctor_rows(store, admin, sitting_id)[0].state == "submitted"


def test_the_time_running_out_submits(qtbot, store, admin, clock, sitting) -> None:
    sitting_id, code, ids = sitting
    ctx = make_ctx(store, admin, clock)
    screen = screen_for(qtbot, ctx)
    sign_in(screen, ids[1], code)
    screen.group.buttons()[0].click()
    proctor = ProctorDialog(ctx, list_sittings(store, admin)[0])
    qtbot.addWidget(proctor)
    assert "Sitting code: " + code in proctor.code_label.text()
    assert proctor.table.item(1, 2).text() == "Sitting"
    proctor.table.selectRow(1)
    proctor.minutes.setValue(5)
    proctor.add_button.click()
    clock.advance(minutes=24)
    screen.tick()
    assert screen.stack.currentIndex() == 1  # 20 + 5 minutes
    clock.advance(minutes=1)
    screen.tick()
    assert screen.stack.currentIndex() == 2
    assert proctor_rows(store, admin, sitting_id)[1].state == "submitted"
