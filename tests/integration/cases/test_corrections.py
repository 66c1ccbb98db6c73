"""Correcting the register on both databases: a case edited, a stage's date corrected or the stage
withdrawn — each with a reason, by a supervisor or the case's agency clerk, the rules checked
again, stale versions refused, audited with before, after and the reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.accounts.audit_data import verify_data
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.cases import corrections, entry, stages, supervision
from desktop.cases import service as cs
from desktop.cases.dto import CaseDetail, CaseInput, StageInput
from desktop.core.errors import Conflict, PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer

PASSWORD = "Desk-2026-ok"


@pytest.fixture
def county(store: Store, admin: Actor) -> dict[str, Actor]:
    """Two agencies with officers, a supervisor, a clerk of each agency and an agency user."""
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    create_agency(store, admin, AgencyInput("示范县交通运输局", "县交通局"))
    people = [
        ("张三", "A001", "县市场监管局"),
        ("李四", "A002", "县市场监管局"),
        ("赵六", "B001", "县交通局"),
    ]
    for n, (name, cert, agency) in enumerate(people):
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                make_resident_id("341122", date(1980, 1, 1), n),
                agency,
                cert_number=cert,
                cert_issued_on=date(2020, 1, 1),
                cert_expires_on=date(2030, 1, 1),
            ),
        )
    users = {
        "chief": UserInput("chief", "supervisor", "监督科长"),
        "clerk": UserInput("clerk", "clerk", "市监录入员", agency="县市场监管局"),
        "road": UserInput("road", "clerk", "交通录入员", agency="县交通局"),
        "viewer": UserInput("viewer", "agency", "市监查看", agency="县市场监管局"),
        "reader": UserInput("reader", "reviewer", "评查员"),
    }
    for data in users.values():
        create_user(store, admin, data, PASSWORD)
    return {name: authenticate(store, name, PASSWORD) for name in users}


def new_case(store: Store, actor: Actor, no: str = "市监罚〔2026〕1号", **kw) -> CaseDetail:  # type: ignore[no-untyped-def]
    data = CaseInput(
        no,
        "县市场监管局",
        "行政处罚",
        "销售过期食品",
        "某超市",
        date(2026, 9, 1),
        ("A001", "A002"),
        "普通程序",
    )
    return entry.create_case(store, actor, replace(data, **kw))


def as_input(case: CaseDetail, **changes) -> CaseInput:  # type: ignore[no-untyped-def]
    """The case as the edit form fills it in, with ``changes``."""
    data = CaseInput(
        case.case_no,
        case.agency_id,
        case.category,
        case.cause,
        case.party,
        case.dates["filed_on"],
        tuple(o.officer_id for o in case.officers),
        case.procedure,
        case.source,
        case.party_type,
        None,
        major=case.major,
        amount=case.amount,
        penalty_kinds=case.penalty_kinds,
        legal_basis=case.legal_basis,
        measures=case.measures,
        **{k: v for k, v in case.dates.items() if k != "filed_on"},
    )
    return replace(data, **changes)


def audit_of(store: Store, admin: Actor, action: str) -> list:  # type: ignore[type-arg]
    return list(list_audit(store, admin, ListQuery(filters=(("action", action),))).items)


def test_an_edit_changes_the_fields_and_is_audited_with_before_after_and_reason(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    chief = county["chief"]
    case = new_case(store, chief)
    edited = corrections.edit_case(
        store,
        chief,
        case.id,
        case.version,
        as_input(
            case,
            party="某某超市有限公司",
            cause="销售超过保质期的食品",
            officers=("A001",),
            source="投诉举报",
        ),
        "  当事人名称录入错误  ",
    )
    assert (edited.party, edited.cause, edited.source) == (
        "某某超市有限公司",
        "销售超过保质期的食品",
        "投诉举报",
    )
    assert [o.name for o in edited.officers] == ["张三"] and edited.version > case.version
    assert edited.updated_by == "chief"
    record = audit_of(store, admin, "update")[0]
    assert record.entity == "case" and record.entity_id == str(case.id) and record.actor == "chief"
    assert record.before["party"] == "某超市" and record.after["party"] == "某某超市有限公司"
    assert record.before["officers"] != record.after["officers"]
    assert record.after["reason"] == "当事人名称录入错误" and "当事人名称录入错误" in record.summary
    # the officers can be changed back (the same link again) and the case keeps its own 案号
    again = corrections.edit_case(
        store, chief, case.id, edited.version, as_input(edited, officers=("A001", "A002")), "补录承办人"
    )
    assert [o.name for o in again.officers] == ["张三", "李四"]
    assert verify_chain(store).ok and verify_data(store, admin) == ()


def test_an_edit_that_breaks_the_rules_is_refused_with_the_rule(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    chief = county["chief"]
    new_case(store, chief, "2号")
    case = new_case(store, chief)
    for changes, message in (
        ({"case_no": "2号"}, "already on the register"),
        ({"party": "  "}, "required"),
        ({"category": "行政处罚", "procedure": None}, "needs its procedure"),
        ({"discovered_on": date(2026, 9, 5)}, "cannot be before"),
        ({"filed_on": date(1899, 1, 1)}, "1899-01-01"),
        ({"officers": ("B001",)}, "No officer of"),
    ):
        with pytest.raises(ValidationError, match=message):
            corrections.edit_case(store, chief, case.id, case.version, as_input(case, **changes), "更正")
    with pytest.raises(ValidationError, match="Say why"):
        corrections.edit_case(store, chief, case.id, case.version, as_input(case, party="某店"), "   ")
    assert cs.get_case(store, chief, case.id).version == case.version  # nothing saved


def test_a_date_correction_rechecks_order_gate_and_the_future(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    clerk = county["clerk"]
    case = new_case(store, clerk, major=True)
    case = stages.record_stage(
        store, clerk, case.id, case.version, StageInput("legal_review", date(2026, 9, 20))
    )
    case = stages.record_stage(store, clerk, case.id, case.version, StageInput("decided", date(2026, 9, 25)))
    with pytest.raises(ValidationError, match="legal review"):  # the review after the decision
        corrections.correct_stage_date(
            store, clerk, case.id, case.version, "legal_review", date(2026, 9, 28), "笔误"
        )
    with pytest.raises(ValidationError, match="cannot be before"):
        corrections.correct_stage_date(
            store, clerk, case.id, case.version, "decided", date(2026, 8, 30), "笔误"
        )
    with pytest.raises(ValidationError, match="in the future"):
        corrections.correct_stage_date(
            store, clerk, case.id, case.version, "decided", date(2026, 12, 30), "笔误"
        )
    with pytest.raises(ValidationError, match="not recorded"):
        corrections.correct_stage_date(
            store, clerk, case.id, case.version, "served", date(2026, 9, 30), "笔误"
        )
    with pytest.raises(ValidationError, match="Say why"):
        corrections.correct_stage_date(store, clerk, case.id, case.version, "decided", date(2026, 9, 26), "")
    fixed = corrections.correct_stage_date(
        store, clerk, case.id, case.version, "decided", date(2026, 9, 26), "决定书落款日期为26日"
    )
    assert fixed.dates["decided_on"] == date(2026, 9, 26)
    record = audit_of(store, admin, "correct_stage")[0]
    assert record.before["decided_on"] == "2026-09-25" and record.after["decided_on"] == "2026-09-26"
    assert record.after["reason"] == "决定书落款日期为26日"
    with pytest.raises(Conflict):  # the case as it was before the correction
        corrections.correct_stage_date(
            store, clerk, case.id, case.version, "decided", date(2026, 9, 27), "再改"
        )
    assert verify_data(store, admin) == ()


def test_withdrawing_service_brings_back_its_warning_and_dependents_are_named(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    chief = county["chief"]
    case = new_case(store, chief)
    case = stages.record_stage(store, chief, case.id, case.version, StageInput("decided", date(2026, 10, 9)))
    case = stages.record_stage(store, chief, case.id, case.version, StageInput("served", date(2026, 10, 12)))
    assert case.stage == "served"
    assert "service_overdue" not in {w.code for w in case.warnings}
    assert "service_overdue" not in {w.code for w in supervision.list_warnings(store, chief).items}
    with pytest.raises(ValidationError, match="while Served are recorded"):
        corrections.withdraw_stage(store, chief, case.id, case.version, "decided", "误录")
    with pytest.raises(ValidationError, match="every case on the register is filed"):
        corrections.withdraw_stage(store, chief, case.id, case.version, "filed", "误录")
    with pytest.raises(ValidationError, match="Say why"):
        corrections.withdraw_stage(store, chief, case.id, case.version, "served", " ")
    withdrawn = corrections.withdraw_stage(store, chief, case.id, case.version, "served", "送达回证未签收")
    assert withdrawn.dates["served_on"] is None and withdrawn.stage == "decided"
    assert "service_overdue" in {w.code for w in withdrawn.warnings}
    assert "service_overdue" in {w.code for w in supervision.list_warnings(store, chief).items}
    record = audit_of(store, admin, "withdraw_stage")[0]
    assert record.before["served_on"] == "2026-10-12" and record.after["served_on"] is None
    assert record.after["reason"] == "送达回证未签收"
    # with nothing depending on it now, the decision can go too
    back = corrections.withdraw_stage(store, chief, case.id, withdrawn.version, "decided", "决定未作出")
    assert back.stage == "filed" and back.dates["decided_on"] is None
    assert verify_chain(store).ok and verify_data(store, admin) == ()


def test_only_a_supervisor_or_the_cases_agency_clerk_may_correct(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    case = new_case(store, county["clerk"])
    case = stages.record_stage(
        store, county["clerk"], case.id, case.version, StageInput("decided", date(2026, 10, 9))
    )
    for name in ("road", "viewer", "reader"):
        actor = county[name]
        with pytest.raises(PermissionDenied):
            corrections.edit_case(store, actor, case.id, case.version, as_input(case, party="某店"), "改")
        with pytest.raises(PermissionDenied):
            corrections.correct_stage_date(
                store, actor, case.id, case.version, "decided", date(2026, 10, 8), "改"
            )
        with pytest.raises(PermissionDenied):
            corrections.withdraw_stage(store, actor, case.id, case.version, "decided", "改")
    with pytest.raises(PermissionDenied):  # the clerk cannot move the case to another agency
        corrections.edit_case(
            store,
            county["clerk"],
            case.id,
            case.version,
            as_input(case, agency="县交通局", officers=("B001",)),
            "移交",
        )
    moved = corrections.edit_case(
        store,
        county["chief"],
        case.id,
        case.version,
        as_input(case, agency="县交通局", officers=("B001",)),
        "案件登记在错误的执法主体下",
    )
    assert moved.agency_name == "示范县交通运输局"
    fixed = corrections.correct_stage_date(
        store, county["road"], case.id, moved.version, "decided", date(2026, 10, 8), "日期笔误"
    )
    assert fixed.dates["decided_on"] == date(2026, 10, 8)
    assert audit_of(store, admin, "correct_stage")[0].actor == "road"


def test_a_stale_version_is_refused_for_every_correction(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    chief = county["chief"]
    case = new_case(store, chief, amount=Decimal("500"))
    newer = stages.record_stage(
        store, chief, case.id, case.version, StageInput("investigated", date(2026, 9, 10))
    )
    with pytest.raises(Conflict, match="Changed by chief"):
        corrections.edit_case(store, chief, case.id, case.version, as_input(case, party="某店"), "改")
    with pytest.raises(Conflict):
        corrections.correct_stage_date(
            store, chief, case.id, case.version, "investigated", date(2026, 9, 9), "改"
        )
    with pytest.raises(Conflict):
        corrections.withdraw_stage(store, chief, case.id, case.version, "investigated", "改")
    assert cs.get_case(store, chief, case.id).version == newer.version


def test_a_fault_the_case_had_already_does_not_block_another_correction(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    """An imported major decision without its review (recorded and warned about) can still have
    its party corrected; once mended, the fault cannot come back."""
    chief = county["chief"]
    data = CaseInput(
        "旧1号",
        "县市场监管局",
        "行政处罚",
        "销售过期食品",
        "某超市",
        date(2026, 9, 1),
        ("A001", "A002"),
        "普通程序",
    )
    data = replace(data, major=True, decided_on=date(2026, 9, 20))
    with store.unit_of_work() as uow:
        found, faults = entry.CaseLookups(uow.session).resolve(
            data, historical=True, today=date(2026, 11, 23)
        )
        assert faults == [] and found is not None
        stored = entry.insert_case(uow.session, store, chief, found)
        uow.session.flush()
        case_id = stored.id
        uow.commit()
    case = cs.get_case(store, chief, case_id)
    edited = corrections.edit_case(
        store, chief, case.id, case.version, as_input(case, party="某某超市"), "名称更正"
    )
    assert edited.party == "某某超市"
    assert "missing_legal_review" in {w.code for w in edited.warnings}
    mended = corrections.edit_case(
        store, chief, case.id, edited.version, as_input(edited, legal_review_on=date(2026, 9, 15)), "补录审核"
    )
    assert "missing_legal_review" not in {w.code for w in mended.warnings}
    with pytest.raises(ValidationError, match="legal review"):  # mended, it may not break again
        corrections.correct_stage_date(
            store, chief, case.id, mended.version, "legal_review", date(2026, 9, 25), "改"
        )


def test_a_clerk_editing_a_case_keeps_the_party_number_shown_masked(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    number = make_resident_id("341122", date(1990, 5, 6), 7)
    case = new_case(store, admin, party_type="自然人", party="王某", party_id_number=number)
    clerk = county["clerk"]
    shown = cs.get_case(store, clerk, case.id)
    assert "*" in (shown.party_id_number or "")
    edited = corrections.edit_case(
        store,
        clerk,
        case.id,
        shown.version,
        as_input(shown, party_id_number=shown.party_id_number, cause="无照经营"),
        "案由更正",
    )
    assert edited.cause == "无照经营"
    assert cs.get_case(store, admin, case.id).party_id_number == number


def test_recording_a_recorded_stage_on_another_date_is_refused(
    store: Store, admin: Actor, county: dict[str, Actor]
) -> None:
    chief = county["chief"]
    case = new_case(store, chief)
    case = stages.record_stage(store, chief, case.id, case.version, StageInput("decided", date(2026, 10, 9)))
    with pytest.raises(ValidationError, match="already recorded on 2026-10-09: correct its date"):
        stages.record_stage(store, chief, case.id, case.version, StageInput("decided", date(2026, 10, 10)))
    again = stages.record_stage(  # the same date: the decision's details recorded again
        store,
        chief,
        case.id,
        case.version,
        StageInput("decided", date(2026, 10, 9), ("罚款",), Decimal("800")),
    )
    assert again.amount == Decimal("800.00") and again.dates["decided_on"] == date(2026, 10, 9)
