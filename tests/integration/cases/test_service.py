"""The register services on both databases: entry, stages, scope, warnings from the store,
their 处置, the local calendar and the limits."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.cases import documents, entry, periods, stages, supervision, supervision_settings
from desktop.cases import repository as repo
from desktop.cases import service as cs
from desktop.cases.calendar import WorkCalendar
from desktop.cases.dto import CaseInput, DossierFile, StageInput
from desktop.cases.rules import Limits, findings
from desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer

AS_OF = date(2026, 11, 23)


@pytest.fixture
def county(store: Store, admin: Actor) -> dict:
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    create_agency(store, admin, AgencyInput("示范县交通运输局", "县交通局"))
    people = [
        ("张三", "A001", "县市场监管局", date(2020, 1, 1), date(2030, 1, 1)),
        ("李四", "A002", "县市场监管局", date(2020, 1, 1), date(2030, 1, 1)),
        ("王五", "A003", "县市场监管局", date(2018, 1, 1), date(2026, 6, 30)),  # expired mid-2026
        ("李四", "A004", "县市场监管局", date(2021, 1, 1), date(2031, 1, 1)),  # a second 李四
        ("赵六", "B001", "县交通局", date(2020, 1, 1), date(2030, 1, 1)),
    ]
    for n, (name, cert, agency, issued, expires) in enumerate(people):
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                make_resident_id("341122", date(1980, 1, 1), n),
                agency,
                cert_number=cert,
                cert_issued_on=issued,
                cert_expires_on=expires,
            ),
        )
    return {"market": "县市场监管局", "transport": "县交通局"}


def case(no: str, filed: date, officers=("A001", "A002"), agency="县市场监管局", **kw) -> CaseInput:  # type: ignore[no-untyped-def]
    kw.setdefault("category", "行政处罚")
    if kw["category"] == "行政处罚":
        kw.setdefault("procedure", "普通程序")
    return CaseInput(
        no,
        agency,
        kw.pop("category"),
        kw.pop("cause", "销售过期食品"),
        kw.pop("party", "某超市"),
        filed,
        tuple(officers),
        **kw,
    )


def test_a_new_case_is_stored_audited_and_shown(store: Store, admin: Actor, county: dict) -> None:
    detail = entry.create_case(
        store,
        admin,
        case("市监罚〔2026〕1号", date(2026, 7, 3), party_id_number=None, discovered_on=date(2026, 7, 1)),
    )
    assert detail.stage == "filed" and [o.name for o in detail.officers] == ["张三", "李四"]
    assert [d.kind for d in detail.deadlines] == ["decision"]
    assert detail.deadlines[0].due == date(2026, 10, 8)
    assert [w.code for w in detail.warnings] == ["decision_overdue"]
    records = list_audit(store, admin, ListQuery(filters=(("entity", "case"),))).items
    assert records[0].action == "create"
    assert verify_chain(store).ok


def test_officers_are_found_by_certificate_or_unambiguous_name(
    store: Store, admin: Actor, county: dict
) -> None:
    detail = entry.create_case(store, admin, case("1号", date(2026, 11, 2), officers=("张三", "A004")))
    assert [o.cert_number for o in detail.officers] == ["A001", "A004"]
    with pytest.raises(ValidationError, match="2 officers .* are called 李四"):
        entry.create_case(store, admin, case("2号", date(2026, 11, 2), officers=("张三", "李四")))
    with pytest.raises(ValidationError, match="No officer of .* 赵六"):
        entry.create_case(store, admin, case("3号", date(2026, 11, 2), officers=("张三", "赵六")))
    with pytest.raises(ValidationError, match="Unknown agency"):
        entry.create_case(store, admin, case("4号", date(2026, 11, 2), agency="县公安局"))
    with pytest.raises(ValidationError, match="already on the register"):
        entry.create_case(store, admin, case("1号", date(2026, 11, 2)))
    # The same number in another agency is another case.
    entry.create_case(store, admin, case("1号", date(2026, 11, 2), officers=("B001",), agency="县交通局"))
    with pytest.raises(ValidationError, match="Several agencies"):
        cs.find_case(store, admin, "1号")
    assert cs.find_case(store, admin, "1号", "县交通局").agency_name == "示范县交通运输局"


def test_certificate_state_on_the_filing_date(store: Store, admin: Actor, county: dict) -> None:
    before = entry.create_case(store, admin, case("1号", date(2026, 6, 30), officers=("A001", "A003")))
    after = entry.create_case(store, admin, case("2号", date(2026, 7, 1), officers=("A001", "A003")))
    assert [o.cert_state for o in before.officers] == ["valid", "valid"]
    assert [o.cert_state for o in after.officers] == ["valid", "expired"]
    assert "uncertified_officer" not in {w.code for w in before.warnings}
    assert "uncertified_officer" in {w.code for w in after.warnings}


def test_recording_stages_checks_order_review_and_version(store: Store, admin: Actor, county: dict) -> None:
    detail = entry.create_case(store, admin, case("1号", date(2026, 9, 1), major=True))
    with pytest.raises(ValidationError, match="legal review"):
        stages.record_stage(store, admin, detail.id, detail.version, StageInput("decided", date(2026, 10, 9)))
    with pytest.raises(ValidationError, match="cannot be before"):
        stages.record_stage(
            store, admin, detail.id, detail.version, StageInput("legal_review", date(2026, 8, 1))
        )
    with pytest.raises(ValidationError, match="future"):
        stages.record_stage(
            store, admin, detail.id, detail.version, StageInput("legal_review", date(2026, 12, 1))
        )
    detail = stages.record_stage(
        store, admin, detail.id, detail.version, StageInput("legal_review", date(2026, 10, 5))
    )
    stale = detail.version
    detail = stages.record_stage(
        store,
        admin,
        detail.id,
        detail.version,
        StageInput("decided", date(2026, 10, 9), ("罚款",), Decimal("5000")),
    )
    assert detail.stage == "decided" and detail.amount == Decimal("5000.00")
    assert {d.kind: d.status for d in detail.deadlines} == {
        "decision": "met",
        "service": "overdue",
        "publicity": "overdue",
    }
    with pytest.raises(Conflict):
        stages.record_stage(store, admin, detail.id, stale, StageInput("served", date(2026, 10, 10)))
    with pytest.raises(ValidationError, match="Served"):
        stages.record_stage(store, admin, detail.id, detail.version, StageInput("served", date(2026, 10, 1)))


def test_suspensions_extend_the_decision(store: Store, admin: Actor, county: dict) -> None:
    detail = entry.create_case(store, admin, case("1号", date(2026, 7, 3)))
    detail = periods.add_suspension(
        store, admin, detail.id, detail.version, "鉴定", date(2026, 8, 1), date(2026, 8, 10)
    )
    assert detail.deadlines[0].due == date(2026, 10, 12)
    with pytest.raises(ValidationError):
        periods.add_suspension(store, admin, detail.id, detail.version, "休假", date(2026, 8, 1))


CASES = ListQuery(filters=(("scope", "cases"),))
"""The register's warnings only (the officers' certificate warnings left out)."""


def test_scoped_users_see_and_write_only_their_agency(store: Store, admin: Actor, county: dict) -> None:
    entry.create_case(store, admin, case("1号", date(2026, 11, 2)))
    other = entry.create_case(
        store, admin, case("9号", date(2026, 11, 2), officers=("B001",), agency="县交通局")
    )
    create_user(store, admin, UserInput("clerk", "clerk", agency="县市场监管局"), "Password-1")
    clerk = authenticate(store, "clerk", "Password-1")
    assert [r.case_no for r in cs.list_cases(store, clerk).items] == ["1号"]
    seen = supervision.list_warnings(store, clerk).items
    assert {w.case_no for w in seen if not w.officer} <= {"1号"}
    assert {w.agency_id for w in seen} <= {clerk.agency_id}
    with pytest.raises(PermissionDenied):
        cs.get_case(store, clerk, other.id)
    with pytest.raises(PermissionDenied):
        entry.create_case(
            store, clerk, case("10号", date(2026, 11, 2), officers=("B001",), agency="县交通局")
        )


def test_filters_search_and_sort(store: Store, admin: Actor, county: dict) -> None:
    entry.create_case(store, admin, case("市监罚〔2026〕1号", date(2026, 11, 2), party="城东超市"))
    entry.create_case(
        store,
        admin,
        case("市监检〔2026〕2号", date(2026, 11, 3), category="行政检查", cause="日常检查", party="河西饭店"),
    )
    entry.create_case(
        store,
        admin,
        case(
            "交罚〔2026〕3号",
            date(2026, 7, 3),
            officers=("B001",),
            agency="县交通局",
            cause="超限运输",
            party="某物流公司",
        ),
    )

    def nos(**filters) -> list[str]:  # type: ignore[no-untyped-def]
        search = filters.pop("search", "")
        return [
            r.case_no
            for r in cs.list_cases(
                store, admin, ListQuery(search, tuple(filters.items()), sort="case_no"), AS_OF
            ).items
        ]

    assert nos() == ["交罚〔2026〕3号", "市监检〔2026〕2号", "市监罚〔2026〕1号"]
    assert nos(category="行政检查") == ["市监检〔2026〕2号"]
    assert nos(search="超市") == ["市监罚〔2026〕1号"]
    assert nos(search="超限") == ["交罚〔2026〕3号"]
    assert nos(search="2号") == ["市监检〔2026〕2号"]
    assert nos(filed_from=date(2026, 11, 1), filed_to=date(2026, 11, 2)) == ["市监罚〔2026〕1号"]
    assert nos(warnings=True) == ["交罚〔2026〕3号"]  # overdue and a single officer
    assert nos(code="single_officer") == ["交罚〔2026〕3号"]
    assert nos(overdue=True) == ["交罚〔2026〕3号"]
    row = cs.list_cases(store, admin, ListQuery(filters=(("code", "single_officer"),)), AS_OF).items[0]
    assert row.warning_level == "red" and set(row.warnings) == {"decision_overdue", "single_officer"}


def test_handling_a_warning_is_audited_and_keeps_it_listed_as_handled(
    store: Store, admin: Actor, county: dict
) -> None:
    detail = entry.create_case(store, admin, case("1号", date(2026, 11, 2), officers=("A001",)))
    with pytest.raises(ValidationError):
        supervision.handle_warning(store, admin, detail.id, "single_officer", None, "  ")
    with pytest.raises(NotFound):
        supervision.handle_warning(store, admin, detail.id, "decision_overdue", None, "已处理")
    row = supervision.handle_warning(store, admin, detail.id, "single_officer", None, "已约谈承办单位")
    assert row.handled and row.handled_by == "admin"
    assert supervision.list_warnings(store, admin, CASES).total == 0
    handled = supervision.list_warnings(
        store, admin, ListQuery(filters=(("state", "handled"), ("scope", "cases")))
    ).items
    assert [(w.code, w.handled_note) for w in handled] == [("single_officer", "已约谈承办单位")]
    assert row.handled_by_name == handled[0].handled_by_name == "系统管理员"  # the name, not the login
    shown = cs.get_case(store, admin, detail.id)
    assert [w.handled_by_name for w in shown.warnings if w.handled] == ["系统管理员"]
    assert (shown.updated_by, shown.updated_by_name) == ("admin", "系统管理员")
    assert cs.list_cases(store, admin, ListQuery(filters=(("warnings", True),))).total == 0
    counts = supervision.warning_counts(store, admin, query=CASES)
    assert [(c.code, c.open, c.handled) for c in counts] == [("single_officer", 0, 1)]
    assert list_audit(store, admin, ListQuery(filters=(("action", "handle_warning"),))).total == 1


def test_calendar_overrides_and_limits_change_the_deadlines(store: Store, admin: Actor, county: dict) -> None:
    detail = entry.create_case(store, admin, case("1号", date(2026, 7, 3)))
    holiday = supervision_settings.set_calendar_override(
        store, admin, date(2026, 10, 8), None, False, "地方假日"
    )
    assert cs.get_case(store, admin, detail.id, date(2026, 9, 1)).deadlines[0].due == date(2026, 10, 9)
    assert [o.day for o in supervision_settings.list_calendar_overrides(store, admin)] == [date(2026, 10, 8)]
    supervision_settings.remove_calendar_override(store, admin, date(2026, 10, 8), holiday.version)
    assert cs.get_case(store, admin, detail.id, date(2026, 9, 1)).deadlines[0].due == date(2026, 10, 8)
    assert cs.get_case(store, admin, detail.id, date(2026, 9, 1)).warnings == ()
    shown = supervision_settings.supervision_settings(store, admin)
    supervision_settings.save_limits(store, admin, shown.version, Limits(decision_lead_days=30))
    assert [w.code for w in cs.get_case(store, admin, detail.id, date(2026, 9, 10)).warnings] == [
        "decision_due_soon"
    ]
    assert supervision_settings.supervision_settings(store, admin).limits.decision_lead_days == 30
    with pytest.raises(ValidationError):
        supervision_settings.save_limits(store, admin, shown.version, Limits(service_days=0))


def test_stale_writes_from_another_workstation_are_conflicts(
    store: Store, admin: Actor, county: dict, store_url: str, clock
) -> None:  # type: ignore[no-untyped-def]
    detail = entry.create_case(store, admin, case("1号", date(2026, 11, 2), officers=("A001",)))
    day = date(2026, 10, 8)
    other = Store(store_url, clock=clock)  # a second workstation
    try:
        case_here = cs.get_case(store, admin, detail.id)
        case_there = cs.get_case(other, admin, detail.id)
        # only a suspension is added there: the case's version moves all the same
        periods.add_suspension(other, admin, detail.id, case_there.version, "鉴定", date(2026, 11, 5))
        with pytest.raises(Conflict):
            periods.add_suspension(store, admin, detail.id, case_here.version, "检测", date(2026, 11, 6))
        warning_here = supervision.list_warnings(store, admin, CASES).items[0]
        warning_there = supervision.list_warnings(other, admin, CASES).items[0]
        limits_here = supervision_settings.supervision_settings(store, admin)
        limits_there = supervision_settings.supervision_settings(other, admin)
        supervision.handle_warning(other, admin, detail.id, "single_officer", warning_there.version, "已约谈")
        supervision_settings.save_limits(other, admin, limits_there.version, Limits(decision_lead_days=30))
        supervision_settings.set_calendar_override(other, admin, day, None, False, "地方假日")
        with pytest.raises(Conflict):
            supervision.handle_warning(store, admin, detail.id, "single_officer", warning_here.version, "改")
        with pytest.raises(Conflict):
            supervision_settings.save_limits(store, admin, limits_here.version, Limits(decision_lead_days=20))
        with pytest.raises(Conflict):  # this workstation showed the day without an override
            supervision_settings.set_calendar_override(store, admin, day, None, True, "补班")
        holiday_here = supervision_settings.list_calendar_overrides(store, admin)[0]
        holiday_there = supervision_settings.list_calendar_overrides(other, admin)[0]
        supervision_settings.set_calendar_override(other, admin, day, holiday_there.version, False, "县假日")
        with pytest.raises(Conflict):
            supervision_settings.remove_calendar_override(store, admin, day, holiday_here.version)
    finally:
        other.dispose()
    supervision.forget_computed_warnings(store)
    handled = supervision.list_warnings(store, admin, ListQuery(filters=(("state", "handled"),))).items
    assert [(w.code, w.handled_note, w.version) for w in handled] == [("single_officer", "已约谈", 1)]
    assert supervision_settings.supervision_settings(store, admin).limits.decision_lead_days == 30
    kept = supervision_settings.list_calendar_overrides(store, admin)
    assert [(o.day, o.working, o.note, o.version) for o in kept] == [(day, False, "县假日", 2)]
    assert [p.kind for p in cs.get_case(store, admin, detail.id).suspensions] == ["鉴定"]


def test_deadlines_in_a_year_without_a_holiday_schedule_say_so(
    store: Store, admin: Actor, county: dict
) -> None:
    detail = entry.create_case(store, admin, case("1号", date(2026, 11, 2)))
    assert detail.calendar_notes == (2027,)
    assert cs.list_cases(store, admin).notes == (2027,)
    assert supervision.list_warnings(store, admin, as_of=date(2027, 1, 20)).notes == (2027,)
    supervision_settings.set_calendar_override(store, admin, date(2027, 1, 1), None, False, "元旦")
    assert cs.get_case(store, admin, detail.id).calendar_notes == ()
    assert cs.list_cases(store, admin).notes == ()


def add_historical(store: Store, admin: Actor, data: CaseInput) -> None:
    """A case as an imported register records it (a major decision may lack its review)."""
    with store.unit_of_work() as uow:
        resolved, problems = entry.CaseLookups(uow.session).resolve(data, historical=True)
        assert problems == [] and resolved is not None
        entry.insert_case(uow.session, store, admin, resolved)
        uow.commit()


def test_the_warning_prefilter_never_loses_a_warning(store: Store, admin: Actor, county: dict) -> None:
    """list_warnings narrows the register in SQL first; it must find what the rules find on every case."""
    rng = random.Random(7)
    officers = ["A001", "A002", "A003", "A004"]
    for n in range(150):
        filed = date(2026, 1, 5) + timedelta(days=rng.randrange(320))
        steps = {}
        day = filed
        for name in ("legal_review_on", "decided_on", "served_on", "published_on"):
            if rng.random() < 0.7:
                day += timedelta(days=rng.choice([1, 3, 6, 7, 8, 10, 40, 95]))
                if day <= AS_OF:
                    steps[name] = day
        if "decided_on" not in steps:
            for later in ("served_on", "published_on"):
                steps.pop(later, None)
        category = rng.choice(["行政处罚", "行政处罚", "行政强制", "行政检查"])
        extra = {}
        if category == "行政强制":
            measured = filed + timedelta(days=rng.randrange(5))
            extra = {
                "measures": ("查封",),
                "measure_on": min(measured, AS_OF),
                "measure_extended": rng.random() < 0.3,
            }
            if rng.random() < 0.6:
                extra["measure_released_on"] = min(
                    measured + timedelta(days=rng.choice([10, 29, 30, 31, 45, 61])), AS_OF
                )
        add_historical(
            store,
            admin,
            case(
                f"{n}号",
                filed,
                officers=rng.sample(officers, rng.choice([1, 2, 2, 3])),
                category=category,
                procedure=rng.choice(["简易程序", "普通程序"]) if category == "行政处罚" else None,
                amount=Decimal(rng.choice([50, 200, 201, 3000, 3001])),
                party_type=rng.choice(["自然人", "法人"]),
                major=rng.random() < 0.2,
                **steps,
                **extra,
            ),
        )
    for as_of in (AS_OF, date(2026, 6, 30)):
        with store.reading() as session:
            every = repo.load_facts(session, [])
            expected = {
                (f.case_id, f.code)
                for facts in every
                for f in findings(facts, as_of, Limits(), WorkCalendar())
            }
        listed = supervision.list_warnings(store, admin, replace(CASES, limit=None), as_of).items
        assert {(w.case_id, w.code) for w in listed} == expected
        assert len(expected) > 30
        warned_cases = {case_id for case_id, _code in expected}
        page = cs.list_cases(store, admin, ListQuery(filters=(("warnings", True),), limit=None), as_of)
        assert {r.id for r in page.items} == warned_cases


def test_a_persons_id_number_is_masked_for_roles_that_do_not_need_it(
    store: Store, admin: Actor, county: dict
) -> None:
    number = make_resident_id("341122", date(1990, 5, 6), 7)
    detail = entry.create_case(
        store,
        admin,
        case("1号", date(2026, 11, 2), party="张某", party_type="自然人", party_id_number=number),
    )
    assert detail.party_id_number == number
    create_user(store, admin, UserInput("clerk", "clerk", agency="县市场监管局"), "Password-1")
    clerk = authenticate(store, "clerk", "Password-1")
    shown = cs.get_case(store, clerk, detail.id).party_id_number
    assert shown != number and shown.startswith("341122") and shown.endswith(number[-4:])


def test_a_running_period_ends_and_extensions_are_approved(store: Store, admin: Actor, county: dict) -> None:
    detail = entry.create_case(store, admin, case("1号", date(2026, 7, 3)))
    detail = periods.add_suspension(store, admin, detail.id, detail.version, "检测", date(2026, 8, 1))
    assert detail.deadlines[0].status == "suspended" and detail.warnings == ()
    period = detail.suspensions[0].id
    with pytest.raises(ValidationError):
        periods.end_suspension(store, admin, detail.id, detail.version, period, date(2026, 7, 30))
    detail = periods.end_suspension(store, admin, detail.id, detail.version, period, date(2026, 8, 10))
    assert detail.deadlines[0].due == date(2026, 10, 12)
    detail = periods.approve_extension(store, admin, detail.id, detail.version, "decision", 30)
    assert (
        detail.deadlines[0].due == date(2026, 11, 10) and detail.decision_extension_days == 30
    )  # 07-03 + 120 + 10
    with pytest.raises(ValidationError, match="no 查封"):
        periods.approve_extension(store, admin, detail.id, detail.version, "seizure")
    seized = entry.create_case(
        store,
        admin,
        case("2号", date(2026, 10, 9), category="行政强制", measures=("扣押",), measure_on=date(2026, 10, 9)),
    )
    assert [w.code for w in seized.warnings] == ["seizure_overdue"]
    seized = periods.approve_extension(store, admin, seized.id, seized.version, "seizure")
    assert seized.measure_extended and seized.warnings == ()
    actions = {r.action for r in list_audit(store, admin, ListQuery(filters=(("entity", "case"),))).items}
    assert {"suspend", "end_suspension", "approve_extension"} <= actions


def test_computed_warnings_are_kept_for_paging_and_forgotten_on_a_change_or_refresh(
    store: Store, admin: Actor, county: dict, store_url: str, clock
) -> None:  # type: ignore[no-untyped-def]
    detail = entry.create_case(store, admin, case("1号", date(2026, 11, 2), officers=("A001",)))
    assert supervision.list_warnings(store, admin, CASES).total == 1
    other = Store(store_url, clock=clock)  # another workstation on the same store
    try:
        supervision.handle_warning(other, admin, detail.id, "single_officer", None, "已约谈")
    finally:
        other.dispose()
    assert supervision.list_warnings(store, admin, CASES).total == 1  # kept: paging does not recompute
    supervision.forget_computed_warnings(store)  # F5
    assert supervision.list_warnings(store, admin, CASES).total == 0
    entry.create_case(store, admin, case("2号", date(2026, 11, 2), officers=("A002",)))
    assert supervision.list_warnings(store, admin, CASES).total == 1  # this program's own change: at once


def test_dossiers_are_attached_then_replaced_audited_and_only_in_scope(
    store: Store, admin: Actor, county: dict
) -> None:
    mine = entry.create_case(store, admin, case("1号", date(2026, 11, 2)))
    other = entry.create_case(
        store, admin, case("9号", date(2026, 11, 2), officers=("B001",), agency="县交通局")
    )
    assert documents.attach_dossiers(store, admin, [DossierFile(mine.id, "/a/1号.pdf", 12)]) == 1
    assert documents.attach_dossiers(store, admin, [DossierFile(mine.id, "/b/1号.pdf", 14)]) == 1
    shown = cs.get_case(store, admin, mine.id, AS_OF).documents
    assert [(d.kind, d.title, d.path, d.pages) for d in shown] == [("dossier", "卷宗", "/b/1号.pdf", 14)]
    records = list_audit(store, admin, ListQuery(filters=(("action", "attach_document"),))).items
    assert len(records) == 2 and all(r.summary == "1号 卷宗" for r in records)
    create_user(store, admin, UserInput("clerk", "clerk", agency="县市场监管局"), "Password-1")
    clerk = authenticate(store, "clerk", "Password-1")
    with pytest.raises(PermissionDenied):
        documents.attach_dossiers(store, clerk, [DossierFile(other.id, "/c/9号.pdf", 3)])
    with pytest.raises(NotFound):
        documents.attach_dossiers(store, admin, [DossierFile(other.id + 100, "/c/x.pdf", 3)])
    assert cs.get_case(store, admin, other.id, AS_OF).documents == ()
    assert verify_chain(store).ok
