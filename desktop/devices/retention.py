"""Retention of the stored footage: the classes and their periods (settings kept in the store),
each file's retention (the longest that applies wins), the files whose retention has passed, and
the footage settings (the evidence folder's free-space warning, parallel transfers).

Classes: 普通 (``normal``, at least 6 months from the recording), 重要 (``important``, a file
the recorder or a clerk marked), 证据 (``evidence``, a file linked to a case: as long as the case
file is kept, counted from the case's closing; an open case keeps it without end). A file linked
to a case is never due for deletion, whatever the dates say.
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import Agency, Case, FootageDeletion, FootageDeletionItem, FootageFile, StoreSetting
from desktop.models.db import Store

PREFIX = "footage."
MIN_NORMAL_MONTHS = 6
OPEN_LIST_STATES = ("proposed", "approved")

CLASS_TITLES = {
    "normal": QT_TRANSLATE_NOOP("retention", "Ordinary"),
    "important": QT_TRANSLATE_NOOP("retention", "Important"),
    "evidence": QT_TRANSLATE_NOOP("retention", "Evidence"),
}


@dataclass(frozen=True)
class FootageSettings:
    """The footage settings every workstation obeys."""

    normal_months: int = 6
    """普通: months kept after the recording (at least 6)."""
    important_months: int = 24
    """重要: months kept after the recording."""
    evidence_years: int = 30
    """证据: years kept after the linked case closed (the case file's retention)."""
    min_free_gb: int = 50
    """Warn when the evidence folder has less free space than this (GB)."""
    parallel_transfers: int = 2
    """Files transferred at once by an import (HTTP stations)."""

    def validated(self) -> FootageSettings:
        """Refuse periods and limits out of bounds."""
        if self.normal_months < MIN_NORMAL_MONTHS or self.normal_months > 1200:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Ordinary footage is kept at least 6 months (at most 1200)."),
                field="normal_months",
            )
        if not 1 <= self.important_months <= 1200:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Keep important footage between 1 and 1200 months."),
                field="important_months",
            )
        if not 1 <= self.evidence_years <= 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Keep evidence between 1 and 100 years after the case closed."),
                field="evidence_years",
            )
        if not 0 <= self.min_free_gb <= 100_000:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The free-space warning is between 0 and 100000 GB."),
                field="min_free_gb",
            )
        if not 1 <= self.parallel_transfers <= 16:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Parallel transfers are between 1 and 16."),
                field="parallel_transfers",
            )
        return self


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months (the month's last day when the day does not exist)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention(
    start: datetime, important: bool, linked: bool, case_closed_on: date | None, settings: FootageSettings
) -> tuple[str, date | None]:
    """A file's retention class and the last day it is kept (None: without end), the longest of
    the classes that apply."""
    day = start.date()
    best: tuple[str, date | None] = ("normal", add_months(day, settings.normal_months))
    if important:
        until = add_months(day, settings.important_months)
        if best[1] is not None and until > best[1]:
            best = ("important", until)
    if linked:
        until_case = add_months(case_closed_on, 12 * settings.evidence_years) if case_closed_on else None
        if until_case is None or (best[1] is not None and until_case >= best[1]):
            best = ("evidence", until_case)
    return best


def load_settings(session: Session) -> FootageSettings:
    """The settings the store holds (defaults for any it does not, or cannot be read)."""
    stored = dict(
        session.execute(
            select(StoreSetting.key, StoreSetting.value).where(StoreSetting.key.like(f"{PREFIX}%"))
        ).all()
    )
    values: dict[str, Any] = {}
    for f in fields(FootageSettings):
        raw = stored.get(PREFIX + f.name)
        if raw is not None and raw.strip().isdigit():
            values[f.name] = int(raw)
    try:
        return FootageSettings(**values).validated()
    except ValidationError:
        return FootageSettings()


def footage_settings(store: Store, actor: Actor) -> FootageSettings:
    """The footage settings (anyone who sees footage may read them)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        return load_settings(session)


def save_footage_settings(store: Store, actor: Actor, settings: FootageSettings) -> FootageSettings:
    """Change the footage settings for every workstation, audited."""
    require(actor, Permission.EDIT_SETTINGS)
    settings = settings.validated()
    with store.unit_of_work() as uow:
        s = uow.session
        before = load_settings(s)
        now = utc_iso(store.clock.now())
        for f in fields(FootageSettings):
            key, value = PREFIX + f.name, str(getattr(settings, f.name))
            row = s.get(StoreSetting, key)
            if row is None:
                s.add(StoreSetting(key=key, value=value, updated_at=now, updated_by=actor.name))
            elif row.value != value:
                row.value, row.updated_at, row.updated_by = value, now, actor.name
        audit.record(
            s,
            store,
            actor.name,
            "update",
            "footage_settings",
            "footage",
            before=asdict(before),
            after=asdict(settings),
        )
        uow.commit()
    return settings


def change_settings(store: Store, actor: Actor, **changes: int) -> FootageSettings:
    """Change some of the settings, keeping the others."""
    current = footage_settings(store, actor)
    return save_footage_settings(store, actor, replace(current, **changes))


@dataclass(frozen=True)
class DueFile:
    """A stored file whose retention has passed."""

    id: int
    sha256: str
    officer: str
    device: str
    start: datetime
    size: int
    important: bool
    source_name: str
    agency_name: str | None
    retention_class: str
    retain_until: date


def on_open_list(session: Session) -> Any:
    """The ids of files on a deletion list not yet decided or finished."""
    return (
        select(FootageDeletionItem.file_id)
        .join(FootageDeletion, FootageDeletion.id == FootageDeletionItem.deletion_id)
        .where(FootageDeletion.state.in_(OPEN_LIST_STATES), FootageDeletionItem.outcome.is_(None))
    )


def due_rows(session: Session, actor: Actor, as_of: date, settings: FootageSettings) -> list[DueFile]:
    """The files not linked to a case, not deleted and not on an open list whose retention
    passed before ``as_of``, oldest first."""
    bound = datetime.combine(add_months(as_of, -settings.normal_months) + timedelta(days=1), time())
    stmt = (
        select(FootageFile, Agency.name)
        .outerjoin(Agency, Agency.id == FootageFile.agency_id)
        .where(
            FootageFile.case_id.is_(None),
            FootageFile.deleted_at.is_(None),
            FootageFile.start_at < bound,
            FootageFile.id.not_in(on_open_list(session)),
        )
        .order_by(FootageFile.start_at, FootageFile.id)
    )
    if actor.scope_agency_id is not None:
        stmt = stmt.where(
            or_(FootageFile.agency_id == actor.scope_agency_id, FootageFile.agency_id.is_(None))
        )
    out = []
    for f, agency in session.execute(stmt):
        cls, until = retention(f.start_at, f.important, False, None, settings)
        if until is not None and until < as_of:
            out.append(
                DueFile(
                    f.id,
                    f.sha256,
                    f.officer_no,
                    f.device_no,
                    f.start_at,
                    f.size,
                    f.important,
                    f.source_name,
                    agency,
                    cls,
                    until,
                )
            )
    return out


def due_for_deletion(store: Store, actor: Actor, as_of: date) -> tuple[DueFile, ...]:
    """The files a clerk may propose for deletion on ``as_of``."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        return tuple(due_rows(session, actor, as_of, load_settings(session)))


def case_closings(session: Session, case_ids: set[int]) -> dict[int, date | None]:
    """The closing date of each case (None: still open)."""
    if not case_ids:
        return {}
    return dict(session.execute(select(Case.id, Case.closed_on).where(Case.id.in_(case_ids))).all())
