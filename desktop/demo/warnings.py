"""The demo's 处置 (handled warnings): two weeks ago the supervisor handled a few dozen warnings
that do not go away by themselves (fewer than two officers, uncertified officers, a 简易程序 fine
over the limit, a major decision without legal review) in batches of several at once — 约谈 with
the interview record attached and a follow-up date that has passed (so the warning centre shows
``disposal_follow_up_due``), 责令整改 with a follow-up still to come, 通报 and 其他 without —
then reopened two of them with a reason. Seeded, through the services, as the supervisor;
idempotent: nothing is done when any 处置 is already there."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, select

from desktop.cases.disposal import reopen_warning
from desktop.cases.dto import AttachmentUpload, Disposal, WarningKey, WarningRow
from desktop.cases.supervision import handle_warnings, list_warnings
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Role
from desktop.demo.seed import DEMO_SEED
from desktop.models import User, WarningDisposition
from desktop.models.db import Store

SUPERVISOR = "jiandu"
LASTING = ("single_officer", "uncertified_officer", "summary_over_limit", "missing_legal_review")
"""Codes a later fact does not clear: handled two weeks ago, they are still warnings today."""
DAYS_AGO = 14

BATCHES = (
    # (how many, kind, note, follow-up in days from today (None: none), with the record attached)
    (8, "约谈", "已约谈执法机构负责人，责令一周内补正并报送整改情况。", -4, True),
    (8, "责令整改", "已下发整改通知，责令限期补正案卷材料。", 10, False),
    (6, "通报", "已在全县执法监督工作例会上通报。", None, False),
    (4, "其他", "经核实系录入错误，已督促更正台账。", None, False),
)
REOPENED = (
    (0, "整改情况未报送，约谈记录缺少当事人签字。"),
    (9, "复查发现整改通知未送达，重新处置。"),
)
"""(which handled warning, the reason): reopened by the supervisor today."""


def interview_record(rows: Sequence[WarningRow], on: date) -> bytes:
    """The 约谈笔录 attached to the first batch (plain text, UTF-8)."""
    lines = [
        "约谈笔录",
        f"时间：{on.isoformat()}",
        "地点：示范县司法局执法监督科",
        "事由：执法监督预警处置",
        "涉及案件：",
        *(f"  {r.case_no}（{r.agency}）：{r.title}" for r in rows),
        "约谈内容：指出上述问题，责令一周内整改并报送整改情况。",
    ]
    return "\n".join(lines).encode("utf-8")


def add_demo_dispositions(store: Store, today: date) -> int:
    """Handle and reopen the demo's warnings (see the module docstring); returns how many were
    handled (0 when some 处置 already exists or the supervisor's account does not)."""
    with store.reading() as session:
        if session.execute(select(func.count()).select_from(WarningDisposition)).scalar_one():
            return 0
        user = session.execute(select(User).where(User.name == SUPERVISOR)).scalar_one_or_none()
        if user is None:
            return 0
        supervisor = Actor(user.id, user.name, user.display_name, Role(user.role), user.agency_id)
    then = today - timedelta(days=DAYS_AGO)
    found = list_warnings(store, supervisor, ListQuery(limit=None), then).items
    candidates = sorted((w for w in found if w.code in LASTING), key=lambda w: (w.case_no, w.agency, w.code))
    rng = random.Random(f"{DEMO_SEED}-warnings")
    chosen = rng.sample(candidates, min(len(candidates), sum(b[0] for b in BATCHES)))
    handled: list[WarningRow] = []
    for count, kind, note, follow_up, attach in BATCHES:
        batch, chosen = chosen[:count], chosen[count:]
        if not batch:
            break
        upload = (
            AttachmentUpload(f"约谈笔录-{then.isoformat()}.txt", interview_record(batch, then))
            if attach
            else None
        )
        due = None if follow_up is None else today + timedelta(days=follow_up)
        keys = [WarningKey(w.case_id, w.code, w.version) for w in batch]
        handled += handle_warnings(store, supervisor, keys, Disposal(note, kind, due, upload), then)
    for index, reason in REOPENED:
        if index < len(handled):
            row = handled[index]
            reopen_warning(store, supervisor, row.case_id, row.code, row.version or 0, reason, today)
    return len(handled)
