"""Supervision warnings (预警) of the register: computed from the store (never stored), kept for a
moment for paging and counting, counted per agency and code, and their 处置 (audited)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.names import display_names, shown
from desktop.accounts.service import check_version
from desktop.cases import repository as repo
from desktop.cases.calendar import WorkCalendar
from desktop.cases.dto import (
    WarningCount,
    WarningRow,
)
from desktop.cases.rules import WARNING_CODES, CaseFacts, Finding, Limits, findings
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import (
    Case,
    WarningDisposition,
)
from desktop.models.db import Store


def open_findings(
    session: Session, conditions: Sequence[Any], as_of: date, limits: Limits, cal: WorkCalendar
) -> list[Finding]:
    """The warnings not yet handled of the cases ``conditions`` keep."""
    handled = dispositions(session, conditions)
    out = []
    for facts in repo.load_facts(session, conditions):
        out += [f for f in findings(facts, as_of, limits, cal) if (f.case_id, f.code) not in handled]
    return out


REGISTER_FILTERS = frozenset({"agency_id", "category", "procedure", "stage", "filed_from", "filed_to"})
"""The filters that choose cases (the others choose among their warnings)."""


WARNINGS_KEPT_SECONDS = 20.0
"""How long a computed set of warnings answers the same question again (paging, counts): a
commit of this program that changes what they are computed from (``WARNINGS_DEPEND_ON``), or
``forget_computed_warnings``, drops it sooner."""

WARNINGS_DEPEND_ON = frozenset({"cases", "warnings", "settings", "calendar", "agencies"})
"""The kinds of record the warnings are computed from: the register, the 处置, the time limits,
the work calendar and the agencies' names."""

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
    names = display_names(session, (d.handled_by for d in handled.values()))
    rows = []
    for facts in repo.load_facts(session, [*conditions, repo.warning_candidates(session, as_of, limits)]):
        for f in findings(facts, as_of, limits, cal):
            rows.append(warning_row(f, facts, handled.get((f.case_id, f.code)), names))
    answer = (tuple(rows), cal.notes())
    store.memo.put(key, answer, kinds=WARNINGS_DEPEND_ON, keep=_KEPT_SETS, ttl=WARNINGS_KEPT_SECONDS)
    return answer


def forget_computed_warnings(store: Store) -> None:
    """Compute warnings afresh next time (another workstation may have changed the register)."""
    store.memo.drop((_MEMO_KEY,))


def dispositions(session: Session, conditions: Sequence[Any]) -> dict[tuple[int, str], WarningDisposition]:
    """The 处置 of the warnings of the cases ``conditions`` keep, by (case id, code)."""
    rows = session.execute(
        select(WarningDisposition).join(Case, Case.id == WarningDisposition.case_id).where(*conditions)
    ).scalars()
    return {(d.case_id, d.code): d for d in rows}


def warning_row(
    f: Finding, facts: CaseFacts, d: WarningDisposition | None, names: Mapping[str, str] | None = None
) -> WarningRow:
    """A warning as the window and the command line show it, with its 处置 when there is one
    (``names``: the display names of who handled them, read once for all the rows)."""
    return WarningRow(
        f.case_id,
        f.case_no,
        f.agency_id,
        f.agency,
        f.code,
        f.title(),
        f.level,
        f.due,
        f.message(),
        facts.filed_on,
        d is not None,
        d.note if d else None,
        d.handled_by if d else None,
        d.handled_at if d else None,
        d.version if d else None,
        shown(names or {}, d.handled_by) if d else None,
    )


def list_warnings(
    store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None), as_of: date | None = None
) -> Page[WarningRow]:
    """The warnings of the register as of a date, computed from the store.

    Filters: ``agency_id``, ``code``, ``level``, ``state`` (``open`` default, ``handled``,
    ``all``) and the register's filters. Sorted by level, due date and case number unless the
    query says otherwise (``case_no``, ``agency``, ``code``, ``level``, ``due``, ``filed_on``).
    """
    require(actor, Permission.VIEW_CASES)
    as_of = as_of or store.clock.today()
    state, code, level = query.filter("state", "open"), query.filter("code"), query.filter("level")
    with store.reading() as session:
        every, notes = register_warnings(session, store, actor, query, as_of)
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
        return lambda w: (w.due or date.max, w.case_no)
    if sort in ("case_no", "agency", "code", "filed_on", "title"):
        return lambda w: (getattr(w, sort), w.case_no, w.code)
    if sort == "level":
        return lambda w: (order[w.level], w.case_no)
    return lambda w: (order[w.level], WARNING_CODES.index(w.code), w.due or date.max, w.case_no)


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
    levels: dict[str, str] = {}
    for w in page.items:
        key = (w.agency_id, w.code)
        (handled if w.handled else open_)[key] += 1
        names[w.agency_id], levels[w.code] = w.agency, w.level
    keys = sorted(set(open_) | set(handled), key=lambda k: (names[k[0]], WARNING_CODES.index(k[1])))
    return tuple(WarningCount(a, names[a], c, levels[c], open_[(a, c)], handled[(a, c)]) for a, c in keys)


def handle_warning(
    store: Store,
    actor: Actor,
    case_id: int,
    code: str,
    version: int | None,
    note: str,
    as_of: date | None = None,
) -> WarningRow:
    """Mark a case's warning handled (处置) with a note; audited. The warning must exist.

    ``version``: the disposition's version as shown (``WarningRow.version``), None when it was
    shown unhandled; a disposition written meanwhile by another workstation is a ``Conflict``."""
    require(actor, Permission.HANDLE_WARNINGS)
    note = (note or "").strip()
    if not note:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say how the warning was handled."), field="note")
    as_of = as_of or store.clock.today()
    with store.unit_of_work() as uow:
        session = uow.session
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
        require_agency(actor, case.agency_id)
        facts = repo.load_facts(session, [Case.id == case_id])[0]
        found = [
            f for f in findings(facts, as_of, load_limits(session), load_calendar(session)) if f.code == code
        ]
        if not found:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "Case {case_no} has no warning {code}."),
                case_no=case.case_no,
                code=code,
            )
        row = session.execute(
            select(WarningDisposition).where(
                WarningDisposition.case_id == case_id, WarningDisposition.code == code
            )
        ).scalar_one_or_none()
        if row is not None:  # shown unhandled (None): any disposition is newer than what was seen
            check_version(row, 0 if version is None else version)
        before = None if row is None else {"note": row.note, "handled_by": row.handled_by}
        if row is None:
            row = WarningDisposition(case_id=case_id, code=code)
            session.add(row)
        row.note, row.handled_by, row.handled_at = note, actor.name, utc_iso(store.clock.now())
        audit.record(
            session,
            store,
            actor.name,
            "handle_warning",
            "case",
            case_id,
            before=before,
            after={"code": code, "note": note},
            summary=f"{case.case_no} {code}",
        )
        session.flush()
        uow.commit()
        return warning_row(found[0], facts, row, display_names(session, [actor.name]))
