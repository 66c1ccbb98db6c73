"""执法事项与抽查 in the window: the catalogue with the chosen power's bands, and a 双随机 plan
previewed before it is stored, then re-checked (issue 15)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core.identifiers import make_credit_code
from desktop.powers.catalogue import import_powers
from desktop.powers.inspections import create_plan, list_plans
from desktop.powers.targets import import_targets
from desktop.views.powers.page import PowersPage
from desktop.views.powers.plan_dialog import PlanDialog
from tests.helpers.pages import click, make_ctx, seed_agencies, seed_officers, write_workbook

POWER_HEADERS = [
    "事项编码",
    "执法主体",
    "事项名称",
    "事项类别",
    "法律依据",
    "裁量档次",
    "处罚种类",
    "罚款下限",
    "罚款上限",
    "生效日期",
]


@pytest.fixture
def page(qtbot, store, admin, clock, tmp_path: Path):
    agencies = seed_agencies(store, admin)
    seed_officers(store, admin, agencies, clock.today())
    powers = [
        [
            "P001",
            "县市场监管局",
            "未取得许可经营食品",
            "行政处罚",
            "食品安全法第一百二十二条",
            "从轻",
            "警告、罚款",
            50000,
            80000,
            date(2020, 1, 1),
        ],
        [
            "P001",
            "县市场监管局",
            "未取得许可经营食品",
            "行政处罚",
            "食品安全法第一百二十二条",
            "一般",
            "罚款",
            80000,
            120000,
            date(2020, 1, 1),
        ],
    ]
    import_powers(store, admin, write_workbook(tmp_path / "p.xlsx", POWER_HEADERS, powers))
    targets = [
        [f"商户{n}", make_credit_code(f"92341122MA{n:07d}"), "个体工商户", "市场监管", "中"] for n in range(6)
    ]
    import_targets(
        store,
        admin,
        write_workbook(
            tmp_path / "t.xlsx", ["名称", "统一社会信用代码", "类型", "所属领域", "风险等级"], targets
        ),
    )
    widget = PowersPage(make_ctx(store, admin, clock))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_catalogue_shows_the_chosen_powers_bands(page) -> None:
    tab = page.show_tab("catalogue")
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert tab.detail.bands.rowCount() == 2
    assert tab.detail.bands.item(0, 0).text() == "从轻"
    assert "50,000.00" in tab.detail.bands.item(0, 2).text()


def test_a_plan_is_previewed_before_it_is_stored(qtbot, page) -> None:
    tab = page.show_tab("plans")
    assert tab.model.rowCount() == 0
    tab.new_plan()
    dialog = tab.dialog
    assert isinstance(dialog, PlanDialog)
    dialog.name_edit.setText("四季度抽查")
    dialog.agency_combo.setCurrentIndex(dialog.agency_combo.findText("县市场监管局"))
    dialog.count_spin.setValue(1)  # two certified officers: one pair
    click(qtbot, dialog.save_button)  # not previewed: nothing stored
    assert list_plans(page.ctx.store, page.ctx.user) == ()
    assert "Preview" in dialog.preview.text()
    click(qtbot, dialog.preview_button)
    assert dialog.previewed is not None and len(dialog.previewed.items) == 1
    assert "1 of 6" in dialog.preview.text()
    previewed = [i.credit_code for i in dialog.previewed.items]
    click(qtbot, dialog.save_button)
    plans = list_plans(page.ctx.store, page.ctx.user)
    assert [p.name for p in plans] == ["四季度抽查"]
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    shown = [tab.detail.items.item(r, 1).text() for r in range(tab.detail.items.rowCount())]
    assert sorted(shown) == sorted(previewed)
    tab.verify_current()
    assert "same targets" in tab.detail.summary.text()


def test_a_plan_shows_its_agencys_short_name_and_its_values_in_the_windows_language(qtbot, page) -> None:
    ctx = page.ctx
    today = ctx.store.clock.today()
    create_plan(
        ctx.store,
        ctx.user,
        name="一季度抽查",
        seed="s",
        agency="县市场监管局",
        start_on=today,
        end_on=today,
        count=1,
    )
    tab = page.show_tab("plans")
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    agency = tab.model.index(0, 1)
    assert tab.model.data(agency, Qt.ItemDataRole.DisplayRole) == "县市场监管局"
    assert tab.model.data(agency, Qt.ItemDataRole.ToolTipRole) == "示范县市场监督管理局"
    assert tab.model.data(tab.model.index(0, 2), Qt.ItemDataRole.DisplayRole) == "Market regulation"
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.detail.items.rowCount() == 1)
    assert tab.detail.items.item(0, 2).text() == "Medium"
    summary = tab.detail.summary
    assert "县市场监管局 · Market regulation" in summary.text() and "示范县" not in summary.text()
    assert summary.toolTip() == "示范县市场监督管理局"
    targets = page.show_tab("targets")
    qtbot.waitUntil(lambda: targets.model.rowCount() == 6)
    shown = {targets.model.data(targets.model.index(0, c), Qt.ItemDataRole.DisplayRole) for c in range(6)}
    assert {"Individual business", "Market regulation", "Medium"} <= shown
