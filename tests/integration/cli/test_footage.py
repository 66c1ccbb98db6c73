"""``footage import|list|verify|link|export`` as CLI.md writes them: JSON keys, exit codes, the
evidence folder from ``--evidence-dir`` or env DESK_EVIDENCE_DIR, an HTTP station's token from
the keyring or env DESK_STATION_TOKEN."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from desktop import APP_ID
from desktop.accounts.service import authenticate
from desktop.devices.http_station import keyring_account
from desktop.devices.station_service import list_stations
from desktop.models.db import open_store
from tests.helpers.cli import Desk
from tests.helpers.footage import (
    FakeStation,
    StationFileSpec,
    clip_bytes,
    folder_station,
    footage_county,
    recording_name,
    serving,
    tree_snapshot,
    write_recording,
)

LIST_KEYS = {"sha256", "officer", "device", "start", "size", "important", "source_name", "case_no"}


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    store = open_store(store_url)
    try:
        footage_county(store, authenticate(store, "admin", "Chief-2026"))
    finally:
        store.dispose()
    return d


def test_import_list_link_verify_export(desk: Desk, tmp_path: Path) -> None:
    src, ev = tmp_path / "station", tmp_path / "evidence"
    folder_station(src, 3)
    before = tree_snapshot(src)
    doc = desk.json("--evidence-dir", str(ev), "footage", "import", str(src), "--station", "一号采集站")
    assert (doc["imported"], doc["skipped"], doc["errors"]) == (3, 0, [])
    again = desk.json("--evidence-dir", str(ev), "footage", "import", str(src), "--station", "一号采集站")
    assert (again["imported"], again["skipped"]) == (0, 3)
    store = open_store(desk.url)
    try:
        stations = list_stations(store, authenticate(store, "admin", "Chief-2026"))
    finally:
        store.dispose()
    assert [(s.name, s.last_imported, s.last_skipped) for s in stations] == [("一号采集站", 0, 3)]
    assert tree_snapshot(src) == before

    listed = desk.json("footage", "list")
    assert listed["total"] == 3 and all(LIST_KEYS <= set(i) for i in listed["items"])
    first = listed["items"][0]
    assert first["officer"] == "100001" and first["device"] == "DSJ01" and first["case_no"] is None
    assert desk.json("footage", "list", "--unlinked")["total"] == 3

    linked = desk.json("footage", "link", first["sha256"], "SJ-1")
    assert linked["case_no"] == "SJ-1"
    by_case = desk.json("footage", "list", "--case", "SJ-1")
    assert [i["sha256"] for i in by_case["items"]] == [first["sha256"]]
    assert desk.json("footage", "list", "--unlinked")["total"] == 2

    verified = desk.json("--evidence-dir", str(ev), "footage", "verify")
    assert verified == {"ok": True, "checked": 3, "missing": [], "altered": [], "unrecorded": []}

    out = tmp_path / "court"
    exported = desk.json("--evidence-dir", str(ev), "footage", "export", "--case", "SJ-1", "--out", str(out))
    assert exported["files"] == 1 and len(exported["manifest_sha256"]) == 64
    assert {p.name for p in out.iterdir()} >= {"manifest.json", "SHA256SUMS", "audit.json"}

    stored = next((ev / "objects").rglob(first["sha256"]))
    os.chmod(stored, 0o600)
    stored.write_bytes(b"changed")
    code, text, _ = desk("--json", "--evidence-dir", str(ev), "footage", "verify")
    assert code == 1 and json.loads(text)["altered"] == [first["sha256"]]


def test_the_evidence_folder_comes_from_env_and_errors_exit_1(
    desk: Desk, tmp_path: Path, monkeypatch
) -> None:
    src, ev = tmp_path / "station", tmp_path / "env-evidence"
    monkeypatch.setenv("DESK_EVIDENCE_DIR", str(ev))
    write_recording(src, recording_name("100001", "D1", datetime(2026, 11, 3, 9, 0, 0)), clip_bytes(1))
    (src / "D1" / "odd-name.mp4").write_bytes(b"x")
    code, text, _ = desk("--json", "footage", "import", str(src))
    doc = json.loads(text)
    assert code == 1 and doc["imported"] == 1 and [e["file"] for e in doc["errors"]] == ["D1/odd-name.mp4"]
    assert set(doc["errors"][0]) == {"file", "sheet", "row", "column", "message"}
    assert len(list((ev / "objects").rglob("*"))) == 2  # a folder and the file
    assert desk("footage", "link", "0" * 64, "SJ-1")[0] == 1
    assert desk("footage", "import")[0] == 2


def test_an_http_station_with_the_token_from_the_keyring_or_env(
    desk: Desk, tmp_path: Path, memory_keyring, monkeypatch
) -> None:
    station = FakeStation(files=[StationFileSpec(f"f{i}", clip_bytes(100 + i, 9000)) for i in range(3)])
    station.drop_after["f1"] = 4000
    station.lost.add("f2")
    ev = tmp_path / "ev"
    with serving(station):
        code, _, err = desk("--json", "--evidence-dir", str(ev), "footage", "import", station.base)
        assert code == 1 and "refused the token" in err
        monkeypatch.setenv("DESK_STATION_TOKEN", station.token)
        code, text, _ = desk("--json", "--evidence-dir", str(ev), "footage", "import", station.base)
        monkeypatch.delenv("DESK_STATION_TOKEN")
        doc = json.loads(text)
        assert code == 1 and doc["imported"] == 2 and [e["file"] for e in doc["errors"]] == ["f2.mp4"]
        assert ("f1", 4000) in station.ranges and station.acks == {"f0": 1, "f1": 1}
        memory_keyring.set_password(APP_ID, keyring_account(station.base), station.token)
        station.lost.clear()
        doc = desk.json("--evidence-dir", str(ev), "footage", "import", station.base)
        assert (doc["imported"], doc["skipped"], doc["errors"]) == (1, 2, [])
        assert station.acks == {"f0": 1, "f1": 1, "f2": 1}


def test_footage_missing_until_the_case_has_its_footage(desk: Desk, tmp_path: Path) -> None:
    args = ("--as-of", "2026-11-20", "cases", "warnings", "--code", "footage_missing")
    warned = desk.json(*args)
    assert [(w["case_no"], w["code"], w["level"]) for w in warned["items"]] == [
        ("SJ-1", "footage_missing", "red")
    ]
    src, ev = tmp_path / "station", tmp_path / "ev"
    folder_station(src, 1)
    desk.json("--evidence-dir", str(ev), "footage", "import", str(src))
    sha = desk.json("footage", "list")["items"][0]["sha256"]
    desk.json("footage", "link", sha, "SJ-1")
    assert desk.json(*args)["items"] == []


def test_another_vendors_names_with_pattern(desk: Desk, tmp_path: Path) -> None:
    src, ev = tmp_path / "hk", tmp_path / "ev"
    (src / "x").mkdir(parents=True)
    (src / "x" / "HK900-100001-20261104T101010.MOV").write_bytes(clip_bytes(3))
    code, text, _ = desk("--json", "--evidence-dir", str(ev), "footage", "import", str(src))
    assert code == 1 and json.loads(text)["imported"] == 0
    pattern = r"^(?P<device>[A-Z0-9]+)-(?P<officer>\d+)-(?P<start>\d{8}T\d{6})\.mov$"
    doc = desk.json("--evidence-dir", str(ev), "footage", "import", str(src), "--pattern", pattern)
    assert (doc["imported"], doc["errors"]) == (1, [])
    item = desk.json("footage", "list", "--search", "HK900")["items"][0]
    assert (item["officer"], item["device"], item["start"]) == ("100001", "HK900", "2026-11-04T10:10:10")
    assert desk("footage", "import", str(src), "--pattern", "(?P<device>x")[0] == 1


def test_import_all_imports_every_saved_station(desk: Desk, tmp_path: Path) -> None:
    ev = tmp_path / "evidence"
    folder_station(tmp_path / "one", 3)
    assert (
        desk("--evidence-dir", str(ev), "footage", "import", str(tmp_path / "one"), "--station", "一号")[0]
        == 0
    )
    folder_station(tmp_path / "two", 2, officer="100002", device="DSJ02")
    desk("--evidence-dir", str(ev), "footage", "import", str(tmp_path / "two"), "--station", "二号")
    doc = desk.json("--evidence-dir", str(ev), "footage", "import-all")
    assert [(s["station"], s["imported"], s["skipped"], s["failed"]) for s in doc["stations"]] == [
        ("一号", 0, 3, None),
        ("二号", 0, 2, None),
    ]
