"""The store: engines for SQLite and PostgreSQL, units of work, and opening with migrations.

``open_store(url)`` connects, then migrates an older store to the newest schema (copying a
SQLite file first) or refuses a newer one. Services open one ``unit_of_work()`` per user
action and commit it explicitly; ``reading()`` is for queries.

A unit of work notes the tables each flush and statement writes; when it commits, it tells
what kinds of records changed (``TABLE_KINDS``): the store's memo drops the answers computed
from them, and ``desktop.core.changes.report`` hands them to whoever collects (the window's task
runner, which announces them to the pages). No service says by hand what it changed.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import event, inspect
from sqlalchemy.engine import URL, Connection, Engine, create_engine, make_url
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.core import changes
from desktop.core.clock import Clock
from desktop.core.errors import Conflict, StoreTooNew, StoreUnavailable, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.memo import Memo
from desktop.core.paths import sqlite_url as sqlite_url
from desktop.models.import_marker import (  # the store's callers find it here too
    IMPORT_RUNNING,
    importer,
    importing,
    marker_of,
)
from desktop.models.kinds import TABLE_KINDS as TABLE_KINDS
from desktop.models.kinds import kinds_of as kinds_of

log = logging.getLogger(__name__)


_WRITTEN = "desk_written_tables"


class StoreRuleBroken(Exception):
    """A rule of the schema (not null, a foreign key, a check) broken by a bug: said without the
    row's values, which the driver's message would repeat."""


class Store:
    """One SQL store: an engine, a session factory and the clock services read."""

    def __init__(self, url: str | URL, *, clock: Clock | None = None, echo: bool = False) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        self.clock = clock or Clock()
        self.engine = _make_engine(self.url, echo=echo)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(desk_write=True), expire_on_commit=False
        )
        _note_written_tables(self._write_sessions)
        self.memo = Memo()
        """Answers worth keeping for a moment (services own their keys, and say which kinds of
        record each depends on): dropped when this program commits a change to one of those
        kinds, and by ``forget`` (another workstation may have written)."""

    def forget(self) -> None:
        """Drop every kept answer: the next question reads the store again."""
        self.memo.clear()

    @property
    def kind(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.url.get_backend_name()

    def describe(self) -> str:
        """The store in words for the status bar: a file path, or host:port/database."""
        if self.kind == "sqlite":
            return self.url.database or ":memory:"
        return f"{self.url.host}:{self.url.port or 5432}/{self.url.database}"

    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for a server or an in-memory store."""
        if self.kind != "sqlite" or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def import_marker(self) -> Path | None:
        """The file that says this program is writing an import to a SQLite store (None else)."""
        return marker_of(self.sqlite_path())

    def importing(self, who: str) -> AbstractContextManager[None]:
        """Mark the store as taken by an import while the block runs (``models.import_marker``)."""
        return importing(self.import_marker(), who)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; nothing it does is kept."""
        session = self._sessions()
        try:
            with translate_store_errors(self.import_marker()):
                yield session
        finally:
            session.rollback()
            session.close()

    def unit_of_work(self) -> UnitOfWork:
        """A unit of work for one user action: changes are kept only when it commits."""
        return UnitOfWork(self._write_sessions, self.committed, self.import_marker())

    def committed(self, kinds: frozenset[str]) -> None:
        """A unit of work committed changes to ``kinds``: drop what was computed from them and
        report them to whoever collects (any thread)."""
        self.memo.changed(kinds)
        changes.report(*sorted(kinds))

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


class UnitOfWork:
    """``with store.unit_of_work() as uow: ...; uow.commit()`` — rolls back unless committed."""

    def __init__(
        self,
        factory: sessionmaker,
        on_commit: Callable[[frozenset[str]], None] | None = None,
        marker: Path | None = None,
    ) -> None:
        self._factory = factory
        self._on_commit = on_commit
        self._marker = marker
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        if exc is not None:
            translated = translate_store_error(exc, self._marker)
            if translated is not None:
                _raise(translated, exc)

    def commit(self) -> None:
        """Keep what this unit of work changed."""
        try:
            self.session.commit()
        except Exception as exc:
            translated = translate_store_error(exc, self._marker)
            if translated is None:
                raise
            _raise(translated, exc)
        written = self.session.info.pop(_WRITTEN, set())
        if self._on_commit is not None and written:
            self._on_commit(kinds_of(written))


def _note_written_tables(factory: sessionmaker) -> None:
    """Have the sessions of ``factory`` note every table they write (``session.info``): the
    objects of each flush, and the insert/update/delete statements run through the session."""

    @event.listens_for(factory, "before_flush")
    def on_before_flush(session: Session, _context: Any, _instances: Any) -> None:
        written = session.info.setdefault(_WRITTEN, set())
        for obj in (*session.new, *session.dirty, *session.deleted):
            if session.is_modified(obj) or obj in session.new or obj in session.deleted:
                table = getattr(obj, "__tablename__", None)
                if table:
                    written.add(table)

    @event.listens_for(factory, "do_orm_execute")
    def on_do_orm_execute(state: Any) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            name = getattr(table, "name", None)
            if name:
                state.session.info.setdefault(_WRITTEN, set()).add(name)

    @event.listens_for(factory, "after_rollback")
    def on_after_rollback(session: Session) -> None:
        session.info.pop(_WRITTEN, None)


@contextmanager
def translate_store_errors(marker: Path | None = None) -> Iterator[None]:
    """Turn a driver's error about the store being unreachable or locked into a message."""
    try:
        yield
    except Exception as exc:
        translated = translate_store_error(exc, marker)
        if translated is None:
            raise
        _raise(translated, exc)


def _raise(translated: Exception, exc: BaseException) -> NoReturn:
    """Raise ``translated``; for a refused value or a broken rule without the driver's error in the
    traceback (its message may quote the row's values: names, 证件号码)."""
    if isinstance(exc, DataError | IntegrityError):
        raise translated from None
    raise translated from exc


def translate_store_error(exc: BaseException, marker: Path | None = None) -> Exception | None:
    """The error to raise instead of a driver's: a user-facing one for a store failure or a refused
    value, ``StoreRuleBroken`` for a schema rule a bug broke; None when ``exc`` is something else.
    A locked SQLite store with ``marker`` present is taken by this program's own import."""
    if isinstance(exc, DataError):
        # Never the message or the parameters: they may carry a person's data.
        log.error(
            "the store refused a value (%s, SQLSTATE %s) in: %s",
            type(getattr(exc, "orig", None) or exc).__name__,
            getattr(getattr(exc, "orig", None), "sqlstate", None),
            _first_line(str(exc.statement or "")),
        )
        return ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The store cannot hold one of the values (too long, too large or with a character it "
                "does not accept); nothing was saved.",
            ),
            field="store",
        )
    if isinstance(exc, StaleDataError):
        return Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "This record was changed by someone else in the meantime. Reload it and try again."
            )
        )
    if isinstance(exc, IntegrityError) and _is_unique_violation(exc):
        return Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "Someone else saved a record with the same number or name in the meantime. "
                "Reload and try again.",
            )
        )
    if isinstance(exc, IntegrityError):
        # A bug (a rule of the schema broken by the program): still shown as one, but PostgreSQL's
        # detail ("Failing row contains …") would print the row, so only its kind and statement.
        sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
        return StoreRuleBroken(
            f"the store refused a row (SQLSTATE {sqlstate}) in: {_first_line(str(exc.statement or ''))}"
        )
    if isinstance(exc, OperationalError):
        text = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        if ("locked" in text or "busy" in text) and (who := importer(marker)) is not None:
            return StoreUnavailable(IMPORT_RUNNING, who=who)
        if "locked" in text or "busy" in text:
            return StoreUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors", "The store file is in use by another program. Close it and try again."
                )
            )
        return StoreUnavailable(
            QT_TRANSLATE_NOOP("errors", "The store cannot be reached: {reason}"), reason=_first_line(text)
        )
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StoreUnavailable(
            QT_TRANSLATE_NOOP("errors", "The connection to the store was lost: {reason}"),
            reason=_first_line(str(exc)),
        )
    return None


def _is_unique_violation(exc: IntegrityError) -> bool:
    """A uniqueness rule broken by a concurrent write (other integrity errors are bugs)."""
    if getattr(exc.orig, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    return "UNIQUE constraint failed" in str(exc.orig)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _make_engine(url: URL, *, echo: bool) -> Engine:
    backend = url.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(url, echo=echo, hide_parameters=True, connect_args={"timeout": _BUSY_SECONDS})
        file = url.database if url.database and url.database != ":memory:" else None
        _configure_sqlite(engine, marker_of(Path(file)) if file and not file.startswith("file:") else None)
        if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
            _check_sqlite_file(engine, Path(url.database))
        return engine
    if backend == "postgresql":
        return create_engine(
            url,
            echo=echo,
            hide_parameters=True,  # no error or log line repeats a row's values
            pool_pre_ping=True,
            connect_args={"connect_timeout": 5, "application_name": "desk"},
        )
    raise StoreUnavailable(
        QT_TRANSLATE_NOOP(
            "errors", "Unsupported store address: {url}. Use a SQLite file or a PostgreSQL server."
        ),
        url=url.render_as_string(hide_password=True),
    )


_BUSY_SECONDS = 10
"""How long a statement waits for SQLite's write lock before it fails."""
IMPORT_WAIT_SECONDS = 600
"""How long a write waits beyond that while this program's import holds the lock (its mark is
there): the import commits in one short transaction, so the write then goes ahead."""


def _configure_sqlite(engine: Engine, marker: Path | None = None) -> None:
    """WAL, foreign keys, and writes that take the write lock when they begin (BEGIN IMMEDIATE),
    so two writers wait for each other instead of failing half-way. A write that finds the lock
    held by this program's import (``marker`` present) keeps waiting for it — a login during an
    import is slower, never refused — up to ``IMPORT_WAIT_SECONDS``."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        if not conn.get_execution_options().get("desk_write"):
            conn.exec_driver_sql("BEGIN")
            return
        waited_until = time.monotonic() + IMPORT_WAIT_SECONDS
        while True:
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                busy = "locked" in str(exc.orig) or "busy" in str(exc.orig)
                if not busy or importer(marker) is None or time.monotonic() > waited_until:
                    raise
                log.info("The store is taken by an import (%s): still waiting", importer(marker))


def _check_sqlite_file(engine: Engine, path: Path) -> None:
    """A file whose folder was moved or whose share was unplugged is gone, even to a pooled
    connection that still holds it open: say so instead of reading what is left of it."""
    existed = [False]

    @event.listens_for(engine, "checkout")
    def on_checkout(_dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if path.exists():
            existed[0] = True
        elif existed[0]:  # a new store is created by its first connection: only a known one can go
            raise StoreUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The store file {path} cannot be found: its folder was moved or removed, or the "
                    "shared drive is disconnected.",
                ),
                path=str(path),
            )


# ---------------------------------------------------------------------------- migrations


def alembic_config(connection: Connection | None = None) -> Any:
    """The Alembic configuration of the store's migrations (no alembic.ini needed)."""
    from alembic.config import Config

    from desktop.core.paths import migrations_dir

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)""", re.M)


def head_revision() -> str:
    """The newest schema revision this program knows.

    Read from the migration files without Alembic (≈ 0.3 s to import, and not needed to open a
    store that is up to date); Alembic answers when the revisions branch.
    """
    from desktop.core.paths import migrations_dir

    revisions, parents = set(), set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        found = {key: value for key, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8"))}
        if found.get("revision"):
            revisions.add(found["revision"])
            parents.add(found.get("down_revision") or None)
    heads = revisions - parents
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for an empty store (read as Alembic reads it)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    if len(versions) > 1:
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()  # raises: several heads
    return versions[0] if versions else None


def open_store(url: str | URL, *, clock: Clock | None = None, migrate: bool = True) -> Store:
    """Connect; migrate an older store (after a backup copy of a SQLite file); refuse a newer one."""
    store = Store(url, clock=clock)
    try:
        with translate_store_errors():
            revision = current_revision(store.engine)
            if revision == head_revision():
                return store
            _check_known(revision)
            if migrate:
                upgrade(store, revision)
    except BaseException:
        store.dispose()
        raise
    return store


def _check_known(revision: str | None) -> None:
    from alembic.script import ScriptDirectory

    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise StoreTooNew(
            QT_TRANSLATE_NOOP(
                "errors",
                "This store was written by a newer version of the program (schema {revision}). "
                "Install the newer version to open it.",
            ),
            revision=revision,
        )


def upgrade(store: Store, revision: str | None) -> None:
    """Bring the store's schema to the newest revision."""
    from alembic import command

    path = store.sqlite_path()
    if revision is not None and path is not None and path.exists():
        backup_sqlite(path, revision)
    log.info("migrating %s from %s to head", store.describe(), revision)
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy a SQLite store (with its WAL) before migrating it."""
    from desktop.core.paths import backup_dir

    target = backup_dir() / f"{path.stem}-{revision}{path.suffix}"
    shutil.copy2(path, target)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            shutil.copy2(side, target.with_name(target.name + extra))
    return target


def is_empty(store: Store) -> bool:
    """True when the store has no tables of ours yet."""
    return not inspect(store.engine).has_table("users")
