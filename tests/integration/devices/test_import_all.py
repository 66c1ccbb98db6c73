"""Every station imported in one go: the limit on parallel transfers holds over all of them
together, and a station that refuses is reported while the others finish."""

from __future__ import annotations

import threading

import pytest

from desktop.devices.custody import verify_footage
from desktop.devices.dto import StationInput
from desktop.devices.evidence import EvidenceStore
from desktop.devices.import_all import import_all
from desktop.devices.library import list_footage
from desktop.devices.station_service import open_station, save_station
from tests.helpers.footage import FakeStation, StationFileSpec, clip_bytes, folder_station, serving


class Shared:
    """Transfers in progress over every station; each holds on until ``expect`` were seen at once."""

    def __init__(self, expect: int) -> None:
        self.expect, self.lock = expect, threading.Condition()
        self.active = self.peak = 0


class Counted:
    """A station whose transfers the shared counter sees."""

    def __init__(self, inner, shared: Shared) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.shared = inner, shared
        self.source, self.resumable = inner.source, inner.resumable

    def files(self):  # type: ignore[no-untyped-def]
        return self.inner.files()

    def ack(self, item) -> None:  # type: ignore[no-untyped-def]
        self.inner.ack(item)

    def read(self, item, offset):  # type: ignore[no-untyped-def]
        s = self.shared
        with s.lock:
            s.active += 1
            s.peak = max(s.peak, s.active)
            s.lock.notify_all()
            s.lock.wait_for(lambda: s.peak >= s.expect, timeout=5)
        try:
            yield from self.inner.read(item, offset)
        finally:
            with s.lock:
                s.active -= 1


def fake(prefix: str, seed: int, n: int = 5) -> FakeStation:
    return FakeStation(files=[StationFileSpec(f"{prefix}{i}", clip_bytes(seed + i, 9000)) for i in range(n)])


@pytest.mark.parametrize("limit", [2, 3])
def test_the_limit_holds_over_every_station_and_a_refusal_is_reported(store, admin, tmp_path, limit) -> None:
    folder_station(tmp_path / "folder", 3)
    one, two, refusing = fake("a", 100), fake("b", 200), fake("c", 300, 1)
    ev = EvidenceStore(tmp_path / "ev")
    shared = Shared(limit)

    def opener(location: str, pattern: str | None):  # type: ignore[no-untyped-def]
        token = refusing.token + "-wrong" if location == refusing.base else None
        return Counted(open_station(location, pattern, token or "station-token-1"), shared)

    with serving(one), serving(two), serving(refusing):
        save_station(store, admin, StationInput("一号", str(tmp_path / "folder")))
        save_station(store, admin, StationInput("二号", one.base))
        save_station(store, admin, StationInput("三号", two.base))
        save_station(store, admin, StationInput("四号", refusing.base))
        outcomes = {o.station: o for o in import_all(store, admin, ev, parallel=limit, opener=opener)}
    assert shared.peak == limit  # reached, never passed
    assert {n: o.result.imported for n, o in outcomes.items() if o.result} == {
        "一号": 3,
        "二号": 5,
        "三号": 5,
    }
    assert outcomes["四号"].result is None and "refused the token" in (outcomes["四号"].failure or "")
    assert one.acks == {f"a{i}": 1 for i in range(5)} and two.acks == {f"b{i}": 1 for i in range(5)}
    assert len(list_footage(store, admin).items) == 13
    assert verify_footage(store, admin, ev).clean
