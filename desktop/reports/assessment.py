"""The assessment (执法考核): every agency scored on an indicator set for a period, each figure with
its working (numerator, denominator, the rows behind), the total out of 100 over the indicators
that can be counted, and the ranking."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require
from desktop.models import Agency
from desktop.models.db import Store
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
from desktop.reports.measures import MEASURE_KINDS, MEASURES, NOT_KEPT, Context


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
    store: Store, actor: Actor, start: date, end: date, indicator_set: IndicatorSet, as_of: date | None = None
) -> Assessment:
    """Score every agency the actor may see on ``indicator_set`` for the period."""
    require(actor, Permission.VIEW_CASES)
    period = check_period(start, end)
    as_of = min(period.end, as_of or store.clock.today())
    with store.reading() as session:
        q = select(Agency.id, Agency.name).order_by(Agency.name)
        if actor.scope_agency_id is not None:
            q = q.where(Agency.id == actor.scope_agency_id)
        agencies = session.execute(q).all()
        ctx = Context(session, store, actor, period, as_of)
        rows = [_agency(ctx, a.id, a.name, indicator_set) for a in agencies]
    ranked = rank(rows)
    notes = tuple(
        translate(
            "reports",
            QT_TRANSLATE_NOOP("reports", "{name}: not available (no data kept yet), left out of the total"),
        ).format(name=i.name)
        for i in indicator_set.indicators
        if i.measure in NOT_KEPT
    )
    return Assessment(period, indicator_set, ranked, notes)


def _agency(ctx: Context, agency_id: int, name: str, s: IndicatorSet) -> AgencyAssessment:
    scored = tuple(
        scored_indicator(ind, MEASURES[ind.measure](ctx, agency_id, ctx.period)) for ind in s.indicators
    )
    counted = [x for x in scored if x.counted]
    weight = sum((x.weight for x in counted), Decimal(0))
    total = None
    if weight:
        total = (sum((x.score or Decimal(0) for x in counted), Decimal(0)) * 100 / weight).quantize(
            CENT, ROUND_HALF_UP
        )
    return AgencyAssessment(agency_id, name, scored, total, weight, None)


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
