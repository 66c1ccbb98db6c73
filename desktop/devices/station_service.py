"""The county's docking stations: the list with each one's last import, adding and changing a
station, testing its connection, and the adapter a source (a folder or an http(s):// URL) needs."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.devices.dto import StationInput, StationRow
from desktop.devices.http_station import HttpStation, StationError, is_http, save_station_token, station_token
from desktop.devices.names import compile_pattern
from desktop.devices.stations import FolderStation, Station
from desktop.models import FootageStation
from desktop.models.db import Store


def open_station(source: str, pattern: str | None = None, token: str | None = None) -> Station:
    """The adapter for ``source``: an HTTP station (token: ``token``, else the keyring's entry for
    the station, else env DESK_STATION_TOKEN) or an export folder with the vendor's ``pattern``."""
    if is_http(source):
        return HttpStation(source, token or station_token(source))
    compiled = compile_pattern(pattern)
    if not Path(source).is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{source} is neither a folder nor an http(s):// station."),
            field="source",
            source=source,
        )
    return FolderStation(source, compiled)


def _row(s: FootageStation) -> StationRow:
    last = json.loads(s.last_result) if s.last_result else {}
    return StationRow(
        id=s.id,
        name=s.name,
        location=s.location,
        kind="http" if is_http(s.location) else "folder",
        pattern=s.pattern,
        agency_id=s.agency_id,
        last_import_at=s.last_import_at,
        last_imported=last.get("imported"),
        last_skipped=last.get("skipped"),
        last_errors=tuple(f"{e['file']}: {e['message']}" for e in last.get("errors", [])),
        version=s.version,
    )


def list_stations(store: Store, actor: Actor) -> tuple[StationRow, ...]:
    """Every station, by name."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        stmt = select(FootageStation).order_by(FootageStation.name)
        if actor.scope_agency_id is not None:
            stmt = stmt.where(FootageStation.agency_id == actor.scope_agency_id)
        return tuple(_row(s) for s in session.execute(stmt).scalars())


def find_station(store: Store, actor: Actor, name: str) -> StationRow | None:
    """A station by its name, or None."""
    return next((s for s in list_stations(store, actor) if s.name == name), None)


def save_station(
    store: Store,
    actor: Actor,
    data: StationInput,
    *,
    station_id: int | None = None,
    version: int | None = None,
    token: str | None = None,
) -> StationRow:
    """Add a station (``station_id`` None) or change one; an HTTP station's token goes to the keyring."""
    require(actor, Permission.EDIT_CASES)
    require_agency(actor, data.agency_id)
    name, location = data.name.strip(), data.location.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Name the station."), field="name")
    if not location:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give the station's folder or URL."), field="location"
        )
    if data.pattern:
        compile_pattern(data.pattern)
    now = utc_iso(store.clock.now())
    with store.unit_of_work() as uow:
        s = uow.session
        if station_id is None:
            row = FootageStation(name=name, location=location)
            s.add(row)
            before = None
        else:
            found = s.get(FootageStation, station_id)
            if found is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such station (id {id})."), id=station_id)
            row = found
            if version is not None:
                row.version = version
            before = {"name": row.name, "location": row.location, "pattern": row.pattern}
        row.name, row.location, row.pattern, row.agency_id = (
            name,
            location,
            data.pattern or None,
            data.agency_id,
        )
        row.updated_at, row.updated_by = now, actor.name
        s.flush()
        audit.record(
            s,
            store,
            actor.name,
            "create" if before is None else "update",
            "footage_station",
            row.id,
            before=before,
            after={"name": name, "location": location, "pattern": row.pattern},
            summary=name,
        )
        uow.commit()
        result = _row(row)
    if token and is_http(location):
        save_station_token(location, token)
    return result


def test_station(store: Store, actor: Actor, station: StationRow) -> str:
    """Test the connection to a station: how many files it offers (its first page for an HTTP
    station); raises a readable error when it cannot be reached."""
    require(actor, Permission.VIEW_CASES)
    try:
        adapter = open_station(station.location, station.pattern)
        return adapter.check()  # type: ignore[attr-defined]
    except (StationError, OSError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The station {station} cannot be reached: {reason}"),
            station=station.name,
            reason=str(exc),
        ) from None
