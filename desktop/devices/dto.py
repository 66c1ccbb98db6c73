"""What the footage services hand to the views and the command line (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FootageRow:
    """One stored recording of the evidence library."""

    id: int
    sha256: str
    officer: str
    """警号 as the recorder wrote it."""
    officer_name: str | None
    device: str
    start: datetime
    duration_s: int | None
    size: int
    kind: str
    important: bool
    verified: bool
    source_name: str
    station: str
    agency_id: int | None
    agency_name: str | None
    case_id: int | None
    case_no: str | None
    imported_at: str
    version: int


@dataclass(frozen=True)
class VerifyReport:
    """``footage verify``: every stored file hashed again."""

    checked: int
    missing: tuple[str, ...]
    altered: tuple[str, ...]
    unrecorded: tuple[str, ...]

    @property
    def clean(self) -> bool:
        """Nothing missing, altered or unrecorded."""
        return not (self.missing or self.altered or self.unrecorded)


@dataclass(frozen=True)
class ExportResult:
    """A case's footage copied out for a court or a recheck."""

    case_no: str
    folder: str
    files: int
    manifest: str
    manifest_sha256: str


@dataclass(frozen=True)
class StationRow:
    """A docking station and its last import."""

    id: int
    name: str
    location: str
    kind: str
    """folder · http."""
    pattern: str | None
    agency_id: int | None
    last_import_at: str | None
    last_imported: int | None
    last_skipped: int | None
    last_errors: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class StationInput:
    """What a clerk fills in for a station."""

    name: str
    location: str
    pattern: str | None = None
    agency_id: int | None = None


@dataclass(frozen=True)
class UnknownNumber:
    """A 警号 or device number the recorders wrote that nobody has mapped yet."""

    kind: str
    number: str
    files: int


@dataclass(frozen=True)
class CaseSuggestion:
    """A case a file may belong to: its officer handled it and it started within its period."""

    case_id: int
    case_no: str
    agency_name: str
    filed_on: str
    closed_on: str | None
