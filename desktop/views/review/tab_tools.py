"""What the review tabs share: a page of a small list already in memory (searched and sorted in
Python, for the lazy table), scores with one decimal, and a rubric's words (deduction kinds, veto
effects) in the current language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paging import ListQuery, Page

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


def score_text(value: Decimal | None) -> str:
    """A score with one decimal (``87.5``), or "" when there is none."""
    return "" if value is None else f"{value:.1f}"


def fit(widget: QWidget, width: int, *texts: str) -> int:
    """A column at least ``width`` wide and wide enough for its title and the words it shows
    (English words are longer than Chinese ones)."""
    metrics = widget.fontMetrics()
    return max([width] + [metrics.horizontalAdvance(t) + COLUMN_PADDING for t in texts])


def memory_page(rows: Sequence[T], query: ListQuery, searched: Callable[[T], Iterable[str]],
                keep: Callable[[T], bool] = lambda _row: True) -> Page[T]:
    """One window of ``rows`` for the lazy table: those ``keep`` keeps whose ``searched`` texts
    contain the search, sorted by the attribute the query names (the list is small)."""
    needle = query.search.strip().casefold()
    found = [r for r in rows if keep(r) and (not needle or any(needle in (t or "").casefold()
                                                                for t in searched(r)))]
    if query.sort:
        found.sort(key=lambda r: _sort_value(getattr(r, query.sort or "", None)), reverse=query.descending)
    end = None if query.limit is None else query.offset + query.limit
    return Page(tuple(found[query.offset:end]), len(found))


def _sort_value(value: Any) -> tuple[int, Any]:
    """Empty values last, numbers as numbers, everything else as text."""
    if value is None:
        return (1, "")
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float | Decimal):
        return (0, value)
    return (0, str(value))
