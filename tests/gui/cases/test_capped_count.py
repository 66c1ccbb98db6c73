"""The register's count under a large answer: the first page shows at once with "More than 1,000"
(the count stopped at ``COUNT_CAP``), the exact count arrives from the task runner and replaces
it; meanwhile scrolling to the last row keeps loading rows past the cap."""

from __future__ import annotations

import threading

import pytest

from desktop.cases.service import count_cases
from desktop.views.cases import page as cases_page
from desktop.views.cases.page import CasesPage
from desktop.views.cases.page_parts import COUNT_CAP
from desktop.views.common.lazy_table import PAGE_SIZE
from desktop.views.common.tasks import TaskRunner
from tests.helpers.pages import insert_bulk_cases, make_ctx, seed_agencies

CASES = 2_550


@pytest.fixture
def ctx(store, admin, clock):
    agencies = seed_agencies(store, admin)
    insert_bulk_cases(store, agencies, CASES)
    return make_ctx(store, admin, clock)


class StalledCount:
    """The exact count held back until ``release`` is set; the queries it was asked for."""

    def __init__(self, ctx) -> None:
        self.ctx, self.release, self.asked = ctx, threading.Event(), []

    def __call__(self, store, actor, query, as_of=None):
        self.asked.append(query)
        assert self.release.wait(10)
        return count_cases(store, actor, query, as_of)

    def finish(self) -> bool:
        """Let the count through and wait for the workers."""
        self.release.set()
        return self.ctx.tasks.shutdown(5_000)


@pytest.fixture
def stalled(ctx, monkeypatch):
    """The page's background runner, its exact count stalled (``StalledCount``)."""
    ctx.tasks = TaskRunner(ctx.dialogs)
    count = StalledCount(ctx)
    monkeypatch.setattr(cases_page, "count_cases", count)
    yield count
    assert count.finish()


def show(qtbot, ctx) -> CasesPage:
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def scroll_to_end(page: CasesPage) -> None:
    page.table.scrollToBottom()
    page.table.grab()  # paints the rows shown (the model fetches their pages)


def test_the_first_page_shows_more_than_the_cap_then_the_exact_count(qtbot, ctx, stalled) -> None:
    page = show(qtbot, ctx)
    assert page.count.text() == f"More than {COUNT_CAP:,}"
    assert page.model.capped and page.model.rowCount() == COUNT_CAP
    qtbot.waitUntil(lambda: len(stalled.asked) == 1)
    assert stalled.asked[0].count_cap == COUNT_CAP and stalled.asked[0].offset == 0
    # rows past the cap load as the user scrolls, before the count arrives
    scroll_to_end(page)
    assert page.model.rowCount() == COUNT_CAP + PAGE_SIZE
    assert page.model.row_at(COUNT_CAP + 5) is not None
    scroll_to_end(page)
    assert page.model.rowCount() == COUNT_CAP + 2 * PAGE_SIZE
    assert page.count.text() == f"More than {COUNT_CAP:,}"
    stalled.release.set()
    qtbot.waitUntil(lambda: page.count.text() == f"Total {CASES:,}")
    assert not page.model.capped and page.model.rowCount() == CASES
    last = page.model.row_at(CASES - 1)
    assert last is not None and page.model.row_at(CASES) is None


def test_scrolling_to_the_end_finds_the_count_before_it_arrives(qtbot, ctx, stalled) -> None:
    page = show(qtbot, ctx)
    for _ in range(CASES // PAGE_SIZE):
        if not page.model.capped:
            break
        scroll_to_end(page)
    assert page.count.text() == f"Total {CASES:,}" and page.model.rowCount() == CASES
    parties = {page.model.row_at(row).party for row in range(CASES)}
    assert len(parties) == CASES  # every case once, none skipped or repeated at the cap
    stalled.release.set()
    qtbot.wait(50)
    assert stalled.finish()
    assert page.count.text() == f"Total {CASES:,}"


def test_a_search_under_the_cap_is_counted_at_once(qtbot, ctx, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(cases_page, "count_cases", lambda *a, **k: asked.append(a) or 0)
    page = show(qtbot, ctx)
    assert asked  # the whole register is over the cap: counted after (synchronous runner here)
    asked.clear()
    page.header.set_search_text("商户002")
    assert page.count.text() == "Total 100" and not page.model.capped and not asked


def test_refresh_keeps_a_case_chosen_past_the_cap(qtbot, ctx, stalled) -> None:
    page = show(qtbot, ctx)
    scroll_to_end(page)
    chosen = page.model.row_at(COUNT_CAP + 20)
    page.table.select_row(COUNT_CAP + 20)
    page.refresh()  # F5 or a change elsewhere: the count is capped again
    assert page.model.capped
    assert page.table.current_row().id == chosen.id
