"""A footage import in another process, killed outright (SIGKILL) at a chosen moment.

The processes come from a fork server that has imported the import's modules once (a fresh
Python took ≈ 0.5 s to import them for each of the forty kills); each child opens the store
itself, as another program would, and shares nothing with the test's process.
"""

from __future__ import annotations

import functools
import multiprocessing
import multiprocessing.context
import os
import signal
from pathlib import Path

PRELOAD = [
    "desktop.accounts.service",
    "desktop.devices.evidence",
    "desktop.devices.importer",
    "desktop.devices.names",
    "desktop.devices.stations",
    "desktop.models.db",
]


@functools.cache
def _fork_server() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")  # POSIX only, as SIGKILL
    context.set_forkserver_preload(PRELOAD)
    return context


def _import_until_killed(url: str, station: str, evidence: str, moment: str, nth: int) -> None:
    from desktop.accounts.service import authenticate
    from desktop.devices.evidence import EvidenceStore
    from desktop.devices.importer import import_footage
    from desktop.devices.names import compile_pattern
    from desktop.devices.stations import FolderStation
    from desktop.models.db import Store

    seen = 0

    def kill(at: str) -> None:
        nonlocal seen
        if at == moment:
            seen += 1
            if seen == nth:
                os.kill(os.getpid(), signal.SIGKILL)

    store = Store(url)
    admin = authenticate(store, "admin", "Chief-2026")
    station_ = FolderStation(station, compile_pattern(None))
    import_footage(store, admin, station_, EvidenceStore(Path(evidence)), checkpoint=kill)


def killed_import(url: str, station: Path, evidence: Path, moment: str, nth: int) -> int | None:
    """Run an import of ``station`` into ``url`` and ``evidence`` that kills itself the
    ``nth`` time it reaches ``moment``; the child's exit code (``-SIGKILL`` when it was killed)."""
    child = _fork_server().Process(
        target=_import_until_killed, args=(url, str(station), str(evidence), moment, nth)
    )
    child.start()
    child.join(120)
    if child.is_alive():
        child.kill()
        child.join()
    return child.exitcode
