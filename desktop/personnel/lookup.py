"""Agencies as the other areas find them inside their own unit of work: the agency an account or
a case names. No permission check here: the calling service has made its own."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.personnel import repository as repo
from desktop.personnel.dto import AgencyRef


def find_agency(session: Session, key: str | int) -> AgencyRef:
    """An agency by id, full name or short name; NotFound names the key otherwise."""
    agency = repo.find_agency(session, key)
    return AgencyRef(agency.id, agency.name)


def agency_ids_by_name(session: Session) -> dict[str, int]:
    """Every agency's full and short name → id (for imports)."""
    return repo.agency_names(session)
