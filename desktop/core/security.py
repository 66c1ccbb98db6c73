"""Roles, permissions, the acting user and password hashing (no Qt, no store access).

Every service entry calls ``require(actor, Permission.X)`` before it reads or writes; a hidden
button in the window is a courtesy, this is the control.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from desktop.core.errors import PermissionDenied, Term, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    """The roles of CLI.md."""

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    REVIEWER = "reviewer"
    TRAINER = "trainer"
    CLERK = "clerk"
    AGENCY = "agency"


ROLE_TITLES = {
    Role.ADMIN: QT_TRANSLATE_NOOP("roles", "Administrator"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "Supervisor"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("roles", "Case-file reviewer"),
    Role.TRAINER: QT_TRANSLATE_NOOP("roles", "Training officer"),
    Role.CLERK: QT_TRANSLATE_NOOP("roles", "Evidence clerk"),
    Role.AGENCY: QT_TRANSLATE_NOOP("roles", "Agency user"),
}

SCOPED_ROLES = frozenset({Role.CLERK, Role.AGENCY})
"""Roles that see only their own agency's officers and data (an agency is required)."""


class Permission(StrEnum):
    """What a service may be asked to do."""

    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    VIEW_AGENCIES = "view_agencies"
    EDIT_AGENCIES = "edit_agencies"
    VIEW_OFFICERS = "view_officers"
    EDIT_OFFICERS = "edit_officers"
    VIEW_ID_NUMBERS = "view_id_numbers"
    LOAD_DEMO = "load_demo"
    VIEW_CASES = "view_cases"
    EDIT_CASES = "edit_cases"
    HANDLE_WARNINGS = "handle_warnings"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_REVIEWS = "manage_reviews"
    """Standards, campaigns and draws, recheck assignment, reopening a submitted score."""
    VIEW_REVIEWS = "view_reviews"
    """Campaigns and results (reviewers: their files; agency users: their agency's)."""
    SCORE_FILES = "score_files"
    REQUEST_RECHECK = "request_recheck"
    MANAGE_POWERS = "manage_powers"
    """The catalogue of powers (执法事项), the inspection targets and the 双随机 plans."""
    ADMINISTER = "administer"
    """The workstation's store connection, the import limits and plausible years, the audit anchors' folder."""
    MANAGE_EXAMS = "manage_exams"
    """The question bank, blueprints, generating papers, grading."""
    VIEW_EXAMS = "view_exams"
    """Exam results and item analysis."""
    MANAGE_CERTIFICATES = "manage_certificates"
    """Certificate events (暂停, 恢复, 年审 …), the training ledger, cards and their key."""
    VET_CERTIFICATES = "vet_certificates"
    """审核 of a certificate application (pass or refuse): supervisors and administrators."""


PERMISSION_TITLES = {
    Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("permissions", "manage user accounts"),
    Permission.VIEW_AUDIT: QT_TRANSLATE_NOOP("permissions", "view the audit record"),
    Permission.VIEW_AGENCIES: QT_TRANSLATE_NOOP("permissions", "view agencies"),
    Permission.EDIT_AGENCIES: QT_TRANSLATE_NOOP("permissions", "change agencies"),
    Permission.VIEW_OFFICERS: QT_TRANSLATE_NOOP("permissions", "view officers"),
    Permission.EDIT_OFFICERS: QT_TRANSLATE_NOOP("permissions", "change officers"),
    Permission.VIEW_ID_NUMBERS: QT_TRANSLATE_NOOP("permissions", "see whole ID numbers"),
    Permission.LOAD_DEMO: QT_TRANSLATE_NOOP("permissions", "load the demo county"),
    Permission.VIEW_CASES: QT_TRANSLATE_NOOP("permissions", "view cases"),
    Permission.EDIT_CASES: QT_TRANSLATE_NOOP("permissions", "change cases"),
    Permission.HANDLE_WARNINGS: QT_TRANSLATE_NOOP("permissions", "handle supervision warnings"),
    Permission.EDIT_SETTINGS: QT_TRANSLATE_NOOP("permissions", "change the settings"),
    Permission.MANAGE_REVIEWS: QT_TRANSLATE_NOOP("permissions", "manage case-file reviews"),
    Permission.VIEW_REVIEWS: QT_TRANSLATE_NOOP("permissions", "view case-file reviews"),
    Permission.SCORE_FILES: QT_TRANSLATE_NOOP("permissions", "score case files"),
    Permission.REQUEST_RECHECK: QT_TRANSLATE_NOOP("permissions", "request a recheck"),
    Permission.MANAGE_POWERS: QT_TRANSLATE_NOOP("permissions", "manage powers and inspection plans"),
    Permission.ADMINISTER: QT_TRANSLATE_NOOP(
        "permissions", "administer the workstation (its store, input limits and audit anchors)"
    ),
    Permission.MANAGE_EXAMS: QT_TRANSLATE_NOOP("permissions", "manage exams and the question bank"),
    Permission.VIEW_EXAMS: QT_TRANSLATE_NOOP("permissions", "view exam results"),
    Permission.MANAGE_CERTIFICATES: QT_TRANSLATE_NOOP("permissions", "manage certificates and training"),
    Permission.VET_CERTIFICATES: QT_TRANSLATE_NOOP("permissions", "vet certificate applications"),
}
"""Each permission in words, as a refusal names it (never its code)."""

_EVERYTHING = frozenset(Permission)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: _EVERYTHING,
    Role.SUPERVISOR: _EVERYTHING - {Permission.MANAGE_USERS, Permission.ADMINISTER},
    Role.REVIEWER: frozenset(
        {
            Permission.VIEW_AGENCIES,
            Permission.VIEW_OFFICERS,
            Permission.VIEW_CASES,
            Permission.VIEW_REVIEWS,
            Permission.SCORE_FILES,
        }
    ),
    Role.TRAINER: frozenset(
        {
            Permission.VIEW_AGENCIES,
            Permission.VIEW_OFFICERS,
            Permission.EDIT_OFFICERS,
            Permission.VIEW_ID_NUMBERS,
            Permission.MANAGE_EXAMS,
            Permission.VIEW_EXAMS,
            Permission.MANAGE_CERTIFICATES,
        }
    ),
    Role.CLERK: frozenset(
        {Permission.VIEW_AGENCIES, Permission.VIEW_OFFICERS, Permission.VIEW_CASES, Permission.EDIT_CASES}
    ),
    Role.AGENCY: frozenset(
        {
            Permission.VIEW_AGENCIES,
            Permission.VIEW_OFFICERS,
            Permission.VIEW_CASES,
            Permission.VIEW_REVIEWS,
            Permission.REQUEST_RECHECK,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """The user a service acts for."""

    id: int
    name: str
    display_name: str
    role: Role
    agency_id: int | None = None
    agency_name: str | None = None

    def can(self, permission: Permission) -> bool:
        """Whether the role grants ``permission``."""
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def scope_agency_id(self) -> int | None:
        """The one agency this user is limited to, or None for the whole county."""
        return self.agency_id if self.role in SCOPED_ROLES else None

    @property
    def label(self) -> str:
        """How the audit and the status bar name the user."""
        return self.display_name or self.name


def require(actor: Actor, permission: Permission) -> None:
    """Refuse unless the actor's role grants ``permission``."""
    if not actor.can(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "User {user} ({role}) may not do this: {permission}."),
            user=actor.name,
            role=Term("roles", ROLE_TITLES[actor.role]),
            permission=Term("permissions", PERMISSION_TITLES[permission]),
        )


def require_agency(actor: Actor, agency_id: int | None) -> None:
    """Refuse when a scoped user reaches outside their agency."""
    scope = actor.scope_agency_id
    if scope is not None and agency_id != scope:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "User {user} may only work with their own agency's records."),
            user=actor.name,
        )


# ---------------------------------------------------------------------------- passwords

MIN_PASSWORD_LENGTH = 10
DEFAULT_PASSWORD_COST = 2**14
"""scrypt's N (CPU and memory cost) for new hashes: ≈ 50 ms and 16 MiB a hash."""
_SCRYPT_R, _SCRYPT_P = 8, 1
_password_cost = DEFAULT_PASSWORD_COST


def set_password_cost(n: int) -> None:
    """Hash new passwords with scrypt's N = ``n`` (a power of two); the program keeps the default,
    the tests lower it (tests/conftest.py). A stored hash names its own cost, so it still verifies."""
    global _password_cost
    if n < 2 or n & (n - 1):
        raise ValueError(f"scrypt's N must be a power of two, not {n}")
    _password_cost = n


def password_cost() -> int:
    """scrypt's N for new hashes."""
    return _password_cost


def hash_password(password: str) -> str:
    """A salted scrypt hash, self-describing: ``scrypt$n$r$p$salt$hash`` (base64)."""
    salt = secrets.token_bytes(16)
    n = _password_cost
    digest = _scrypt(password, salt, n, _SCRYPT_R, _SCRYPT_P)
    return "$".join(
        [
            "scrypt",
            str(n),
            str(_SCRYPT_R),
            str(_SCRYPT_P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        ]
    )


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32
    )


PASSWORD_MIN_CLASSES = 3
"""Of the four kinds (lower-case letters, upper-case letters, digits, anything else)."""


@dataclass(frozen=True)
class PasswordPolicy:
    """How strong a new password must be (store settings ``security.password_min_length`` and
    ``security.password_min_classes``; these defaults when the store sets nothing)."""

    min_length: int = MIN_PASSWORD_LENGTH
    min_classes: int = PASSWORD_MIN_CLASSES


def character_classes(password: str) -> int:
    """How many of the four kinds of character ``password`` uses."""
    kinds = (str.islower, str.isupper, str.isdigit)
    found = {i for ch in password for i, kind in enumerate(kinds) if kind(ch)}
    if any(not (ch.islower() or ch.isupper() or ch.isdigit()) for ch in password):
        found.add(3)
    return len(found)


@cache
def common_passwords() -> frozenset[str]:
    """The well-known passwords shipped in ``resources/security/common_passwords.txt`` (lower case)."""
    from desktop.core.paths import resources_dir

    path = resources_dir() / "security" / "common_passwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check_password_rules(
    password: str, user_name: str = "", policy: PasswordPolicy = PasswordPolicy()
) -> None:
    """Refuse a weak password, naming the rule it breaks: all blank, too short, too few kinds of
    character, the user name in it (any case; a name of one or two characters only as the whole
    password), or a well-known password."""
    if not password.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password cannot be only spaces."), field="password"
        )
    if len(password) < policy.min_length:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password must have at least {n} characters."),
            field="password",
            n=policy.min_length,
        )
    if character_classes(password) < policy.min_classes:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The password must use at least {n} of these: lower-case letters, upper-case letters, "
                "digits, symbols.",
            ),
            field="password",
            n=policy.min_classes,
        )
    name, folded = user_name.strip().casefold(), password.casefold()
    if name and (name == folded.strip() or (len(name) >= 3 and name in folded)):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password must not contain the user name."), field="password"
        )
    if password.strip().lower() in common_passwords():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "This password is on the list of well-known passwords; choose another."
            ),
            field="password",
        )
