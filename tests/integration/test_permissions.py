"""Role × operation: every service refuses what the role may not do (the window's hidden
buttons are a courtesy; this is the control)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from desktop.accounts import UserInput, authenticate, create_user, list_users
from desktop.audit import list_audit
from desktop.demo import load_demo
from desktop.errors import PermissionDenied
from desktop.identifiers import make_resident_id
from desktop.models.db import Store
from desktop.paging import ListQuery
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer, list_agencies, list_officers
from desktop.security import Actor, Role

Operation = Callable[[Store, Actor], object]
OPERATIONS: dict[str, Operation] = {
    "list agencies": lambda s, a: list_agencies(s, a),
    "create agency": lambda s, a: create_agency(s, a, AgencyInput(f"新局{a.name}")),
    "list officers": lambda s, a: list_officers(s, a),
    "create officer": lambda s, a: create_officer(s, a, OfficerInput(
        "新人", make_resident_id("341122", date(1990, 1, 1), len(a.name)), "县市场监管局")),
    "list accounts": lambda s, a: list_users(s, a),
    "create account": lambda s, a: create_user(s, a, UserInput(f"new_{a.name}", "reviewer"), "Whatever-1"),
    "read audit": lambda s, a: list_audit(s, a, ListQuery()),
    "load demo": lambda s, a: load_demo(s, a),
}
ALLOWED = {
    Role.ADMIN: set(OPERATIONS),
    Role.SUPERVISOR: set(OPERATIONS) - {"list accounts", "create account", "load demo"},
    Role.REVIEWER: {"list agencies", "list officers"},
    Role.TRAINER: {"list agencies", "list officers", "create officer"},
    Role.CLERK: {"list agencies", "list officers"},
    Role.AGENCY: {"list agencies", "list officers"},
}


@pytest.fixture
def actors(store: Store, admin: Actor) -> dict[Role, Actor]:
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    found = {Role.ADMIN: admin}
    for role in Role:
        if role is Role.ADMIN:
            continue
        create_user(store, admin, UserInput(role.value, role, agency="县市场监管局"), "Password-1")
        found[role] = authenticate(store, role.value, "Password-1")
    return found


@pytest.mark.parametrize("role", list(Role))
def test_role_operation_matrix(store: Store, actors: dict[Role, Actor], role: Role) -> None:
    for name, operation in OPERATIONS.items():
        if name in ALLOWED[role]:
            operation(store, actors[role])
        else:
            with pytest.raises(PermissionDenied):
                operation(store, actors[role])
