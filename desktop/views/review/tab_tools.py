"""What the review tabs share: a page of a small list already in memory (searched and sorted in
Python, for the lazy table), scores with one decimal, and a rubric's words (deduction kinds, veto
effects) in the current language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page

T = TypeVar("T")
CONTEXT = "ReviewWords"
COLUMN_PADDING = 18

KIND_WORDS = {
    "fixed": QT_TRANSLATE_NOOP("ReviewWords", "Fixed deduction"),
    "per_occurrence": QT_TRANSLATE_NOOP("ReviewWords", "Per occurrence"),
    "range": QT_TRANSLATE_NOOP("ReviewWords", "Range"),
    "full": QT_TRANSLATE_NOOP("ReviewWords", "Full points"),
    "veto": QT_TRANSLATE_NOOP("ReviewWords", "Veto"),
}
EFFECT_WORDS = {
    "fail": QT_TRANSLATE_NOOP("ReviewWords", "Fails the file"),
    "not_excellent": QT_TRANSLATE_NOOP("ReviewWords", "Cannot be rated excellent"),
}


def word(text: str) -> str:
    """A string marked in the ``ReviewWords`` context, in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


def kind_word(kind: str) -> str:
    """固定扣分 · 每处扣分 · 区间扣分 · 扣全分 · 否决项."""
    return word(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def effect_word(effect: str) -> str:
    """不合格 · 不得评为优秀."""
    return word(EFFECT_WORDS[effect]) if effect in EFFECT_WORDS else effect


def select_where(table: Any, model: Any, matches: Callable[[Any], bool]) -> bool:
    """Make the first row ``matches`` keeps current; False when none is listed (filters hide it)."""
    for number in range(model.total):
        row = model.row_at(number)
        if row is not None and matches(row):
            table.select_row(number)
            return True
    return False


def fit(widget: QWidget, width: int, *texts: str) -> int:
    """A column at least ``width`` wide and wide enough for its title and the words it shows
    (English words are longer than Chinese ones)."""
    metrics = widget.fontMetrics()
    return max([width] + [metrics.horizontalAdvance(t) + COLUMN_PADDING for t in texts])


def memory_page(
    rows: Sequence[T],
    query: ListQuery,
    *,
    search: Callable[[T], str | Iterable[str]] | None = None,
    keep: Callable[[T, dict[str, Any]], bool] | None = None,
    sorts: Mapping[str, Callable[[T], Any]] | None = None,
) -> Page[T]:
    """One window of ``rows`` (a small list already read) for the lazy table: those ``keep(row,
    filters)`` keeps whose ``search`` text (or texts) contain the search, sorted by ``sorts[name]``
    or else by the attribute the query names; empty values last."""
    needle = query.search.strip().casefold()
    filters = dict(query.filters)

    def found_in(row: T) -> bool:
        texts = search(row) if search is not None else ()
        return any(needle in (t or "").casefold() for t in ([texts] if isinstance(texts, str) else texts))

    found = [r for r in rows if (not needle or found_in(r)) and (keep is None or keep(r, filters))]
    if query.sort:
        key = (sorts or {}).get(query.sort) or (lambda r: getattr(r, query.sort or "", None))
        found.sort(key=lambda r: _sort_value(key(r)), reverse=query.descending)
    end = None if query.limit is None else query.offset + query.limit
    return Page(tuple(found[query.offset : end]), len(found))


def _sort_value(value: Any) -> tuple[int, Any]:
    """Empty values last, numbers as numbers, everything else as text."""
    if value is None:
        return (1, "")
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float | Decimal):
        return (0, value)
    if isinstance(value, date):
        return (0, value)
    return (0, str(value))
