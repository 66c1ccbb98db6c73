"""What the footage services hand to the views and the command line (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


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
    retention_class: str = "normal"
    """normal · important · evidence: the class whose period is the longest that applies."""
    retain_until: date | None = None
    """The last day the file is kept (None: without end, its case is still open)."""
    deleted_at: str | None = None
    """Set on a tombstone: the bytes were deleted through an approved list."""


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


@dataclass(frozen=True)
class DeletionList:
    """A reviewed deletion list: who proposed it and why, who decided and when, what it did."""

    id: int
    state: str
    """proposed · approved · rejected · deleted."""
    reason: str
    proposed_at: str
    proposed_by: str
    decided_at: str | None
    decided_by: str | None
    decision_note: str | None
    deleted_at: str | None
    files: int
    size: int
    deleted: int
    kept: int
    version: int


@dataclass(frozen=True)
class DeletionItem:
    """One file on a deletion list."""

    sha256: str
    officer: str
    start: datetime
    size: int
    source_name: str
    retention_class: str
    retain_until: str
    outcome: str | None
    """None while undecided; deleted · kept."""


@dataclass(frozen=True)
class EvidenceSpace:
    """The evidence folder's free space against the warning setting."""

    folder: str
    free_bytes: int
    total_bytes: int
    min_free_gb: int

    @property
    def low(self) -> bool:
        """Less free space than the setting asks for."""
        return self.free_bytes < self.min_free_gb * 1024**3
