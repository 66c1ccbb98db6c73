"""The demo county's qualifications: certificate histories (some suspended and restored, one
suspended now, a few cancelled, one revoked, a year of annual reviews with a few failures), a
year of training for every officer (about one in eight short of the target), a drawn photo of
every officer (``demo.photos``) and the card key.

Written through the personnel services as the training officer would (``record_event``,
``review_many``, ``add_attendance``, ``make_card_key``). Deterministic from ``DEMO_SEED`` and
idempotent: a county whose certificates already have a 年审 or whose ledger has this year's
training is left alone. Events are dated in the last few months only, and a case's
``uncertified_officer`` warning moves only for the few cases those officers filed then.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from desktop.core.errors import UserFacingError
from desktop.core.security import Actor
from desktop.demo.cert_workflow import add_demo_applications, add_demo_officer_disposition
from desktop.demo.photos import add_demo_photos
from desktop.demo.seed import DEMO_SEED
from desktop.models import CertificateEvent, TrainingRecord
from desktop.models.db import Store
from desktop.personnel.cards import card_key, make_card_key
from desktop.personnel.certificates import list_certificates, record_event, review_many
from desktop.personnel.training import Attendance, add_attendance

COURSES = (
    ("《行政处罚法》专题培训", "县司法局", Decimal(16), "通用法律知识"),
    ("行政执法三项制度培训", "县司法局", Decimal(12), "通用法律知识"),
    ("执法文书规范制作", "市司法局", Decimal(8), "执法技能"),
    ("执法记录仪使用规范", "县司法局", Decimal(6), "执法技能"),
    ("行政复议与应诉实务", "市司法局", Decimal(10), "通用法律知识"),
    ("本领域法律法规更新", "本单位", Decimal(12), "专门法律知识"),
    ("网络学法（学法用法平台）", "省司法厅", Decimal(8), "职业道德"),
)


@dataclass(frozen=True)
class QualificationsAdded:
    """What the demo's qualifications added."""

    events: int
    training: int
    key: bool
    applications: int = 0
    """申领 made (``cert_workflow``)."""
    handled: int = 0
    """Officer warnings handled (处置)."""


def add_demo_qualifications(store: Store, actor: Actor, today: date) -> QualificationsAdded:
    """Histories, training, applications, one handled officer warning and the card key of the
    demo county (idempotent)."""
    events = _histories(store, actor, today)
    training = _training(store, actor, today)
    applications = add_demo_applications(store, actor, today)
    handled = add_demo_officer_disposition(store, actor, today)
    add_demo_photos(store, actor)
    key = False
    try:
        if card_key(store, actor).public_key is None:
            make_card_key(store, actor)
            key = True
    except UserFacingError:  # no keyring on this machine: cards are made where one is
        key = False
    return QualificationsAdded(events, training, key, applications, handled)


def _histories(store: Store, actor: Actor, today: date) -> int:
    with store.reading() as session:
        reviewed = session.execute(
            select(func.count()).select_from(CertificateEvent).where(CertificateEvent.kind == "review")
        ).scalar_one()
    if reviewed:
        return 0
    rng = random.Random(f"{DEMO_SEED}-qualifications")
    valid = [r for r in list_certificates(store, actor, state="valid", current_only=True).items]
    if len(valid) < 20:
        return 0
    picked = rng.sample(valid, 12)
    added = 0
    for row in picked[:4]:  # suspended while investigated, then restored
        start = today - timedelta(days=rng.randrange(100, 150))
        record_event(
            store,
            actor,
            row.number,
            "suspend",
            start,
            "涉嫌违规执法，立案调查",
            document_no="示司暂〔2026〕1号",
        )
        record_event(
            store,
            actor,
            row.number,
            "restore",
            start + timedelta(days=rng.randrange(15, 40)),
            "调查终结，不予处分",
        )
        added += 2
    row = picked[4]  # suspended now
    record_event(
        store, actor, row.number, "suspend", today - timedelta(days=12), "年度培训学时不足，暂停执法资格"
    )
    added += 1
    for row, reason in zip(picked[5:8], ("退休", "调离执法岗位（离岗）", "辞职"), strict=True):
        record_event(
            store, actor, row.number, "cancel", today - timedelta(days=rng.randrange(20, 60)), reason
        )
        added += 1
    record_event(
        store, actor, picked[8].number, "revoke", today - timedelta(days=30), "将执法证件出借他人使用"
    )
    added += 1
    record_event(store, actor, picked[9].number, "change", today - timedelta(days=70), "执法区域调整")
    added += 1
    # 年审 of the certificates due: almost all pass, a few fail (and are suspended)
    due = list_certificates(store, actor, current_only=True, review_due_by=today).items
    on = today - timedelta(days=7)
    results = []
    for row in due:
        if row.issued > on:
            continue
        fail = rng.random() < 0.04
        results.append((row.number, "fail" if fail else "pass", "年度考核不称职" if fail else ""))
    if results:
        added += review_many(store, actor, results, on, suspend_failures=True)
    return added


def _training(store: Store, actor: Actor, today: date) -> int:
    first = date(today.year, 1, 1)
    with store.reading() as session:
        kept = session.execute(
            select(func.count()).select_from(TrainingRecord).where(TrainingRecord.on >= first)
        ).scalar_one()
    if kept:
        return 0
    rng = random.Random(f"{DEMO_SEED}-training")
    officers = list_certificates(store, actor, current_only=True).items
    span = max(1, (today - first).days)
    items = []
    for row in officers:
        short = rng.random() < 0.12
        courses = rng.sample(COURSES, 2 if short else 6)
        for course, organiser, hours, kind in courses:
            on = first + timedelta(days=rng.randrange(span))
            items.append(Attendance(row.officer_id, course, on, hours, organiser, kind))
    return add_attendance(store, actor, items).imported
