"""What makes a review standard (评查标准) acceptable: every rule of FORMATS.md §4, checked on the
JSON document, each broken rule named by the JSON path of the offending element
(``sections[1].items[0].deductions[2].points``). Pure: no Qt, no store.

``parse_rubric`` gives the frozen ``Rubric`` or raises the first problem; ``rubric_problems``
lists them all (an import dialog shows every one); ``rubric_to_doc`` is the inverse of
``parse_rubric`` and ``canonical_json`` the form a rubric is stored in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeGuard

from desktop.cases.terms import CATEGORIES
from desktop.core.characters import control_character, invisible_character
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.review.rubric import (
    DEDUCTION_KINDS,
    VETO_EFFECTS,
    Band,
    Deduction,
    Item,
    Rubric,
    Section,
    Veto,
)

# ------------------------------------------------------------------------------ messages

NOT_JSON = QT_TRANSLATE_NOOP("errors", "The rubric is not valid JSON (line {line}, column {column}).")
ROOT_NOT_OBJECT = QT_TRANSLATE_NOOP("errors", "The rubric must be a JSON object.")
NOT_OBJECT = QT_TRANSLATE_NOOP("errors", "{path} must be a JSON object.")
UNKNOWN_KEY = QT_TRANSLATE_NOOP("errors", "{path} is not part of the rubric format.")
REQUIRED = QT_TRANSLATE_NOOP("errors", "{path} is required.")
NOT_TEXT = QT_TRANSLATE_NOOP("errors", "{path} must be a non-empty text.")
NOT_LIST = QT_TRANSLATE_NOOP("errors", "{path} must be a list.")
EMPTY_LIST = QT_TRANSLATE_NOOP("errors", "{path} must be a non-empty list.")
NOT_NUMBER = QT_TRANSLATE_NOOP("errors", "{path} must be a number.")
NEGATIVE = QT_TRANSLATE_NOOP("errors", "{path} cannot be negative.")
NOT_POSITIVE = QT_TRANSLATE_NOOP("errors", "{path} must be more than 0.")
DECIMALS = QT_TRANSLATE_NOOP("errors", "{path} has more than two decimals.")
NOT_CATEGORY = QT_TRANSLATE_NOOP("errors", "{path}: {value} is not a case category ({allowed}).")
CATEGORY_TWICE = QT_TRANSLATE_NOOP("errors", "{path}: {value} is listed twice.")
SUM_NOT_TOTAL = QT_TRANSLATE_NOOP("errors", "{path}: the items' points add up to {sum}, not {total}.")
NO_DEDUCTIONS = QT_TRANSLATE_NOOP("errors", "{path}: an item needs at least one deduction.")
NOT_KIND = QT_TRANSLATE_NOOP("errors", "{path}: {value} is not a deduction kind ({allowed}).")
OVER_ITEM = QT_TRANSLATE_NOOP("errors", "{path}: {points} is more than the item's {item_points} points.")
MIN_OVER_MAX = QT_TRANSLATE_NOOP("errors", "{path}: the minimum {min} is more than the maximum {max}.")
RANGE_HAS_POINTS = QT_TRANSLATE_NOOP(
    "errors", "{path}: a range deduction has a minimum and a maximum, not points."
)
ONLY_RANGE = QT_TRANSLATE_NOOP("errors", "{path}: only a range deduction has a minimum and a maximum.")
FULL_POINTS = QT_TRANSLATE_NOOP(
    "errors", "{path}: a full deduction takes the item's {item_points} points; leave the points out."
)
NOT_EFFECT = QT_TRANSLATE_NOOP("errors", "{path}: {value} is not a veto effect ({allowed}).")
BAND_ORDER = QT_TRANSLATE_NOOP("errors", "{path}: {min} must be lower than the band above ({above}).")
LAST_BAND = QT_TRANSLATE_NOOP("errors", "{path}: the last band must start at 0, not {min}.")
TOP_BAND = QT_TRANSLATE_NOOP("errors", "{path}: the top band starts at {min}, above the total {total}.")
BAND_TWICE = QT_TRANSLATE_NOOP("errors", "{path}: the band {name} is listed twice.")
CODE_TWICE = QT_TRANSLATE_NOOP("errors", "{path}: the code {code} is already used at {other}.")
TOO_LONG = QT_TRANSLATE_NOOP("errors", "{path} has {length} characters; at most {limit} are allowed.")
INVISIBLE = QT_TRANSLATE_NOOP("errors", "{path} contains an invisible or control character ({character}).")
TOO_LARGE = QT_TRANSLATE_NOOP("errors", "{path} must be at most {limit}.")

CODE_LIMIT = 40
"""The longest code: the store keeps a rubric's, a deduction's and a mark's code in 40 characters."""
NAME_LIMIT = 120
"""The longest standard name the store keeps."""
TEXT_LIMIT = 1000
"""The longest title or text of an element (it lives in the document, not in a column)."""
POINTS_LIMIT = Decimal("9999.99")
"""The most points a total, item or deduction may have (scores are kept as ``Numeric(6, 2)``)."""

RUBRIC_KEYS = ("code", "name", "applies_to", "total", "bands", "vetoes", "sections")
BAND_KEYS = ("name", "min")
VETO_KEYS = ("code", "text", "effect")
SECTION_KEYS = ("code", "title", "items")
ITEM_KEYS = ("code", "title", "points", "deductions")
DEDUCTION_KEYS = ("code", "text", "kind", "points", "min", "max")
"""The keys each element of the format may carry, in the order ``rubric_to_doc`` writes them."""


@dataclass(frozen=True)
class RubricProblem:
    """One broken rule of a rubric document: the JSON path of the element and what is wrong."""

    path: str
    template: str
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def message(self) -> str:
        """The message in the current language."""
        params = {k: translate("errors", v) if isinstance(v, str) else v for k, v in self.params}
        return translate("errors", self.template).format(path=self.path, **params)

    def english(self) -> str:
        """The message in English (logs, the command line's JSON)."""
        return self.template.format(path=self.path, **dict(self.params))

    def error(self) -> ValidationError:
        """The problem as an exception."""
        return ValidationError(self.template, field=self.path, path=self.path, **dict(self.params))


# ------------------------------------------------------------------------------ public functions


def parse_rubric(doc: Mapping[str, Any] | str) -> Rubric:
    """The ``Rubric`` a JSON document (text or parsed) describes; raises ``ValidationError``
    naming the first broken rule by its JSON path."""
    walk = _Walk()
    rubric = walk.rubric(doc)
    if walk.problems or rubric is None:
        raise walk.problems[0].error()
    return rubric


def rubric_problems(doc: Mapping[str, Any] | str) -> list[RubricProblem]:
    """Every broken rule of a rubric document, in document order (empty when it is valid)."""
    walk = _Walk()
    walk.rubric(doc)
    return walk.problems


def rubric_to_doc(rubric: Rubric) -> dict[str, Any]:
    """The JSON document of a rubric (the inverse of ``parse_rubric``); numbers as int or float."""
    return {
        "code": rubric.code,
        "name": rubric.name,
        "applies_to": list(rubric.applies_to),
        "total": _json_number(rubric.total),
        "bands": [{"name": b.name, "min": _json_number(b.min)} for b in rubric.bands],
        "vetoes": [{"code": v.code, "text": v.text, "effect": v.effect} for v in rubric.vetoes],
        "sections": [
            {"code": s.code, "title": s.title, "items": [_item_doc(i) for i in s.items]}
            for s in rubric.sections
        ],
    }


def canonical_json(doc: Mapping[str, Any] | str | Rubric) -> str:
    """The stored form of a rubric document: the document's key order, Chinese as written,
    compact separators, numbers without needless decimals (``2.0`` → ``2``)."""
    if isinstance(doc, Rubric):
        doc = rubric_to_doc(doc)
    elif isinstance(doc, str | bytes):
        doc = json.loads(doc, parse_float=Decimal)
    return json.dumps(_plain_numbers(doc), ensure_ascii=False, separators=(",", ":"))


# ------------------------------------------------------------------------------ the walk


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _plain_numbers(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_numbers(v) for v in value]
    if isinstance(value, Decimal) and value.is_finite():
        return _json_number(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def _item_doc(item: Item) -> dict[str, Any]:
    deductions = []
    for d in item.deductions:
        entry: dict[str, Any] = {"code": d.code, "text": d.text, "kind": d.kind}
        for key in ("points", "min", "max"):
            value = getattr(d, key)
            if value is not None:
                entry[key] = _json_number(value)
        deductions.append(entry)
    return {
        "code": item.code,
        "title": item.title,
        "points": _json_number(item.points),
        "deductions": deductions,
    }


class _Walk:
    """One pass over a document: builds the rubric and collects every problem on the way."""

    def __init__(self) -> None:
        self.problems: list[RubricProblem] = []
        self.codes: dict[str, str] = {}
        self.item_points: list[Decimal | None] = []

    def add(self, path: str, template: str, **params: Any) -> None:
        self.problems.append(RubricProblem(path, template, tuple(params.items())))

    # -- values

    def obj(self, value: Any, path: str, keys: tuple[str, ...]) -> TypeGuard[Mapping[str, Any]]:
        """Whether ``value`` is an object; its keys outside the format are problems."""
        if not isinstance(value, Mapping):
            self.add(path, NOT_OBJECT if path else ROOT_NOT_OBJECT)
            return False
        for key in value:
            if key not in keys:
                self.add(_at(path, str(key)), UNKNOWN_KEY)
        return True

    def text(self, obj: Mapping[str, Any], key: str, path: str) -> str | None:
        """A required non-empty text under ``key``, trimmed."""
        path = _at(path, key)
        if key not in obj:
            self.add(path, REQUIRED)
            return None
        value = obj[key]
        if not isinstance(value, str) or not value.strip():
            self.add(path, NOT_TEXT)
            return None
        value = value.strip()
        limit = CODE_LIMIT if key == "code" else NAME_LIMIT if path == "name" else TEXT_LIMIT
        if len(value) > limit:
            self.add(path, TOO_LONG, length=len(value), limit=limit)
            return None
        character = invisible_character(value) if key == "code" else control_character(value)
        if character is not None:
            self.add(path, INVISIBLE, character=character)
            return None
        return value

    def code(self, obj: Mapping[str, Any], path: str) -> str | None:
        """The element's code, refused when another element already has it."""
        code = self.text(obj, "code", path)
        if code is not None:
            if code in self.codes:
                self.add(_at(path, "code"), CODE_TWICE, code=code, other=self.codes[code])
                return None
            self.codes[code] = _at(path, "code")
        return code

    def number(self, obj: Mapping[str, Any], key: str, path: str, *, positive: bool) -> Decimal | None:
        """A number ≥ 0 (> 0 when ``positive``) with at most two decimals."""
        path = _at(path, key)
        if key not in obj:
            self.add(path, REQUIRED)
            return None
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.add(path, NOT_NUMBER)
            return None
        number = (
            value if isinstance(value, Decimal) else Decimal(value if isinstance(value, int) else str(value))
        )
        if not number.is_finite():
            self.add(path, NOT_NUMBER)
        elif positive and number <= 0:
            self.add(path, NOT_POSITIVE)
        elif number < 0:
            self.add(path, NEGATIVE)
        elif number > POINTS_LIMIT:
            self.add(path, TOO_LARGE, limit=_show(POINTS_LIMIT))
        elif _decimals(number) > 2:
            self.add(path, DECIMALS)
        else:
            return number
        return None

    def elements(
        self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = True, empty: bool = False
    ) -> list[Any] | None:
        """A list under ``key`` (non-empty unless ``empty``; absent means empty unless ``required``)."""
        path = _at(path, key)
        if key not in obj:
            if required:
                self.add(path, REQUIRED)
                return None
            return []
        value = obj[key]
        if not isinstance(value, list | tuple):
            self.add(path, NOT_LIST if empty else EMPTY_LIST)
            return None
        if not value and not empty:
            self.add(path, EMPTY_LIST)
            return None
        return list(value)

    # -- elements

    def rubric(self, doc: Mapping[str, Any] | str) -> Rubric | None:
        if isinstance(doc, str | bytes):
            try:
                doc = json.loads(doc, parse_float=Decimal, parse_constant=str)
            except json.JSONDecodeError as exc:
                self.add("", NOT_JSON, line=exc.lineno, column=exc.colno)
                return None
        if not self.obj(doc, "", RUBRIC_KEYS):
            return None
        code = self.code(doc, "")
        name = self.text(doc, "name", "")
        applies_to = self.applies_to(doc)
        total = self.number(doc, "total", "", positive=True)
        bands = self.bands(doc, total)
        vetoes = [
            self.veto(v, _at("vetoes", i))
            for i, v in enumerate(self.elements(doc, "vetoes", "", required=False, empty=True) or [])
        ]
        sections = [
            self.section(s, _at("sections", i))
            for i, s in enumerate(self.elements(doc, "sections", "") or [])
        ]
        self.check_sum(total)
        if self.problems or code is None or name is None or total is None:
            return None
        return Rubric(
            code=code,
            name=name,
            applies_to=applies_to,
            total=total,
            bands=bands,
            vetoes=tuple(v for v in vetoes if v is not None),
            sections=tuple(s for s in sections if s is not None),
        )

    def applies_to(self, doc: Mapping[str, Any]) -> tuple[str, ...]:
        values = self.elements(doc, "applies_to", "") or []
        seen: list[str] = []
        for i, value in enumerate(values):
            path = _at("applies_to", i)
            if not isinstance(value, str) or value.strip() not in CATEGORIES:
                self.add(path, NOT_CATEGORY, value=str(value), allowed="、".join(CATEGORIES))
            elif value.strip() in seen:
                self.add(path, CATEGORY_TWICE, value=value.strip())
            else:
                seen.append(value.strip())
        return tuple(seen)

    def bands(self, doc: Mapping[str, Any], total: Decimal | None) -> tuple[Band, ...]:
        bands: list[Band | None] = []
        for i, value in enumerate(self.elements(doc, "bands", "") or []):
            path = _at("bands", i)
            if not self.obj(value, path, BAND_KEYS):
                bands.append(None)
                continue
            name = self.text(value, "name", path)
            if name is not None and name in [b.name for b in bands if b is not None]:
                self.add(_at(path, "name"), BAND_TWICE, name=name)
            low = self.number(value, "min", path, positive=False)
            bands.append(Band(name, low) if name is not None and low is not None else None)
        if bands and all(b is not None for b in bands):
            self.check_band_order([b for b in bands if b is not None], total)
        return tuple(b for b in bands if b is not None)

    def check_band_order(self, bands: list[Band], total: Decimal | None) -> None:
        """From the top with strictly decreasing minimums; the last starts at 0; the top ≤ total."""
        if total is not None and bands[0].min > total:
            self.add("bands[0].min", TOP_BAND, min=_show(bands[0].min), total=_show(total))
        for i in range(1, len(bands)):
            if bands[i].min >= bands[i - 1].min:
                self.add(
                    f"bands[{i}].min", BAND_ORDER, min=_show(bands[i].min), above=_show(bands[i - 1].min)
                )
        if bands[-1].min != 0:
            self.add(f"bands[{len(bands) - 1}].min", LAST_BAND, min=_show(bands[-1].min))

    def veto(self, value: Any, path: str) -> Veto | None:
        if not self.obj(value, path, VETO_KEYS):
            return None
        code = self.code(value, path)
        text = self.text(value, "text", path)
        effect = self.text(value, "effect", path)
        if effect is not None and effect not in VETO_EFFECTS:
            self.add(_at(path, "effect"), NOT_EFFECT, value=effect, allowed=", ".join(VETO_EFFECTS))
            return None
        return Veto(code, text, effect) if code and text and effect else None

    def section(self, value: Any, path: str) -> Section | None:
        if not self.obj(value, path, SECTION_KEYS):
            return None
        code = self.code(value, path)
        title = self.text(value, "title", path)
        items = [
            self.item(v, _at(_at(path, "items"), i))
            for i, v in enumerate(self.elements(value, "items", path) or [])
        ]
        if code and title and items and all(items):
            return Section(code, title, tuple(i for i in items if i is not None))
        return None

    def item(self, value: Any, path: str) -> Item | None:
        if not self.obj(value, path, ITEM_KEYS):
            return None
        code = self.code(value, path)
        title = self.text(value, "title", path)
        points = self.number(value, "points", path, positive=True)
        self.item_points.append(points)
        raw = self.elements(value, "deductions", path, empty=True)
        if raw is not None and not raw:
            self.add(_at(path, "deductions"), NO_DEDUCTIONS)
        deductions = [
            self.deduction(v, _at(_at(path, "deductions"), i), points) for i, v in enumerate(raw or [])
        ]
        if code and title and points is not None and deductions and all(deductions):
            return Item(code, title, points, tuple(d for d in deductions if d is not None))
        return None

    def deduction(self, value: Any, path: str, item_points: Decimal | None) -> Deduction | None:
        if not self.obj(value, path, DEDUCTION_KEYS):
            return None
        code = self.code(value, path)
        text = self.text(value, "text", path)
        kind = self.text(value, "kind", path)
        if kind is not None and kind not in DEDUCTION_KINDS:
            self.add(_at(path, "kind"), NOT_KIND, value=kind, allowed=", ".join(DEDUCTION_KINDS))
            return None
        if kind is None:
            return None
        before = len(self.problems)
        points, low, high = self.amounts(value, path, kind, item_points)
        if code and text and len(self.problems) == before:
            return Deduction(code, text, kind, points, low, high)
        return None

    def amounts(
        self, value: Mapping[str, Any], path: str, kind: str, item_points: Decimal | None
    ) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        """The points (fixed, per_occurrence, full) or the minimum and maximum (range)."""
        if kind == "range":
            if "points" in value:
                self.add(_at(path, "points"), RANGE_HAS_POINTS)
            low = self.number(value, "min", path, positive=True)
            high = self.number(value, "max", path, positive=True)
            if low is not None and high is not None and low > high:
                self.add(_at(path, "min"), MIN_OVER_MAX, min=_show(low), max=_show(high))
            elif high is not None:
                self.not_over_item(_at(path, "max"), high, item_points)
            return None, low, high
        for key in ("min", "max"):
            if key in value:
                self.add(_at(path, key), ONLY_RANGE)
        if kind == "full":
            if "points" not in value:
                return None, None, None
            points = self.number(value, "points", path, positive=True)
            if points is not None and item_points is not None and points != item_points:
                self.add(_at(path, "points"), FULL_POINTS, item_points=_show(item_points))
            return points, None, None
        points = self.number(value, "points", path, positive=True)
        if points is not None:
            self.not_over_item(_at(path, "points"), points, item_points)
        return points, None, None

    def not_over_item(self, path: str, points: Decimal, item_points: Decimal | None) -> None:
        if item_points is not None and points > item_points:
            self.add(path, OVER_ITEM, points=_show(points), item_points=_show(item_points))

    def check_sum(self, total: Decimal | None) -> None:
        """Item points add up to the total (checked when the total and every item's points are sound)."""
        if total is None or not self.item_points or None in self.item_points:
            return
        points = sum((p for p in self.item_points if p is not None), Decimal(0))
        if points != total:
            self.add("total", SUM_NOT_TOTAL, sum=_show(points), total=_show(total))


def _decimals(value: Decimal) -> int:
    """How many decimals a finite number really has (``2.50`` has one)."""
    exponent = value.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def _show(value: Decimal) -> str:
    """A number as a message shows it: ``2``, ``0.5``."""
    return format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))
