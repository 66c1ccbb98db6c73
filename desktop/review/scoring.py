"""The arithmetic of a score sheet (评查评分表, "一卷一表") under a review standard (REFERENCE.md §1,
FORMATS.md §4). Pure: no Qt, no store; every number a ``Decimal``.

A reviewer takes deductions and vetoes by their codes (``Taken``). Deductions on one item stop
at the item's points (扣完为止，不计负分); the sheet's total is the standard's total less what
was deducted. A ``fail`` veto makes the file 不合格 whatever its points (the total still
shows); a ``not_excellent`` veto keeps it out of the top band. Two reviewers' sheets combine
by weight (e.g. 50 % + 50 %, or 60 % + 40 %), their vetoes by union.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.review.rubric import Deduction, Item, Rubric

CENT = Decimal("0.01")

UNKNOWN_CODE = QT_TRANSLATE_NOOP(
    "errors", "{code} is neither a deduction nor a veto of the standard {rubric}."
)
BAD_COUNT = QT_TRANSLATE_NOOP("errors", "{code}: the number of occurrences must be at least 1, not {count}.")
RANGE_MISSING = QT_TRANSLATE_NOOP("errors", "{code}: choose the points to deduct, from {min} to {max}.")
RANGE_OUTSIDE = QT_TRANSLATE_NOOP("errors", "{code}: {points} points is outside the range {min} to {max}.")
TAKEN_DECIMALS = QT_TRANSLATE_NOOP("errors", "{code}: {points} has more than two decimals.")
TAKEN_TWICE = QT_TRANSLATE_NOOP("errors", "{code} is taken twice on one score sheet.")
NO_SHEETS = QT_TRANSLATE_NOOP("errors", "There is no score sheet to combine.")
BAD_WEIGHTS = QT_TRANSLATE_NOOP(
    "errors", "The weights of the score sheets cannot be negative and must add up to more than 0."
)


@dataclass(frozen=True)
class Taken:
    """One deduction or veto as a reviewer took it: ``count`` occurrences (per_occurrence) or
    the ``points`` chosen (range); either is ignored for the other kinds."""

    code: str
    count: int = 1
    points: Decimal | None = None


@dataclass(frozen=True)
class ItemScore:
    """One item of a sheet: its points, what was deducted (capped at the points), what is left."""

    code: str
    title: str
    points: Decimal
    deducted: Decimal
    remaining: Decimal


@dataclass(frozen=True)
class SheetScore:
    """One reviewer's sheet: total, deductions, each item, the vetoes taken and the grade."""

    total: Decimal
    deducted: Decimal
    items: tuple[ItemScore, ...]
    vetoes: tuple[str, ...]
    """Codes of the vetoes taken, in the standard's order."""
    failed: bool
    """A ``fail`` veto was taken: 不合格 whatever the total."""
    not_excellent: bool
    """A ``not_excellent`` veto was taken: never the top band."""
    grade: str


@dataclass(frozen=True)
class FinalScore:
    """A file's result: the weighted total of its sheets, the union of their vetoes, the grade."""

    total: Decimal
    grade: str
    failed: bool
    not_excellent: bool
    vetoes: tuple[str, ...]


# ------------------------------------------------------------------------------ what was taken


def taken_problem(rubric: Rubric, taken: Taken) -> str | None:
    """What is wrong with a taken deduction or veto, in the current language (None when sound)."""
    problem = _taken_problem(rubric, taken)
    if problem is None:
        return None
    template, params = problem
    shown = {k: translate("errors", v) if isinstance(v, str) else v for k, v in params.items()}
    return translate("errors", template).format(**shown)


def check_taken(rubric: Rubric, taken: Taken) -> None:
    """Raise ``ValidationError`` when a taken deduction or veto breaks a rule of the standard."""
    problem = _taken_problem(rubric, taken)
    if problem is not None:
        template, params = problem
        field = (
            "points"
            if template in (RANGE_MISSING, RANGE_OUTSIDE, TAKEN_DECIMALS)
            else ("count" if template == BAD_COUNT else "code")
        )
        raise ValidationError(template, field=field, **params)


def _taken_problem(rubric: Rubric, taken: Taken) -> tuple[str, dict[str, str]] | None:
    code = taken.code
    found = rubric.deduction(code)
    if found is None and rubric.veto(code) is None:
        return UNKNOWN_CODE, {"code": code, "rubric": rubric.code}
    if isinstance(taken.count, bool) or not isinstance(taken.count, int) or taken.count < 1:
        return BAD_COUNT, {"code": code, "count": str(taken.count)}
    if found is None or found[1].kind != "range":
        return None
    deduction = found[1]
    bounds = {"code": code, "min": format_points(deduction.min), "max": format_points(deduction.max)}
    if taken.points is None:
        return RANGE_MISSING, bounds
    points = Decimal(str(taken.points))
    low, high = deduction.min, deduction.max
    if low is None or high is None:
        raise ValueError(f"range deduction {code} without its bounds (rubric_checks refuses those)")
    if not points.is_finite() or not low <= points <= high:
        return RANGE_OUTSIDE, {**bounds, "points": str(taken.points)}
    exponent = points.normalize().as_tuple().exponent  # an int: the number is finite
    if isinstance(exponent, int) and exponent < -2:
        return TAKEN_DECIMALS, {"code": code, "points": str(taken.points)}
    return None


def deduction_points(item: Item, deduction: Deduction, taken: Taken) -> Decimal:
    """The raw deduction before the item's cap: fixed → its points; per_occurrence → points ×
    count; range → the points chosen; full → the item's points."""
    if deduction.kind == "full":
        return item.points
    if deduction.kind == "range":
        if taken.points is None:
            raise ValidationError(
                RANGE_MISSING,
                field="points",
                code=deduction.code,
                min=format_points(deduction.min),
                max=format_points(deduction.max),
            )
        return Decimal(str(taken.points))
    points = deduction.points if deduction.points is not None else Decimal(0)
    if deduction.kind == "per_occurrence":
        return points * taken.count
    return points


# ------------------------------------------------------------------------------ one sheet


def score_sheet(rubric: Rubric, taken: Iterable[Taken]) -> SheetScore:
    """Score one sheet: deductions capped per item (扣完为止), vetoes, grade. Raises
    ``ValidationError`` for a code taken twice or a taken entry that breaks the standard."""
    taken = tuple(taken)
    seen: set[str] = set()
    for entry in taken:
        check_taken(rubric, entry)
        if entry.code in seen:
            raise ValidationError(TAKEN_TWICE, field="code", code=entry.code)
        seen.add(entry.code)
    raw: dict[str, Decimal] = {}
    for entry in taken:
        found = rubric.deduction(entry.code)
        if found is not None:
            item, deduction = found
            raw[item.code] = raw.get(item.code, Decimal(0)) + deduction_points(item, deduction, entry)
    items = tuple(_item_score(item, raw.get(item.code, Decimal(0))) for item in rubric.items())
    deducted = sum((i.deducted for i in items), Decimal(0))
    total = max(rubric.total - deducted, Decimal(0))
    vetoes = tuple(v.code for v in rubric.vetoes if v.code in seen)
    failed, not_excellent = veto_effects(rubric, vetoes)
    return SheetScore(
        total=plain(total),
        deducted=plain(deducted),
        items=items,
        vetoes=vetoes,
        failed=failed,
        not_excellent=not_excellent,
        grade=grade_for(rubric, total, failed, not_excellent),
    )


def _item_score(item: Item, raw: Decimal) -> ItemScore:
    deducted = min(max(raw, Decimal(0)), item.points)
    return ItemScore(
        code=item.code,
        title=item.title,
        points=item.points,
        deducted=plain(deducted),
        remaining=plain(item.points - deducted),
    )


def veto_effects(rubric: Rubric, codes: Iterable[str]) -> tuple[bool, bool]:
    """Whether the vetoes with these codes make the file fail, and keep it from the top band."""
    effects = {v.effect for v in (rubric.veto(c) for c in codes) if v is not None}
    return "fail" in effects, "not_excellent" in effects


def grade_for(rubric: Rubric, total: Decimal, failed: bool, not_excellent: bool) -> str:
    """The band of a total: the first from the top whose minimum it reaches; a ``fail`` veto →
    the last band; a ``not_excellent`` veto → the band below the top instead of the top."""
    bands = rubric.bands
    if failed:
        return bands[-1].name
    index = next((i for i, b in enumerate(bands) if b.min <= total), len(bands) - 1)
    if not_excellent and index == 0 and len(bands) > 1:
        index = 1
    return bands[index].name


# ------------------------------------------------------------------------------ two reviewers


def combine(rubric: Rubric, sheets: Sequence[tuple[SheetScore, int | Decimal]]) -> FinalScore:
    """A file's result from its sheets and their weights in percent: Σ wᵢ·totalᵢ / Σ wᵢ rounded
    half up to 0.01; a veto taken on any sheet applies; the grade from both."""
    if not sheets:
        raise ValidationError(NO_SHEETS)
    weights = [w for _, w in sheets]
    if any(isinstance(w, bool) or w < 0 for w in weights) or sum(weights) <= 0:
        raise ValidationError(BAD_WEIGHTS, field="weights")
    weighted = sum((Decimal(str(w)) * sheet.total for sheet, w in sheets), Decimal(0))
    total = plain((weighted / Decimal(str(sum(weights)))).quantize(CENT, rounding=ROUND_HALF_UP))
    taken = {code for sheet, _ in sheets for code in sheet.vetoes}
    order = [v.code for v in rubric.vetoes]
    vetoes = tuple(sorted(taken, key=lambda c: (order.index(c) if c in order else len(order), c)))
    failed, not_excellent = veto_effects(rubric, vetoes)
    failed = failed or any(sheet.failed for sheet, _ in sheets)
    not_excellent = not_excellent or any(sheet.not_excellent for sheet, _ in sheets)
    return FinalScore(
        total=total,
        grade=grade_for(rubric, total, failed, not_excellent),
        failed=failed,
        not_excellent=not_excellent,
        vetoes=vetoes,
    )


# ------------------------------------------------------------------------------ showing points


def plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros and never in exponent form (``87.50`` → ``87.5``,
    ``100.00`` → ``100``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1)) + 0
    return value.normalize()


def format_points(value: Decimal | int | float | str | None) -> str:
    """Points as text: ``87.5``, ``90``, ``0.25`` — no trailing zeros, no exponent."""
    if value is None:
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return format(plain(number), "f")
