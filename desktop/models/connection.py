"""Which store to open, and testing a connection before saving it (no Qt)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from desktop.core.errors import SecretStoreUnavailable
from desktop.core.secrets import get_store_password
from desktop.core.settings import Settings
from desktop.models.db import Store, current_revision, head_revision, translate_store_errors


def resolve_store_url(settings: Settings, explicit: str | None = None) -> URL:
    """``--store``, else env ``DESK_STORE``, else the settings (password from the keyring)."""
    chosen = explicit or os.environ.get("DESK_STORE")
    if chosen:
        return make_url(chosen)
    password = None
    if settings.store_kind == "postgresql":
        try:
            password = get_store_password(
                settings.pg_user, settings.pg_host, settings.pg_port, settings.pg_database
            )
        except SecretStoreUnavailable:
            password = None  # libpq still reads PGPASSWORD or the pgpass file
    return settings.store_url(password)


@dataclass(frozen=True)
class ConnectionReport:
    """What a connection test found: the server, the schema state and how long it took."""

    server: str
    revision: str | None
    head: str
    milliseconds: int

    @property
    def state(self) -> str:
        """``empty``, ``current``, ``older`` (will be migrated) or ``newer`` (refused)."""
        if self.revision is None:
            return "empty"
        if self.revision == self.head:
            return "current"
        from alembic.script import ScriptDirectory

        from desktop.models.db import alembic_config

        known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        return "older" if self.revision in known else "newer"


def test_connection(url: URL | str) -> ConnectionReport:
    """Connect once and read the server version and schema revision; raise a clear error if not."""
    started = time.perf_counter()
    store = Store(url)
    try:
        with translate_store_errors():
            with store.engine.connect() as conn:
                if store.kind == "sqlite":
                    server = "SQLite " + conn.execute(text("select sqlite_version()")).scalar_one()
                else:
                    server = str(conn.execute(text("select version()")).scalar_one()).split(",")[0]
            revision = current_revision(store.engine)
    finally:
        store.dispose()
    return ConnectionReport(server, revision, head_revision(), int((time.perf_counter() - started) * 1000))


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
