"""A case against its power (执法事项) and the power's discretion benchmark (裁量基准), as pure
functions: which version of a power was in force on a day, and whether a decision stays inside
the band it names (issue 15: ``power_not_held``, ``discretion_out_of_range``, ``power_missing``).

The store's catalogue is read by the register's repository and handed in as ``PowerVersion``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from desktop.core.i18n import QT_TRANSLATE_NOOP

NO_PENALTY = "不予处罚"
FINE = "罚款"


@dataclass(frozen=True)
class BandLimits:
    """What one band of a power allows: its penalty kinds and fine range."""

    band: str
    kinds: frozenset[str]
    fine_min: Decimal | None
    fine_max: Decimal | None


@dataclass(frozen=True)
class PowerVersion:
    """One version of a power: whose it is, when it is in force, its bands."""

    code: str
    agency_id: int
    category: str
    effective_on: date
    expires_on: date | None
    bands: tuple[BandLimits, ...] = ()
    name: str | None = None
    legal_basis: str | None = None

    def in_force_on(self, day: date) -> bool:
        """Whether this version applies to a case filed on ``day`` (失效日期 is its last day)."""
        return self.effective_on <= day and (self.expires_on is None or day <= self.expires_on)

    def band(self, name: str) -> BandLimits | None:
        """The band called ``name``, if the version has it."""
        return next((b for b in self.bands if b.band == name), None)


def version_in_force(versions: Sequence[PowerVersion], day: date) -> PowerVersion | None:
    """The latest version in force on ``day`` (None when none is)."""
    found = [v for v in versions if v.in_force_on(day)]
    return max(found, key=lambda v: v.effective_on) if found else None


_NOT_HERS = QT_TRANSLATE_NOOP("warnings", "Power {power} is not a power of this agency.")
_NOT_IN_FORCE = QT_TRANSLATE_NOOP("warnings", "Power {power} was not in force on the filing date {filed}.")
_NO_BAND = QT_TRANSLATE_NOOP("warnings", "Power {power} has no band {band}.")
_KIND_NOT_ALLOWED = QT_TRANSLATE_NOOP("warnings", "Band {band} of power {power} does not allow {kinds}.")
_BELOW = QT_TRANSLATE_NOOP(
    "warnings", "Fine of {amount} yuan is below band {band}'s range {low}–{high} yuan (power {power})."
)
_ABOVE = QT_TRANSLATE_NOOP(
    "warnings", "Fine of {amount} yuan is above band {band}'s range {low}–{high} yuan (power {power})."
)
_NO_PENALTY_FINED = QT_TRANSLATE_NOOP(
    "warnings", "Band 不予处罚 of power {power}, yet a penalty was given: {what}."
)
MISSING = QT_TRANSLATE_NOOP(
    "warnings", "Penalty decided on {decided} without the power it exercises (事项编码)."
)

Problem = tuple[str, dict[str, Any]]
"""A message template and its parameters."""


def held_problem(
    code: str, agency_id: int, versions: Sequence[PowerVersion], filed_on: date
) -> tuple[Problem | None, PowerVersion | None]:
    """``power_not_held``: the power is another agency's (or unknown), or none of its versions was
    in force on the 立案 date; else the version that applies."""
    own = [v for v in versions if v.agency_id == agency_id]
    if not own:
        return (_NOT_HERS, {"power": code}), None
    version = version_in_force(own, filed_on)
    if version is None:
        return (_NOT_IN_FORCE, {"power": code, "filed": filed_on.isoformat()}), None
    return None, version


def discretion_problem(
    version: PowerVersion, band_name: str, kinds: Sequence[str], amount: Decimal | None
) -> Problem | None:
    """``discretion_out_of_range``: a band the power lacks, a penalty kind the band does not
    allow, a fine outside the band's range (its limits included), or 不予处罚 with a penalty."""
    code = version.code
    band = version.band(band_name)
    if band is None:
        return _NO_BAND, {"power": code, "band": band_name}
    if band_name == NO_PENALTY:
        given = [k for k in kinds if k]
        if amount is not None and amount > 0:
            given.append(f"{amount:,.2f}")
        if given:
            return _NO_PENALTY_FINED, {"power": code, "what": "、".join(given)}
        return None
    outside = [k for k in kinds if k not in band.kinds]
    if outside and band.kinds:
        return _KIND_NOT_ALLOWED, {"power": code, "band": band_name, "kinds": "、".join(outside)}
    if amount is not None and FINE in kinds and (band.fine_min is not None or band.fine_max is not None):
        params = {
            "power": code,
            "band": band_name,
            "amount": f"{amount:,.2f}",
            "low": "—" if band.fine_min is None else f"{band.fine_min:,.2f}",
            "high": "—" if band.fine_max is None else f"{band.fine_max:,.2f}",
        }
        if band.fine_min is not None and amount < band.fine_min:
            return _BELOW, params
        if band.fine_max is not None and amount > band.fine_max:
            return _ABOVE, params
    return None
