"""The demo county's certificate workflow, so that a trainer opening the demo sees it at work:
applications (申领) in every state — two waiting for 审核, two approved and waiting for 发证, one
refused with its reason, three issued with the next numbers — by officers whose certificate
expired, each with the qualification exam's document and the year's training hours (a 取证培训
course recorded first for one short of the gate); and one officer warning handled (处置) in the
warning centre: a certificate about to expire, 责令整改 with a follow-up date still to come.

Through the services as the people who would do it: the training officer (``peixun``) applies and
issues, the supervisor (``jiandu``) vets and handles (the administrator where those accounts are
missing). Seeded (``DEMO_SEED``) and idempotent: no application is added when any exists, no 处置
when an officer warning was handled already."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from desktop.cases.dto import Disposal, WarningKey
from desktop.cases.supervision import handle_warnings, list_warnings
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Role
from desktop.demo.seed import DEMO_SEED
from desktop.models import CertificateApplication, User, WarningDisposition
from desktop.models.db import Store
from desktop.personnel.applications import (
    application_gate,
    apply_for_certificate,
    issue_application,
    vet_application,
)
from desktop.personnel.certificates import list_certificates
from desktop.personnel.qualification_admin import qualification_settings, save_qualification_settings
from desktop.personnel.training import Attendance, add_attendance

TRAINER, SUPERVISOR = "peixun", "jiandu"
STEPS = ("issued", "issued", "issued", "refused", "approved", "approved", "applied", "applied")
"""How far each demo application went, in the order the applicants are drawn."""
EARLY_DAYS, WAITING_DAYS = (20, 40), (1, 5)
"""How many days ago an application was made: one that went on to 审核 and 发证, one still waiting."""
EXAM_DOC = "示司考〔{year}〕3号"
REGION = "341122"
"""The demo county's region code: the numbers it issues begin with it (the setting's default is
000000)."""
REFUSAL = "所附资格考试合格证明与申领人身份信息不符，请核实后重新申领。"
GATE_COURSE = ("执法资格取证培训（补训）", "县司法局", "通用法律知识")
HANDLING = (
    "责令整改",
    "已书面通知本人及所在单位：证件到期前办理换发，逾期暂停执法资格。",
    14,
)
"""The officer warning's 处置: kind, note, follow-up in days from today."""


def account(store: Store, name: str, fallback: Actor) -> Actor:
    """The demo account ``name`` as an actor (``fallback`` when it does not exist)."""
    with store.reading() as session:
        user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            return fallback
        return Actor(user.id, user.name, user.display_name, Role(user.role), user.agency_id)


def add_demo_applications(store: Store, admin: Actor, today: date) -> int:
    """The demo's applications (see the module docstring); how many were made."""
    with store.reading() as session:
        if session.execute(select(func.count()).select_from(CertificateApplication)).scalar_one():
            return 0
    state = qualification_settings(store, admin)
    if state.settings.region == "000000":
        save_qualification_settings(store, admin, state.version, replace(state.settings, region=REGION))
    trainer = account(store, TRAINER, admin)
    supervisor = account(store, SUPERVISOR, admin)
    rng = random.Random(f"{DEMO_SEED}-applications")
    expired = sorted(
        list_certificates(store, admin, state="expired", current_only=True).items, key=lambda r: r.number
    )
    rng.shuffle(expired)
    # no certificate in force on the application's date: expired well before the steps that
    # started weeks ago, at least before the applications still waiting (made in the last days)
    early = [r for r in expired if r.expires < today - timedelta(days=EARLY_DAYS[1] + 1)]
    late = [r for r in expired if r not in early and r.expires < today - timedelta(days=WAITING_DAYS[1] + 1)]
    applicants = []
    for step in STEPS:
        pool = (late or early) if step == "applied" else early
        if pool:
            applicants.append((pool.pop(0), step))
    made = 0
    for row, step in applicants:
        waiting = step == "applied"
        applied = max(
            date(today.year, 1, 1),
            today - timedelta(days=rng.randrange(*(WAITING_DAYS if waiting else EARLY_DAYS))),
        )
        exam_doc = EXAM_DOC.format(year=applied.year)
        gate = application_gate(store, admin, row.officer_id, applied, exam_doc)
        if gate.holds_certificate or gate.open_application is not None:
            continue
        if not gate.hours_met:  # a 取证培训 course first, as a training officer would arrange
            course, organiser, kind = GATE_COURSE
            short = Decimal(gate.gate_hours) - Decimal(str(gate.hours))
            add_attendance(
                store, trainer, [Attendance(row.officer_id, course, applied, short, organiser, kind)]
            )
        app = apply_for_certificate(store, trainer, row.officer_id, exam_doc=exam_doc, on=applied)
        made += 1
        if waiting:
            continue
        vetted = min(today, applied + timedelta(days=rng.randrange(2, 6)))
        app = vet_application(
            store,
            supervisor,
            app.id,
            app.version,
            step != "refused",
            "" if step != "refused" else REFUSAL,
            vetted,
        )
        if step == "issued":
            issue_application(
                store, trainer, app.id, app.version, min(today, vetted + timedelta(days=rng.randrange(1, 6)))
            )
    return made


def add_demo_officer_disposition(store: Store, admin: Actor, today: date) -> int:
    """Handle one officer warning (see the module docstring); 1 when handled, else 0."""
    with store.reading() as session:
        handled = session.execute(
            select(func.count()).select_from(WarningDisposition).where(WarningDisposition.case_id.is_(None))
        ).scalar_one()
    if handled:
        return 0
    supervisor = account(store, SUPERVISOR, admin)
    query = ListQuery(limit=None, filters=(("code", "cert_expiring"), ("state", "open")))
    rows = [r for r in list_warnings(store, supervisor, query, today).items if r.level == "yellow"]
    if not rows:
        return 0
    row = min(rows, key=lambda r: (r.due or today, r.subject))
    kind, note, days = HANDLING
    handle_warnings(
        store,
        supervisor,
        [WarningKey(0, row.code, row.version, row.subject)],
        Disposal(note, kind, today + timedelta(days=days)),
        today,
    )
    return 1
