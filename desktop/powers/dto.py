"""What the powers services hand to views and the command line (frozen, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class BandRow:
    """One discretion band (裁量档次) of a power."""

    band: str
    circumstances: str | None
    penalty_kinds: tuple[str, ...]
    fine_min: Decimal | None
    fine_max: Decimal | None

    def as_dict(self) -> dict:
        """The JSON shape."""
        return {
            "band": self.band,
            "circumstances": self.circumstances,
            "penalty_kinds": list(self.penalty_kinds),
            "fine_min": _money(self.fine_min),
            "fine_max": _money(self.fine_max),
        }


@dataclass(frozen=True)
class PowerRow:
    """One version of a power (执法事项) with its bands."""

    id: int
    code: str
    agency_id: int
    agency: str
    name: str
    category: str
    legal_basis: str
    effective_on: date
    expires_on: date | None
    bands: tuple[BandRow, ...]
    agency_short_name: str | None = None

    def as_dict(self) -> dict:
        """The JSON shape of ``powers list``."""
        return {
            "code": self.code,
            "agency": self.agency,
            "name": self.name,
            "category": self.category,
            "legal_basis": self.legal_basis,
            "effective_on": self.effective_on.isoformat(),
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
            "bands": [b.as_dict() for b in self.bands],
        }


@dataclass(frozen=True)
class TargetRow:
    """An inspection target (检查对象)."""

    id: int
    name: str
    credit_code: str
    kind: str
    field: str
    risk: str
    address: str | None

    def as_dict(self) -> dict:
        """The JSON shape of ``targets list``."""
        return {
            "name": self.name,
            "credit_code": self.credit_code,
            "kind": self.kind,
            "field": self.field,
            "risk": self.risk,
            "address": self.address,
        }


@dataclass(frozen=True)
class PlanItemRow:
    """A drawn target of a plan with its inspectors and result."""

    target: str
    credit_code: str
    risk: str
    rank: str
    inspectors: tuple[str, ...]
    result: str | None = None
    result_on: date | None = None
    case_no: str | None = None
    published_on: date | None = None

    def as_dict(self) -> dict:
        """The item shape of ``inspections plan`` (CLI.md)."""
        return {
            "target": self.target,
            "credit_code": self.credit_code,
            "risk": self.risk,
            "inspectors": list(self.inspectors),
            "result": self.result,
            "result_on": self.result_on.isoformat() if self.result_on else None,
            "case_no": self.case_no,
            "published_on": self.published_on.isoformat() if self.published_on else None,
        }


@dataclass(frozen=True)
class PlanResult:
    """A plan and its draw."""

    plan: str
    seed: str
    agency: str
    field: str
    start_on: date
    end_on: date
    items: tuple[PlanItemRow, ...]
    candidates: int
    matches: bool | None = None
    """``--verify``: whether drawing again gives the stored items (None when not verified)."""
    differences: tuple[str, ...] = ()
    agency_short_name: str | None = None
    """The agency's 简称 (the window shows it, the full name on hover)."""

    def as_dict(self) -> dict:
        """The JSON shape of ``inspections plan`` (CLI.md)."""
        out = {
            "plan": self.plan,
            "seed": self.seed,
            "agency": self.agency,
            "field": self.field,
            "from": self.start_on.isoformat(),
            "to": self.end_on.isoformat(),
            "candidates": self.candidates,
            "items": [i.as_dict() for i in self.items],
        }
        if self.matches is not None:
            out["matches"] = self.matches
            out["differences"] = list(self.differences)
        return out


@dataclass(frozen=True)
class PlanSummary:
    """A plan in the list of plans."""

    id: int
    name: str
    agency: str
    field: str
    seed: str
    start_on: date
    end_on: date
    items: int
    checked: int
    published: int
    created_by: str
    agency_short_name: str | None = None
    """The agency's 简称, else its name (the list shows it, the full name on hover)."""


@dataclass(frozen=True)
class LeadRow:
    """A case source (案源) and its decision."""

    id: int
    agency: str
    number: str
    source: str
    received_on: date
    party: str | None
    summary: str
    decision: str | None
    decided_on: date | None
    case_no: str | None
    reason: str | None
    due: date | None
    overdue: bool

    def as_dict(self) -> dict:
        """The JSON shape of ``leads list``."""
        return {
            "agency": self.agency,
            "number": self.number,
            "source": self.source,
            "received_on": self.received_on.isoformat(),
            "party": self.party,
            "summary": self.summary,
            "decision": self.decision,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "case_no": self.case_no,
            "reason": self.reason,
            "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class PartyCase:
    """One case of a party (行政相对人)."""

    case_no: str
    agency: str
    category: str
    filed_on: date
    decided_on: date | None
    penalty_kinds: tuple[str, ...]
    amount: Decimal | None
    band: str | None

    def as_dict(self) -> dict:
        """The JSON shape."""
        return {
            "case_no": self.case_no,
            "agency": self.agency,
            "category": self.category,
            "filed_on": self.filed_on.isoformat(),
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "penalty_kinds": list(self.penalty_kinds),
            "amount": _money(self.amount),
            "band": self.band,
        }


@dataclass(frozen=True)
class PartyRecord:
    """A party (行政相对人): one record per 证件号码, with all their cases across agencies."""

    id_number: str
    names: tuple[str, ...]
    party_type: str | None
    cases: tuple[PartyCase, ...]
    punished_last_year: int
    repeat: bool

    def as_dict(self) -> dict:
        """The JSON shape of ``parties show``."""
        return {
            "id_number": self.id_number,
            "names": list(self.names),
            "party_type": self.party_type,
            "cases": [c.as_dict() for c in self.cases],
            "total": len(self.cases),
            "punished_last_year": self.punished_last_year,
            "repeat": self.repeat,
        }


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"
