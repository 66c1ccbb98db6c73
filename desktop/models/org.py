"""执法主体: the enforcement agencies of the county."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Versioned


class Agency(Versioned, Base):
    """An enforcement agency (执法主体)."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    short_name: Mapped[str | None] = mapped_column(String(60), unique=True)
    credit_code: Mapped[str | None] = mapped_column(String(18))
    field: Mapped[str | None] = mapped_column(String(30), index=True)
    level: Mapped[str | None] = mapped_column(String(10))
