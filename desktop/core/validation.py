"""What makes an input acceptable, said the same way everywhere: each broken rule is a
``Problem`` naming the field, so a dialog marks the field and an import names the column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.i18n import translate


@dataclass(frozen=True)
class Problem:
    """One broken rule: the field and a message template with its parameters."""

    field: str
    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def message(self) -> str:
        """The message in the current language."""
        return translate("errors", self.template).format(**dict(self.params))

    def error(self) -> ValidationError:
        """The problem as an exception for a dialog."""
        return ValidationError(self.template, field=self.field, **dict(self.params))


def raise_first(problems: list[Problem]) -> None:
    """Raise the first problem for a dialog (which marks its field)."""
    if problems:
        raise problems[0].error()
