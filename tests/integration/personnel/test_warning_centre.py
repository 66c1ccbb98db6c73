"""The personnel warnings in the warning centre (both databases): listed with the officer and
certificate number, counted per agency, filtered by agency, handled (处置) with kind, note,
follow-up and attachment, reopened, the follow-up raised when its date passes, and audited."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.accounts.audit import verify_chain
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.cases.disposal import disposal_attachment, reopen_warning
from desktop.cases.dto import AttachmentUpload, Disposal, WarningKey, WarningRow
from desktop.cases.supervision import handle_warnings, list_warnings, warning_counts
from desktop.core.errors import Conflict, NotFound, PermissionDenied
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer

pytestmark = pytest.mark.both_databases

SCJ, GTJ = "县市场监管局", "县自然资源局"
ID1 = make_resident_id("341122", date(1980, 5, 17), 11)
ID2 = make_resident_id("341122", date(1985, 3, 2), 12)
TODAY = date(2026, 11, 23)


@pytest.fixture
def county(store: Store, admin: Actor) -> Store:
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", SCJ, field="市场监管", level="县"))
    create_agency(store, admin, AgencyInput("示范县自然资源局", GTJ, field="自然资源", level="县"))
    for name, id_number, agency, number in (("张三", ID1, SCJ, "SJ-001"), ("李四", ID2, GTJ, "ZR-001")):
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                id_number,
                agency,
                cert_number=number,
                cert_issued_on=date(2021, 12, 20),
                cert_expires_on=date(2026, 12, 31),
            ),
        )
    return store


def _expiring(store: Store, actor: Actor, state: str = "open", agency: int | None = None) -> list[WarningRow]:
    filters: list[tuple[str, object]] = [("code", "cert_expiring"), ("state", state)]
    if agency is not None:
        filters.append(("agency_id", agency))
    return list(list_warnings(store, actor, ListQuery(limit=None, filters=tuple(filters)), TODAY).items)


def test_certificate_warnings_are_listed_with_the_officer_and_number(county: Store, admin: Actor) -> None:
    rows = _expiring(county, admin)
    assert {(r.officer, r.number, r.level, r.case_no) for r in rows} == {
        ("张三", "SJ-001", "yellow", ""),
        ("李四", "ZR-001", "yellow", ""),
    }
    first = next(r for r in rows if r.number == "SJ-001")
    assert first.reference == "张三 SJ-001"
    assert first.subject == "cert:SJ-001"
    assert first.due == date(2026, 12, 31)
    review = list_warnings(
        county, admin, ListQuery(limit=None, filters=(("code", "cert_review_due"),)), TODAY
    ).items
    assert {r.number for r in review} == {"SJ-001", "ZR-001"}


def test_they_are_counted_and_filtered_by_agency(county: Store, admin: Actor) -> None:
    counts = {(c.agency, c.code): c.open for c in warning_counts(county, admin, TODAY)}
    assert counts[("示范县市场监督管理局", "cert_expiring")] == 1
    assert counts[("示范县自然资源局", "cert_expiring")] == 1
    scj = next(r.agency_id for r in _expiring(county, admin) if r.number == "SJ-001")
    assert [r.number for r in _expiring(county, admin, agency=scj)] == ["SJ-001"]


def test_handling_reopening_and_the_audit(county: Store, admin: Actor) -> None:
    row = next(r for r in _expiring(county, admin) if r.number == "SJ-001")
    upload = AttachmentUpload("约谈笔录.txt", "约谈张三".encode())
    done = handle_warnings(
        county,
        admin,
        [WarningKey(0, row.code, row.version, row.subject)],
        Disposal("已通知换证", "约谈", date(2026, 12, 1), upload),
        TODAY,
    )
    assert done[0].handled and done[0].kind == "约谈" and done[0].attachment_name == "约谈笔录.txt"
    assert [r.number for r in _expiring(county, admin)] == ["ZR-001"]
    handled = _expiring(county, admin, "handled")
    assert [(r.number, r.handled_note) for r in handled] == [("SJ-001", "已通知换证")]
    assert disposal_attachment(county, admin, handled[0].attachment_id or 0).content == "约谈张三".encode()
    counts = {(c.agency, c.code): (c.open, c.handled) for c in warning_counts(county, admin, TODAY)}
    assert counts[("示范县市场监督管理局", "cert_expiring")] == (0, 1)
    with pytest.raises(Conflict):  # shown unhandled, handled meanwhile
        handle_warnings(county, admin, [WarningKey(0, row.code, None, row.subject)], Disposal("再次"), TODAY)
    again = reopen_warning(
        county, admin, 0, row.code, handled[0].version or 0, "换证未完成", TODAY, subject=row.subject
    )
    assert not again.handled and again.reopen_reason == "换证未完成"
    assert {r.number for r in _expiring(county, admin)} == {"SJ-001", "ZR-001"}
    assert verify_chain(county).ok


def test_a_passed_follow_up_raises_the_officer_s_follow_up(county: Store, admin: Actor) -> None:
    row = next(r for r in _expiring(county, admin) if r.number == "ZR-001")
    handle_warnings(
        county,
        admin,
        [WarningKey(0, row.code, None, row.subject)],
        Disposal("限期换证", "责令整改", date(2026, 11, 30)),
    )
    later = date(2026, 12, 2)
    follow = list_warnings(
        county, admin, ListQuery(limit=None, filters=(("code", "disposal_follow_up_due"),)), later
    ).items
    assert [(r.officer, r.due, r.level) for r in follow] == [("李四", date(2026, 11, 30), "red")]
    handle_warnings(
        county, admin, [WarningKey(0, follow[0].code, None, follow[0].subject)], Disposal("已复查"), later
    )
    assert not list_warnings(
        county, admin, ListQuery(limit=None, filters=(("code", "disposal_follow_up_due"),)), later
    ).items


def test_a_warning_that_does_not_exist_or_another_agency_s_is_refused(county: Store, admin: Actor) -> None:
    with pytest.raises(NotFound):
        handle_warnings(
            county, admin, [WarningKey(0, "cert_expiring", None, "cert:NONE")], Disposal("x"), TODAY
        )
    rows = _expiring(county, admin)
    scj = next(r.agency_id for r in rows if r.number == "SJ-001")
    create_user(county, admin, UserInput("clerk1", "clerk", "办事员", SCJ), "Chief-2026x")
    clerk = authenticate(county, "clerk1", "Chief-2026x")
    other = next(r for r in rows if r.number == "ZR-001")
    with pytest.raises(PermissionDenied):
        handle_warnings(county, clerk, [WarningKey(0, other.code, None, other.subject)], Disposal("x"), TODAY)
    assert scj != other.agency_id
