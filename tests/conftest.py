"""Fixtures every test shares: Qt offscreen, a private data folder, an in-memory keyring,
and stores on SQLite and (when ``DESK_TEST_PG_URL`` is set) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core import security  # noqa: E402

security.set_password_cost(2**4)
"""Cheap password hashes in tests, set before any module hashes one at import (accounts' dummy);
tests/unit/core/test_security.py checks the program's own cost."""

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from desktop.accounts.service import create_first_admin  # noqa: E402
from desktop.core import i18n  # noqa: E402
from desktop.core.clock import FixedClock  # noqa: E402
from desktop.core.security import Actor  # noqa: E402
from desktop.models import Base  # noqa: E402
from desktop.models.db import Store, open_store, sqlite_url  # noqa: E402

PG_URL = os.environ.get("DESK_TEST_PG_URL", "")
BACKENDS = ["sqlite", "postgresql"]


class MemoryKeyring(KeyringBackend):
    """A keyring that lives for one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Never touch the real keyring."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A private user data folder, English messages unless a test asks otherwise."""
    path = tmp_path_factory.mktemp("desk-data")
    monkeypatch.setenv("DESK_DATA_DIR", str(path))
    for name in ("DESK_STORE", "DESK_USER", "DESK_PASSWORD", "DESK_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language("en")
    yield path
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(autouse=True)
def few_demo_dossiers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo writes 3 dossier PDFs in tests, not 300 (tests/integration/demo/test_cases.py
    checks the PDFs themselves)."""
    monkeypatch.setattr("desktop.demo.cases.DOSSIER_COUNT", 3)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In CI (``DESK_REQUIRE_PG``) a missing PostgreSQL is a failure, not a skip."""
    if os.environ.get("DESK_REQUIRE_PG") and not PG_URL:
        raise pytest.UsageError("DESK_REQUIRE_PG is set but DESK_TEST_PG_URL is not")


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at 2026-11-23 10:00 UTC."""
    return FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty store's URL: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "store.sqlite3")
        return
    if not PG_URL:
        pytest.skip("DESK_TEST_PG_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def store(store_url: str, clock: FixedClock) -> Iterator[Store]:
    """A store with the newest schema (from the models: fast) on each backend."""
    st = Store(store_url, clock=clock)
    Base.metadata.create_all(st.engine)
    yield st
    st.dispose()


@pytest.fixture
def migrated_store(store_url: str, clock: FixedClock) -> Iterator[Store]:
    """A store brought to the newest schema by the migrations, as the program does."""
    st = open_store(store_url, clock=clock)
    yield st
    st.dispose()


@pytest.fixture
def admin(store: Store) -> Actor:
    """The first administrator of ``store``."""
    return create_first_admin(store, "admin", "Admin-2026", "系统管理员")
