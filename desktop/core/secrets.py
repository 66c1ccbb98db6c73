"""The PostgreSQL password in the system keyring (Windows Credential Manager); never a file.

Without a keyring backend (a Linux machine with no desktop session) every call raises
``SecretStoreUnavailable`` and the window asks for the password instead.
"""

from __future__ import annotations

from typing import Any

from desktop import APP_ID
from desktop.core.errors import SecretStoreUnavailable
from desktop.core.i18n import QT_TRANSLATE_NOOP


def _account(user: str, host: str, port: int, database: str) -> str:
    return f"{user}@{host}:{port}/{database}"


def _keyring() -> tuple[Any, type[Exception]]:
    """keyring and its KeyringError, imported on first use (its backends load in ≈ 50 ms; a SQLite
    store never needs them)."""
    import keyring
    from keyring.errors import KeyringError

    return keyring, KeyringError


def get_store_password(user: str, host: str, port: int, database: str) -> str | None:
    """The saved password of a PostgreSQL account, or None when none is saved."""
    keyring, KeyringError = _keyring()  # noqa: N806 - the exception class
    try:
        return keyring.get_password(APP_ID, _account(user, host, port, database))
    except KeyringError as exc:
        raise _unavailable(exc) from exc


def set_store_password(user: str, host: str, port: int, database: str, password: str) -> None:
    """Keep the password of a PostgreSQL account in the keyring."""
    keyring, KeyringError = _keyring()  # noqa: N806 - the exception class
    try:
        keyring.set_password(APP_ID, _account(user, host, port, database), password)
    except KeyringError as exc:
        raise _unavailable(exc) from exc


def forget_store_password(user: str, host: str, port: int, database: str) -> None:
    """Remove a saved password (no error when there was none)."""
    keyring, KeyringError = _keyring()  # noqa: N806 - the exception class
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(APP_ID, _account(user, host, port, database))
    except PasswordDeleteError:
        pass
    except KeyringError as exc:
        raise _unavailable(exc) from exc


def _unavailable(exc: Exception) -> SecretStoreUnavailable:
    return SecretStoreUnavailable(
        QT_TRANSLATE_NOOP(
            "errors",
            "The system keyring is not available ({reason}); the password will be asked for each time.",
        ),
        reason=type(exc).__name__,
    )
