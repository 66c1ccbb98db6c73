"""Workbooks out of the powers area, each in its import layout (so that it imports again): the
catalogue (FORMATS.md §10), the directory of targets (§11), the case sources, and a plan's results
for publication (一公开: the plan, the target, the inspectors' names, the result and its date)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.io.xlsx import IsCancelled, Progress, write_workbook
from desktop.models.db import Store
from desktop.powers.catalogue import POWER_COLUMNS, list_powers
from desktop.powers.inspections import get_plan
from desktop.powers.leads import LEAD_COLUMNS, list_leads
from desktop.powers.targets import TARGET_COLUMNS, list_targets


def export_powers(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """The catalogue a query shows, one row per band (a power without bands: one row)."""
    page = list_powers(store, actor, query.window(0, None))
    rows = []
    for p in page.items:
        common = [p.code, p.agency, p.name, p.category, p.legal_basis]
        dates = [p.effective_on, p.expires_on]
        for b in p.bands or [None]:
            band = (
                [b.band, b.circumstances, "、".join(b.penalty_kinds) or None, b.fine_min, b.fine_max]
                if b
                else [None] * 5
            )
            rows.append([*common, *band, *dates])
    headers = [c.header for c in POWER_COLUMNS]
    write_workbook(path, "执法事项", headers, rows, progress=progress, cancelled=cancelled, total=len(rows))
    return page.total


def export_targets(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """The directory a query shows."""
    page = list_targets(store, actor, query.window(0, None))
    rows = ([t.name, t.credit_code, t.kind, t.field, t.risk, t.address] for t in page.items)
    headers = [c.header for c in TARGET_COLUMNS]
    write_workbook(
        path, "检查对象名录", headers, rows, progress=progress, cancelled=cancelled, total=page.total
    )
    return page.total


def export_leads(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """The case sources a query shows."""
    page = list_leads(store, actor, query.window(0, None))
    rows = (
        [
            lead.agency,
            lead.number,
            lead.source,
            lead.received_on,
            lead.party,
            lead.summary,
            lead.decision,
            lead.decided_on,
            lead.case_no,
            lead.reason,
        ]
        for lead in page.items
    )
    headers = [c.header for c in LEAD_COLUMNS]
    write_workbook(path, "案源导入", headers, rows, progress=progress, cancelled=cancelled, total=page.total)
    return page.total


PUBLICATION_HEADERS = (
    "抽查计划",
    "检查对象",
    "统一社会信用代码",
    "检查人员",
    "检查结果",
    "检查日期",
    "公示日期",
)


def export_publication(
    store: Store,
    actor: Actor,
    plan: str,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """A plan's results for publication (一公开): the drawn targets with their inspectors and results."""
    result = get_plan(store, actor, plan)
    rows = (
        [result.plan, i.target, i.credit_code, "、".join(i.inspectors), i.result, i.result_on, i.published_on]
        for i in result.items
    )
    write_workbook(
        path,
        "抽查结果公示",
        PUBLICATION_HEADERS,
        rows,
        progress=progress,
        cancelled=cancelled,
        total=len(result.items),
    )
    return len(result.items)
