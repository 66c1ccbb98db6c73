"""申领 → 审核 → 发证 (both databases): the gate (a passed exam from the exam area or an exam
document by hand; the year's hours against the setting), refusals that say what is missing, 审核
by a supervisor only (a refusal needs a reason), and issue with the next number of the pattern and
the validity setting, the certificate's history starting with the application."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.accounts.audit import verify_chain
from desktop.accounts.audit_data import verify_data
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.errors import Conflict, PermissionDenied, ValidationError
from desktop.core.security import Actor
from desktop.exam.bank_exchange import import_questions
from desktop.exam.blueprints import load_blueprint
from desktop.exam.grading import grade
from desktop.exam.sittings import generate
from desktop.models.db import Store
from desktop.personnel.applications import (
    application_gate,
    apply_for_certificate,
    find_application,
    issue_application,
    list_applications,
    vet_application,
)
from desktop.personnel.certificates import get_certificate
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.qualification_admin import qualification_settings, save_qualification_settings
from desktop.personnel.service import create_agency, create_officer
from desktop.personnel.training import Attendance, add_attendance
from tests.helpers.exam import (
    answers_from_keys,
    blueprint,
    id_number,
    read_keys,
    write_answers,
    write_bank,
    write_candidates,
)

pytestmark = pytest.mark.both_databases

SCJ = "县市场监督管理局"
TODAY = date(2026, 11, 23)


@pytest.fixture
def county(store: Store, admin: Actor) -> dict[str, int]:
    create_agency(store, admin, AgencyInput(SCJ, "县市场监管局", field="市场监管", level="县"))
    ids = {}
    for n, name in enumerate(("考生1", "考生2")):
        ids[name] = create_officer(store, admin, OfficerInput(name, id_number(n), SCJ)).id
    state = qualification_settings(store, admin)
    save_qualification_settings(
        store, admin, state.version, replace(state.settings, region="341122", training_gate=40)
    )
    return ids


def _hours(store: Store, admin: Actor, officer: int, hours: int) -> None:
    add_attendance(
        store, admin, [Attendance(officer, "行政执法实务", date(2026, 3, 1), Decimal(hours), "县司法局")]
    )


def _supervisor(store: Store, admin: Actor) -> Actor:
    create_user(store, admin, UserInput("wangke", "supervisor", "王科长"), "Chief-2026x")
    return authenticate(store, "wangke", "Chief-2026x")


def test_the_gate_refuses_saying_what_is_missing(store: Store, admin: Actor, county: dict[str, int]) -> None:
    officer = county["考生1"]
    gate = application_gate(store, admin, officer)
    assert (gate.exam_met, gate.hours, gate.gate_hours, gate.met) == (False, 0.0, 40, False)
    with pytest.raises(ValidationError) as refused:
        apply_for_certificate(store, admin, officer)
    assert refused.value.field == "exam_doc"
    with pytest.raises(ValidationError) as refused:
        apply_for_certificate(store, admin, officer, exam_doc="县司〔2026〕12号")
    assert refused.value.field == "hours" and "0" in refused.value.localized()
    _hours(store, admin, county["考生1"], 40)
    gate = application_gate(store, admin, officer, exam_doc="县司〔2026〕12号")
    assert gate.met and gate.hours == 40.0
    row = apply_for_certificate(store, admin, id_number(0), exam_doc="县司〔2026〕12号")
    assert (row.state, row.exam, row.hours, row.gate_hours) == ("applied", "县司〔2026〕12号", 40.0, 40)
    with pytest.raises(ValidationError):  # one waiting application at a time
        apply_for_certificate(store, admin, officer, exam_doc="县司〔2026〕12号")


def test_vetting_by_a_supervisor_and_issue_with_the_next_number(
    store: Store, admin: Actor, county: dict[str, int]
) -> None:
    _hours(store, admin, county["考生1"], 60)
    row = apply_for_certificate(
        store, admin, county["考生1"], exam_doc="县司〔2026〕12号", on=date(2026, 11, 2)
    )
    create_user(store, admin, UserInput("trainer1", "trainer", "培训员"), "Chief-2026x")
    trainer = authenticate(store, "trainer1", "Chief-2026x")
    with pytest.raises(PermissionDenied):
        vet_application(store, trainer, row.id, row.version, True)
    chief = _supervisor(store, admin)
    with pytest.raises(ValidationError):  # not issued before 审核
        issue_application(store, trainer, row.id, row.version)
    vetted = vet_application(store, chief, row.id, row.version, True, "材料齐全", date(2026, 11, 10))
    assert vetted.state == "approved" and vetted.vetted_by == "王科长"
    with pytest.raises(Conflict):
        issue_application(store, trainer, row.id, row.version)
    issued = issue_application(store, trainer, row.id, vetted.version, date(2026, 11, 20))
    assert issued.state == "issued" and issued.number == "341122202600001"
    cert = get_certificate(store, admin, issued.number or "")
    assert [(e.kind, e.on, e.result) for e in cert.events] == [
        ("apply", date(2026, 11, 2), None),
        ("vet", date(2026, 11, 10), "pass"),
        ("issue", date(2026, 11, 20), None),
    ]
    assert cert.row.state == "valid" and cert.row.expires == date(2031, 11, 19)
    with pytest.raises(ValidationError) as refused:  # holds a certificate now
        apply_for_certificate(store, admin, county["考生1"], exam_doc="x")
    assert issued.number in refused.value.localized()
    assert find_application(store, admin, id_number(0)).id == row.id
    assert verify_chain(store).ok and not verify_data(store, admin)


def test_a_refusal_needs_a_reason_and_ends_the_application(
    store: Store, admin: Actor, county: dict[str, int]
) -> None:
    _hours(store, admin, county["考生2"], 45)
    row = apply_for_certificate(store, admin, county["考生2"], exam_doc="外省考试 2026-05")
    with pytest.raises(ValidationError):
        vet_application(store, admin, row.id, row.version, False, " ")
    refused = vet_application(store, admin, row.id, row.version, False, "考试文号无法核实")
    assert (refused.state, refused.vet_reason) == ("refused", "考试文号无法核实")
    with pytest.raises(ValidationError):
        issue_application(store, admin, row.id, refused.version)
    assert [a.state for a in list_applications(store, admin)] == ["refused"]
    again = apply_for_certificate(store, admin, county["考生2"], exam_doc="县司〔2026〕12号")
    assert [a.id for a in list_applications(store, admin, "applied")] == [again.id]


@pytest.mark.sqlite_only
def test_a_passed_exam_of_the_exam_area_opens_the_gate(
    store: Store, admin: Actor, county: dict[str, int], tmp_path: Path
) -> None:
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=4))
    write_candidates(tmp_path / "cand.xlsx", 2, SCJ)
    sitting = generate(
        store,
        admin,
        load_blueprint(blueprint(tmp_path / "bp.json")),
        "9",
        tmp_path / "cand.xlsx",
        tmp_path / "out",
    )
    keys = read_keys(tmp_path / "out" / "keys.xlsx")
    papers = sorted({k["试卷号"] for k in keys})
    wrong = {(papers[1], n) for n in range(1, 10)}  # the second candidate fails
    grade(store, admin, sitting.id, write_answers(tmp_path / "ans.xlsx", answers_from_keys(keys, wrong), 9))
    _hours(store, admin, county["考生1"], 40)
    _hours(store, admin, county["考生2"], 40)
    first = application_gate(store, admin, county["考生1"])
    assert [p.sitting for p in first.passes] == ["2026年行政执法资格考试"] and first.met
    assert not application_gate(store, admin, county["考生2"]).exam_met
    row = apply_for_certificate(store, admin, county["考生1"])
    assert row.exam == "2026年行政执法资格考试"
