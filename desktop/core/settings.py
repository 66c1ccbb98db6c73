"""The workstation's settings, declared once with type, default and description.

They live in ``settings.json`` in the user data folder. A PostgreSQL password never goes
there: it is kept in the system keyring (``desktop.core.secrets``).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import paths
from desktop.core.errors import ValidationError
from desktop.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require

if TYPE_CHECKING:  # SQLAlchemy loads with the store, after the login dialog is on screen
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)
SETTINGS_VERSION = 1


def _setting(default: Any, description: str) -> Any:
    return field(default=default, metadata={"description": description})


@dataclass(frozen=True)
class Settings:
    """What one workstation remembers between runs."""

    store_kind: str = _setting(
        "sqlite", "sqlite (a file on this workstation) or postgresql (the county server)"
    )
    sqlite_path: str = _setting("", "the SQLite file; empty means the default in the user data folder")
    pg_host: str = _setting("", "PostgreSQL server host name or address")
    pg_port: int = _setting(5432, "PostgreSQL server port")
    pg_database: str = _setting("", "PostgreSQL database name")
    pg_user: str = _setting("", "PostgreSQL user; the password is kept in the system keyring")
    language: str = _setting(DEFAULT_LANGUAGE, "zh_CN (简体中文) or en (English)")
    last_user: str = _setting("", "the user name last used to log in on this workstation")
    anchor_dir: str = _setting(
        "",
        "the folder the window writes the daily audit anchor to (a USB stick, a share); empty: none. "
        "An administrator chooses it",
    )
    dossier_dir: str = _setting(
        "",
        "the folder of dossier PDFs a register workbook may name besides its own folder; "
        "empty means 'dossiers' in the user data folder",
    )

    def dossier_folder(self) -> Path:
        """The configured dossier folder (a register import accepts dossiers inside it)."""
        return Path(self.dossier_dir) if self.dossier_dir else paths.default_dossier_dir()

    def sqlite_file(self) -> Path:
        """The SQLite file this workstation uses."""
        return Path(self.sqlite_path) if self.sqlite_path else paths.default_sqlite_path()

    def chosen_sqlite_file(self, explicit: str | None = None) -> Path | None:
        """The SQLite file the store is (``--store``, else env ``DESK_STORE``, else these
        settings, as ``models.connection.resolve_store_url`` chooses), read without SQLAlchemy;
        None for a server."""
        chosen = explicit or os.environ.get("DESK_STORE") or None
        if chosen:
            if not chosen.startswith("sqlite:///"):
                return None
            return Path(chosen.removeprefix("sqlite:///").split("?", 1)[0])
        return None if self.store_kind == "postgresql" else self.sqlite_file()

    def store_url(self, password: str | None = None) -> URL:
        """The store's SQLAlchemy URL (with ``password`` for a server, never saved)."""
        from sqlalchemy.engine import URL, make_url  # not at start-up: see desktop.views.shell.launch

        if self.store_kind == "postgresql":
            return URL.create(
                "postgresql+psycopg",
                username=self.pg_user or None,
                password=password,
                host=self.pg_host,
                port=self.pg_port,
                database=self.pg_database,
            )
        return make_url(paths.sqlite_url(self.sqlite_file()))

    def validated(self) -> Settings:
        """The settings, or a ValidationError naming the first wrong field."""
        if self.store_kind not in ("sqlite", "postgresql"):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown store kind {kind}."),
                field="store_kind",
                kind=self.store_kind,
            )
        if self.store_kind == "postgresql":
            for name in ("pg_host", "pg_database", "pg_user"):
                if not str(getattr(self, name)).strip():
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "Fill in the server's host, database and user."),
                        field=name,
                    )
            if not 0 < int(self.pg_port) < 65536:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The port must be between 1 and 65535."), field="pg_port"
                )
        if self.language not in LANGUAGES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown language {language}."),
                field="language",
                language=self.language,
            )
        return self


def describe_settings() -> list[tuple[str, str, Any]]:
    """Every setting with its description and default (for documentation and help)."""
    return [(f.name, f.metadata.get("description", ""), f.default) for f in fields(Settings)]


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults for anything missing, unknown or unreadable."""
    path = path or paths.settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        raw = {}
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}  # each checked against its field's type below
    for key, value in raw.items():
        spec = known.get(key)
        if spec is not None and isinstance(value, type(spec.default)):
            values[key] = value
    return replace(Settings(), **values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (a crash never leaves half a file)."""
    path = path or paths.settings_path()
    data = {"settings_version": SETTINGS_VERSION, **asdict(settings)}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def save_store_choice(actor: Actor, settings: Settings, path: Path | None = None) -> None:
    """Save which store this workstation uses: administrators only (``Permission.ADMINISTER``).
    Before anyone logs in, the store-problem dialog saves with ``save_settings`` (the store cannot
    be opened, so no account can be checked)."""
    require(actor, Permission.ADMINISTER)
    save_settings(settings, path)


def save_anchor_folder(actor: Actor, settings: Settings, folder: str, path: Path | None = None) -> Settings:
    """Choose the folder of the daily audit anchor (``anchor_dir``): administrators only."""
    require(actor, Permission.ADMINISTER)
    chosen = replace(settings, anchor_dir=folder.strip())
    save_settings(chosen, path)
    return chosen
