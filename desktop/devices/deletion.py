"""Deleting footage only through a reviewed list: a clerk proposes files whose retention has
passed (and says why), a supervisor other than the proposer approves (who, when) or rejects the
list; the approved files' bytes are then removed from the evidence store (an object only when no
live row uses the same bytes) and their rows kept as tombstones. A file linked to a case is never
deleted: it is kept even when it was linked after the proposal. Everything is audited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, PermissionDenied, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.devices import counts
from desktop.devices.dto import DeletionItem, DeletionList
from desktop.devices.evidence import EvidenceStore
from desktop.devices.retention import case_closings, due_rows, load_settings, retention
from desktop.models import FootageDeletion, FootageDeletionItem, FootageFile
from desktop.models.db import Store

APPROVE = Permission.HANDLE_WARNINGS
"""Approving or rejecting a list is a supervisor's (or an administrator's) work."""


def _summary(session: Session, d: FootageDeletion) -> DeletionList:
    counts = session.execute(
        select(
            func.count(FootageDeletionItem.id),
            func.coalesce(func.sum(FootageFile.size), 0),
            func.count(FootageDeletionItem.id).filter(FootageDeletionItem.outcome == "deleted"),
            func.count(FootageDeletionItem.id).filter(FootageDeletionItem.outcome == "kept"),
        )
        .join(FootageFile, FootageFile.id == FootageDeletionItem.file_id)
        .where(FootageDeletionItem.deletion_id == d.id)
    ).one()
    return DeletionList(
        d.id,
        d.state,
        d.reason,
        d.proposed_at,
        d.proposed_by,
        d.decided_at,
        d.decided_by,
        d.decision_note,
        d.deleted_at,
        int(counts[0]),
        int(counts[1]),
        int(counts[2]),
        int(counts[3]),
        d.version,
    )


def propose_deletion(
    store: Store, actor: Actor, reason: str, as_of: date, sha256s: Sequence[str] | None = None
) -> DeletionList:
    """A new list of files whose retention passed before ``as_of``: the given ones (each must be
    due), or every due file the user may see."""
    require(actor, Permission.EDIT_CASES)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Say why the files are to be deleted."), field="reason"
        )
    now = utc_iso(store.clock.now())
    with store.unit_of_work() as uow:
        s = uow.session
        due = due_rows(s, actor, as_of, load_settings(s))
        if sha256s:
            by_sha = {d.sha256: d for d in due}
            chosen = []
            for sha in sha256s:
                key = sha.strip().lower()
                found = [d for d in due if d.sha256.startswith(key)] if len(key) >= 8 else []
                if len(found) != 1:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "{sha256} is not due for deletion: linked to a case, still within its "
                            "retention, already on a list, or not stored.",
                        ),
                        field="files",
                        sha256=sha,
                    )
                chosen.append(by_sha[found[0].sha256])
            due = list({d.id: d for d in chosen}.values())
        if not due:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "No file's retention has passed: nothing to propose."),
                field="files",
            )
        d = FootageDeletion(
            state="proposed",
            reason=reason,
            proposed_at=now,
            proposed_by=actor.name,
            agency_id=actor.scope_agency_id,
            updated_at=now,
            updated_by=actor.name,
        )
        s.add(d)
        s.flush()
        s.add_all(
            FootageDeletionItem(
                deletion_id=d.id,
                file_id=f.id,
                sha256=f.sha256,
                retention_class=f.retention_class,
                retain_until=f.retain_until.isoformat(),
            )
            for f in due
        )
        audit.record(
            s,
            store,
            actor.name,
            "propose",
            "footage_deletion",
            d.id,
            after={"reason": reason, "files": [f.sha256 for f in due], "as_of": as_of.isoformat()},
            summary=reason[:200],
        )
        s.flush()
        out = _summary(s, d)
        uow.commit()
    return out


def _load(session: Session, actor: Actor, list_id: int) -> FootageDeletion:
    d = session.get(FootageDeletion, list_id)
    if d is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No deletion list {id}."), id=list_id)
    if actor.scope_agency_id is not None and d.agency_id != actor.scope_agency_id:
        require_agency(actor, d.agency_id)
    return d


def approve_deletion(
    store: Store, actor: Actor, evidence: EvidenceStore, list_id: int, as_of: date, note: str = ""
) -> DeletionList:
    """Approve a proposed list and delete its files: each file is checked again (a file linked
    to a case, or kept longer since, is kept), the others become tombstones and their bytes are
    removed. An approved list whose removal was interrupted is finished by approving it again."""
    require(actor, APPROVE)
    now = utc_iso(store.clock.now())
    with store.unit_of_work() as uow:
        s = uow.session
        d = _load(s, actor, list_id)
        if d.state == "proposed":
            if d.proposed_by == actor.name:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP("errors", "Another person must approve the list {user} proposed."),
                    user=actor.name,
                )
            _decide(s, store, actor, d, as_of, note, now)
        elif d.state != "approved":
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Deletion list {id} is already {state}."), id=d.id, state=d.state
            )
        uow.commit()
    _remove_bytes(store, evidence, list_id)
    with store.unit_of_work() as uow:
        d = _load(uow.session, actor, list_id)
        d.state, d.deleted_at = "deleted", now
        d.updated_at, d.updated_by = now, actor.name
        out = _summary(uow.session, d)
        uow.commit()
    return out


def _decide(
    s: Session, store: Store, actor: Actor, d: FootageDeletion, as_of: date, note: str, now: str
) -> None:
    """Tombstone the files still due; keep the others (linked, or kept longer since)."""
    settings = load_settings(s)
    rows = s.execute(
        select(FootageDeletionItem, FootageFile)
        .join(FootageFile, FootageFile.id == FootageDeletionItem.file_id)
        .where(FootageDeletionItem.deletion_id == d.id)
    ).all()
    closings = case_closings(s, {f.case_id for _, f in rows if f.case_id is not None})
    changes: list[audit.Change] = []
    gone: list[tuple[counts.Where, counts.Where]] = []
    for item, f in rows:
        _cls, until = retention(
            f.start_at,
            f.important,
            f.case_id is not None,
            closings.get(f.case_id) if f.case_id else None,
            settings,
        )
        if f.case_id is not None or f.deleted_at is not None or until is None or until >= as_of:
            item.outcome = "kept"
            continue
        item.outcome = "deleted"
        gone.append((f.agency_id, counts.GONE))
        f.deleted_at, f.deleted_by, f.deletion_id = now, actor.name, d.id
        f.updated_at, f.updated_by = now, actor.name
        changes.append(
            audit.Change(
                "delete",
                "footage_file",
                f.id,
                before={"deleted_at": None},
                after={"deleted_at": now, "deletion_id": d.id, "sha256": f.sha256},
                summary=f.sha256,
            )
        )
    counts.move(s, gone)
    d.state, d.decided_at, d.decided_by = "approved", now, actor.name
    d.decision_note = note.strip() or None
    d.updated_at, d.updated_by = now, actor.name
    changes.insert(
        0,
        audit.Change(
            "approve",
            "footage_deletion",
            d.id,
            before={"state": "proposed"},
            after={"state": "approved", "note": d.decision_note, "deleted": len(changes)},
            summary=d.reason[:200],
        ),
    )
    audit.record_many(s, store, actor.name, changes)


def _remove_bytes(store: Store, evidence: EvidenceStore, list_id: int) -> None:
    """Remove the bytes of the list's deleted files that no live row uses."""
    with store.reading() as session:
        shas = [
            sha
            for (sha,) in session.execute(
                select(FootageDeletionItem.sha256).where(
                    FootageDeletionItem.deletion_id == list_id, FootageDeletionItem.outcome == "deleted"
                )
            )
        ]
        live = {
            sha
            for (sha,) in session.execute(
                select(FootageFile.sha256).where(
                    FootageFile.sha256.in_(shas), FootageFile.deleted_at.is_(None)
                )
            )
        }
    for sha in shas:
        if sha not in live:
            evidence.remove(sha)


def reject_deletion(store: Store, actor: Actor, list_id: int, note: str) -> DeletionList:
    """Reject a proposed list (with why): its files stay and may be proposed again."""
    require(actor, APPROVE)
    if not note.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say why the list is rejected."), field="note")
    now = utc_iso(store.clock.now())
    with store.unit_of_work() as uow:
        s = uow.session
        d = _load(s, actor, list_id)
        if d.state != "proposed":
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Deletion list {id} is already {state}."), id=d.id, state=d.state
            )
        d.state, d.decided_at, d.decided_by, d.decision_note = "rejected", now, actor.name, note.strip()
        d.updated_at, d.updated_by = now, actor.name
        for item in s.execute(
            select(FootageDeletionItem).where(FootageDeletionItem.deletion_id == d.id)
        ).scalars():
            item.outcome = "kept"
        audit.record(
            s,
            store,
            actor.name,
            "reject",
            "footage_deletion",
            d.id,
            before={"state": "proposed"},
            after={"state": "rejected", "note": d.decision_note},
            summary=d.reason[:200],
        )
        s.flush()
        out = _summary(s, d)
        uow.commit()
    return out


def list_deletions(store: Store, actor: Actor, state: str | None = None) -> tuple[DeletionList, ...]:
    """The deletion lists, newest first (a scoped user: their agency's)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        stmt = select(FootageDeletion).order_by(FootageDeletion.id.desc())
        if state:
            stmt = stmt.where(FootageDeletion.state == state)
        if actor.scope_agency_id is not None:
            stmt = stmt.where(FootageDeletion.agency_id == actor.scope_agency_id)
        return tuple(_summary(session, d) for d in session.execute(stmt).scalars())


def deletion_items(store: Store, actor: Actor, list_id: int) -> tuple[DeletionItem, ...]:
    """The files of one list."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        _load(session, actor, list_id)
        rows = session.execute(
            select(FootageDeletionItem, FootageFile)
            .join(FootageFile, FootageFile.id == FootageDeletionItem.file_id)
            .where(FootageDeletionItem.deletion_id == list_id)
            .order_by(FootageFile.start_at, FootageFile.id)
        ).all()
        return tuple(
            DeletionItem(
                f.sha256,
                f.officer_no,
                f.start_at,
                f.size,
                f.source_name,
                i.retention_class,
                i.retain_until,
                i.outcome,
            )
            for i, f in rows
        )
