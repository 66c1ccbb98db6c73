"""Use cases of the case register and supervision: list, show, add, record a stage, suspend,
warnings and their 处置, and the settings the deadlines use (limits, the local calendar).

Each function checks the actor's permission and agency scope, opens one unit of work, audits
what it changes and returns frozen rows. Warnings are computed from the store on every call.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import audit
from desktop.accounts import check_version
from desktop.cases import repository as repo
from desktop.cases import terms
from desktop.cases.calendar import WorkCalendar
from desktop.cases.dto import (
    CalendarOverrideRow,
    CaseDetail,
    CaseInput,
    CaseOfficerRow,
    CaseRow,
    DocumentRow,
    StageEvent,
    StageInput,
    SupervisionSettings,
    SuspensionRow,
    WarningCount,
    WarningRow,
)
from desktop.cases.rules import (
    FIELD_TITLES,
    NO_LEGAL_REVIEW,
    WARNING_CODES,
    CaseFacts,
    Finding,
    Limits,
    clean_case,
    date_order_problems,
    deadlines,
    findings,
    input_dates,
    stage_of,
)
from desktop.clock import utc_iso
from desktop.errors import NotFound, ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.identifiers import is_valid_resident_id, mask_resident_id
from desktop.models import (
    Agency,
    CalendarOverride,
    Case,
    CaseDocument,
    CaseOfficer,
    CaseSuspension,
    StoreSetting,
    WarningDisposition,
)
from desktop.models.db import Store
from desktop.paging import ListQuery, Page
from desktop.personnel.repository import agency_names
from desktop.personnel.rules import Problem, raise_first
from desktop.security import Actor, Permission, require, require_agency

CASE_FIELDS_AUDITED = (
    "case_no", "agency_id", "category", "procedure", "source", "cause", "party", "party_type",
    "party_id_number", "stage", "discovered_on", "filed_on", "investigated_on", "legal_review_on",
    "decided_on", "served_on", "published_on", "executed_on", "closed_on", "measures", "measure_on",
    "measure_released_on", "measure_extended", "decision_extension_days", "penalty_kinds", "amount",
    "major", "legal_basis", "officer_count")


# ------------------------------------------------------------------------------ settings


def load_limits(session: Session) -> Limits:
    """The limits stored for every workstation (defaults where none is stored)."""
    stored = dict(session.execute(select(StoreSetting.key, StoreSetting.value)
                                  .where(StoreSetting.key.like("limits.%"))).all())
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
    """The limits and lead times in force, and who changed them last."""
    with store.reading() as session:
        last = session.execute(select(StoreSetting.updated_at, StoreSetting.updated_by)
                               .where(StoreSetting.key.like("limits.%"))
                               .order_by(StoreSetting.updated_at.desc()).limit(1)).first()
        return SupervisionSettings(load_limits(session), last[0] if last else "", last[1] if last else "")


def save_limits(store: Store, actor: Actor, limits: Limits) -> SupervisionSettings:
    """Change the limits (audited); each must be a positive number."""
    require(actor, Permission.EDIT_SETTINGS)
    for f in fields(Limits):
        value = getattr(limits, f.name)
        if value is None or value <= 0 or (f.name.endswith("_days") and value > 3650):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is not a usable value for this limit."),
                                  field=f.name, value=value)
    with store.unit_of_work() as uow:
        session = uow.session
        before = asdict(load_limits(session))
        now = utc_iso(store.clock.now())
        for f in fields(Limits):
            key, value = f"limits.{f.name}", str(getattr(limits, f.name))
            row = session.get(StoreSetting, key)
            if row is None:
                session.add(StoreSetting(key=key, value=value, updated_at=now, updated_by=actor.name))
            elif row.value != value:
                row.value, row.updated_at, row.updated_by = value, now, actor.name
        audit.record(session, store, actor.name, "update", "supervision_limits", "limits",
                     before=before, after=asdict(limits))
        uow.commit()
    return supervision_settings(store, actor)


def list_calendar_overrides(store: Store, actor: Actor) -> tuple[CalendarOverrideRow, ...]:
    """The local working-day overrides, by date."""
    with store.reading() as session:
        rows = session.execute(select(CalendarOverride).order_by(CalendarOverride.day)).scalars()
        return tuple(CalendarOverrideRow(r.day, r.working, r.note) for r in rows)


def set_calendar_override(store: Store, actor: Actor, day: date, working: bool,
                          note: str | None = None) -> CalendarOverrideRow:
    """Make ``day`` a working day or a rest day for every deadline (audited)."""
    require(actor, Permission.EDIT_SETTINGS)
    note = (note or "").strip() or None
    with store.unit_of_work() as uow:
        row = uow.session.get(CalendarOverride, day)
        before = None if row is None else {"working": row.working, "note": row.note}
        if row is None:
            row = CalendarOverride(day=day)
            uow.session.add(row)
        row.working, row.note = working, note
        audit.record(uow.session, store, actor.name, "update" if before else "create", "calendar_override",
                     day.isoformat(), before=before, after={"working": working, "note": note},
                     summary=day.isoformat())
        uow.commit()
        return CalendarOverrideRow(day, working, note)


def remove_calendar_override(store: Store, actor: Actor, day: date) -> None:
    """Return ``day`` to the national calendar (audited)."""
    require(actor, Permission.EDIT_SETTINGS)
    with store.unit_of_work() as uow:
        row = uow.session.get(CalendarOverride, day)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "{day} has no local override."), day=day.isoformat())
        audit.record(uow.session, store, actor.name, "delete", "calendar_override", day.isoformat(),
                     before={"working": row.working, "note": row.note}, summary=day.isoformat())
        uow.session.delete(row)
        uow.commit()


# ------------------------------------------------------------------------------ the register


def list_cases(store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None),
               as_of: date | None = None) -> Page[CaseRow]:
    """A page of the register with each row's open warnings; ``notes`` are the years whose
    holidays were not loaded when the deadlines were counted.

    Filters: ``agency_id``, ``category``, ``procedure``, ``stage``, ``filed_from``,
    ``filed_to``, ``warnings`` (only cases with an open warning), ``overdue`` (only cases with
    a missed deadline), ``code`` (only cases with that open warning).
    """
    require(actor, Permission.VIEW_CASES)
    as_of = as_of or store.clock.today()
    with store.reading() as session:
        conditions = repo.case_conditions(session, query, actor.scope_agency_id)
        limits, cal = load_limits(session), load_calendar(session)
        wanted = _wanted_codes(query)
        if wanted is not None:
            every, _notes = _register_warnings(session, store, actor, query, as_of)
            ids = {w.case_id for w in every if not w.handled and w.code in wanted}
            conditions = [*conditions, repo.ids_in(Case.id, ids)]
        rows, total = repo.cases_page(session, query, conditions)
        by_case: dict[int, list[Finding]] = {}
        if rows:
            for f in _open_findings(session, [repo.ids_in(Case.id, [r.id for r in rows])], as_of, limits, cal):
                by_case.setdefault(f.case_id, []).append(f)
        return Page(tuple(_case_row(r, by_case.get(r.id, [])) for r in rows), total, cal.notes())


def _wanted_codes(query: ListQuery) -> frozenset[str] | None:
    if query.filter("code"):
        return frozenset({query.filter("code")})
    if query.filter("overdue"):
        return frozenset(c for c in WARNING_CODES if c.endswith("_overdue"))
    if query.filter("warnings"):
        return frozenset(WARNING_CODES)
    return None


def _case_row(r: Any, found: Sequence[Finding]) -> CaseRow:
    levels = {f.level for f in found}
    level = "red" if "red" in levels else ("yellow" if levels else None)
    return CaseRow(r.id, r.case_no, r.agency_id, r.agency_name, r.category, r.procedure, r.stage, r.cause,
                   r.party, r.filed_on, r.decided_on, r.closed_on, r.amount, r.officer_count, bool(r.major),
                   tuple(f.code for f in found), level, r.version)


def _open_findings(session: Session, conditions: Sequence[Any], as_of: date, limits: Limits,
                   cal: WorkCalendar) -> list[Finding]:
    """The warnings not yet handled of the cases ``conditions`` keep."""
    handled = _handled(session, conditions)
    out = []
    for facts in repo.load_facts(session, conditions):
        out += [f for f in findings(facts, as_of, limits, cal) if (f.case_id, f.code) not in handled]
    return out


REGISTER_FILTERS = frozenset({"agency_id", "category", "procedure", "stage", "filed_from", "filed_to"})
"""The filters that choose cases (the others choose among their warnings)."""
WARNINGS_KEPT_SECONDS = 20.0
"""How long a computed set of warnings answers the same question again (paging, counts): any
change this program commits, or ``forget_computed_warnings``, drops it sooner."""
_KEPT_SETS = 8


def _register_warnings(session: Session, store: Store, actor: Actor, query: ListQuery,
                       as_of: date) -> tuple[tuple[WarningRow, ...], tuple[int, ...]]:
    """Every warning, open and handled, of the cases the query's search and register filters keep,
    and the years counted by weekends only while deciding them.

    Computed from the store, then kept for a few seconds on the store (``Store.memo``) so that
    paging through a long list or counting it does not compute it again for every page.
    """
    filters = tuple(sorted(((k, v) for k, v in query.filters if k in REGISTER_FILTERS), key=lambda kv: kv[0]))
    key = ("register_warnings", actor.scope_agency_id, query.search.strip(), filters, as_of)
    kept = store.memo.get(key)
    if kept is not None and time.monotonic() - kept[0] < WARNINGS_KEPT_SECONDS:
        return kept[1]
    conditions = repo.case_conditions(session, query, actor.scope_agency_id)
    limits, cal = load_limits(session), load_calendar(session)
    handled = _handled(session, conditions)
    rows = []
    for facts in repo.load_facts(session, [*conditions, repo.warning_candidates(session, as_of, limits)]):
        for f in findings(facts, as_of, limits, cal):
            rows.append(_warning_row(f, facts, handled.get((f.case_id, f.code))))
    answer = (tuple(rows), cal.notes())
    sets = [k for k in store.memo if isinstance(k, tuple) and k and k[0] == "register_warnings"]
    for old in sets[:max(0, len(sets) - _KEPT_SETS + 1)]:
        del store.memo[old]
    store.memo[key] = (time.monotonic(), answer)
    return answer


def forget_computed_warnings(store: Store) -> None:
    """Compute warnings afresh next time (F5: another workstation may have changed the register)."""
    store.forget()


def _handled(session: Session, conditions: Sequence[Any]) -> dict[tuple[int, str], WarningDisposition]:
    rows = session.execute(select(WarningDisposition).join(Case, Case.id == WarningDisposition.case_id)
                           .where(*conditions)).scalars()
    return {(d.case_id, d.code): d for d in rows}


def get_case(store: Store, actor: Actor, case_id: int, as_of: date | None = None) -> CaseDetail:
    """One case with its officers, documents, deadlines, timeline and warnings."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
        require_agency(actor, case.agency_id)
        return _detail(session, store, actor, case, as_of or store.clock.today())


def find_case(store: Store, actor: Actor, case_no: str, agency: str | int | None = None,
              as_of: date | None = None) -> CaseDetail:
    """A case by its 案号 (and agency, when two agencies use the same number)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        stmt = select(Case).where(Case.case_no == case_no.strip())
        if agency is not None:
            stmt = stmt.where(Case.agency_id == _agency_id(session, agency))
        if actor.scope_agency_id is not None:
            stmt = stmt.where(Case.agency_id == actor.scope_agency_id)
        found = session.execute(stmt).scalars().all()
        if not found:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No case numbered {case_no}."), case_no=case_no)
        if len(found) > 1:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Several agencies have a case numbered {case_no}: {agencies}. Name the agency."),
                field="agency", case_no=case_no, agencies="、".join(c.agency.name for c in found))
        return _detail(session, store, actor, found[0], as_of or store.clock.today())


def _agency_id(session: Session, key: str | int) -> int:
    if isinstance(key, int):
        if session.get(Agency, key) is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown agency: {agency}."), agency=key)
        return key
    found = agency_names(session).get(str(key).strip())
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown agency: {agency}."), agency=key)
    return found


def _detail(session: Session, store: Store, actor: Actor, case: Case, as_of: date) -> CaseDetail:
    limits, cal = load_limits(session), load_calendar(session)
    facts = repo.load_facts(session, [Case.id == case.id])[0]
    dl = deadlines(facts, as_of, limits, cal)
    handled = _handled(session, [Case.id == case.id])
    warnings = tuple(_warning_row(f, facts, handled.get((f.case_id, f.code)))
                     for f in findings(facts, as_of, limits, cal))
    officers = tuple(CaseOfficerRow(*row) for row in repo.officers_of_case(session, case.id, case.filed_on))
    dates = {name: getattr(case, name) for name in input_dates(case)}
    return CaseDetail(
        case.id, case.case_no, case.agency_id, case.agency.name, case.category, case.procedure, case.source,
        case.stage, case.cause, case.party, case.party_type, _party_number(case, actor), dates,
        terms.split_multi(case.measures), case.measure_extended, case.decision_extension_days,
        terms.split_multi(case.penalty_kinds), case.amount, case.major, case.legal_basis, officers,
        tuple(SuspensionRow(s.id, s.kind, s.start_on, s.end_on, s.note) for s in case.suspensions),
        tuple(DocumentRow(d.id, d.kind, d.title, d.path, d.pages, Path(d.path).is_file()) for d in case.documents),
        dl, _timeline(case, dl), warnings, as_of, cal.notes(), case.version, case.updated_at, case.updated_by)


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


def _warning_row(f: Finding, facts: CaseFacts, d: WarningDisposition | None) -> WarningRow:
    return WarningRow(f.case_id, f.case_no, f.agency_id, f.agency, f.code, f.title(), f.level, f.due,
                      f.message(), facts.filed_on, d is not None, d.note if d else None,
                      d.handled_by if d else None, d.handled_at if d else None)


# ------------------------------------------------------------------------------ entry


@dataclass(frozen=True)
class ResolvedCase:
    """A checked case input with its agency and officers found in the store."""

    data: CaseInput
    agency_id: int
    officer_ids: tuple[int, ...]
    dossier_path: str | None


class CaseLookups:
    """Finds agencies and officers for case inputs; one per unit of work (cached per agency)."""

    def __init__(self, session: Session, taken: set[tuple[int, str]] | None = None) -> None:
        """``taken``: the (agency id, 案号) pairs already on the register, when the caller fetched
        them at once (an import); else each input asks the store."""
        self.session = session
        self.agencies = agency_names(session)
        self.taken = taken
        self._officers: dict[int, tuple[dict[str, int], dict[str, list[int]]]] = {}

    def resolve(self, data: CaseInput, *, historical: bool = False,
                dossier_base: Path | None = None) -> tuple[ResolvedCase | None, list[Problem]]:
        """Check an input and find what it names; the problems say what is wrong, by field."""
        data, problems = clean_case(data, historical=historical)
        agency_id = self._agency(data.agency, problems)
        officer_ids: list[int] = []
        if agency_id is not None:
            by_cert, by_name = self._officers_of(agency_id)
            for key in data.officers:
                found = self._officer(key, by_cert, by_name, problems, data.agency)
                if found is not None and found not in officer_ids:
                    officer_ids.append(found)
            if data.case_no and self._case_exists(agency_id, data.case_no):
                problems.append(Problem("case_no", QT_TRANSLATE_NOOP(
                    "errors", "Case {case_no} is already on the register of {agency}."),
                    (("case_no", data.case_no), ("agency", str(data.agency)))))
        dossier = None
        if data.dossier:
            path = Path(data.dossier)
            if not path.is_absolute() and dossier_base is not None:
                path = dossier_base / path
            if not path.is_file():
                problems.append(Problem("dossier", QT_TRANSLATE_NOOP("errors", "No file at {path}."),
                                        (("path", str(path)),)))
            dossier = str(path.resolve())
        if problems or agency_id is None:
            return None, problems
        return ResolvedCase(data, agency_id, tuple(officer_ids), dossier), []

    def _agency(self, key: int | str, problems: list[Problem]) -> int | None:
        if isinstance(key, int):
            return key if self.session.get(Agency, key) is not None else None
        text = str(key or "").strip()
        if not text:
            problems.append(Problem("agency", QT_TRANSLATE_NOOP("errors", "{field} is required."),
                                    (("field", FIELD_TITLES["agency"]),)))
            return None
        found = self.agencies.get(text)
        if found is None:
            problems.append(Problem("agency", QT_TRANSLATE_NOOP("errors", "Unknown agency: {agency}."),
                                    (("agency", text),)))
        return found

    def _officers_of(self, agency_id: int) -> tuple[dict[str, int], dict[str, list[int]]]:
        if agency_id not in self._officers:
            self._officers[agency_id] = repo.find_officer_keys(self.session, agency_id)
        return self._officers[agency_id]

    @staticmethod
    def _officer(key: int | str, by_cert: dict[str, int], by_name: dict[str, list[int]],
                 problems: list[Problem], agency: int | str) -> int | None:
        if isinstance(key, int):
            if key in by_cert.values() or any(key in ids for ids in by_name.values()):
                return key
            problems.append(Problem("officers", QT_TRANSLATE_NOOP(
                "errors", "Officer {officer} does not belong to {agency}."),
                (("officer", str(key)), ("agency", str(agency)))))
            return None
        text = str(key).strip()
        if text in by_cert:
            return by_cert[text]
        ids = by_name.get(text, [])
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            problems.append(Problem("officers", QT_TRANSLATE_NOOP(
                "errors", "{count} officers of {agency} are called {officer}: give the certificate number."),
                (("count", len(ids)), ("agency", str(agency)), ("officer", text))))
        else:
            problems.append(Problem("officers", QT_TRANSLATE_NOOP(
                "errors", "No officer of {agency} has the name or certificate number {officer}."),
                (("agency", str(agency)), ("officer", text))))
        return None

    def _case_exists(self, agency_id: int, case_no: str) -> bool:
        if self.taken is not None:
            return (agency_id, case_no) in self.taken
        return self.session.execute(select(Case.id).where(Case.agency_id == agency_id,
                                                          Case.case_no == case_no)).first() is not None


def insert_case(session: Session, store: Store, actor: Actor, resolved: ResolvedCase) -> Case:
    """Add a checked case to the session (not yet flushed: an import adds thousands, then flushes
    once); ``creation_change`` gives its audit change after the flush."""
    d = resolved.data
    case = Case(agency_id=resolved.agency_id, case_no=d.case_no, category=d.category,
                procedure=d.procedure if d.category == terms.PENALTY else None, source=d.source,
                cause=d.cause, party=d.party, party_type=d.party_type, party_id_number=d.party_id_number,
                measures=terms.join_multi(list(d.measures)), measure_extended=d.measure_extended,
                decision_extension_days=0, penalty_kinds=terms.join_multi(list(d.penalty_kinds)),
                amount=d.amount, major=d.major, legal_basis=d.legal_basis,
                officer_count=len(resolved.officer_ids))
    for name, value in input_dates(d).items():
        setattr(case, name, value)
    case.stage = terms_stage(case)
    case.officers = [CaseOfficer(officer_id=oid, position=i) for i, oid in enumerate(resolved.officer_ids)]
    case.documents = [CaseDocument(kind="dossier", title=Path(resolved.dossier_path).name,
                                   path=resolved.dossier_path)] if resolved.dossier_path else []
    stamp(case, store, actor)
    session.add(case)
    return case


def creation_change(case: Case, action: str = "create") -> audit.Change:
    """The audit change that records a new (flushed) case."""
    return audit.Change(action, "case", case.id, after=case_snapshot(case), summary=f"{case.case_no} {case.party}")


def terms_stage(case: Case) -> str:
    """The stage the case's dates put it at."""
    return stage_of({name: getattr(case, name) for name in input_dates(case)})


def case_snapshot(case: Case) -> dict:
    """A case with its officers and documents, for the audit record."""
    snap = audit.snapshot(case, CASE_FIELDS_AUDITED)
    snap["officers"] = [o.officer_id for o in case.officers]
    snap["documents"] = [d.path for d in case.documents]
    return snap


def create_case(store: Store, actor: Actor, data: CaseInput, *, dossier_base: Path | None = None) -> CaseDetail:
    """Add one case (the new-case dialog): every rule checked, the first problem raised."""
    require(actor, Permission.EDIT_CASES)
    with store.unit_of_work() as uow:
        lookups = CaseLookups(uow.session)
        resolved, problems = lookups.resolve(data, dossier_base=dossier_base)
        raise_first(problems)
        assert resolved is not None
        require_agency(actor, resolved.agency_id)
        case = insert_case(uow.session, store, actor, resolved)
        uow.session.flush()
        audit.record_many(uow.session, store, actor.name, [creation_change(case)])
        uow.commit()
        case_id = case.id
    return get_case(store, actor, case_id)


def record_stage(store: Store, actor: Actor, case_id: int, version: int, step: StageInput) -> CaseDetail:
    """Record that a step happened on a date (立案 … 结案, 强制措施, 解除), checked and audited.

    A 重大执法决定 cannot be recorded as decided before a 法制审核 is on the case.
    """
    require(actor, Permission.EDIT_CASES)
    if step.stage not in (*terms.STAGES, "measure", "measure_released"):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown stage: {stage}."), field="stage",
                              stage=step.stage)
    with store.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        if case is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
        require_agency(actor, case.agency_id)
        check_version(case, version)
        before = case_snapshot(case)
        column = f"{step.stage}_on"
        dates = {**{name: getattr(case, name) for name in input_dates(case)}, column: step.on}
        problems = date_order_problems(dates)
        if step.on > store.clock.today():
            problems.insert(0, Problem(column, QT_TRANSLATE_NOOP(
                "errors", "{date} is in the future."), (("date", step.on.isoformat()),)))
        if (step.stage == "decided" and case.major
                and (case.legal_review_on is None or case.legal_review_on > step.on)):
            problems.insert(0, Problem(column, NO_LEGAL_REVIEW, ()))
        kinds_problem = [k for k in step.penalty_kinds if k not in terms.PENALTY_KINDS]
        if kinds_problem:
            problems.append(Problem("penalty_kinds", QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}."),
                                    (("value", kinds_problem[0]), ("allowed", "、".join(terms.PENALTY_KINDS)))))
        if step.amount is not None and (step.amount < 0 or step.amount != step.amount.quantize(Decimal("0.01"))):
            problems.append(Problem("amount", QT_TRANSLATE_NOOP(
                "errors", "The amount must be zero or more yuan with at most two decimals."), ()))
        raise_first(problems)
        setattr(case, column, step.on)
        if step.stage == "decided":
            if step.penalty_kinds:
                case.penalty_kinds = terms.join_multi(list(step.penalty_kinds))
            if step.amount is not None:
                case.amount = step.amount
            if step.legal_basis:
                case.legal_basis = step.legal_basis.strip()
        case.stage = terms_stage(case)
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(uow.session, store, actor.name, "record_stage", "case", case.id, before=before,
                     after=case_snapshot(case), summary=f"{case.case_no} {step.stage} {step.on.isoformat()}")
        uow.commit()
    return get_case(store, actor, case_id)


def add_suspension(store: Store, actor: Actor, case_id: int, version: int, kind: str, start_on: date,
                   end_on: date | None = None, note: str | None = None) -> CaseDetail:
    """Record a period that does not count towards the deadlines (检测、鉴定、听证、公告)."""
    require(actor, Permission.EDIT_CASES)
    if kind not in terms.SUSPENSION_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}."), field="kind",
                              value=kind, allowed="、".join(terms.SUSPENSION_KINDS))
    if end_on is not None and end_on < start_on:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The end {end} is before the start {start}."),
                              field="end_on", end=end_on.isoformat(), start=start_on.isoformat())
    with store.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        if case is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
        require_agency(actor, case.agency_id)
        check_version(case, version)
        if start_on < case.filed_on:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The start {start} is before the filing date {filed}."),
                                  field="start_on", start=start_on.isoformat(), filed=case.filed_on.isoformat())
        case.suspensions.append(CaseSuspension(kind=kind, start_on=start_on, end_on=end_on,
                                               note=(note or "").strip() or None))
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(uow.session, store, actor.name, "suspend", "case", case.id,
                     after={"kind": kind, "start_on": start_on, "end_on": end_on, "note": note},
                     summary=f"{case.case_no} {kind}")
        uow.commit()
    return get_case(store, actor, case_id)


def end_suspension(store: Store, actor: Actor, case_id: int, version: int, suspension_id: int,
                   end_on: date) -> CaseDetail:
    """Record the end of a running period (检测 finished, 听证 held …); audited."""
    require(actor, Permission.EDIT_CASES)
    with store.unit_of_work() as uow:
        case = _case_for_update(uow.session, actor, case_id, version)
        period = next((p for p in case.suspensions if p.id == suspension_id), None)
        if period is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such period (id {id})."), id=suspension_id)
        if end_on < period.start_on:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The end {end} is before the start {start}."),
                                  field="end_on", end=end_on.isoformat(), start=period.start_on.isoformat())
        if end_on > store.clock.today():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{date} is in the future."), field="end_on",
                                  date=end_on.isoformat())
        before = {"kind": period.kind, "start_on": period.start_on, "end_on": period.end_on}
        period.end_on = end_on
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(uow.session, store, actor.name, "end_suspension", "case", case.id, before=before,
                     after={**before, "end_on": end_on}, summary=f"{case.case_no} {period.kind}")
        uow.commit()
    return get_case(store, actor, case_id)


EXTENSIONS = ("decision", "seizure")
"""What an approval (批准延长) can extend: the decision limit by days, a seizure by its 30 days."""


def approve_extension(store: Store, actor: Actor, case_id: int, version: int, kind: str,
                      days: int = 0) -> CaseDetail:
    """Record an approved extension: ``decision`` by ``days`` (1–365), or ``seizure`` (30 + 30
    days, 强制法 25); audited."""
    require(actor, Permission.EDIT_CASES)
    if kind not in EXTENSIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}."), field="kind",
                              value=kind, allowed="、".join(EXTENSIONS))
    if kind == "decision" and not 1 <= days <= 365:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An extension is 1 to 365 days."), field="days")
    with store.unit_of_work() as uow:
        case = _case_for_update(uow.session, actor, case_id, version)
        if kind == "decision" and (case.category != terms.PENALTY or case.procedure != terms.ORDINARY):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Only a 普通程序 行政处罚 case has a decision limit to extend."), field="kind")
        if kind == "seizure" and (case.measure_on is None
                                  or not terms.TIME_LIMITED_MEASURES.intersection(terms.split_multi(case.measures))):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The case has no 查封, 扣押 or 冻结 to extend."), field="kind")
        before = case_snapshot(case)
        if kind == "decision":
            case.decision_extension_days = days
        else:
            case.measure_extended = True
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(uow.session, store, actor.name, "approve_extension", "case", case.id, before=before,
                     after=case_snapshot(case), summary=f"{case.case_no} {kind}")
        uow.commit()
    return get_case(store, actor, case_id)


def _case_for_update(session: Session, actor: Actor, case_id: int, version: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
    require_agency(actor, case.agency_id)
    check_version(case, version)
    return case


def stamp(case: Case, store: Store, actor: Actor) -> None:
    """Mark who changed a case and when."""
    case.updated_at, case.updated_by = utc_iso(store.clock.now()), actor.name


# ------------------------------------------------------------------------------ warnings


def list_warnings(store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None),
                  as_of: date | None = None) -> Page[WarningRow]:
    """The warnings of the register as of a date, computed from the store.

    Filters: ``agency_id``, ``code``, ``level``, ``state`` (``open`` default, ``handled``,
    ``all``) and the register's filters. Sorted by level, due date and case number unless the
    query says otherwise (``case_no``, ``agency``, ``code``, ``level``, ``due``, ``filed_on``).
    """
    require(actor, Permission.VIEW_CASES)
    as_of = as_of or store.clock.today()
    state, code, level = query.filter("state", "open"), query.filter("code"), query.filter("level")
    with store.reading() as session:
        every, notes = _register_warnings(session, store, actor, query, as_of)
    rows = [w for w in every if (not code or w.code == code) and (not level or w.level == level)
            and (state == "all" or w.handled == (state == "handled"))]
    rows.sort(key=_warning_sort_key(query.sort), reverse=query.descending)
    end = None if query.limit is None else query.offset + query.limit
    return Page(tuple(rows[query.offset:end]), len(rows), notes)


def _warning_sort_key(sort: str | None):  # type: ignore[no-untyped-def]
    order = {"red": 0, "yellow": 1}
    if sort == "due":
        return lambda w: (w.due or date.max, w.case_no)
    if sort in ("case_no", "agency", "code", "filed_on", "title"):
        return lambda w: (getattr(w, sort), w.case_no, w.code)
    if sort == "level":
        return lambda w: (order[w.level], w.case_no)
    return lambda w: (order[w.level], WARNING_CODES.index(w.code), w.due or date.max, w.case_no)


def warning_counts(store: Store, actor: Actor, as_of: date | None = None,
                   query: ListQuery = ListQuery(limit=None)) -> tuple[WarningCount, ...]:
    """Warnings per agency and code (open and handled), as of a date."""
    page = list_warnings(store, actor, replace(query, filters=(*query.filters, ("state", "all")),
                                               offset=0, limit=None), as_of)
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


def handle_warning(store: Store, actor: Actor, case_id: int, code: str, note: str,
                   as_of: date | None = None) -> WarningRow:
    """Mark a case's warning handled (处置) with a note; audited. The warning must exist."""
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
        found = [f for f in findings(facts, as_of, load_limits(session), load_calendar(session)) if f.code == code]
        if not found:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {case_no} has no warning {code}."),
                           case_no=case.case_no, code=code)
        row = session.execute(select(WarningDisposition).where(WarningDisposition.case_id == case_id,
                                                               WarningDisposition.code == code)).scalar_one_or_none()
        before = None if row is None else {"note": row.note, "handled_by": row.handled_by}
        if row is None:
            row = WarningDisposition(case_id=case_id, code=code)
            session.add(row)
        row.note, row.handled_by, row.handled_at = note, actor.name, utc_iso(store.clock.now())
        audit.record(session, store, actor.name, "handle_warning", "case", case_id, before=before,
                     after={"code": code, "note": note}, summary=f"{case.case_no} {code}")
        uow.commit()
        return _warning_row(found[0], facts, row)
