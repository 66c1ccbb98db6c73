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


def set_register_filters(
    page: Any,
    agency_id: int | None = None,
    category: str | None = None,
    filed_from: Any = None,
    filed_to: Any = None,
) -> None:
    """Show the cases a dashboard bar counts: an agency's (None: all), of a category (None: all),
    filed between two dates; the stage and warnings filters and the search cleared. An agency not
    offered yet (a first visit) is chosen once the agencies are read."""
    if agency_id is not None and page.agency_filter.findData(agency_id) < 0:
        page.reload_agencies(lambda: set_register_filters(page, agency_id, category, filed_from, filed_to))
        return
    for combo, value in (
        (page.agency_filter, agency_id),
        (page.category_filter, category),
        (page.stage_filter, None),
    ):
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.blockSignals(blocked)
    for edit, day in ((page.filed_from, filed_from), (page.filed_to, filed_to)):
        blocked = edit.blockSignals(True)
        edit.set_value(day)
        edit.blockSignals(blocked)
    blocked = page.warnings_check.blockSignals(True)
    page.warnings_check.setChecked(False)
    page.warnings_check.blockSignals(blocked)
    page.on_filter_changed()
    if page.header.search_text():
        page.header.set_search_text("")


COUNT_CAP = 1000
"""The register's first page counts this far ("超过 1,000 条"), the rest is counted after: a search
of 25,000 matches in 1,000,000 cases shows its first page at once on PostgreSQL too."""
