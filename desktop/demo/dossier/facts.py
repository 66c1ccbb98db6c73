"""What a demo dossier says about its case (``DossierFacts``): the demo's register hands them to
``write_dossier``, and every document writer reads them; everything else is made up from the seed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class DossierFacts:
    """What the dossier says about one case; everything else is made up from the seed."""

    case_no: str
    agency: str
    category: str
    cause: str
    party: str
    party_type: str | None
    officers: tuple[str, ...]
    cert_numbers: tuple[str, ...]
    filed_on: date
    decided_on: date | None
    served_on: date | None
    penalty_kinds: tuple[str, ...]
    amount: Decimal | None
    legal_basis: str | None
