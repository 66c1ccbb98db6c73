"""Exams (考试): the question bank with its versions, sittings, one stored paper per candidate
and the paper's items (question, printed position, printed option order, the answer given)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Versioned

QUESTION_TYPES = ("单选题", "多选题", "判断题")
DIFFICULTIES = ("易", "中", "难")


class Question(Versioned, Base):
    """One version of a bank question. A question printed in a paper is never changed in place:
    an edit adds a new version (same ``family``) and retires the old one from new papers."""

    __tablename__ = "exam_questions"
    __table_args__ = (Index("ix_exam_questions_pick", "type", "active", "category", "difficulty"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family: Mapped[int] = mapped_column(Integer, nullable=False, index=True, default=0)
    """The id of the question's first version."""
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    type: Mapped[str] = mapped_column(String(8), nullable=False)
    stem: Mapped[str] = mapped_column(Text, nullable=False)
    options: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    answer: Mapped[str] = mapped_column(String(8), nullable=False)
    category: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    difficulty: Mapped[str] = mapped_column(String(2), nullable=False, default="中")
    explanation: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    """False once retired or superseded by a newer version."""
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class Sitting(Base):
    """One exam as generated from a blueprint and a seed."""

    __tablename__ = "exam_sittings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    seed: Mapped[str] = mapped_column(String(100), nullable=False)
    blueprint: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    pass_mark: Mapped[float] = mapped_column(Float, nullable=False)
    total_points: Mapped[float] = mapped_column(Float, nullable=False)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    code: Mapped[str] = mapped_column(String(12), nullable=False, unique=True)
    """The sitting's code, which a candidate types with their 身份证号 to open an on-screen paper."""

    papers: Mapped[list[Paper]] = relationship(
        back_populates="sitting", cascade="all, delete-orphan", order_by="Paper.id"
    )


class Paper(Base):
    """One candidate's paper: the questions drawn for them, as printed."""

    __tablename__ = "exam_papers"
    __table_args__ = (UniqueConstraint("sitting_id", "id_number", name="uq_exam_papers_candidate"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(
        ForeignKey("exam_sittings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    paper_no: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    id_number: Mapped[str] = mapped_column(String(18), nullable=False, index=True)
    agency: Mapped[str | None] = mapped_column(String(100))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="SET NULL"), index=True)
    points: Mapped[float] = mapped_column(Float, nullable=False)
    score: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    graded_at: Mapped[str | None] = mapped_column(String(32))
    opened_at: Mapped[str | None] = mapped_column(String(32))
    """When the candidate first opened the paper on screen (UTC); the countdown runs from here."""
    submitted_at: Mapped[str | None] = mapped_column(String(32))
    extra_seconds: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    """Time a proctor added for this candidate."""
    flagged: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    """Question numbers the candidate flagged to come back to."""

    sitting: Mapped[Sitting] = relationship(back_populates="papers")
    items: Mapped[list[PaperItem]] = relationship(
        back_populates="paper", cascade="all, delete-orphan", order_by="PaperItem.position"
    )


class PaperItem(Base):
    """A question in a paper: its printed number, the bank's option letters in printed order
    (``CADB``: printed A is the bank's C; empty for 判断题), its points, and once graded the
    answer given (in the bank's letters, or 正确/错误) and the points earned."""

    __tablename__ = "exam_paper_items"
    __table_args__ = (UniqueConstraint("paper_id", "position", name="uq_exam_paper_items_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("exam_papers.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    question_id: Mapped[int] = mapped_column(ForeignKey("exam_questions.id"), nullable=False, index=True)
    option_order: Mapped[str] = mapped_column(String(8), nullable=False, default="")
    points: Mapped[float] = mapped_column(Float, nullable=False)
    partial_credit: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    response: Mapped[str | None] = mapped_column(String(8))
    earned: Mapped[float | None] = mapped_column(Float)

    paper: Mapped[Paper] = relationship(back_populates="items")
    question: Mapped[Question] = relationship(lazy="joined")
