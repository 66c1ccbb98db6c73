"""Reading the register (案件监督): a page of cases with their open warnings, one case with its
officers, documents, deadlines, timeline and warnings.

Each function checks the actor's permission and agency scope and returns frozen rows; warnings
are computed from the store on every call (``desktop.cases.supervision``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts.names import display_names, shown
from desktop.cases import repository as repo
from desktop.cases import terms
from desktop.cases.checks import input_dates
from desktop.cases.disposal import case_findings
from desktop.cases.dto import (
    CaseDetail,
    CaseOfficerRow,
    CaseRow,
    DocumentRow,
    StageEvent,
    SuspensionRow,
)
from desktop.cases.power_facts import case_power
from desktop.cases.rules import ALL_WARNING_CODES, WARNING_CODES, Finding, deadlines
from desktop.cases.supervision import dispositions, open_findings, register_warnings, warning_row
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import is_valid_resident_id, mask_resident_id
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import (
    Case,
)
from desktop.models.db import Store
from desktop.personnel.lookup import find_agency


def list_cases(
    store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None), as_of: date | None = None
) -> Page[CaseRow]:
    """A page of the register with each row's open warnings; ``notes`` are the years whose
    holidays were not loaded when the deadlines were counted.

    Filters: ``agency_id``, ``category``, ``procedure``, ``stage``, ``filed_from``,
    ``filed_to``, ``warnings`` (only cases with an open warning), ``overdue`` (only cases with
    a missed deadline), ``code`` (only cases with that open warning).
    """
    require(actor, Permission.VIEW_CASES)
    as_of = as_of or store.clock.today()
    if query.limit is None:  # every row: counted as it is read
        query = query.exactly()
    with store.reading() as session:
        limits, cal = load_limits(session), load_calendar(session)
        wanted = _wanted_codes(query)
        found = _short_search_page(store, session, query, actor) if wanted is None else None
        if found is None:
            conditions = repo.case_conditions(session, query, actor.scope_agency_id)
            if wanted is not None:
                every, _notes = register_warnings(session, store, actor, query, as_of)
                ids = {w.case_id for w in every if not w.handled and w.code in wanted}
                conditions = [*conditions, repo.ids_in(Case.id, ids)]
            rows, total = repo.cases_page(session, query, conditions)
            cap = query.count_cap
            found = rows, total, cap is None or total <= cap  # fetch_page counted to cap + 1
        rows, total, exact = found
        if not exact:  # more than the cap match: the window counts them after (``count_cases``)
            total = query.count_cap or 0
        by_case: dict[int, list[Finding]] = {}
        if rows:
            for f in open_findings(session, [repo.ids_in(Case.id, [r.id for r in rows])], as_of, limits, cal):
                by_case.setdefault(f.case_id, []).append(f)
        return Page(tuple(_case_row(r, by_case.get(r.id, [])) for r in rows), total, cal.notes(), not exact)


def count_cases(
    store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None), as_of: date | None = None
) -> int:
    """How many cases ``list_cases`` finds for ``query`` (as of ``as_of``), counted exactly: the
    window asks for it after a page whose count stopped at its ``count_cap``. A short search's
    count is then kept a moment, as its pages' count is."""
    return list_cases(store, actor, query.exactly().window(0, 0), as_of).total


SEARCH_COUNT_KEPT_SECONDS = 20.0
"""How long the count of a short search answers again (the window's next pages, the same search
typed again): a commit of this program that changes cases drops it sooner, F5 at once."""


def _short_search_page(
    store: Store, session: Session, query: ListQuery, actor: Actor
) -> tuple[list, int, bool] | None:
    """``repo.short_search_page`` with its exact count kept a moment on the store (``Store.memo``)."""
    key = ("register_search_count", query.search.strip())
    found = repo.short_search_page(session, query, actor.scope_agency_id, store.memo.get(key))
    if found is not None and found[2]:
        store.memo.put(key, found[1], kinds=("cases",), keep=16, ttl=SEARCH_COUNT_KEPT_SECONDS)
    return found


def _wanted_codes(query: ListQuery) -> frozenset[str] | None:
    if query.filter("code"):
        return frozenset({query.filter("code")})
    if query.filter("overdue"):
        return frozenset(c for c in WARNING_CODES if c.endswith("_overdue"))
    if query.filter("warnings"):
        return frozenset(ALL_WARNING_CODES)
    return None


def _case_row(r: Any, found: Sequence[Finding]) -> CaseRow:
    levels = {f.level for f in found}
    level = "red" if "red" in levels else ("yellow" if levels else None)
    return CaseRow(
        r.id,
        r.case_no,
        r.agency_id,
        r.agency_name,
        r.category,
        r.procedure,
        r.stage,
        r.cause,
        r.party,
        r.filed_on,
        r.decided_on,
        r.closed_on,
        r.amount,
        r.officer_count,
        bool(r.major),
        tuple(f.code for f in found),
        level,
        r.version,
    )


def get_case(store: Store, actor: Actor, case_id: int, as_of: date | None = None) -> CaseDetail:
    """One case with its officers, documents, deadlines, timeline and warnings."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
        require_agency(actor, case.agency_id)
        return _detail(session, store, actor, case, as_of or store.clock.today())


def find_case(
    store: Store, actor: Actor, case_no: str, agency: str | int | None = None, as_of: date | None = None
) -> CaseDetail:
    """A case by its 案号 (and agency, when two agencies use the same number)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        stmt = select(Case).where(Case.case_no == case_no.strip())
        if agency is not None:
            stmt = stmt.where(Case.agency_id == find_agency(session, agency).id)
        if actor.scope_agency_id is not None:
            stmt = stmt.where(Case.agency_id == actor.scope_agency_id)
        found = session.execute(stmt).scalars().all()
        if not found:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No case numbered {case_no}."), case_no=case_no)
        if len(found) > 1:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Several agencies have a case numbered {case_no}: {agencies}. Name the agency."
                ),
                field="agency",
                case_no=case_no,
                agencies="、".join(c.agency.name for c in found),
            )
        return _detail(session, store, actor, found[0], as_of or store.clock.today())


def _detail(session: Session, store: Store, actor: Actor, case: Case, as_of: date) -> CaseDetail:
    limits, cal = load_limits(session), load_calendar(session)
    facts = repo.load_facts(session, [Case.id == case.id])[0]
    dl = deadlines(facts, as_of, limits, cal)
    handled = dispositions(session, [Case.id == case.id])
    names = display_names(
        session, [case.updated_by, *(n for d in handled.values() for n in (d.handled_by, d.reopened_by))]
    )
    warnings = tuple(
        warning_row(f, facts, handled.get((f.case_id, f.code)), names)
        for f in case_findings(facts, as_of, limits, cal, list(handled.values()))
    )
    officers = tuple(CaseOfficerRow(*row) for row in repo.officers_of_case(session, case.id, case.filed_on))
    dates = input_dates(case)
    return CaseDetail(
        case.id,
        case.case_no,
        case.agency_id,
        case.agency.name,
        case.category,
        case.procedure,
        case.source,
        case.stage,
        case.cause,
        case.party,
        case.party_type,
        _party_number(case, actor),
        dates,
        terms.split_multi(case.measures),
        case.measure_extended,
        case.decision_extension_days,
        terms.split_multi(case.penalty_kinds),
        case.amount,
        case.major,
        case.legal_basis,
        officers,
        tuple(SuspensionRow(s.id, s.kind, s.start_on, s.end_on, s.note) for s in case.suspensions),
        tuple(
            DocumentRow(d.id, d.kind, d.title, d.path, d.pages, Path(d.path).is_file())
            for d in case.documents
        ),
        dl,
        _timeline(case, dl),
        warnings,
        as_of,
        cal.notes(),
        case.version,
        case.updated_at,
        case.updated_by,
        case_power(facts),
        case.target_code,
        shown(names, case.updated_by),
    )


def _party_number(case: Case, actor: Actor) -> str | None:
    """The party's 证件号码: a person's 身份证号 masked unless the role may see whole numbers."""
    number = case.party_id_number
    if not number or actor.can(Permission.VIEW_ID_NUMBERS) or case.party_type in ("法人", "其他组织"):
        return number
    return mask_resident_id(number) if is_valid_resident_id(number) else number


_ANSWERS = {"decision": "decided", "service": "served", "publicity": "published"}


def _timeline(case: Case, dl: Sequence[Any]) -> tuple[StageEvent, ...]:
    by_stage = {_ANSWERS[d.kind]: d for d in dl if d.kind in _ANSWERS}
    events = [StageEvent("discovered", case.discovered_on, None)] if case.discovered_on else []
    for stage in terms.STAGES:
        events.append(StageEvent(stage, getattr(case, f"{stage}_on"), by_stage.get(stage)))
    if case.measure_on is not None:
        seizure = next((d for d in dl if d.kind == "seizure"), None)
        events.append(StageEvent("measure", case.measure_on, None))
        events.append(StageEvent("measure_released", case.measure_released_on, seizure))
    return tuple(events)
