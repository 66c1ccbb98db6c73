"""The settings the deadlines use, shared by every workstation of the store: the limits and lead
times (期限与预警), the local working-day overrides (工作日历) and the kinds a 处置 may have
(处置方式), and the State Council's holiday notice stored as overrides. Changes are audited."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.service import check_version
from desktop.cases.calendar import WorkCalendar
from desktop.cases.dto import (
    CalendarOverrideRow,
    DisposalKinds,
    NoticeImported,
    SupervisionSettings,
)
from desktop.cases.holiday_notice import HolidayNotice
from desktop.cases.rules import Limits
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import (
    CalendarOverride,
    StoreSetting,
)
from desktop.models.db import Store


def load_limits(session: Session) -> Limits:
    """The limits stored for every workstation (defaults where none is stored)."""
    stored = dict(
        session.execute(
            select(StoreSetting.key, StoreSetting.value).where(StoreSetting.key.like("limits.%"))
        ).all()
    )
    values: dict[str, Any] = {}
    for f in fields(Limits):
        raw = stored.get(f"limits.{f.name}")
        if raw is not None:
            values[f.name] = Decimal(raw) if f.type in ("Decimal", Decimal) else int(raw)
    return Limits(**values)


def load_calendar(session: Session) -> WorkCalendar:
    """The national calendar with the store's local overrides."""
    return WorkCalendar(dict(session.execute(select(CalendarOverride.day, CalendarOverride.working)).all()))


def supervision_settings(store: Store, actor: Actor) -> SupervisionSettings:
    """The limits and lead times in force, who changed them last, and their version."""
    with store.reading() as session:
        stamp = _limits_stamp(session)
        return SupervisionSettings(load_limits(session), stamp.updated_at, stamp.updated_by, stamp.version)


def save_limits(store: Store, actor: Actor, version: int, limits: Limits) -> SupervisionSettings:
    """Change the limits (audited); each must be a positive number. ``version``: the
    ``SupervisionSettings.version`` the change was made on (a stale one is a ``Conflict``)."""
    require(actor, Permission.EDIT_SETTINGS)
    for f in fields(Limits):
        value = getattr(limits, f.name)
        if value is None or value <= 0 or (f.name.endswith("_days") and value > 3650):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{value} is not a usable value for this limit."),
                field=f.name,
                value=value,
            )
    with store.unit_of_work() as uow:
        session = uow.session
        check_version(_limits_stamp(session), version)
        before = asdict(load_limits(session))
        now = utc_iso(store.clock.now())
        for f in fields(Limits):
            key, value = f"limits.{f.name}", str(getattr(limits, f.name))
            row = session.get(StoreSetting, key)
            if row is None:
                session.add(StoreSetting(key=key, value=value, updated_at=now, updated_by=actor.name))
            elif row.value != value:
                row.value, row.updated_at, row.updated_by = value, now, actor.name
        audit.record(
            session,
            store,
            actor.name,
            "update",
            "supervision_limits",
            "limits",
            before=before,
            after=asdict(limits),
        )
        uow.commit()
    return supervision_settings(store, actor)


@dataclass(frozen=True)
class _LimitsStamp:
    """The limits as one lockable thing. Their version is the sum of their rows' versions: every
    change raises it (a changed row's version goes up by one, a new row adds one; none is deleted)."""

    version: int
    updated_at: str
    updated_by: str


def _limits_stamp(session: Session) -> _LimitsStamp:
    rows = session.execute(
        select(StoreSetting.version, StoreSetting.updated_at, StoreSetting.updated_by).where(
            StoreSetting.key.like("limits.%")
        )
    ).all()
    last = max(rows, key=lambda r: r.updated_at, default=None)
    return _LimitsStamp(
        sum(r.version for r in rows), last.updated_at if last else "", last.updated_by if last else ""
    )


def list_calendar_overrides(store: Store, actor: Actor) -> tuple[CalendarOverrideRow, ...]:
    """The local working-day overrides, by date."""
    with store.reading() as session:
        rows = session.execute(select(CalendarOverride).order_by(CalendarOverride.day)).scalars()
        return tuple(_override_row(r) for r in rows)


def set_calendar_override(
    store: Store, actor: Actor, day: date, version: int | None, working: bool, note: str | None = None
) -> CalendarOverrideRow:
    """Make ``day`` a working day or a rest day for every deadline (audited). ``version``: the
    override's version as shown, None when ``day`` was shown without one (a ``Conflict`` if one
    was written meanwhile)."""
    require(actor, Permission.EDIT_SETTINGS)
    note = (note or "").strip() or None
    with store.unit_of_work() as uow:
        row = uow.session.get(CalendarOverride, day)
        if row is not None:  # shown without one (None): any override is newer than what was seen
            check_version(row, 0 if version is None else version)
        before = None if row is None else {"working": row.working, "note": row.note}
        if row is None:
            row = CalendarOverride(day=day)
            uow.session.add(row)
        row.working, row.note = working, note
        row.updated_at, row.updated_by = utc_iso(store.clock.now()), actor.name
        audit.record(
            uow.session,
            store,
            actor.name,
            "update" if before else "create",
            "calendar_override",
            day.isoformat(),
            before=before,
            after={"working": working, "note": note},
            summary=day.isoformat(),
        )
        uow.session.flush()
        uow.commit()
        return _override_row(row)


def remove_calendar_override(store: Store, actor: Actor, day: date, version: int) -> None:
    """Return ``day`` to the national calendar (audited; ``version`` as shown, a stale one is a
    ``Conflict``)."""
    require(actor, Permission.EDIT_SETTINGS)
    with store.unit_of_work() as uow:
        row = uow.session.get(CalendarOverride, day)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "{day} has no local override."), day=day.isoformat())
        check_version(row, version)
        audit.record(
            uow.session,
            store,
            actor.name,
            "delete",
            "calendar_override",
            day.isoformat(),
            before={"working": row.working, "note": row.note},
            summary=day.isoformat(),
        )
        uow.session.delete(row)
        uow.commit()


def _override_row(row: CalendarOverride) -> CalendarOverrideRow:
    return CalendarOverrideRow(row.day, row.working, row.note, row.version)


DISPOSAL_KINDS_KEY = "disposal.kinds"
DEFAULT_DISPOSAL_KINDS = ("约谈", "责令整改", "通报", "移送", "其他")
"""The kinds of 处置 until a supervisor changes them (data, shown as stored in every language)."""
KIND_MAX_CHARS = 20


def load_disposal_kinds(session: Session) -> tuple[str, ...]:
    """The kinds of 处置 in force (the defaults while none are stored)."""
    row = session.get(StoreSetting, DISPOSAL_KINDS_KEY)
    return tuple(row.value.split("\n")) if row is not None and row.value else DEFAULT_DISPOSAL_KINDS


def disposal_kinds(store: Store, actor: Actor) -> DisposalKinds:
    """The kinds of 处置, who changed them last, and their version (0 while the defaults)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        row = session.get(StoreSetting, DISPOSAL_KINDS_KEY)
        return DisposalKinds(
            load_disposal_kinds(session),
            row.updated_at if row else "",
            row.updated_by if row else "",
            row.version if row else 0,
        )


def save_disposal_kinds(
    store: Store, actor: Actor, version: int, kinds: list[str] | tuple[str, ...]
) -> DisposalKinds:
    """Change the kinds of 处置 (audited): one or more, each at most 20 characters, no repeats.
    ``version``: the ``DisposalKinds.version`` shown (a stale one is a ``Conflict``). Dispositions
    already made keep their kind."""
    require(actor, Permission.EDIT_SETTINGS)
    cleaned = tuple(k.strip() for k in kinds if k and k.strip())
    if not cleaned:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Name at least one kind of handling."), field="kinds"
        )
    for kind in cleaned:
        if len(kind) > KIND_MAX_CHARS or "\n" in kind:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{kind} is longer than {limit} characters."),
                field="kinds",
                kind=kind,
                limit=KIND_MAX_CHARS,
            )
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A kind of handling is named twice."), field="kinds"
        )
    value = "\n".join(cleaned)
    if len(value) > 200:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Too many kinds of handling."), field="kinds")
    with store.unit_of_work() as uow:
        session = uow.session
        row = session.get(StoreSetting, DISPOSAL_KINDS_KEY)
        before = list(load_disposal_kinds(session))
        if row is not None:
            check_version(row, version)
        elif version != 0:
            check_version(_LimitsStamp(0, "", ""), version)
        now = utc_iso(store.clock.now())
        if row is None:
            session.add(
                StoreSetting(key=DISPOSAL_KINDS_KEY, value=value, updated_at=now, updated_by=actor.name)
            )
        else:
            row.value, row.updated_at, row.updated_by = value, now, actor.name
        audit.record(
            session,
            store,
            actor.name,
            "update",
            "disposal_kinds",
            DISPOSAL_KINDS_KEY,
            before={"kinds": before},
            after={"kinds": list(cleaned)},
        )
        uow.commit()
    return disposal_kinds(store, actor)


def notice_note(year: int) -> str:
    """The note an override stored from the State Council's notice carries (how a later notice of
    the same year finds the days to replace)."""
    return f"国务院办公厅{year}年节假日安排通知"


def import_holiday_notice(store: Store, actor: Actor, notice: HolidayNotice) -> NoticeImported:
    """Store a year's schedule as read from the State Council's notice (``holiday_notice``): each
    rest day and worked weekend day an override, in one transaction with one audit record. A
    notice of the same year imported before is replaced (its days the new one leaves out go back
    to the national calendar); a local override of a day the notice names is replaced too."""
    require(actor, Permission.EDIT_SETTINGS)
    note = notice_note(notice.year)
    wanted = {d: False for d in notice.rest_days} | {d: True for d in notice.work_days}
    now = utc_iso(store.clock.now())
    with store.unit_of_work() as uow:
        session = uow.session
        earlier = session.execute(
            select(CalendarOverride).where(
                (CalendarOverride.note == note) | CalendarOverride.day.in_(list(wanted))
            )
        ).scalars()
        before = {r.day.isoformat(): {"working": r.working, "note": r.note} for r in earlier}
        gone = [date.fromisoformat(d) for d in before if date.fromisoformat(d) not in wanted]
        if gone:
            session.execute(delete(CalendarOverride).where(CalendarOverride.day.in_(gone)))
        for day, working in sorted(wanted.items()):
            row = session.get(CalendarOverride, day)
            if row is None:
                row = CalendarOverride(day=day)
                session.add(row)
            row.working, row.note, row.updated_at, row.updated_by = working, note, now, actor.name
        audit.record(
            session,
            store,
            actor.name,
            "import",
            "calendar_notice",
            str(notice.year),
            before=before or None,
            after=notice.as_json(),
            summary=str(notice.year),
        )
        uow.commit()
    changed = sum(
        1 for d, was in before.items() if date.fromisoformat(d) not in wanted or was["note"] != note
    )
    return NoticeImported(notice.year, notice.rest_days, notice.work_days, changed)
