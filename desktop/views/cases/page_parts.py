"""What the register page builds from (split from ``page``): the import it runs, the category
filter's items and the filters' pop-up width."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox

from desktop.cases import terms

COLUMN_PADDING = 16
PROCEDURE_INDENT = "    "


def import_cases(*args: Any, **kwargs: Any) -> Any:
    """The register's import (its module is imported when first used)."""
    from desktop.cases import exchange

    return exchange.import_cases(*args, **kwargs)


def category_item(key: str) -> str:
    """A category, or one of 行政处罚's procedures indented under it (the combo stays narrow)."""
    category, _, procedure = key.partition("|")
    return PROCEDURE_INDENT + terms.term_title(procedure) if procedure else terms.term_title(category)


def fit_popup(combo: QComboBox) -> None:
    """Let the list open wide enough for its longest item when the combo itself is capped."""
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + COLUMN_PADDING)


def export_cases(ctx: Any, store: Any, actor: Any, query: Any, path: str, **kwargs: Any) -> int:
    """The register export with each row's warnings as of the window's date."""
    from desktop.cases import exchange

    return exchange.export_cases(store, actor, query, path, as_of=ctx.today(), **kwargs)


def export_publicity(ctx: Any, store: Any, actor: Any, query: Any, path: str, **kwargs: Any) -> int:
    """The 双公示 export of the rows shown (as of the window's date, like the list)."""
    from desktop.cases import exchange

    return exchange.export_publicity(store, actor, query, path, as_of=ctx.today(), **kwargs)
