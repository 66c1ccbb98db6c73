"""The importing process killed outright (SIGKILL) at chosen moments — mid-read, after the write
before the rename, after the rename before the commit, after the commit — and each time the next
import finishes with every file stored exactly once and ``footage verify`` clean."""

from __future__ import annotations

import signal
import sys

import pytest
from sqlalchemy import func, select

from desktop.devices.custody import verify_footage
from desktop.devices.evidence import EvidenceStore
from desktop.devices.importer import import_footage
from desktop.devices.names import compile_pattern
from desktop.devices.stations import FolderStation
from desktop.models import FootageFile
from tests.helpers.footage import folder_station, tree_snapshot
from tests.helpers.killed_import import killed_import

FILES = 5
MOMENTS = [
    (moment, nth) for moment in ("read", "written", "renamed", "committed") for nth in range(1, FILES + 1)
]
"""Twenty moments: each step of each of the five files (a folder station has no acknowledgement)."""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("moment", "nth"), MOMENTS)
def test_a_killed_import_is_finished_by_the_next_one(store, store_url, admin, tmp_path, moment, nth) -> None:
    src, ev = tmp_path / "station", tmp_path / "ev"
    folder_station(src, FILES)
    before = tree_snapshot(src)
    assert killed_import(store_url, src, ev, moment, nth) == -signal.SIGKILL
    result = import_footage(store, admin, FolderStation(src, compile_pattern(None)), EvidenceStore(ev))
    assert result.imported + result.skipped == FILES and not result.errors
    with store.reading() as s:
        assert s.execute(select(func.count()).select_from(FootageFile)).scalar() == FILES
    assert verify_footage(store, admin, EvidenceStore(ev)).clean
    assert tree_snapshot(src) == before
