"""开始使用: a new store's cases page says what to do first, greys 新建 with the reason, and
goes where each step is done; the panel goes once agencies and officers exist."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.identifiers import make_resident_id
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer
from desktop.views.cases.page import CasesPage
from desktop.views.personnel.officers.page import OfficersPage
from tests.helpers.pages import make_ctx


@pytest.fixture
def ctx(store, admin, clock):
    return make_ctx(store, admin, clock)


def shown(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_an_empty_store_shows_the_first_steps_and_greys_new(qtbot, ctx, store, admin):
    page = shown(qtbot, CasesPage(ctx))
    panel = page.first_steps
    assert panel.isVisible()
    assert not page.new_action.isEnabled()
    assert "Add an agency first" in page.new_action.toolTip()
    assert "Add an agency first" in panel.reason.text()
    assert [panel.marks[k].text() for k in ("agencies", "officers")] == ["○", "○"]
    assert not panel.buttons["cases"].isEnabled()  # nothing to import cases into yet

    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    page.refresh_action.trigger()
    assert panel.marks["agencies"].text() == "✓"
    assert not page.new_action.isEnabled()
    assert "officers of at least one agency" in page.new_action.toolTip()

    create_officer(
        store, admin, OfficerInput("张三", make_resident_id("341122", date(1980, 1, 1), 1), "县市场监管局")
    )
    page.refresh_action.trigger()
    assert not panel.isVisible()
    assert page.new_action.isEnabled()
    assert page.new_action.toolTip() == "New (Ctrl+N)"


def test_each_step_asks_for_its_area(qtbot, ctx):
    page = shown(qtbot, CasesPage(ctx))
    asked = []
    page.area_requested.connect(lambda area, part: asked.append((area, part)))
    page.first_steps.buttons["cases"].setEnabled(True)  # as once an agency has officers
    for key in ("agencies", "officers", "cases", "rubrics"):
        page.first_steps.buttons[key].click()
    assert asked == [("agencies", ""), ("officers", ""), ("cases", "import"), ("review", "rubrics")]


def test_officers_need_an_agency_only(qtbot, ctx, store, admin):
    page = shown(qtbot, OfficersPage(ctx))
    assert not page.new_action.isEnabled()
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    page.refresh_action.trigger()
    assert page.new_action.isEnabled()
    assert page.first_steps.isVisible()  # no officers yet
