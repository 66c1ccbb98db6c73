"""User accounts: first administrator, login with lockout, and the administrator's account work.

Five failed logins lock an account for fifteen minutes; every failure and lock is audited.
User names compare without regard to case (``Admin`` and ``admin`` are one account). A login's
bookkeeping (last login, failed count, lock) is one plain UPDATE that neither checks nor moves
the row's edit version, so logins of one account never conflict with each other or with an
administrator's edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.rules import (
    check_display_name,
    check_user_name,
    chosen_account,
    locked_for,
    login_name,
)
from desktop.core.clock import utc_iso
from desktop.core.errors import (
    AccountLocked,
    AuditDamaged,
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page
from desktop.core.security import (
    SCOPED_ROLES,
    Actor,
    PasswordPolicy,
    Permission,
    Role,
    check_password_rules,
    hash_password,
    require,
    verify_password,
)
from desktop.core.versioning import check_version
from desktop.models import Agency, StoreSetting, User
from desktop.models.base import table_of
from desktop.models.db import Store
from desktop.models.queries import fetch_page, search_clause
from desktop.personnel.dto import AgencyRef
from desktop.personnel.lookup import find_agency

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
    name = check_user_name(name)
    display_name = check_display_name(display_name)
    check_password_rules(password, name, password_policy(store))
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


def authenticate(store: Store, name: str, password: str, *, audit_damaged_ok: bool = False) -> Actor:
    """Check a login; count failures, lock after five, and audit both.

    When the audit record is damaged (a stray or broken record at its end) nothing can be
    written and the login is refused with ``AuditDamaged``, unless ``audit_damaged_ok``: then
    the password is checked without any bookkeeping (``audit verify`` must still run).
    """
    try:
        return _authenticate(store, name, password)
    except AuditDamaged:
        if not audit_damaged_ok:
            raise
    with store.reading() as session:
        user = find_user(session, name)
        if user is None or not user.active:
            verify_password(password, _DUMMY_HASH)
            raise _wrong_login() from None
        _refuse_if_locked(user, store.clock.now())
        if not verify_password(password, user.password_hash):
            raise _wrong_login() from None
        return _actor(user)


def find_user(session: Session, name: str) -> User | None:
    """The account a typed name means: the same name in any case (an exact match first)."""
    typed = login_name(name)
    if typed is None:
        return None
    found = session.execute(select(User).where(func.lower(User.name) == func.lower(typed))).scalars().all()
    index = chosen_account(typed, [user.name for user in found])
    return None if index is None else found[index]


def _authenticate(store: Store, name: str, password: str) -> Actor:
    now = store.clock.now()
    with store.unit_of_work() as uow:
        user = find_user(uow.session, name)
        if user is None or not user.active:
            verify_password(password, _DUMMY_HASH)  # same time as a real check
            if user is None:
                hint = unknown_name_hint(name)
                actor, summary = "?", hint
                after = {"known_account": False, "name_hint": hint, "active": False}
            else:
                actor, summary, after = user.name, user.name, {"known_account": True, "active": False}
            audit.record(uow.session, store, actor, "login_failed", "user", "", after=after, summary=summary)
            uow.commit()
            raise _wrong_login()
        _refuse_if_locked(user, now)
        if not verify_password(password, user.password_hash):
            locked = _count_failure(uow.session, store, user)
            uow.commit()
            if locked:
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
        _bookkeep(uow.session, user.id, failed_attempts=0, locked_until=None, last_login_at=utc_iso(now))
        audit.record(uow.session, store, user.name, "login", "user", user.id, summary=user.name)
        uow.commit()
        return _actor(user)


def unknown_name_hint(name: str) -> str:
    """What the audit keeps of a name that is no account: its first two characters and its
    length (``ad…(17)``), so a password typed into the name field is not kept."""
    typed = name.strip()
    shown = "".join(ch if ch.isprintable() and not ch.isspace() else "?" for ch in typed[:2])
    return f"{shown}…({len(typed)})"


def _refuse_if_locked(user: User, now: datetime) -> None:
    left = locked_for(user.locked_until, now)
    if left is not None:
        minutes = int(left.total_seconds() // 60) + 1
        raise AccountLocked(
            QT_TRANSLATE_NOOP(
                "errors",
                "Account {user} is locked after repeated failed logins; try again in {minutes} minute(s).",
            ),
            user=user.name,
            minutes=minutes,
        )


def _bookkeep(session: Session, user_id: int, **values: object) -> None:
    """Login bookkeeping as one UPDATE of the table: no version check, no new version."""
    table = table_of(User)
    session.execute(update(table).where(table.c.id == user_id).values(**values))


def _count_failure(session: Session, store: Store, user: User) -> bool:
    """Count a wrong password (atomically); lock the account at the fifth. True when locked."""
    table = table_of(User)
    _bookkeep(session, user.id, failed_attempts=table.c.failed_attempts + 1)
    failed = session.execute(select(table.c.failed_attempts).where(table.c.id == user.id)).scalar_one()
    audit.record(
        session,
        store,
        user.name,
        "login_failed",
        "user",
        user.id,
        after={"failed_attempts": failed},
        summary=user.name,
    )
    if failed < MAX_FAILED_LOGINS:
        return False
    locked_until = utc_iso(store.clock.now() + LOCKOUT)
    _bookkeep(session, user.id, failed_attempts=0, locked_until=locked_until)
    audit.record(
        session,
        store,
        user.name,
        "account_locked",
        "user",
        user.id,
        after={"locked_until": locked_until},
        summary=user.name,
    )
    return True


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
    name = check_user_name(data.name)
    display_name = check_display_name(data.display_name)
    check_password_rules(password, name, password_policy(store))
    with store.unit_of_work() as uow:
        session = uow.session
        audit.lock(session)  # no other account can be created between the check and the insert
        same = session.execute(select(User.name).where(func.lower(User.name) == func.lower(name))).first()
        if same:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "An account named {name} already exists."),
                field="name",
                name=same.name,
            )
        role, agency = _role_and_agency(session, data)
        user = User(
            name=name,
            display_name=display_name or name,
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
    display_name = check_display_name(data.display_name)
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
        user.display_name = display_name or user.name
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


def reset_password(store: Store, actor: Actor, user_id: int, version: int, password: str) -> None:
    """Set a new password for an account and lift any lock (administrators only; optimistic lock)."""
    require(actor, Permission.MANAGE_USERS)
    policy = password_policy(store)
    with store.unit_of_work() as uow:
        user = _get(uow.session, user_id)
        check_version(user, version)
        check_password_rules(password, user.name, policy)
        user.password_hash = hash_password(password)
        user.failed_attempts, user.locked_until = 0, None
        user.updated_at, user.updated_by = utc_iso(store.clock.now()), actor.name
        audit.record(uow.session, store, actor.name, "reset_password", "user", user.id, summary=user.name)
        uow.commit()


def change_own_password(store: Store, actor: Actor, old: str, new: str) -> None:
    """A user changes their own password, proving the old one."""
    check_password_rules(new, actor.name, password_policy(store))
    with store.unit_of_work() as uow:
        user = _get(uow.session, actor.id)
        if not verify_password(old, user.password_hash):
            raise _wrong_login()
        user.password_hash = hash_password(new)
        user.updated_at, user.updated_by = utc_iso(store.clock.now()), actor.name
        audit.record(uow.session, store, actor.name, "change_password", "user", user.id, summary=user.name)
        uow.commit()


def _role_and_agency(session: Session, data: UserInput) -> tuple[Role, AgencyRef | None]:
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
        agency = find_agency(session, data.agency)
    if role in SCOPED_ROLES and agency is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Role {role} needs an agency."), field="agency", role=role.value
        )
    return role, agency


PASSWORD_SETTINGS = ("security.password_min_length", "security.password_min_classes")
"""The store settings of the password rule (absent: the defaults of ``PasswordPolicy``)."""


def password_policy(store: Store) -> PasswordPolicy:
    """The store's password rule: minimum length and kinds of character."""
    default = PasswordPolicy()
    with store.reading() as session:
        rows = dict(
            session.execute(
                select(StoreSetting.key, StoreSetting.value).where(StoreSetting.key.in_(PASSWORD_SETTINGS))
            ).all()
        )

    def number(key: str, fallback: int, low: int, high: int) -> int:
        try:
            return min(max(int(rows[key]), low), high)
        except (KeyError, ValueError):
            return fallback

    return PasswordPolicy(
        number(PASSWORD_SETTINGS[0], default.min_length, 8, 128),
        number(PASSWORD_SETTINGS[1], default.min_classes, 1, 4),
    )


def _get(session: Session, user_id: int) -> User:
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
