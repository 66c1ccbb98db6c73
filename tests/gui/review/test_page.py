"""The 案卷评查 area asked by the dashboard for a campaign's files of one agency (a bar of the latest
campaign's grades): the campaigns tab in front, that campaign current, its files tab filtered to
the agency."""

from __future__ import annotations

from desktop.views.review.campaigns_tab import FILES
from desktop.views.review.page import ReviewPage
from tests.helpers.pages import make_ctx
from tests.helpers.review_county import AGENCIES, draw, make_county


def test_the_files_of_an_agency_in_a_campaign_named(qtbot, store, admin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    county = make_county(store, admin, tmp_path, per_agency=4, dossier_every=99)
    result = draw(county)
    page = ReviewPage(make_ctx(store, county.supervisor, store.clock))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    agency = county.agency_ids[AGENCIES[1]]
    page.set_filters(campaign="评查", agency_id=agency)
    tab = page.tab_widget.currentWidget()
    assert page.keys[page.tab_widget.currentIndex()] == "campaigns"
    assert tab.current_campaign().id == result.campaign.id
    assert tab.tabs.currentIndex() == FILES
    assert tab.files.agency_filter.currentData() == agency
    shown = [tab.files.model.row_at(n) for n in range(tab.files.model.total)]
    assert shown and {r.agency_id for r in shown} == {agency}
    page.set_filters(campaign="no such campaign", agency_id=agency)  # nothing to show: nothing moves
    assert tab.current_campaign().id == result.campaign.id
