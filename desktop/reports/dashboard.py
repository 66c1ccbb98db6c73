"""The dashboard's figures (驾驶舱): cases by month and category, open warnings by agency and code,
the overdue trend, the latest campaign's grades per agency, certificates by state and those
expiring; for a period and optionally one agency (an agency user always sees their own)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import Agency, Case
from desktop.models.db import Store
from desktop.reports.annual import certificate_state
from desktop.reports.area_figures import footage_by_agency
from desktop.reports.assessment import check_period
from desktop.reports.dto import Dashboard, Period, Table
from desktop.reports.measures import Context
from desktop.review.campaigns import list_campaigns
from desktop.review.results import campaign_results

EXPIRING_DAYS = 60
"""Certificates expiring within this many days of the period's end are listed (two months)."""

NOT_AVAILABLE: tuple[str, ...] = ()
"""Figures of the dashboard whose data the store does not keep yet (none now: training hours,
exam pass rates and footage have their tables)."""


def default_period(today: date) -> tuple[date, date]:
    """The twelve months up to ``today`` (from the first day of the month eleven months back)."""
    year, month = today.year, today.month - 11
    if month <= 0:
        year, month = year - 1, month + 12
    return date(year, month, 1), today


def months_of(period: Period) -> list[str]:
    """Every month the period touches, in order (a trend shows its empty months too)."""
    out, year, month = [], period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def dashboard(
    store: Store,
    actor: Actor,
    start: date,
    end: date,
    agency_id: int | None = None,
    as_of: date | None = None,
) -> Dashboard:
    """The dashboard's numbers for the period (and one agency, if given)."""
    require(actor, Permission.VIEW_CASES)
    period = check_period(start, end)
    if actor.scope_agency_id is not None:
        agency_id = agency_id or actor.scope_agency_id
        require_agency(actor, agency_id)
    as_of = min(period.end, as_of or store.clock.today())
    with store.reading() as session:
        names: dict[int, str] = {r[0]: r[1] for r in session.execute(select(Agency.id, Agency.name))}
        ids = [agency_id] if agency_id is not None else sorted(names, key=lambda a: names[a])
        ctx = Context(
            session, store, actor, period, as_of, warnings_window=False, ruled_codes=("decision_overdue",)
        )

        q = (
            select(Case.filed_on, Case.category, func.count())
            .where(Case.filed_on.between(period.start, period.end))
            .group_by(Case.filed_on, Case.category)
        )
        if agency_id is not None:
            q = q.where(Case.agency_id == agency_id)
        months: Counter = Counter()
        for day, category, n in session.execute(q):
            months[(month_of(day), category)] += n
        cases = Table(
            "cases_by_month",
            "cases by month and category",
            ("month", "category", "count"),
            tuple((m, c, n) for (m, c), n in sorted(months.items())),
            total_row=False,
        )

        open_warnings: Counter = Counter()
        overdue: Counter = Counter()
        levels: dict[str, str] = {}
        for a in ids:
            for t in ctx.tallies(a):
                if t.open:
                    open_warnings[(a, t.code)] += t.open
                    levels[t.code] = t.level
            for w in ctx.ruled(a, "decision_overdue"):
                if w.due is not None and w.due in period:
                    overdue[month_of(w.due)] += 1
        warnings = Table(
            "open_warnings",
            "open warnings by agency and code",
            ("agency_id", "agency", "code", "level", "count"),
            tuple(
                (a, names[a], c, levels[c], n)
                for (a, c), n in sorted(open_warnings.items(), key=lambda kv: (names[kv[0][0]], kv[0][1]))
            ),
            total_row=False,
        )
        trend = Table(
            "overdue_trend",
            "decisions overdue by month of their due date",
            ("month", "count"),
            tuple((m, overdue.get(m, 0)) for m in months_of(period)),
            total_row=False,
        )

        certs: Counter = Counter()
        expiring = []
        horizon = period.end + timedelta(days=EXPIRING_DAYS)
        for a in ids:
            for o in ctx.officers(a):
                state = certificate_state(o, as_of)
                certs[(a, state)] += 1
                if state == "正常" and o.expires_on <= horizon:
                    expiring.append((a, names[a], o.name, o.number, o.expires_on))
        certificates = Table(
            "certificates",
            "certificates by state",
            ("agency_id", "agency", "state", "count"),
            tuple(
                (a, names[a], s, n)
                for (a, s), n in sorted(certs.items(), key=lambda kv: (names[kv[0][0]], kv[0][1]))
            ),
            total_row=False,
        )
        expiring_table = Table(
            "certificates_expiring",
            "certificates expiring",
            ("agency_id", "agency", "officer", "number", "expires"),
            tuple(sorted(expiring, key=lambda r: (r[4], r[1], r[2]))),
            total_row=False,
        )
        kept = _kept_tables(ctx, ids, names, agency_id)
    grades = _latest_campaign(store, actor, agency_id)
    return Dashboard(
        period,
        agency_id,
        names.get(agency_id) if agency_id is not None else None,
        (cases, warnings, trend, grades, certificates, expiring_table, *kept),
        NOT_AVAILABLE,
    )


def _kept_tables(ctx: Context, ids: list[int], names: dict[int, str], agency_id: int | None) -> list[Table]:
    """Training hours against the (pro-rated) target, exam pass rates and footage imported and
    not linked, per agency."""
    target = ctx.training_target()
    training = []
    for a in ids:
        officers = ctx.training(a)
        hours = sum((Decimal(str(o.hours)) for o in officers), Decimal(0))
        reached = sum(1 for o in officers if Decimal(str(o.hours)) >= target)
        training.append((a, names[a], len(officers), reached, hours, target))
    exams = []
    for a in ids:
        papers = ctx.papers(a)
        if papers:
            passed = sum(1 for p in papers if p.passed)
            exams.append((a, names[a], len(papers), passed, percent(passed, len(papers))))
    files = footage_by_agency(ctx.session, ctx.period, ctx.actor.scope_agency_id or agency_id)
    footage: list[tuple[int | None, str, int, int]] = [(a, names[a], *files[a]) for a in ids if a in files]
    if agency_id is None and ctx.actor.scope_agency_id is None and None in files:
        footage.append((None, "", *files[None]))
    return [
        Table(
            "training_hours",
            "training hours against the target",
            ("agency_id", "agency", "officers", "reached", "hours", "target"),
            tuple(training),
            total_row=False,
        ),
        Table(
            "exam_pass_rate",
            "exam papers graded in the period and passed",
            ("agency_id", "agency", "papers", "passed", "rate"),
            tuple(exams),
            total_row=False,
        ),
        Table(
            "footage_unlinked",
            "footage imported in the period and not linked to a case",
            ("agency_id", "agency", "imported", "unlinked"),
            tuple(footage),
            total_row=False,
        ),
    ]


def percent(n: int, d: int) -> Decimal:
    """n / d in percent, two decimals."""
    return (Decimal(100 * n) / Decimal(d)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _latest_campaign(store: Store, actor: Actor, agency_id: int | None) -> Table:
    """Grades per agency of the newest campaign that stands (not voided)."""
    rows: list[tuple[object, ...]] = []
    title = ""
    if actor.can(Permission.VIEW_REVIEWS):
        campaign = next((c for c in list_campaigns(store, actor) if not c.voided), None)
        if campaign is not None:
            title = campaign.name
            results = campaign_results(store, actor, campaign.id)
            for r in results.agencies:
                if agency_id is None or r.agency_id == agency_id:
                    rows += [(campaign.name, r.agency_id, r.agency, grade, n) for grade, n in r.grades]
    return Table(
        "campaign_grades",
        "latest campaign's grades per agency",
        ("campaign", "agency_id", "agency", "grade", "count"),
        tuple(rows),
        total_row=False,
        note=title,
    )
