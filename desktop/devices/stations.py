"""Docking stations as sources of files: an export folder (FORMATS.md §5) and what every source
offers the import (``StationFile``, ``Station``). The HTTP station is ``http_station``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.devices.evidence import CHUNK
from desktop.devices.names import KINDS, parse_name


@dataclass(frozen=True)
class StationFile:
    """One file a station offers: where it is, what its name or the station says of it."""

    key: str
    """Unique within the station: the folder path, or the station's file id."""
    name: str
    size: int | None
    officer: str
    device: str
    start: datetime
    kind: str
    ext: str
    seq: str | None = None
    important: bool = False
    duration_s: int | None = None
    sha256: str | None = None
    """What the station or a sidecar says the hash is (checked before the file is stored)."""
    gps: str | None = None


@dataclass(frozen=True)
class Unmatched:
    """A file a station offers that the import cannot take (a name no pattern matches, a bad
    sidecar): reported, never silently skipped."""

    name: str
    template: str
    params: tuple[tuple[str, str], ...] = ()


class Station(Protocol):
    """What the import needs of a station."""

    source: str
    resumable: bool

    def files(self) -> Iterator[StationFile | Unmatched]:
        """Every file on offer."""
        ...

    def read(self, item: StationFile, offset: int) -> Iterator[bytes]:
        """The file's bytes from ``offset``."""
        ...

    def ack(self, item: StationFile) -> None:
        """Tell the station the file is stored and verified."""
        ...


SIDECAR = ".json"

MSG_UNMATCHED = QT_TRANSLATE_NOOP("footage", "The file name matches no file-name pattern.")
MSG_SIDECAR = QT_TRANSLATE_NOOP("footage", "The sidecar {name} is not valid JSON.")


class FolderStation:
    """A station's export folder: ``<root>/<设备编号>/<YYYYMMDD>/<name>``; every file under the
    root that is not a sidecar is offered. The folder is only read."""

    resumable = False

    def __init__(self, root: Path | str, pattern: re.Pattern[str]) -> None:
        self.root = Path(root)
        self.source = str(self.root.resolve())
        self.pattern = pattern

    def files(self) -> Iterator[StationFile | Unmatched]:
        paths = sorted(p for p in self.root.rglob("*") if p.is_file())
        names = {p.name for p in paths}
        for path in paths:
            rel = path.relative_to(self.root).as_posix()
            if _is_sidecar(path, names):
                continue
            facts = parse_name(path.name, self.pattern)
            if facts is None:
                yield Unmatched(rel, MSG_UNMATCHED)
                continue
            sidecar = _sidecar_of(path)
            extra: dict = {}
            if sidecar is not None:
                try:
                    extra = json.loads(sidecar.read_text(encoding="utf-8"))
                    if not isinstance(extra, dict):
                        raise ValueError
                except ValueError:
                    yield Unmatched(rel, MSG_SIDECAR, (("name", sidecar.name),))
                    continue
            size = path.stat().st_size
            gps = extra.get("gps")
            yield StationFile(
                key=f"{rel}|{size}",
                name=rel,
                size=size,
                officer=facts.officer,
                device=facts.device,
                start=facts.start,
                kind=facts.kind,
                ext=facts.ext,
                seq=facts.seq,
                important=facts.important,
                duration_s=_int(extra.get("duration_s")),
                sha256=(str(extra["sha256"]).lower() if extra.get("sha256") else None),
                gps=",".join(str(v) for v in gps) if isinstance(gps, list) else None,
            )

    def read(self, item: StationFile, offset: int) -> Iterator[bytes]:
        with open(self.root / item.name, "rb") as f:
            f.seek(offset)
            while chunk := f.read(CHUNK):
                yield chunk

    def ack(self, item: StationFile) -> None:
        """A folder is never changed: nothing to tell."""

    def check(self) -> str:
        """Test the connection: how many files the folder holds (raises when unreadable)."""
        if not self.root.is_dir():
            raise FileNotFoundError(str(self.root))
        return str(sum(1 for _ in self.root.rglob("*")))


def _sidecar_of(path: Path) -> Path | None:
    for candidate in (path.with_name(path.name + SIDECAR), path.with_suffix(SIDECAR)):
        if candidate.is_file():
            return candidate
    return None


def _is_sidecar(path: Path, names: set[str]) -> bool:
    """``X.mp4.json`` or ``X.json`` beside a recording ``X.<ext>``."""
    if path.suffix.lower() != SIDECAR:
        return False
    stem = path.name[: -len(SIDECAR)]
    if "." in stem and stem.rsplit(".", 1)[1].lower() in KINDS:
        return True
    return any(f"{stem}.{ext}" in names or f"{stem}.{ext.upper()}" in names for ext in KINDS)


def _int(value: object) -> int | None:
    try:
        return None if value is None else int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
