"""The demo county's body-camera footage: two docking stations' export folders of short generated
recordings (real WAV audio, a second each, FORMATS.md §5 names and sidecars), imported through
the footage import, the officers' 警号 mapped, and most clips linked to the case they belong to
(a closed 普通程序 case found on inspection without footage keeps its ``footage_missing``
warning). Deterministic (``DEMO_SEED``) and idempotent: a second run imports and links nothing."""

from __future__ import annotations

import hashlib
import io
import json
import math
import random
import wave
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

import numpy
from sqlalchemy import select

from desktop.cases import terms
from desktop.core.security import Actor
from desktop.demo.seed import DEMO_SEED
from desktop.devices.dto import StationInput
from desktop.devices.evidence import EvidenceStore
from desktop.devices.importer import import_footage
from desktop.devices.library import link_many, list_footage, map_number, unknown_numbers
from desktop.devices.station_service import find_station, open_station, save_station
from desktop.models import Case, CaseOfficer, Officer
from desktop.models.db import Store

STATIONS = ("一号采集站", "二号采集站")
LINKED_SHARE = 0.88
"""Of the closed 普通程序 cases found on inspection, the share that has its footage."""
OTHER_CLIPS = 60
"""Clips of other cases (行政检查) and some no case claims yet (the queue a clerk works through)."""
UNMAPPED_OFFICERS = 2
"""Officers whose 警号 the demo leaves for a clerk to map."""
RATE = 8000


def police_number(officer_id: int) -> str:
    """The demo officer's 警号."""
    return f"{310000 + officer_id}"


def wav_clip(rng: random.Random, seconds: float = 1.0) -> bytes:
    """A short real WAV recording: a tone with a little noise (8 kHz, 8-bit mono)."""
    freq = rng.uniform(220, 880)
    count = int(RATE * seconds)
    noise = numpy.frombuffer(rng.randbytes(count), dtype=numpy.uint8) % 41 - 20.0  # -20 … 20
    tone = 60 * numpy.sin(2 * math.pi * freq * numpy.arange(count) / RATE)
    frames = numpy.clip(128 + tone + noise, 0, 255).astype(numpy.uint8).tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(RATE)
        w.writeframes(frames)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Clip:
    officer_id: int
    start: datetime
    case_id: int | None
    station: int


def _plan(store: Store, rng: random.Random) -> list[_Clip]:
    with store.reading() as s:
        first_officer = {
            case_id: officer_id
            for case_id, officer_id in s.execute(
                select(CaseOfficer.case_id, CaseOfficer.officer_id).where(CaseOfficer.position == 0)
            )
        }
        rows = s.execute(
            select(
                Case.id,
                Case.category,
                Case.procedure,
                Case.source,
                Case.discovered_on,
                Case.filed_on,
                Case.closed_on,
            ).order_by(Case.id)
        ).all()
    clips: list[_Clip] = []
    others = []
    for case_id, category, procedure, source, discovered, filed, closed in rows:
        officer = first_officer.get(case_id)
        if officer is None:
            continue
        on_site = discovered or filed
        start = datetime.combine(on_site, time(8, 30)) + timedelta(minutes=rng.randint(0, 480))
        station = officer % 2
        if (
            category == terms.PENALTY
            and procedure == terms.ORDINARY
            and source == terms.SOURCES[0]
            and closed
        ):
            if rng.random() < LINKED_SHARE:
                clips.append(_Clip(officer, start, case_id, station))
        elif category == terms.INSPECTION:
            others.append(_Clip(officer, start, case_id, station))
    picked = rng.sample(others, min(OTHER_CLIPS, len(others)))
    clips += [c if i % 3 else _Clip(c.officer_id, c.start, None, c.station) for i, c in enumerate(picked)]
    return clips


def _write_stations(root: Path, clips: list[_Clip], rng: random.Random) -> dict[str, int | None]:
    """The stations' export folders; what each file name belongs to (its case)."""
    links: dict[str, int | None] = {}
    seq: dict[int, int] = {}
    for clip in clips:
        number = police_number(clip.officer_id)
        device = f"DSJ{clip.officer_id:04d}"
        seq[clip.officer_id] = seq.get(clip.officer_id, 0) + 1
        important = rng.random() < 0.1
        name = f"{number}_{device}_{clip.start:%Y%m%d%H%M%S}_{seq[clip.officer_id]:04d}{'_IMP' if important else ''}.WAV"
        folder = root / STATIONS[clip.station] / device / f"{clip.start:%Y%m%d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = wav_clip(rng)
        path = folder / name
        if not path.exists():
            path.write_bytes(data)
            sidecar = {"duration_s": 1, "sha256": hashlib.sha256(data).hexdigest()}
            (folder / f"{name}.json").write_text(json.dumps(sidecar), encoding="utf-8")
        links[name] = clip.case_id
    return links


def add_demo_footage(store: Store, actor: Actor, stations_dir: Path, evidence: EvidenceStore) -> int:
    """Generate, import, map and link the demo footage; how many files were imported."""
    rng = random.Random(f"{DEMO_SEED}-footage")
    clips = _plan(store, rng)
    links = _write_stations(stations_dir, clips, rng)
    imported = 0
    for name in STATIONS:
        folder = stations_dir / name
        if find_station(store, actor, name) is None:
            save_station(store, actor, StationInput(name, str(folder)))
        imported += import_footage(
            store, actor, open_station(str(folder)), evidence, station_name=name
        ).imported
    with store.reading() as s:
        officers = {i for (i,) in s.execute(select(Officer.id))}
    unknown = sorted({u.number for u in unknown_numbers(store, actor) if u.kind == "officer"})
    for number in unknown[UNMAPPED_OFFICERS:]:
        officer_id = int(number) - 310000
        if officer_id in officers:
            map_number(store, actor, "officer", number, officer_id=officer_id)
    by_name = _files_by_name(store, actor)
    link_many(
        store, actor, [(by_name[n], case_id) for n, case_id in links.items() if case_id and n in by_name]
    )
    return imported


def _files_by_name(store: Store, actor: Actor) -> dict[str, str]:
    return {f.source_name: f.sha256 for f in list_footage(store, actor).items}
