"""The lazy table model: pages fetched on demand, cached, sorted and searched in the service."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from desktop.core.errors import StoreUnavailable
from desktop.core.paging import ListQuery
from desktop.views.common.lazy_table import (
    ColumnSpec,
    LazyTableModel,
    format_money,
    format_score,
    format_value,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def loaded(columns, fetch, **kwargs) -> LazyTableModel:
    model = LazyTableModel(columns, fetch, **kwargs)
    model.reload()
    return model


def test_nothing_is_fetched_before_the_first_reload(columns, fake_fetch):
    model = LazyTableModel(columns, fake_fetch)
    model.set_search("1")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert fake_fetch.calls == 0
    assert model.rowCount() == 0
    assert model.query().search == "1" and model.query().sort == "name"


def test_reload_counts_and_fetches_only_the_first_page(columns, fake_fetch, qtbot):
    model = LazyTableModel(columns, fake_fetch)
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.reload()
    assert blocker.args == [10_000]
    assert model.rowCount() == model.total == 10_000
    assert model.columnCount() == len(columns)
    assert fake_fetch.queries == [ListQuery(offset=0, limit=100)]


def test_rows_are_fetched_a_page_at_a_time_and_cached(columns, fake_fetch):
    model = loaded(columns, fake_fetch)
    assert model.data(model.index(5, 1)) == "执法人员00005"
    assert model.data(model.index(99, 1)) == "执法人员00099"
    assert fake_fetch.calls == 1
    assert model.data(model.index(9_999, 1)) == "执法人员09999"
    assert model.data(model.index(250, 0)) == "250"
    assert fake_fetch.pages_fetched() == [0, 99, 2]
    model.data(model.index(9_950, 0))
    model.data(model.index(201, 3))
    assert fake_fetch.calls == 3


def test_only_the_rows_asked_for_are_fetched_not_all_pages(columns, fake_fetch):
    model = loaded(columns, fake_fetch)
    for row in range(0, 30):
        for col in range(model.columnCount()):
            model.data(model.index(row, col))
    assert fake_fetch.calls == 1


def test_the_cache_keeps_the_most_recently_used_pages(columns, fake_fetch):
    model = loaded(columns, fake_fetch, max_pages=3)
    for page in (1, 2, 3):
        model.row_at(page * 100)
    assert model.cached_pages() == [1, 2, 3]
    model.row_at(150)  # page 1 is used again
    model.row_at(450)  # page 4 evicts the least recently used: page 2
    assert model.cached_pages() == [3, 1, 4]
    fake_fetch.reset()
    model.row_at(250)
    assert fake_fetch.pages_fetched() == [2]


def test_sorting_by_a_sortable_column_changes_the_query_and_reloads(columns, fake_fetch, qtbot):
    model = loaded(columns, fake_fetch)
    fake_fetch.reset()
    with qtbot.waitSignal(model.modelReset):
        model.sort(5, Qt.SortOrder.DescendingOrder)
    assert fake_fetch.queries == [ListQuery(sort="salary", descending=True, offset=0, limit=100)]
    assert model.sort_column() == 5
    top = model.row_at(0)
    assert top.salary == max(r.salary for r in fake_fetch.rows)


def test_sorting_by_an_unsortable_column_does_nothing(columns, fake_fetch):
    model = loaded(columns, fake_fetch)
    fake_fetch.reset()
    model.sort(2)
    model.sort(99)
    assert fake_fetch.calls == 0
    assert model.query().sort is None


def test_search_starts_again_from_the_first_row_with_a_new_count(columns, fake_fetch, qtbot):
    model = loaded(columns, fake_fetch)
    model.row_at(5_000)
    fake_fetch.reset()
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.set_search("0999")
    assert blocker.args == [11]  # 00999 and 09990..09999
    assert fake_fetch.queries == [ListQuery(search="0999", offset=0, limit=100)]
    assert model.cached_pages() == [0]
    model.set_search("0999")  # same text: nothing to do
    assert fake_fetch.calls == 1


def test_filters_are_passed_to_the_service(columns, fake_fetch):
    model = loaded(columns, fake_fetch)
    model.set_filters((("active", False),))
    assert fake_fetch.queries[-1].filters == (("active", False),)
    assert model.total == 3_334
    assert all(not model.row_at(i).active for i in range(0, model.total, 97))


def test_queries_for_pages_and_for_exports(columns, fake_fetch):
    model = loaded(columns, fake_fetch)
    model.set_search("执法")
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.query() == ListQuery(search="执法", sort="hired", offset=0, limit=100)
    assert model.all_rows_query() == ListQuery(search="执法", sort="hired", offset=0, limit=None)


def test_roles(columns, fake_fetch, rows):
    model = loaded(columns, fake_fetch)
    row = rows[7]
    index = model.index(7, 5)
    assert model.data(index, Qt.ItemDataRole.UserRole) == row
    assert model.row_at(index) == row
    assert model.data(index) == f"{row.salary:,.2f}"
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Salary"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.row_at(QModelIndex()) is None
    assert model.row_at(10_000) is None


def test_tone_gives_the_foreground_colour(columns, fake_fetch, rows):
    model = loaded(columns, fake_fetch)
    red = next(i for i, r in enumerate(rows[:100]) if r.salary > 8000)
    plain = next(i for i, r in enumerate(rows[:100]) if r.salary <= 8000)
    brush = model.data(model.index(red, 5), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name().upper() == "#D93025"
    assert model.data(model.index(plain, 5), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(red, 1), Qt.ItemDataRole.ForegroundRole) is None


def test_a_column_format_replaces_the_default(fake_fetch):
    cols = [
        ColumnSpec("name", "Name", format=lambda v: v[-3:]),
        ColumnSpec("unit", "Unit", tone=lambda r: "yellow"),
        ColumnSpec("id", "Id", tone=lambda r: "green"),
    ]
    model = loaded(cols, fake_fetch)
    assert model.data(model.index(12, 0)) == "012"
    colours = [model.data(model.index(0, c), Qt.ItemDataRole.ForegroundRole).color().name() for c in (1, 2)]
    assert [c.upper() for c in colours] == ["#F2A900", "#188038"]


def test_column_spec_refuses_an_unknown_alignment():
    with pytest.raises(ValueError):
        ColumnSpec("id", "Id", align="justify")


class Level(Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "✓"),
        (False, ""),
        (date(2026, 3, 9), "2026-03-09"),
        (datetime(2026, 3, 9, 14, 5), "2026-03-09 14:05"),
        (Decimal("12500"), "12,500.00"),
        (Decimal("-3.456"), "-3.46"),
        (87.25, "87.2"),
        (12345, "12345"),
        ("文本", "文本"),
        (Level.RED, "red"),
        ((1, "a"), "1, a"),
    ],
)
def test_default_formatter(value, text):
    assert format_value(value) == text


def test_aware_datetimes_are_shown_in_local_time():
    moment = datetime(2026, 3, 9, 2, 30, tzinfo=UTC)
    assert format_value(moment) == moment.astimezone().strftime("%Y-%m-%d %H:%M")
    beijing = datetime(2026, 3, 9, 10, 30, tzinfo=timezone(timedelta(hours=8)))
    assert format_value(beijing) == format_value(moment.replace(minute=30))


def test_money_and_score_helpers():
    assert format_money(Decimal("1234567.891")) == "1,234,567.89"
    assert format_money(None) == ""
    assert format_score(Decimal("92.25")) == "92.2"


def test_a_failing_count_shows_no_rows_and_reports_it(columns, fake_fetch, qtbot):
    model = LazyTableModel(columns, fake_fetch)
    fake_fetch.fail = StoreUnavailable("The store cannot be reached.")
    with qtbot.waitSignal(model.fetch_failed) as blocker:
        model.reload()
    assert blocker.args == [fake_fetch.fail]
    assert model.rowCount() == 0


def test_a_failing_page_is_blank_and_reported_once_the_view_is_done(columns, fake_fetch, qtbot):
    model = loaded(columns, fake_fetch)
    fake_fetch.fail = StoreUnavailable("The store cannot be reached.")
    with qtbot.waitSignal(model.fetch_failed):
        assert model.data(model.index(500, 1)) is None
    assert model.data(model.index(501, 1)) is None  # not asked again until a reload
    assert fake_fetch.calls == 2


def test_qt_model_tester_passes_through_reloads_sorts_and_searches(columns, make_fetch, qtmodeltester):
    model = loaded(columns, make_fetch(250))
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_search("001")
    model.set_filters((("active", True),))
    model.set_search("nobody")
    model.reload()


def test_python_model_tester_passes(columns, make_fetch, qtmodeltester):
    model = loaded(columns, make_fetch(250))
    qtmodeltester.check(model, force_py=True)


def test_qt_model_tester_passes_on_an_empty_model(columns, make_fetch, qtmodeltester):
    model = loaded(columns, make_fetch(0))
    qtmodeltester.check(model)
    assert model.rowCount() == 0


class CappedFetch:
    """The fake service answering as a register does with ``count_cap``: more rows than the
    cap say ``Page(total=cap, capped=True)``."""

    def __init__(self, fetch) -> None:
        self.fetch = fetch

    def __call__(self, query: ListQuery):
        page = self.fetch(query)
        if query.count_cap is not None and page.total > query.count_cap:
            return type(page)(page.items, query.count_cap, capped=True)
        return page


def test_a_capped_count_grows_as_rows_are_fetched_past_it_and_takes_the_exact_count(
    columns, fake_fetch, qtbot
):
    model = LazyTableModel(columns, CappedFetch(fake_fetch))
    model.set_count_cap(1000)
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.reload()
    assert blocker.args == [1000] and model.capped and model.rowCount() == 1000
    assert fake_fetch.queries == [ListQuery(limit=100, count_cap=1000)]
    assert model.all_rows_query() == ListQuery(limit=None)  # an export counts every row
    # the view's last row asks for more: the next page past the cap
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1100 and model.capped
    assert fake_fetch.pages_fetched()[-1] == 10
    assert model.data(model.index(1050, 1)) == "执法人员01050"
    # the exact count of another query (the search changed meanwhile) is not this one's
    model.set_exact_total(ListQuery(search="x", limit=100, count_cap=1000), 5)
    assert model.rowCount() == 1100 and model.capped
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.set_exact_total(model.query(), 10_000)
    assert blocker.args == [10_000] and model.rowCount() == 10_000 and not model.capped
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(9_999, 1)) == "执法人员09999"


def test_the_last_page_past_a_capped_count_says_where_the_rows_end(columns, make_fetch, qtbot):
    fetch = make_fetch(1_050)
    model = LazyTableModel(columns, CappedFetch(fetch))
    model.set_count_cap(1000)
    model.reload()
    assert model.capped and model.rowCount() == 1000
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.fetchMore(QModelIndex())
    assert blocker.args == [1_050] and model.rowCount() == 1_050 and not model.capped
    model.set_exact_total(model.query(), 1_050)  # arriving afterwards changes nothing
    assert model.rowCount() == 1_050


def test_a_failing_page_past_the_cap_stops_fetching_until_reload(columns, fake_fetch, qtbot):
    model = LazyTableModel(columns, CappedFetch(fake_fetch))
    model.set_count_cap(1000)
    model.reload()
    fake_fetch.fail = StoreUnavailable("the store went away")
    with qtbot.waitSignal(model.fetch_failed):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000 and model.capped and not model.canFetchMore(QModelIndex())
    fake_fetch.fail = None
    model.reload()
    assert model.canFetchMore(QModelIndex())
