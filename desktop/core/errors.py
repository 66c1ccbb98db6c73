"""Errors a user can understand and fix, as opposed to bugs.

A ``UserFacingError`` carries an English message template (marked for translation in the
``errors`` context) and its parameters; ``localized()`` gives the text in the current language.
Anything that is not a ``UserFacingError`` is a bug: logged with its traceback and shown in
the crash dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.i18n import QT_TRANSLATE_NOOP, translate


class UserFacingError(Exception):
    """An expected failure: bad input, a conflict, a refused permission, a store out of reach."""

    code = "error"

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        """The message in English (logs)."""
        return _format(self.template, self.params)

    def localized(self) -> str:
        """The message in the current language (text parameters that are catalog entries too:
        in the ``errors`` context, or a ``Term``'s own)."""
        params = {
            k: translate(getattr(v, "context", "errors"), v) if isinstance(v, str) else v
            for k, v in self.params.items()
        }
        return _format(translate("errors", self.template), params)


class Term(str):
    """A message parameter that is a catalog entry of another context (a role's or a permission's
    words): English in logs, translated in ``localized``."""

    context: str

    def __new__(cls, context: str, text: str) -> Term:
        term = super().__new__(cls, text)
        term.context = context
        return term


def _format(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class ValidationError(UserFacingError):
    """Input that breaks a rule; ``field`` names the input."""

    code = "invalid"

    def __init__(self, template: str, field: str = "", **params: Any) -> None:
        self.field = field
        super().__init__(template, **params)


class NotFound(UserFacingError):
    code = "not_found"


class PermissionDenied(UserFacingError):
    code = "permission"


class AuthenticationFailed(UserFacingError):
    code = "authentication"


class AccountLocked(AuthenticationFailed):
    code = "locked"


class Conflict(UserFacingError):
    """A stale write: somebody else changed the row since it was read (乐观锁冲突)."""

    code = "conflict"


class StoreUnavailable(UserFacingError):
    """The store cannot be opened or reached (server down, wrong password, file locked)."""

    code = "store"


class AuditDamaged(UserFacingError):
    """The audit record's end does not hold (a stray or broken record): nothing is written until
    an administrator has checked it."""

    code = "audit_damaged"


class StoreTooNew(StoreUnavailable):
    code = "store_too_new"


class SecretStoreUnavailable(UserFacingError):
    code = "keyring"


@dataclass(frozen=True)
class RowError:
    """One broken rule in an imported file: where (file, sheet, row, column) and what."""

    file: str
    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """The shape CLI.md gives for import errors."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRefused(UserFacingError):
    """A file with at least one bad row: nothing was written."""

    code = "import_refused"

    def __init__(self, errors: list[RowError], file: str) -> None:
        self.errors = tuple(errors)
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "{file}: {count} problem(s) found; nothing was imported."),
            file=file,
            count=len(errors),
        )


class Cancelled(UserFacingError):
    code = "cancelled"

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Cancelled; nothing was changed."))
