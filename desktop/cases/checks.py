"""What makes a case's input acceptable (pure functions): required fields, the statutory lists,
the order of its dates, the 证件号码 check digits, and the stage its dates put it at. The
new-case and record-stage dialogs and the register import check the same rules; each broken
rule is a ``Problem`` naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.cases import terms
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import is_valid_credit_code, is_valid_resident_id
from desktop.core.validation import Problem, date_problems, shown, text_problems

# ------------------------------------------------------------------------------ stages and order


def stage_of(dates: Mapping[str, date | None]) -> str:
    """The last step recorded: the latest stage (in statutory order) that has a date."""
    current = "filed"
    for stage in terms.STAGES:
        if dates.get(terms.STAGE_COLUMNS[stage]) is not None:
            current = stage
    return current


_BEFORE_FILED = QT_TRANSLATE_NOOP(
    "errors", "{later} ({later_date}) cannot be before {earlier} ({earlier_date})."
)
_WITHOUT = QT_TRANSLATE_NOOP("errors", "{later} is recorded but {earlier} is not.")

_ORDER_RULES: tuple[tuple[str, str, bool], ...] = (
    # (earlier, later, later requires earlier)
    ("discovered", "filed", False),
    ("filed", "investigated", False),
    ("filed", "legal_review", False),
    ("filed", "decided", False),
    ("filed", "closed", False),
    ("decided", "served", True),
    ("decided", "published", True),
    ("decided", "executed", True),
    ("filed", "measure", False),
    ("measure", "measure_released", True),
)


def date_order_problems(dates: Mapping[str, date | None]) -> list[Problem]:
    """Impossible orders of a case's dates (FORMATS.md §1); late or missing steps are not errors.

    ``dates`` maps ``filed_on``, ``decided_on``, ``measure_on`` … to dates. Each problem names
    the later field.
    """
    problems: list[Problem] = []
    for earlier, later, required in _ORDER_RULES:
        e, lt = dates.get(f"{earlier}_on"), dates.get(f"{later}_on")
        if lt is None:
            continue
        params = (("later", _title(later)), ("earlier", _title(earlier)))
        if e is None:
            if required:
                problems.append(Problem(f"{later}_on", _WITHOUT, params))
            continue
        if lt < e:
            problems.append(
                Problem(
                    f"{later}_on",
                    _BEFORE_FILED,
                    (*params, ("later_date", lt.isoformat()), ("earlier_date", e.isoformat())),
                )
            )
    return problems


def _title(stage: str) -> str:
    return terms.stage_title(stage)


# ------------------------------------------------------------------------------ a case's input

CASE_LIMITS: dict[str, int] = {
    "case_no": 60,
    "cause": 200,
    "party": 120,
    "legal_basis": 2000,
    "power_code": 40,
    "target_code": 18,
}
"""The longest text each field may have: its store column's length (``models.cases``); the
法律依据 column has none, this is the most a register's cell sensibly holds."""
_NUMBERS_AND_NAMES = frozenset({"case_no", "party"})
"""Fields that name or number something: no invisible or control character at all."""
AMOUNT_LIMIT = Decimal("999999999999.99")
"""The largest 罚没金额 the store holds (``Numeric(14, 2)``)."""
DOSSIER_PATH_LIMIT = 500
"""The longest dossier path the store holds."""

REQUIRED = QT_TRANSLATE_NOOP("errors", "{field} is required.")
_TWICE = QT_TRANSLATE_NOOP("errors", "{value} is listed twice.")
_NOT_ONE_OF = QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}.")
NO_LEGAL_REVIEW = QT_TRANSLATE_NOOP(
    "errors", "A major enforcement decision cannot be made without a legal review (未经法制审核不得作出决定)."
)

FIELD_TITLES = {
    "case_no": "案号",
    "agency": "执法主体",
    "category": "案件类别",
    "procedure": "程序类型",
    "source": "案件来源",
    "cause": "案由",
    "party": "当事人",
    "party_type": "当事人类型",
    "party_id_number": "证件号码",
    "measures": "强制措施",
    "measure_on": "强制措施日期",
    "measure_released_on": "强制措施解除日期",
    "measure_extended": "延长期限",
    "penalty_kinds": "处罚种类",
    "amount": "罚没金额",
    "major": "重大执法决定",
    "officers": "承办人员",
    "legal_basis": "法律依据",
    "power_code": "事项编码",
    "discretion_band": "裁量档次",
    "target_code": "检查对象代码",
    "dossier": "卷宗",
    **{f"{stage}_on": header for stage, header in terms.STAGE_HEADERS.items()},
}
"""Each input field's column in the register workbook (FORMATS.md §1) — also its label."""


def clean_case(
    data: Any, *, historical: bool = False, today: date | None = None
) -> tuple[Any, list[Problem]]:
    """Trim a ``CaseInput`` and list what is wrong with it (lookups in the store come later).

    ``historical`` (an imported register records what happened): a major decision without a
    legal review is recorded and warned about instead of refused. Every text is checked against
    its store column, every date against the plausible years around ``today``.
    """

    def text(value: str | None) -> str | None:
        value = (value or "").strip()
        return value or None

    data = replace(
        data,
        case_no=text(data.case_no) or "",
        cause=text(data.cause) or "",
        party=text(data.party) or "",
        procedure=text(data.procedure),
        source=text(data.source),
        party_type=text(data.party_type),
        party_id_number=(text(data.party_id_number) or "").upper() or None,
        legal_basis=text(data.legal_basis),
        dossier=text(data.dossier),
        category=text(data.category) or "",
        power_code=text(data.power_code),
        discretion_band=text(data.discretion_band),
        target_code=(text(data.target_code) or "").upper() or None,
    )
    problems: list[Problem] = []
    for name in ("case_no", "category", "cause", "party", "filed_on"):
        if not getattr(data, name):
            problems.append(Problem(name, REQUIRED, (("field", FIELD_TITLES[name]),)))
    if not data.officers:
        problems.append(Problem("officers", REQUIRED, (("field", FIELD_TITLES["officers"]),)))
    for name, limit in CASE_LIMITS.items():
        problems += text_problems(name, getattr(data, name), limit, strict=name in _NUMBERS_AND_NAMES)
    for name in ("agency", "party_id_number"):
        value = getattr(data, name)
        problems += text_problems(name, value if isinstance(value, str) else None, None)
    for name, day in input_dates(data).items():
        problems += date_problems(name, day, today or date.today())
    choices = (
        ("category", terms.CATEGORIES),
        ("procedure", terms.PROCEDURES),
        ("source", terms.SOURCES),
        ("party_type", terms.PARTY_TYPES),
        ("discretion_band", terms.DISCRETION_BANDS),
    )
    for name, allowed in choices:
        value = getattr(data, name)
        if value and value not in allowed:
            problems.append(
                Problem(name, _NOT_ONE_OF, (("value", shown(value)), ("allowed", "、".join(allowed))))
            )
    problems += list_problems("measures", data.measures, terms.MEASURES)
    problems += list_problems("penalty_kinds", data.penalty_kinds, terms.PENALTY_KINDS)
    if data.category == terms.PENALTY and not data.procedure:
        problems.append(
            Problem(
                "procedure",
                QT_TRANSLATE_NOOP("errors", "A 行政处罚 case needs its procedure (简易程序 or 普通程序)."),
                (),
            )
        )
    if data.category == terms.COERCION and not data.measures:
        problems.append(
            Problem(
                "measures",
                QT_TRANSLATE_NOOP("errors", "A 行政强制 case needs its coercive measures (强制措施)."),
                (),
            )
        )
    if data.measures and data.measure_on is None:
        problems.append(Problem("measure_on", REQUIRED, (("field", FIELD_TITLES["measure_on"]),)))
    problems += amount_problems(data.amount)
    problems += power_problems(data)
    id_problem = party_id_problem(data.party_id_number, data.party_type)
    if id_problem is not None:
        problems.append(id_problem)
    problems += date_order_problems(input_dates(data))
    if (
        not historical
        and data.major
        and data.decided_on is not None
        and (data.legal_review_on is None or data.legal_review_on > data.decided_on)
    ):
        problems.append(Problem("decided_on", NO_LEGAL_REVIEW, ()))
    return data, problems


def power_problems(data: Any) -> list[Problem]:
    """A band without its power, and a 检查对象代码 that is no 统一社会信用代码."""
    problems = []
    if data.discretion_band and not data.power_code:
        problems.append(
            Problem(
                "discretion_band",
                QT_TRANSLATE_NOOP("errors", "A 裁量档次 needs the power it belongs to (事项编码)."),
                (),
            )
        )
    if data.target_code and not is_valid_credit_code(data.target_code):
        problems.append(
            Problem(
                "target_code",
                QT_TRANSLATE_NOOP("errors", "{value} is not a valid 统一社会信用代码."),
                (("value", shown(data.target_code)),),
            )
        )
    return problems


def list_problems(field: str, values: Sequence[str], allowed: Sequence[str]) -> list[Problem]:
    """Each value of a multi-value field that is not in its statutory list, or is there twice."""
    problems = [
        Problem(field, _NOT_ONE_OF, (("value", shown(v)), ("allowed", "、".join(allowed))))
        for v in values
        if v not in allowed
    ]
    problems += [
        Problem(field, _TWICE, (("value", v),))
        for i, v in enumerate(values)
        if v in allowed and v in values[:i]
    ]
    return problems


def amount_problems(amount: Decimal | None) -> list[Problem]:
    """罚没金额: yuan, zero or more, at most two decimals, no more than the store holds."""
    if amount is None:
        return []
    if amount.is_finite() and amount > AMOUNT_LIMIT:
        return [
            Problem(
                "amount",
                QT_TRANSLATE_NOOP("errors", "The amount cannot be more than {limit} yuan."),
                (("limit", f"{AMOUNT_LIMIT:,}"),),
            )
        ]
    if amount.is_finite() and amount >= 0 and amount == amount.quantize(Decimal("0.01")):
        return []
    return [
        Problem(
            "amount",
            QT_TRANSLATE_NOOP("errors", "The amount must be zero or more yuan with at most two decimals."),
            (),
        )
    ]


def input_dates(data: Any) -> dict[str, date | None]:
    """The dates of a case input (or row) keyed like ``date_order_problems`` expects."""
    names = [f"{s}_on" for s in ("discovered", *terms.STAGES, "measure", "measure_released")]
    return {name: getattr(data, name, None) for name in names}


def party_id_problem(number: str | None, party_type: str | None) -> Problem | None:
    """A wrong 证件号码: neither a valid 居民身份证号 nor a valid 统一社会信用代码."""
    if not number:
        return None
    if len(number) != 18:
        return Problem(
            "party_id_number",
            QT_TRANSLATE_NOOP(
                "errors",
                "{number} is neither an 18-digit resident ID number nor an 18-character credit code.",
            ),
            (("number", shown(number)),),
        )
    if party_type == "自然人" and not is_valid_resident_id(number):
        return Problem(
            "party_id_number",
            QT_TRANSLATE_NOOP("errors", "{number} is not a valid resident ID number (wrong check digit)."),
            (("number", number),),
        )
    if party_type in ("法人", "其他组织") and not is_valid_credit_code(number):
        return Problem(
            "party_id_number",
            QT_TRANSLATE_NOOP(
                "errors", "{number} is not a valid unified social credit code (wrong check character)."
            ),
            (("number", number),),
        )
    if not (is_valid_resident_id(number) or is_valid_credit_code(number)):
        return Problem(
            "party_id_number",
            QT_TRANSLATE_NOOP(
                "errors", "{number} fails the check digit of both a resident ID number and a credit code."
            ),
            (("number", number),),
        )
    return None
