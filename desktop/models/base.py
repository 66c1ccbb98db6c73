"""The declarative base with a naming convention (so migrations name constraints the same
on SQLite and PostgreSQL) and the columns every editable row carries."""

from __future__ import annotations

from sqlalchemy import Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Every table of the store."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The model's Core table, for statements that bypass the ORM (``__table__`` is typed loosely)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


class Versioned:
    """An editable row: a version for optimistic locking, and who changed it last and when.

    ``updated_at`` is UTC text (``desktop.core.clock.utc_iso``).
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        """Make ``version`` the optimistic-lock column: a stale UPDATE matches no row."""
        return {"version_id_col": cls.version}
