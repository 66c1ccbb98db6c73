"""(f) Body-camera footage: the import (read, hash, write, flush, rename, record) against a baseline
that copies and hashes the same files in one pass with the same flush to disk; ``footage verify``
against hashlib reading the same stored files; the library's first screen (count + first 100
rows, newest first) over a table of many file rows. Targets: import ≥ 80 % of the baseline's
throughput (time ≤ 1.25 × the baseline's), verify ≥ 90 % (≤ 1.11 ×), first screen ≤ 100 ms.

    python -m bench --only footage --footage-mb 2048 --footage-rows 1000000
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bench.data import new_store, postgresql_url, sqlite_store
from bench.timing import Result, cold_and_median, timed
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.devices.counts import recount
from desktop.devices.custody import verify_footage
from desktop.devices.evidence import CHUNK, EvidenceStore
from desktop.devices.importer import import_footage
from desktop.devices.library import list_footage
from desktop.devices.names import compile_pattern
from desktop.devices.stations import FolderStation
from desktop.models import FootageFile
from desktop.models.base import table_of
from desktop.models.db import Store

FILE_MB = 32


def make_station(root: Path, megabytes: int) -> list[Path]:
    """Files of 32 MB (random bytes) named as FORMATS.md §5 says, ``megabytes`` in all."""
    rng = random.Random(20261207)
    paths = []
    for i in range(max(1, megabytes // FILE_MB)):
        start = datetime(2026, 11, 3, 8, 0, 0) + timedelta(minutes=i)
        folder = root / "DSJ01" / f"{start:%Y%m%d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"100001_DSJ01_{start:%Y%m%d%H%M%S}_{i + 1:04d}.MP4"
        with open(path, "wb") as f:
            for _ in range(FILE_MB):
                f.write(rng.randbytes(1024 * 1024))
        paths.append(path)
    return paths


def baseline_copy(paths: list[Path], out: Path) -> None:
    """Read each file once, hash it and write a copy, flushed to disk."""
    out.mkdir(parents=True, exist_ok=True)
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    for i, path in enumerate(paths):
        digest = hashlib.sha256()
        with open(path, "rb", buffering=0) as src, open(out / f"{i}.bin", "wb") as dst:
            while n := src.readinto(buffer):
                digest.update(view[:n])
                dst.write(view[:n])
            dst.flush()
            os.fsync(dst.fileno())
        digest.hexdigest()


def baseline_hash(paths: list[Path]) -> None:
    """hashlib over the same files."""
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    for path in paths:
        digest = hashlib.sha256()
        with open(path, "rb", buffering=0) as f:
            while n := f.readinto(buffer):
                digest.update(view[:n])


def fill_rows(store: Store, count: int) -> None:
    """``count`` footage rows (no bytes behind them) for the first-screen timing, inserted around
    the import (so their per-agency counts are taken afterwards, as ``footage verify`` does)."""
    table = table_of(FootageFile)
    start = datetime(2024, 1, 1)
    batch = []
    with store.engine.begin() as conn:
        for i in range(count):
            batch.append(
                {
                    "sha256": f"{i:064x}",
                    "size": 1_000_000 + i,
                    "kind": "video",
                    "ext": "mp4",
                    "officer_no": f"{100000 + i % 500}",
                    "device_no": f"DSJ{i % 500:04d}",
                    "start_at": start + timedelta(minutes=i),
                    "important": i % 17 == 0,
                    "verified": True,
                    "source_name": f"{i}.mp4",
                    "station": "bench",
                    "imported_at": "2026-12-07T00:00:00.000000Z",
                    "imported_by": "bench",
                    "version": 1,
                    "updated_at": "",
                    "updated_by": "",
                }
            )
            if len(batch) == 20_000:
                conn.execute(insert(table), batch)
                batch = []
        if batch:
            conn.execute(insert(table), batch)
    with store.unit_of_work() as uow:  # the per-agency counts the import keeps, as footage verify takes them
        recount(uow.session)
        uow.commit()
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE footage_files")  # planner statistics, as autovacuum keeps them


def measure(
    store: Store, actor: Actor, label: str, folder: Path, paths: list[Path], rows: int, repeat: int
) -> list[Result]:
    """The import, verify and first-screen figures on one store."""
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    out: list[Result] = []
    base, _ = timed(lambda: baseline_copy(paths, folder / f"copy-{label}"))
    shutil.rmtree(folder / f"copy-{label}")
    evidence = EvidenceStore(folder / f"evidence-{label}")
    took, result = timed(
        lambda: import_footage(
            store, actor, FolderStation(paths[0].parents[2], compile_pattern(None)), evidence
        )
    )
    assert result.imported == len(paths), result
    out.append(
        Result(
            f"footage import {megabytes:,.0f} MB ({label})",
            took,
            base / 0.8,
            base,
            "copy + SHA-256 + fsync of the same files",
            f"{megabytes / took:,.0f} MB/s vs {megabytes / base:,.0f} MB/s",
        )
    )
    stored = [evidence.path(s) for s in evidence.stored()]
    hashed, checked = float("inf"), float("inf")
    for _ in range(2):  # alternated, the better of two each: the page cache favours neither
        hashed = min(hashed, timed(lambda: baseline_hash(stored))[0])
        took_verify, report = timed(lambda: verify_footage(store, actor, evidence))
        checked = min(checked, took_verify)
        assert report.clean
    out.append(
        Result(
            f"footage verify {megabytes:,.0f} MB ({label})",
            checked,
            hashed / 0.9,
            hashed,
            "hashlib over the same files",
        )
    )
    shutil.rmtree(folder / f"evidence-{label}")
    if rows:
        fill, _ = timed(lambda: fill_rows(store, rows))
        print(f"  {label}: {rows:,} footage rows inserted in {fill:.1f} s")
        cold, warm = cold_and_median(lambda: list_footage(store, actor, ListQuery(limit=100)), repeat)
        out.append(
            Result(
                f"library first screen, {rows:,} rows ({label})",
                warm,
                0.1,
                None,
                "",
                f"cold {cold * 1000:.0f} ms",
            )
        )
    return out


def run_sqlite(folder: Path, megabytes: int, rows: int, repeat: int) -> list[Result]:
    """(f) on a SQLite file."""
    paths = make_station(folder / "station", megabytes)
    store, actor = sqlite_store(folder, "footage")
    try:
        return measure(store, actor, "SQLite", folder, paths, rows, repeat)
    finally:
        store.dispose()


def run_postgresql(url: str, folder: Path, megabytes: int, rows: int, repeat: int) -> list[Result]:
    """(f) on a temporary schema of the PostgreSQL server at ``url``."""
    station = folder / "station"
    paths = sorted(station.rglob("*.MP4")) or make_station(station, megabytes)
    with postgresql_url(url) as schema_url:
        store, actor = new_store(schema_url)
        try:
            return measure(store, actor, "PostgreSQL", folder, paths, rows, repeat)
        finally:
            store.dispose()
