"""The 考试 area as a trainer uses it: import the bank, edit a question, generate papers from a
blueprint (through the task runner), grade the answer sheets, see results, export the analysis."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.core.security import Role
from desktop.views.common.messages import FakeDialogs
from desktop.views.exam.page import ExamPage
from tests.helpers.exam import (
    answers_from_keys,
    blueprint,
    read_keys,
    write_answers,
    write_bank,
    write_candidates,
)
from tests.helpers.pages import column_texts, make_actor, make_ctx


@pytest.fixture
def trainer(store, admin):
    return make_actor(store, admin, "peixun", Role.TRAINER)


def make_page(qtbot, ctx) -> ExamPage:
    page = ExamPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_trainer_imports_generates_grades_and_analyses(
    qtbot, store, trainer, clock, tmp_path: Path
) -> None:
    bank = write_bank(tmp_path / "bank.xlsx", per_cell=4)
    write_candidates(tmp_path / "cand.xlsx", 3)
    bp = blueprint(tmp_path / "bp.json")
    dialogs = FakeDialogs(files=[str(bank)])
    page = make_page(qtbot, make_ctx(store, trainer, clock, dialogs))
    assert page.bank is not None and page.tab_widget.count() == 3
    page.bank.import_action.trigger()
    assert "Imported 72" in dialogs.called("info")[-1][1]
    assert page.bank.model.rowCount() == 72
    assert column_texts(page.bank.model, 1)[:3] == ["单选题", "多选题", "判断题"]

    page.bank.table.selectRow(0)
    dialog = page.bank.edit_current()
    assert dialog is not None and dialog.problems() == {}
    dialog.answer_edit.setText("AB")
    assert "answer" in dialog.problems()  # a 单选题 with two letters, as typed
    dialog.reject()

    page.tab_widget.setCurrentWidget(page.sittings)
    generate = page.sittings.open_generate()
    dialogs.files += [str(bp), str(tmp_path / "cand.xlsx"), str(tmp_path / "out")]
    generate.on_choose_blueprint()
    assert "the bank can fill it" in generate.notice.text()
    generate.on_choose_candidates()
    generate.on_choose_folder()
    generate.seed_edit.setText("2026")
    generate.on_generate_button_clicked()
    assert "3 paper(s)" in dialogs.called("info")[-1][1]
    page.sittings.refresh()
    assert page.sittings.model.rowCount() == 1
    page.sittings.table.selectRow(0)

    keys = read_keys(tmp_path / "out" / "keys.xlsx")
    sheet = write_answers(tmp_path / "ans.xlsx", answers_from_keys(keys), 9)
    dialogs.files.append(str(sheet))
    page.sittings.grade_current()
    assert "3 paper(s) graded, 3 passed" in dialogs.called("info")[-1][1]
    dialogs.files.append(str(tmp_path / "analysis.xlsx"))
    page.sittings.export_analysis()
    assert (tmp_path / "analysis.xlsx").exists()
    page.sittings.show_results()
    shown = page.sittings.results_dialog
    assert shown is not None and shown.table.rowCount() == 3
    assert sum(shown.charts.bars) == 3 and shown.charts.rates == [("县市场监督管理局", 1.0)]
    summary = shown.findChild(QLabel, "summary").text()
    assert "α per paper (3 papers, weighted by candidates)" in summary and "SEM" in summary


def test_a_supervisor_sees_the_sittings_and_an_empty_state(qtbot, store, admin, clock) -> None:
    page = make_page(qtbot, make_ctx(store, admin, clock))
    page.tab_widget.setCurrentWidget(page.sittings)
    page.sittings.refresh()
    assert "generate papers" in page.sittings.table.empty_text()
