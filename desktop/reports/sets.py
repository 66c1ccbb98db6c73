"""Stored indicator sets: a set chosen by name (its newest version; ``default`` is the shipped set
until one is stored under that name), a set saved as a new version when it changed, and a result
published with the set it was computed with (both audited)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.names import display_names
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import IndicatorSetRecord, PublishedAssessment
from desktop.models.db import Store
from desktop.reports.assessment import with_rows
from desktop.reports.documents import assessment_document
from desktop.reports.dto import Assessment, IndicatorSet
from desktop.reports.indicators import DEFAULT_SET_NAME, default_set, read_set, set_document
from desktop.reports.set_checks import check_set


def _latest(session: Session, name: str) -> IndicatorSetRecord | None:
    q = (
        select(IndicatorSetRecord)
        .where(IndicatorSetRecord.name == name)
        .order_by(IndicatorSetRecord.version.desc())
    )
    return session.execute(q.limit(1)).scalar_one_or_none()


def _of(row: IndicatorSetRecord) -> IndicatorSet:
    return read_set(json.loads(row.document), row.version)


def find_set(store: Store, actor: Actor, name: str | None = None) -> IndicatorSet:
    """The newest version of the set named ``name`` (default: ``default``)."""
    require(actor, Permission.VIEW_CASES)
    name = (name or DEFAULT_SET_NAME).strip()
    with store.reading() as session:
        row = _latest(session, name)
        if row is not None:
            return _of(row)
    if name == DEFAULT_SET_NAME:
        return default_set()
    raise NotFound(QT_TRANSLATE_NOOP("errors", "No indicator set named {name}."), name=name)


def list_sets(store: Store, actor: Actor) -> tuple[IndicatorSet, ...]:
    """Every stored version, and the shipped default when it is not stored yet."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        rows = (
            session.execute(
                select(IndicatorSetRecord).order_by(IndicatorSetRecord.name, IndicatorSetRecord.version)
            )
            .scalars()
            .all()
        )
        found = tuple(_of(r) for r in rows)
    if not any(s.name == DEFAULT_SET_NAME for s in found):
        found = (default_set(), *found)
    return found


@dataclass(frozen=True)
class SetVersion:
    """One version of a set as the editor lists it: the set, when and by whom it was saved ("" for
    the shipped default not stored yet)."""

    indicator_set: IndicatorSet
    created_at: str
    created_by: str


def list_set_versions(store: Store, actor: Actor) -> tuple[SetVersion, ...]:
    """Every stored version (by name, then version) with who saved it when; the shipped default
    first when it is not stored yet."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        rows = (
            session.execute(
                select(IndicatorSetRecord).order_by(IndicatorSetRecord.name, IndicatorSetRecord.version)
            )
            .scalars()
            .all()
        )
        names = display_names(session, {r.created_by for r in rows})
        found = tuple(SetVersion(_of(r), r.created_at, names.get(r.created_by, r.created_by)) for r in rows)
    if not any(v.indicator_set.name == DEFAULT_SET_NAME for v in found):
        found = (SetVersion(default_set(), "", ""), *found)
    return found


def _store_set(session: Session, store: Store, actor: Actor, s: IndicatorSet) -> IndicatorSetRecord:
    """The stored version equal to ``s``, or a new version of its name (audited); a changed
    default stored before the shipped one was keeps the shipped one as v1."""
    latest = _latest(session, s.name)
    if latest is None and s.name == DEFAULT_SET_NAME and s.sha256 != default_set().sha256:
        latest = _store_set(session, store, actor, default_set())  # the shipped one stays v1
    if latest is not None and latest.sha256 == s.sha256:
        return latest
    version = 1 if latest is None else latest.version + 1
    body = set_document(s)
    body["version"] = version
    row = IndicatorSetRecord(
        name=s.name,
        version=version,
        document=json.dumps(body, ensure_ascii=False, sort_keys=True),
        sha256=s.sha256,
        created_at=utc_iso(store.clock.now()),
        created_by=actor.name,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        store,
        actor.name,
        "save_indicator_set",
        "indicator_set",
        row.id,
        after={"name": s.name, "version": version, "sha256": s.sha256},
        summary=f"{s.name} v{version}",
    )
    return row


def save_set(store: Store, actor: Actor, document: dict[str, Any]) -> IndicatorSet:
    """Store a set read from its JSON document: a new version when it differs from the newest."""
    require(actor, Permission.EDIT_SETTINGS)
    parsed = read_set(document)
    with store.unit_of_work() as uow:
        row = _store_set(uow.session, store, actor, parsed)
        answer = _of(row)
        uow.commit()
    return answer


def save_edited_set(store: Store, actor: Actor, document: dict[str, Any]) -> IndicatorSet:
    """Store a set edited in the window: refused unless every check passes (weights adding up to
    100, thresholds in order …); a new version of its name when it differs from the newest."""
    require(actor, Permission.EDIT_SETTINGS)
    problems = check_set(document)
    if problems:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The indicator set cannot be saved: {problems}"),
            field=problems[0].field,
            problems="; ".join(p.text for p in problems),
        )
    return save_set(store, actor, document)


def publish(store: Store, actor: Actor, result: Assessment) -> int:
    """Keep ``result`` as published, with the set version it was computed with and the rows behind
    every figure (read now when ``result`` was computed without them); returns its id."""
    require(actor, Permission.EDIT_SETTINGS)
    result = with_rows(store, actor, result)
    with store.unit_of_work() as uow:
        session = uow.session
        set_row = _store_set(session, store, actor, result.indicator_set)
        doc = assessment_document(result)
        doc["set"]["version"] = set_row.version
        text = json.dumps(doc, ensure_ascii=False, sort_keys=True)
        row = PublishedAssessment(
            set_id=set_row.id,
            period_from=result.period.start,
            period_to=result.period.end,
            document=text,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            published_at=utc_iso(store.clock.now()),
            published_by=actor.name,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "publish_assessment",
            "assessment",
            row.id,
            after={
                "from": result.period.start,
                "to": result.period.end,
                "set": set_row.name,
                "set_version": set_row.version,
                "sha256": row.sha256,
            },
            summary=f"{result.period.start} – {result.period.end}",
        )
        uow.commit()
        return row.id


def published(store: Store, actor: Actor, publication_id: int) -> dict[str, Any]:
    """A published result as it was published (its document, with the set version it used)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        row = session.get(PublishedAssessment, publication_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No published assessment {id}."), id=publication_id)
        return dict(json.loads(row.document))
