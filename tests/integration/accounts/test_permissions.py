"""Role × operation: every service refuses what the role may not do (the window's hidden
buttons are a courtesy; this is the control)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from desktop.accounts.audit import list_audit
from desktop.accounts.service import UserInput, authenticate, create_user, list_users
from desktop.cases import entry, supervision, supervision_settings
from desktop.cases import service as cases
from desktop.cases.dto import CaseInput
from desktop.core.errors import Cancelled, PermissionDenied
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Role
from desktop.demo import load_demo
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer, list_agencies, list_officers

Operation = Callable[[Store, Actor], object]


def load_demo_until_the_first_commit(store: Store, actor: Actor) -> None:
    """Past the permission checks, the demo's people are built, then cancelled before the commit
    (the whole county takes seconds; tests/integration/demo/ loads it)."""
    with pytest.raises(Cancelled):
        load_demo(store, actor, cancelled=lambda: True)


OPERATIONS: dict[str, Operation] = {
    "list agencies": lambda s, a: list_agencies(s, a),
    "create agency": lambda s, a: create_agency(s, a, AgencyInput(f"新局{a.name}")),
    "list officers": lambda s, a: list_officers(s, a),
    "create officer": lambda s, a: create_officer(
        s, a, OfficerInput("新人", make_resident_id("341122", date(1990, 1, 1), len(a.name)), "县市场监管局")
    ),
    "list accounts": lambda s, a: list_users(s, a),
    "create account": lambda s, a: create_user(s, a, UserInput(f"new_{a.name}", "reviewer"), "Whatever-1"),
    "read audit": lambda s, a: list_audit(s, a, ListQuery()),
    "load demo": lambda s, a: load_demo_until_the_first_commit(s, a),
    "list cases": lambda s, a: cases.list_cases(s, a),
    "list warnings": lambda s, a: supervision.list_warnings(s, a),
    "create case": lambda s, a: entry.create_case(
        s,
        a,
        CaseInput(
            f"罚〔2026〕{a.name}号",
            "县市场监管局",
            "行政检查",
            "日常检查",
            "某商店",
            date(2026, 11, 2),
            ("甲", "乙"),
        ),
    ),
    "handle warning": lambda s, a: supervision.handle_warning(s, a, 1, "single_officer", None, "已约谈"),
    "edit calendar": lambda s, a: supervision_settings.set_calendar_override(
        s, a, date(2027, 1, 1), None, False, "元旦"
    ),
}
_READ_CASES = {"list cases", "list warnings"}
ALLOWED = {
    Role.ADMIN: set(OPERATIONS),
    Role.SUPERVISOR: set(OPERATIONS) - {"list accounts", "create account", "load demo"},
    Role.REVIEWER: {"list agencies", "list officers", *_READ_CASES},
    Role.TRAINER: {"list agencies", "list officers", "create officer"},
    Role.CLERK: {"list agencies", "list officers", "create case", *_READ_CASES},
    Role.AGENCY: {"list agencies", "list officers", *_READ_CASES},
}


@pytest.fixture
def actors(store: Store, admin: Actor) -> dict[Role, Actor]:
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    for n, name in enumerate(("甲", "乙")):
        create_officer(
            store,
            admin,
            OfficerInput(name, make_resident_id("341122", date(1980, 1, 1), 90 + n), "县市场监管局"),
        )
    entry.create_case(
        store,
        admin,
        CaseInput(
            "罚〔2026〕1号", "县市场监管局", "行政检查", "日常检查", "某超市", date(2026, 11, 1), ("甲",)
        ),
    )
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
