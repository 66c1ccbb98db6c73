"""Case-file review (案卷评查): standards, campaigns, drawn files, scores with their marks on the
dossier pages, feedback to agencies and rechecks (复核).

A rubric (评查标准) is stored whole as its JSON document and never changes once a file was scored
with it (an edit becomes a new version). Scores name rubric items by their codes. Nothing a
reviewer wrote is ever deleted by a recheck: a recheck decision sits beside the entry it rules on.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Versioned


class Rubric(Base):
    """One version of a review standard (评查标准), kept as its JSON document."""

    __tablename__ = "rubrics"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_rubrics_code_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    applies_to: Mapped[str] = mapped_column(String(60), nullable=False)
    """案件类别 the standard is for, 、-joined."""
    document: Mapped[str] = mapped_column(Text, nullable=False)
    """The rubric JSON (FORMATS.md §4), canonical form."""
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    is_default: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    """Shipped with the program (to be checked against the province's current standard)."""
    source_name: Mapped[str | None] = mapped_column(String(200))
    imported_at: Mapped[str] = mapped_column(String(32), nullable=False)
    imported_by: Mapped[str] = mapped_column(String(64), nullable=False)


class Campaign(Versioned, Base):
    """A review campaign (评查活动): its scope, quotas, reviewers and the seeded draw."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="scoring")
    """``scoring`` (drawn, being scored) · ``closed`` (grades fixed, 通报) · ``voided`` (作废 before any
    score was saved: kept on record, its draw still verifiable, left out of results)."""
    rubrics: Mapped[str] = mapped_column(Text, nullable=False)
    """JSON: {案件类别: rubric id}."""
    agency_ids: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    """JSON list of the agencies in scope; empty = every agency."""
    categories: Mapped[str] = mapped_column(String(60), nullable=False)
    """案件类别 in scope, 、-joined."""
    closed_from: Mapped[date] = mapped_column(Date, nullable=False)
    closed_to: Mapped[date] = mapped_column(Date, nullable=False)
    per_agency: Mapped[int | None] = mapped_column(Integer)
    percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    exclude_recent: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    """Leave out files reviewed in the last N campaigns."""
    require_dossier: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    double: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    first_weight: Mapped[int] = mapped_column(Integer, nullable=False, default=100)
    """Weight in percent of the first score (double scoring: the second has 100 - this)."""
    reviewers: Mapped[str] = mapped_column(Text, nullable=False)
    """JSON list of the reviewers' user names, in the order given."""
    seed: Mapped[str] = mapped_column(String(100), nullable=False)
    population_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    population_size: Mapped[int] = mapped_column(Integer, nullable=False)
    population: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    """The eligible files' draw keys, zlib-compressed lines (so a changed register can be told)."""
    recheck_days: Mapped[int] = mapped_column(Integer, nullable=False, default=5)
    """Working days after feedback within which an agency may ask for a recheck."""
    drawn_at: Mapped[str] = mapped_column(String(32), nullable=False)
    drawn_by: Mapped[str] = mapped_column(String(64), nullable=False)
    drawn_on: Mapped[date] = mapped_column(Date, nullable=False)
    """The as-of date of the draw (which closed files existed)."""
    voided_at: Mapped[str | None] = mapped_column(String(32))
    voided_by: Mapped[str | None] = mapped_column(String(64))
    void_reason: Mapped[str | None] = mapped_column(Text)

    files: Mapped[list[CampaignFile]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="CampaignFile.position"
    )


class CampaignFile(Base):
    """A case file drawn for a campaign, with its rank key and the rubric it is scored under."""

    __tablename__ = "campaign_files"
    __table_args__ = (UniqueConstraint("campaign_id", "case_id", name="uq_campaign_files_campaign_case"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False, index=True
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), nullable=False, index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    rank: Mapped[str] = mapped_column(String(64), nullable=False)
    """SHA-256 of the seed and the file's key: the draw takes the smallest per agency."""
    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubrics.id"), nullable=False)
    paper: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    """纸质卷宗: no electronic dossier when drawn; scored without the viewer."""

    campaign: Mapped[Campaign] = relationship(back_populates="files")
    scorings: Mapped[list[Scoring]] = relationship(
        back_populates="file", cascade="all, delete-orphan", order_by="Scoring.slot"
    )


class Scoring(Versioned, Base):
    """One reviewer's score sheet of one file ("一卷一表"); slot 1 and, when double, 2."""

    __tablename__ = "scorings"
    __table_args__ = (
        UniqueConstraint("file_id", "slot", name="uq_scorings_file_slot"),
        Index("ix_scorings_reviewer_state", "reviewer", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("campaign_files.id", ondelete="CASCADE"), nullable=False)
    slot: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    reviewer: Mapped[str] = mapped_column(String(64), nullable=False)
    """The reviewer's user name."""
    weight: Mapped[int] = mapped_column(Integer, nullable=False, default=100)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="open")
    """``open`` · ``submitted``."""
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    submitted_at: Mapped[str | None] = mapped_column(String(32))
    reopened: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_page: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    """Where the reviewer was in the dossier (0-based), to open there again."""

    file: Mapped[CampaignFile] = relationship(back_populates="scorings")
    entries: Mapped[list[ScoreEntry]] = relationship(
        back_populates="scoring", cascade="all, delete-orphan", order_by="ScoreEntry.id"
    )
    marks: Mapped[list[ScoreMark]] = relationship(
        back_populates="scoring", cascade="all, delete-orphan", order_by="ScoreMark.id"
    )


class ScoreEntry(Base):
    """A deduction or a veto a reviewer took on a score sheet (by the rubric's code)."""

    __tablename__ = "score_entries"
    __table_args__ = (UniqueConstraint("scoring_id", "code", name="uq_score_entries_scoring_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scoring_id: Mapped[int] = mapped_column(ForeignKey("scorings.id", ondelete="CASCADE"), nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    count: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    """Occurrences, for a per-occurrence deduction."""
    points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    """The points chosen, for a range deduction."""
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)

    scoring: Mapped[Scoring] = relationship(back_populates="entries")


class ScoreMark(Base):
    """A mark on a dossier page: a rectangle or selected text, in PDF points of the unrotated page,
    attached to a deduction (or loose until it is)."""

    __tablename__ = "score_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scoring_id: Mapped[int] = mapped_column(
        ForeignKey("scorings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    code: Mapped[str | None] = mapped_column(String(40))
    """The deduction (or veto) code the mark belongs to."""
    page: Mapped[int] = mapped_column(Integer, nullable=False)
    """0-based page number."""
    x0: Mapped[float] = mapped_column(Float, nullable=False)
    y0: Mapped[float] = mapped_column(Float, nullable=False)
    x1: Mapped[float] = mapped_column(Float, nullable=False)
    y1: Mapped[float] = mapped_column(Float, nullable=False)
    kind: Mapped[str] = mapped_column(String(8), nullable=False, default="rect")
    """``rect`` (drawn) or ``text`` (selected text; ``text`` holds it)."""
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)

    scoring: Mapped[Scoring] = relationship(back_populates="marks")


class Feedback(Versioned, Base):
    """Feedback (反馈) sent to one agency of a campaign, with its 整改 deadline (sent again: a new version)."""

    __tablename__ = "review_feedback"
    __table_args__ = (
        UniqueConstraint("campaign_id", "agency_id", name="uq_review_feedback_campaign_agency"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), nullable=False)
    sent_on: Mapped[date] = mapped_column(Date, nullable=False)
    rectify_by: Mapped[date] = mapped_column(Date, nullable=False)
    recheck_until: Mapped[date] = mapped_column(Date, nullable=False)
    sent_by: Mapped[str] = mapped_column(String(64), nullable=False)
    folder: Mapped[str] = mapped_column(String(500), nullable=False, default="")


class Recheck(Versioned, Base):
    """An agency's request for a recheck (复核) of named deductions of one file."""

    __tablename__ = "rechecks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(
        ForeignKey("campaign_files.id", ondelete="CASCADE"), nullable=False, index=True
    )
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="requested")
    """``requested`` · ``assigned`` · ``decided``."""
    requested_by: Mapped[str] = mapped_column(String(64), nullable=False)
    requested_at: Mapped[str] = mapped_column(String(32), nullable=False)
    reviewer: Mapped[str | None] = mapped_column(String(64))
    assigned_by: Mapped[str | None] = mapped_column(String(64))
    assigned_at: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[str | None] = mapped_column(String(32))

    items: Mapped[list[RecheckItem]] = relationship(
        back_populates="recheck", cascade="all, delete-orphan", order_by="RecheckItem.id"
    )


class RecheckItem(Base):
    """One disputed entry of a recheck, with the agency's reason and the recheck reviewer's ruling."""

    __tablename__ = "recheck_items"
    __table_args__ = (UniqueConstraint("recheck_id", "entry_id", name="uq_recheck_items_recheck_entry"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recheck_id: Mapped[int] = mapped_column(ForeignKey("rechecks.id", ondelete="CASCADE"), nullable=False)
    entry_id: Mapped[int] = mapped_column(ForeignKey("score_entries.id"), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    decision: Mapped[str | None] = mapped_column(String(8))
    """``upheld`` · ``changed`` (``new_count`` / ``new_points``; count 0 withdraws the entry)."""
    new_count: Mapped[int | None] = mapped_column(Integer)
    new_points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    decision_reason: Mapped[str | None] = mapped_column(Text)

    recheck: Mapped[Recheck] = relationship(back_populates="items")
