"""The footage import from an export folder: one pass, hash checked, recorded once, resumable at
any moment, the source untouched; unmatched names and mismatches reported, never stored."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from sqlalchemy import func, select

from desktop.accounts.audit import verify_chain
from desktop.core.errors import Cancelled
from desktop.devices.custody import verify_footage
from desktop.devices.evidence import EvidenceStore
from desktop.devices.importer import import_footage
from desktop.devices.library import list_footage, unknown_numbers
from desktop.devices.names import compile_pattern
from desktop.devices.stations import FolderStation
from desktop.models import FootageFile, FootageJournal
from tests.helpers.footage import clip_bytes, folder_station, recording_name, tree_snapshot, write_recording


class Interrupted(Exception):
    """Stands for a kill: raised at a chosen moment of the import."""


def station(root, pattern=None):  # type: ignore[no-untyped-def]
    return FolderStation(root, compile_pattern(pattern))


def test_a_folder_is_imported_verified_and_left_unchanged(store, admin, tmp_path) -> None:
    src = tmp_path / "station"
    folder_station(src, 3)
    write_recording(src, recording_name("100002", "DSJ02", datetime(2026, 11, 4, 8, 0, 0)), clip_bytes(50))
    (src / "DSJ02" / "readme.txt").write_text("not a clip", encoding="utf-8")
    bad = clip_bytes(60)
    write_recording(
        src,
        recording_name("100002", "DSJ02", datetime(2026, 11, 4, 9, 0, 0)),
        bad,
        sidecar={"sha256": "0" * 64},
    )
    before = tree_snapshot(src)
    ev = EvidenceStore(tmp_path / "ev")

    result = import_footage(store, admin, station(src), ev)

    assert (result.imported, result.skipped) == (4, 0)
    messages = {e.file: e.message for e in result.errors}
    assert set(messages) == {
        "DSJ02/readme.txt",
        f"DSJ02/20261104/{recording_name('100002', 'DSJ02', datetime(2026, 11, 4, 9, 0, 0))}",
    }
    assert "matches no file-name pattern" in messages["DSJ02/readme.txt"]
    assert any("Hash mismatch" in m for m in messages.values())
    assert not ev.has(hashlib.sha256(bad).hexdigest())
    assert tree_snapshot(src) == before
    page = list_footage(store, admin)
    assert page.total == 4
    first = next(r for r in page.items if r.important)
    assert first.verified and first.officer == "100001" and first.device == "DSJ01" and first.duration_s == 30
    assert not next(r for r in page.items if r.officer == "100002").verified  # no sidecar hash
    assert set(result.unknown_officers) == {"100001", "100002"}
    assert {(u.kind, u.number) for u in unknown_numbers(store, admin)} >= {
        ("officer", "100001"),
        ("device", "DSJ02"),
    }
    assert verify_footage(store, admin, ev).clean

    again = import_footage(store, admin, station(src), ev)
    assert (again.imported, again.skipped, len(again.errors)) == (0, 4, 2)
    assert verify_chain(store).ok


def test_the_same_bytes_from_two_stations_are_stored_once(store, admin, tmp_path) -> None:
    data = clip_bytes(7)
    a, b = tmp_path / "a", tmp_path / "b"
    write_recording(a, recording_name("1", "D1", datetime(2026, 11, 1, 8, 0, 0)), data)
    write_recording(b, recording_name("1", "D1", datetime(2026, 11, 1, 8, 0, 0)), data)
    ev = EvidenceStore(tmp_path / "ev")
    assert import_footage(store, admin, station(a), ev).imported == 1
    second = import_footage(store, admin, station(b), ev)
    assert (second.imported, second.skipped) == (0, 1)
    assert list(ev.stored()) == [hashlib.sha256(data).hexdigest()]


def test_a_second_vendors_pattern(store, admin, tmp_path) -> None:
    src = tmp_path / "hk"
    (src / "x").mkdir(parents=True)
    (src / "x" / "HK900-200002-20261104T101010.MOV").write_bytes(clip_bytes(9))
    pattern = r"^(?P<device>[A-Z0-9]+)-(?P<officer>\d+)-(?P<start>\d{8}T\d{6})\.mov$"
    assert import_footage(store, admin, station(src), EvidenceStore(tmp_path / "e1")).imported == 0
    result = import_footage(store, admin, station(src, pattern), EvidenceStore(tmp_path / "e2"))
    assert result.imported == 1 and not result.errors
    row = list_footage(store, admin).items[0]
    assert (row.officer, row.device, row.start) == ("200002", "HK900", datetime(2026, 11, 4, 10, 10, 10))


MOMENTS = [("read", n) for n in (1, 2, 3)] + [
    (m, n) for m in ("written", "renamed", "committed") for n in (1, 2, 3, 4)
]


@pytest.mark.parametrize(("moment", "nth"), MOMENTS)
def test_an_import_interrupted_at_any_moment_finishes_next_time_with_every_file_once(
    store, admin, tmp_path, moment, nth
) -> None:
    src = tmp_path / "station"
    folder_station(src, 4)
    before = tree_snapshot(src)
    ev = EvidenceStore(tmp_path / "ev")
    seen = {"n": 0}

    def kill(at: str) -> None:
        if at == moment:
            seen["n"] += 1
            if seen["n"] == nth:
                raise Interrupted(at)

    with pytest.raises(Interrupted):
        import_footage(store, admin, station(src), ev, checkpoint=kill)
    with store.reading() as s:
        recorded = set(s.execute(select(FootageFile.sha256)).scalars())
    assert all(ev.has(sha) for sha in recorded)  # nothing recorded without its whole file

    result = import_footage(store, admin, station(src), ev)
    assert result.imported + result.skipped == 4 and not result.errors
    with store.reading() as s:
        assert s.execute(select(func.count()).select_from(FootageFile)).scalar() == 4
        assert s.execute(select(func.count()).select_from(FootageJournal)).scalar() == 4
    report = verify_footage(store, admin, ev)
    assert report.clean and report.checked == 4
    assert len(list(ev.stored())) == 4
    assert tree_snapshot(src) == before


def test_cancel_stops_between_chunks_and_the_next_import_finishes(store, admin, tmp_path) -> None:
    src = tmp_path / "station"
    folder_station(src, 4)
    ev = EvidenceStore(tmp_path / "ev")
    asked = {"n": 0}
    reports: list[tuple] = []

    def cancelled() -> bool:
        asked["n"] += 1
        return asked["n"] > 4

    with pytest.raises(Cancelled):
        import_footage(
            store, admin, station(src), ev, cancelled=cancelled, progress=lambda *a: reports.append(a)
        )
    assert reports and all(
        total == sum(p.stat().st_size for p in src.rglob("*.MP4")) for _d, total, _t in reports
    )
    assert "File 1 of 4" in reports[0][2]
    result = import_footage(store, admin, station(src), ev)
    assert result.imported + result.skipped == 4 and verify_footage(store, admin, ev).clean
