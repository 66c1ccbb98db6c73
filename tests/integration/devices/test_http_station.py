"""An HTTP docking station (FORMATS.md §6) served on 127.0.0.1: dropped connections resume by
``Range`` (within a run and after an interruption), 500s are retried, a lost file is reported,
a bad token is refused, and each file is acknowledged once, only after it is stored."""

from __future__ import annotations

import pytest

from desktop.devices.custody import verify_footage
from desktop.devices.evidence import EvidenceStore
from desktop.devices.http_station import HttpStation
from desktop.devices.importer import StationRefused, import_footage
from desktop.devices.library import list_footage
from tests.helpers.footage import FakeStation, StationFileSpec, clip_bytes, serving


class Interrupted(Exception):
    """Stands for a kill."""


def fake(n: int = 3) -> FakeStation:
    return FakeStation(files=[StationFileSpec(f"f{i}", clip_bytes(200 + i, 12000)) for i in range(n)])


def test_drops_and_500s_are_retried_and_a_lost_file_is_reported(store, admin, tmp_path) -> None:
    st = fake(4)
    st.drop_after["f0"] = 5000
    st.fail_500["f1"] = 2
    st.lost.add("f3")
    ev = EvidenceStore(tmp_path / "ev")
    with serving(st):
        result = import_footage(store, admin, HttpStation(st.base, st.token), ev, backoff_s=0)
    assert (result.imported, result.skipped) == (3, 0)
    assert [e.file for e in result.errors] == ["f3.mp4"] and "lost" in result.errors[0].message
    assert ("f0", 5000) in st.ranges
    assert st.acks == {"f0": 1, "f1": 1, "f2": 1}
    rows = list_footage(store, admin).items
    assert all(r.verified for r in rows) and {r.start.hour for r in rows} == {9}
    assert verify_footage(store, admin, ev).clean


def test_a_mismatching_hash_is_not_stored_nor_acknowledged(store, admin, tmp_path) -> None:
    st = fake(2)
    st.files[1].sha256 = "1" * 64
    ev = EvidenceStore(tmp_path / "ev")
    with serving(st):
        result = import_footage(store, admin, HttpStation(st.base, st.token), ev, backoff_s=0)
    assert result.imported == 1 and "Hash mismatch" in result.errors[0].message
    assert st.acks == {"f0": 1} and len(list(ev.stored())) == 1


def test_a_bad_token_is_refused_without_retrying(store, admin, tmp_path) -> None:
    st = fake(1)
    with serving(st), pytest.raises(StationRefused):
        import_footage(
            store, admin, HttpStation(st.base, "wrong"), EvidenceStore(tmp_path / "ev"), backoff_s=0
        )
    assert st.ranges == [] and st.acks == {}


def test_an_interrupted_download_resumes_by_range_in_the_next_run(store, admin, tmp_path) -> None:
    st = fake(2)
    st.drop_after["f1"] = 7000
    ev = EvidenceStore(tmp_path / "ev")
    reads = {"n": 0}

    def kill(moment: str) -> None:
        if moment == "read":
            reads["n"] += 1
            if reads["n"] == 2:  # f1's first 7,000 bytes are on disk
                raise Interrupted

    with serving(st):
        with pytest.raises(Interrupted):
            import_footage(store, admin, HttpStation(st.base, st.token), ev, checkpoint=kill, backoff_s=0)
        result = import_footage(store, admin, HttpStation(st.base, st.token), ev, backoff_s=0)
    assert (result.imported, result.skipped) == (1, 1) and not result.errors
    assert st.ranges[-1] == ("f1", 7000)
    assert st.acks == {"f0": 1, "f1": 1}
    assert verify_footage(store, admin, ev).clean


@pytest.mark.parametrize("moment", ["written", "renamed", "committed", "acked"])
def test_interrupted_around_the_ack_each_file_is_stored_once_and_acked_after_storing(
    store, admin, tmp_path, moment
) -> None:
    st = fake(3)
    ev = EvidenceStore(tmp_path / "ev")
    hits = {"n": 0}

    def kill(at: str) -> None:
        if at == moment:
            hits["n"] += 1
            if hits["n"] == 2:
                raise Interrupted

    with serving(st):
        with pytest.raises(Interrupted):
            import_footage(store, admin, HttpStation(st.base, st.token), ev, checkpoint=kill, backoff_s=0)
        acked_before = dict(st.acks)
        assert "f1" not in acked_before or moment == "acked"
        result = import_footage(store, admin, HttpStation(st.base, st.token), ev, backoff_s=0)
    assert result.imported + result.skipped == 3 and not result.errors
    assert list_footage(store, admin).total == 3
    assert all(st.acks[f"f{i}"] >= 1 for i in range(3))
    assert verify_footage(store, admin, ev).clean


def test_a_station_that_ignores_range_still_resumes_correctly(store, admin, tmp_path) -> None:
    st = fake(1)
    st.drop_after["f0"] = 3000
    st.ignore_range = True
    ev = EvidenceStore(tmp_path / "ev")
    with serving(st):
        result = import_footage(store, admin, HttpStation(st.base, st.token), ev, backoff_s=0)
    assert result.imported == 1 and not result.errors
    assert verify_footage(store, admin, ev).clean
