"""Importing every station in one go (the window's 全部导入, ``footage import-all``): the stations
run side by side, and the limit on parallel transfers (the setting ``parallel_transfers``) holds
for all of them together; a station that cannot be read is reported and the others go on."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from desktop.core.errors import Cancelled, UserFacingError
from desktop.core.security import Actor, Permission, require
from desktop.devices.evidence import EvidenceStore
from desktop.devices.http_station import StationError
from desktop.devices.importer import FootageImportResult, import_footage
from desktop.devices.retention import footage_settings
from desktop.devices.station_service import list_stations, open_station
from desktop.devices.stations import Station
from desktop.models.db import Store


@dataclass(frozen=True)
class StationOutcome:
    """One station's import, or why it could not be read."""

    station: str
    result: FootageImportResult | None
    failure: str | None = None


def import_all(
    store: Store,
    actor: Actor,
    evidence: EvidenceStore,
    *,
    parallel: int | None = None,
    cancelled: Callable[[], bool] | None = None,
    opener: Callable[[str, str | None], Station] = open_station,
) -> tuple[StationOutcome, ...]:
    """Import every saved station; at most ``parallel`` (None: the setting) files in transfer at
    once over all the stations."""
    require(actor, Permission.EDIT_CASES)
    stations = list_stations(store, actor)
    limit = parallel or footage_settings(store, actor).parallel_transfers
    slots = threading.BoundedSemaphore(limit)

    def one(name: str, location: str, pattern: str | None) -> StationOutcome:
        try:
            adapter = opener(location, pattern)
            result = import_footage(
                store,
                actor,
                adapter,
                evidence,
                station_name=name,
                cancelled=cancelled,
                parallel=limit,
                slots=slots,
            )
            return StationOutcome(name, result)
        except Cancelled:
            raise
        except UserFacingError as exc:
            return StationOutcome(name, None, exc.localized())
        except (StationError, OSError) as exc:
            return StationOutcome(name, None, str(exc))

    with ThreadPoolExecutor(
        max_workers=max(1, min(limit, len(stations))), thread_name_prefix="station"
    ) as pool:
        futures = [pool.submit(one, s.name, s.location, s.pattern) for s in stations]
        return tuple(f.result() for f in futures)
