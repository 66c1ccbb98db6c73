"""Every certificate's state on a date from one query (``certificate_store.states_on_date``) agrees
with each certificate's own history, an agency's alone when asked (both databases)."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel import certificate_store as cstore
from desktop.personnel.certificates import get_certificate, list_certificates, record_event
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer

SUSPENDED, RESTORED, REVOKED = date(2026, 3, 2), date(2026, 4, 1), date(2026, 5, 1)


def test_states_on_dates_agree_with_each_history(store: Store, admin: Actor) -> None:
    for full, short in (("示范县市场监督管理局", "县市场监管局"), ("示范县交通运输局", "县交通局")):
        create_agency(store, admin, AgencyInput(full, short, field="市场监管", level="县"))
    specs = [
        ("张三", "县市场监管局", "SJ-001", date(2027, 12, 31)),
        ("李四", "县市场监管局", "SJ-002", date(2027, 12, 31)),
        ("王五", "县交通局", "JT-001", date(2026, 4, 15)),
    ]
    for n, (name, agency, number, expires) in enumerate(specs):
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                make_resident_id("341122", date(1980, 5, 17), 11 + n),
                agency,
                cert_number=number,
                cert_issued_on=date(2022, 1, 1),
                cert_expires_on=expires,
            ),
        )
    record_event(store, admin, "SJ-001", "suspend", SUSPENDED, "立案调查")
    record_event(store, admin, "SJ-001", "restore", RESTORED, "调查结束")
    record_event(store, admin, "SJ-002", "revoke", REVOKED, "出借证件")
    ids = {r.number: r.id for r in list_certificates(store, admin).items}
    for day in (
        date(2021, 12, 31),
        date(2022, 1, 1),
        SUSPENDED,
        RESTORED - timedelta(days=1),
        RESTORED,
        date(2026, 4, 15),
        date(2026, 4, 16),
        REVOKED,
    ):
        with store.reading() as session:
            found = cstore.states_on_date(session, day)
        for number, cert_id in ids.items():
            assert found[cert_id] == get_certificate(store, admin, number, as_of=day).row.state, (number, day)
    with store.reading() as session:
        agency_id = list_certificates(store, admin, agency="县交通局").items[0].agency_id
        only = cstore.states_on_date(session, SUSPENDED, agency_id=agency_id)
    assert only == {ids["JT-001"]: "valid"}
