"""Enforcement powers and what rests on them: the catalogue of each agency's powers (执法事项)
with their discretion bands (裁量基准), the directory of inspection targets (检查对象名录), the
双随机 inspection plans with their drawn items, and case sources (案源).

A power is versioned by its effective date: the rows with one 事项编码 and one 生效日期 are one
version; a case is checked against the version in force on its 立案 date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Versioned


class Power(Base):
    """One version of one enforcement power (执法事项) of an agency."""

    __tablename__ = "powers"
    __table_args__ = (UniqueConstraint("code", "effective_on", name="uq_powers_code_effective_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    """事项编码."""
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    category: Mapped[str] = mapped_column(String(8), nullable=False)
    """事项类别: 行政处罚 · 行政强制 · 行政检查."""
    legal_basis: Mapped[str] = mapped_column(Text, nullable=False)
    effective_on: Mapped[date] = mapped_column(Date, nullable=False)
    expires_on: Mapped[date | None] = mapped_column(Date)
    """失效日期: the last day in force (empty: still in force)."""
    imported_at: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    imported_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")

    bands: Mapped[list[PowerBand]] = relationship(
        back_populates="power", cascade="all, delete-orphan", order_by="PowerBand.position"
    )


class PowerBand(Base):
    """One discretion band (裁量档次) of a power version: its circumstances, penalties and fines."""

    __tablename__ = "power_bands"
    __table_args__ = (UniqueConstraint("power_id", "band", name="uq_power_bands_power_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    power_id: Mapped[int] = mapped_column(ForeignKey("powers.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    band: Mapped[str] = mapped_column(String(8), nullable=False)
    """不予处罚 · 减轻 · 从轻 · 一般 · 从重."""
    circumstances: Mapped[str | None] = mapped_column(Text)
    penalty_kinds: Mapped[str | None] = mapped_column(String(200))
    """处罚种类, 、-separated."""
    fine_min: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    fine_max: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))

    power: Mapped[Power] = relationship(back_populates="bands")


class InspectionTarget(Versioned, Base):
    """An entity of the 检查对象名录 (the 双随机 directory)."""

    __tablename__ = "inspection_targets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    credit_code: Mapped[str] = mapped_column(String(18), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    """类型: 企业 · 个体工商户 · 其他组织."""
    field: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    """所属领域 (matches the agencies' 执法领域)."""
    risk: Mapped[str] = mapped_column(String(2), nullable=False, default="中")
    address: Mapped[str | None] = mapped_column(String(300))


class InspectionPlan(Base):
    """A 双随机 inspection plan and its stored draw."""

    __tablename__ = "inspection_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), nullable=False, index=True)
    field: Mapped[str] = mapped_column(String(30), nullable=False)
    seed: Mapped[str] = mapped_column(String(200), nullable=False)
    count: Mapped[int | None] = mapped_column(Integer)
    percent: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    start_on: Mapped[date] = mapped_column(Date, nullable=False)
    end_on: Mapped[date] = mapped_column(Date, nullable=False)
    items_to_check: Mapped[str | None] = mapped_column(Text)
    directory_digest: Mapped[str] = mapped_column(String(64), nullable=False)
    """SHA-256 of the directory the draw read (credit code, risk and field of each candidate)."""
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)

    items: Mapped[list[InspectionItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="InspectionItem.position"
    )


class InspectionItem(Versioned, Base):
    """One drawn target of a plan, its two inspectors and its result (一公开)."""

    __tablename__ = "inspection_items"
    __table_args__ = (
        UniqueConstraint("plan_id", "target_id", name="uq_inspection_items_plan_id"),
        Index("ix_inspection_items_target", "target_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_plans.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    target_id: Mapped[int] = mapped_column(ForeignKey("inspection_targets.id"), nullable=False)
    credit_code: Mapped[str] = mapped_column(String(18), nullable=False)
    risk: Mapped[str] = mapped_column(String(2), nullable=False)
    rank: Mapped[str] = mapped_column(String(64), nullable=False)
    inspector_ids: Mapped[str] = mapped_column(String(40), nullable=False)
    """The two inspectors' officer ids, comma-separated, in drawn order."""
    result: Mapped[str | None] = mapped_column(String(20))
    """未发现问题 · 发现问题已责令整改 · 立案查处 · 未检查."""
    result_on: Mapped[date | None] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    published_on: Mapped[date | None] = mapped_column(Date)

    plan: Mapped[InspectionPlan] = relationship(back_populates="items")


class Lead(Versioned, Base):
    """A case source (案源): a complaint, report, transfer or inspection finding, and its decision."""

    __tablename__ = "leads"
    __table_args__ = (UniqueConstraint("agency_id", "number", name="uq_leads_agency_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), nullable=False, index=True)
    number: Mapped[str] = mapped_column(String(60), nullable=False)
    """案源编号."""
    source: Mapped[str] = mapped_column(String(12), nullable=False)
    """投诉 · 举报 · 移送 · 检查发现 · 其他."""
    received_on: Mapped[date] = mapped_column(Date, nullable=False)
    party: Mapped[str | None] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(String(500), nullable=False)
    decision: Mapped[str | None] = mapped_column(String(8))
    """立案 · 不予立案 (empty: undecided)."""
    decided_on: Mapped[date | None] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
