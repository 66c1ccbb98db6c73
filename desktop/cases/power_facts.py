"""The catalogue of powers as the register's rules read it (``discretion.PowerVersion``): the
versions of the powers some cases cite, and the agencies that have 行政处罚 powers at all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.cases import terms
from desktop.cases.discretion import BandLimits, PowerVersion, version_in_force
from desktop.cases.dto import CasePower
from desktop.cases.rules import CaseFacts
from desktop.core.clock import months_before
from desktop.models import Case, Power, StoreSetting

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
                    p.name,
                    p.legal_basis,
                )
            )
    return {code: tuple(versions) for code, versions in out.items()}


def agencies_with_penalty_powers(session: Session) -> frozenset[int]:
    """The agencies whose catalogue holds a 行政处罚 power (their penalties need one)."""
    return frozenset(
        session.execute(select(Power.agency_id).where(Power.category == terms.PENALTY).distinct()).scalars()
    )


REPEAT_MONTHS = 12
"""A party punished more than once within this many months is a repeat party (setting
``parties.repeat_months``)."""
LENIENT = ("从轻", "减轻")


def repeat_months(session: Session) -> int:
    """The repeat period in months (setting ``parties.repeat_months``)."""
    value = session.execute(
        select(StoreSetting.value).where(StoreSetting.key == "parties.repeat_months")
    ).scalar_one_or_none()
    return int(value) if value else REPEAT_MONTHS


def prior_penalties(session: Session, lenient: Iterable[tuple[int, str, date]]) -> dict[int, int]:
    """For each (case id, party 证件号码, decision date) of a 从轻/减轻 decision: how many other
    行政处罚 of the same party were decided within the repeat period before it."""
    months = repeat_months(session)
    out: dict[int, int] = {}
    for case_id, number, decided in lenient:
        since = months_before(decided, months)
        out[case_id] = session.execute(
            select(func.count()).where(
                Case.party_id_number == number,
                Case.category == terms.PENALTY,
                Case.id != case_id,
                Case.decided_on.is_not(None),
                Case.decided_on > since,
                Case.decided_on <= decided,
            )
        ).scalar_one()
    return out


def case_power(facts: CaseFacts) -> CasePower | None:
    """The power a case cites, as its agency's version in force on the 立案 date has it."""
    if not facts.power_code:
        return None
    own = [v for v in facts.power_versions if v.agency_id == facts.agency_id]
    version = version_in_force(own, facts.filed_on)
    if version is None:
        return CasePower(facts.power_code, None, None, facts.discretion_band, in_force=False)
    band = version.band(facts.discretion_band) if facts.discretion_band else None
    return CasePower(
        version.code,
        version.name,
        version.legal_basis,
        facts.discretion_band,
        tuple(k for k in terms.PENALTY_KINDS if k in band.kinds) if band else (),
        band.fine_min if band else None,
        band.fine_max if band else None,
    )
