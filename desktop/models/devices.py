"""Body-camera footage (执法记录仪): the stored files, their case links, the docking stations, the
import journal and the officer and device numbers a clerk maps once.

A file's bytes live in the evidence store (``desktop.devices.evidence``), named by their SHA-256;
these rows say what the bytes are. A file is recorded once however many stations deliver it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Versioned


class FootageFile(Versioned, Base):
    """One stored recording (video, audio or photo), write-once, named by its SHA-256."""

    __tablename__ = "footage_files"
    __table_args__ = (
        Index("ix_footage_files_start", "start_at"),
        Index("ix_footage_files_agency_start", "agency_id", "start_at"),
        Index("ix_footage_files_case", "case_id"),
        Index("ix_footage_files_officer_no", "officer_no", "start_at"),
        Index("ix_footage_files_first_screen", "start_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    """video · audio · photo."""
    ext: Mapped[str] = mapped_column(String(8), nullable=False)
    officer_no: Mapped[str] = mapped_column(String(40), nullable=False)
    """警号 as the recorder wrote it."""
    device_no: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    start_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    """Start of the recording, local time of the recorder (China, UTC+8), naive."""
    seq: Mapped[str | None] = mapped_column(String(12))
    duration_s: Mapped[int | None] = mapped_column(Integer)
    important: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    verified: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    """The station or a sidecar gave a SHA-256 and the stored bytes matched it."""
    source_name: Mapped[str] = mapped_column(String(255), nullable=False)
    station: Mapped[str] = mapped_column(String(255), nullable=False)
    imported_at: Mapped[str] = mapped_column(String(32), nullable=False)
    imported_by: Mapped[str] = mapped_column(String(64), nullable=False)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"), index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    linked_at: Mapped[str | None] = mapped_column(String(32))
    linked_by: Mapped[str | None] = mapped_column(String(64))
    gps: Mapped[str | None] = mapped_column(String(60))
    deleted_at: Mapped[str | None] = mapped_column(String(32))
    """Set when an approved deletion list removed the bytes: the row stays as a tombstone."""
    deleted_by: Mapped[str | None] = mapped_column(String(64))
    deletion_id: Mapped[int | None] = mapped_column(ForeignKey("footage_deletions.id"))


class FootageStation(Versioned, Base):
    """A docking station (采集站): an export folder or an HTTP station, and its last import."""

    __tablename__ = "footage_stations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    location: Mapped[str] = mapped_column(String(500), nullable=False)
    """A folder path or an http(s):// base URL."""
    pattern: Mapped[str | None] = mapped_column(String(500))
    """The vendor's file-name pattern (None: FORMATS.md §5's)."""
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    last_import_at: Mapped[str | None] = mapped_column(String(32))
    last_result: Mapped[str | None] = mapped_column(Text)
    """JSON: imported, skipped, errors of the last import."""


class FootageJournal(Base):
    """One source file's way into the store, so an interrupted import resumes: ``stored`` once
    its row is committed, ``acked`` once the station has been told."""

    __tablename__ = "footage_journal"
    __table_args__ = (UniqueConstraint("source", "source_key", name="uq_footage_journal_source_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(500), nullable=False)
    source_key: Mapped[str] = mapped_column(String(500), nullable=False)
    """The file's path under a folder station (with its size and time), or a station's file id."""
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    state: Mapped[str] = mapped_column(String(8), nullable=False)
    """stored · acked."""
    at: Mapped[str] = mapped_column(String(32), nullable=False)


class FootageNumber(Versioned, Base):
    """A 警号 or device number the recorders write, mapped once to an officer of the register."""

    __tablename__ = "footage_numbers"
    __table_args__ = (UniqueConstraint("kind", "number", name="uq_footage_numbers_kind_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    """officer · device."""
    number: Mapped[str] = mapped_column(String(60), nullable=False)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))


class FootageDeletion(Versioned, Base):
    """A reviewed deletion list: a clerk proposes files whose retention has passed (why), a
    supervisor approves or rejects it (who, when); approved files are then deleted."""

    __tablename__ = "footage_deletions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state: Mapped[str] = mapped_column(String(10), nullable=False)
    """proposed · approved · rejected · deleted."""
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    proposed_at: Mapped[str] = mapped_column(String(32), nullable=False)
    proposed_by: Mapped[str] = mapped_column(String(64), nullable=False)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    decided_at: Mapped[str | None] = mapped_column(String(32))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decision_note: Mapped[str | None] = mapped_column(Text)
    deleted_at: Mapped[str | None] = mapped_column(String(32))


class FootageDeletionItem(Base):
    """One file on a deletion list, with the retention that had passed when it was proposed."""

    __tablename__ = "footage_deletion_items"
    __table_args__ = (UniqueConstraint("deletion_id", "file_id", name="uq_footage_deletion_items_file"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deletion_id: Mapped[int] = mapped_column(ForeignKey("footage_deletions.id"), nullable=False, index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("footage_files.id"), nullable=False, index=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    retention_class: Mapped[str] = mapped_column(String(10), nullable=False)
    retain_until: Mapped[str] = mapped_column(String(10), nullable=False)
    outcome: Mapped[str | None] = mapped_column(String(10))
    """deleted · kept (linked or marked since the proposal), set when the list is decided."""


class FootageCount(Base):
    """How many stored (not deleted) files each agency has (``agency_key`` 0: no agency yet),
    kept in the same transactions that add, move or delete files, so that the library's first
    screen need not count a million rows. The row ``agency_key`` -1 says the counts are complete."""

    __tablename__ = "footage_counts"

    agency_key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    files: Mapped[int] = mapped_column(BigInteger, nullable=False)
