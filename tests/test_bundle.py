"""The Windows bundle (build/pyinstaller.spec), built here for Linux and started like a user would.

Slow (≈ 1 minute: the build is most of it); CI runs it, ``-m "not slow"`` skips it locally. Its tests
share one test process (xdist group "bundle"), so the bundle is built once.
The bundle goes to a temporary folder, never to the project's dist/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from desktop import __version__

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bundle")]  # one process: one build

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "pyinstaller.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
ADMIN_PASSWORD = "Bundle-Chief-2026"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle, built once for this module."""
    work = tmp_path_factory.mktemp("pyinstaller")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "config")}
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--workpath",
        str(work / "build"),
        "--distpath",
        str(work / "dist"),
        str(SPEC),
    ]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"PyInstaller failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    folder = work / "dist" / "EnforcementDesk"
    assert folder.is_dir(), f"no bundle folder in {work / 'dist'}"
    return folder


def run(
    program: Path, *args: str, data_dir: Path, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess:
    """Start a program of the bundle with a private data folder and no store or user from outside."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DESK_") and k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    base.update(
        {
            "DESK_DATA_DIR": str(data_dir),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(data_dir / "config"),
            **env,
        }
    )  # QSettings stay in the test's folder
    return subprocess.run(
        [str(program), *args],
        env=base,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def cli(bundle: Path) -> Path:
    return bundle / f"desk-cli{EXE_SUFFIX}"


def window(bundle: Path) -> Path:
    return bundle / f"EnforcementDesk{EXE_SUFFIX}"


def files(bundle: Path) -> Path:
    """Where the data files are (``sys._MEIPASS``): ``_internal`` since PyInstaller 6."""
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def init_store(bundle: Path, data_dir: Path) -> None:
    """``init --admin admin`` on the default SQLite store of ``data_dir``."""
    done = run(
        cli(bundle), "--json", "init", "--admin", "admin", data_dir=data_dir, DESK_NEW_PASSWORD=ADMIN_PASSWORD
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["admin"] == "admin" and result["revision"], result


def test_both_programs_and_the_version(bundle: Path, tmp_path: Path) -> None:
    assert window(bundle).is_file() and cli(bundle).is_file()
    done = run(cli(bundle), "--version", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == __version__


def test_data_files_are_in_the_bundle(bundle: Path) -> None:
    inner = files(bundle)
    migrations = inner / "desktop" / "models" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    ours = sorted(p.name for p in (ROOT / "desktop" / "models" / "migrations" / "versions").glob("*.py"))
    assert sorted(p.name for p in (migrations / "versions").glob("*.py")) == ours
    shipped = {
        p.relative_to(ROOT / "resources")
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    bundled = {p.relative_to(inner / "resources") for p in (inner / "resources").rglob("*") if p.is_file()}
    assert shipped <= bundled, f"resources missing from the bundle: {sorted(map(str, shipped - bundled))}"
    translations = inner / "PySide6" / "Qt" / "translations"
    assert (translations / "qtbase_zh_CN.qm").is_file()
    unwanted = [p.name for p in translations.glob("*.qm") if not p.name.endswith(("_zh_CN.qm", "_en.qm"))]
    assert not unwanted, f"Qt catalogues of languages we do not offer: {unwanted[:5]}"
    excluded = [
        name
        for name in ("QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia", "Qt3DCore")
        if list((inner / "PySide6").glob(f"{name}.*"))
    ]
    assert not excluded, f"unused Qt modules in the bundle: {excluded}"


def test_cli_creates_a_store_and_lists_agencies(bundle: Path, tmp_path: Path) -> None:
    init_store(bundle, tmp_path)
    assert (tmp_path / "desk.sqlite3").is_file()
    done = run(
        cli(bundle),
        "--json",
        "agencies",
        "list",
        data_dir=tmp_path,
        DESK_USER="admin",
        DESK_PASSWORD=ADMIN_PASSWORD,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"items": [], "total": 0}
    refused = run(
        cli(bundle), "agencies", "list", data_dir=tmp_path, DESK_USER="admin", DESK_PASSWORD="wrong"
    )
    assert refused.returncode == 1 and refused.stderr.strip()
    wrong = run(cli(bundle), "no-such-command", data_dir=tmp_path)
    assert wrong.returncode == 2
    for command in (("cases", "list"), ("cases", "warnings")):
        done = run(
            cli(bundle),
            "--json",
            "--as-of",
            "2026-11-23",
            *command,
            data_dir=tmp_path,
            DESK_USER="admin",
            DESK_PASSWORD=ADMIN_PASSWORD,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"items": [], "total": 0}


def test_cli_migrates_a_postgresql_store(bundle: Path, tmp_path: Path) -> None:
    """The bundled PostgreSQL driver (psycopg, binary) and the migrations on a server."""
    url = os.environ.get("DESK_TEST_PG_URL", "")
    if not url:
        pytest.skip("DESK_TEST_PG_URL is not set")
    from sqlalchemy import create_engine, text

    schema = f"b_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        store = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
        done = run(
            cli(bundle),
            "--store",
            store,
            "--json",
            "init",
            "--admin",
            "admin",
            data_dir=tmp_path,
            DESK_NEW_PASSWORD=ADMIN_PASSWORD,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["admin"] == "admin"
        with admin.connect() as conn:
            tables = set(
                conn.execute(
                    text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s"),
                    {"s": schema},
                ).scalars()
            )
        assert {"alembic_version", "users", "officers"} <= tables
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_window_smoke_test(bundle: Path, tmp_path: Path) -> None:
    """The frozen window opens on a fresh store, visits every page and quits with exit 0."""
    init_store(bundle, tmp_path)
    done = run(
        window(bundle),
        "--smoke-test",
        data_dir=tmp_path,
        timeout=180,
        DESK_USER="admin",
        DESK_PASSWORD=ADMIN_PASSWORD,
    )
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
