"""The demo agencies' officers as the demo register sees them: their 执法证 (which lapse), who
may act on a day, and the 执法证号 that speaks for a day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Certificate, Officer


@dataclass(frozen=True)
class Cert:
    """An officer's 执法证: number, term and status."""

    number: str
    issued_on: date
    expires_on: date
    status: str


@dataclass(frozen=True)
class PoolOfficer:
    """A demo officer with their certificates, oldest first."""

    id: int
    name: str
    certs: tuple[Cert, ...]

    def valid_on(self, day: date) -> bool:
        """An active certificate covers ``day`` (as ``repository.valid_certificate_on`` asks)."""
        return any(c.status == "active" and c.issued_on <= day <= c.expires_on for c in self.certs)

    def expired_before(self, day: date) -> bool:
        """Held a certificate that had expired by ``day`` and none valid then."""
        return not self.valid_on(day) and any(c.expires_on < day for c in self.certs)

    def cert_number(self, day: date) -> str:
        """The 执法证号 that speaks for ``day`` (the valid one, else the latest issued)."""
        valid = [c for c in self.certs if c.status == "active" and c.issued_on <= day <= c.expires_on]
        if valid:
            return valid[-1].number
        return self.certs[-1].number if self.certs else ""


class OfficerPool:
    """An agency's officers, with who may act on a day (remembered per day)."""

    def __init__(self, officers: Sequence[PoolOfficer]) -> None:
        self.officers = tuple(officers)
        self._valid: dict[date, list[PoolOfficer]] = {}
        self._bad: dict[date, list[PoolOfficer]] = {}

    def valid(self, day: date) -> list[PoolOfficer]:
        """Officers with a valid certificate on ``day``."""
        found = self._valid.get(day)
        if found is None:
            found = self._valid[day] = [o for o in self.officers if o.valid_on(day)]
        return found

    def uncertified(self, day: date) -> list[PoolOfficer]:
        """Officers without a valid certificate on ``day``: those whose certificate had expired
        when there are any, else those not yet certified or suspended."""
        found = self._bad.get(day)
        if found is None:
            invalid = [o for o in self.officers if o.certs and not o.valid_on(day)]
            found = self._bad[day] = [o for o in invalid if o.expired_before(day)] or invalid
        return found

    def expired(self, day: date) -> bool:
        """Whether an officer's certificate had expired by ``day``."""
        return any(o.expired_before(day) for o in self.uncertified(day))


def load_officers(session: Session, agency_ids: Iterable[int]) -> dict[int, list[PoolOfficer]]:
    """Each agency's officers with their certificates, in the order of their ID numbers."""
    rows = session.execute(
        select(
            Officer.agency_id,
            Officer.id,
            Officer.name,
            Officer.id_number,
            Certificate.number,
            Certificate.issued_on,
            Certificate.expires_on,
            Certificate.status,
        )
        .outerjoin(Certificate, Certificate.officer_id == Officer.id)
        .where(Officer.agency_id.in_(list(agency_ids)))
        .order_by(Officer.agency_id, Officer.id_number, Certificate.issued_on)
    ).all()
    grouped: dict[tuple[int, int], tuple[str, str, list[Cert]]] = {}
    for agency_id, officer_id, name, id_number, number, issued, expires, status in rows:
        entry = grouped.setdefault((agency_id, officer_id), (id_number, name, []))
        if number is not None:
            entry[2].append(Cert(number, issued, expires, status))
    out: dict[int, list[PoolOfficer]] = defaultdict(list)
    for (agency_id, officer_id), (_id_number, name, certs) in sorted(
        grouped.items(), key=lambda kv: (kv[0][0], kv[1][0])
    ):
        out[agency_id].append(PoolOfficer(officer_id, name, tuple(certs)))
    return out
