"""Roles, permissions and password hashing (no store, no Qt)."""

from __future__ import annotations

import pytest

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.security import (
    Actor,
    Permission,
    Role,
    check_password_rules,
    hash_password,
    require,
    require_agency,
    verify_password,
)

P = Permission
EXPECTED = {
    Role.ADMIN: set(P),
    Role.SUPERVISOR: set(P) - {P.MANAGE_USERS},
    Role.REVIEWER: {P.VIEW_AGENCIES, P.VIEW_OFFICERS, P.VIEW_CASES, P.VIEW_REVIEWS, P.SCORE_FILES},
    Role.TRAINER: {P.VIEW_AGENCIES, P.VIEW_OFFICERS, P.EDIT_OFFICERS, P.VIEW_ID_NUMBERS},
    Role.CLERK: {P.VIEW_AGENCIES, P.VIEW_OFFICERS, P.VIEW_CASES, P.EDIT_CASES},
    Role.AGENCY: {P.VIEW_AGENCIES, P.VIEW_OFFICERS, P.VIEW_CASES, P.VIEW_REVIEWS, P.REQUEST_RECHECK},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_role_permission_matrix(role: Role, permission: Permission) -> None:
    actor = Actor(1, "u", "u", role, agency_id=7)
    if permission in EXPECTED[role]:
        require(actor, permission)
    else:
        with pytest.raises(PermissionDenied):
            require(actor, permission)


def test_scoped_roles_stay_in_their_agency() -> None:
    clerk = Actor(1, "c", "c", Role.CLERK, agency_id=3)
    require_agency(clerk, 3)
    with pytest.raises(PermissionDenied):
        require_agency(clerk, 4)
    supervisor = Actor(2, "s", "s", Role.SUPERVISOR, agency_id=3)
    require_agency(supervisor, 4)  # the county's supervisors see every agency


def test_password_hash_is_salted_and_verifies() -> None:
    first, second = hash_password("Secret-123"), hash_password("Secret-123")
    assert first != second and first.startswith("scrypt$")
    assert "Secret-123" not in first
    assert verify_password("Secret-123", first)
    assert not verify_password("Secret-124", first)
    assert not verify_password("Secret-123", "garbage")


@pytest.mark.parametrize("weak", ["short1", "onlyletters", "1234567890"])
def test_weak_passwords_are_refused(weak: str) -> None:
    with pytest.raises(ValidationError):
        check_password_rules(weak)
