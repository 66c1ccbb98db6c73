"""Stores for tests, built once per test process and handed out fresh to every test.

SQLite: a template file made once (from the models, or by the migrations) and copied per test.
PostgreSQL: a schema made once per process and kind, emptied before each test that uses it
(every table's rows deleted, every sequence restarted, the migrations' revision put back); a
schema whose tables a test changed, or that a stray lock keeps from being emptied, is replaced
by a new one. An empty store is a new SQLite path or a new, empty schema, as before.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from desktop.accounts.service import create_first_admin
from desktop.core.clock import Clock, FixedClock
from desktop.core.security import Actor
from desktop.demo.county import DemoSummary, load_demo
from desktop.models import AuditRecord, Base
from desktop.models.db import Store, head_revision, open_store, sqlite_url

TRIGGER_WRITTEN = ("warning_snapshot_rows", "warning_snapshot_watch", "warning_snapshots", "warning_stale")
"""Tables the store's triggers write when rows of others are deleted (``models/warning_snapshots.py``)."""
KINDS = ("models", "migrated")
"""``models``: the schema from ``Base.metadata.create_all`` (the ``store`` fixture);
``migrated``: the schema the migrations build, with its revision (``migrated_store``)."""


def build(url: str, kind: str) -> None:
    """Give the empty store at ``url`` the newest schema, the way ``kind`` says."""
    if kind == "models":
        st = Store(url)
        try:
            Base.metadata.create_all(st.engine)
        finally:
            st.dispose()
    else:
        open_store(url).dispose()


def schema_url(base: str, schema: str) -> str:
    """The URL of ``base`` with ``schema`` as its search path."""
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def worker_tag() -> str:
    """This test process: ``gw0``, ``gw1`` … under pytest-xdist, ``main`` otherwise."""
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


class SqliteTemplates:
    """Template files in ``folder``, built on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, Path] = {}

    def copy(self, kind: str, target: Path) -> str:
        """A fresh copy of the ``kind`` template at ``target``; its URL."""
        if kind not in self.files:
            path = self.folder / f"{kind}.sqlite3"
            build(sqlite_url(path), kind)
            # closing the last connection checkpoints the WAL into the file: one file to copy
            assert not path.with_name(path.name + "-wal").exists()
            self.files[kind] = path
        shutil.copyfile(self.files[kind], target)
        return sqlite_url(target)


class PostgresSchemas:
    """One schema per kind for this process, emptied for each test; fresh empty schemas."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.admin: Engine = create_engine(url, isolation_level="AUTOCOMMIT")
        self.schemas: dict[str, str] = {}
        self.tables: dict[str, set[str]] = {}
        self.left: list[str] = []
        """Schemas to drop when the session ends."""
        self.tag = f"t_{worker_tag()}_{uuid.uuid4().hex[:8]}"

    def empty(self) -> str:
        """A new empty schema's URL (dropped when the session ends)."""
        schema = f"{self.tag}_{uuid.uuid4().hex[:8]}"
        self._execute(f'CREATE SCHEMA "{schema}"')
        self.left.append(schema)
        return schema_url(self.url, schema)

    def fresh(self, kind: str) -> str:
        """The URL of this process's ``kind`` schema, emptied (or replaced) for the next test."""
        schema = self.schemas.get(kind)
        if schema is not None and not self._reset(kind, schema):
            self.left.append(schema)
            schema = None
        if schema is None:
            schema = f"{self.tag}_{kind}_{uuid.uuid4().hex[:6]}"
            self._execute(f'CREATE SCHEMA "{schema}"')
            build(schema_url(self.url, schema), kind)
            self.schemas[kind] = schema
            self.tables[kind] = self._tables(schema)
            self.left.append(schema)
        return schema_url(self.url, schema)

    def close(self) -> None:
        """Drop every schema this process made."""
        for schema in self.left:
            try:
                self._execute(f"SET lock_timeout = '10s'; DROP SCHEMA IF EXISTS \"{schema}\" CASCADE")
            except DBAPIError:  # a connection a test left open holds a lock: the schema stays
                pass
        self.admin.dispose()

    def _reset(self, kind: str, schema: str) -> bool:
        """Empty ``schema`` as it was built; False when it cannot be (then it is replaced)."""
        if self._tables(schema) != self.tables[kind]:
            return False
        # the schema's own triggers fire on these rows (the kept warnings' marks): they find their
        # tables through the search path, and what they mark goes last
        statements = ["SET LOCAL lock_timeout = '5s'", f'SET LOCAL search_path TO "{schema}"']
        for table in reversed(Base.metadata.sorted_tables):
            statements.append(f'DELETE FROM "{schema}"."{table.name}"')
        statements += [f'DELETE FROM "{schema}"."{table}"' for table in TRIGGER_WRITTEN]
        with self.admin.connect() as conn:
            sequences = conn.execute(
                text("SELECT sequencename FROM pg_sequences WHERE schemaname = :s"), {"s": schema}
            ).scalars()
            statements += [f'SELECT setval(\'"{schema}"."{name}"\', 1, false)' for name in sequences]
        if kind == "migrated":
            statements += [
                f'DELETE FROM "{schema}".alembic_version',
                f"INSERT INTO \"{schema}\".alembic_version VALUES ('{head_revision()}')",
            ]
        try:
            with self.admin.connect() as conn:
                conn.exec_driver_sql("BEGIN; " + "; ".join(statements) + "; COMMIT")
        except DBAPIError:
            return False
        return True

    def _tables(self, schema: str) -> set[str]:
        with self.admin.connect() as conn:
            return set(
                conn.execute(
                    text(
                        "SELECT table_name || ':' || count(*) FROM information_schema.columns "
                        "WHERE table_schema = :s GROUP BY table_name"
                    ),
                    {"s": schema},
                ).scalars()
            )

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)


# ---------------------------------------------------------------------------- the demo county

TODAY = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
"""The instant of the tests' clock (tests/conftest.py ``clock``): the demo's dates follow it."""
DEMO_ADMIN, DEMO_ADMIN_PASSWORD = "admin", "Chief-2026"
DEMO_DOSSIERS = 3


@dataclass(frozen=True)
class DemoTemplate:
    """The whole demo county loaded once (with ``DEMO_DOSSIERS`` dossier PDFs) into a migrated store."""

    url: str
    admin: Actor
    summary: DemoSummary
    dossiers: Path
    as_loaded: CountyRecord
    """The store as the load left it (tests that run the demo again on the shared PostgreSQL
    store add footage journal entries for their own station folders)."""


@dataclass(frozen=True)
class CountyRecord:
    """A store's row count per table and its whole audit history, the load's folder written as
    ``<folder>``: what two loads of the demo county are compared by."""

    counts: dict[str, int]
    history: list[tuple[str, ...]]


def county_record(st: Store, folder: Path) -> CountyRecord:
    """``st`` as a ``CountyRecord``."""
    with st.reading() as session:
        counts = {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }
        records = session.execute(
            select(
                AuditRecord.id,
                AuditRecord.at,
                AuditRecord.actor,
                AuditRecord.action,
                AuditRecord.entity,
                AuditRecord.entity_id,
                AuditRecord.summary,
                AuditRecord.before,
                AuditRecord.after,
            ).order_by(AuditRecord.id)
        ).all()
    return CountyRecord(counts, [tuple(str(v).replace(str(folder), "<folder>") for v in r) for r in records])


def build_demo(url: str, dossiers: Path) -> DemoTemplate:
    """Migrate the empty store at ``url``, add the administrator, load the demo county."""
    st = open_store(url, clock=FixedClock(TODAY))
    try:
        admin = create_first_admin(st, DEMO_ADMIN, DEMO_ADMIN_PASSWORD, "系统管理员")
        summary = load_demo(st, admin, dossier_dir=dossiers, dossier_limit=DEMO_DOSSIERS)
        as_loaded = county_record(st, dossiers.parent)
    finally:
        st.dispose()
    return DemoTemplate(url, admin, summary, dossiers, as_loaded)


class DemoTemplates:
    """One demo store per backend for this test process, built on first use. SQLite: the file is
    copied for each test (change it freely); PostgreSQL: one schema shared by the tests that ask
    for it, which only read it (a second load of the demo adds nothing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: dict[str, DemoTemplate] = {}

    def get(self, backend: str, pg: Callable[[], PostgresSchemas]) -> DemoTemplate:
        if backend not in self.built:
            dossiers = self.folder / backend / "dossiers"
            if backend == "sqlite":
                url = sqlite_url(self.folder / "demo.sqlite3")
            else:
                url = pg().empty()
            self.built[backend] = build_demo(url, dossiers)
        return self.built[backend]

    def store_for(
        self, backend: str, pg: Callable[[], PostgresSchemas], target: Path, clock: Clock
    ) -> tuple[Store, DemoTemplate]:
        """A store with the demo county (a copy of the file on SQLite) and the template it came from."""
        template = self.get(backend, pg)
        if backend != "sqlite":
            return Store(template.url, clock=clock), template
        source = Path(make_url(template.url).database or "")
        shutil.copyfile(source, target)
        return Store(sqlite_url(target), clock=clock), template
