"""Fixtures every test shares: Qt offscreen, a private data folder, an in-memory keyring,
and stores on SQLite and (when ``DESK_TEST_PG_URL`` is set) PostgreSQL."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core import security  # noqa: E402

security.set_password_cost(2**4)
"""Cheap password hashes in tests, set before any module hashes one at import (accounts' dummy);
tests/unit/core/test_security.py checks the program's own cost."""

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from desktop.accounts.service import create_first_admin  # noqa: E402
from desktop.core import i18n  # noqa: E402
from desktop.core.clock import FixedClock  # noqa: E402
from desktop.core.input_limits import InputLimits, put_in_force  # noqa: E402
from desktop.core.security import Actor  # noqa: E402
from desktop.models import db  # noqa: E402
from desktop.models.db import Store, open_store, sqlite_url  # noqa: E402
from tests.helpers.engines import CompiledOnce  # noqa: E402
from tests.helpers.stores import TODAY, DemoTemplate, DemoTemplates, PostgresSchemas, SqliteTemplates  # noqa: E402

PG_URL = os.environ.get("DESK_TEST_PG_URL", "")
TESTS = Path(__file__).resolve().parent
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


@pytest.fixture(scope="session", autouse=True)
def statements_compiled_once() -> Iterator[None]:
    """Every store of this test process compiles a statement once (tests/helpers/engines.py)."""
    engines = CompiledOnce(db._make_engine)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(db, "_make_engine", engines)
        yield
    engines.close()


@pytest.fixture(autouse=True)
def default_input_limits() -> Iterator[None]:
    """Every test starts and ends with the default input limits in force (a test that saves
    other limits, or an import that reads them from its store, does not leak them)."""
    put_in_force(InputLimits())
    yield
    put_in_force(InputLimits())


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


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """``--dist loadgroup`` by module: a test module that names ``xdist_group("g")`` runs wholly in
    the process of group ``g`` (the bundle is built once, the demo stores are loaded once); every
    other test goes wherever a process is free. xdist's own loadgroup reads ``item._nodeid``,
    which pytest 9.2 no longer has, so it groups nothing."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    groups = {}
    for path in TESTS.rglob("test_*.py"):
        named = re.findall(r'xdist_group\("([^"]+)"\)', path.read_text(encoding="utf-8"))
        if named:
            groups[path.relative_to(TESTS.parent).as_posix()] = named[0]

    class ModuleGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return groups.get(nodeid.split("::", 1)[0], nodeid)

    return ModuleGroups(config, log)


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at 2026-11-23 10:00 UTC."""
    return FixedClock(TODAY)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests of a store run on both databases; GUI tests on SQLite only, unless marked
    ``both_databases`` (the test is about the database); a test marked ``sqlite_only`` is about
    SQLite alone (its file locks, say), or another test covers its PostgreSQL side (the whole
    demo county's load: tests/integration/demo/test_county.py)."""
    if "backend" not in metafunc.fixturenames:
        return
    gui = Path(metafunc.definition.path).is_relative_to(TESTS / "gui")
    both = metafunc.definition.get_closest_marker("both_databases") is not None
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    backends = ["sqlite"] if sqlite_only or (gui and not both) else BACKENDS
    metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql`` (skipped without ``DESK_TEST_PG_URL``)."""
    if request.param == "postgresql" and not PG_URL:
        pytest.skip("DESK_TEST_PG_URL is not set")
    return request.param


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplates:
    """SQLite template stores of this test process (tests/helpers/stores.py)."""
    return SqliteTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def pg_schemas() -> Iterator[PostgresSchemas]:
    """PostgreSQL schemas of this test process (tests/helpers/stores.py), dropped at the end."""
    schemas = PostgresSchemas(PG_URL)
    yield schemas
    schemas.close()


@pytest.fixture
def store_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """The test's store: empty (a SQLite path, a new PostgreSQL schema), or, when the test also
    uses ``store`` or ``migrated_store``, that store with its newest schema (copied from a
    template built once, or a schema emptied for this test)."""
    kind = (
        "migrated"
        if "migrated_store" in request.fixturenames
        else "models"
        if "store" in request.fixturenames
        else None
    )
    if backend == "sqlite":
        path = tmp_path / "store.sqlite3"
        if kind is None:
            return sqlite_url(path)
        return request.getfixturevalue("sqlite_templates").copy(kind, path)
    schemas: PostgresSchemas = request.getfixturevalue("pg_schemas")
    return schemas.empty() if kind is None else schemas.fresh(kind)


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplates:
    """The demo county, loaded once per test process and backend (tests/helpers/stores.py)."""
    return DemoTemplates(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_store(
    request: pytest.FixtureRequest,
    backend: str,
    demo_templates: DemoTemplates,
    tmp_path: Path,
    clock: FixedClock,
) -> Iterator[tuple[Store, DemoTemplate]]:
    """A store with the whole demo county, migrated, administrator ``admin`` / ``Chief-2026``:
    a copy on SQLite, the process's shared one on PostgreSQL (read it, do not change it)."""
    pg = lambda: request.getfixturevalue("pg_schemas")  # noqa: E731
    st, template = demo_templates.store_for(backend, pg, tmp_path / "demo.sqlite3", clock)
    yield st, template
    st.dispose()


@pytest.fixture
def store(store_url: str, clock: FixedClock) -> Iterator[Store]:
    """A store with the newest schema from the models, on each backend."""
    st = Store(store_url, clock=clock)
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
    return create_first_admin(store, "admin", "Chief-2026", "系统管理员")
