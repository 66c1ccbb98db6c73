"""The clock services read: real time in the program, a fixed one in tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from desktop.core.input_limits import InputLimits, in_force


class Clock:
    """The real time: instants in UTC, dates in the workstation's local calendar."""

    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""
        return datetime.now(UTC)

    def today(self) -> date:
        """Today's local date."""
        return datetime.now().date()


@dataclass
class FixedClock(Clock):
    """A clock that says what a test tells it."""

    instant: datetime

    def now(self) -> datetime:
        """The fixed instant."""
        return self.instant

    def today(self) -> date:
        """The fixed instant's date."""
        return self.instant.date()

    def advance(self, **delta: float) -> None:
        """Move the clock forward (``minutes=16``)."""
        self.instant = self.instant + timedelta(**delta)


def utc_iso(instant: datetime) -> str:
    """An instant as ``2026-11-23T14:56:23.123456Z`` (how the store keeps instants as text)."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc_iso(text: str) -> datetime:
    """The inverse of :func:`utc_iso`."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


EARLIEST_YEAR = InputLimits.earliest_year
"""The default earliest year a date of the register, a certificate or ``--as-of`` may carry."""
YEARS_AHEAD = InputLimits.years_ahead
"""The default number of years after this one a date may lie (an expiry date); later ones are typing errors."""


def plausible_years(today: date) -> tuple[int, int]:
    """The first and last year a date typed or imported may have (the limits in force, default
    1990 to 5 years after ``today``: ``core.input_limits``); dates outside are refused, so that
    nothing computes a deadline near year 1 or 9999."""
    limits = in_force()
    return limits.earliest_year, min(today.year + limits.years_ahead, 9998)


def is_plausible(day: date, today: date) -> bool:
    """Whether ``day``'s year lies within ``plausible_years(today)``."""
    first, last = plausible_years(today)
    return first <= day.year <= last
