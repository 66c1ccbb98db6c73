"""Footage for the tests: recorder files in an export folder (FORMATS.md §5) and a fake docking
station serving FORMATS.md §6 on 127.0.0.1 that drops connections, answers 500, loses files and
counts acknowledgements."""

from __future__ import annotations

import hashlib
import json
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def clip_bytes(seed: int, size: int = 5000) -> bytes:
    """A few KB of seeded bytes standing in for a clip."""
    return random.Random(seed).randbytes(size)


def recording_name(
    officer: str, device: str, start: datetime, seq: int = 1, important: bool = False, ext: str = "MP4"
) -> str:
    """``<警号>_<设备编号>_<YYYYMMDDHHMMSS>_<序号>[_IMP].<ext>``."""
    return f"{officer}_{device}_{start:%Y%m%d%H%M%S}_{seq:04d}{'_IMP' if important else ''}.{ext}"


def write_recording(root: Path, name: str, data: bytes, *, sidecar: dict | None = None) -> Path:
    """A file in ``<root>/<设备编号>/<YYYYMMDD>/<name>`` (with its sidecar)."""
    device, stamp = name.split("_")[1], name.split("_")[2][:8]
    folder = root / device / stamp
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    if sidecar is not None:
        (folder / (name + ".json")).write_text(json.dumps(sidecar), encoding="utf-8")
    return path


def folder_station(
    root: Path, count: int = 4, *, officer: str = "100001", device: str = "DSJ01"
) -> list[Path]:
    """``count`` recordings of one officer and device, each with a sidecar carrying its hash."""
    paths = []
    for i in range(count):
        data = clip_bytes(i, 4000 + 500 * i)
        name = recording_name(officer, device, datetime(2026, 11, 3, 9, 15 + i, 2), i + 1, important=i == 0)
        sidecar = {"duration_s": 30 + i, "sha256": hashlib.sha256(data).hexdigest()}
        paths.append(write_recording(root, name, data, sidecar=sidecar))
    return paths


def tree_snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes (to show the source unchanged)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@dataclass
class StationFileSpec:
    """One file the fake station offers."""

    id: str
    data: bytes
    officer: str = "100001"
    device: str = "DSJ09"
    start: str = "2026-11-03T09:15:02+08:00"
    important: bool = False
    sha256: str | None = None
    name: str = ""

    def entry(self) -> dict:
        return {
            "id": self.id,
            "device": self.device,
            "officer": self.officer,
            "start": self.start,
            "duration_s": 12,
            "size": len(self.data),
            "sha256": self.sha256 or hashlib.sha256(self.data).hexdigest(),
            "important": self.important,
            "name": self.name or f"{self.id}.mp4",
        }


@dataclass
class FakeStation:
    """The station's state: its files and how it misbehaves."""

    token: str = "station-token-1"
    files: list[StationFileSpec] = field(default_factory=list)
    page_size: int = 2
    drop_after: dict[str, int] = field(default_factory=dict)
    """File id → send this many bytes then close the connection (once)."""
    fail_500: dict[str, int] = field(default_factory=dict)
    """File id → answer 500 this many times first."""
    lost: set[str] = field(default_factory=set)
    acks: dict[str, int] = field(default_factory=dict)
    ranges: list[tuple[str, int]] = field(default_factory=list)
    ignore_range: bool = False
    """Answer every request with the whole file (200), as some stations do."""
    base: str = ""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        station = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _auth(self) -> bool:
                if self.headers.get("Authorization") != f"Bearer {station.token}":
                    self._send(401, b"")
                    return False
                return True

            def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(code)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                if not self._auth():
                    return
                path, _, query = self.path.partition("?")
                if path == "/api/v1/files":
                    params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
                    start = int(params.get("cursor", "0"))
                    chunk = station.files[start : start + station.page_size]
                    nxt = start + station.page_size
                    body = {
                        "files": [f.entry() for f in chunk],
                        "next": str(nxt) if nxt < len(station.files) else None,
                    }
                    self._send(200, json.dumps(body).encode(), {"Content-Type": "application/json"})
                    return
                parts = path.strip("/").split("/")
                if len(parts) == 5 and parts[4] == "content":
                    self._content(parts[3])
                    return
                self._send(404, b"")

            def _content(self, file_id: str) -> None:
                spec = next((f for f in station.files if f.id == file_id), None)
                if spec is None or file_id in station.lost:
                    self._send(404, b"")
                    return
                if station.fail_500.get(file_id, 0) > 0:
                    station.fail_500[file_id] -= 1
                    self._send(500, b"busy")
                    return
                offset = 0
                rng = None if station.ignore_range else self.headers.get("Range")
                if rng:
                    offset = int(rng.split("=")[1].split("-")[0])
                station.ranges.append((file_id, offset))
                body = spec.data[offset:]
                self.send_response(206 if rng else 200)
                self.send_header("Content-Length", str(len(body)))
                if rng:
                    self.send_header("Content-Range", f"bytes {offset}-{len(spec.data) - 1}/{len(spec.data)}")
                self.end_headers()
                cut = station.drop_after.pop(file_id, None)
                if cut is not None:
                    self.wfile.write(body[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

            def do_POST(self) -> None:  # noqa: N802
                if not self._auth():
                    return
                parts = self.path.strip("/").split("/")
                if len(parts) == 5 and parts[4] == "ack":
                    station.acks[parts[3]] = station.acks.get(parts[3], 0) + 1
                    self._send(204, b"")
                    return
                self._send(404, b"")

        return Handler


@contextmanager
def serving(station: FakeStation) -> Iterator[FakeStation]:
    """Serve ``station`` on 127.0.0.1 in a thread while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), station.handler())
    server.daemon_threads = True
    # shutdown() waits until the loop looks again: every 20 ms, not the default half second
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    station.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield station
    finally:
        server.shutdown()
        server.server_close()


def footage_county(store, admin):  # type: ignore[no-untyped-def]
    """An agency, two certified officers (警号 100001 and 100002 mapped to them) and cases:
    ``SJ-1`` a closed 普通程序 行政处罚 with an on-site investigation, ``SJ-2`` a 行政检查."""
    from datetime import date

    from desktop.cases.dto import CaseInput
    from desktop.cases.entry import create_case
    from desktop.core.identifiers import make_resident_id
    from desktop.devices.library import map_number
    from desktop.personnel.dto import AgencyInput, OfficerInput
    from desktop.personnel.service import create_agency, create_officer

    agency = create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    cert = {"cert_issued_on": date(2020, 1, 1), "cert_expires_on": date(2030, 1, 1)}
    officers = [
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                make_resident_id("341122", date(1980, 1, 1), i),
                "县市场监管局",
                cert_number=number,
                **cert,
            ),
        )
        for i, (name, number) in enumerate([("张三", "A-001"), ("李四", "A-002")])
    ]
    for number, officer in zip(("100001", "100002"), officers, strict=True):
        map_number(store, admin, "officer", number, officer_id=officer.id)
    create_case(
        store,
        admin,
        CaseInput(
            case_no="SJ-1",
            agency="县市场监管局",
            category="行政处罚",
            procedure="普通程序",
            cause="销售过期食品",
            source="监督检查",
            discovered_on=date(2026, 10, 19),
            party="某某超市",
            filed_on=date(2026, 10, 20),
            investigated_on=date(2026, 11, 3),
            decided_on=date(2026, 11, 10),
            served_on=date(2026, 11, 11),
            published_on=date(2026, 11, 12),
            closed_on=date(2026, 11, 14),
            penalty_kinds=("罚款",),
            amount=None,
            officers=("A-001", "A-002"),
        ),
    )
    create_case(
        store,
        admin,
        CaseInput(
            case_no="SJ-2",
            agency="县市场监管局",
            category="行政检查",
            cause="日常检查",
            party="某某商店",
            filed_on=date(2026, 11, 1),
            officers=("A-001", "A-002"),
        ),
    )
    return agency
