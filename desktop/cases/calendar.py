"""Working days (工作日): the national calendar with its 调休 (package ``chinese-calendar``) plus
the local override table an administrator keeps in Settings.

A year the package does not know and no override touches counts weekends only; such years are
reported (``unknown_years``) so the window and the command line can say that a deadline is an
estimate ("2027 年节假日安排未载入").

Counting (民法典 第二百零一、二百零三条, CLI.md): a period in days starts the day after the event;
when its last day is a rest day or a holiday it ends on the next working day. A period in
working days ends on the N-th working day after the event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=1)
def national_years() -> frozenset[int]:
    """The years whose holidays and 调休 the installed ``chinese-calendar`` knows."""
    from chinese_calendar import constants

    years = {d.year for d in constants.holidays} | {d.year for d in constants.workdays}
    return frozenset(years)


def _national_working(day: date) -> bool:
    import chinese_calendar  # its tables load when a deadline is first counted, not at start

    return bool(chinese_calendar.is_workday(day))


@dataclass
class WorkCalendar:
    """Working days = national calendar (or weekends only) + local overrides.

    ``overrides`` maps a day to True (worked) or False (a rest day or holiday). Answers are
    cached per day; ``unknown_years`` collects the years that were counted by weekends only.
    """

    overrides: Mapping[date, bool] = field(default_factory=dict)
    unknown_years: set[int] = field(default_factory=set)
    _cache: dict[date, bool] = field(default_factory=dict, repr=False)
    _known: frozenset[int] = field(default_factory=frozenset, repr=False)

    def __post_init__(self) -> None:
        self._known = national_years() | {d.year for d in self.overrides}

    def is_working(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        working = self.overrides.get(day)
        if working is None:
            if day.year in national_years():
                working = _national_working(day)
            else:
                working = day.weekday() < 5
                if day.year not in self._known:
                    self.unknown_years.add(day.year)
        self._cache[day] = working
        return working

    def roll_forward(self, day: date) -> date:
        """``day`` itself when it is a working day, else the next working day."""
        while not self.is_working(day):
            day += timedelta(days=1)
        return day

    def add_days(self, event: date, days: int) -> date:
        """The end of a period of ``days`` calendar days after ``event`` (rolled to a working day)."""
        return self.roll_forward(event + timedelta(days=days))

    def add_working_days(self, event: date, days: int) -> date:
        """The ``days``-th working day after ``event``."""
        day, counted = event, 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_working(day):
                counted += 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
        n, day = 0, start
        while day < end:
            day += timedelta(days=1)
            n += self.is_working(day)
        return n

    def notes(self) -> tuple[int, ...]:
        """The years counted by weekends only so far, sorted."""
        return tuple(sorted(self.unknown_years))


def calendar_from(overrides: Iterable[tuple[date, bool]]) -> WorkCalendar:
    """A calendar with the given local overrides."""
    return WorkCalendar(dict(overrides))


NEXT_YEAR_FROM_MONTH = 10
"""From October a 90-day deadline can end in the next year (and the State Council publishes the
next year's notice in November): from then on the next year's holidays are needed too."""
CALENDAR_WARNING_CODES = (
    "decision_overdue",
    "decision_due_soon",
    "service_overdue",
    "publicity_overdue",
    "seizure_overdue",
)
"""The warnings whose due date counts with the calendar (a period ending on a holiday moves, 公示
counts working days); the others do not depend on it."""


def years_needed(today: date) -> tuple[int, ...]:
    """The years whose holidays today's deadlines need: this year, and from October the next."""
    return (today.year, today.year + 1) if today.month >= NEXT_YEAR_FROM_MONTH else (today.year,)


def missing_years(today: date, local_years: Iterable[int]) -> tuple[int, ...]:
    """The years ``years_needed(today)`` that neither the national schedule nor the local table
    (``local_years``: the years of its overrides) holds."""
    loaded = national_years() | set(local_years)
    return tuple(y for y in years_needed(today) if y not in loaded)
