"""The demo county's case register: about 5,000 cases over the three years before today, and
dossier PDFs (卷宗) for a few hundred closed 普通程序 penalty cases.

Realistic by agency: each agency has its volume, its mix of 行政处罚 / 行政检查 / 行政强制, its
案由 with their 法律依据 and fines, its kinds of parties. Stage dates follow the statutes and
are on time, checked case by case against the warning rules themselves (``rules.findings``);
then a few percent of every warning code (``rules.WARNING_CODES``) are planted on purpose, each
planted case carrying exactly that one warning as of today.

Deterministic from ``DEMO_SEED``, today's date, the demo officers and the store's limits and
calendar. Idempotent: an agency whose register already holds demo case numbers gets no more
cases; dossiers are written only where the PDF is missing.

The one bulk path: the register goes in the way an import adds a register workbook
(``desktop.cases.exchange.import_cases``), in one unit of work: every case is checked by
``CaseLookups.resolve`` as an imported row (``historical``: recorded as it happened), added by
``entry.insert_case`` and audited by ``entry.creation_change`` (one ``create`` record each). What a
register row does not carry, an approved extension of the decision limit and the periods that
stop the clock, is set on the new case before the flush (in use ``approve_extension`` and
``add_suspension`` record them). A demo case that breaks the register's rules stops the demo.
Dossiers: one ``attach_document`` record each (in a second unit of work, after the files are
written; ``dossiers``).

The parts: ``profiles`` (each agency's register; the tables in ``registers/``), ``officers``
(who may act on a day), ``drafts`` (drawing one case) and ``dossiers`` (the PDFs).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.cases import entry, terms
from desktop.cases.calendar import WorkCalendar
from desktop.cases.checks import date_order_problems
from desktop.cases.dto import CaseInput
from desktop.cases.entry import CaseLookups
from desktop.cases.rules import Limits
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.core.errors import Cancelled
from desktop.core.security import Actor
from desktop.demo.dossiers import add_demo_dossiers
from desktop.demo.drafts import Draft, Drawer
from desktop.demo.officers import OfficerPool, load_officers
from desktop.demo.profiles import PROFILES, case_number
from desktop.demo.seed import DEMO_SEED
from desktop.models import Case, CaseSuspension
from desktop.models.db import Store

__all__ = [
    "DOSSIER_COUNT",
    "PLANT_RATES",
    "PROFILES",
    "YEARS",
    "add_demo_cases",
    "add_demo_dossiers",
    "plan_cases",
]
"""What ``desktop.demo.county`` and the tests use from here (``PROFILES`` and ``add_demo_dossiers`` are
defined in ``profiles`` and ``dossiers``)."""

YEARS = 3
DOSSIER_COUNT = 300
"""Closed 普通程序 penalty cases that get a dossier PDF (``dossier_limit`` changes it).
``demo.load_demo`` reads it here when called, so a test may patch it."""

PLANT_RATES: dict[str, float] = {
    # share of all demo cases that carry the warning as of today (each planted case has one)
    "decision_overdue": 0.030,
    "decision_due_soon": 0.020,
    "service_overdue": 0.024,
    "publicity_overdue": 0.028,
    "seizure_overdue": 0.022,
    "single_officer": 0.025,
    "uncertified_officer": 0.022,
    "missing_legal_review": 0.020,
    "summary_over_limit": 0.025,
}


# ------------------------------------------------------------------------------ the plan


def plan_cases(
    today: date, cal: WorkCalendar, limits: Limits, officers: dict[str, OfficerPool], rng: random.Random
) -> list[Draft]:
    """Every demo case, drawn and numbered (a pure function of its arguments).

    ``officers`` maps each demo agency's short name to its officers. Clean cases are redrawn
    until the rules find no warning; planted ones until they find exactly the planted code.
    """
    start = today - timedelta(days=365 * YEARS)
    skeletons: list[Draft] = []
    for short, profile in PROFILES.items():
        if short not in officers:
            continue
        for i in range(profile.volume):
            offset = rng.randrange(0, (today - start).days)
            filed = start + timedelta(days=offset)
            if not cal.is_working(filed) and rng.random() < 0.85:
                filed = min(cal.roll_forward(filed), today)
            category = rng.choices((terms.PENALTY, terms.INSPECTION, terms.COERCION), profile.shares)[0]
            procedure = None
            if category == terms.PENALTY:
                summary = profile.summary and rng.random() < profile.summary_share
                procedure = terms.SUMMARY if summary else terms.ORDINARY
            skeletons.append(Draft(short, i, category, procedure, filed))
    _assign_plants(skeletons, today, officers, limits, rng)
    drawer = Drawer(today, cal, limits)
    drafts = [
        _draw(drawer, s, officers[s.agency], random.Random(f"{DEMO_SEED}-case-{s.agency}-{s.index}"))
        for s in skeletons
    ]
    _number(drafts)
    return drafts


def _assign_plants(
    skeletons: list[Draft], today: date, officers: dict[str, OfficerPool], limits: Limits, rng: random.Random
) -> None:
    total = len(skeletons)
    old = today - timedelta(days=limits.decision_days + 40)

    def ordinary(s: Draft) -> bool:
        return s.category == terms.PENALTY and s.procedure == terms.ORDINARY

    eligible: dict[str, Callable[[Draft], bool]] = {
        "seizure_overdue": lambda s: (
            s.category == terms.COERCION and s.filed_on <= today - timedelta(days=limits.seizure_days + 10)
        ),
        "decision_due_soon": lambda s: ordinary(s) and s.filed_on >= today - timedelta(days=365),
        "summary_over_limit": lambda s: s.category == terms.PENALTY and s.procedure == terms.SUMMARY,
        "missing_legal_review": lambda s: ordinary(s) and s.filed_on <= old,
        "decision_overdue": lambda s: ordinary(s) and s.filed_on <= old,
        "service_overdue": lambda s: ordinary(s) and s.filed_on <= old,
        "publicity_overdue": lambda s: ordinary(s) and s.filed_on <= old,
        "uncertified_officer": lambda s: (
            bool(officers[s.agency].uncertified(s.filed_on)) and bool(officers[s.agency].valid(s.filed_on))
        ),
        "single_officer": lambda s: True,
    }
    for code, test in eligible.items():
        wanted = round(total * PLANT_RATES[code])
        pool = [s for s in skeletons if s.plant is None and test(s)]
        if code == "uncertified_officer":  # mostly certificates that had expired, some never valid yet
            expired = [s for s in pool if officers[s.agency].expired(s.filed_on)]
            chosen = rng.sample(expired, min(round(wanted * 0.75), len(expired)))
            taken = {id(s) for s in chosen}
            rest = [s for s in pool if id(s) not in taken]
            chosen += rng.sample(rest, min(wanted - len(chosen), len(rest)))
        else:
            chosen = rng.sample(pool, min(wanted, len(pool)))
        for s in chosen:
            s.plant = code


def _draw(drawer: Drawer, skeleton: Draft, pool: OfficerPool, rng: random.Random) -> Draft:
    profile = PROFILES[skeleton.agency]
    expected = {skeleton.plant} if skeleton.plant else set()
    d = skeleton
    for _attempt in range(40):
        d = replace(skeleton, officers=[], suspensions=[])
        if d.category == terms.PENALTY:
            drawer.penalty(rng, d, profile)
        elif d.category == terms.COERCION:
            drawer.coercion(rng, d, profile)
        else:
            drawer.inspection(rng, d, profile)
        drawer.officers(rng, d, pool)
        drawer.clip(d)
        if not date_order_problems(d.dates()) and drawer.codes(d) == expected:
            return d
    return d  # the best we could do (never seen with the demo's data)


def _number(drafts: list[Draft]) -> None:
    groups: dict[tuple[str, str, int], list[Draft]] = defaultdict(list)
    for d in drafts:
        groups[(d.agency, d.category, d.filed_on.year)].append(d)
    for (agency, category, year), members in groups.items():
        members.sort(key=lambda d: (d.filed_on, d.index))
        for seq, d in enumerate(members, 1):
            d.case_no = case_number(PROFILES[agency].prefix, category, year, seq)


# ------------------------------------------------------------------------------ into the store


def add_demo_cases(
    store: Store,
    actor: Actor,
    agencies: dict[str, int],
    today: date,
    *,
    rng: random.Random,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Add the demo register in one unit of work, the way an import adds a register (see the
    module docstring); returns how many cases were added.

    ``agencies`` maps short names to the ids of the demo agencies. An agency whose register
    already has a demo case number is left alone, so a second run adds nothing. ``cancelled``
    is asked once more before the commit (Cancel then changes nothing).
    """
    present = {short: agency_id for short, agency_id in agencies.items() if short in PROFILES}
    if not present:
        return 0
    with store.unit_of_work() as uow:
        session = uow.session
        by_id = load_officers(session, present.values())
        staff = {short: by_id.get(agency_id, []) for short, agency_id in present.items()}
        officers = {
            short: OfficerPool(pool) for short, pool in staff.items() if sum(1 for o in pool if o.certs) >= 2
        }
        done = _agencies_with_demo_cases(session, present)
        if not set(officers) - done:
            return 0
        drafts = plan_cases(today, load_calendar(session), load_limits(session), officers, rng)
        todo = [d for d in drafts if d.agency not in done]
        if not todo:
            return 0
        lookups = CaseLookups(session, _taken(session, {present[d.agency] for d in todo}))
        cases = []
        for d in todo:
            resolved, problems = lookups.resolve(_case_input(d, present[d.agency]), historical=True)
            if resolved is None:
                raise ValueError(f"demo case {d.case_no} breaks the register's rules: {problems}")
            case = entry.insert_case(session, store, actor, resolved)
            # What a register row does not carry, set as approve_extension and add_suspension would:
            case.decision_extension_days = d.decision_extension_days
            case.suspensions = [
                CaseSuspension(kind=k, start_on=s, end_on=e, note=n) for k, s, e, n in d.suspensions
            ]
            cases.append(case)
        session.flush()
        audit.record_many(session, store, actor.name, [entry.creation_change(c) for c in cases])
        if cancelled is not None and cancelled():
            raise Cancelled()
        uow.commit()
    return len(todo)


def _taken(session: Session, agency_ids: set[int]) -> set[tuple[int, str]]:
    """The (agency id, 案号) pairs already on these agencies' registers."""
    rows = session.execute(select(Case.agency_id, Case.case_no).where(Case.agency_id.in_(agency_ids)))
    return {(agency_id, case_no) for agency_id, case_no in rows}


def _agencies_with_demo_cases(session: Session, agencies: dict[str, int]) -> set[str]:
    done = set()
    for short, agency_id in agencies.items():
        prefix = PROFILES[short].prefix
        found = session.execute(
            select(Case.id).where(Case.agency_id == agency_id, Case.case_no.like(f"{prefix}%")).limit(1)
        ).first()
        if found is not None:
            done.add(short)
    return done


def _case_input(d: Draft, agency_id: int) -> CaseInput:
    """A draft as the row of a register workbook would give it (its officers by id)."""
    return CaseInput(
        case_no=d.case_no,
        agency=agency_id,
        category=d.category,
        cause=d.cause,
        party=d.party,
        filed_on=d.filed_on,
        officers=tuple(o.id for o in d.officers),
        procedure=d.procedure,
        source=d.source,
        party_type=d.party_type,
        party_id_number=d.party_id_number,
        discovered_on=d.discovered_on,
        investigated_on=d.investigated_on,
        legal_review_on=d.legal_review_on,
        decided_on=d.decided_on,
        served_on=d.served_on,
        published_on=d.published_on,
        executed_on=d.executed_on,
        closed_on=d.closed_on,
        measures=d.measures,
        measure_on=d.measure_on,
        measure_released_on=d.measure_released_on,
        measure_extended=d.measure_extended,
        penalty_kinds=d.penalty_kinds,
        amount=d.amount,
        major=d.major,
        legal_basis=d.legal_basis,
    )
