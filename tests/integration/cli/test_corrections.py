"""``cases correct-stage`` and ``cases withdraw-stage``: a stage's date corrected or the stage
withdrawn from the command line, with a reason, on both databases; refusals exit 1."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.accounts.audit import list_audit
from desktop.accounts.service import authenticate
from desktop.cases.dto import CaseInput, StageInput
from desktop.cases.entry import create_case
from desktop.cases.stages import record_stage
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer
from tests.helpers.cli import Desk

CASE_NO = "市监罚〔2026〕7号"


@pytest.fixture
def desk(migrated_store: Store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    """A store with one decided and served case."""
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    admin = authenticate(migrated_store, "admin", "Chief-2026")
    create_agency(migrated_store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    for n, (name, cert) in enumerate((("张三", "A001"), ("李四", "A002"))):
        create_officer(
            migrated_store,
            admin,
            OfficerInput(
                name,
                make_resident_id("341122", date(1980, 1, 1), n),
                "县市场监管局",
                cert_number=cert,
                cert_issued_on=date(2020, 1, 1),
                cert_expires_on=date(2030, 1, 1),
            ),
        )
    data = CaseInput(
        CASE_NO,
        "县市场监管局",
        "行政处罚",
        "销售过期食品",
        "某超市",
        date(2026, 9, 1),
        ("A001", "A002"),
        "普通程序",
    )
    case = create_case(migrated_store, admin, data)
    case = record_stage(
        migrated_store, admin, case.id, case.version, StageInput("decided", date(2026, 10, 9))
    )
    record_stage(migrated_store, admin, case.id, case.version, StageInput("served", date(2026, 10, 12)))
    return d


def test_correct_and_withdraw_a_stage_with_a_reason(desk: Desk, migrated_store: Store) -> None:
    shown = desk.json(
        "cases", "correct-stage", CASE_NO, "--stage", "served", "--date", "2026-10-13", "--reason", "笔误"
    )
    assert shown["case_no"] == CASE_NO and shown["served_on"] == "2026-10-13"
    code, _out, err = desk("cases", "withdraw-stage", CASE_NO, "--stage", "decided", "--reason", "误录")
    assert code == 1 and "Served" in err and "withdraw them first" in err
    code, _out, err = desk(
        "cases", "correct-stage", CASE_NO, "--stage", "served", "--date", "2026-10-01", "--reason", "改"
    )
    assert code == 1 and "cannot be before" in err
    code, _out, err = desk("cases", "withdraw-stage", CASE_NO, "--stage", "served", "--reason", "  ")
    assert code == 1 and "Say why" in err
    shown = desk.json("cases", "withdraw-stage", CASE_NO, "--stage", "served", "--reason", "送达回证未签收")
    assert shown["served_on"] is None and shown["stage"] == "decided"
    assert "service_overdue" in {w["code"] for w in shown["warnings"]}
    admin = authenticate(migrated_store, "admin", "Chief-2026")
    actions = [
        r.action for r in list_audit(migrated_store, admin, ListQuery(filters=(("entity", "case"),))).items
    ]
    assert actions[:2] == ["withdraw_stage", "correct_stage"]


def test_a_stage_name_or_date_that_is_not_one_exits_2(desk: Desk) -> None:
    assert desk("cases", "withdraw-stage", CASE_NO, "--stage", "sent", "--reason", "x")[0] == 2
    assert desk("cases", "correct-stage", CASE_NO, "--stage", "served", "--reason", "x")[0] == 2
