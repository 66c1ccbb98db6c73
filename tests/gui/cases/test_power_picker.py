"""The power and its band picked from the catalogue in the case dialogs, with the band's range
shown as the user types (issue 15)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cases.dto import CaseInput
from desktop.cases.entry import create_case
from desktop.cases.service import get_case
from desktop.powers.catalogue import import_powers
from desktop.views.cases.new_case_dialog import NewCaseDialog
from desktop.views.cases.stage_dialog import RecordStageDialog
from tests.helpers.pages import click, make_ctx, seed_agencies, seed_officers, write_workbook

HEADERS = [
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
BASIS = "《中华人民共和国食品安全法》第一百二十二条"


@pytest.fixture
def ctx(store, admin, clock, tmp_path: Path):
    agencies = seed_agencies(store, admin)
    seed_officers(store, admin, agencies, clock.today())
    rows = [
        [
            "P001",
            "县市场监管局",
            "未取得许可经营食品",
            "行政处罚",
            BASIS,
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
            BASIS,
            "一般",
            "罚款",
            80000,
            120000,
            date(2020, 1, 1),
        ],
    ]
    import_powers(store, admin, write_workbook(tmp_path / "p.xlsx", HEADERS, rows))
    case = create_case(
        store,
        admin,
        CaseInput(
            "示市监罚〔2026〕300号",
            agencies[0].id,
            "行政处罚",
            "无证经营",
            "某超市",
            date(2026, 9, 1),
            ("张伟", "李娜"),
            procedure="普通程序",
            legal_review_on=date(2026, 10, 1),
        ),
    )
    context = make_ctx(store, admin, clock)
    context.case_id = case.id  # type: ignore[attr-defined]
    context.agency_id = agencies[0].id  # type: ignore[attr-defined]
    return context


def test_a_decision_outside_its_band_is_shown_in_red_as_it_is_typed(qtbot, ctx):
    case = get_case(ctx.store, ctx.user, ctx.case_id)
    dialog = RecordStageDialog(ctx, case, stage="decided")
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.power_picker
    assert [picker.power_combo.itemData(i) for i in range(picker.power_combo.count())] == [None, "P001"]
    picker.power_combo.setCurrentIndex(1)
    assert dialog.basis_edit.text() == BASIS
    picker.band_combo.setCurrentIndex(picker.band_combo.findData("从轻"))
    assert "50,000.00" in picker.hint.text() and "80,000.00" in picker.hint.text()
    dialog.penalty_kinds.set_chosen(("罚款",))
    dialog.amount_spin.setValue(90000)
    assert "above" in picker.hint.text() and "color" in picker.hint.styleSheet()
    dialog.amount_spin.setValue(60000)
    assert "allows" in picker.hint.text() and picker.hint.styleSheet() == ""
    click(qtbot, dialog.save_button)
    saved = get_case(ctx.store, ctx.user, ctx.case_id)
    assert saved.power is not None and (saved.power.code, saved.power.band) == ("P001", "从轻")
    assert saved.amount == Decimal("60000.00")
    assert not [w for w in saved.warnings if w.code == "discretion_out_of_range"]


def test_the_new_case_dialog_offers_the_agency_powers(qtbot, ctx):
    dialog = NewCaseDialog(ctx, [(ctx.agency_id, "县市场监管局")])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.filed_edit.setDate(date(2026, 9, 1))
    assert dialog.power_picker.power_combo.count() == 2
    dialog.power_picker.power_combo.setCurrentIndex(1)
    assert dialog.data().power_code == "P001"
    assert not dialog.power_picker.band_combo.isVisible()
