"""What the case services hand to views and the command line (frozen, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.cases.rules import Deadline, Limits


@dataclass(frozen=True)
class CaseRow:
    """A case in the register table.

    ``warnings`` are the codes of its open (not handled) warnings as of the list's date;
    ``warning_level`` is ``red``, ``yellow`` or None.
    """

    id: int
    case_no: str
    agency_id: int
    agency_name: str
    category: str
    procedure: str | None
    stage: str
    cause: str
    party: str
    filed_on: date
    decided_on: date | None
    closed_on: date | None
    amount: Decimal | None
    officer_count: int
    major: bool
    warnings: tuple[str, ...]
    warning_level: str | None
    version: int


@dataclass(frozen=True)
class CaseOfficerRow:
    """An officer of a case and their certificate on the 立案 date.

    ``cert_state`` on that date: ``valid``, ``expired``, ``not_yet`` (issued later),
    ``suspended``, ``cancelled``, ``revoked`` or ``none``.
    """

    officer_id: int
    name: str
    cert_number: str | None
    cert_expires_on: date | None
    cert_state: str


@dataclass(frozen=True)
class SuspensionRow:
    """A period excluded from the deadlines (检测、鉴定、听证、公告)."""

    id: int
    kind: str
    start_on: date
    end_on: date | None
    note: str | None


@dataclass(frozen=True)
class DocumentRow:
    """A document of the case file; ``path`` is absolute, ``exists`` says whether it is there."""

    id: int
    kind: str
    title: str
    path: str
    pages: int | None
    exists: bool


@dataclass(frozen=True)
class StageEvent:
    """One step of the case on its timeline: the date it happened, and the deadline it answers."""

    stage: str
    on: date | None
    deadline: Deadline | None


@dataclass(frozen=True)
class WarningRow:
    """One warning (预警) of one case, with its disposition (处置) when a supervisor handled it."""

    case_id: int
    case_no: str
    agency_id: int
    agency: str
    code: str
    title: str
    level: str
    due: date | None
    message: str
    filed_on: date
    handled: bool = False
    handled_note: str | None = None
    handled_by: str | None = None
    handled_at: str | None = None
    version: int | None = None
    """The disposition's version (None while never handled): what ``handle_warning`` and
    ``reopen_warning`` are given back (a reopened warning keeps its disposition's version)."""
    kind: str | None = None
    """The 处置's kind (约谈、责令整改 …), when handled."""
    follow_up_on: date | None = None
    attachment_id: int | None = None
    attachment_name: str | None = None
    attachment_sha256: str | None = None
    reopened_by: str | None = None
    reopened_at: str | None = None
    reopen_reason: str | None = None
    """Set while a 处置 was reopened: the warning is open again; kind, note, follow-up and
    attachment above are then the reopened handling's (its history)."""
    handled_by_name: str | None = None
    """The display name of ``handled_by`` (a login name)."""
    reopened_by_name: str | None = None
    """The display name of ``reopened_by`` (a login name)."""
    officer_id: int | None = None
    """A personnel warning's officer (certificates, training; ``case_id`` 0 then)."""
    officer: str = ""
    number: str | None = None
    """The officer's certificate number, where a certificate applies."""
    subject: str = ""
    """What a personnel warning is about (``WarningKey.subject``); empty for a case's warning."""

    @property
    def reference(self) -> str:
        """What the warning belongs to in words: the case number, else the officer and the
        certificate number (an officer on an open case: both)."""
        if not self.officer:
            return self.case_no
        who = " ".join(p for p in (self.officer, self.number or "") if p)
        return f"{self.case_no} · {who}" if self.case_no else who


@dataclass(frozen=True)
class CaseDetail:
    """Everything the detail panel and ``cases show`` present of one case."""

    id: int
    case_no: str
    agency_id: int
    agency_name: str
    category: str
    procedure: str | None
    source: str | None
    stage: str
    cause: str
    party: str
    party_type: str | None
    party_id_number: str | None
    dates: dict[str, date | None]
    """``discovered_on`` … ``closed_on``, ``measure_on``, ``measure_released_on``."""
    measures: tuple[str, ...]
    measure_extended: bool
    decision_extension_days: int
    penalty_kinds: tuple[str, ...]
    amount: Decimal | None
    major: bool
    legal_basis: str | None
    officers: tuple[CaseOfficerRow, ...]
    suspensions: tuple[SuspensionRow, ...]
    documents: tuple[DocumentRow, ...]
    deadlines: tuple[Deadline, ...]
    timeline: tuple[StageEvent, ...]
    warnings: tuple[WarningRow, ...]
    as_of: date
    calendar_notes: tuple[int, ...]
    """Years counted by weekends only (their holiday schedule is not loaded)."""
    version: int
    updated_at: str
    updated_by: str
    power: CasePower | None = None
    """The power (执法事项) the case cites, as its version in force on the 立案 date has it."""
    target_code: str | None = None
    """检查对象代码 of a 行政检查."""

    updated_by_name: str = ""
    """The display name of ``updated_by`` (a login name)."""


@dataclass(frozen=True)
class CasePower:
    """A case's power beside the case: its version in force on the 立案 date and the band applied."""

    code: str
    name: str | None
    legal_basis: str | None
    band: str | None
    band_kinds: tuple[str, ...] = ()
    fine_min: Decimal | None = None
    fine_max: Decimal | None = None
    in_force: bool = True
    """False when no version of the agency's power was in force on the 立案 date."""


@dataclass(frozen=True)
class CaseInput:
    """What a user fills in for a new case (or one row of a register workbook).

    ``agency`` is an id or a name; ``officers`` are officer ids, 执法证号 or names.
    """

    case_no: str
    agency: int | str
    category: str
    cause: str
    party: str
    filed_on: date | None
    officers: tuple[int | str, ...] = ()
    procedure: str | None = None
    source: str | None = None
    party_type: str | None = None
    party_id_number: str | None = None
    discovered_on: date | None = None
    investigated_on: date | None = None
    legal_review_on: date | None = None
    decided_on: date | None = None
    served_on: date | None = None
    published_on: date | None = None
    executed_on: date | None = None
    closed_on: date | None = None
    measures: tuple[str, ...] = ()
    measure_on: date | None = None
    measure_released_on: date | None = None
    measure_extended: bool = False
    penalty_kinds: tuple[str, ...] = ()
    amount: Decimal | None = None
    major: bool = False
    legal_basis: str | None = None
    power_code: str | None = None
    """事项编码: the power of the agency's catalogue the case exercises (FORMATS.md §1, §10)."""
    discretion_band: str | None = None
    """裁量档次 of that power applied (行政处罚)."""
    target_code: str | None = None
    """检查对象代码: the inspected target's 统一社会信用代码 (行政检查)."""
    dossier: str | None = None
    """Path of the dossier PDF (absolute, or relative to ``dossier_base``)."""


@dataclass(frozen=True)
class StageInput:
    """One step recorded on a case (the record-a-stage dialog).

    ``stage`` is one of ``STAGES`` or ``measure`` / ``measure_released``; the decision may
    carry its 处罚种类, amount and 法律依据.
    """

    stage: str
    on: date
    penalty_kinds: tuple[str, ...] = ()
    amount: Decimal | None = None
    legal_basis: str | None = None
    power_code: str | None = None
    """The decision's power (事项编码); None keeps the case's."""
    discretion_band: str | None = None
    """The band applied (裁量档次); None keeps the case's."""


@dataclass(frozen=True)
class WarningCount:
    """How many warnings of one code one agency has (open and handled)."""

    agency_id: int
    agency: str
    code: str
    level: str
    open: int
    handled: int


@dataclass(frozen=True)
class CalendarOverrideRow:
    """A local working-day override."""

    day: date
    working: bool
    note: str | None
    version: int


@dataclass(frozen=True)
class NoticeImported:
    """A holiday notice stored: its year, the days it made rest days and worked days, and how many
    overrides of an earlier notice of that year or of a local entry it replaced or removed."""

    year: int
    rest_days: tuple[date, ...]
    work_days: tuple[date, ...]
    replaced: int


@dataclass(frozen=True)
class SupervisionSettings:
    """The store-wide limits and who changed them last."""

    limits: Limits
    updated_at: str
    updated_by: str
    version: int
    """What ``save_limits`` is given back: moves on every change of any limit."""


@dataclass(frozen=True)
class DossierFile:
    """A dossier PDF written for a case already on the register (``documents.attach_dossiers``)."""

    case_id: int
    path: str
    """Absolute path of the PDF."""
    pages: int
    title: str = "卷宗"


@dataclass(frozen=True)
class WarningKey:
    """One warning to handle: its case, code and the disposition's version as shown."""

    case_id: int
    code: str
    version: int | None = None
    subject: str = ""
    """For a personnel warning (``case_id`` 0): ``WarningRow.subject``."""


@dataclass(frozen=True)
class Disposal:
    """What a 处置 says: its kind, a note, an optional follow-up date and attachment."""

    note: str
    kind: str | None = None
    follow_up_on: date | None = None
    attachment: AttachmentUpload | None = None
    keep_attachment: bool = False
    """Without a new attachment: keep the one a handled warning already has (else it is removed)."""


@dataclass(frozen=True)
class AttachmentUpload:
    """A file to attach to a 处置: its name and its bytes."""

    name: str
    content: bytes


@dataclass(frozen=True)
class AttachmentFile:
    """A 处置's attachment as stored: name, SHA-256, size and bytes."""

    id: int
    name: str
    sha256: str
    size: int
    content: bytes


@dataclass(frozen=True)
class DisposalKinds:
    """The kinds a 处置 may have (a store-wide setting), who changed them last, and their version."""

    kinds: tuple[str, ...]
    updated_at: str
    updated_by: str
    version: int
