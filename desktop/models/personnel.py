"""执法人员 and their 执法证 (the minimal certificate record; the lifecycle comes later)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Versioned
from desktop.models.org import Agency

CERTIFICATE_STATUSES = ("active", "suspended", "cancelled", "revoked")
"""正常 · 暂停(暂扣) · 注销 · 吊销; 过期 is derived from the expiry date, never stored."""


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
    """A 执法证: number, issue date, expiry and status."""

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
