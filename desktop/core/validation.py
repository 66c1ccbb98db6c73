"""What makes an input acceptable, said the same way everywhere: each broken rule is a
``Problem`` naming the field, so a dialog marks the field and an import names the column; the
checks every text and date share (the store column's length, invisible characters, plausible
years)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.core.characters import control_character, invisible_character
from desktop.core.clock import is_plausible, plausible_years
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate


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
        """The problem as an exception for a dialog (a ``field`` parameter, "{field} is
        required", is the message's and does not replace the field the error names)."""
        params = dict(self.params)
        error = ValidationError(
            self.template, field=self.field, **{k: v for k, v in params.items() if k != "field"}
        )
        error.params.update(params)
        error.args = (error.english(),)
        return error


def raise_first(problems: list[Problem]) -> None:
    """Raise the first problem for a dialog (which marks its field)."""
    if problems:
        raise problems[0].error()


TOO_LONG = QT_TRANSLATE_NOOP("errors", "At most {limit} characters are allowed; this has {length}.")
INVISIBLE = QT_TRANSLATE_NOOP(
    "errors",
    "Contains an invisible or control character ({character}); type the text again without it.",
)
IMPLAUSIBLE_DATE = QT_TRANSLATE_NOOP("errors", "{date} is outside the years {first} to {last}.")


def text_problems(field: str, value: str | None, limit: int | None, *, strict: bool = True) -> list[Problem]:
    """A text longer than its store column (``limit`` characters) or carrying characters it must
    not: for a name or a number (``strict``) any control, zero-width or bidi character; for free
    text a control character other than tabs and line breaks. The value itself is never echoed."""
    if not value:
        return []
    problems = []
    if limit is not None and len(value) > limit:
        problems.append(Problem(field, TOO_LONG, (("limit", limit), ("length", len(value)))))
    character = invisible_character(value) if strict else control_character(value)
    if character is not None:
        problems.append(Problem(field, INVISIBLE, (("character", character),)))
    return problems


def date_problems(field: str, day: date | None, today: date) -> list[Problem]:
    """A date whose year lies outside ``plausible_years(today)``."""
    if day is None or is_plausible(day, today):
        return []
    first, last = plausible_years(today)
    return [Problem(field, IMPLAUSIBLE_DATE, (("date", day.isoformat()), ("first", first), ("last", last)))]


def shown(value: object, limit: int = 30) -> str:
    """A value as a message quotes it: at most ``limit`` characters, then an ellipsis (a message
    never repeats a whole 100,000-character cell)."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"
