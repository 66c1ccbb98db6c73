"""The training ledger (培训台账): attendance imported from a workbook (all rows or none), and
each officer's hours in a year against the target (default 60 hours, 国办发〔2023〕27号).

Workbook columns (sheet 培训导入, else the first): 姓名 and/or 身份证号 (one of them names the
officer; a name alone must be unique in the county), 培训名称 (课程, 课程名称), 日期 (培训日期),
学时, and optionally 主办单位 (组织单位). A row equal to one already stored (officer, course,
date) is skipped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ImportRefused, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import mask_resident_id, normalize_id
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.io.imports import IsCancelled, Progress, RowCheck, read_checked, tick, unknown_column_warnings
from desktop.io.xlsx import CellError, Column, parse_date, parse_text
from desktop.models import Agency, Officer, TrainingRecord
from desktop.models.base import table_of
from desktop.models.db import Store
from desktop.personnel.dto import ImportResult
from desktop.personnel.qualification_settings import load_settings
from desktop.personnel.repository import find_agency

TRAINING_COLUMNS = (
    Column("姓名"),
    Column("身份证号", aliases=("公民身份号码",)),
    Column("培训名称", required=True, aliases=("课程", "课程名称")),
    Column("日期", required=True, aliases=("培训日期",)),
    Column("学时", required=True, aliases=("课时",)),
    Column("主办单位", aliases=("组织单位",)),
)


@dataclass(frozen=True)
class Attendance:
    """One officer's attendance of one course, as entered or imported."""

    officer_id: int
    course: str
    on: date
    hours: Decimal
    organiser: str | None = None
    kind: str | None = None
    ends_on: date | None = None


COURSE_KINDS = ("通用法律知识", "专门法律知识", "执法技能", "职业道德", "其他")
"""The kinds a course is entered with (the list offered; another word may be typed)."""


@dataclass(frozen=True)
class CourseInput:
    """A course entered by hand: name, kind, organiser, first and last day, hours."""

    name: str
    kind: str | None
    organiser: str | None
    starts: date
    ends: date
    hours: Decimal


@dataclass(frozen=True)
class AgencyTraining:
    """An agency's training in a year: its officers, their hours in all and on average, how many
    reached the target and how many are short."""

    agency: str
    officers: int
    hours: float
    average: float
    reached: int
    short: int
    target: int


@dataclass(frozen=True)
class TrainingHours:
    """An officer's training hours in a year against the target."""

    officer_id: int
    officer: str
    id_number: str
    agency: str
    hours: float
    target: int
    short: bool


def parse_hours(v: Any) -> Decimal | None:
    """学时: a positive number of hours (one decimal)."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    try:
        hours = Decimal(str(v).strip())
    except InvalidOperation:
        raise CellError(QT_TRANSLATE_NOOP("errors", "not a number of hours: {value}"), value=v) from None
    if not hours.is_finite() or hours <= 0 or hours > 1000:
        raise CellError(
            QT_TRANSLATE_NOOP("errors", "hours must be more than 0 and at most 1000: {value}"), value=v
        )
    return hours.quantize(Decimal("0.1"))


def import_training(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Import attendance; every row is checked first and nothing is written when one is wrong."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    sheet = read_checked(path, TRAINING_COLUMNS, progress, cancelled, sheet_name="培训导入")
    with store.reading() as session:
        officers = session.execute(
            select(Officer.id, Officer.name, Officer.id_number, Officer.agency_id)
        ).all()
    by_id = {o.id_number: o for o in officers}
    by_name: dict[str, list[Any]] = defaultdict(list)
    for o in officers:
        by_name[o.name].append(o)
    check = RowCheck(sheet)
    items = []
    seen: set[tuple[int, str, date]] = set()
    for row in sheet.rows:
        name = check.cell(row, "姓名", parse_text)
        id_number = check.cell(row, "身份证号", parse_text)
        course = check.cell(row, "培训名称", parse_text)
        on = check.cell(row, "日期", parse_date)
        hours = check.cell(row, "学时", parse_hours)
        organiser = check.cell(row, "主办单位", parse_text)
        officer = _officer(check, row.number, name, id_number, by_id, by_name)
        for column, value in (("培训名称", course), ("日期", on), ("学时", hours)):
            if value is None and not any(e.row == row.number and e.column == column for e in check.errors):
                check.add(row.number, column, translate("errors", QT_TRANSLATE_NOOP("errors", "required")))
        if officer is None or course is None or on is None or hours is None:
            continue
        if actor.scope_agency_id is not None and officer.agency_id != actor.scope_agency_id:
            check.add(
                row.number,
                "身份证号",
                translate("errors", QT_TRANSLATE_NOOP("errors", "another agency's officer")),
            )
            continue
        key = (officer.id, course[:120], on)
        if key in seen:
            check.add(
                row.number,
                "培训名称",
                translate("errors", QT_TRANSLATE_NOOP("errors", "the same attendance appears twice")),
            )
            continue
        seen.add(key)
        items.append(Attendance(officer.id, course[:120], on, hours, (organiser or None) and organiser[:120]))
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    return _write(store, actor, items, progress, cancelled, unknown_column_warnings(sheet))


def record_course(
    store: Store, actor: Actor, course: CourseInput, officer_ids: list[int], *, today: date | None = None
) -> ImportResult:
    """Record a course entered in the window and the attendance of ``officer_ids`` (the hours
    count in the year of its first day); an attendance already stored is skipped. Audited."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    name = (course.name or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give the course's name."), field="name")
    if course.ends < course.starts:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The course's last day comes before its first."), field="ends"
        )
    if course.starts > (today or store.clock.today()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A course is recorded once it has started."), field="starts"
        )
    hours = parse_hours(course.hours)  # a CellError (a ValidationError) names the rule
    if hours is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give the course's hours."), field="hours")
    if not officer_ids:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose the officers who attended."), field="officers"
        )
    ends = course.ends if course.ends != course.starts else None
    kind = (course.kind or "").strip()[:20] or None
    organiser = (course.organiser or "").strip()[:120] or None
    items = [
        Attendance(officer_id, name[:120], course.starts, hours, organiser, kind, ends)
        for officer_id in dict.fromkeys(officer_ids)
    ]
    return add_attendance(store, actor, items)


def add_attendance(store: Store, actor: Actor, items: list[Attendance]) -> ImportResult:
    """Record attendance entered in the window (or by the demo); one already stored is skipped."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    if actor.scope_agency_id is not None:
        with store.reading() as session:
            ids = {i.officer_id for i in items}
            agencies = (
                set(session.execute(select(Officer.agency_id).where(Officer.id.in_(ids))).scalars())
                if ids
                else set()
            )
        for agency_id in agencies:
            require_agency(actor, agency_id)
    return _write(store, actor, items, None, None, ())


def _officer(
    check: RowCheck,
    row: int,
    name: str | None,
    id_number: str | None,
    by_id: dict[str, Any],
    by_name: dict[str, list[Any]],
) -> Any:
    if id_number:
        officer = by_id.get(normalize_id(id_number))
        if officer is None:
            check.add(
                row,
                "身份证号",
                translate("errors", QT_TRANSLATE_NOOP("errors", "no officer has this ID number")),
            )
        elif name and officer.name != name:
            check.add(
                row,
                "姓名",
                translate("errors", QT_TRANSLATE_NOOP("errors", "the name differs from the officer's")),
            )
            return None
        return officer
    if not name:
        check.add(row, "身份证号", translate("errors", QT_TRANSLATE_NOOP("errors", "give 姓名 or 身份证号")))
        return None
    named = by_name.get(name, [])
    if len(named) != 1:
        message = (
            QT_TRANSLATE_NOOP("errors", "no officer has this name")
            if not named
            else QT_TRANSLATE_NOOP("errors", "several officers have this name: give 身份证号")
        )
        check.add(row, "姓名", translate("errors", message))
        return None
    return named[0]


def _write(
    store: Store,
    actor: Actor,
    items: list[Attendance],
    progress: Progress | None,
    cancelled: IsCancelled | None,
    warnings: tuple[str, ...],
) -> ImportResult:
    with store.unit_of_work() as uow:
        session = uow.session
        now = utc_iso(store.clock.now())
        known = set()
        if items:
            days = {a.on for a in items}
            known = set(
                session.execute(
                    select(TrainingRecord.officer_id, TrainingRecord.course, TrainingRecord.on).where(
                        TrainingRecord.on >= min(days), TrainingRecord.on <= max(days)
                    )
                ).all()
            )
        rows, written, skipped = [], [], 0
        for done, a in enumerate(items, 1):
            tick(done, len(items), progress, cancelled)
            if (a.officer_id, a.course, a.on) in known:
                skipped += 1
                continue
            written.append(a)
            rows.append(
                {
                    "officer_id": a.officer_id,
                    "course": a.course,
                    "on": a.on,
                    "hours": a.hours,
                    "organiser": a.organiser,
                    "kind": a.kind,
                    "ends_on": a.ends_on,
                    "recorded_by": actor.name,
                    "recorded_at": now,
                }
            )
        if rows:
            session.execute(table_of(TrainingRecord).insert(), rows)
            audit.record(
                session,
                store,
                actor.name,
                "import",
                "training",
                after={"rows": len(rows), "hours": str(sum((a.hours for a in written), Decimal(0)))},
                summary=translate("audit", QT_TRANSLATE_NOOP("audit", "{n} training records")).format(
                    n=len(rows)
                ),
            )
        uow.commit()
    return ImportResult(len(rows), skipped, (), warnings)


def training_hours(
    store: Store,
    actor: Actor,
    year: int,
    *,
    agency: str | int | None = None,
    short_only: bool = False,
    reveal_ids: bool = False,
) -> list[TrainingHours]:
    """Each officer's hours in ``year`` against the target, by agency and name."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        target = load_settings(session).training_target
        hours = (
            select(TrainingRecord.officer_id, func.sum(TrainingRecord.hours).label("h"))
            .where(TrainingRecord.on >= date(year, 1, 1), TrainingRecord.on <= date(year, 12, 31))
            .group_by(TrainingRecord.officer_id)
            .subquery()
        )
        stmt = (
            select(Officer.id, Officer.name, Officer.id_number, Agency.name, func.coalesce(hours.c.h, 0))
            .join(Agency, Agency.id == Officer.agency_id)
            .outerjoin(hours, hours.c.officer_id == Officer.id)
            .order_by(Agency.name, Officer.name, Officer.id)
        )
        if agency not in (None, ""):
            agency_id = find_agency(session, agency).id
            require_agency(actor, agency_id)
            stmt = stmt.where(Officer.agency_id == agency_id)
        if actor.scope_agency_id is not None:
            stmt = stmt.where(Officer.agency_id == actor.scope_agency_id)
        reveal = reveal_ids and actor.can(Permission.VIEW_ID_NUMBERS)
        out = []
        for officer_id, name, id_number, agency_name, total in session.execute(stmt):
            h = float(Decimal(str(total)))
            row = TrainingHours(
                officer_id,
                name,
                id_number if reveal else mask_resident_id(id_number),
                agency_name,
                h,
                target,
                h < target,
            )
            if row.short or not short_only:
                out.append(row)
        return out


def agency_training(store: Store, actor: Actor, year: int) -> list[AgencyTraining]:
    """Each agency's training in ``year`` against the target (a scoped user: their agency)."""
    by_agency: dict[str, list[TrainingHours]] = defaultdict(list)
    target = None
    for row in training_hours(store, actor, year):
        by_agency[row.agency].append(row)
        target = row.target
    out = []
    for agency, rows in by_agency.items():
        total = sum(r.hours for r in rows)
        short = sum(1 for r in rows if r.short)
        out.append(
            AgencyTraining(
                agency,
                len(rows),
                round(total, 1),
                round(total / len(rows), 1),
                len(rows) - short,
                short,
                target or rows[0].target,
            )
        )
    return out
