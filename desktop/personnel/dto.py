"""What the personnel services hand to views and the command line (frozen, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.errors import RowError

AGENCY_FIELDS = (
    "市场监管",
    "生态环境",
    "交通运输",
    "城市管理",
    "农业农村",
    "文化市场",
    "应急管理",
    "卫生健康",
    "自然资源",
    "其他",
)
"""执法领域 (FORMATS.md §0)."""

AGENCY_LEVELS = ("市", "县", "乡镇")
"""层级."""

GENDERS = ("男", "女")


@dataclass(frozen=True)
class AgencyRow:
    """An agency (执法主体) in a table or a dialog."""

    id: int
    name: str
    short_name: str | None
    credit_code: str | None
    field: str | None
    level: str | None
    officer_count: int
    version: int
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class AgencyRef:
    """An agency as another area names it: its id and full name."""

    id: int
    name: str


@dataclass(frozen=True)
class AgencyInput:
    """What a user fills in for an agency."""

    name: str
    short_name: str | None = None
    credit_code: str | None = None
    field: str | None = None
    level: str | None = None


@dataclass(frozen=True)
class OfficerRow:
    """An officer (执法人员) with the certificate they hold now.

    ``id_number`` is masked unless the acting user may see whole numbers and asked for them.
    ``cert_state``: ``valid``, ``expiring`` (within the warning lead time), ``expired``,
    ``suspended``, ``cancelled``, ``revoked`` or ``none``.
    """

    id: int
    name: str
    id_number: str
    gender: str | None
    agency_id: int
    agency_name: str
    position: str | None
    category: str | None
    region: str | None
    cert_number: str | None
    cert_issued_on: date | None
    cert_expires_on: date | None
    cert_state: str
    version: int
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class OfficerInput:
    """What a user fills in for an officer and their certificate (证号 optional)."""

    name: str
    id_number: str
    agency: str | int
    gender: str | None = None
    position: str | None = None
    category: str | None = None
    region: str | None = None
    cert_number: str | None = None
    cert_issued_on: date | None = None
    cert_expires_on: date | None = None
    cert_status: str = "active"


@dataclass(frozen=True)
class ImportResult:
    """What an import did: rows written (added or changed), rows already present unchanged, and
    warnings; ``updated``: how many of the rows written changed a known record, ``fields``: the
    columns whose values they changed."""

    imported: int
    skipped: int
    errors: tuple[RowError, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    updated: int = 0
    fields: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """The JSON shape of CLI.md."""
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "errors": [e.as_dict() for e in self.errors],
            "updated": self.updated,
            "fields": list(self.fields),
        }


@dataclass(frozen=True)
class CertificateEventRow:
    """One dated event of a certificate as the history shows it."""

    seq: int
    on: date
    kind: str
    result: str | None
    reason: str
    document_no: str | None
    decided_by: str | None
    recorded_by: str


@dataclass(frozen=True)
class CertificateRow:
    """A 执法证 with its state on a date (``certificate_history.STATES``); ``id_number`` masked
    unless the acting user may see whole numbers and asked for them."""

    id: int
    number: str
    officer_id: int
    officer: str
    id_number: str
    agency_id: int
    agency: str
    state: str
    issued: date
    expires: date
    next_review: date | None
    current: bool


@dataclass(frozen=True)
class CertificateDetail:
    """A certificate with its whole history."""

    row: CertificateRow
    events: tuple[CertificateEventRow, ...]
    successor: str | None = None
    """The number that replaced this one (换发, 补发)."""
