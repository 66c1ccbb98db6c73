"""The assessment (执法考核): every agency scored on an indicator set for a period, each figure with
its working (numerator, denominator, the rows behind), the total out of 100 over the indicators
that can be counted, and the ranking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require
from desktop.models import Agency
from desktop.models.db import Store
from desktop.reports.context import Context
from desktop.reports.dto import (
    AgencyAssessment,
    Assessment,
    Indicator,
    IndicatorSet,
    Measured,
    Period,
    Scored,
)
from desktop.reports.indicators import CENT, score_of, value_of
from desktop.reports.measures import MEASURE_KINDS, MEASURES, NOT_KEPT


def check_period(start: date, end: date) -> Period:
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The period ends before it starts ({start} – {end})"),
            field="period",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    return Period(start, end)


def assess(
    store: Store,
    actor: Actor,
    start: date,
    end: date,
    indicator_set: IndicatorSet,
    as_of: date | None = None,
    *,
    rows: bool = True,
) -> Assessment:
    """Score every agency the actor may see on ``indicator_set`` for the period; ``rows=False``:
    the figures without the rows behind them (counted in SQL; the window reads one figure's rows
    when it is opened, ``working_rows``, and all of them to export or publish, ``with_rows``)."""
    require(actor, Permission.VIEW_CASES)
    period = check_period(start, end)
    as_of = min(period.end, as_of or store.clock.today())
    with store.reading() as session:
        q = select(Agency.id, Agency.name).order_by(Agency.name)
        if actor.scope_agency_id is not None:
            q = q.where(Agency.id == actor.scope_agency_id)
        agencies = session.execute(q).all()
        ctx = Context(session, store, actor, period, as_of, detailed=rows)
        found = [_agency(ctx, a.id, a.name, indicator_set) for a in agencies]
    ranked = rank(found)
    notes = tuple(
        translate(
            "reports",
            QT_TRANSLATE_NOOP("reports", "{name}: not available (no data kept yet), left out of the total"),
        ).format(name=i.name)
        for i in indicator_set.indicators
        if i.measure in NOT_KEPT
    )
    return Assessment(period, indicator_set, ranked, notes, as_of, rows)


def _agency(ctx: Context, agency_id: int, name: str, s: IndicatorSet) -> AgencyAssessment:
    scored = tuple(scored_indicator(ind, _measured(ctx, agency_id, ind)) for ind in s.indicators)
    counted = [x for x in scored if x.counted]
    weight = sum((x.weight for x in counted), Decimal(0))
    total = None
    if weight:
        total = (sum((x.score or Decimal(0) for x in counted), Decimal(0)) * 100 / weight).quantize(
            CENT, ROUND_HALF_UP
        )
    return AgencyAssessment(agency_id, name, scored, total, weight, None)


def _measured(ctx: Context, agency_id: int, ind: Indicator) -> Measured:
    m = MEASURES[ind.measure](ctx, agency_id, ctx.period)
    return m if ctx.detailed else replace(m, rows=())  # every figure alike: rows when asked for


def working_rows(store: Store, actor: Actor, result: Assessment, agency_id: int, key: str) -> Measured:
    """The figure of indicator ``key`` of one agency of ``result`` with the rows behind it, read
    again for that agency alone as of the same day (the numbers differ from ``result``'s only
    where the store changed since)."""
    require(actor, Permission.VIEW_CASES)
    if actor.scope_agency_id not in (None, agency_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "User {user} may see the figures of their own agency only."),
            user=actor.name,
        )
    ind = next((i for i in result.indicator_set.indicators if i.key == key), None)
    if ind is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No indicator {key} in the set."), key=key)
    as_of = result.as_of or result.period.end
    with store.reading() as session:
        ctx = Context(session, store, actor, result.period, as_of, only=agency_id)
        return MEASURES[ind.measure](ctx, agency_id, result.period)


def with_rows(store: Store, actor: Actor, result: Assessment) -> Assessment:
    """``result`` with the rows behind every figure (computed again as of the same day), for a
    workbook or to publish; refused when a number came out different (the store changed since
    ``result`` was computed: it has to be computed again)."""
    if result.detailed:
        return result
    s = result.period
    full = assess(store, actor, s.start, s.end, result.indicator_set, result.as_of)
    if _numbers(full) != _numbers(result):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "The figures changed since the assessment was computed (the store was changed "
                "meanwhile): compute it again.",
            )
        )
    return full


def _numbers(a: Assessment) -> list[tuple[object, ...]]:
    return [
        (g.agency_id, g.total, g.rank, s.key, s.numerator, s.denominator, s.score)
        for g in a.agencies
        for s in g.indicators
    ]


def scored_indicator(ind: Indicator, m: Measured) -> Scored:
    """One indicator's value, score and working from its measured figures."""
    if not m.available:
        note = translate("reports", QT_TRANSLATE_NOOP("reports", "not available"))
        return Scored(
            ind.key, ind.name, ind.measure, ind.weight, None, None, m.numerator, None, note, (), False, note
        )
    value = value_of(ind, m)
    if value is None:
        note = translate("reports", QT_TRANSLATE_NOOP("reports", "nothing to count in the period"))
        working = f"{_num(m.numerator)} / 0"
        return Scored(
            ind.key,
            ind.name,
            ind.measure,
            ind.weight,
            None,
            None,
            m.numerator,
            0,
            working,
            m.rows,
            False,
            note,
        )
    score = score_of(ind, value)
    return Scored(
        ind.key,
        ind.name,
        ind.measure,
        ind.weight,
        value,
        score,
        m.numerator,
        m.denominator,
        working_of(ind, m, value, score),
        m.rows,
        True,
    )


def _num(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d.to_integral() else str(d)


def working_of(ind: Indicator, m: Measured, value: Decimal, score: Decimal) -> str:
    """How the value and the score were reached, in one line."""
    kind = MEASURE_KINDS[ind.measure]
    if kind == "count":
        shown = f"{_num(m.numerator)}"
    elif kind == "average":
        shown = f"{_num(m.numerator)} / {m.denominator} = {value}"
    else:
        shown = f"{_num(m.numerator)} / {m.denominator} = {value}%"
    if ind.rule == "per_occurrence":
        rule = f"{_num(ind.weight)} − min({_num(ind.cap)}, {_num(ind.per)} × {_num(m.numerator)}) = {score}"
    else:
        rule = f"{_num(ind.weight)} × ({value} − {_num(ind.low)}) / ({_num(ind.high)} − {_num(ind.low)}) → {score}"
    return f"{shown}; {rule}"


def rank(rows: list[AgencyAssessment]) -> tuple[AgencyAssessment, ...]:
    """Highest total first; equal totals share a rank; agencies with no total come last, unranked."""
    with_total = sorted((r for r in rows if r.total is not None), key=lambda r: (-(r.total or 0), r.agency))
    out = []
    previous: Decimal | None = None
    position = 0
    for n, r in enumerate(with_total, start=1):
        if r.total != previous:
            position, previous = n, r.total
        out.append(AgencyAssessment(r.agency_id, r.agency, r.indicators, r.total, r.weight_counted, position))
    out += [r for r in rows if r.total is None]
    return tuple(out)
