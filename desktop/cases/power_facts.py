"""The catalogue of powers as the register's rules read it (``discretion.PowerVersion``): the
versions of the powers some cases cite, and the agencies that have 行政处罚 powers at all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.cases import terms
from desktop.cases.discretion import BandLimits, PowerVersion
from desktop.models import Power

_CHUNK = 500


def power_versions(session: Session, codes: Iterable[str]) -> dict[str, tuple[PowerVersion, ...]]:
    """Every stored version of each of ``codes`` (any agency's), oldest first."""
    wanted = sorted({c for c in codes if c})
    out: dict[str, list[PowerVersion]] = defaultdict(list)
    for start in range(0, len(wanted), _CHUNK):
        stmt = (
            select(Power)
            .options(selectinload(Power.bands))
            .where(Power.code.in_(wanted[start : start + _CHUNK]))
            .order_by(Power.code, Power.effective_on)
        )
        for p in session.execute(stmt).scalars():
            out[p.code].append(
                PowerVersion(
                    p.code,
                    p.agency_id,
                    p.category,
                    p.effective_on,
                    p.expires_on,
                    tuple(
                        BandLimits(
                            b.band,
                            frozenset(terms.split_multi(b.penalty_kinds)),
                            b.fine_min,
                            b.fine_max,
                        )
                        for b in p.bands
                    ),
                )
            )
    return {code: tuple(versions) for code, versions in out.items()}


def agencies_with_penalty_powers(session: Session) -> frozenset[int]:
    """The agencies whose catalogue holds a 行政处罚 power (their penalties need one)."""
    return frozenset(
        session.execute(select(Power.agency_id).where(Power.category == terms.PENALTY).distinct()).scalars()
    )
