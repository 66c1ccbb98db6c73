"""Issue 16 (hardening), the pure part: every field checked against what the store holds, no
invisible characters in names and numbers, plausible years, plain amounts, rubric values, and
refusals that say what is wrong in words (no codes, no whole 100,000-character cells)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from desktop.cases.checks import AMOUNT_LIMIT, CASE_LIMITS, DOSSIER_PATH_LIMIT, amount_problems, clean_case
from desktop.cases.dto import CaseInput
from desktop.core import i18n
from desktop.core.characters import control_character, invisible_character
from desktop.core.clock import EARLIEST_YEAR, YEARS_AHEAD, is_plausible, plausible_years
from desktop.core.errors import PermissionDenied
from desktop.core.identifiers import make_resident_id
from desktop.core.security import PERMISSION_TITLES, Actor, Permission, Role, require
from desktop.io.xlsx import CellError, parse_money
from desktop.models import Agency, Case, CaseDocument, Certificate, Officer, Rubric
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.rules import AGENCY_LIMITS, OFFICER_LIMITS, clean_agency, clean_officer
from desktop.review.rubric_checks import CODE_LIMIT, NAME_LIMIT, POINTS_LIMIT, rubric_problems

TODAY = date(2026, 11, 23)
PERSON = make_resident_id("341122", date(1980, 1, 1), 7)
ZWSP, RLO, NUL, BEL = "\u200b", "\u202e", "\x00", "\x07"


def a_case(**values: Any) -> CaseInput:
    fields: dict[str, Any] = {
        "case_no": "X市监检〔2026〕1号",
        "agency": "县市场监管局",
        "category": "行政检查",
        "cause": "日常检查",
        "party": "某某商店",
        "filed_on": date(2026, 6, 1),
        "officers": ("A-001", "A-002"),
    }
    fields.update(values)
    return CaseInput(**fields)


def fields_of(problems: list) -> list[str]:
    return [p.field for p in problems]


# ------------------------------------------------------------------------------ limits = columns


def test_the_limits_are_the_store_columns() -> None:
    assert AGENCY_LIMITS == {
        "name": Agency.__table__.c.name.type.length,
        "short_name": Agency.__table__.c.short_name.type.length,
    }
    for field, limit in OFFICER_LIMITS.items():
        table = Certificate.__table__ if field == "cert_number" else Officer.__table__
        assert limit == table.c["number" if field == "cert_number" else field].type.length, field
    for field in ("case_no", "cause", "party"):
        assert CASE_LIMITS[field] == Case.__table__.c[field].type.length, field
    assert DOSSIER_PATH_LIMIT == CaseDocument.__table__.c.path.type.length
    amount = Case.__table__.c.amount.type
    assert AMOUNT_LIMIT == Decimal(10) ** (amount.precision - amount.scale) - Decimal("0.01")
    assert (
        CODE_LIMIT == Rubric.__table__.c.code.type.length
        and NAME_LIMIT == Rubric.__table__.c.name.type.length
    )


@pytest.mark.parametrize(
    ("field", "length"),
    [("case_no", 5_000), ("cause", 32_000), ("party", 100_000), ("legal_basis", 40_000)],
)
def test_a_case_text_longer_than_its_column_is_refused_without_echoing_it(field: str, length: int) -> None:
    value = "案" * length
    _data, problems = clean_case(a_case(**{field: value}), today=TODAY)
    assert fields_of(problems) == [field]
    message = problems[0].message()
    assert str(CASE_LIMITS[field]) in message and str(length) in message and value[:40] not in message


def test_a_case_text_as_long_as_its_column_is_accepted() -> None:
    texts = {f: "案" * n for f, n in CASE_LIMITS.items() if f != "target_code"}  # a code, checked as one
    _data, problems = clean_case(a_case(**texts), today=TODAY)
    assert problems == []


def test_amounts_beyond_the_store_are_refused() -> None:
    assert amount_problems(AMOUNT_LIMIT) == []
    assert fields_of(amount_problems(Decimal("1e20"))) == ["amount"]
    assert fields_of(amount_problems(AMOUNT_LIMIT + Decimal("0.01"))) == ["amount"]
    assert fields_of(amount_problems(Decimal("1" * 60))) == ["amount"]
    _data, problems = clean_case(a_case(amount=Decimal("1e20")), today=TODAY)
    assert fields_of(problems) == ["amount"]


def test_a_multi_value_listed_again_and_again_is_refused() -> None:
    _data, problems = clean_case(a_case(penalty_kinds=("警告",) * 50), today=TODAY)
    assert set(fields_of(problems)) == {"penalty_kinds"}


def test_long_agency_and_officer_fields_are_refused() -> None:
    _a, problems = clean_agency(AgencyInput("局" * 100_000, "局" * 61))
    assert fields_of(problems) == ["name", "short_name"]
    officer = OfficerInput(
        "张" * 100_000,
        PERSON,
        "县市场监管局",
        position="职" * 41,
        category="类" * 41,
        region="区" * 61,
        cert_number="A" * 41,
        cert_issued_on=date(2020, 1, 1),
        cert_expires_on=date(2030, 1, 1),
    )
    _o, problems = clean_officer(officer, TODAY)
    assert fields_of(problems) == ["name", "position", "category", "region", "cert_number"]


def test_long_choices_and_numbers_are_quoted_shortly() -> None:
    _a, problems = clean_agency(AgencyInput("某局", field="领" * 100_000, credit_code="9" * 100_000))
    assert len(problems) == 2 and all(len(p.message()) < 300 for p in problems)
    _o, problems = clean_officer(OfficerInput("张三", "1" * 100_000, "县局"), TODAY)
    assert fields_of(problems) == ["id_number"] and len(problems[0].message()) < 300


# ------------------------------------------------------------------------------ invisible characters


@pytest.mark.parametrize("bad", [ZWSP, RLO, NUL, BEL, "\u2066", "\ufeff", "\u2028", "\x1b"])
def test_names_and_case_numbers_refuse_invisible_characters(bad: str) -> None:
    for field in ("case_no", "party"):
        _data, problems = clean_case(a_case(**{field: f"某某{bad}商店"}), today=TODAY)
        assert fields_of(problems) == [field], (field, repr(bad))
        assert f"U+{ord(bad):04X}" in problems[0].message()
    _a, problems = clean_agency(AgencyInput(f"示范县{bad}水利局", f"县{bad}水利局"))
    assert fields_of(problems) == ["name", "short_name"]
    _o, problems = clean_officer(OfficerInput(f"张{bad}三", PERSON, "县局"), TODAY)
    assert fields_of(problems) == ["name"]


def test_free_text_keeps_line_breaks_but_not_control_characters() -> None:
    _data, problems = clean_case(
        a_case(cause="日常检查\n复查\t一次", legal_basis="第一条\r\n第二条"), today=TODAY
    )
    assert problems == []
    _data, problems = clean_case(a_case(cause=f"日常{NUL}检查"), today=TODAY)
    assert fields_of(problems) == ["cause"]


def test_the_character_helpers() -> None:
    assert invisible_character("示范县水利局") is None and invisible_character(None) is None
    assert invisible_character(f"a{ZWSP}b") == "U+200B" and invisible_character(f"a{RLO}") == "U+202E"
    assert control_character("a\tb\nc\r") is None and control_character(f"a{NUL}") == "U+0000"
    assert control_character(f"a{ZWSP}") is None  # free text may quote anything printable


# ------------------------------------------------------------------------------ plausible years


def test_the_plausible_years() -> None:
    assert plausible_years(TODAY) == (EARLIEST_YEAR, 2026 + YEARS_AHEAD) == (1990, 2031)
    assert is_plausible(date(1990, 1, 1), TODAY) and is_plausible(date(2031, 12, 31), TODAY)
    assert not is_plausible(date(1989, 12, 31), TODAY) and not is_plausible(date(2032, 1, 1), TODAY)
    assert not is_plausible(date(1, 1, 1), TODAY) and not is_plausible(date(9999, 12, 31), TODAY)


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1900, 1, 1), date(9999, 12, 31), date(2040, 1, 1)])
def test_case_and_certificate_dates_outside_the_plausible_years_are_refused(day: date) -> None:
    _data, problems = clean_case(a_case(filed_on=day, discovered_on=day), today=TODAY)
    assert {"filed_on", "discovered_on"} <= set(fields_of(problems))
    assert f"{day.isoformat()} is outside the years 1990 to 2031." in [p.message() for p in problems]
    officer = OfficerInput("张三", PERSON, "县局", cert_number="A-1", cert_issued_on=day)
    _o, problems = clean_officer(officer, TODAY)
    assert "cert_issued_on" in fields_of(problems)


# ------------------------------------------------------------------------------ amounts


@pytest.mark.parametrize(
    ("value", "amount"),
    [("12,500.00", "12500.00"), ("1,234,567.5", "1234567.50"), ("12500", "12500.00"), ("0", "0.00")],
)
def test_plain_amounts_are_read(value: str, amount: str) -> None:
    assert str(parse_money(value)) == amount


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1,2,3,4", "not an amount (use e.g. 1234.50)"),
        ("12,50", "not an amount (use e.g. 1234.50)"),
        ("1234,567", "not an amount (use e.g. 1234.50)"),
        (",125", "not an amount (use e.g. 1234.50)"),
        ("1e3", "not an amount (use e.g. 1234.50)"),
        ("1E3", "not an amount (use e.g. 1234.50)"),
        ("+5", "not an amount (use e.g. 1234.50)"),
        (".5", "not an amount (use e.g. 1234.50)"),
        ("１２", "not an amount (use e.g. 1234.50)"),
        ("12 500", "not an amount (use e.g. 1234.50)"),
        ("-0", "must not be negative"),
        ("-0.00", "must not be negative"),
        ("1.005", "at most two decimals"),
    ],
)
def test_other_amounts_are_refused(value: str, message: str) -> None:
    with pytest.raises(CellError) as info:
        parse_money(value)
    assert info.value.english() == message


# ------------------------------------------------------------------------------ rubric values


def rubric(code: str = "XZCF-2026", deduction_code: str = "2.2.a", points: Any = 4) -> dict:
    return {
        "code": code,
        "name": "行政处罚案卷评查标准",
        "applies_to": ["行政处罚"],
        "total": points,
        "bands": [{"name": "合格", "min": 0}],
        "sections": [
            {
                "code": "2",
                "title": "案卷卷面",
                "items": [
                    {
                        "code": "2.2",
                        "title": "按文书规范填写",
                        "points": points,
                        "deductions": [{"code": deduction_code, "text": "漏项", "kind": "full"}],
                    }
                ],
            }
        ],
    }


def test_a_rubric_is_valid_as_written() -> None:
    assert rubric_problems(rubric()) == []


def test_rubric_codes_are_checked_for_length_and_invisible_characters() -> None:
    problems = rubric_problems(rubric(code="X" * 10_000))
    assert [p.path for p in problems] == ["code"] and "10000" in problems[0].english()
    problems = rubric_problems(rubric(deduction_code=f"2.2{NUL}a"))
    assert [p.path for p in problems] == ["sections[0].items[0].deductions[0].code"]
    assert "U+0000" in problems[0].english()
    assert rubric_problems(rubric(code="X" * CODE_LIMIT)) == []


def test_rubric_points_beyond_what_a_score_holds_are_refused() -> None:
    problems = rubric_problems(rubric(points=10**4000))
    assert {p.path for p in problems} == {"total", "sections[0].items[0].points"}
    assert rubric_problems(rubric(points=POINTS_LIMIT)) == []


# ------------------------------------------------------------------------------ words, not codes


def test_every_permission_has_words() -> None:
    assert set(PERMISSION_TITLES) == set(Permission)


def test_a_refusal_names_the_role_and_the_permission_in_words() -> None:
    actor = Actor(7, "jiandu", "监督员", Role.AGENCY, agency_id=1)
    with pytest.raises(PermissionDenied) as info:
        require(actor, Permission.MANAGE_USERS)
    assert info.value.english() == "User jiandu (Agency user) may not do this: manage user accounts."
    i18n.set_language("zh_CN")
    chinese = info.value.localized()
    assert "manage" not in chinese and "agency" not in chinese.lower() and "用户账号" in chinese
