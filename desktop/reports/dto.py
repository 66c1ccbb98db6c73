"""What the report services hand back: periods, measured figures with the rows behind them, the
indicator set, per-agency assessments, the dashboard's series and the annual tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Period:
    """A closed range of days (both ends counted)."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class Behind:
    """One row a figure counts: its reference (a case number, an officer, a file), what it is, and
    whether it counts in the numerator."""

    ref: str
    label: str
    counted: bool


@dataclass(frozen=True)
class Measured:
    """A measure's figures for one agency and period: numerator, denominator (None for a plain
    count) and the rows behind them; ``available`` is False where the data is not kept yet."""

    numerator: Decimal
    denominator: int | None
    rows: tuple[Behind, ...] = ()
    available: bool = True


@dataclass(frozen=True)
class Indicator:
    """One indicator of a set: a measure with a weight and a scoring rule.

    ``rule`` is ``linear`` (0 at or below ``low``, the full weight at or above ``high``, linear
    between; ``low`` > ``high`` for a measure where less is better) or ``per_occurrence``
    (``per`` points off for each occurrence, at most ``cap``)."""

    key: str
    name: str
    measure: str
    weight: Decimal
    group: str = ""
    rule: str = "linear"
    low: Decimal = Decimal(0)
    high: Decimal = Decimal(100)
    per: Decimal = Decimal(0)
    cap: Decimal = Decimal(0)


@dataclass(frozen=True)
class IndicatorSet:
    """A named, versioned set of indicators (a published result keeps the set it used)."""

    name: str
    version: int
    indicators: tuple[Indicator, ...]
    sha256: str = ""


@dataclass(frozen=True)
class Scored:
    """One indicator for one agency: the value, the score and its working."""

    key: str
    name: str
    measure: str
    weight: Decimal
    value: Decimal | None
    score: Decimal | None
    numerator: Decimal
    denominator: int | None
    working: str
    rows: tuple[Behind, ...]
    counted: bool
    """Whether it counts in the weighted total (False: data not available or nothing to count)."""
    note: str = ""


@dataclass(frozen=True)
class AgencyAssessment:
    agency_id: int
    agency: str
    indicators: tuple[Scored, ...]
    total: Decimal | None
    """Score out of 100 over the indicators that count (their weights scaled to 100)."""
    weight_counted: Decimal
    rank: int | None


@dataclass(frozen=True)
class Assessment:
    period: Period
    indicator_set: IndicatorSet
    agencies: tuple[AgencyAssessment, ...]
    notes: tuple[str, ...] = ()
    as_of: date | None = None
    """The day the warnings were counted as of (None: a published result read back)."""
    detailed: bool = True
    """Whether each figure carries the rows behind it (False: they are read when asked for:
    ``assessment.working_rows``, ``assessment.with_rows``)."""


@dataclass(frozen=True)
class Table:
    """One table of a report: a title, column headers and rows (the last one a total where
    ``total_row``)."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    total_row: bool = True
    note: str = ""


@dataclass(frozen=True)
class AnnualReport:
    year: int
    made_on: date
    agencies: tuple[str, ...]
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Dashboard:
    """The dashboard's figures; each series a table of (labels…, count)."""

    period: Period
    agency_id: int | None
    agency: str | None
    tables: tuple[Table, ...]
    not_available: tuple[str, ...] = field(default=())
