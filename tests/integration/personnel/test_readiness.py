"""How far a store's setup has come: agencies, officers, agencies with officers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.core.identifiers import make_resident_id
from desktop.core.security import Role
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.readiness import SetupState, setup_state
from desktop.personnel.service import create_agency, create_officer


def test_an_empty_store_can_take_neither_officers_nor_cases(store, admin) -> None:
    state = setup_state(store, admin)
    assert state == SetupState(0, 0, 0)
    assert not state.can_add_officers and not state.can_add_cases and not state.complete


def test_an_agency_allows_officers_and_its_officers_allow_cases(store, admin) -> None:
    first = create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    create_agency(store, admin, AgencyInput("示范县交通运输局", "县交通局"))
    state = setup_state(store, admin)
    assert state.can_add_officers and not state.can_add_cases
    for i in range(2):
        create_officer(
            store,
            admin,
            OfficerInput(f"张{i}", make_resident_id("341122", date(1980, 1, 1), i), "县市场监管局"),
        )
    state = setup_state(store, admin)
    assert state == SetupState(2, 2, 1) and state.can_add_cases and state.complete
    clerk = replace(admin, role=Role.CLERK, agency_id=first.id + 1)
    assert setup_state(store, clerk) == SetupState(1, 0, 0)  # their own agency only
