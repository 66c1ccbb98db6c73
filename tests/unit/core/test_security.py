"""Roles, permissions and password hashing (no store, no Qt)."""

from __future__ import annotations

import pytest

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.security import (
    DEFAULT_PASSWORD_COST,
    Actor,
    Permission,
    Role,
    check_password_rules,
    hash_password,
    password_cost,
    require,
    require_agency,
    set_password_cost,
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


@pytest.fixture
def real_password_cost():
    """The cost the program hashes with (tests/conftest.py lowers it for every other test)."""
    lowered = password_cost()
    set_password_cost(DEFAULT_PASSWORD_COST)
    yield
    set_password_cost(lowered)


def test_the_program_hashes_with_scrypt_n_16384_and_a_cheaper_hash_still_verifies(real_password_cost) -> None:
    assert DEFAULT_PASSWORD_COST == password_cost() == 2**14
    stored = hash_password("Secret-123")
    scheme, n, r, p, _salt, _digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert verify_password("Secret-123", stored) and not verify_password("Secret-124", stored)
    set_password_cost(2**4)
    cheap = hash_password("Secret-123")
    assert cheap.split("$")[1] == "16"
    set_password_cost(DEFAULT_PASSWORD_COST)
    assert verify_password("Secret-123", cheap)  # a stored hash keeps its own cost


def test_the_tests_hash_cheaply() -> None:
    assert password_cost() < DEFAULT_PASSWORD_COST
    assert hash_password("Secret-123").split("$")[1] == str(password_cost())


@pytest.mark.parametrize("cost", [0, 1, 3, 1000])
def test_a_cost_that_is_not_a_power_of_two_is_refused(cost: int) -> None:
    with pytest.raises(ValueError):
        set_password_cost(cost)


@pytest.mark.parametrize("weak", ["short1", "onlyletters", "1234567890"])
def test_weak_passwords_are_refused(weak: str) -> None:
    with pytest.raises(ValidationError):
        check_password_rules(weak)
