"""User accounts: first administrator, login with lockout, and the administrator's account work.

Five failed logins lock an account for fifteen minutes; every failure and lock is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from desktop.accounts import audit
from desktop.core.clock import parse_utc_iso, utc_iso
from desktop.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page
from desktop.core.security import (
    SCOPED_ROLES,
    Actor,
    Permission,
    Role,
    check_password_rules,
    hash_password,
    require,
    verify_password,
)
from desktop.models import Agency, User
from desktop.models.db import Store
from desktop.models.queries import fetch_page, search_clause

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
USER_AUDITED_FIELDS = ("name", "display_name", "role", "agency_id", "active")
_DUMMY_HASH = "scrypt$16384$8$1$8PB7hO6KxC/0hkxO1nFKnw==$XH1a6WQ9zcu7VwxE3lCmU5GGpQQDlDtuGpE0Zncjm3w="
"""A hash of a random password nobody kept, made once (not at each start: a scrypt takes ≈ 50 ms):
an unknown account is checked against it so that it answers in the time a real check takes."""


@dataclass(frozen=True)
class UserRow:
    """An account as the window and the command line show it."""

    id: int
    name: str
    display_name: str
    role: Role
    agency_id: int | None
    agency_name: str | None
    active: bool
    locked_until: str | None
    last_login_at: str | None
    version: int
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class UserInput:
    """What the administrator fills in for an account."""

    name: str
    role: Role | str
    display_name: str = ""
    agency: str | int | None = None
    active: bool = True


def has_users(store: Store) -> bool:
    """Whether any account exists (an empty store offers to create the administrator)."""
    with store.reading() as session:
        return session.execute(select(func.count()).select_from(User)).scalar_one() > 0


def create_first_admin(store: Store, name: str, password: str, display_name: str = "") -> Actor:
    """Create the administrator of an empty store; refused once any account exists."""
    check_password_rules(password)
    name = check_user_name(name)
    with store.unit_of_work() as uow:
        if uow.session.execute(select(func.count()).select_from(User)).scalar_one():
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "The store already has accounts; ask an administrator for one.")
            )
        user = User(
            name=name,
            display_name=display_name or name,
            role=Role.ADMIN.value,
            password_hash=hash_password(password),
            updated_at=utc_iso(store.clock.now()),
            updated_by=name,
        )
        uow.session.add(user)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            name,
            "create",
            "user",
            user.id,
            after=audit.snapshot(user, USER_AUDITED_FIELDS),
            summary=name,
        )
        uow.commit()
        return _actor(user)


def authenticate(store: Store, name: str, password: str) -> Actor:
    """Check a login; count failures, lock after five, and audit both."""
    now = store.clock.now()
    with store.unit_of_work() as uow:
        user = uow.session.execute(select(User).where(User.name == name.strip())).scalar_one_or_none()
        if user is None or not user.active:
            verify_password(password, _DUMMY_HASH)  # same time as a real check
            audit.record(
                uow.session,
                store,
                name.strip() or "?",
                "login_failed",
                "user",
                "",
                after={"known_account": user is not None, "active": bool(user and user.active)},
                summary=name.strip(),
            )
            uow.commit()
            raise _wrong_login()
        if user.locked_until and parse_utc_iso(user.locked_until) > now:
            minutes = int((parse_utc_iso(user.locked_until) - now).total_seconds() // 60) + 1
            raise AccountLocked(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Account {user} is locked after repeated failed logins; try again in {minutes} minute(s).",
                ),
                user=user.name,
                minutes=minutes,
            )
        if not verify_password(password, user.password_hash):
            _count_failure(uow.session, store, user)
            uow.commit()
            if user.locked_until:
                raise AccountLocked(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Account {user} is now locked for {minutes} minutes after {count} failed logins.",
                    ),
                    user=user.name,
                    minutes=int(LOCKOUT.total_seconds() // 60),
                    count=MAX_FAILED_LOGINS,
                )
            raise _wrong_login()
        user.failed_attempts, user.locked_until, user.last_login_at = 0, None, utc_iso(now)
        audit.record(uow.session, store, user.name, "login", "user", user.id, summary=user.name)
        uow.commit()
        return _actor(user)


def _count_failure(session, store: Store, user: User) -> None:  # type: ignore[no-untyped-def]
    user.failed_attempts += 1
    audit.record(
        session,
        store,
        user.name,
        "login_failed",
        "user",
        user.id,
        after={"failed_attempts": user.failed_attempts},
        summary=user.name,
    )
    if user.failed_attempts >= MAX_FAILED_LOGINS:
        user.locked_until = utc_iso(store.clock.now() + LOCKOUT)
        user.failed_attempts = 0
        audit.record(
            session,
            store,
            user.name,
            "account_locked",
            "user",
            user.id,
            after={"locked_until": user.locked_until},
            summary=user.name,
        )


def _wrong_login() -> AuthenticationFailed:
    return AuthenticationFailed(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))


def list_users(store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None)) -> Page[UserRow]:
    """Accounts, searched and sorted (administrators only)."""
    require(actor, Permission.MANAGE_USERS)
    stmt = select(User, Agency.name).outerjoin(Agency, User.agency_id == Agency.id)
    clause = search_clause(query.search, [User.name, User.display_name])
    if clause is not None:
        stmt = stmt.where(clause)
    if query.filter("role"):
        stmt = stmt.where(User.role == query.filter("role"))
    sorts = {
        "name": User.name,
        "display_name": User.display_name,
        "role": User.role,
        "agency": Agency.name,
        "last_login_at": User.last_login_at,
    }
    with store.reading() as session:
        rows, total = fetch_page(session, stmt, query, sorts, [User.name], User.id)
        return Page(tuple(_row(u, agency) for u, agency in rows), total)


def create_user(store: Store, actor: Actor, data: UserInput, password: str) -> UserRow:
    """Create an account with a role and, for scoped roles, an agency."""
    require(actor, Permission.MANAGE_USERS)
    check_password_rules(password)
    name = check_user_name(data.name)
    with store.unit_of_work() as uow:
        session = uow.session
        if session.execute(select(User.id).where(User.name == name)).first():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "An account named {name} already exists."),
                field="name",
                name=name,
            )
        role, agency = _role_and_agency(session, data)
        user = User(
            name=name,
            display_name=data.display_name.strip() or name,
            role=role.value,
            agency_id=agency.id if agency else None,
            active=data.active,
            password_hash=hash_password(password),
            updated_at=utc_iso(store.clock.now()),
            updated_by=actor.name,
        )
        session.add(user)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "create",
            "user",
            user.id,
            after=audit.snapshot(user, USER_AUDITED_FIELDS),
            summary=name,
        )
        uow.commit()
        return _row(user, agency.name if agency else None)


def update_user(store: Store, actor: Actor, user_id: int, version: int, data: UserInput) -> UserRow:
    """Change an account's display name, role, agency or active flag (optimistic lock)."""
    require(actor, Permission.MANAGE_USERS)
    with store.unit_of_work() as uow:
        session = uow.session
        user = _get(session, user_id)
        check_version(user, version)
        before = audit.snapshot(user, USER_AUDITED_FIELDS)
        role, agency = _role_and_agency(session, data)
        if user.id == actor.id and (role != Role.ADMIN or not data.active):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "You cannot remove your own administrator rights or disable yourself."
                ),
                field="role",
            )
        user.display_name = data.display_name.strip() or user.name
        user.role, user.agency_id, user.active = role.value, agency.id if agency else None, data.active
        user.updated_at, user.updated_by = utc_iso(store.clock.now()), actor.name
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "update",
            "user",
            user.id,
            before=before,
            after=audit.snapshot(user, USER_AUDITED_FIELDS),
            summary=user.name,
        )
        uow.commit()
        return _row(user, agency.name if agency else None)


def reset_password(store: Store, actor: Actor, user_id: int, password: str) -> None:
    """Set a new password for an account and lift any lock (administrators only)."""
    require(actor, Permission.MANAGE_USERS)
    check_password_rules(password)
    with store.unit_of_work() as uow:
        user = _get(uow.session, user_id)
        user.password_hash = hash_password(password)
        user.failed_attempts, user.locked_until = 0, None
        user.updated_at, user.updated_by = utc_iso(store.clock.now()), actor.name
        audit.record(uow.session, store, actor.name, "reset_password", "user", user.id, summary=user.name)
        uow.commit()


def change_own_password(store: Store, actor: Actor, old: str, new: str) -> None:
    """A user changes their own password, proving the old one."""
    check_password_rules(new)
    with store.unit_of_work() as uow:
        user = _get(uow.session, actor.id)
        if not verify_password(old, user.password_hash):
            raise _wrong_login()
        user.password_hash = hash_password(new)
        user.updated_at, user.updated_by = utc_iso(store.clock.now()), actor.name
        audit.record(uow.session, store, actor.name, "change_password", "user", user.id, summary=user.name)
        uow.commit()


def check_version(row: object, version: int) -> None:
    """Refuse a write based on an older read of ``row``: name who changed it and when."""
    if row.version != version:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Changed by {who} at {when} — reload and try again."),
            who=row.updated_by,
            when=_local_minutes(row.updated_at),
        )


def _local_minutes(text: str) -> str:
    try:
        return parse_utc_iso(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def _role_and_agency(session, data: UserInput) -> tuple[Role, Agency | None]:  # type: ignore[no-untyped-def]
    try:
        role = Role(data.role)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown role {role}; use one of: {roles}."),
            field="role",
            role=data.role,
            roles=", ".join(r.value for r in Role),
        ) from None
    agency = None
    if data.agency not in (None, ""):
        from desktop.personnel.repository import find_agency

        agency = find_agency(session, data.agency)
    if role in SCOPED_ROLES and agency is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Role {role} needs an agency."), field="agency", role=role.value
        )
    return role, agency


def check_user_name(name: str) -> str:
    """The trimmed user name, or a ValidationError (1 to 64 characters, no spaces)."""
    name = name.strip()
    if not name or len(name) > 64 or any(ch.isspace() for ch in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A user name is 1 to 64 characters without spaces."), field="name"
        )
    return name


def _get(session, user_id: int) -> User:  # type: ignore[no-untyped-def]
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such account (id {id})."), id=user_id)
    return user


def _actor(user: User) -> Actor:
    return Actor(
        user.id,
        user.name,
        user.display_name,
        Role(user.role),
        user.agency_id,
        user.agency.name if user.agency else None,
    )


def _row(user: User, agency_name: str | None) -> UserRow:
    return UserRow(
        user.id,
        user.name,
        user.display_name,
        Role(user.role),
        user.agency_id,
        agency_name,
        user.active,
        user.locked_until,
        user.last_login_at,
        user.version,
        user.updated_at,
        user.updated_by,
    )
