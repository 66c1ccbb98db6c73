"""The evidence library: the stored files with filters, case links (with suggestions), the
queue of files not yet linked, and the officer and device numbers a clerk maps once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.accounts import audit
from desktop.cases.service import find_case
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.devices import counts
from desktop.devices.dto import CaseSuggestion, FootageRow, UnknownNumber
from desktop.devices.retention import FootageSettings, load_settings, retention
from desktop.models import Agency, Case, CaseOfficer, FootageFile, FootageNumber, Officer
from desktop.models.db import Store

_COUNT_KEY = "footage_count"
"""The library's counts are kept on the store's memo while nothing of the footage changes, so
paging through a long list does not count it again for every page."""

SORTS = {
    "start": FootageFile.start_at,
    "officer": FootageFile.officer_no,
    "device": FootageFile.device_no,
    "size": FootageFile.size,
    "imported": FootageFile.imported_at,
}


def _rows() -> Any:
    return (
        select(FootageFile, Officer.name, Agency.name, Case.case_no, Case.closed_on)
        .outerjoin(Officer, Officer.id == FootageFile.officer_id)
        .outerjoin(Agency, Agency.id == FootageFile.agency_id)
        .outerjoin(Case, Case.id == FootageFile.case_id)
    )


def _row(r: Any, settings: FootageSettings) -> FootageRow:
    f: FootageFile = r[0]
    cls, until = retention(f.start_at, f.important, f.case_id is not None, r[4], settings)
    return FootageRow(
        id=f.id,
        sha256=f.sha256,
        officer=f.officer_no,
        officer_name=r[1],
        device=f.device_no,
        start=f.start_at,
        duration_s=f.duration_s,
        size=f.size,
        kind=f.kind,
        important=f.important,
        verified=f.verified,
        source_name=f.source_name,
        station=f.station,
        agency_id=f.agency_id,
        agency_name=r[2],
        case_id=f.case_id,
        case_no=r[3],
        imported_at=f.imported_at,
        version=f.version,
        retention_class=cls,
        retain_until=until,
        deleted_at=f.deleted_at,
    )


def _scoped(stmt: Any, actor: Actor) -> Any:
    """A scoped user sees their agency's files and the ones no agency claims yet."""
    if actor.scope_agency_id is None:
        return stmt
    return stmt.where(or_(FootageFile.agency_id == actor.scope_agency_id, FootageFile.agency_id.is_(None)))


def _filtered(stmt: Any, query: ListQuery) -> Any:
    filters = dict(query.filters)
    if filters.get("deleted"):
        stmt = stmt.where(FootageFile.deleted_at.is_not(None))
    else:
        stmt = stmt.where(FootageFile.deleted_at.is_(None))
    if filters.get("case_id"):
        stmt = stmt.where(FootageFile.case_id == filters["case_id"])
    if filters.get("unlinked"):
        stmt = stmt.where(FootageFile.case_id.is_(None))
    if filters.get("agency_id"):
        stmt = stmt.where(FootageFile.agency_id == filters["agency_id"])
    if filters.get("officer"):
        stmt = stmt.where(FootageFile.officer_no == str(filters["officer"]))
    if filters.get("important"):
        stmt = stmt.where(FootageFile.important.is_(True))
    if isinstance(filters.get("date_from"), date):
        stmt = stmt.where(FootageFile.start_at >= datetime.combine(filters["date_from"], time()))
    if isinstance(filters.get("imported_from"), date):  # the import's UTC instant, as the dashboard counts
        stmt = stmt.where(FootageFile.imported_at >= filters["imported_from"].isoformat())
    if isinstance(filters.get("imported_to"), date):
        stmt = stmt.where(FootageFile.imported_at < f"{filters['imported_to'].isoformat()}~")
    if isinstance(filters.get("date_to"), date):
        stmt = stmt.where(
            FootageFile.start_at < datetime.combine(filters["date_to"] + timedelta(days=1), time())
        )
    text = query.search.strip()
    if text:
        like = f"%{text}%"
        stmt = stmt.where(
            or_(
                FootageFile.sha256.startswith(text.lower()),
                FootageFile.source_name.like(like),
                FootageFile.officer_no == text,
                FootageFile.device_no == text,
            )
        )
    return stmt


def list_footage(store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None)) -> Page[FootageRow]:
    """The library, newest recording first unless sorted otherwise. Filters: ``case_id``,
    ``unlinked``, ``agency_id``, ``officer`` (警号), ``important``, ``date_from``, ``date_to`` (the
    recording's start), ``imported_from``, ``imported_to`` (the import's day, UTC), ``deleted`` (the
    tombstones of deleted files instead of the stored ones)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        key = (_COUNT_KEY, actor.scope_agency_id, query.search.strip(), tuple(sorted(query.filters, key=str)))
        total = store.memo.get(key)
        if total is None and not query.search.strip() and not any(v for _k, v in query.filters):
            total = counts.counted_total(session, actor)  # the whole library: counted as it changes
        if total is None:
            base = _filtered(_scoped(select(FootageFile.id), actor), query)
            total = session.execute(select(func.count()).select_from(base.subquery())).scalar_one()
            store.memo.put(key, total, kinds=("footage", "cases"), keep=16)
        column = SORTS.get(query.sort or "start", FootageFile.start_at)
        descending = query.descending if query.sort else True
        stmt = _filtered(_scoped(_rows(), actor), query).order_by(
            column.desc() if descending else column.asc(),
            FootageFile.id.desc() if descending else FootageFile.id,
        )
        stmt = stmt.offset(query.offset)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        settings = load_settings(session)
        items = tuple(_row(r, settings) for r in session.execute(stmt))
    return Page(items, total)


def get_footage(store: Store, actor: Actor, sha256: str) -> FootageRow:
    """One stored file by its SHA-256 (a unique prefix of 8 or more digits will do)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        return _row(_find(session, actor, sha256), load_settings(session))


def _find(session: Session, actor: Actor, sha256: str) -> Any:
    key = sha256.strip().lower()
    if len(key) < 8:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give at least 8 digits of the SHA-256."), field="sha256"
        )
    stmt = _scoped(_rows(), actor).where(
        FootageFile.sha256.startswith(key) if len(key) < 64 else FootageFile.sha256 == key
    )
    found = session.execute(stmt.limit(2)).all()
    if len(found) != 1:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No stored footage with SHA-256 {sha256}."), sha256=sha256)
    return found[0]


def link_footage(
    store: Store, actor: Actor, sha256: str, case_no: str | None, agency: str | int | None = None
) -> FootageRow:
    """Link a file to a case (``case_no`` None: unlink), audited."""
    require(actor, Permission.EDIT_CASES)
    case = find_case(store, actor, case_no, agency) if case_no else None
    with store.unit_of_work() as uow:
        s = uow.session
        row = _find(s, actor, sha256)
        f: FootageFile = row[0]
        if case is not None:
            require_agency(actor, case.agency_id)
            if f.deleted_at is not None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "{sha256} was deleted; a deleted file cannot be linked."),
                    field="sha256",
                    sha256=f.sha256,
                )
        before = {"case_id": f.case_id, "case_no": row[3]}
        now = utc_iso(store.clock.now())
        f.case_id = case.id if case else None
        f.linked_at, f.linked_by = (now, actor.name) if case else (None, None)
        if case is not None and f.agency_id is None:
            counts.move(s, [(None, case.agency_id)])
            f.agency_id = case.agency_id
        f.updated_at, f.updated_by = now, actor.name
        audit.record(
            s,
            store,
            actor.name,
            "link" if case else "unlink",
            "footage_file",
            f.id,
            before=before,
            after={"case_id": f.case_id, "case_no": case.case_no if case else None},
            summary=f.sha256,
        )
        uow.commit()
    return get_footage(store, actor, sha256)


def case_footage(store: Store, actor: Actor, case_id: int) -> tuple[FootageRow, ...]:
    """The files linked to one case, in recording order (the case detail)."""
    page = list_footage(store, actor, ListQuery(filters=(("case_id", case_id),), sort="start", limit=None))
    return page.items


def suggest_cases(store: Store, actor: Actor, sha256: str) -> tuple[CaseSuggestion, ...]:
    """Cases the file may belong to: its officer handled them and it started within their period
    (from the filing date to the closing date, or today when still open)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        f: FootageFile = _find(session, actor, sha256)[0]
        if f.officer_id is None:
            return ()
        day = f.start_at.date()
        co = aliased(CaseOfficer)
        stmt = (
            select(Case.id, Case.case_no, Agency.name, Case.filed_on, Case.closed_on)
            .join(co, co.case_id == Case.id)
            .join(Agency, Agency.id == Case.agency_id)
            .where(co.officer_id == f.officer_id, Case.filed_on <= day)
            .where(or_(Case.closed_on.is_(None), Case.closed_on >= day))
            .order_by(Case.filed_on.desc())
            .limit(20)
        )
        if actor.scope_agency_id is not None:
            stmt = stmt.where(Case.agency_id == actor.scope_agency_id)
        return tuple(
            CaseSuggestion(i, no, agency, filed.isoformat(), closed.isoformat() if closed else None)
            for i, no, agency, filed, closed in session.execute(stmt)
        )


def unknown_numbers(store: Store, actor: Actor) -> tuple[UnknownNumber, ...]:
    """警号 and device numbers on stored files that nobody has mapped, with how many files each."""
    require(actor, Permission.VIEW_CASES)
    out: list[UnknownNumber] = []
    with store.reading() as session:
        for kind, column in (("officer", FootageFile.officer_no), ("device", FootageFile.device_no)):
            known = select(FootageNumber.number).where(FootageNumber.kind == kind)
            stmt = _scoped(select(column, func.count()), actor).where(column.not_in(known)).group_by(column)
            out += [UnknownNumber(kind, n, c) for n, c in session.execute(stmt.order_by(column))]
    return tuple(out)


def map_number(
    store: Store,
    actor: Actor,
    kind: str,
    number: str,
    *,
    officer_id: int | None = None,
    agency_id: int | None = None,
) -> int:
    """Map a 警号 to an officer (and so their agency) or a device to an agency, once: the files
    already stored with that number follow. Returns how many files changed."""
    require(actor, Permission.EDIT_CASES)
    if kind not in ("officer", "device"):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Map an officer or a device number."), field="kind")
    now = utc_iso(store.clock.now())
    with store.unit_of_work() as uow:
        s = uow.session
        if officer_id is not None:
            officer = s.get(Officer, officer_id)
            if officer is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such officer (id {id})."), id=officer_id)
            agency_id = officer.agency_id
        require_agency(actor, agency_id)
        entry = s.execute(
            select(FootageNumber).where(FootageNumber.kind == kind, FootageNumber.number == number)
        ).scalar_one_or_none()
        if entry is None:
            entry = FootageNumber(kind=kind, number=number)
            s.add(entry)
        entry.officer_id, entry.agency_id = officer_id, agency_id
        entry.updated_at, entry.updated_by = now, actor.name
        column = FootageFile.officer_no if kind == "officer" else FootageFile.device_no
        files = s.execute(select(FootageFile).where(column == number)).scalars().all()
        moved: list[tuple[counts.Where, counts.Where]] = []
        for f in files:
            if kind == "officer":
                f.officer_id = officer_id
            if agency_id is not None and (kind == "officer" or f.agency_id is None):
                if f.deleted_at is None and f.agency_id != agency_id:
                    moved.append((f.agency_id, agency_id))
                f.agency_id = agency_id
        counts.move(s, moved)
        s.flush()
        audit.record(
            s,
            store,
            actor.name,
            "map",
            "footage_number",
            entry.id,
            after={"kind": kind, "number": number, "officer_id": officer_id, "agency_id": agency_id},
            summary=number,
        )
        uow.commit()
    return len(files)


def link_many(store: Store, actor: Actor, links: Sequence[tuple[str, int]]) -> int:
    """Link many files to cases at once (SHA-256, case id), each link audited, in one unit of
    work, in the order given; files already linked to that case are left as they are. Returns
    how many changed."""
    require(actor, Permission.EDIT_CASES)
    now = utc_iso(store.clock.now())
    changes: list[audit.Change] = []
    with store.unit_of_work() as uow:
        s = uow.session
        wanted = dict(links)
        cases = {
            i: (no, agency)
            for i, no, agency in s.execute(
                select(Case.id, Case.case_no, Case.agency_id).where(Case.id.in_(set(wanted.values())))
            )
        }
        files = s.execute(select(FootageFile).where(FootageFile.sha256.in_(list(wanted)))).scalars().all()
        order = {sha: i for i, sha in enumerate(wanted)}
        for f in sorted(files, key=lambda f: order[f.sha256]):  # audited in the order given, on any database
            case_id = wanted[f.sha256]
            if f.case_id == case_id or case_id not in cases or f.deleted_at is not None:
                continue
            require_agency(actor, cases[case_id][1])
            changes.append(
                audit.Change(
                    "link",
                    "footage_file",
                    f.id,
                    before={"case_id": f.case_id},
                    after={"case_id": case_id, "case_no": cases[case_id][0]},
                    summary=f.sha256,
                )
            )
            f.case_id, f.linked_at, f.linked_by = case_id, now, actor.name
            if f.agency_id is None:
                counts.move(s, [(None, cases[case_id][1])])
            f.agency_id = f.agency_id or cases[case_id][1]
            f.updated_at, f.updated_by = now, actor.name
        if changes:
            audit.record_many(s, store, actor.name, changes)
        uow.commit()
    return len(changes)
