"""The certificate warnings' fast path (one query, the driver's rows, a certificate's state from its
row unless it has later events) give exactly what a straightforward computation gives — every
certificate's state and next review decided from its whole history, the officers of open cases
checked certificate by certificate — on a county with certificates in every state, on dates before,
between and after their events (both databases)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import or_, select

from desktop.cases.dto import CaseInput
from desktop.cases.entry import create_case
from desktop.core.i18n import translate
from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models import Agency, Case, CaseOfficer, Certificate, Officer
from desktop.models.db import Store
from desktop.personnel import cert_warnings as cw
from desktop.personnel import certificate_history as history
from desktop.personnel import certificate_store as cstore
from desktop.personnel.cert_warnings import PersonnelWarning, personnel_warnings
from desktop.personnel.certificates import record_event
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.qualification_settings import load_settings
from desktop.personnel.service import create_agency, create_officer

pytestmark = pytest.mark.both_databases

SCJ, GTJ = "县市场监管局", "县自然资源局"
CERT_CODES = ("cert_expiring", "cert_review_due", "cert_invalid_on_open_case")
# name, agency, number, issued, expires, status the form sets
OFFICERS = (
    ("张三", SCJ, "SJ-001", date(2025, 12, 1), date(2030, 11, 30), None),  # review due 2026-12-01
    ("李四", SCJ, "SJ-002", date(2021, 12, 25), date(2026, 12, 24), None),  # expiring
    ("王五", SCJ, "SJ-003", date(2021, 9, 1), date(2026, 8, 31), None),  # expired
    ("赵六", SCJ, "SJ-004", date(2022, 1, 1), date(2027, 12, 31), "suspended"),  # never valid
    ("孙七", GTJ, "ZR-001", date(2022, 3, 1), date(2027, 2, 28), None),  # suspended, restored
    ("周八", GTJ, "ZR-002", date(2022, 5, 1), date(2027, 4, 30), None),  # review passed
    ("吴九", GTJ, "ZR-003", date(2022, 5, 1), date(2027, 4, 30), None),  # review failed, suspended
    ("郑十", GTJ, "ZR-004", date(2020, 1, 1), date(2025, 12, 31), None),  # cancelled
    ("钱一", SCJ, "SJ-005", date(2023, 1, 1), date(2027, 12, 31), None),  # revoked
    ("陈二", SCJ, "SJ-006", date(2021, 11, 1), date(2026, 10, 31), None),  # renewed
    ("卫五", SCJ, "SJ-007", date(2024, 6, 1), date(2029, 5, 31), None),  # suspended lately
    ("冯三", SCJ, None, None, None, None),  # no certificate
    ("褚四", GTJ, None, None, None, None),  # a certificate row without history (below)
)
DAYS = (
    date(2026, 3, 1),
    date(2026, 3, 2),  # ZR-001's suspension
    date(2026, 3, 15),
    date(2026, 4, 1),  # its restoration
    date(2026, 5, 10),  # ZR-002's and ZR-003's reviews
    date(2026, 11, 23),
    date(2026, 12, 1),  # SJ-001's review is due
    date(2026, 12, 2),
    date(2026, 12, 24),  # SJ-002's last valid day
    date(2026, 12, 25),
    date(2027, 6, 1),
    date(2031, 1, 1),
)


@pytest.fixture
def county(store: Store, admin: Actor) -> Store:
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", SCJ, field="市场监管", level="县"))
    create_agency(store, admin, AgencyInput("示范县自然资源局", GTJ, field="自然资源", level="县"))
    for n, (name, agency, number, issued, expires, status) in enumerate(OFFICERS):
        id_number = make_resident_id("341122", date(1980, 1, 1) + timedelta(days=n * 97), 10 + n)
        extra = {"cert_status": status} if status else {}
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                id_number,
                agency,
                cert_number=number,
                cert_issued_on=issued,
                cert_expires_on=expires,
                **extra,
            ),
        )
    record_event(store, admin, "ZR-001", "suspend", date(2026, 3, 2), "立案调查")
    record_event(store, admin, "ZR-001", "restore", date(2026, 4, 1), "调查结束")
    record_event(store, admin, "ZR-002", "review", date(2026, 5, 10), result="pass")
    record_event(store, admin, "ZR-003", "review", date(2026, 5, 10), "学时不足", result="fail")
    record_event(store, admin, "ZR-003", "suspend", date(2026, 5, 11), "年审不合格")
    record_event(store, admin, "ZR-004", "cancel", date(2025, 6, 1), "退休")
    record_event(store, admin, "SJ-005", "revoke", date(2026, 6, 1), "出借执法证")
    record_event(store, admin, "SJ-006", "renew", date(2026, 10, 20), "到期换证")
    record_event(store, admin, "SJ-007", "suspend", date(2026, 11, 20), "立案调查")
    with store.unit_of_work() as uow:
        holder = uow.session.execute(select(Officer).where(Officer.name == "褚四")).scalar_one()
        uow.session.add(
            Certificate(
                officer_id=holder.id,
                number="LEG-001",
                issued_on=date(2024, 1, 1),
                expires_on=date(2029, 1, 1),
                status="active",
                current=True,
            )
        )
        uow.commit()
    for case_no, agency, filed, closed, officers in (
        ("开1", SCJ, date(2026, 1, 5), None, ("SJ-001", "SJ-007")),
        ("开2", GTJ, date(2026, 2, 1), None, ("ZR-003", "ZR-001", "褚四")),
        ("结3", SCJ, date(2025, 1, 1), date(2026, 6, 30), ("SJ-003",)),
        ("开4", SCJ, date(2026, 11, 1), None, ("冯三", "SJ-005")),
    ):
        create_case(
            store,
            admin,
            CaseInput(
                case_no,
                agency,
                "行政处罚",
                "检查",
                "某商店",
                filed,
                officers,
                procedure="普通程序",
                closed_on=closed,
            ),
        )
    return store


def straightforward(store: Store, as_of: date) -> list[PersonnelWarning]:
    """The certificate warnings as the rules say, certificate by certificate from the ORM."""
    with store.reading() as session:
        settings = load_settings(session)
        lead_expiry = as_of + timedelta(days=settings.expiry_lead_days)
        lead_review = as_of + timedelta(days=settings.review_lead_days)
        found: list[tuple[tuple[str, str, str], PersonnelWarning]] = []
        current_state: dict[int, tuple[str, str]] = {}
        for cert in session.execute(select(Certificate).where(Certificate.current.is_(True))).scalars():
            events = cstore.events_of(cert)
            state = history.state_on(events, as_of, cert.expires_on)
            due = cstore.next_review(events, settings)
            officer, agency = cert.officer, cert.officer.agency
            current_state[officer.id] = (cert.number, state)
            raised = []
            if state == "valid" and cert.expires_on <= lead_expiry:
                raised.append(("cert_expiring", "yellow", cert.expires_on, cw._EXPIRING))
            elif state == "expired":
                raised.append(("cert_expiring", "red", cert.expires_on, cw._EXPIRED))
            if state in ("valid", "suspended") and due is not None and due <= lead_review:
                raised.append(("cert_review_due", "red" if due < as_of else "yellow", due, cw._REVIEW))
            for code, level, day, template in raised:
                message = translate("warnings", template).format(
                    officer=officer.name, number=cert.number, date=day.isoformat()
                )
                w = PersonnelWarning(
                    code, level, agency.id, agency.name, officer.id, officer.name, cert.number, day, message
                )
                found.append(((agency.name, officer.name, cert.number), w))
        out = [w for _, w in sorted(found, key=lambda f: f[0])]
        links = session.execute(
            select(Case.case_no, CaseOfficer.officer_id, Agency.id, Agency.name)
            .join(CaseOfficer, CaseOfficer.case_id == Case.id)
            .join(Agency, Agency.id == Case.agency_id)
            .where(Case.filed_on <= as_of, or_(Case.closed_on.is_(None), Case.closed_on > as_of))
            .order_by(Case.case_no, CaseOfficer.position)
        ).all()
        for case_no, officer_id, agency_id, agency_name in links:
            officer = session.get(Officer, officer_id)
            assert officer is not None
            if any(
                history.state_on(cstore.events_of(c), as_of, c.expires_on) == "valid"
                for c in officer.certificates
            ):
                continue
            number, state = current_state.get(officer_id, (None, "none"))
            message = translate("warnings", cw._INVALID).format(
                names=officer.name, case_no=case_no, state=translate("certs", history.STATE_TITLES[state])
            )
            out.append(
                PersonnelWarning(
                    "cert_invalid_on_open_case",
                    "red",
                    agency_id,
                    agency_name,
                    officer_id,
                    officer.name,
                    number,
                    None,
                    message,
                    case_no,
                )
            )
    return out


def fast(store: Store, admin: Actor, as_of: date, agency_id: int | None = None) -> list[PersonnelWarning]:
    return [w for w in personnel_warnings(store, admin, as_of, agency_id=agency_id) if w.code in CERT_CODES]


@pytest.mark.parametrize("as_of", DAYS, ids=str)
def test_the_fast_path_gives_what_the_rules_give(county: Store, admin: Actor, as_of: date) -> None:
    expected = straightforward(county, as_of)
    got = fast(county, admin, as_of)
    assert Counter(got) == Counter(expected)
    cases = sum(w.code == "cert_invalid_on_open_case" for w in got)
    assert got[len(got) - cases :] == expected[len(got) - cases :]  # the open cases' ones, in case order
    if county.kind == "sqlite":  # the server's collation orders names on PostgreSQL
        assert got == expected


def test_the_mixed_county_raises_every_kind(county: Store, admin: Actor) -> None:
    today = {(w.code, w.level, w.number, w.case_no) for w in fast(county, admin, date(2026, 11, 23))}
    assert ("cert_expiring", "yellow", "SJ-002", "") in today
    assert ("cert_expiring", "red", "SJ-003", "") in today
    assert ("cert_review_due", "yellow", "SJ-001", "") in today
    assert ("cert_review_due", "red", "ZR-003", "") in today  # suspended after a failed review
    assert ("cert_invalid_on_open_case", "red", "SJ-007", "开1") in today
    assert ("cert_invalid_on_open_case", "red", "LEG-001", "开2") in today  # no history: never valid
    assert ("cert_invalid_on_open_case", "red", None, "开4") in today  # no certificate at all
    assert not {w for w in today if w[2] in ("ZR-002", "ZR-004")}  # reviewed; cancelled
    early = {(w.code, w.number) for w in fast(county, admin, date(2026, 3, 15))}
    assert ("cert_invalid_on_open_case", "ZR-001") in early  # between its suspension and restoration
    assert ("cert_invalid_on_open_case", "SJ-007") not in early  # suspended only later


def test_an_agency_s_warnings_are_its_share(county: Store, admin: Actor) -> None:
    with county.reading() as session:
        gtj = session.execute(select(Agency.id).where(Agency.short_name == GTJ)).scalar_one()
    day = date(2026, 11, 23)
    mine = fast(county, admin, day, agency_id=gtj)
    assert mine and all(w.agency_id == gtj for w in mine)
    assert [w for w in mine if not w.case_no] == [
        w for w in fast(county, admin, day) if w.agency_id == gtj and not w.case_no
    ]
