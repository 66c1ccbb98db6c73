"""The annual statistics (统计年报) of a year, by agency: one table per subject, Chinese headers, a
totals row; the workbook (``reports.workbook``), the window and the command line show the same
tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select

from desktop.cases.terms import CATEGORIES, MEASURES, PENALTY_KINDS, PROCEDURES
from desktop.core.security import Actor, Permission, require
from desktop.models import Agency, Case, CaseSuspension
from desktop.models.db import Store
from desktop.reports.dto import AnnualReport, Period, Table
from desktop.reports.measures import Context

CENT = Decimal("0.01")
CERT_STATES = ("正常", "暂停", "注销", "吊销", "过期", "无证")
_STATUS = {"active": "正常", "suspended": "暂停", "cancelled": "注销", "revoked": "吊销"}


def annual_report(store: Store, actor: Actor, year: int, as_of: date | None = None) -> AnnualReport:
    """Every table of the year's statistics, computed from the store."""
    require(actor, Permission.VIEW_CASES)
    period = Period(date(year, 1, 1), date(year, 12, 31))
    as_of = min(period.end, as_of or store.clock.today())
    with store.reading() as session:
        q = select(Agency.id, Agency.name).order_by(Agency.name)
        if actor.scope_agency_id is not None:
            q = q.where(Agency.id == actor.scope_agency_id)
        agencies = [(a.id, a.name) for a in session.execute(q)]
        ctx = Context(session, store, actor, period, as_of)
        hearings = _hearings(session, period)
        tables = (
            _table(
                "cases",
                "案件情况",
                ["立案", *CATEGORIES, *PROCEDURES, "作出决定", "结案"],
                agencies,
                lambda a: _cases(ctx, a, period),
            ),
            _table(
                "penalties", "行政处罚种类", [*PENALTY_KINDS], agencies, lambda a: _penalties(ctx, a, period)
            ),
            _table(
                "amounts",
                "罚没情况",
                ["罚没决定数", "罚没金额(元)", "已执行数"],
                agencies,
                lambda a: _amounts(ctx, a, period),
            ),
            _table(
                "reviews",
                "法制审核与重大执法决定",
                ["重大执法决定", "经法制审核", "未经法制审核", "听证"],
                agencies,
                lambda a: _legal(ctx, a, period, hearings.get(a, 0)),
            ),
            _table("measures", "行政强制措施", [*MEASURES], agencies, lambda a: _measures(ctx, a, period)),
            _table(
                "inspections",
                "行政检查",
                ["检查立案", "已结案"],
                agencies,
                lambda a: _inspections(ctx, a, period),
            ),
            _table(
                "warnings",
                "监督预警及处置",
                ["预警", "红色", "黄色", "已处置", "未处置"],
                agencies,
                lambda a: _warnings(ctx, a, period),
            ),
            _table(
                "review",
                "案卷评查",
                ["评查案卷", "总分合计", "平均分", "合格", "优秀"],
                agencies,
                lambda a: _review(ctx, a),
                average=(1, 0, 2),
            ),
            _table(
                "certificates",
                "执法证件（年末）",
                ["执法人员", *CERT_STATES],
                agencies,
                lambda a: _certificates(ctx, a, period.end),
            ),
            _table(
                "training",
                "培训学时",
                ["执法人员", "培训学时合计", "人均学时", "达标人数"],
                agencies,
                lambda a: _training(ctx, a),
                average=(1, 0, 2),
            ),
            _table("exams", "资格考试", ["参考人次", "通过", "未通过"], agencies, lambda a: _exams(ctx, a)),
        )
    return AnnualReport(year, store.clock.today(), tuple(n for _, n in agencies), tables)


def _table(
    key: str,
    title: str,
    headers: Sequence[str],
    agencies: Sequence[tuple[int, str]],
    row: Callable[[int], Sequence[Any]],
    average: tuple[int, int, int] | None = None,
) -> Table:
    """Rows per agency and a 合计 row (sums; ``average``: the (sum, count, target) columns whose
    total is sum / count rather than a sum)."""
    rows = [(name, *row(agency_id)) for agency_id, name in agencies]
    totals: list[Any] = []
    for col in range(1, len(headers) + 1):
        totals.append(sum((r[col] for r in rows if isinstance(r[col], (int, Decimal))), 0))
    if average is not None:
        s, n, target = average
        totals[target] = (Decimal(totals[s]) / totals[n]).quantize(CENT, ROUND_HALF_UP) if totals[n] else None
    return Table(key, title, ("执法主体", *headers), (*rows, ("合计", *totals)))


def _hearings(session: Any, period: Period) -> dict[int, int]:
    q = (
        select(Case.agency_id, func.count(func.distinct(Case.id)))
        .join(CaseSuspension, CaseSuspension.case_id == Case.id)
        .where(CaseSuspension.kind == "听证", CaseSuspension.start_on.between(period.start, period.end))
        .group_by(Case.agency_id)
    )
    return {a: n for a, n in session.execute(q)}


def _cases(ctx: Context, agency_id: int, p: Period) -> list[int]:
    rows = ctx.cases(agency_id)
    filed = [c for c in rows if c.filed_on in p]
    return [
        len(filed),
        *(sum(1 for c in filed if c.category == k) for k in CATEGORIES),
        *(sum(1 for c in filed if c.procedure == k) for k in PROCEDURES),
        sum(1 for c in rows if c.decided_on in p),
        sum(1 for c in rows if c.closed_on in p),
    ]


def _kinds(text: str | None) -> list[str]:
    return [k for k in (text or "").split("、") if k]


def _penalties(ctx: Context, agency_id: int, p: Period) -> list[int]:
    n: Counter = Counter()
    for c in ctx.cases(agency_id):
        if c.decided_on in p:
            n.update(set(_kinds(c.penalty_kinds)))
    return [n[k] for k in PENALTY_KINDS]


def _amounts(ctx: Context, agency_id: int, p: Period) -> list[Any]:
    fined = [c for c in ctx.cases(agency_id) if c.decided_on in p and c.amount]
    return [len(fined), sum((c.amount for c in fined), Decimal(0)), sum(1 for c in fined if c.executed_on)]


def _legal(ctx: Context, agency_id: int, p: Period, hearings: int) -> list[int]:
    major = [c for c in ctx.cases(agency_id) if c.major and c.decided_on in p]
    reviewed = sum(1 for c in major if c.legal_review_on is not None and c.legal_review_on <= c.decided_on)
    return [len(major), reviewed, len(major) - reviewed, hearings]


def _measures(ctx: Context, agency_id: int, p: Period) -> list[int]:
    n: Counter = Counter()
    for c in ctx.cases(agency_id):
        if c.measure_on in p:
            n.update(set(_kinds(c.measures)))
    return [n[k] for k in MEASURES]


def _inspections(ctx: Context, agency_id: int, p: Period) -> list[int]:
    rows = [c for c in ctx.cases(agency_id) if c.category == "行政检查"]
    return [sum(1 for c in rows if c.filed_on in p), sum(1 for c in rows if c.closed_on in p)]


def _warnings(ctx: Context, agency_id: int, p: Period) -> list[int]:
    """Warnings due in the year (or, without a due date, of a case filed in it): all, red,
    yellow, handled, open."""
    tallies = ctx.tallies(agency_id)
    handled = sum(t.handled_in_period for t in tallies)
    every = sum(t.in_period for t in tallies)
    return [
        every,
        sum(t.in_period for t in tallies if t.level == "red"),
        sum(t.in_period for t in tallies if t.level == "yellow"),
        handled,
        every - handled,
    ]


def _review(ctx: Context, agency_id: int) -> list[Any]:
    files = ctx.review_files(agency_id)
    total = sum((f.final.total for f, _ in files), Decimal(0))
    average = (total / len(files)).quantize(CENT, ROUND_HALF_UP) if files else None
    passed = sum(1 for f, bands in files if not bands or f.final.grade != bands[-1])
    excellent = sum(1 for f, bands in files if bands and f.final.grade == bands[0])
    return [len(files), total, average, passed, excellent]


def certificate_state(o: Any, day: date) -> str:
    """正常 · 暂停 · 注销 · 吊销 · 过期 (derived from the expiry date) · 无证, on ``day``."""
    if o.number is None:
        return "无证"
    if o.status == "active" and o.expires_on < day:
        return "过期"
    return _STATUS.get(o.status, o.status)


def _certificates(ctx: Context, agency_id: int, day: date) -> list[int]:
    officers = ctx.officers(agency_id)
    n = Counter(certificate_state(o, day) for o in officers)
    return [len(officers), *(n[s] for s in CERT_STATES)]


def _training(ctx: Context, agency_id: int) -> list[Any]:
    """Officers, their hours of the year, the average and those reaching the target."""
    officers = ctx.training(agency_id)
    hours = [Decimal(str(o.hours)) for o in officers]
    total = sum(hours, Decimal(0))
    average = (total / len(hours)).quantize(CENT, ROUND_HALF_UP) if hours else None
    target = ctx.training_target()
    return [len(hours), total, average, sum(1 for h in hours if h >= target)]


def _exams(ctx: Context, agency_id: int) -> list[int]:
    """Papers graded in the year, passed and failed."""
    papers = ctx.papers(agency_id)
    passed = sum(1 for p in papers if p.passed)
    return [len(papers), passed, len(papers) - passed]
