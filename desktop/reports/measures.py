"""The measures indicators are computed from: each one small function in ``MEASURES``
(name → function(context, agency id, period) → ``Measured``: numerator, denominator and the
rows behind them).

The context (``context``) loads what the measures read once per computation and the functions
pick one agency's share, so fifty agencies cost one read. A context that is not ``detailed``
gives the case measures their counts from SQL (``case_figures``) without the rows behind; the
rows come from the same function with a detailed context, when a user opens a figure's working,
exports or publishes it. Measures whose data the store does not keep yet (行政复议 and 诉讼
results) say so (``available=False``); the areas that bring that data add their function here.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.context import Context
from desktop.reports.dto import Behind, Measured, Period

Measure = Callable[[Context, int, Period], Measured]

MEASURES: dict[str, Measure] = {}
"""Measure name → function; the indicator sets name measures from this list."""

MEASURE_TITLES: dict[str, str] = {}
"""Measure name → its description (for the working and the set editor)."""

MEASURE_KINDS: dict[str, str] = {}
"""Measure name → ``rate`` (percent), ``average`` (numerator / denominator) or ``count``."""


NOT_KEPT: set[str] = set()
"""Measures whose data the store does not keep yet (always ``available=False``)."""


def measure(name: str, title: str, kind: str = "rate", kept: bool = True) -> Callable[[Measure], Measure]:
    """Register a measure under ``name`` (``kept=False``: its data is not in the store yet)."""

    def register(fn: Measure) -> Measure:
        MEASURES[name], MEASURE_TITLES[name], MEASURE_KINDS[name] = fn, title, kind
        if not kept:
            NOT_KEPT.add(name)
        return fn

    return register


def ratio(rows: list[Behind]) -> Measured:
    """Counted rows over all rows."""
    return Measured(Decimal(sum(1 for r in rows if r.counted)), len(rows), tuple(rows))


def counted(numerator: int, denominator: int) -> Measured:
    """A ratio counted in SQL, the rows behind left to a detailed context."""
    return Measured(Decimal(numerator), denominator)


def not_available() -> Measured:
    return Measured(Decimal(0), None, (), available=False)


def decided_penalties(ctx: Context, agency_id: int, period: Period) -> list[Any]:
    """普通程序 行政处罚 cases decided in the period."""
    return [
        c
        for c in ctx.cases(agency_id)
        if c.category == "行政处罚" and c.procedure == "普通程序" and c.decided_on in period
    ]


def _codes_of(ctx: Context, agency_id: int, code: str) -> set[int]:
    return {w.case_id for w in ctx.ruled(agency_id, code)}


@measure(
    "certified_officers",
    QT_TRANSLATE_NOOP("measures", "Officers holding a valid certificate at the period's end / officers"),
)
def certified_officers(ctx: Context, agency_id: int, period: Period) -> Measured:
    rows = []
    for o in ctx.officers(agency_id):
        valid = o.number is not None and o.status == "active" and o.issued_on <= period.end <= o.expires_on
        rows.append(Behind(o.number or "—", o.name, valid))
    return ratio(rows)


@measure(
    "decided_in_time",
    QT_TRANSLATE_NOOP(
        "measures",
        "普通程序 penalty cases decided in the period within the time limit / decided in the period",
    ),
)
def decided_in_time(ctx: Context, agency_id: int, period: Period) -> Measured:
    if not ctx.detailed:
        f = ctx.figures(agency_id)
        return counted(f.penalties - ctx.late(agency_id).decided_late, f.penalties)
    late = _codes_of(ctx, agency_id, "decision_overdue")
    return ratio(
        [
            Behind(c.case_no, str(c.decided_on), c.id not in late)
            for c in decided_penalties(ctx, agency_id, period)
        ]
    )


@measure(
    "overdue_cases",
    QT_TRANSLATE_NOOP(
        "measures", "Cases filed in the period with a missed decision limit (decision_overdue)"
    ),
    "count",
)
def overdue_cases(ctx: Context, agency_id: int, period: Period) -> Measured:
    if not ctx.detailed:  # a warning's case is of the warning's agency
        filed = {w.case_id for w in ctx.ruled(agency_id, "decision_overdue") if w.filed_on in period}
        return Measured(Decimal(len(filed)), None)
    late = _codes_of(ctx, agency_id, "decision_overdue")
    rows = [
        Behind(c.case_no, str(c.filed_on), True)
        for c in ctx.cases(agency_id)
        if c.id in late and c.filed_on in period
    ]
    return Measured(Decimal(len(rows)), None, tuple(rows))


@measure(
    "published_in_time",
    QT_TRANSLATE_NOOP(
        "measures",
        "普通程序 penalty decisions of the period published (公示) within 7 working days / decided in the period",
    ),
)
def published_in_time(ctx: Context, agency_id: int, period: Period) -> Measured:
    if not ctx.detailed:
        f = ctx.figures(agency_id)
        return counted(f.published - ctx.late(agency_id).published_late, f.penalties)
    late = _codes_of(ctx, agency_id, "publicity_overdue")
    return ratio(
        [
            Behind(c.case_no, str(c.published_on or "—"), c.published_on is not None and c.id not in late)
            for c in decided_penalties(ctx, agency_id, period)
        ]
    )


@measure(
    "legal_review_coverage",
    QT_TRANSLATE_NOOP(
        "measures",
        "重大执法决定 of the period with a 法制审核 on or before the decision / 重大执法决定 of the period",
    ),
)
def legal_review_coverage(ctx: Context, agency_id: int, period: Period) -> Measured:
    if not ctx.detailed:
        f = ctx.figures(agency_id)
        return counted(f.major_reviewed, f.major)
    return ratio(
        [
            Behind(
                c.case_no,
                str(c.legal_review_on or "—"),
                c.legal_review_on is not None and c.legal_review_on <= c.decided_on,
            )
            for c in ctx.cases(agency_id)
            if c.major and c.decided_on in period
        ]
    )


@measure(
    "fines_executed",
    QT_TRANSLATE_NOOP(
        "measures",
        "Decisions of the period with a fine or confiscation that were executed (执行) / such decisions",
    ),
)
def fines_executed(ctx: Context, agency_id: int, period: Period) -> Measured:
    if not ctx.detailed:
        f = ctx.figures(agency_id)
        return counted(f.fined_executed, f.fined)
    return ratio(
        [
            Behind(c.case_no, f"{c.amount}", c.executed_on is not None)
            for c in ctx.cases(agency_id)
            if c.decided_on in period and c.amount
        ]
    )


def _review(ctx: Context, agency_id: int, test: Callable[[Any, tuple[str, ...]], bool]) -> Measured:
    rows = [
        Behind(f.case_no, f"{f.campaign} {f.final.total} {f.final.grade}", test(f, bands))
        for f, bands in ctx.review_files(agency_id)
    ]
    return ratio(rows)


@measure(
    "review_average",
    QT_TRANSLATE_NOOP(
        "measures", "Sum of the final scores of the agency's files in the period's campaigns / files scored"
    ),
    "average",
)
def review_average(ctx: Context, agency_id: int, period: Period) -> Measured:
    files = ctx.review_files(agency_id)
    rows = tuple(Behind(f.case_no, f"{f.campaign} {f.final.total} {f.final.grade}", True) for f, _ in files)
    return Measured(sum((f.final.total for f, _ in files), Decimal(0)), len(files), rows)


@measure("review_pass", QT_TRANSLATE_NOOP("measures", "Files not in the last grade (合格) / files scored"))
def review_pass(ctx: Context, agency_id: int, period: Period) -> Measured:
    return _review(ctx, agency_id, lambda f, bands: not bands or f.final.grade != bands[-1])


@measure("review_excellent", QT_TRANSLATE_NOOP("measures", "Files in the top grade (优秀) / files scored"))
def review_excellent(ctx: Context, agency_id: int, period: Period) -> Measured:
    return _review(ctx, agency_id, lambda f, bands: bool(bands) and f.final.grade == bands[0])


WARNING_HANDLING_DAYS = 7
"""A 处置 counts as timely when made within this many days of the warning's due date."""


@measure(
    "warnings_handled_in_time",
    QT_TRANSLATE_NOOP(
        "measures",
        "Red warnings due in the period handled (处置) within 7 days of the due date / red warnings due in the period",
    ),
)
def warnings_handled_in_time(ctx: Context, agency_id: int, period: Period) -> Measured:
    rows = []
    for w in ctx.ruled(agency_id):  # every warning with a due date is one the rules decide
        if w.level != "red" or w.due is None or w.due not in period:
            continue
        handled_on = w.handled_on
        timely = handled_on is not None and (handled_on - w.due).days <= WARNING_HANDLING_DAYS
        rows.append(Behind(w.case_no, f"{w.code} {w.due} {handled_on or '—'}", timely))
    return ratio(rows)


@measure(
    "training_hours",
    QT_TRANSLATE_NOOP(
        "measures",
        "Officers whose training hours in the period reach the yearly target pro-rated to the period / officers",
    ),
)
def training_hours(ctx: Context, agency_id: int, period: Period) -> Measured:
    target = ctx.training_target()
    rows = [
        Behind(o.name, f"{_hours(o.hours)} / {_hours(target)}", Decimal(str(o.hours)) >= target)
        for o in ctx.training(agency_id)
    ]
    return ratio(rows)


def _hours(value: Any) -> str:
    """学时 as written: 60, 59.5."""
    return f"{Decimal(str(value)).normalize():f}"


@measure(
    "exam_pass",
    QT_TRANSLATE_NOOP(
        "measures", "Exam papers graded in the period that passed / papers graded in the period"
    ),
)
def exam_pass(ctx: Context, agency_id: int, period: Period) -> Measured:
    return ratio(
        [
            Behind(p.paper_no, f"{p.name} {p.sitting} {p.score:g}", bool(p.passed))
            for p in ctx.papers(agency_id)
        ]
    )


@measure(
    "footage_archived",
    QT_TRANSLATE_NOOP(
        "measures",
        "普通程序 penalty cases from 监督检查 closed in the period with body-camera footage linked / such cases",
    ),
)
def footage_archived(ctx: Context, agency_id: int, period: Period) -> Measured:
    if not ctx.detailed:
        f = ctx.figures(agency_id)
        return counted(f.footage_linked, f.footage_needed)
    return ratio(
        [Behind(c.case_no, f"{c.closed_on} {c.files}", c.files > 0) for c in ctx.footage_cases(agency_id)]
    )


@measure(
    "reconsideration_corrected",
    QT_TRANSLATE_NOOP(
        "measures", "Decisions corrected on 行政复议 / decisions reviewed (复议 results are not kept yet)"
    ),
    kept=False,
)
def reconsideration_corrected(ctx: Context, agency_id: int, period: Period) -> Measured:
    return not_available()


@measure(
    "litigation_lost",
    QT_TRANSLATE_NOOP(
        "measures", "Administrative lawsuits lost / lawsuits decided (诉讼 results are not kept yet)"
    ),
    kept=False,
)
def litigation_lost(ctx: Context, agency_id: int, period: Period) -> Measured:
    return not_available()
