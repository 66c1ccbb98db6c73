"""The footage import (``footage import SOURCE``): one pass over each file of a station — read,
SHA-256 and write together into the evidence store, flushed and renamed into place only when
complete, checked against the station's or the sidecar's hash, recorded in the store with its
journal entry and audit record in one transaction, and only then acknowledged.

Every step can be interrupted (a crash, a kill, a pulled cable): the journal says which source
files are stored, a file renamed into place but not yet recorded is recorded by the next run,
a half-received HTTP file resumes by ``Range``, and nothing is recorded twice (the SHA-256 and
the journal's source key are unique). The source is never modified or deleted.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import Cancelled, RowError, UserFacingError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require
from desktop.devices import counts
from desktop.devices.evidence import EvidenceStore, Staging
from desktop.devices.http_station import StationError
from desktop.devices.retention import load_settings
from desktop.devices.stations import Station, StationFile, Unmatched
from desktop.models import FootageFile, FootageJournal, FootageNumber, FootageStation
from desktop.models.db import Store

Checkpoint = Callable[[str], None]
"""Called at each step of a file (``read``, ``written``, ``renamed``, ``committed``, ``acked``):
the tests interrupt an import there."""

RETRIES = 4
BACKOFF_S = 0.5


class StationRefused(UserFacingError):
    """The station refused the token (401): ask again, never retry blindly."""

    code = "station_auth"


@dataclass(frozen=True)
class FootageImportResult:
    """What one import did (CLI.md's import shape, plus the numbers nobody has mapped yet)."""

    imported: int
    skipped: int
    errors: tuple[RowError, ...]
    bytes: int
    unknown_officers: tuple[str, ...] = ()
    unknown_devices: tuple[str, ...] = ()
    acked: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``footage import --json``."""
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "errors": [e.as_dict() for e in self.errors],
            "unknown_officers": list(self.unknown_officers),
            "unknown_devices": list(self.unknown_devices),
        }


@dataclass
class _Run:
    store: Store
    actor: Actor
    station: Station
    evidence: EvidenceStore
    station_name: str
    progress: Callable[..., None] | None
    cancelled: Callable[[], bool] | None
    checkpoint: Checkpoint
    backoff_s: float
    imported: int = 0
    skipped: int = 0
    acked: int = 0
    done_bytes: int = 0
    total_bytes: int = 0
    files_done: int = 0
    files_total: int = 0
    started: float = field(default_factory=time.monotonic)
    errors: list[RowError] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Guards the counters when files are transferred in parallel."""
    writing: threading.Lock = field(default_factory=threading.Lock)
    """One record (and one acknowledgement) written at a time."""
    stopped: bool = False
    """A parallel transfer failed: the others stop at their next chunk."""
    slots: threading.Semaphore | None = None
    """Shared by the stations of one ``import_all``: at most so many transfers at once in all."""

    def error(self, name: str, template: str, **params: Any) -> None:
        message = translate("footage", template).format(**params)
        self.errors.append(RowError(name, "", 0, "", message))

    def advance(self, n: int) -> None:
        with self.lock:
            self.done_bytes += n

    def report(self) -> None:
        if self.stopped or (self.cancelled is not None and self.cancelled()):
            raise Cancelled()
        if self.progress is None:
            return
        self.progress(self.done_bytes, self.total_bytes or None, progress_text(self))


def progress_text(run: _Run) -> str:
    """``File 3 of 10 · 12.5 MB/s · 0:42 left``."""
    elapsed = max(time.monotonic() - run.started, 1e-6)
    rate = run.done_bytes / elapsed
    left = (run.total_bytes - run.done_bytes) / rate if rate > 0 and run.total_bytes else None
    text = translate("footage", QT_TRANSLATE_NOOP("footage", "File {n} of {total} · {rate} MB/s")).format(
        n=min(run.files_done + 1, run.files_total), total=run.files_total, rate=f"{rate / 1e6:.1f}"
    )
    if left is not None:
        minutes, seconds = divmod(int(left), 60)
        text += translate("footage", QT_TRANSLATE_NOOP("footage", " · {left} left")).format(
            left=f"{minutes}:{seconds:02d}"
        )
    return text


MSG_MISMATCH = QT_TRANSLATE_NOOP(
    "footage", "Hash mismatch: the station says {expected}, the bytes hash to {actual}; not stored."
)
MSG_SIZE = QT_TRANSLATE_NOOP(
    "footage", "Size mismatch: the station says {expected} bytes, received {actual}."
)
MSG_LOST = QT_TRANSLATE_NOOP(
    "footage", "The station lost this file (404); recorded as missing, not imported."
)
MSG_FAILED = QT_TRANSLATE_NOOP("footage", "Transfer failed after {tries} tries: {reason}")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("footage", "The file could not be read: {reason}")


def import_footage(
    store: Store,
    actor: Actor,
    station: Station,
    evidence: EvidenceStore,
    *,
    station_name: str | None = None,
    progress: Callable[..., None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    checkpoint: Checkpoint | None = None,
    backoff_s: float = BACKOFF_S,
    parallel: int | None = None,
    slots: threading.Semaphore | None = None,
) -> FootageImportResult:
    """Import every file ``station`` offers into ``evidence`` and the store (resumable).
    ``parallel``: how many files of an HTTP station are transferred at once (None: the
    store's setting ``parallel_transfers``); the records are written one at a time. ``slots``: a
    semaphore the imports of several stations share, held by each file while it is transferred."""
    require(actor, Permission.EDIT_CASES)
    evidence.ensure()
    run = _Run(
        store,
        actor,
        station,
        evidence,
        station_name or station.source,
        progress,
        cancelled,
        checkpoint or (lambda _moment: None),
        backoff_s,
    )
    run.slots = slots
    try:
        offered = list(station.files())
    except StationError as exc:
        if exc.kind == "auth":
            raise StationRefused(
                QT_TRANSLATE_NOOP("errors", "The station {station} refused the token: {reason}"),
                station=station.source,
                reason=str(exc),
            ) from None
        raise StationRefused(
            QT_TRANSLATE_NOOP("errors", "The station {station} could not be read: {reason}"),
            station=station.source,
            reason=str(exc),
        ) from None
    items = [f for f in offered if isinstance(f, StationFile)]
    for f in offered:
        if isinstance(f, Unmatched):
            run.error(f.name, f.template, **dict(f.params))
    with store.reading() as session:
        journal = _journal(session, station.source)
        limit = load_settings(session).parallel_transfers if parallel is None else parallel
    run.files_total = len(items)
    run.total_bytes = sum(f.size or 0 for f in items if f.key not in journal)
    todo = []
    for item in items:
        run.report()
        state = journal.get(item.key)
        if state is None:
            todo.append(item)
            continue
        run.skipped += 1
        if state == "stored":
            _ack(run, item)
        run.files_done += 1
    if limit > 1 and station.resumable and len(todo) > 1:
        _transfer_in_parallel(run, todo, limit)
    else:
        for item in todo:
            run.report()
            _import_one(run, item)
            run.files_done += 1
    run.report()
    result = _result(run)
    _note_station(store, actor, run, result)
    return result


def _transfer_in_parallel(run: _Run, todo: list[StationFile], limit: int) -> None:
    """At most ``limit`` files in transfer at once; the first failure (a refusal, Cancel) stops
    the others between chunks and is raised once they have stopped."""
    failed: list[BaseException] = []

    def one(item: StationFile) -> None:
        if failed:
            return
        try:
            _import_one(run, item)
        except BaseException as exc:
            failed.append(exc)
            run.stopped = True
            raise
        with run.lock:
            run.files_done += 1

    with ThreadPoolExecutor(max_workers=limit, thread_name_prefix="footage-transfer") as pool:
        futures = [pool.submit(one, item) for item in todo]
        wait(futures)
    if failed:
        raise failed[0]


def _journal(session: Session, source: str) -> dict[str, str]:
    rows = session.execute(
        select(FootageJournal.source_key, FootageJournal.state).where(FootageJournal.source == source)
    )
    return {k: s for k, s in rows}


def _import_one(run: _Run, item: StationFile) -> None:
    with run.slots or nullcontext():
        staging = _receive(run, item)
        if staging is None:
            return
        sha = staging.finish()
    run.checkpoint("written")
    if item.size is not None and staging.size != item.size:
        staging.discard()
        run.error(item.name, MSG_SIZE, expected=item.size, actual=staging.size)
        return
    if item.sha256 is not None and item.sha256 != sha:
        staging.discard()
        run.error(item.name, MSG_MISMATCH, expected=item.sha256, actual=sha)
        return
    with run.writing:
        run.evidence.place(staging, sha)
        run.checkpoint("renamed")
        new = _record(run, item, sha, staging.size)
    with run.lock:
        if new:
            run.imported += 1
        else:
            run.skipped += 1
    run.checkpoint("committed")
    with run.writing:
        _ack(run, item)


def _receive(run: _Run, item: StationFile) -> Staging | None:
    """The file's bytes in a staging file (resumed where a resumable station allows), or None
    when the transfer failed (reported)."""
    staging = run.evidence.staging(f"{run.station.source}|{item.key}", resume=run.station.resumable)
    run.advance(staging.size)
    if item.size is not None and staging.size >= item.size:
        return staging  # received in full before an interruption
    tries = 0
    while True:
        try:
            for chunk in run.station.read(item, staging.size):
                staging.write(chunk)
                run.advance(len(chunk))
                run.checkpoint("read")
                run.report()
            return staging
        except StationError as exc:
            if exc.kind == "missing":
                staging.discard()
                run.error(item.name, MSG_LOST)
                return None
            if exc.kind == "auth":
                staging.close()
                raise StationRefused(
                    QT_TRANSLATE_NOOP("errors", "The station {station} refused the token: {reason}"),
                    station=run.station.source,
                    reason=str(exc),
                ) from None
            tries += 1
            if tries >= RETRIES or not run.station.resumable:
                staging.close()
                run.error(item.name, MSG_FAILED, tries=tries, reason=str(exc))
                return None
            time.sleep(run.backoff_s * 2 ** (tries - 1))
        except OSError as exc:
            staging.discard()
            run.error(item.name, MSG_UNREADABLE, reason=str(exc))
            return None
        except BaseException:
            staging.close()
            raise


def _record(run: _Run, item: StationFile, sha: str, size: int) -> bool:
    """Record the file (unless its bytes are recorded already) and the journal entry, with the
    audit record, in one transaction; True when the file is new."""
    store, actor = run.store, run.actor
    now = utc_iso(store.clock.now())
    with store.unit_of_work() as uow:
        s = uow.session
        audit.lock(s)
        known = s.execute(select(FootageFile).where(FootageFile.sha256 == sha)).scalar_one_or_none()
        revived = known is not None and known.deleted_at is not None
        if known is not None and revived:  # delivered again after its deletion
            _revive(s, run, known, item, now)
        if known is None:
            officer_id, agency_id = _mapped(s, "officer", item.officer)
            device_agency = _mapped(s, "device", item.device)[1]
            station_agency = s.execute(
                select(FootageStation.agency_id).where(FootageStation.name == run.station_name)
            ).scalar()
            row = FootageFile(
                sha256=sha,
                size=size,
                kind=item.kind,
                ext=item.ext,
                officer_no=item.officer,
                device_no=item.device,
                start_at=item.start,
                seq=item.seq,
                duration_s=item.duration_s,
                important=item.important,
                verified=item.sha256 is not None,
                source_name=item.name.rsplit("/", 1)[-1],
                station=run.station_name,
                imported_at=now,
                imported_by=actor.name,
                officer_id=officer_id,
                agency_id=agency_id or device_agency or station_agency,
                gps=item.gps,
                updated_at=now,
                updated_by=actor.name,
            )
            s.add(row)
            s.flush()
            counts.move(s, [(counts.GONE, row.agency_id)])
            audit.record(
                s,
                store,
                actor.name,
                "import",
                "footage_file",
                row.id,
                after={"sha256": sha, "size": size, "source": item.name, "station": run.station_name},
                summary=item.name,
            )
        s.add(
            FootageJournal(source=run.station.source, source_key=item.key, sha256=sha, state="stored", at=now)
        )
        uow.commit()
    return known is None or revived


def _revive(session: Session, run: _Run, row: FootageFile, item: StationFile, now: str) -> None:
    """A deleted file's bytes were delivered again: the tombstone is a stored file once more."""
    before = {"deleted_at": row.deleted_at, "deletion_id": row.deletion_id}
    row.deleted_at, row.deleted_by, row.deletion_id = None, None, None
    counts.move(session, [(counts.GONE, row.agency_id)])
    row.updated_at, row.updated_by = now, run.actor.name
    audit.record(
        session,
        run.store,
        run.actor.name,
        "import",
        "footage_file",
        row.id,
        before=before,
        after={"deleted_at": None, "source": item.name, "station": run.station_name},
        summary=item.name,
    )


def _mapped(session: Session, kind: str, number: str) -> tuple[int | None, int | None]:
    row = session.execute(
        select(FootageNumber.officer_id, FootageNumber.agency_id).where(
            FootageNumber.kind == kind, FootageNumber.number == number
        )
    ).first()
    return (row[0], row[1]) if row else (None, None)


def _ack(run: _Run, item: StationFile) -> None:
    """Tell the station the file is stored and verified, then note it in the journal."""
    if not run.station.resumable:
        return
    try:
        run.station.ack(item)
    except StationError as exc:
        run.error(item.name, MSG_FAILED, tries=1, reason=str(exc))
        return
    run.acked += 1
    run.checkpoint("acked")
    with run.store.unit_of_work() as uow:
        entry = uow.session.execute(
            select(FootageJournal).where(
                FootageJournal.source == run.station.source, FootageJournal.source_key == item.key
            )
        ).scalar_one()
        entry.state = "acked"
        uow.commit()


def _result(run: _Run) -> FootageImportResult:
    with run.store.reading() as session:
        mapped = {(k, n) for k, n in session.execute(select(FootageNumber.kind, FootageNumber.number))}
        numbers = session.execute(
            select(FootageFile.officer_no, FootageFile.device_no).where(
                FootageFile.station == run.station_name
            )
        ).all()
    officers = sorted({o for o, _ in numbers if ("officer", o) not in mapped})
    devices = sorted({d for _, d in numbers if ("device", d) not in mapped})
    return FootageImportResult(
        run.imported,
        run.skipped,
        tuple(run.errors),
        run.done_bytes,
        tuple(officers),
        tuple(devices),
        run.acked,
    )


def _note_station(store: Store, actor: Actor, run: _Run, result: FootageImportResult) -> None:
    """Keep the station's last import and its result (when the station is a known one)."""
    with store.unit_of_work() as uow:
        station = uow.session.execute(
            select(FootageStation).where(FootageStation.name == run.station_name)
        ).scalar_one_or_none()
        if station is None:
            return
        now = utc_iso(store.clock.now())
        station.last_import_at = now
        station.last_result = json.dumps(result.as_dict(), ensure_ascii=False)
        station.updated_at, station.updated_by = now, actor.name
        audit.record(
            uow.session,
            store,
            actor.name,
            "import",
            "footage_station",
            station.id,
            after={"imported": result.imported, "skipped": result.skipped, "errors": len(result.errors)},
            summary=station.name,
        )
        uow.commit()
