"""Small helpers the data pages share: local times, a table over a service, keeping the selection,
the agency filter."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.context import AppContext
from desktop.core.clock import parse_utc_iso
from desktop.core.paging import ListQuery, Page
from desktop.personnel.service import list_agencies
from desktop.views.common.lazy_table import ColumnSpec, LazyTableModel
from desktop.views.common.table_view import DeskTableView

RESELECT_SPAN = 50
"""How far from its old place a row is looked for after a reload (never the whole register)."""


def local_time(text: str | None, *, seconds: bool = False) -> str:
    """A stored UTC instant (``2026-11-23T02:00:00.000000Z``) in local time ``YYYY-MM-DD HH:MM``."""
    if not text:
        return ""
    try:
        instant = parse_utc_iso(text).astimezone()
    except ValueError:
        return text
    return instant.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def make_table(
    ctx: AppContext,
    page: QWidget,
    state_key: str,
    columns: Sequence[ColumnSpec],
    fetch: Callable[[ListQuery], Page[Any]],
) -> tuple[LazyTableModel, DeskTableView]:
    """A lazy model over ``fetch`` and the desk table showing it; failures go to ``ctx.dialogs``."""
    model = LazyTableModel(columns, fetch, page)
    table = DeskTableView(state_key, page)
    table.setModel(model)
    model.fetch_failed.connect(lambda exc: ctx.dialogs.show_error(page, exc, on_retry=model.reload))
    return model, table


def reload_keeping(table: DeskTableView, model: LazyTableModel, row_id: int | None = None) -> None:
    """Reload the model and make the row with ``row_id`` (default: the current one) current again."""
    current = table.current_row()
    wanted = row_id if row_id is not None else getattr(current, "id", None)
    near = table.currentIndex().row()
    model.reload()
    if wanted is None:
        return
    while model.capped and model.total <= near + RESELECT_SPAN:  # the row was past a capped count
        before = model.total
        model.fetchMore(QModelIndex())
        if model.total == before:
            break
    start = max(0, near - RESELECT_SPAN)
    for number in range(start, min(model.total, max(near, 0) + RESELECT_SPAN)):
        row = model.row_at(number)
        if row is not None and getattr(row, "id", None) == wanted:
            table.select_row(number)
            return


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, Any]], keep: bool = True) -> None:
    """Replace a combo's items (text, data), keeping the chosen data when it is still offered."""
    chosen = combo.currentData() if keep else None
    blocked = combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(blocked)


def scoped_agencies(ctx: AppContext) -> list[tuple[int, str, str]]:
    """The agencies the user may see, as (id, name, short name or name)."""
    scope = ctx.user.scope_agency_id
    return [
        (a.id, a.name, a.short_name or a.name)
        for a in list_agencies(ctx.store, ctx.user).items
        if scope is None or a.id == scope
    ]


def fill_agency_filter(
    combo: QComboBox, ctx: AppContext, agencies: Sequence[tuple[int, str, str]], every: str
) -> None:
    """An agency filter of short names, with ``every`` ("All agencies") first unless the user is
    limited to one agency."""
    items = [(every, None)] if ctx.user.scope_agency_id is None else []
    fill_combo(combo, items + [(short, aid) for aid, _name, short in agencies])
    full_names_on_hover(combo, {aid: name for aid, name, _short in agencies})


def full_names_on_hover(combo: QComboBox, names: Mapping[Any, str]) -> None:
    """Each item of an agency combo (its short name) shows the agency's full name on hover, and
    the combo shows the chosen one's."""
    for index in range(combo.count()):
        name = names.get(combo.itemData(index))
        if name:
            combo.setItemData(index, name, Qt.ItemDataRole.ToolTipRole)

    if not combo.property("fullNameOnHover"):  # connected once; its own tooltip kept for "all"
        combo.setProperty("fullNameOnHover", True)
        combo.setProperty("baseToolTip", combo.toolTip())
        combo.currentIndexChanged.connect(lambda _index: show_chosen_name(combo))
    show_chosen_name(combo)


def show_chosen_name(combo: QComboBox) -> None:
    """The combo's tooltip: the chosen item's (an agency's full name)."""
    tip = (
        combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        if combo.currentIndex() >= 0
        else None
    )
    combo.setToolTip(tip or combo.property("baseToolTip") or "")


def short_agency_names(agencies: Sequence[tuple[int, str, str]]) -> dict[str, str]:
    """Each agency's short name by its full name (as ``scoped_agencies`` gives them)."""
    return {name: short for _aid, name, short in agencies}
