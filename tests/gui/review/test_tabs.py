"""The 案卷评查 tabs for each role: a reviewer's score sheets and opening one in the workspace; an
agency user asking for a recheck (a reason for every disputed deduction); a supervisor assigning the
recheck reviewer (an original reviewer refused with the service's message); the recheck reviewer's
rulings; and the standards — import of a good file, of a broken one (every problem with its JSON
path), the defaults, the tree, the lock."""

from __future__ import annotations

import json
import sys
import types
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog

from desktop.review import sheets
from desktop.review.feedback import send_feedback
from desktop.review.file_entries import file_entries
from desktop.review.rechecks import Dispute, assign_recheck, list_rechecks, request_recheck
from desktop.views.common.forms import select_data
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.store_access import store_access
from desktop.views.review.recheck_decide import CHANGE, UPHOLD
from desktop.views.review.rechecks_tab import RechecksTab
from desktop.views.review.rubrics_tab import RubricsTab
from desktop.views.review.tasks_tab import TasksTab
from tests.helpers.pages import click, column_texts, make_ctx, type_text, visible_action_texts
from tests.helpers.review_county import (
    AGENCIES,
    County,
    draw,
    first_code,
    make_county,
    score_all,
    sheet_version,
)

STATE, SCORE = 5, 6
RECHECK_STATE, RECHECK_REVIEWER, OUTCOME = 3, 6, 8


@pytest.fixture
def county(store, admin, tmp_path) -> County:
    return make_county(store, admin, tmp_path, dossier_every=1)


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ctx_of(county: County, actor, answers=(), files=()):
    return make_ctx(county.store, actor, county.store.clock, FakeDialogs(answers, files))


def sent_campaign(county: County, tmp_path) -> tuple[int, int, str]:
    """A campaign scored by everyone, a noted deduction taken twice on a 市场监管 file, the feedback sent
    to that agency on 2026-11-23 (recheck until 2026-11-30): (campaign id, file id, deduction code)."""
    result = draw(county)
    per = first_code(county, "per_occurrence")
    item = next(i for i in result.items if i.agency == AGENCIES[0])
    for actor in county.reviewers.values():
        for task in sheets.my_tasks(county.store, actor):
            if task.file_id == item.file_id:
                sheets.take(
                    county.store,
                    actor,
                    task.scoring_id,
                    sheet_version(county, actor, task.scoring_id),
                    per,
                    2,
                    note="第3页无页码",
                )
    score_all(county, {name: [] for name in county.reviewers})
    send_feedback(
        county.store,
        county.supervisor,
        result.campaign.id,
        county.agency_ids[AGENCIES[0]],
        None,
        tmp_path / "out",
        issued_on=date(2026, 11, 23),
    )
    return result.campaign.id, item.file_id, per


def requested(county: County, tmp_path) -> tuple[int, int]:
    """The agency asked for a recheck of the deduction: (file id, recheck id)."""
    _campaign, file_id, _per = sent_campaign(county, tmp_path)
    user = county.agency_users["u_market"]
    entry = file_entries(county.store, user, file_id).entries[0]
    row = request_recheck(county.store, user, file_id, [Dispute(entry.id, "页码齐全，见第2页")])
    return file_id, row.id


# -- 我的评查 ---------------------------------------------------------------------------------------


class FakeWindow(QObject):
    submitted = Signal(int)
    changed = Signal(int)


@pytest.fixture
def workspace(monkeypatch):
    """``open_scoring_window`` replaced: records (ctx, scoring id, parent) and returns a fake window."""
    opened: list[tuple] = []
    windows: list[FakeWindow] = []

    def open_scoring_window(ctx, scoring_id, parent):
        opened.append((ctx, scoring_id, parent))
        windows.append(FakeWindow())
        return windows[-1]

    module = types.ModuleType("desktop.views.review.workspace")
    module.open_scoring_window = open_scoring_window  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.views.review.workspace", module)
    return types.SimpleNamespace(opened=opened, windows=windows)


def test_a_reviewer_sees_their_sheets_filters_them_and_opens_one(qtbot, county, workspace) -> None:
    draw(county)
    reviewer = county.reviewers["r_bureau"]
    tasks = sheets.my_tasks(county.store, reviewer)
    before = show(qtbot, TasksTab(ctx_of(county, reviewer)))  # nothing scored: "—", never "100.0 优秀"
    assert {
        tuple(before.model.data(before.model.index(n, c)) for c in (SCORE, SCORE + 1)) for n in range(2)
    } == {("—", "—")}
    per = first_code(county, "per_occurrence")
    sheets.take(
        county.store,
        reviewer,
        tasks[0].scoring_id,
        sheet_version(county, reviewer, tasks[0].scoring_id),
        per,
        3,
    )
    sheets.submit(
        county.store, reviewer, tasks[1].scoring_id, sheet_version(county, reviewer, tasks[1].scoring_id)
    )
    tab = show(qtbot, TasksTab(ctx_of(county, reviewer)))
    assert tab.summary.text() == f"To score {len(tasks) - 1} · Submitted 1"
    assert tab.model.total == len(tasks) - 1  # 未完成 first
    assert set(column_texts(tab.model, STATE)) == {"Scoring"}
    select_data(tab.state_filter, None)
    assert tab.model.total == len(tasks)
    assert "Submitted" in column_texts(tab.model, STATE)
    row = next(n for n in range(tab.model.total) if tab.model.row_at(n).scoring_id == tasks[0].scoring_id)
    scored = next(t for t in sheets.my_tasks(county.store, reviewer) if t.scoring_id == tasks[0].scoring_id)
    assert tasks[0].total is None and tab.model.data(tab.model.index(row, SCORE)) == f"{scored.total:.1f}"
    assert tab.model.data(tab.model.index(row, 4)) == "Electronic"
    tab.table.select_row(row)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert [(c.user.name, sid) for c, sid, _parent in workspace.opened] == [("r_bureau", tasks[0].scoring_id)]
    sheets.submit(
        county.store, reviewer, tasks[0].scoring_id, sheet_version(county, reviewer, tasks[0].scoring_id)
    )
    workspace.windows[0].submitted.emit(tasks[0].scoring_id)  # the list follows the workspace
    assert tab.summary.text() == f"To score {len(tasks) - 2} · Submitted 2"
    assert tab.current_task().scoring_id == tasks[0].scoring_id and tab.current_task().state == "submitted"
    assert tab.open_action.text() == "View score"
    tab.open_current()
    assert len(workspace.opened) == 2


def test_a_reviewer_without_sheets_is_told_so(qtbot, county) -> None:
    draw(county)
    tab = show(qtbot, TasksTab(ctx_of(county, county.reviewers["r_bureau2"])))
    assert tab.model.total == 0 and tab.table.is_showing_empty_state()
    assert tab.table.empty_text() == "No case files are assigned to you for review."
    assert tab.summary.text() == "To score 0 · Submitted 0"


# -- 复核 -------------------------------------------------------------------------------------------


def test_an_agency_user_asks_for_a_recheck_with_a_reason_for_each_item(qtbot, county, tmp_path) -> None:
    _campaign, file_id, per = sent_campaign(county, tmp_path)
    ctx = ctx_of(county, county.agency_users["u_market"], answers=[True])
    tab = show(qtbot, RechecksTab(ctx))
    assert tab.model.total == 0 and "Ctrl+N" in tab.table.empty_text()
    assert visible_action_texts(tab.header) == ["Request recheck", "Refresh"]
    dialog = tab.request()
    assert dialog.deadline.text() == "Recheck requests close on 2026-11-30"
    assert dialog.file_combo.count() == 2  # the agency's two drawn files
    select_data(dialog.file_combo, file_id)
    [row] = dialog.rows
    assert row.entry.code == per and "第3页无页码" in row.taken.text() and "× 2" in row.taken.text()
    click(qtbot, dialog.save_button)  # nothing checked
    assert "at least one" in dialog.marks.message("items") and ctx.dialogs.names() == []
    row.check.setChecked(True)
    click(qtbot, dialog.save_button)  # no reason
    assert (
        dialog.reason_marks.message(f"reason_{row.entry.id}") == "Say why this deduction should be rechecked."
    )
    assert "1 missing" in dialog.marks.message("items") and dialog.isVisible()
    type_text(row.reason, "页码齐全，见第2页")
    assert not dialog.reason_marks.is_marked(f"reason_{row.entry.id}")
    click(qtbot, dialog.save_button)
    assert ctx.dialogs.names() == ["confirm"] and dialog.result() == QDialog.DialogCode.Accepted
    [saved] = list_rechecks(county.store, county.supervisor)
    assert [i.reason for i in saved.items] == ["页码齐全，见第2页"]
    assert tab.model.total == 1 and column_texts(tab.model, RECHECK_STATE) == ["Awaiting assignment"]
    history = tab.detail.history_text()
    assert "页码齐全，见第2页" in history and "第3页无页码" in history and "No recheck reviewer" in history
    assert "Before the recheck:" in history
    again = RechecksTab(ctx_of(county, county.agency_users["u_market"]))
    qtbot.addWidget(again)
    left = again.request()  # one request per file: the other one
    assert left.file_combo.count() == 1 and left.file_combo.currentData() != file_id
    assert left.rows == [] and left.problems() == {
        "items": "Check at least one deduction or veto to dispute."
    }
    # the transport bureau got no feedback yet: nothing to dispute
    other = ctx_of(county, county.agency_users["u_transport"])
    assert RechecksTab(other).request() is None
    assert other.dialogs.called("info")[0][1].startswith("No case file can be rechecked today")


def test_nothing_is_offered_after_the_recheck_window(qtbot, county, tmp_path) -> None:
    sent_campaign(county, tmp_path)
    ctx = ctx_of(county, county.agency_users["u_market"])
    ctx.as_of = date(2026, 12, 1)
    tab = show(qtbot, RechecksTab(ctx))
    assert tab.request() is None and ctx.dialogs.names() == ["info"]


def test_a_supervisor_assigns_a_reviewer_and_sees_the_refusal_of_an_original_one(
    qtbot, county, tmp_path
) -> None:
    file_id, recheck_id = requested(county, tmp_path)
    ctx = ctx_of(county, county.supervisor)
    tab = show(qtbot, RechecksTab(ctx))
    assert visible_action_texts(tab.header) == ["Request recheck", "Assign reviewer", "Recheck", "Refresh"]
    assert tab.select_recheck(recheck_id) and tab.assign_action.isEnabled()
    dialog = tab.assign_current()
    listed = [dialog.reviewer_combo.itemData(n) for n in range(dialog.reviewer_combo.count())]
    originals = file_entries(county.store, county.supervisor, file_id).reviewers
    assert not set(listed) & set(originals) and "r_market" not in listed  # scored it / its agency
    original = originals[0]
    dialog.reviewer_combo.addItem(original, original)  # as if the list were stale
    select_data(dialog.reviewer_combo, original)
    click(qtbot, dialog.save_button)
    assert (
        dialog.marks.message("reviewer") == f"{original} scored this file: a recheck needs another reviewer."
    )
    assert dialog.isVisible()
    other = next(name for name in listed if name in county.reviewers)
    select_data(dialog.reviewer_combo, other)
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert column_texts(tab.model, RECHECK_STATE) == ["Being rechecked"]
    assert column_texts(tab.model, RECHECK_REVIEWER) == [other]
    assert f"Recheck reviewer {other}, assigned by jiandu" in tab.detail.history_text()
    assert not tab.decide_action.isEnabled()  # not theirs


def test_the_recheck_reviewer_changes_a_deduction_with_a_reason(qtbot, county, tmp_path) -> None:
    file_id, recheck_id = requested(county, tmp_path)
    originals = file_entries(county.store, county.supervisor, file_id).reviewers
    other = next(n for n in ("r_bureau2", "r_bureau", "r_transport") if n not in originals)
    shown = next(r for r in list_rechecks(county.store, county.supervisor) if r.id == recheck_id)
    assign_recheck(county.store, county.supervisor, recheck_id, shown.version, other)
    ctx = ctx_of(county, county.reviewers[other], answers=[True])
    tab = show(qtbot, RechecksTab(ctx))
    assert tab.model.total == 1 and tab.select_recheck(recheck_id)
    assert visible_action_texts(tab.header) == ["Recheck", "Refresh"] and tab.decide_action.isEnabled()
    assert tab.detail.decide_button.isVisible()
    dialog = tab.decide_current()
    [box] = dialog.boxes
    assert "第3页无页码" in box.original.text() and box.reason_given.text() == "页码齐全，见第2页"
    click(qtbot, dialog.save_button)  # nothing chosen
    item = box.item.id
    assert dialog.marks.message(f"decision_{item}") and dialog.marks.message(f"reason_{item}")
    box.choose(CHANGE)
    assert box.amount.isEnabled() and box.amount.value() == 2  # starts from what was taken
    click(qtbot, dialog.save_button)
    assert "That is what was taken" in dialog.marks.message(f"amount_{item}")
    box.amount.setValue(1)
    assert "× 1" in box.preview.text()
    type_text(box.reason, "第3页页码存在，仅1处缺失")
    assert dialog.problems() == {}
    click(qtbot, dialog.save_button)
    [(title, text, ok)] = ctx.dialogs.called("confirm")
    assert "0 upheld, 1 changed, 0 withdrawn" in text and ok == "Submit recheck ruling"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert column_texts(tab.model, RECHECK_STATE) == ["Rechecked"]
    assert column_texts(tab.model, OUTCOME) == ["Upheld 0 · Changed 1"]
    history = tab.detail.history_text()
    assert "Ruling: Changed to 1 occurrence(s) — 第3页页码存在，仅1处缺失" in history
    assert "Before the recheck:" in history and "After the recheck:" in history
    assert not tab.decide_action.isEnabled()
    entries = file_entries(county.store, county.supervisor, file_id)
    assert entries.after.total > entries.before.total


def test_upholding_needs_only_a_reason(qtbot, county, tmp_path) -> None:
    file_id, recheck_id = requested(county, tmp_path)
    originals = file_entries(county.store, county.supervisor, file_id).reviewers
    other = next(n for n in ("r_bureau2", "r_bureau", "r_transport") if n not in originals)
    shown = next(r for r in list_rechecks(county.store, county.supervisor) if r.id == recheck_id)
    assign_recheck(county.store, county.supervisor, recheck_id, shown.version, other)
    ctx = ctx_of(county, county.reviewers[other], answers=[True])
    tab = show(qtbot, RechecksTab(ctx))
    tab.select_recheck(recheck_id)
    dialog = tab.decide_current()
    box = dialog.boxes[0]
    box.choose(UPHOLD)
    assert not box.amount.isEnabled()
    type_text(box.reason, "确有缺页码")
    click(qtbot, dialog.save_button)
    assert column_texts(tab.model, OUTCOME) == ["Upheld 1 · Changed 0"]
    assert "Ruling: Upheld — 确有缺页码" in tab.detail.history_text()


def test_a_supervisor_sees_an_empty_list_explained(qtbot, county) -> None:
    tab = show(qtbot, RechecksTab(ctx_of(county, county.supervisor)))
    assert tab.table.is_showing_empty_state() and "No recheck requests yet" in tab.table.empty_text()
    assert tab.detail.stack.currentIndex() == 0


# -- 评查标准 ---------------------------------------------------------------------------------------


GOOD = {
    "code": "TEST-2026",
    "name": "测试评查标准",
    "applies_to": ["行政处罚"],
    "total": 100,
    "bands": [{"name": "优秀", "min": 90}, {"name": "合格", "min": 60}, {"name": "不合格", "min": 0}],
    "vetoes": [
        {"code": "V1", "text": "实施主体不合法", "effect": "fail"},
        {"code": "E1", "text": "主要对外文书未加盖印章", "effect": "not_excellent"},
    ],
    "sections": [
        {
            "code": "1",
            "title": "事实与证据",
            "items": [
                {
                    "code": "1.1",
                    "title": "事实清楚",
                    "points": 60,
                    "deductions": [
                        {"code": "1.1.a", "text": "事实不清", "kind": "range", "min": 1, "max": 10},
                        {"code": "1.1.b", "text": "无证据", "kind": "full"},
                    ],
                }
            ],
        },
        {
            "code": "2",
            "title": "案卷卷面",
            "items": [
                {
                    "code": "2.1",
                    "title": "按文书规范填写",
                    "points": 40,
                    "deductions": [
                        {"code": "2.1.a", "text": "漏项", "kind": "per_occurrence", "points": 1},
                        {"code": "2.1.b", "text": "未使用统一封面", "kind": "fixed", "points": 2},
                    ],
                }
            ],
        },
    ],
}


def write_json(path: Path, doc) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_defaults_load_and_the_standard_reads_as_a_tree(qtbot, store, admin, clock) -> None:
    ctx = make_ctx(store, admin, clock)
    tab = show(qtbot, RubricsTab(ctx))
    assert tab.model.total == 0 and tab.table.empty_text().startswith("No review standards yet — import")
    assert visible_action_texts(tab.header) == ["Import…", "Load default standards", "Refresh"]
    tab.defaults_action.trigger()
    assert tab.model.total == 2
    [(title, text)] = ctx.dialogs.called("info")
    assert "2 default standard(s)" in text and text.count("a new standard, stored.") == 2
    assert tab.current_rubric() is not None and tab.current_rubric().is_default
    assert column_texts(tab.model, 7)[0].startswith("Default")
    assert tab.tree.default_note.isVisible() and not tab.tree.locked_note.isVisible()
    texts = tab.tree.texts()
    kinds = {kind for _text, _points, kind in texts}
    assert {"Fixed deduction", "Per occurrence", "Range", "Full points", "Fails the file"} <= kinds
    assert any(text == "Vetoes" for text, _p, _k in texts) and any(
        text == "Grade bands" for text, _p, _k in texts
    )
    assert any(text.strip() == "优秀" and points == "from 90" for text, points, _k in texts)
    tab.defaults_action.trigger()
    assert ctx.dialogs.called("info")[-1][1].count("unchanged") == 2


def test_importing_a_good_file_says_what_it_did(qtbot, store, admin, clock, tmp_path) -> None:
    good = write_json(tmp_path / "标准.json", GOOD)
    changed = write_json(tmp_path / "标准2.json", {**GOOD, "name": "测试评查标准（修订）"})
    ctx = make_ctx(store, admin, clock, FakeDialogs(files=[str(good), str(good), str(changed), None]))
    tab = show(qtbot, RubricsTab(ctx))
    for _ in range(3):
        tab.import_action.trigger()
    tab.import_action.trigger()  # cancelled: nothing happens
    outcomes = [text for _title, text in ctx.dialogs.called("info")]
    assert outcomes[0] == "测试评查标准 (TEST-2026 v1): a new standard, stored."
    assert "unchanged" in outcomes[1] and "replaced" in outcomes[2] and len(outcomes) == 3
    assert tab.model.total == 1 and tab.current_rubric().name == "测试评查标准（修订）"
    texts = tab.tree.texts()
    assert ["  1.1  事实清楚", "60", ""] in texts
    assert ["    1.1.a  事实不清", "−1 to −10", "Range"] in texts
    assert ["    1.1.b  无证据", "−60", "Full points"] in texts
    assert ["    2.1.a  漏项", "−1 each", "Per occurrence"] in texts
    assert ["  E1  主要对外文书未加盖印章", "", "Cannot be rated excellent"] in texts


def test_a_broken_file_lists_every_problem_with_its_path(qtbot, store, admin, clock, tmp_path) -> None:
    broken = json.loads(json.dumps(GOOD))
    broken["sections"][1]["items"][0]["deductions"][1]["points"] = 50
    broken["sections"][1]["items"][0]["deductions"][0]["kind"] = "sometimes"
    broken["bands"][1]["min"] = 95
    bad = write_json(tmp_path / "坏标准.json", broken)
    not_json = tmp_path / "不是标准.json"
    not_json.write_text("{ 这不是 JSON", encoding="utf-8")
    ctx = make_ctx(
        store,
        admin,
        clock,
        FakeDialogs(files=[str(bad), str(not_json), str(write_json(tmp_path / "ok.json", GOOD))]),
    )
    tab = show(qtbot, RubricsTab(ctx))
    tab.import_action.trigger()
    assert tab.problems.isVisible() and tab.model.total == 0
    rows = tab.problems.rows()
    paths = [path for path, _message in rows]
    assert "sections[1].items[0].deductions[1].points" in paths
    assert "sections[1].items[0].deductions[0].kind" in paths
    assert any(path.startswith("bands[1]") for path in paths) and len(rows) >= 3
    assert all(message and not message.startswith(path) for path, message in rows)
    assert "坏标准.json was not imported" in tab.problems.title.text()
    tab.import_action.trigger()
    [(path, message)] = tab.problems.rows()
    assert path == "(the whole file)" and "not a JSON file" in message
    tab.import_action.trigger()  # a good one clears the list
    assert not tab.problems.isVisible() and tab.model.total == 1


def test_a_tab_says_nothing_about_an_empty_list_until_its_list_arrives(qtbot, store, admin, clock) -> None:
    ctx = make_ctx(store, admin, clock)
    held: list[tuple] = []
    ctx.tasks.load = lambda fn, on_done, **_kwargs: held.append((fn, on_done))  # the worker is busy
    tab = show(qtbot, RubricsTab(ctx))
    assert len(held) == 1 and tab.table.empty_text() == "" and tab.model.total == 0
    fn, on_done = held.pop()
    with store_access("task"):
        rubrics = fn()
    on_done(rubrics)  # the standards arrive: now the list may say it is empty
    assert tab.table.empty_text().startswith("No review standards yet — import")


def test_a_used_standard_is_locked_and_a_reviewer_only_reads(qtbot, county) -> None:
    draw(county)
    tab = show(qtbot, RubricsTab(ctx_of(county, county.reviewers["r_bureau"])))
    assert visible_action_texts(tab.header) == ["Refresh"]
    used = [r for r in tab.rubrics if r.used]
    assert used and tab.select_rubric(used[0].id)
    assert tab.tree.locked_note.isVisible()
    assert "locked" in tab.model.data(tab.model.index(tab.table.currentIndex().row(), 8))
