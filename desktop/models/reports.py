"""Indicator sets of the assessment (执法考核), versioned, and the published results that keep the
set they were computed with."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base


class IndicatorSetRecord(Base):
    """One version of a named indicator set (its JSON document and fingerprint)."""

    __tablename__ = "indicator_sets"
    __table_args__ = (UniqueConstraint("name", "version", name="uq_indicator_sets_name_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    document: Mapped[str] = mapped_column(Text, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)


class PublishedAssessment(Base):
    """An assessment result as published: its period, the set version, and every figure."""

    __tablename__ = "published_assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("indicator_sets.id"), nullable=False, index=True)
    period_from: Mapped[date] = mapped_column(Date, nullable=False)
    period_to: Mapped[date] = mapped_column(Date, nullable=False)
    document: Mapped[str] = mapped_column(Text, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    published_at: Mapped[str] = mapped_column(String(32), nullable=False)
    published_by: Mapped[str] = mapped_column(String(64), nullable=False)
