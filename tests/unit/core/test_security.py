"""Roles, permissions and password hashing (no store, no Qt)."""

from __future__ import annotations

import pytest

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.security import (
    DEFAULT_PASSWORD_COST,
    Actor,
    PasswordPolicy,
    Permission,
    Role,
    character_classes,
    check_password_rules,
    common_passwords,
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
    Role.SUPERVISOR: set(P) - {P.MANAGE_USERS, P.ADMINISTER},
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


def test_kinds_of_character() -> None:
    assert character_classes("abc") == 1 and character_classes("aB3") == 3 and character_classes("aB3-") == 4
    assert character_classes("执法监督-2026") == 2  # Chinese counts as a symbol


def test_the_shipped_list_holds_a_few_hundred_well_known_passwords() -> None:
    known = common_passwords()
    assert len(known) > 300 and {"123456", "password", "p@ssw0rd123", "woaini1314", "1qaz@wsx3edc"} <= known


@pytest.mark.parametrize(
    ("password", "words"),
    [
        (" " * 10, "only spaces"),
        ("\u3000" * 10, "only spaces"),
        ("Ab-1" * 2, "at least 10"),
        ("abcdefghijkl", "at least 3 of these"),
        ("abcdefgh1234", "at least 3 of these"),
        ("ZhangSan-2026", "user name"),
        ("1qaz@WSX3edc", "well-known"),
    ],
)
def test_each_broken_rule_is_named(password: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        check_password_rules(password, "zhangsan")


def test_a_short_user_name_refuses_only_itself_and_the_setting_raises_the_bar() -> None:
    check_password_rules("Lianluo-2026", "li")  # 'li' inside is no leak
    check_password_rules("Zhifa-2026")
    with pytest.raises(ValidationError, match="at least 12"):
        check_password_rules("Zhifa-2026", policy=PasswordPolicy(min_length=12))
    with pytest.raises(ValidationError, match="at least 4 of these"):
        check_password_rules("zhifa-2026x", policy=PasswordPolicy(min_classes=4))
