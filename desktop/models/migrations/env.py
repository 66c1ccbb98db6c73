"""Alembic environment: runs on the connection the program hands it (see ``desktop.models.db``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop.models import Base, search

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Migrate over the given connection (or the URL in ``sqlalchemy.url`` for developers)."""
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=search.include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
