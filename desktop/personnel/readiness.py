"""Whether a store is ready for work: the first steps a new store needs (执法主体 → 执法人员 →
案件), counted for the user's view of the county (a scoped user: their own agency)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from desktop.core.security import Actor, Permission, require
from desktop.models import Agency, Officer
from desktop.models.db import Store


@dataclass(frozen=True)
class SetupState:
    """How far a store's setup has come."""

    agencies: int
    officers: int
    agencies_with_officers: int

    @property
    def can_add_officers(self) -> bool:
        """An officer needs an agency."""
        return self.agencies > 0

    @property
    def can_add_cases(self) -> bool:
        """A case needs an agency with officers to handle it."""
        return self.agencies_with_officers > 0

    @property
    def complete(self) -> bool:
        """Every agency step done: the first-steps panel has nothing left to say."""
        return self.agencies > 0 and self.officers > 0


def setup_state(store: Store, actor: Actor) -> SetupState:
    """Counts of agencies, officers and agencies with officers the user works with (only counts:
    any user who sees cases, agencies or officers may ask)."""
    if not any(
        actor.can(p) for p in (Permission.VIEW_CASES, Permission.VIEW_AGENCIES, Permission.VIEW_OFFICERS)
    ):
        require(actor, Permission.VIEW_AGENCIES)  # refuses, naming the permission
    scope = actor.scope_agency_id
    with store.reading() as session:
        agencies = select(func.count()).select_from(Agency)
        officers = select(func.count()).select_from(Officer)
        staffed = select(func.count(distinct(Officer.agency_id)))
        if scope is not None:
            agencies = agencies.where(Agency.id == scope)
            officers = officers.where(Officer.agency_id == scope)
            staffed = staffed.where(Officer.agency_id == scope)
        return SetupState(
            session.execute(agencies).scalar_one(),
            session.execute(officers).scalar_one(),
            session.execute(staffed).scalar_one(),
        )
