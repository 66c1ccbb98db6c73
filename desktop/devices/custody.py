"""Chain of custody: where the evidence folder is, ``footage verify`` (every stored file hashed
again against its record), and the export of a case's footage for a court or a recheck (the
copies, a hash manifest with its own hash, and the audit extract of each file)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.accounts import audit
from desktop.cases.service import find_case
from desktop.core.errors import Cancelled, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paths import user_data_dir
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.devices import counts
from desktop.devices.dto import EvidenceSpace, ExportResult, VerifyReport
from desktop.devices.evidence import EvidenceStore, hash_file
from desktop.devices.retention import load_settings
from desktop.models import AuditRecord, FootageFile, StoreSetting
from desktop.models.db import Store

EVIDENCE_ENV = "DESK_EVIDENCE_DIR"
EVIDENCE_SETTING = "footage.evidence_dir"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
AUDIT_EXTRACT = "audit.json"


def evidence_dir(store: Store, explicit: str | Path | None = None) -> Path:
    """The evidence folder: ``explicit`` (``--evidence-dir``), else env DESK_EVIDENCE_DIR, else
    the store's setting, else ``evidence`` in the user data folder."""
    if explicit:
        return Path(explicit)
    if os.environ.get(EVIDENCE_ENV):
        return Path(os.environ[EVIDENCE_ENV])
    with store.reading() as session:
        setting = session.get(StoreSetting, EVIDENCE_SETTING)
        if setting is not None and setting.value:
            return Path(setting.value)
    return user_data_dir() / "evidence"


def evidence_space(store: Store, actor: Actor, explicit: str | Path | None = None) -> EvidenceSpace:
    """The evidence folder's free and total space (of the nearest existing folder on its way,
    before the first import creates it) and the setting below which the library warns."""
    require(actor, Permission.VIEW_CASES)
    folder = evidence_dir(store, explicit)
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    usage = shutil.disk_usage(probe)
    with store.reading() as session:
        settings = load_settings(session)
    return EvidenceSpace(str(folder), usage.free, usage.total, settings.min_free_gb)


def verify_footage(
    store: Store,
    actor: Actor,
    evidence: EvidenceStore,
    *,
    progress: Callable[..., None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> VerifyReport:
    """Hash every stored file again: what is missing, altered, or stored but not recorded (the
    bytes of a deleted file still present count as not recorded)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        recorded: dict[str, int] = {
            s: n
            for s, n in session.execute(
                select(FootageFile.sha256, FootageFile.size).where(FootageFile.deleted_at.is_(None))
            )
        }
    total = sum(recorded.values())
    done = 0
    missing, altered = [], []

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    for sha in sorted(recorded):
        if cancelled is not None and cancelled():
            raise Cancelled()
        path = evidence.path(sha)
        if not path.is_file():
            missing.append(sha)
            continue
        if hash_file(path, advance) != sha:
            altered.append(sha)
    unrecorded = tuple(s for s in evidence.stored() if s not in recorded)
    with store.unit_of_work() as uow:  # the library's counts, repaired if they ever drifted
        if counts.recount(uow.session):
            uow.commit()
    return VerifyReport(len(recorded), tuple(missing), tuple(altered), unrecorded)


def export_case_footage(
    store: Store,
    actor: Actor,
    evidence: EvidenceStore,
    case_no: str,
    out: Path | str,
    *,
    agency: str | int | None = None,
    progress: Callable[..., None] | None = None,
) -> ExportResult:
    """Copy a case's footage to ``out`` with a manifest (SHA-256 of every copy, checked after
    copying), ``SHA256SUMS`` and the audit extract of each file; the export is audited."""
    require(actor, Permission.VIEW_CASES)
    case = find_case(store, actor, case_no, agency)
    require_agency(actor, case.agency_id)
    folder = Path(out)
    with store.reading() as session:
        files = (
            session.execute(
                select(FootageFile)
                .where(FootageFile.case_id == case.id, FootageFile.deleted_at.is_(None))
                .order_by(FootageFile.start_at)
            )
            .scalars()
            .all()
        )
        ids = [str(f.id) for f in files]
        records = (
            session.execute(
                select(AuditRecord)
                .where(AuditRecord.entity == "footage_file", AuditRecord.entity_id.in_(ids))
                .order_by(AuditRecord.id)
            )
            .scalars()
            .all()
        )
        extract = [
            {
                "id": r.id,
                "at": r.at,
                "actor": r.actor,
                "action": r.action,
                "entity_id": r.entity_id,
                "summary": r.summary,
                "before": json.loads(r.before) if r.before else None,
                "after": json.loads(r.after) if r.after else None,
                "hash": r.hash,
            }
            for r in records
        ]
        entries: list[dict[str, Any]] = [
            {
                "file": f"{f.start_at:%Y%m%d%H%M%S}_{f.officer_no}_{f.sha256[:12]}.{f.ext}",
                "sha256": f.sha256,
                "size": f.size,
                "source_name": f.source_name,
                "officer": f.officer_no,
                "device": f.device_no,
                "start": f.start_at.isoformat(),
                "important": f.important,
            }
            for f in files
        ]
    if not entries:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Case {case_no} has no linked footage to export."),
            case_no=case.case_no,
        )
    folder.mkdir(parents=True, exist_ok=True)
    total = sum(e["size"] for e in entries)
    done = 0
    for e in entries:
        target = folder / e["file"]
        shutil.copyfile(evidence.path(e["sha256"]), target)
        if hash_file(target) != e["sha256"]:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The copy of {file} does not match its SHA-256; run footage verify."
                ),
                file=e["source_name"],
            )
        os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        done += e["size"]
        if progress is not None:
            progress(done, total)
    manifest = {
        "case_no": case.case_no,
        "agency": case.agency_name,
        "exported_by": actor.name,
        "exported_at": store.clock.now().isoformat(),
        "files": entries,
    }
    manifest_path = folder / MANIFEST
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / SUMS).write_text("".join(f"{e['sha256']}  {e['file']}\n" for e in entries), encoding="utf-8")
    (folder / AUDIT_EXTRACT).write_text(json.dumps(extract, ensure_ascii=False, indent=2), encoding="utf-8")
    manifest_sha = hashlib.sha256(manifest_path.read_bytes()).hexdigest()
    with store.unit_of_work() as uow:
        audit.record(
            uow.session,
            store,
            actor.name,
            "export",
            "footage_case",
            case.id,
            after={
                "case_no": case.case_no,
                "files": [e["sha256"] for e in entries],
                "manifest_sha256": manifest_sha,
            },
            summary=case.case_no,
        )
        uow.commit()
    return ExportResult(case.case_no, str(folder), len(entries), str(manifest_path), manifest_sha)


def viewing_copy(
    store: Store, actor: Actor, evidence: EvidenceStore, sha256: str, folder: Path | str
) -> Path:
    """A read-only copy of a stored file for the system player (the original is never opened
    for writing); the view is audited."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        f = session.execute(select(FootageFile).where(FootageFile.sha256 == sha256)).scalar_one()
        if actor.scope_agency_id is not None and f.agency_id not in (None, actor.scope_agency_id):
            require_agency(actor, f.agency_id)
        file_id, ext = f.id, f.ext
    target = Path(folder) / f"{sha256[:16]}.{ext}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(evidence.path(sha256), target)
        os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    with store.unit_of_work() as uow:
        audit.record(uow.session, store, actor.name, "view", "footage_file", file_id, summary=sha256)
        uow.commit()
    return target
