"""A login checked straight from a SQLite store's file before SQLAlchemy loads (快速登录校验).

Where the user is known at start (the smoke test: ``DESK_USER``/``DESK_PASSWORD``), the main
window's frame is shown as soon as the password is known to be right, and the store is opened and
the login recorded behind it (``accounts.service.authenticate``, with its bookkeeping and audit;
it decides again, and its answer is the one that counts).

It reads the account (``account_in_file``), then checks the password (``FileAccount.accepts``)
while the frame is built; it only ever answers "the password is right for this active, unlocked
account" or nothing: an unknown, inactive or locked account, a wrong password, a
file that is not a store, is busy or cannot be read — each is left to ``authenticate``, which
counts and audits it. It opens the file read-only, writes nothing and never waits for a lock.
It finds the account as ``authenticate`` does (``accounts.rules``).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.accounts.rules import chosen_account, locked_for, login_name
from desktop.core.security import Actor, Role, verify_password

ACCOUNTS_NAMED = """
select u.id, u.name, u.display_name, u.role, u.agency_id, a.name, u.password_hash, u.active,
       u.locked_until
from users u left join agencies a on a.id = u.agency_id
where lower(u.name) = lower(?)
"""
"""The accounts a typed name may mean (``lower`` as SQLAlchemy's ``func.lower`` gives it on SQLite)."""


@dataclass(frozen=True)
class FileAccount:
    """An active, unlocked account read from the store's file, and its password's hash."""

    actor: Actor
    password_hash: str = field(repr=False)

    def accepts(self, password: str) -> bool:
        """Whether ``password`` is this account's (scrypt: ≈ 50 ms, without holding the GIL)."""
        return verify_password(password, self.password_hash)


def account_in_file(path: Path, name: str, now: datetime) -> FileAccount | None:
    """The active, unlocked account ``name`` means on the SQLite store ``path``, when this can be
    told from the file at once; None otherwise (``authenticate`` decides)."""
    typed = login_name(name)
    if typed is None or not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0)) as db:
            rows = db.execute(ACCOUNTS_NAMED, (typed,)).fetchall()
    except sqlite3.Error:
        return None
    index = chosen_account(typed, [str(row[1]) for row in rows])
    if index is None:
        return None
    user_id, user_name, display_name, role, agency_id, agency_name, stored, active, locked = rows[index]
    if not active or locked_for(locked, now) is not None or role not in ROLES:
        return None
    return FileAccount(
        Actor(user_id, user_name, display_name, Role(role), agency_id, agency_name), str(stored)
    )


ROLES = frozenset(role.value for role in Role)
