"""Every warning code of CLI.md, each with the near misses that must not warn (no store)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.cases.calendar import WorkCalendar
from desktop.cases.checks import clean_case, date_order_problems, stage_of
from desktop.cases.dto import CaseInput
from desktop.cases.rules import CaseFacts, Limits, findings
from desktop.core.identifiers import make_credit_code, make_resident_id

AS_OF = date(2026, 11, 23)


def facts(**kw) -> CaseFacts:  # type: ignore[no-untyped-def]
    base = {
        "id": 1,
        "case_no": "罚1",
        "agency_id": 1,
        "agency": "局",
        "category": "行政处罚",
        "procedure": "普通程序",
        "party_type": "法人",
        "party_id_number": None,
        "filed_on": date(2026, 11, 2),
        "officer_count": 2,
    }
    return CaseFacts(**{**base, **kw})


def codes(f: CaseFacts, as_of: date = AS_OF, limits: Limits = Limits()) -> set[str]:
    return {w.code for w in findings(f, as_of, limits, WorkCalendar())}


def test_a_clean_case_has_no_warning() -> None:
    assert codes(facts()) == set()


# 2026-07-03 + 90 days → due 2026-10-08 (National Day roll).
@pytest.mark.parametrize(
    ("decided", "as_of", "expected"),
    [
        (None, date(2026, 10, 9), {"decision_overdue"}),
        (None, date(2026, 10, 8), {"decision_due_soon"}),
        (None, date(2026, 9, 23), {"decision_due_soon"}),
        (None, date(2026, 9, 22), set()),
        (date(2026, 10, 8), date(2026, 10, 9), set()),
        (date(2026, 10, 9), date(2026, 10, 10), {"decision_overdue"}),
    ],
)
def test_decision_overdue_and_due_soon(decided: date | None, as_of: date, expected: set[str]) -> None:
    f = facts(filed_on=date(2026, 7, 3), decided_on=decided, served_on=decided, published_on=decided)
    assert codes(f, as_of) == expected


def test_the_decision_lead_time_is_a_setting() -> None:
    f = facts(filed_on=date(2026, 7, 3))
    assert codes(f, date(2026, 9, 20), Limits(decision_lead_days=20)) == {"decision_due_soon"}


def test_summary_and_non_penalty_cases_have_no_decision_deadline() -> None:
    assert codes(facts(filed_on=date(2026, 1, 5), procedure="简易程序")) == set()
    assert codes(facts(filed_on=date(2026, 1, 5), category="行政检查", procedure=None)) == set()


# Decided 2026-11-02 (Monday): served by 11-09; published by the 7th working day 11-11.
@pytest.mark.parametrize(
    ("served", "as_of", "expected"),
    [
        (date(2026, 11, 9), AS_OF, set()),
        (date(2026, 11, 10), AS_OF, {"service_overdue"}),
        (None, date(2026, 11, 9), set()),
        (None, date(2026, 11, 10), {"service_overdue"}),
    ],
)
def test_service_overdue(served: date | None, as_of: date, expected: set[str]) -> None:
    f = facts(
        filed_on=date(2026, 10, 1),
        decided_on=date(2026, 11, 2),
        served_on=served,
        published_on=date(2026, 11, 3),
    )
    assert codes(f, as_of) == expected


@pytest.mark.parametrize(
    ("published", "procedure", "expected"),
    [
        (date(2026, 11, 11), "普通程序", set()),
        (date(2026, 11, 12), "普通程序", {"publicity_overdue"}),
        (None, "普通程序", {"publicity_overdue"}),
        (None, "简易程序", set()),
    ],
)
def test_publicity_overdue(published: date | None, procedure: str, expected: set[str]) -> None:
    f = facts(
        filed_on=date(2026, 10, 1),
        procedure=procedure,
        decided_on=date(2026, 11, 2),
        served_on=date(2026, 11, 2),
        published_on=published,
    )
    assert codes(f) == expected


# A 查封 on 2026-10-09 must be handled by 11-08 (a Sunday) → 11-09; 60 days → 12-08.
@pytest.mark.parametrize(
    ("released", "extended", "as_of", "expected"),
    [
        (date(2026, 11, 9), False, AS_OF, set()),
        (date(2026, 11, 10), False, AS_OF, {"seizure_overdue"}),
        (None, False, date(2026, 11, 9), set()),
        (None, False, date(2026, 11, 10), {"seizure_overdue"}),
        (None, True, AS_OF, set()),
    ],
)
def test_seizure_overdue(released: date | None, extended: bool, as_of: date, expected: set[str]) -> None:
    f = facts(
        category="行政强制",
        procedure=None,
        filed_on=date(2026, 10, 9),
        measures=("查封", "扣押"),
        measure_on=date(2026, 10, 9),
        measure_released_on=released,
        measure_extended=extended,
    )
    assert codes(f, as_of) == expected


def test_a_decision_handles_a_seizure_too() -> None:
    f = facts(
        category="行政强制",
        procedure=None,
        filed_on=date(2026, 10, 9),
        measures=("扣押",),
        measure_on=date(2026, 10, 9),
        decided_on=date(2026, 11, 5),
        served_on=date(2026, 11, 5),
    )
    assert codes(f) == set()


@pytest.mark.parametrize(
    ("count", "expected"), [(0, {"single_officer"}), (1, {"single_officer"}), (2, set())]
)
def test_single_officer(count: int, expected: set[str]) -> None:
    assert codes(facts(officer_count=count)) == expected


def test_uncertified_officer_names_the_officers() -> None:
    warned = findings(facts(uncertified=("张三",)), AS_OF, Limits(), WorkCalendar())
    assert [w.code for w in warned] == ["uncertified_officer"]
    assert "张三" in warned[0].message()


@pytest.mark.parametrize(
    ("review", "decided", "major", "expected"),
    [
        (None, date(2026, 11, 10), True, {"missing_legal_review"}),
        (date(2026, 11, 11), date(2026, 11, 10), True, {"missing_legal_review"}),
        (date(2026, 11, 10), date(2026, 11, 10), True, set()),
        (None, date(2026, 11, 10), False, set()),
        (None, None, True, set()),
    ],
)
def test_missing_legal_review(
    review: date | None, decided: date | None, major: bool, expected: set[str]
) -> None:
    f = facts(
        major=major, legal_review_on=review, decided_on=decided, served_on=decided, published_on=decided
    )
    assert codes(f) == expected


@pytest.mark.parametrize(
    ("party_type", "id_number", "amount", "expected"),
    [
        ("自然人", None, "200", set()),
        ("自然人", None, "200.01", {"summary_over_limit"}),
        ("法人", None, "3000", set()),
        ("其他组织", None, "3000.50", {"summary_over_limit"}),
        (None, make_credit_code("91341122MA2N0000X"), "2000", set()),
        (None, make_resident_id("341122", date(1990, 1, 1), 3), "2000", {"summary_over_limit"}),
    ],
)
def test_summary_over_limit(
    party_type: str | None, id_number: str | None, amount: str, expected: set[str]
) -> None:
    f = facts(
        procedure="简易程序",
        party_type=party_type,
        party_id_number=id_number,
        decided_on=date(2026, 11, 2),
        served_on=date(2026, 11, 2),
        amount=Decimal(amount),
    )
    assert codes(f) == expected


def test_a_case_filed_after_the_as_of_date_is_not_yet_on_the_register() -> None:
    assert codes(facts(officer_count=1), date(2026, 11, 1)) == set()


def test_levels_yellow_approaching_red_missed() -> None:
    soon = findings(facts(filed_on=date(2026, 7, 3)), date(2026, 10, 1), Limits(), WorkCalendar())
    late = findings(
        facts(filed_on=date(2026, 7, 3), officer_count=1), date(2026, 10, 9), Limits(), WorkCalendar()
    )
    assert [(w.code, w.level, w.due) for w in soon] == [("decision_due_soon", "yellow", date(2026, 10, 8))]
    assert {(w.code, w.level) for w in late} == {("decision_overdue", "red"), ("single_officer", "red")}


def test_impossible_date_orders_are_named_by_field() -> None:
    problems = date_order_problems(
        {
            "discovered_on": date(2026, 3, 2),
            "filed_on": date(2026, 3, 1),
            "decided_on": date(2026, 2, 1),
            "served_on": date(2026, 1, 1),
            "measure_on": date(2026, 3, 5),
            "measure_released_on": date(2026, 3, 4),
        }
    )
    assert [p.field for p in problems] == ["filed_on", "decided_on", "served_on", "measure_released_on"]
    assert (
        date_order_problems({"filed_on": date(2026, 3, 1), "published_on": date(2026, 3, 5)})[0].field
        == "published_on"
    )  # published without a decision


def test_stage_is_the_last_step_recorded() -> None:
    assert stage_of({"filed_on": date(2026, 1, 1)}) == "filed"
    assert (
        stage_of(
            {"filed_on": date(2026, 1, 1), "decided_on": date(2026, 2, 1), "served_on": date(2026, 2, 2)}
        )
        == "served"
    )


def test_a_major_decision_without_review_is_refused_on_entry_but_recorded_on_import() -> None:
    data = CaseInput(
        "罚1",
        "局",
        "行政处罚",
        "案由",
        "当事人",
        date(2026, 1, 1),
        ("甲", "乙"),
        procedure="普通程序",
        major=True,
        decided_on=date(2026, 2, 1),
    )
    assert [p.field for p in clean_case(data)[1]] == ["decided_on"]
    assert clean_case(data, historical=True)[1] == []


def test_case_input_rules() -> None:
    data = CaseInput(
        " ",
        "局",
        "行政处罚",
        "案由",
        "当事人",
        None,
        (),
        party_type="自然人",
        party_id_number="341122199001010000",
        penalty_kinds=("罚金",),
        amount=Decimal("1.234"),
    )
    fields = [p.field for p in clean_case(data)[1]]
    assert fields == [
        "case_no",
        "filed_on",
        "officers",
        "penalty_kinds",
        "procedure",
        "amount",
        "party_id_number",
    ]


def test_footage_missing_on_a_closed_ordinary_penalty_found_on_inspection_without_linked_footage() -> None:
    done = {
        "decided_on": date(2026, 11, 2),
        "served_on": date(2026, 11, 2),
        "published_on": date(2026, 11, 2),
        "closed_on": date(2026, 11, 10),
        "source": "监督检查",
        "discovered_on": date(2026, 11, 1),
    }
    assert codes(facts(**done)) == {"footage_missing"}
    assert codes(facts(**done, footage=1)) == set()
    assert codes(facts(**{**done, "source": "投诉举报"})) == set()
    assert codes(facts(**{**done, "procedure": "简易程序"})) == set()
    assert codes(facts(**done), as_of=date(2026, 11, 9)) == set()  # not yet closed then
    lead = Limits(footage_lead_days=30)
    assert codes(facts(**done), limits=lead) == set()  # the footage has until 2026-12-01
    assert codes(facts(**done), as_of=date(2026, 12, 1), limits=lead) == {"footage_missing"}
