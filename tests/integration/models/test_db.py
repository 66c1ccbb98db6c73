"""The store on SQLite and PostgreSQL: migrations equal the models, newer stores are refused,
an older SQLite store is copied before it is migrated."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from desktop.core.errors import StoreTooNew, StoreUnavailable
from desktop.models import Base, search
from desktop.models.db import Store, current_revision, head_revision, open_store, sqlite_url


def test_empty_store_migrated_to_head_equals_models(migrated_store: Store) -> None:
    assert current_revision(migrated_store.engine) == head_revision()
    with migrated_store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": search.include_name}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_head_and_current_revision_read_without_alembic_agree_with_alembic(migrated_store: Store) -> None:
    from alembic.script import ScriptDirectory

    from desktop.models.db import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
    with migrated_store.engine.connect() as conn:
        assert (
            current_revision(migrated_store.engine) == MigrationContext.configure(conn).get_current_revision()
        )


def test_a_newer_store_is_refused_with_a_clear_message(migrated_store: Store, store_url: str) -> None:
    with migrated_store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    with pytest.raises(StoreTooNew) as info:
        open_store(store_url)
    assert "newer version" in info.value.localized()


def test_an_older_sqlite_store_is_copied_before_it_is_migrated(tmp_path, data_dir) -> None:
    """A store at revision 0001 (before the case register) is backed up, then brought to head."""
    from alembic import command

    from desktop.models.db import alembic_config, current_revision, head_revision

    path = tmp_path / "old.sqlite3"
    old = Store(sqlite_url(path))
    with old.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    old.dispose()
    store = open_store(sqlite_url(path))
    try:
        assert current_revision(store.engine) == head_revision() != "0001"
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM cases")).scalar_one() == 0
    finally:
        store.dispose()
    copy = data_dir / "backups" / "old-0001.sqlite3"
    assert copy.exists() and copy.stat().st_size > 0


def test_unreachable_postgresql_is_a_clear_error() -> None:
    with pytest.raises(StoreUnavailable) as info:
        open_store("postgresql+psycopg://nobody:x@127.0.0.1:1/none")
    assert "cannot be reached" in info.value.localized()


def test_a_locked_sqlite_file_is_a_clear_error(tmp_path, clock) -> None:
    from desktop.accounts.service import create_first_admin

    path = tmp_path / "locked.sqlite3"
    store = open_store(sqlite_url(path), clock=clock)
    blocker = sqlite3.connect(path, isolation_level=None, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    store.engine.dispose()
    quick = Store(sqlite_url(path), clock=clock)
    quick.engine.pool._creator = _fast_timeout(path)  # type: ignore[attr-defined]
    try:
        with pytest.raises(StoreUnavailable) as info:
            create_first_admin(quick, "admin", "Chief-2026")
        assert "in use" in info.value.localized()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        quick.dispose()


def _fast_timeout(path):  # type: ignore[no-untyped-def]
    def connect():  # type: ignore[no-untyped-def]
        return sqlite3.connect(path, timeout=0.1, check_same_thread=False)

    return connect


def test_a_duplicate_written_by_another_workstation_is_a_conflict_not_a_crash(store: Store) -> None:
    from desktop.core.errors import Conflict
    from desktop.models import Agency

    with store.unit_of_work() as uow:
        uow.session.add(Agency(name="示范县水利局", updated_at="", updated_by="a"))
        uow.commit()
    with pytest.raises(Conflict, match="same number or name"):
        with store.unit_of_work() as uow:
            uow.session.add(Agency(name="示范县水利局", updated_at="", updated_by="b"))
            uow.commit()


def test_a_commit_reports_the_kinds_of_the_tables_it_wrote(store: Store, admin) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.changes import collecting
    from desktop.models import Agency
    from desktop.personnel.dto import AgencyInput
    from desktop.personnel.service import create_agency

    store.memo.put(("kept",), 1, kinds={"agencies"})
    store.memo.put(("other",), 2, kinds={"officers"})
    with collecting() as made:
        create_agency(
            store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局", None, "市场监管", "县")
        )
    assert made.changes.kinds == {"agencies", "audit"}
    assert store.memo.get(("kept",)) is None and store.memo.get(("other",)) == 2
    with collecting() as statement:
        with store.unit_of_work() as uow:  # a statement, not an object, writes the table
            uow.session.execute(Agency.__table__.update().values(level="县"))
            uow.commit()
    assert statement.changes.kinds == {"agencies"}
    with collecting() as nothing:
        with store.unit_of_work() as uow:
            uow.session.execute(Agency.__table__.update().values(level="乡镇"))  # rolled back
        with store.reading() as session:
            session.get(Agency, 1)
    assert not nothing.changes
