"""Certificate histories in the store: events recorded and audited, impossible ones refused,
renewal with the next number, scope and roles, and the register's ``uncertified_officer``
warning before and after a suspension (both databases)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.accounts.audit import verify_chain
from desktop.accounts.audit_data import verify_data
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.cases.dto import CaseInput
from desktop.cases.entry import create_case
from desktop.cases.supervision import list_warnings
from desktop.core.errors import NotFound, PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel.certificates import get_certificate, list_certificates, record_event, review_many
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer, get_officer, update_officer

SCJ = "县市场监管局"
ID1 = make_resident_id("341122", date(1980, 5, 17), 11)
ID2 = make_resident_id("341122", date(1985, 3, 2), 12)
SUSPENDED, RESTORED = date(2026, 3, 2), date(2026, 4, 1)


@pytest.fixture
def county(store: Store, admin: Actor) -> Store:
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", SCJ, field="市场监管", level="县"))
    for name, id_number, number in (("张三", ID1, "SJ-001"), ("李四", ID2, "SJ-002")):
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                id_number,
                SCJ,
                cert_number=number,
                cert_issued_on=date(2022, 1, 1),
                cert_expires_on=date(2027, 12, 31),
            ),
        )
    return store


def _user(store: Store, admin: Actor, name: str, role: str, agency: str | None = None) -> Actor:
    create_user(store, admin, UserInput(name, role, name, agency), "Chief-2026x")
    return authenticate(store, name, "Chief-2026x")


def _uncertified(store: Store, admin: Actor) -> set[str]:
    page = list_warnings(store, admin, ListQuery(limit=None, filters=(("code", "uncertified_officer"),)))
    return {w.case_no for w in page.items}


def test_a_case_filed_before_a_suspension_stays_clean(county: Store, admin: Actor) -> None:
    for case_no, filed in (
        ("前", date(2026, 3, 1)),
        ("中", SUSPENDED),
        ("末", date(2026, 3, 31)),
        ("后", RESTORED),
    ):
        create_case(
            county,
            admin,
            CaseInput(
                case_no, SCJ, "行政处罚", "检查", "某商店", filed, ("SJ-001", "SJ-002"), procedure="普通程序"
            ),
        )
    assert _uncertified(county, admin) == set()
    record_event(county, admin, "SJ-001", "suspend", SUSPENDED, "立案调查", document_no="县司〔2026〕3号")
    assert _uncertified(county, admin) == {"中", "末", "后"}
    record_event(county, admin, "SJ-001", "restore", RESTORED, "调查结束，不予处分")
    assert _uncertified(county, admin) == {"中", "末"}
    shown = get_certificate(county, admin, "SJ-001")
    assert [(e.kind, e.on) for e in shown.events] == [
        ("issue", date(2022, 1, 1)),
        ("suspend", SUSPENDED),
        ("restore", RESTORED),
    ]
    assert shown.events[1].document_no == "县司〔2026〕3号" and shown.row.state == "valid"
    assert get_officer(county, admin, shown.row.officer_id).cert_state == "valid"


def test_impossible_events_are_refused_naming_the_state(county: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        record_event(county, admin, "SJ-001", "restore", SUSPENDED, "无")
    assert "was valid" in info.value.localized()
    record_event(county, admin, "SJ-001", "revoke", SUSPENDED, "出借证件")
    with pytest.raises(ValidationError) as info:
        record_event(county, admin, "SJ-001", "restore", RESTORED, "复议撤销")
    assert "was revoked" in info.value.localized()
    with pytest.raises(ValidationError) as info:
        record_event(county, admin, "SJ-002", "suspend", date(2021, 6, 1), "调查")
    assert "comes before" in info.value.localized()
    with pytest.raises(NotFound):
        record_event(county, admin, "NOPE", "suspend", SUSPENDED, "调查")
    assert get_certificate(county, admin, "SJ-001").row.state == "revoked"


def test_renewal_closes_the_number_and_issues_the_next(county: Store, admin: Actor) -> None:
    done = record_event(county, admin, "SJ-002", "renew", date(2026, 11, 2), "证件损坏")
    assert done.successor == "000000202600001" and done.row.state == "superseded"
    new = get_certificate(county, admin, done.successor)
    assert new.row.issued == date(2026, 11, 2) and new.row.expires == date(2031, 11, 1)
    assert new.row.state == "valid" and new.row.current
    assert get_officer(county, admin, new.row.officer_id).cert_number == "000000202600001"
    again = record_event(
        county, admin, "000000202600001", "replace", date(2026, 11, 20), "遗失，已登报声明作废"
    )
    assert again.successor == "000000202600002"
    assert verify_chain(county).ok and verify_data(county, admin) == ()


def test_annual_review_moves_the_next_review(county: Store, admin: Actor) -> None:
    before = list_certificates(county, admin).items
    assert {r.next_review for r in before} == {date(2023, 1, 1)}
    assert (
        review_many(
            county, admin, [("SJ-001", "pass", ""), ("SJ-002", "fail", "学时不足")], date(2026, 11, 1)
        )
        == 2
    )
    rows = {r.number: r for r in list_certificates(county, admin).items}
    assert rows["SJ-001"].next_review == date(2027, 11, 1)
    assert rows["SJ-002"].next_review == date(2023, 1, 1)  # a failed review does not count
    with pytest.raises(ValidationError):  # all or none
        review_many(county, admin, [("SJ-001", "pass", ""), ("SJ-002", "maybe", "")], date(2026, 11, 2))
    assert len(get_certificate(county, admin, "SJ-001").events) == 2


def test_roles_and_scope(county: Store, admin: Actor) -> None:
    trainer = _user(county, admin, "peixun", "trainer")
    record_event(county, trainer, "SJ-001", "suspend", SUSPENDED, "调查")
    clerk = _user(county, admin, "clerk1", "clerk", SCJ)
    with pytest.raises(PermissionDenied):
        record_event(county, clerk, "SJ-001", "restore", RESTORED, "x")
    assert list_certificates(county, clerk).total == 2
    rows = list_certificates(county, admin, state="suspended").items
    assert [r.number for r in rows] == ["SJ-001"] and "*" in rows[0].id_number
    assert list_certificates(county, admin, state="valid", as_of=date(2026, 3, 1)).total == 2


def test_the_officer_form_status_becomes_a_dated_event(county: Store, admin: Actor, clock) -> None:
    officer = next(o for o in [get_officer(county, admin, 1)] if o.cert_number == "SJ-001")
    data = OfficerInput(
        officer.name,
        ID1,
        SCJ,
        cert_number="SJ-001",
        cert_issued_on=date(2022, 1, 1),
        cert_expires_on=date(2027, 12, 31),
        cert_status="suspended",
    )
    update_officer(county, admin, officer.id, officer.version, data)
    events = get_certificate(county, admin, "SJ-001").events
    assert [(e.kind, e.on) for e in events][-1] == ("suspend", clock.today())
    assert get_certificate(county, admin, "SJ-001", as_of=date(2026, 1, 1)).row.state == "valid"


def test_an_officer_on_an_open_case_without_a_valid_certificate(county: Store, admin: Actor) -> None:
    from desktop.personnel.cert_warnings import personnel_warnings

    create_case(
        county,
        admin,
        CaseInput(
            "开",
            SCJ,
            "行政处罚",
            "检查",
            "某商店",
            date(2026, 1, 5),
            ("SJ-001", "SJ-002"),
            procedure="普通程序",
        ),
    )
    assert [w for w in personnel_warnings(county, admin) if w.code == "cert_invalid_on_open_case"] == []
    record_event(county, admin, "SJ-002", "suspend", date(2026, 11, 1), "立案调查")
    found = [w for w in personnel_warnings(county, admin) if w.code == "cert_invalid_on_open_case"]
    assert [(w.case_no, w.officer, w.number, w.level) for w in found] == [("开", "李四", "SJ-002", "red")]
    assert "suspended" in found[0].message
    before = personnel_warnings(county, admin, date(2026, 10, 31))
    assert not [w for w in before if w.code == "cert_invalid_on_open_case"]


def test_a_batch_review_suspends_its_failures(county: Store, admin: Actor) -> None:
    due = list_certificates(county, admin, review_due_by=date(2026, 11, 23))
    assert [r.number for r in due.items] == ["SJ-001", "SJ-002"]
    review_many(
        county,
        admin,
        [("SJ-001", "pass", ""), ("SJ-002", "fail", "学时不足")],
        date(2026, 11, 2),
        suspend_failures=True,
    )
    rows = {r.number: r.state for r in list_certificates(county, admin).items}
    assert rows == {"SJ-001": "valid", "SJ-002": "suspended"}
    assert [e.kind for e in get_certificate(county, admin, "SJ-002").events] == ["issue", "review", "suspend"]
    assert [r.number for r in list_certificates(county, admin, review_due_by=date(2026, 11, 23)).items] == [
        "SJ-002"
    ]


def test_the_training_ledger_and_a_review_batch_as_workbooks(county: Store, admin: Actor, tmp_path) -> None:
    import openpyxl

    from desktop.personnel.qualification_exports import export_review_batch, export_training_ledger
    from desktop.personnel.training import Attendance, add_attendance

    shown = list_certificates(county, admin).items
    add_attendance(
        county, admin, [Attendance(shown[0].officer_id, "行政处罚法", date(2026, 3, 1), Decimal(64))]
    )
    assert export_training_ledger(county, admin, 2026, tmp_path / "ledger.xlsx") == 1
    book = openpyxl.load_workbook(tmp_path / "ledger.xlsx")
    ledger = list(book["培训台账"].values)
    assert ledger[1][0] == "张三" and "*" in ledger[1][1] and ledger[1][5] == 64
    summary = {row[0]: row for row in list(book["学时汇总"].values)[1:]}
    assert summary["张三"][5] == "否" and summary["李四"][5] == "是"
    assert export_review_batch(county, admin, [("SJ-002", "fail", "学时不足")], tmp_path / "batch.xlsx") == 1
    rows = list(openpyxl.load_workbook(tmp_path / "batch.xlsx")["年审"].values)
    assert rows[1][0] == "SJ-002" and rows[1][5] == "不合格" and rows[1][6] == "学时不足"


def test_expiring_by_a_date(county: Store, admin: Actor) -> None:
    # both run to 2027-12-31
    assert list_certificates(county, admin, expires_by=date(2027, 12, 30)).total == 0
    assert [r.number for r in list_certificates(county, admin, expires_by=date(2027, 12, 31)).items] == [
        "SJ-001",
        "SJ-002",
    ]
    shown = list_certificates(county, admin, state="valid", expires_by=date(2028, 2, 29)).items
    assert {r.officer for r in shown} == {"张三", "李四"}
