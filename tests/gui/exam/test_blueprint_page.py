"""The blueprint editor: checked against the bank as it is typed (the shortfall per section,
difficulty and category shown), saved, exported and imported as §7 JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.security import Role
from desktop.exam.bank_exchange import import_questions
from desktop.exam.blueprints import load_blueprint
from desktop.views.common.messages import FakeDialogs
from desktop.views.exam.blueprint_page import (
    CATEGORIES,
    COUNT,
    EASY,
    HARD,
    MEDIUM,
    BlueprintPage,
    split_categories,
)
from tests.helpers.exam import blueprint, write_bank
from tests.helpers.pages import make_actor, make_ctx


@pytest.fixture
def trainer(store, admin):
    return make_actor(store, admin, "peixun", Role.TRAINER)


def make_page(qtbot, ctx) -> BlueprintPage:
    page = BlueprintPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_checked_against_the_bank_as_typed(qtbot, store, trainer, clock, tmp_path: Path) -> None:
    # 4 questions of each type × category (行政处罚法, 行政强制法) × difficulty: 24 of each type
    import_questions(store, trainer, write_bank(tmp_path / "bank.xlsx", per_cell=4))
    dialogs = FakeDialogs()
    page = make_page(qtbot, make_ctx(store, trainer, clock, dialogs))
    assert page.pool is not None and len(page.pool) == 72
    assert page.blueprint is None and "name" in page.notice.text()  # a new blueprint has no name yet
    page.name_edit.setText("复训测试")
    # the starter asks 40 单选 (10 易, 20 中, 10 难) from a bank of 8 each: short
    assert page.blueprint is not None and page.found
    assert "section 1" in page.notice.text() and "12" in page.notice.text()  # 20 中 wanted, 8 held
    assert "short" in page.table.item(0, 8).text()
    cell = page.table.cellWidget
    for column, n in ((EASY, 2), (MEDIUM, 3), (HARD, 1)):
        cell(0, column).setValue(n)
    assert "adds up to 6" in page.notice.text()  # the count is still 40
    cell(0, COUNT).setValue(6)
    cell(0, CATEGORIES).setText("行政处罚法")
    cell(1, COUNT).setValue(10)
    cell(2, COUNT).setValue(10)
    assert "more than the paper's 36" in page.notice.text()  # 6 × 1 + 10 × 2 + 10 × 1
    page.pass_spin.setValue(22)
    assert page.found == [] and "can fill" in page.notice.text()
    assert page.table.item(0, 8).text() == "易 4 · 中 4 · 难 4"  # 行政处罚法 only
    cell(0, MEDIUM).setValue(5)
    cell(0, COUNT).setValue(8)
    assert [f.short for f in page.found] == [1] and page.found[0].difficulty == "中"
    assert "行政处罚法 4" in page.notice.text()
    cell(0, MEDIUM).setValue(3)
    cell(0, COUNT).setValue(6)

    dialogs.files.append(str(tmp_path / "out.json"))
    page.save_action.trigger()  # the first save asks where
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert doc["name"] == "复训测试" and doc["minutes"] == 90 and doc["pass_mark"] == 22
    assert doc["sections"][0] == {
        "type": "单选题",
        "count": 6,
        "points": 1,
        "categories": ["行政处罚法"],
        "difficulty": {"易": 2, "中": 3, "难": 1},
    }
    assert doc["sections"][1]["partial_credit"] == 0.5
    assert load_blueprint(tmp_path / "out.json").question_count == 26
    page.minutes_spin.setValue(60)
    page.save()  # saved to the same file, no question
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["minutes"] == 60
    assert not [c for c in dialogs.calls if c[0] == "save_file"][1:]


def test_import_and_export(qtbot, store, trainer, clock, tmp_path: Path) -> None:
    source = blueprint(tmp_path / "bp.json", max_shared=3)
    dialogs = FakeDialogs(files=[str(source), str(tmp_path / "copy.json")])
    page = make_page(qtbot, make_ctx(store, trainer, clock, dialogs))
    page.import_action.trigger()
    assert page.name_edit.text() == "2026年行政执法资格考试" and page.table.rowCount() == 3
    assert page.max_shared_spin.value() == 3 and page.pass_spin.value() == 6
    assert "short" in page.notice.text()  # the bank is empty
    page.export_action.trigger()
    assert load_blueprint(tmp_path / "copy.json") == load_blueprint(source)
    page.remove_section()
    assert page.table.rowCount() == 2 and page.blueprint is not None
    assert page.blueprint.question_count == 7


def test_split_categories() -> None:
    assert split_categories("行政处罚法、行政强制法，行政许可法 行政复议法") == [
        "行政处罚法",
        "行政强制法",
        "行政许可法",
        "行政复议法",
    ]
