"""The input limits kept in the store for every workstation (``core.input_limits``): read, put in
force, and changed by an administrator (``Permission.ADMINISTER``), audited."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ValidationError
from desktop.core.input_limits import InputLimits, put_in_force
from desktop.core.security import Actor, Permission, require
from desktop.core.versioning import check_version
from desktop.models import StoreSetting
from desktop.models.db import Store

PREFIX = "input."
"""The store setting keys: ``input.import_rows`` …"""


@dataclass(frozen=True)
class InputSettings:
    """The limits in force, who changed them last (empty: never), and their version."""

    limits: InputLimits
    updated_at: str
    updated_by: str
    version: int
    """What ``save_input_limits`` is given back: moves on every change of any limit."""


@dataclass(frozen=True)
class _Stamp:
    version: int
    updated_at: str
    updated_by: str


def load_input_limits(session: Session) -> InputLimits:
    """The limits the store holds (defaults for any it does not, or cannot be read as a number)."""
    stored = dict(
        session.execute(
            select(StoreSetting.key, StoreSetting.value).where(StoreSetting.key.like(f"{PREFIX}%"))
        ).all()
    )
    values = {}
    for f in fields(InputLimits):
        raw = stored.get(PREFIX + f.name)
        if raw is not None and raw.strip().lstrip("-").isdigit():
            values[f.name] = int(raw)
    limits = InputLimits(**values)
    try:
        return limits.validated()
    except ValidationError:  # edited outside the program beyond its bounds: the defaults
        return InputLimits()


def apply_input_limits(store: Store) -> InputLimits:
    """Read the store's limits and obey them from now on (a command, the window, an import)."""
    with store.reading() as session:
        limits = load_input_limits(session)
    put_in_force(limits)
    return limits


def input_settings(store: Store, actor: Actor) -> InputSettings:
    """The limits, who changed them last and their version (anyone logged in may read them)."""
    with store.reading() as session:
        stamp = _stamp(session)
        return InputSettings(load_input_limits(session), stamp.updated_at, stamp.updated_by, stamp.version)


def save_input_limits(store: Store, actor: Actor, version: int, limits: InputLimits) -> InputSettings:
    """Change the limits for every workstation (audited) and obey them here at once; ``version``
    as shown (a stale one is a ``Conflict``), each limit within ``core.input_limits.BOUNDS``."""
    require(actor, Permission.ADMINISTER)
    limits = limits.validated()
    with store.unit_of_work() as uow:
        session = uow.session
        check_version(_stamp(session), version)
        before = asdict(load_input_limits(session))
        now = utc_iso(store.clock.now())
        for f in fields(InputLimits):
            key, value = PREFIX + f.name, str(getattr(limits, f.name))
            row = session.get(StoreSetting, key)
            if row is None:
                session.add(StoreSetting(key=key, value=value, updated_at=now, updated_by=actor.name))
            elif row.value != value:
                row.value, row.updated_at, row.updated_by = value, now, actor.name
        audit.record(
            session, store, actor.name, "update", "input_limits", "input", before=before, after=asdict(limits)
        )
        uow.commit()
    put_in_force(limits)
    return input_settings(store, actor)


def _stamp(session: Session) -> _Stamp:
    """The limits as one lockable thing: their version is the sum of their rows' versions."""
    rows = session.execute(
        select(StoreSetting.version, StoreSetting.updated_at, StoreSetting.updated_by).where(
            StoreSetting.key.like(f"{PREFIX}%")
        )
    ).all()
    last = max(rows, key=lambda r: r.updated_at, default=None)
    return _Stamp(
        sum(r.version for r in rows), last.updated_at if last else "", last.updated_by if last else ""
    )
