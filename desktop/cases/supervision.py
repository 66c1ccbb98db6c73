"""Supervision warnings (预警) of the register: computed from the store (never stored), kept for a
moment for paging and counting, counted per agency and code, and their 处置 (audited)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from desktop.accounts import audit
from desktop.accounts.names import display_names
from desktop.accounts.service import check_version
from desktop.cases import repository as repo
from desktop.cases.calendar import WorkCalendar
from desktop.cases.disposal import (
    Handling,
    by_case,
    case_findings,
    load_handlings,
    store_attachment,
    warning_row,
)
from desktop.cases.dto import (
    Disposal,
    WarningCount,
    WarningKey,
    WarningRow,
)
from desktop.cases.officer_warnings import (
    CENTRE_CODES,
    OFFICER_WARNING_CODES,
    OfficerDisposal,
    current_officer_warnings,
    forget_officer_warnings,
    officer_rows_written,
    officer_warning_rows,
    write_officer_dispositions,
)
from desktop.cases.rules import FOLLOW_UP_DUE, Finding, Limits
from desktop.cases.source_warnings import source_warnings
from desktop.cases.supervision_settings import load_calendar, load_disposal_kinds, load_limits
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import (
    Case,
    WarningAttachment,
    WarningDisposition,
)
from desktop.models.db import Store

__all__ = [
    "dispositions",
    "handle_warning",
    "handle_warnings",
    "list_warnings",
    "warning_counts",
    "warning_row",
]


def open_findings(
    session: Session, conditions: Sequence[Any], as_of: date, limits: Limits, cal: WorkCalendar
) -> list[Finding]:
    """The warnings not yet handled (or reopened) of the cases ``conditions`` keep, the
    follow-ups of their 处置 included."""
    handled = dispositions(session, conditions)
    grouped = by_case(handled)
    out = []
    for facts in repo.load_facts(session, conditions):
        for f in case_findings(facts, as_of, limits, cal, grouped.get(facts.id, ())):
            h = handled.get((f.case_id, f.code))
            if h is None or not h.handles(f):
                out.append(f)
    return out


REGISTER_FILTERS = frozenset({"agency_id", "category", "procedure", "stage", "filed_from", "filed_to"})
"""The filters that choose cases (the others choose among their warnings)."""


WARNINGS_KEPT_SECONDS = 20.0
"""How long a computed set of warnings answers the same question again (paging, counts): a
commit of this program that changes what they are computed from (``WARNINGS_DEPEND_ON``), or
``forget_computed_warnings``, drops it sooner."""

WARNINGS_DEPEND_ON = frozenset(
    {
        "cases",
        "warnings",
        "settings",
        "calendar",
        "agencies",
        "officers",
        "powers",
        "inspections",
        "leads",
        "footage",
    }
)
"""The kinds of record the warnings are computed from: the register, the 处置, the time limits,
the work calendar, the agencies' names and the officers' certificate histories."""

_MEMO_KEY = "register_warnings"
_KEPT_SETS = 8


def register_warnings(
    session: Session, store: Store, actor: Actor, query: ListQuery, as_of: date
) -> tuple[tuple[WarningRow, ...], tuple[int, ...]]:
    """Every warning, open and handled, of the cases the query's search and register filters keep,
    and the years counted by weekends only while deciding them.

    Computed from the store, then kept for a few seconds on the store (``Store.memo``) so that
    paging through a long list or counting it does not compute it again for every page.
    """
    filters = tuple(sorted(((k, v) for k, v in query.filters if k in REGISTER_FILTERS), key=lambda kv: kv[0]))
    key = (_MEMO_KEY, actor.scope_agency_id, query.search.strip(), filters, as_of)
    kept = store.memo.get(key)
    if kept is not None:
        return kept
    conditions = repo.case_conditions(session, query, actor.scope_agency_id)
    limits, cal = load_limits(session), load_calendar(session)
    handled = dispositions(session, conditions)
    names = display_names(session, (n for d in handled.values() for n in (d.handled_by, d.reopened_by)))
    grouped = by_case(handled)
    rows = []
    for facts in repo.load_facts(session, [*conditions, repo.warning_candidates(session, as_of, limits)]):
        for f in case_findings(facts, as_of, limits, cal, grouped.get(facts.id, ())):
            rows.append(warning_row(f, facts, handled.get((f.case_id, f.code)), names))
    if not query.search.strip():
        agency = dict(filters).get("agency_id") or actor.scope_agency_id
        rows += source_warnings(session, as_of, cal, agency)
    answer = (tuple(rows), cal.notes())
    store.memo.put(key, answer, kinds=WARNINGS_DEPEND_ON, keep=_KEPT_SETS, ttl=WARNINGS_KEPT_SECONDS)
    return answer


def forget_computed_warnings(store: Store) -> None:
    """Compute warnings afresh next time (another workstation may have changed the register)."""
    store.memo.drop((_MEMO_KEY,))
    forget_officer_warnings(store)


def dispositions(session: Session, conditions: Sequence[Any]) -> dict[tuple[int, str], Handling]:
    """The 处置 (active and reopened) of the warnings of the cases ``conditions`` keep, by (case
    id, code)."""
    return load_handlings(session, conditions)


def list_warnings(
    store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None), as_of: date | None = None
) -> Page[WarningRow]:
    """The warnings of the register as of a date, computed from the store.

    Filters: ``agency_id``, ``code``, ``level``, ``state`` (``open`` default, ``handled``,
    ``all``), ``scope`` (``cases``: the register's only; ``officers``: the officers' certificate
    and training warnings only; none: both) and the register's filters. Sorted by level (red first), then newest first (the
    due date, else the filing date) unless the query says otherwise (``case_no``, ``agency``,
    ``code``, ``level``, ``due``, ``filed_on``).
    """
    require(actor, Permission.VIEW_CASES)
    as_of = as_of or store.clock.today()
    state, code, level = query.filter("state", "open"), query.filter("code"), query.filter("level")
    scope = query.filter("scope")
    every: tuple[WarningRow, ...] = ()
    notes: tuple[int, ...] = ()
    if scope != "officers":
        with store.reading() as session:
            every, notes = register_warnings(session, store, actor, query, as_of)
    if scope != "cases" and (not code or code == FOLLOW_UP_DUE or code in OFFICER_WARNING_CODES):
        every = every + officer_warning_rows(store, actor, query, as_of)
    rows = [
        w
        for w in every
        if (not code or w.code == code)
        and (not level or w.level == level)
        and (state == "all" or w.handled == (state == "handled"))
    ]
    rows.sort(key=_warning_sort_key(query.sort), reverse=query.descending)
    end = None if query.limit is None else query.offset + query.limit
    return Page(tuple(rows[query.offset : end]), len(rows), notes)


def _warning_sort_key(sort: str | None) -> Callable[[WarningRow], tuple[Any, ...]]:
    order = {"red": 0, "yellow": 1}
    if sort == "due":
        return lambda w: (w.due or date.max, w.case_no, w.subject)
    if sort in ("case_no", "agency", "code", "filed_on", "title"):
        field = "reference" if sort == "case_no" else sort
        return lambda w: (getattr(w, field), w.case_no, w.code, w.subject)
    if sort == "level":
        return lambda w: (order[w.level], w.case_no, w.subject)
    return lambda w: (order[w.level], -(w.due or w.filed_on).toordinal(), w.case_no, w.code, w.subject)


def warning_counts(
    store: Store, actor: Actor, as_of: date | None = None, query: ListQuery = ListQuery(limit=None)
) -> tuple[WarningCount, ...]:
    """Warnings per agency and code (open and handled), as of a date."""
    page = list_warnings(
        store, actor, replace(query, filters=(*query.filters, ("state", "all")), offset=0, limit=None), as_of
    )
    open_: Counter = Counter()
    handled: Counter = Counter()
    names: dict[int, str] = {}
    levels: dict[tuple[int, str], str] = {}
    for w in page.items:
        key = (w.agency_id, w.code)
        (handled if w.handled else open_)[key] += 1
        names[w.agency_id] = w.agency
        if levels.get(key) != "red":  # a code raised at either level counts at its worst
            levels[key] = w.level
    keys = sorted(set(open_) | set(handled), key=lambda k: (names[k[0]], CENTRE_CODES.index(k[1])))
    return tuple(
        WarningCount(a, names[a], c, levels[(a, c)], open_[(a, c)], handled[(a, c)]) for a, c in keys
    )


def handle_warning(
    store: Store,
    actor: Actor,
    case_id: int,
    code: str,
    version: int | None,
    note: str,
    as_of: date | None = None,
    *,
    kind: str | None = None,
    follow_up_on: date | None = None,
) -> WarningRow:
    """Mark one warning of a case handled (处置) with a note (see ``handle_warnings``)."""
    disposal = Disposal(note, kind, follow_up_on)
    return handle_warnings(store, actor, [WarningKey(case_id, code, version)], disposal, as_of)[0]


def handle_warnings(
    store: Store,
    actor: Actor,
    keys: Sequence[WarningKey],
    disposal: Disposal,
    as_of: date | None = None,
) -> tuple[WarningRow, ...]:
    """处置 several warnings at once: each marked handled with the same kind, note, follow-up
    date and attachment — all of them or, when one is refused, none (one unit of work; one
    ``handle_warning`` audit record a warning). Each warning must exist as of ``as_of``.

    ``WarningKey.version``: the disposition's version as shown (``WarningRow.version``), None
    when it was never handled; a disposition written meanwhile by another workstation is a
    ``Conflict``. The kind must be one of the setting's (``disposal_kinds``); the follow-up date
    may not be before ``as_of``; handling again replaces the handling and undoes a reopening."""
    require(actor, Permission.HANDLE_WARNINGS)
    note = (disposal.note or "").strip()
    if not note:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say how the warning was handled."), field="note")
    if not keys:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose the warnings to handle."), field="warnings")
    as_of = as_of or store.clock.today()
    if disposal.follow_up_on is not None and disposal.follow_up_on < as_of:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The follow-up date {date} is before {today}."),
            field="follow_up_on",
            date=disposal.follow_up_on.isoformat(),
            today=as_of.isoformat(),
        )
    every = list({(k.case_id, k.code, k.subject): k for k in keys}.values())
    wanted = [k for k in every if not k.subject]
    officers = [k for k in every if k.subject]
    officer_found = current_officer_warnings(store, actor, as_of) if officers else {}
    with store.unit_of_work() as uow:
        session = uow.session
        kind = _checked_kind(session, disposal.kind)
        ids = sorted({k.case_id for k in wanted})
        in_ids = repo.ids_in(Case.id, ids)
        cases = {c.id: c for c in session.execute(select(Case).where(in_ids)).scalars()}
        for k in wanted:
            if k.case_id not in cases:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=k.case_id)
            require_agency(actor, cases[k.case_id].agency_id)
        facts = {f.id: f for f in repo.load_facts(session, [in_ids])}
        handlings = by_case(load_handlings(session, [in_ids]))
        limits, cal = load_limits(session), load_calendar(session)
        found: dict[tuple[int, str], Finding] = {}
        for case_id in ids:
            for f in case_findings(facts[case_id], as_of, limits, cal, handlings.get(case_id, ())):
                found[(case_id, f.code)] = f
        existing = {
            (d.case_id, d.code): d
            for d in session.execute(
                select(WarningDisposition).where(repo.ids_in(WarningDisposition.case_id, ids))
            ).scalars()
        }
        attachment = (
            store_attachment(session, store, actor, disposal.attachment) if disposal.attachment else None
        )
        now = utc_iso(store.clock.now())
        changes, written = [], []
        for k in wanted:
            case = cases[k.case_id]
            if (k.case_id, k.code) not in found:
                raise NotFound(
                    QT_TRANSLATE_NOOP("errors", "Case {case_no} has no warning {code}."),
                    case_no=case.case_no,
                    code=k.code,
                )
            row = existing.get((k.case_id, k.code))
            if row is not None:  # shown unhandled (None): any disposition is newer than what was seen
                check_version(row, 0 if k.version is None else k.version)
            before = None if row is None else _disposal_state(row)
            if row is None:
                row = WarningDisposition(case_id=k.case_id, code=k.code)
                session.add(row)
            row.note, row.kind, row.follow_up_on = note, kind, disposal.follow_up_on
            row.handled_by, row.handled_at, row.handled_on = actor.name, now, as_of
            if attachment is not None or not disposal.keep_attachment:
                row.attachment_id = attachment.id if attachment is not None else None
            row.reopened_at = row.reopened_by = row.reopen_reason = None
            written.append((k, row))
            after: dict[str, Any] = {"code": k.code, "note": note}
            if kind is not None:
                after["kind"] = kind
            if disposal.follow_up_on is not None:
                after["follow_up_on"] = disposal.follow_up_on
            if attachment is not None:
                after["attachment"] = {"name": attachment.name, "sha256": attachment.sha256}
            changes.append(
                audit.Change(
                    "handle_warning",
                    "case",
                    k.case_id,
                    before=before,
                    after=after,
                    summary=f"{case.case_no} {k.code}",
                )
            )
        session.flush()
        audit.record_many(session, store, actor.name, changes)
        officer_written = write_officer_dispositions(
            session,
            store,
            actor,
            officers,
            officer_found,
            OfficerDisposal(note, kind, disposal.follow_up_on, attachment, disposal.keep_attachment, as_of),
        )
        kept = {
            a.id: a
            for a in session.execute(
                select(WarningAttachment)
                .options(defer(WarningAttachment.content))
                .where(WarningAttachment.id.in_({r.attachment_id for _k, r in written if r.attachment_id}))
            ).scalars()
        }
        names = display_names(session, [actor.name])
        result = tuple(
            warning_row(
                found[(k.case_id, k.code)],
                facts[k.case_id],
                Handling.of(row, kept.get(row.attachment_id) if row.attachment_id else None),
                names,
            )
            for k, row in written
        ) + tuple(officer_rows_written(session, officer_written, as_of))
        uow.commit()
        return result


def _checked_kind(session: Session, kind: str | None) -> str | None:
    kind = (kind or "").strip() or None
    if kind is not None and kind not in load_disposal_kinds(session):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{kind} is not a kind of handling (see the settings)."),
            field="kind",
            kind=kind,
        )
    return kind


def _disposal_state(row: WarningDisposition) -> dict[str, Any]:
    state: dict[str, Any] = {"note": row.note, "handled_by": row.handled_by}
    if row.kind is not None or row.follow_up_on is not None:
        state.update(kind=row.kind, follow_up_on=row.follow_up_on)
    if row.reopened_at is not None:
        state.update(reopened_by=row.reopened_by, reopen_reason=row.reopen_reason)
    return state
