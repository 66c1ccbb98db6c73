"""ListQuery's windows keep the count cap; ``exactly`` drops it; a Page says when its count stopped
at the cap."""

from __future__ import annotations

from desktop.core.paging import ListQuery, Page


def test_a_window_keeps_the_cap_and_exactly_drops_it() -> None:
    query = ListQuery(search="鑫源", filters=(("stage", "filed"),), sort="party", limit=100, count_cap=1000)
    later = query.window(300, 100)
    assert (later.offset, later.limit, later.count_cap, later.search) == (300, 100, 1000, "鑫源")
    exact = later.exactly()
    assert exact.count_cap is None and exact.window(0, 100).count_cap is None
    assert (exact.offset, exact.limit, exact.filters, exact.sort) == (
        300,
        100,
        (("stage", "filed"),),
        "party",
    )
    assert ListQuery().count_cap is None  # counted exactly unless asked


def test_a_page_is_exact_unless_it_says_capped() -> None:
    assert not Page((1, 2), 2).capped
    page = Page((1, 2), 1000, (), True)
    assert page.capped and page.total == 1000 and page.notes == ()
