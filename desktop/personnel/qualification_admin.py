"""执法资格 › 设置: the qualification settings in force with who changed them last and their
version, saved for every workstation (``MANAGE_CERTIFICATES``, audited, a stale version is a
``Conflict``), and the preview of the next certificate number a pattern gives."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.service import check_version
from desktop.core.clock import utc_iso
from desktop.core.security import Actor, Permission, require
from desktop.models import StoreSetting
from desktop.models.db import Store
from desktop.personnel import certificate_store as cstore
from desktop.personnel.qualification_settings import QualificationSettings, check_settings, load_settings

_PREFIX = "certs."


@dataclass(frozen=True)
class QualificationSettingsState:
    """The settings in force, who changed them last (empty: never) and their version."""

    settings: QualificationSettings
    updated_at: str
    updated_by: str
    version: int
    """What ``save_qualification_settings`` is given back: moves on every change."""


@dataclass(frozen=True)
class _Stamp:
    version: int
    updated_at: str
    updated_by: str


def _stamp(session: Session) -> _Stamp:
    """The settings as one lockable thing: their version is the sum of their rows' versions."""
    rows = session.execute(
        select(StoreSetting.version, StoreSetting.updated_at, StoreSetting.updated_by).where(
            StoreSetting.key.like(_PREFIX + "%")
        )
    ).all()
    last = max(rows, key=lambda r: r.updated_at, default=None)
    return _Stamp(
        sum(r.version for r in rows), last.updated_at if last else "", last.updated_by if last else ""
    )


def qualification_settings(store: Store, actor: Actor) -> QualificationSettingsState:
    """The qualification settings in force (anyone who may see officers)."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        stamp = _stamp(session)
        return QualificationSettingsState(
            load_settings(session), stamp.updated_at, stamp.updated_by, stamp.version
        )


def save_qualification_settings(
    store: Store, actor: Actor, version: int, settings: QualificationSettings
) -> QualificationSettingsState:
    """Change the settings for every workstation (audited once, before and after); ``version``:
    the state's version the change was made on."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    settings = QualificationSettings(**{**asdict(settings), "region": settings.region.strip()})
    check_settings(settings)
    with store.unit_of_work() as uow:
        session = uow.session
        check_version(_stamp(session), version)
        before = asdict(load_settings(session))
        now = utc_iso(store.clock.now())
        for f in fields(QualificationSettings):
            key, value = _PREFIX + f.name, str(getattr(settings, f.name))
            row = session.get(StoreSetting, key)
            if row is None:
                session.add(StoreSetting(key=key, value=value, updated_at=now, updated_by=actor.name))
            elif row.value != value:
                row.value, row.updated_at, row.updated_by = value, now, actor.name
        after = asdict(settings)
        audit.record(
            session,
            store,
            actor.name,
            "update",
            "qualification_settings",
            "certs",
            before=before,
            after=after,
            summary=", ".join(k for k in after if before.get(k) != after[k]),
        )
        uow.commit()
    return qualification_settings(store, actor)


def preview_number(
    store: Store, actor: Actor, settings: QualificationSettings, year: int | None = None
) -> str:
    """The next certificate number ``settings``' pattern gives this year (not reserved; a bad
    pattern or region is refused, naming the field)."""
    require(actor, Permission.VIEW_OFFICERS)
    check_settings(settings)
    year = year or store.clock.today().year
    with store.reading() as session:
        return cstore.next_number(session, settings, year)
