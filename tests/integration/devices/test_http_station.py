"""An HTTP docking station (FORMATS.md §6) served on 127.0.0.1: dropped connections resume by
``Range`` (within a run and after an interruption), 500s are retried, a lost file is reported,
a bad token is refused, and each file is acknowledged once, only after it is stored."""

from __future__ import annotations

import threading

import pytest

from desktop.core.errors import Cancelled
from desktop.devices.custody import verify_footage
from desktop.devices.evidence import EvidenceStore
from desktop.devices.http_station import HttpStation
from desktop.devices.importer import StationRefused, import_footage
from desktop.devices.library import list_footage
from desktop.devices.retention import change_settings
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
            import_footage(
                store, admin, HttpStation(st.base, st.token), ev, checkpoint=kill, backoff_s=0, parallel=1
            )  # one file at a time, so that the second read is f1's
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
            import_footage(
                store, admin, HttpStation(st.base, st.token), ev, checkpoint=kill, backoff_s=0, parallel=1
            )  # one file at a time, so that the second moment is f1's
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


class Counting:
    """An HTTP station that counts the transfers in progress; each transfer holds on until
    ``expect`` of them have been seen at once (or 5 s passed), so the limit is reached if allowed."""

    def __init__(self, inner: HttpStation, expect: int = 1) -> None:
        self.inner, self.source, self.resumable = inner, inner.source, True
        self.expect = expect
        self.lock = threading.Condition()
        self.active = self.peak = 0

    def files(self):  # type: ignore[no-untyped-def]
        return self.inner.files()

    def ack(self, item) -> None:  # type: ignore[no-untyped-def]
        self.inner.ack(item)

    def read(self, item, offset):  # type: ignore[no-untyped-def]
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
            self.lock.notify_all()
            self.lock.wait_for(lambda: self.peak >= self.expect, timeout=5)
        try:
            yield from self.inner.read(item, offset)
        finally:
            with self.lock:
                self.active -= 1


@pytest.mark.parametrize("limit", [1, 3])
def test_never_more_transfers_at_once_than_the_limit(store, admin, tmp_path, limit) -> None:
    st = fake(9)
    ev = EvidenceStore(tmp_path / "ev")
    change_settings(store, admin, parallel_transfers=limit)
    with serving(st):
        station = Counting(HttpStation(st.base, st.token), expect=limit)
        result = import_footage(store, admin, station, ev, backoff_s=0)
    assert (result.imported, result.errors) == (9, ())
    assert station.peak == limit  # the limit is reached and never passed
    assert st.acks == {f"f{i}": 1 for i in range(9)}
    assert verify_footage(store, admin, ev).clean


def test_a_refusal_in_one_transfer_stops_the_others(store, admin, tmp_path) -> None:
    st = fake(6)
    ev = EvidenceStore(tmp_path / "ev")
    with serving(st):
        station = Counting(HttpStation(st.base, st.token))
        import_footage(store, admin, station, ev, parallel=3, backoff_s=0, checkpoint=None)
        assert station.peak <= 3
        calls = {"n": 0}

        def cancel() -> bool:
            calls["n"] += 1
            return calls["n"] > 4

        st.files += [StationFileSpec(f"g{i}", clip_bytes(300 + i, 12000)) for i in range(6)]
        with pytest.raises(Cancelled):
            import_footage(
                store, admin, Counting(HttpStation(st.base, st.token)), ev, parallel=3, cancelled=cancel
            )
        finished = import_footage(store, admin, HttpStation(st.base, st.token), ev, parallel=3, backoff_s=0)
    assert finished.errors == () and len(list_footage(store, admin).items) == 12
    assert all(st.acks[f.id] == 1 for f in st.files)
    assert verify_footage(store, admin, ev).clean
