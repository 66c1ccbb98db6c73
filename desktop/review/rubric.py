"""A review standard (评查标准) as the program reads it (FORMATS.md §4): frozen, pure.

``desktop.review.rubric_checks.parse_rubric`` turns a JSON document into a ``Rubric`` after
checking every rule; ``desktop.review.scoring`` does the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

DEDUCTION_KINDS = ("fixed", "per_occurrence", "range", "full")
VETO_EFFECTS = ("fail", "not_excellent")


@dataclass(frozen=True)
class Deduction:
    """A defect an item can be marked down for (扣分项)."""

    code: str
    text: str
    kind: str
    """``fixed`` (``points``), ``per_occurrence`` (``points`` × count), ``range`` (the reviewer
    chooses within ``min``..``max``), ``full`` (the item's points)."""
    points: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None


@dataclass(frozen=True)
class Item:
    """A scored item of a section, worth ``points``; deductions on it stop at zero (扣完为止)."""

    code: str
    title: str
    points: Decimal
    deductions: tuple[Deduction, ...]


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    items: tuple[Item, ...]

    @property
    def points(self) -> Decimal:
        return sum((i.points for i in self.items), Decimal(0))


@dataclass(frozen=True)
class Veto:
    """A defect that decides the grade (否决项): ``fail`` (不合格 whatever the points) or
    ``not_excellent`` (cannot reach the top band)."""

    code: str
    text: str
    effect: str


@dataclass(frozen=True)
class Band:
    """A grade band (等次) starting at ``min`` points."""

    name: str
    min: Decimal


@dataclass(frozen=True)
class Rubric:
    """One version of a standard: sections of items with their deductions, vetoes, bands."""

    code: str
    name: str
    applies_to: tuple[str, ...]
    total: Decimal
    bands: tuple[Band, ...]
    """From the top band down; the last starts at 0."""
    vetoes: tuple[Veto, ...]
    sections: tuple[Section, ...]

    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    def deduction(self, code: str) -> tuple[Item, Deduction] | None:
        """The deduction with this code and the item it belongs to."""
        for item in self.items():
            for d in item.deductions:
                if d.code == code:
                    return item, d
        return None

    def veto(self, code: str) -> Veto | None:
        return next((v for v in self.vetoes if v.code == code), None)
