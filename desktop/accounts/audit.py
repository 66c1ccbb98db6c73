"""The audit record (审计): one hash-chained record per change, written in the change's own
transaction; ``verify_chain`` finds the first record that was edited, removed or reordered."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.core.clock import utc_iso
from desktop.core.errors import AuditDamaged
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import AuditHead, AuditRecord
from desktop.models.base import table_of
from desktop.models.db import Store

GENESIS = "0" * 64


def to_jsonable(value: Any) -> Any:
    """A value as JSON can hold it (dates ISO, decimals as text)."""
    if isinstance(value, datetime):
        return utc_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def canonical(value: Any) -> str | None:
    """The one JSON text of a value (sorted keys, no spaces): what the hash covers."""
    if value is None:
        return None
    return json.dumps(to_jsonable(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record_hash(rec: AuditRecord) -> str:
    """SHA-256 over every field of the record and the previous record's hash."""
    return _hash({k: getattr(rec, k) for k in _HASHED})


_HASHED = ("id", "at", "actor", "action", "entity", "entity_id", "summary", "before", "after", "prev_hash")
"""The fields a record's hash covers, in the order they are hashed."""


def _hash(row: dict[str, Any]) -> str:
    body = json.dumps([row[k] for k in _HASHED], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """One change to append to the audit record."""

    action: str
    entity: str
    entity_id: Any = ""
    before: Any = None
    after: Any = None
    summary: str = ""


def record(
    session: Session,
    store: Store,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any = "",
    *,
    before: Any = None,
    after: Any = None,
    summary: str = "",
) -> AuditRecord:
    """Append one record to the chain inside the caller's transaction."""
    return record_many(session, store, actor, [Change(action, entity, entity_id, before, after, summary)])[-1]


def lock(session: Session) -> None:
    """Take the chain's head lock now (``FOR UPDATE`` on PostgreSQL; SQLite writers hold the
    write lock already): a check made after it cannot race another workstation's write."""
    session.execute(select(AuditHead.id).where(AuditHead.id == 1).with_for_update())


def record_many(session: Session, store: Store, actor: str, changes: Sequence[Change]) -> list[AuditRecord]:
    """Append records to the chain inside the caller's transaction, in order (see ``append``)."""
    rows = append(session, store, actor, [prepare(c) for c in changes])
    return [AuditRecord(**row) for row in rows]


@dataclass(frozen=True)
class PreparedChange:
    """A change with its ``before`` and ``after`` already in their canonical JSON text: what can
    be done before a transaction begins (an import prepares thousands outside the write lock)."""

    action: str
    entity: str
    entity_id: str
    before: str | None
    after: str | None
    summary: str


def prepare(change: Change) -> PreparedChange:
    """The change's canonical texts, computed now (no store needed)."""
    return PreparedChange(
        change.action,
        change.entity,
        str(change.entity_id),
        canonical(change.before),
        canonical(change.after),
        change.summary[:200],
    )


def append(
    session: Session, store: Store, actor: str, changes: Sequence[PreparedChange]
) -> list[dict[str, Any]]:
    """Append prepared changes to the chain inside the caller's transaction, in order; the rows
    written (column → value) are returned.

    The chain head row is locked first (``FOR UPDATE`` on PostgreSQL; SQLite writers already
    hold the write lock), so concurrent workstations append one after the other. A record after
    the head, or a head that does not name the last record, is ``AuditDamaged``: nothing more is
    written until someone has checked the record (``audit verify``).
    """
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash=GENESIS)
        session.add(head)
    _check_end(session, head)
    at = utc_iso(store.clock.now())
    last_id, last_hash = head.last_id, head.last_hash
    rows = []
    for change in changes:
        last_id += 1
        row = {
            "id": last_id,
            "at": at,
            "actor": actor,
            "action": change.action,
            "entity": change.entity,
            "entity_id": change.entity_id,
            "summary": change.summary,
            "before": change.before,
            "after": change.after,
            "prev_hash": last_hash,
        }
        row["hash"] = last_hash = _hash(row)
        rows.append(row)
    if rows:  # one multi-row statement (an import appends thousands)
        session.execute(insert(table_of(AuditRecord)), rows)
        head.last_id, head.last_hash = last_id, last_hash
    return rows


def _check_end(session: Session, head: AuditHead) -> None:
    """Refuse to append to a record whose end does not hold (two primary-key reads)."""
    stray = session.execute(
        select(AuditRecord.id).where(AuditRecord.id > head.last_id).order_by(AuditRecord.id).limit(1)
    ).scalar_one_or_none()
    if stray is not None:
        raise AuditDamaged(
            QT_TRANSLATE_NOOP(
                "errors",
                "The audit record is damaged: record {id} lies beyond the chain's last record. Nothing "
                "can be saved until it is checked; an administrator checks it with: "
                "main.py --user NAME audit verify",
            ),
            id=stray,
        )
    if head.last_id:
        last = session.execute(
            select(AuditRecord.hash).where(AuditRecord.id == head.last_id)
        ).scalar_one_or_none()
        if last != head.last_hash:
            raise AuditDamaged(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The audit record is damaged: record {id}, the chain's last, is missing or was "
                    "changed. Nothing can be saved until it is checked; an administrator checks it "
                    "with: main.py --user NAME audit verify",
                ),
                id=head.last_id,
            )


@dataclass(frozen=True)
class ChainReport:
    """What ``verify_chain`` found: the count checked and the first broken record, if any.

    ``reason`` is an English template (``errors`` context) with ``{id}`` for the record.
    """

    checked: int
    ok: bool
    broken_id: int | None = None
    reason: str = ""

    def english(self) -> str:
        """The reason in English (the command line's JSON)."""
        return self.reason.format(id=self.broken_id)

    def localized(self) -> str:
        """The reason in the current language."""
        return translate("errors", self.reason).format(id=self.broken_id)


def verify_chain(store: Store, *, batch: int = 5000) -> ChainReport:
    """Walk the chain in id order; report the first record whose hash or link does not hold."""
    prev_hash, expected_id, checked = GENESIS, 1, 0
    with store.reading() as session:
        last_id = 0
        while True:
            rows = (
                session.execute(
                    select(AuditRecord).where(AuditRecord.id > last_id).order_by(AuditRecord.id).limit(batch)
                )
                .scalars()
                .all()
            )
            if not rows:
                break
            for rec in rows:
                problem = _problem(rec, expected_id, prev_hash)
                if problem:
                    head_id = session.execute(select(AuditHead.last_id).where(AuditHead.id == 1)).scalar()
                    if head_id is not None and rec.id > head_id:
                        problem = QT_TRANSLATE_NOOP(
                            "errors", "record {id} and those after it were added outside the program"
                        )
                    return ChainReport(checked, False, min(rec.id, expected_id), problem)
                prev_hash, expected_id, checked = rec.hash, rec.id + 1, checked + 1
            last_id = rows[-1].id
            session.expunge_all()
        head = session.execute(
            select(AuditHead.last_id, AuditHead.last_hash).where(AuditHead.id == 1)
        ).first()
    if head is None:
        if checked:
            return ChainReport(
                checked,
                False,
                expected_id - 1,
                QT_TRANSLATE_NOOP("errors", "the chain's head row is missing"),
            )
        return ChainReport(checked, True)
    if head.last_id < expected_id - 1:
        return ChainReport(
            checked,
            False,
            head.last_id + 1,
            QT_TRANSLATE_NOOP("errors", "record {id} and those after it were added outside the program"),
        )
    if head.last_id == expected_id - 1 and head.last_hash != prev_hash:
        return ChainReport(
            checked,
            False,
            head.last_id,
            QT_TRANSLATE_NOOP("errors", "the chain's head does not match its last record {id}"),
        )
    if head.last_id != expected_id - 1:
        return ChainReport(
            checked, False, expected_id, QT_TRANSLATE_NOOP("errors", "the records from {id} on were removed")
        )
    return ChainReport(checked, True)


def _problem(rec: AuditRecord, expected_id: int, prev_hash: str) -> str:
    if rec.id != expected_id:
        return QT_TRANSLATE_NOOP("errors", "record {id} is missing (removed or renumbered)")
    if rec.prev_hash != prev_hash:
        return QT_TRANSLATE_NOOP("errors", "the link to the previous record is broken (removed or reordered)")
    if record_hash(rec) != rec.hash:
        return QT_TRANSLATE_NOOP("errors", "the record was edited after it was written")
    return ""


def count_records(store: Store) -> int:
    """How many audit records the store holds."""
    with store.reading() as session:
        return session.execute(select(func.count()).select_from(AuditRecord)).scalar_one()


def snapshot(obj: Any, fields: Sequence[str]) -> dict[str, Any]:
    """The named fields of a row as a plain dict, for an audit record's before/after."""
    return {name: to_jsonable(getattr(obj, name)) for name in fields}


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class AuditRow:
    """One audit record for the audit page: before and after as dicts."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    summary: str
    before: dict | None
    after: dict | None
    hash: str


@dataclass(frozen=True)
class AuditFacets:
    """The values the audit page offers as filters."""

    actors: tuple[str, ...]
    entities: tuple[str, ...]
    actions: tuple[str, ...]


def list_audit(store: Store, actor: Any, query: Any) -> Any:
    """Audit records, newest first by default; filters ``actor``, ``entity``, ``action``,
    ``date_from`` and ``date_to`` (local dates, inclusive); search in the summary."""
    from desktop.core.paging import Page
    from desktop.core.security import Permission, require
    from desktop.models.queries import fetch_page, search_clause

    require(actor, Permission.VIEW_AUDIT)
    stmt = select(AuditRecord)
    for name in ("actor", "entity", "action"):
        if query.filter(name):
            stmt = stmt.where(getattr(AuditRecord, name) == query.filter(name))
    if query.filter("date_from"):
        stmt = stmt.where(AuditRecord.at >= _utc_bound(query.filter("date_from")))
    if query.filter("date_to"):
        stmt = stmt.where(AuditRecord.at < _utc_bound(query.filter("date_to") + timedelta(days=1)))
    clause = search_clause(query.search, [AuditRecord.summary, AuditRecord.entity_id])
    if clause is not None:
        stmt = stmt.where(clause)
    sorts = {
        "id": AuditRecord.id,
        "at": AuditRecord.id,
        "actor": AuditRecord.actor,
        "action": AuditRecord.action,
        "entity": AuditRecord.entity,
    }
    with store.reading() as session:
        rows, total = fetch_page(session, stmt, query, sorts, [AuditRecord.id.desc()], AuditRecord.id)
        return Page(tuple(_audit_row(r) for (r,) in rows), total)


def audit_facets(store: Store, actor: Any) -> AuditFacets:
    """The distinct users, entities and actions in the record."""
    from desktop.core.security import Permission, require

    require(actor, Permission.VIEW_AUDIT)
    with store.reading() as session:

        def distinct(column: Any) -> tuple[str, ...]:
            return tuple(session.execute(select(column).distinct().order_by(column)).scalars())

        return AuditFacets(
            distinct(AuditRecord.actor), distinct(AuditRecord.entity), distinct(AuditRecord.action)
        )


def _utc_bound(day: date) -> str:
    local = datetime(day.year, day.month, day.day).astimezone()
    return utc_iso(local)


def _audit_row(rec: AuditRecord) -> AuditRow:
    return AuditRow(
        rec.id,
        rec.at,
        rec.actor,
        rec.action,
        rec.entity,
        rec.entity_id,
        rec.summary,
        json.loads(rec.before) if rec.before else None,
        json.loads(rec.after) if rec.after else None,
        rec.hash,
    )
