"""Where things live. Every path the program uses comes from here; tests redirect them by env.

- ``DESK_DATA_DIR``: the user data folder (settings, default SQLite store, logs, backups).
- ``DESK_RESOURCES_DIR``: the resources folder (translations, rubrics, demo templates).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import APP_ID


def user_data_dir() -> Path:
    """The per-user data folder: %APPDATA%\\EnforcementDesk on Windows, XDG on Linux."""
    env = os.environ.get("DESK_DATA_DIR")
    if env:
        path = Path(env)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_ID
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / APP_ID
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / APP_ID
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_sqlite_path() -> Path:
    """The store used when no other is configured."""
    return user_data_dir() / "desk.sqlite3"


def sqlite_url(path: Path | str) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path)}"


def settings_path() -> Path:
    """The workstation's settings file (never holds a password)."""
    return user_data_dir() / "settings.json"


def default_dossier_dir() -> Path:
    """Where dossier PDFs are kept when the settings name no other folder (the demo writes its own
    there); not created here."""
    return user_data_dir() / "dossiers"


def log_dir() -> Path:
    """Where the program writes its log."""
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    """Where a SQLite store is copied before it is migrated."""
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The read-only resources shipped with the program (also inside a PyInstaller bundle)."""
    env = os.environ.get("DESK_RESOURCES_DIR")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def migrations_dir() -> Path:
    """The Alembic scripts (inside the package, so the bundle carries them)."""
    return Path(__file__).resolve().parents[1] / "models" / "migrations"
