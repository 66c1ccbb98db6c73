"""执法人员, their 执法证 with its dated history (申领 … 吊销) and the validity intervals derived
from it, and the training ledger (培训台账)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Versioned
from desktop.models.org import Agency

CERTIFICATE_STATUSES = ("active", "suspended", "cancelled", "revoked")
"""正常 · 暂停(暂扣) · 注销 · 吊销 as an officer's form or workbook sets them; 过期 is derived from
the expiry date, never stored. A certificate's history (``CertificateEvent``) also leaves
``applied``, ``approved``, ``refused`` and ``superseded`` (换发, 补发)."""


class Officer(Versioned, Base):
    """An enforcement officer (执法人员)."""

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    id_number: Mapped[str] = mapped_column(String(18), nullable=False, unique=True)
    gender: Mapped[str | None] = mapped_column(String(2))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), nullable=False, index=True)
    position: Mapped[str | None] = mapped_column(String(40))
    category: Mapped[str | None] = mapped_column(String(40))
    region: Mapped[str | None] = mapped_column(String(60))

    agency: Mapped[Agency] = relationship(lazy="joined")
    certificates: Mapped[list[Certificate]] = relationship(
        back_populates="officer", cascade="all, delete-orphan", order_by="Certificate.id"
    )

    def current_certificate(self) -> Certificate | None:
        """The certificate the officer holds now (the latest one not superseded)."""
        current = [c for c in self.certificates if c.current]
        return current[-1] if current else None


class Certificate(Base):
    """A 执法证: number, issue date, expiry, and the status its last event left; its history is
    ``events``, and ``periods`` the validity intervals derived from them."""

    __tablename__ = "certificates"
    __table_args__ = (
        Index("ix_certificates_officer_current", "officer_id", "current"),
        # Answers "was the officer certified on the 立案 date?" from the index alone.
        Index("ix_certificates_officer_validity", "officer_id", "status", "issued_on", "expires_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    issued_on: Mapped[date] = mapped_column(Date, nullable=False)
    expires_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="active")
    current: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    officer: Mapped[Officer] = relationship(back_populates="certificates")
    events: Mapped[list[CertificateEvent]] = relationship(
        cascade="all, delete-orphan", order_by="CertificateEvent.seq", lazy="selectin"
    )
    periods: Mapped[list[CertificateValidity]] = relationship(
        cascade="all, delete-orphan", order_by="CertificateValidity.valid_from", lazy="selectin"
    )


class CertificateEvent(Base):
    """One dated event of a 执法证 (kinds: ``personnel.certificate_history.EVENT_KINDS``)."""

    __tablename__ = "certificate_events"
    __table_args__ = (Index("ix_certificate_events_cert_seq", "certificate_id", "seq", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), nullable=False
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    on: Mapped[date] = mapped_column(Date, nullable=False)
    result: Mapped[str | None] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    document_no: Mapped[str | None] = mapped_column(String(60))
    decided_by: Mapped[str | None] = mapped_column(String(60))
    recorded_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    recorded_at: Mapped[str] = mapped_column(String(32), nullable=False, default="")


class CertificateValidity(Base):
    """A date interval (both ends included) in which a certificate was valid, derived from its
    events by ``certificate_history.valid_periods`` and rewritten with them: what the register's
    queries ask ("did the officer hold a valid certificate on the 立案 date?")."""

    __tablename__ = "certificate_validity"
    __table_args__ = (Index("ix_certificate_validity_officer", "officer_id", "valid_from", "valid_to"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), nullable=False, index=True
    )
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"), nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_to: Mapped[date] = mapped_column(Date, nullable=False)

    officer: Mapped[Officer] = relationship()


class CertificateApplication(Versioned, Base):
    """An officer's 申领 of a 执法证: what it rests on (a passed exam, or an exam document entered by
    hand; the year's training hours), its 审核 (pass or refuse, with a reason) and, once issued, the
    certificate it became (whose history then starts with this 申领 and 审核)."""

    __tablename__ = "certificate_applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(
        ForeignKey("officers.id", ondelete="CASCADE"), nullable=False, index=True
    )
    applied_on: Mapped[date] = mapped_column(Date, nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False, default="applied")
    """``applied`` (waiting for 审核), ``approved``, ``refused``, ``issued``."""
    exam_sitting_id: Mapped[int | None] = mapped_column(Integer)
    """The passed exam sitting it rests on (the exam area's), when one is recorded."""
    exam_doc: Mapped[str | None] = mapped_column(String(120))
    """The exam's document (文号) entered by hand (an exam held elsewhere)."""
    hours: Mapped[Decimal] = mapped_column(Numeric(7, 1), nullable=False, default=0)
    """The year's training hours when applying."""
    gate_hours: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    vetted_on: Mapped[date | None] = mapped_column(Date)
    vet_reason: Mapped[str | None] = mapped_column(String(200))
    vetted_by: Mapped[str | None] = mapped_column(String(64))
    certificate_id: Mapped[int | None] = mapped_column(ForeignKey("certificates.id", ondelete="SET NULL"))
    recorded_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")

    officer: Mapped[Officer] = relationship()


class TrainingRecord(Base):
    """One officer's attendance of one course (培训台账)."""

    __tablename__ = "training_records"
    __table_args__ = (Index("ix_training_records_officer_on", "officer_id", "on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"), nullable=False)
    course: Mapped[str] = mapped_column(String(120), nullable=False)
    on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 1), nullable=False)
    organiser: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[str | None] = mapped_column(String(20))
    """The course's kind (通用法律知识, 专门法律知识, 执法技能 …) where it was entered."""
    ends_on: Mapped[date | None] = mapped_column(Date)
    """The course's last day when it lasted more than one (``on`` is its first)."""
    recorded_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    recorded_at: Mapped[str] = mapped_column(String(32), nullable=False, default="")


class OfficerPhoto(Base):
    """An officer's photo for the card and 证件验证: a small JPEG (at most 295 × 413 px)."""

    __tablename__ = "officer_photos"

    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"), primary_key=True)
    jpeg: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    updated_at: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
