"""``certs apply | approve | refuse | issue | applications`` (both databases): the gate's refusal
on stderr with exit 1, 审核 and 发证 with the next number of the pattern, the JSON keys."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.accounts.service import UserInput, create_first_admin, create_user
from desktop.core.identifiers import make_resident_id
from desktop.models.db import open_store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer
from desktop.personnel.training import Attendance, add_attendance
from tests.helpers.cli import Desk

pytestmark = pytest.mark.both_databases

SCJ = "县市场监管局"
ID1 = make_resident_id("341122", date(1980, 5, 17), 11)
ID2 = make_resident_id("341122", date(1985, 3, 2), 12)


@pytest.fixture
def desk(store_url: str, monkeypatch: pytest.MonkeyPatch, clock) -> Desk:
    store = open_store(store_url, clock=clock)
    admin = create_first_admin(store, "admin", "Chief-2026", "系统管理员")
    create_user(store, admin, UserInput("trainer1", "trainer", "培训员"), "Chief-2026x")
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", SCJ, field="市场监管", level="县"))
    first = create_officer(store, admin, OfficerInput("张三", ID1, SCJ))
    create_officer(store, admin, OfficerInput("李四", ID2, SCJ))
    add_attendance(store, admin, [Attendance(first.id, "行政执法实务", date(2026, 5, 6), Decimal(64))])
    store.dispose()
    return Desk(store_url, monkeypatch)


def test_apply_approve_and_issue(desk: Desk) -> None:
    code, _out, err = desk("certs", "apply", ID1)
    assert code == 1 and "exam" in err
    code, _out, err = desk("certs", "apply", ID2, "--exam-doc", "县司〔2026〕12号")
    assert code == 1 and "60" in err
    applied = desk.json("certs", "apply", ID1, "--exam-doc", "县司〔2026〕12号", "--date", "2026-11-02")
    assert set(applied) >= {"application", "officer", "id_number", "state", "exam", "hours", "gate", "number"}
    assert (applied["state"], applied["hours"], applied["gate"], applied["number"]) == (
        "applied",
        64.0,
        60,
        None,
    )
    assert "*" in applied["id_number"]
    approved = desk.json(
        "certs", "approve", str(applied["application"]), "--reason", "材料齐全", "--date", "2026-11-10"
    )
    assert approved["state"] == "approved" and approved["vetted_by"] == "系统管理员"
    issued = desk.json("certs", "issue", ID1, "--date", "2026-11-20")
    assert issued["state"] == "issued" and issued["number"] == "000000202600001"
    shown = desk.json("certs", "show", issued["number"])
    assert [e["kind"] for e in shown["events"]] == ["apply", "vet", "issue"]
    assert shown["state"] == "valid" and shown["expires"] == "2031-11-19"
    listed = desk.json("certs", "applications")
    assert listed["total"] == 1 and listed["items"][0]["number"] == issued["number"]


def test_a_refusal_needs_a_reason_and_a_trainer_may_not_vet(desk: Desk) -> None:
    applied = desk.json("certs", "apply", ID1, "--exam-doc", "县司〔2026〕12号")
    code, _out, _err = desk("certs", "refuse", ID1)
    assert code == 2
    code, _out, _err = desk("certs", "approve", ID1, user="trainer1", password="Chief-2026x")
    assert code == 1
    refused = desk.json("certs", "refuse", ID1, "--reason", "文号无法核实")
    assert refused["state"] == "refused" and refused["application"] == applied["application"]
    code, _out, _err = desk("certs", "issue", ID1)
    assert code == 1
