"""The indicator sets' editor: the versions listed with their fingerprints, a copy edited with the
checks as the user types (weights adding up to 100, thresholds that differ, the unused fields of
a rule greyed), saved as a new version (audited), an unchanged copy saving nothing new, and a
user who may not change settings only reading."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.accounts.audit import list_audit
from desktop.core.paging import ListQuery
from desktop.core.security import Role
from desktop.reports.indicators import default_set
from desktop.reports.sets import find_set, list_set_versions
from desktop.views.dashboard.assessment import AssessmentTab
from desktop.views.dashboard.set_editor import HIGH, LOW, NAME, PER, RULE, WEIGHT
from tests.helpers.pages import make_actor, make_ctx
from tests.helpers.report_county import make_report_county


def open_editor(qtbot, ctx):  # type: ignore[no-untyped-def]
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    editor = tab.open_editor()
    qtbot.addWidget(editor)
    return tab, editor


def test_edit_a_copy_with_checks_and_save_a_new_version(qtbot, store, admin, clock) -> None:  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    tab, editor = open_editor(qtbot, make_ctx(store, admin, clock))
    shipped = default_set()
    assert editor.version_list.count() == 1
    assert editor.version_list.item(0).text() == f"default v1 · {shipped.sha256[:12]}"
    assert shipped.sha256 in editor.version_info.text().replace("\n", "")
    assert editor.table.rowCount() == len(shipped.indicators) and editor.save_button.isEnabled()
    assert editor.sum_label.text() == "Weights: 100 of 100"
    # the per-occurrence row greys its thresholds; a linear row its points and cap
    overdue = [i.key for i in shipped.indicators].index("overdue_count")
    assert not editor.table.item(overdue, LOW).flags() & Qt.ItemFlag.ItemIsEditable
    assert not editor.table.item(0, PER).flags() & Qt.ItemFlag.ItemIsEditable
    editor.table.item(0, WEIGHT).setText("10")
    assert editor.sum_label.text() == "Weights: 104 of 100" and not editor.save_button.isEnabled()
    assert "The weights add up to 104, not 100" in editor.problems.text()
    editor.table.item(1, WEIGHT).setText("2")
    editor.table.item(2, HIGH).setText("60")  # equal to the low threshold
    assert "Row 3: the two thresholds are equal" in editor.problems.text()
    assert not editor.save_button.isEnabled()
    editor.table.item(2, HIGH).setText("100")
    assert editor.problems.text() == "" and editor.save_button.isEnabled()
    editor.save()
    assert [v.indicator_set.version for v in list_set_versions(store, admin)] == [1, 2]
    assert find_set(store, admin).indicators[0].weight == 10
    assert "Saved as default v2." in editor.problems.text()
    assert editor.version_list.count() == 2 and editor.version_list.currentRow() == 1
    assert tab.set_combo.currentText() == "default v2"  # the tab offers the newest version
    editor.save()  # unchanged: nothing new
    assert len(list_set_versions(store, admin)) == 2
    assert "Unchanged: default v2 stays the newest." in editor.problems.text()
    assert any(
        r.action == "save_indicator_set" for r in list_audit(store, admin, ListQuery(limit=None)).items
    )


def test_a_new_set_from_a_copy_with_a_new_indicator(qtbot, store, admin, clock) -> None:  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    _tab, editor = open_editor(qtbot, make_ctx(store, admin, clock))
    editor.name_edit.setText("2026版")
    editor.name_edit.textEdited.emit("2026版")
    editor.table.item(13, WEIGHT).setText("3")  # 诉讼败诉率 5 → 3
    editor.add_indicator()
    row = editor.table.rowCount() - 1
    assert "Row 15: the indicator needs a name" in editor.problems.text()
    editor.table.item(row, NAME).setText("持证率（复核）")
    editor.table.cellWidget(row, RULE).setCurrentIndex(1)  # points per occurrence
    editor.table.item(row, WEIGHT).setText("2")
    assert "Row 15: the points per occurrence must be above 0" in editor.problems.text()
    editor.table.item(row, PER).setText("0.5")
    assert editor.problems.text() == ""
    editor.save()
    saved = find_set(store, admin, "2026版")
    assert (saved.version, len(saved.indicators)) == (1, 15)
    assert (saved.indicators[-1].rule, saved.indicators[-1].per) == ("per_occurrence", 0.5)


def test_a_reviewer_only_reads(qtbot, store, admin, clock) -> None:  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    reviewer = make_actor(store, admin, "pingcha01", Role.REVIEWER)
    tab, editor = open_editor(qtbot, make_ctx(store, reviewer, clock))
    assert editor.table.rowCount() == 14
    assert editor.save_button.isHidden() and tab.publish_button.isHidden()
    assert not editor.table.item(0, WEIGHT).flags() & Qt.ItemFlag.ItemIsEditable
