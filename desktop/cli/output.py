"""What the command line prints: exit codes, one JSON document or aligned tables (CJK characters
count double), an import's result or refusal, and the totals line of a list."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def json_text(document: dict[str, Any]) -> str:
    """``document`` as the one JSON document of ``--json``."""
    return json.dumps(document, ensure_ascii=False, default=str, indent=2)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Rows as aligned text columns (CJK characters count double)."""
    cells = [[("" if v is None else str(v)) for v in row] for row in [list(headers), *rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    return [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
    ]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def import_lines(result: Any) -> Callable[[], list[str]]:
    """An import's warnings and what it imported and skipped."""

    def lines() -> list[str]:
        done = translate(
            "cli", QT_TRANSLATE_NOOP("cli", "Imported {imported}, skipped {skipped} (already present).")
        )
        lines = [*result.warnings, done.format(imported=result.imported, skipped=result.skipped)]
        if getattr(result, "updated", 0):
            changed = translate(
                "cli", QT_TRANSLATE_NOOP("cli", "Changed {updated} known record(s): {fields}.")
            )
            lines.append(changed.format(updated=result.updated, fields="、".join(result.fields)))
        return lines

    return lines


def refusal_document(exc: ImportRefused) -> dict[str, Any]:
    """A refused import in the JSON shape of CLI.md: nothing imported, every error."""
    return {"imported": 0, "skipped": 0, "errors": [e.as_dict() for e in exc.errors]}


def refusal_lines(exc: ImportRefused) -> list[str]:
    """A refused import for stderr: why, then each error with its file, sheet, row and column."""
    where = translate(
        "cli", QT_TRANSLATE_NOOP("cli", "{file} sheet {sheet} row {row} column {column}: {message}")
    )
    return [exc.localized()] + [
        where.format(file=e.file, sheet=e.sheet, row=e.row, column=e.column, message=e.message)
        for e in exc.errors
    ]


def total_line(total: int, shown: int) -> str:
    """How many items a list shows of how many match."""
    return translate("cli", QT_TRANSLATE_NOOP("cli", "{shown} of {total} shown")).format(
        shown=shown, total=total
    )
