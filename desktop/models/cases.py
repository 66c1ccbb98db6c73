"""The case register (案件登记): cases, their officers, suspended periods, documents, and the
supervision tables around them (warning dispositions, the local working-day overrides and the
store-wide supervision settings).

Stage dates live on the case row: each is the date the step happened (empty = not yet).
Warnings are never stored: ``desktop.cases.rules`` derives them from these facts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
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
from desktop.models.org import Agency
from desktop.models.personnel import Officer


class Case(Versioned, Base):
    """One case of an agency's register (行政处罚 · 行政强制 · 行政检查)."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("agency_id", "case_no", name="uq_cases_agency_case_no"),
        Index("ix_cases_agency_filed", "agency_id", "filed_on"),
        Index("ix_cases_agency_stage_filed", "agency_id", "stage", "filed_on"),
        Index("ix_cases_stage_filed", "stage", "filed_on"),
        Index("ix_cases_category_filed", "category", "filed_on"),
        Index("ix_cases_review_scope", "category", "closed_on", "agency_id", "case_no", "id"),
        Index("ix_cases_decided_on", "decided_on"),  # the assessment's counts of a period's decisions
        # the power checks' pre-filter (cases.power_facts): cases filed outside a version of
        # their power, and each (power, agency, band, kinds) with its fines in order
        Index("ix_cases_power_filed", "power_code", "agency_id", "filed_on"),
        Index(
            "ix_cases_power_band",
            "power_code",
            "agency_id",
            "discretion_band",
            "penalty_kinds",
            "amount",
            "filed_on",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), nullable=False)
    case_no: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    category: Mapped[str] = mapped_column(String(8), nullable=False)
    """案件类别: 行政处罚 · 行政强制 · 行政检查."""
    procedure: Mapped[str | None] = mapped_column(String(8))
    """程序类型 of a 行政处罚: 简易程序 · 普通程序."""
    source: Mapped[str | None] = mapped_column(String(12))
    cause: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    """案由."""
    party: Mapped[str] = mapped_column(String(120), nullable=False, index=True)
    """当事人."""
    party_type: Mapped[str | None] = mapped_column(String(8))
    party_id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    stage: Mapped[str] = mapped_column(String(12), nullable=False)
    """The last step recorded (``desktop.cases.terms.STAGES``), kept with the dates it follows."""

    discovered_on: Mapped[date | None] = mapped_column(Date)
    filed_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    investigated_on: Mapped[date | None] = mapped_column(Date)
    legal_review_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    served_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    executed_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)

    measures: Mapped[str | None] = mapped_column(String(60))
    """强制措施, 、-separated."""
    measure_on: Mapped[date | None] = mapped_column(Date)
    measure_released_on: Mapped[date | None] = mapped_column(Date)
    measure_extended: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    """延长期限: the 30-day limit of 查封/扣押/冻结 was extended by approval."""
    decision_extension_days: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    """Days by which an approval extended the 90-day decision limit."""

    penalty_kinds: Mapped[str | None] = mapped_column(String(120))
    """处罚种类, 、-separated."""
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    """罚没金额 in yuan."""
    major: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    """重大执法决定."""
    legal_basis: Mapped[str | None] = mapped_column(Text)
    power_code: Mapped[str | None] = mapped_column(String(40))
    """事项编码: the power (执法事项) the case exercises (FORMATS.md §1, §10)."""
    discretion_band: Mapped[str | None] = mapped_column(String(8))
    """裁量档次 of that power applied (行政处罚)."""
    target_code: Mapped[str | None] = mapped_column(String(18))
    """检查对象代码: the inspected target's 统一社会信用代码 (行政检查, §11)."""
    officer_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    """How many officers handled the case (kept with ``officers``, for the register)."""

    agency: Mapped[Agency] = relationship(lazy="joined")
    officers: Mapped[list[CaseOfficer]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseOfficer.position"
    )
    suspensions: Mapped[list[CaseSuspension]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseSuspension.start_on"
    )
    documents: Mapped[list[CaseDocument]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseDocument.id"
    )


class CaseOfficer(Base):
    """An officer who handled a case (承办人员)."""

    __tablename__ = "case_officers"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    case: Mapped[Case] = relationship(back_populates="officers")
    officer: Mapped[Officer] = relationship()


class CaseSuspension(Base):
    """A period that does not count towards a deadline (检测、鉴定、听证、公告)."""

    __tablename__ = "case_suspensions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    start_on: Mapped[date] = mapped_column(Date, nullable=False)
    end_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(200))

    case: Mapped[Case] = relationship(back_populates="suspensions")


class CaseDocument(Base):
    """A document of the case file, e.g. the dossier PDF (卷宗)."""

    __tablename__ = "case_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="dossier")
    title: Mapped[str] = mapped_column(String(120), nullable=False)
    path: Mapped[str] = mapped_column(String(500), nullable=False)
    pages: Mapped[int | None] = mapped_column(Integer)

    case: Mapped[Case] = relationship(back_populates="documents")


class WarningAttachment(Base):
    """A file attached to a 处置 (a 约谈笔录, a 整改通知书 …), kept in the store with its SHA-256;
    one file may serve several dispositions made together."""

    __tablename__ = "warning_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    added_at: Mapped[str] = mapped_column(String(32), nullable=False)
    added_by: Mapped[str] = mapped_column(String(64), nullable=False)


class WarningDisposition(Base):
    """A supervisor's 处置 of one warning of one case: handled, with a kind, a note, an optional
    follow-up date and attachment. A reopened one (``reopened_at``) no longer handles its warning
    but keeps what was done, for the history."""

    __tablename__ = "warning_dispositions"
    __table_args__ = (
        UniqueConstraint("case_id", "code", name="uq_warning_dispositions_case_code"),
        UniqueConstraint("subject", "code", name="uq_warning_dispositions_subject_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    """The case of a register warning; empty for a warning of an officer (``officer_id``)."""
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"), index=True)
    """The officer of a personnel warning (certificates, training)."""
    subject: Mapped[str | None] = mapped_column(String(120))
    """What a personnel warning is about (``cert:<number>``, ``cert:<number>:<due>``,
    ``officer:<id>:<case_no>``, ``officer:<id>:<year>``): a later occurrence is a new warning."""
    code: Mapped[str] = mapped_column(String(30), nullable=False)
    note: Mapped[str] = mapped_column(String(500), nullable=False)
    handled_at: Mapped[str] = mapped_column(String(32), nullable=False)
    handled_by: Mapped[str] = mapped_column(String(64), nullable=False)
    handled_on: Mapped[date | None] = mapped_column(Date)
    """The date the handling was made as of (the warnings' date), for follow-ups."""
    kind: Mapped[str | None] = mapped_column(String(20))
    """约谈、责令整改、通报、移送、其他 … (the setting ``disposal.kinds``)."""
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("warning_attachments.id"), index=True)
    reopened_at: Mapped[str | None] = mapped_column(String(32))
    reopened_by: Mapped[str | None] = mapped_column(String(64))
    reopen_reason: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    """Optimistic lock: a stale UPDATE matches no row (who and when are ``handled_*``)."""

    __mapper_args__ = {"version_id_col": version}

    @property
    def updated_at(self) -> str:
        """When the disposition was last written (for the conflict message)."""
        return self.reopened_at or self.handled_at

    @property
    def updated_by(self) -> str:
        """Who wrote the disposition last (for the conflict message)."""
        return self.reopened_by or self.handled_by


class CalendarOverride(Versioned, Base):
    """A local change to the national working-day calendar: a holiday added or a rest day worked."""

    __tablename__ = "calendar_overrides"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean, nullable=False)
    note: Mapped[str | None] = mapped_column(String(100))


class StoreSetting(Versioned, Base):
    """A setting every workstation of the store shares (e.g. a warning lead time)."""

    __tablename__ = "store_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), nullable=False)
