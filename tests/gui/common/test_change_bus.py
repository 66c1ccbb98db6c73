"""The change bus: a change committed through the task runner refreshes the other pages that show
its kind (at once when in view, else when next shown, keeping their selection); pages that do not
show it, and the page the change came from, do not read again."""

from __future__ import annotations

from datetime import timedelta  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QDialog, QWidget  # noqa: E402

from desktop.cases.dto import CaseInput  # noqa: E402
from desktop.cases.entry import create_case  # noqa: E402
from desktop.cases.supervision import handle_warning  # noqa: E402
from desktop.core.paging import ListQuery, Page  # noqa: E402
from desktop.models.db import Store  # noqa: E402
from desktop.personnel.dto import AgencyInput  # noqa: E402
from desktop.personnel.service import create_agency  # noqa: E402
from desktop.views.cases.page import CasesPage  # noqa: E402
from desktop.views.common.lazy_table import ColumnSpec  # noqa: E402
from desktop.views.common.list_page import ListPage  # noqa: E402
from desktop.views.personnel.officers.page import OfficersPage  # noqa: E402
from desktop.views.warnings.page import WarningsPage  # noqa: E402
from tests.helpers.pages import make_ctx, seed_agencies, seed_officers  # noqa: E402


class CountingPage(ListPage):
    """A list page of a few fixed rows that counts how often it reads them."""

    def __init__(self, ctx, kinds: set[str], parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, parent, title="Counting")
        self.kinds = frozenset(kinds)
        self.reads = 0
        self.set_up_table("counting", [ColumnSpec("id", "Id", "id")])
        self.lay_out(self.table)

    def fetch(self, query: ListQuery) -> Page[ColumnSpec]:
        self.reads += 1
        return Page((), 0)


@pytest.fixture
def ctx(store, admin, clock):
    return make_ctx(store, admin, clock)


@pytest.fixture
def agencies(store, admin, clock):
    rows = seed_agencies(store, admin)
    seed_officers(store, admin, rows, clock.today())
    return rows


def shown(qtbot, page: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def new_agency(ctx, name: str = "示范县交通运输局", short: str = "县交通局"):  # type: ignore[no-untyped-def]
    """Work as a page hands it to the runner: add an agency."""
    return lambda _p, _c: create_agency(ctx.store, ctx.user, AgencyInput(name, short, None, "交通运输", "县"))


def agency_texts(page: OfficersPage) -> list[str]:
    return [page.agency_filter.itemText(i) for i in range(page.agency_filter.count())]


def test_a_change_through_the_runner_refreshes_a_page_showing_its_kind_and_no_other(qtbot, ctx, agencies):
    officers = shown(qtbot, OfficersPage(ctx))
    rubrics = shown(qtbot, CountingPage(ctx, {"rubrics"}))
    officers.table.select_row(2)
    chosen = officers.current_officer().id
    reads = rubrics.reads
    origin = QWidget()  # the agencies page, say
    qtbot.addWidget(origin)
    ctx.tasks.run(new_agency(ctx), parent_widget=origin)
    assert "县交通局" in agency_texts(officers)  # the officers page read its agencies again
    assert officers.current_officer().id == chosen  # keeping the officer chosen
    assert rubrics.reads == reads  # standards are not agencies: not read again
    ctx.tasks.run(lambda _p, _c: 42)  # reads only: nothing announced
    assert rubrics.reads == reads


def test_a_hidden_page_reads_again_only_when_it_is_shown(qtbot, ctx, agencies):
    officers = shown(qtbot, OfficersPage(ctx))
    officers.hide()
    before = agency_texts(officers)
    ctx.tasks.run(new_agency(ctx))
    assert agency_texts(officers) == before  # nobody looks: nothing read yet
    officers.show()
    qtbot.waitExposed(officers)
    assert "县交通局" in agency_texts(officers)


def test_a_page_never_shown_and_the_page_the_change_came_from_do_not_read_again(qtbot, ctx, agencies):
    unseen = CountingPage(ctx, {"agencies"})
    qtbot.addWidget(unseen)
    page = shown(qtbot, CountingPage(ctx, {"agencies"}))
    reads = page.reads
    dialog = QDialog(page)  # the page's own dialog saved it: its callback shows the change
    ctx.tasks.run(new_agency(ctx), parent_widget=dialog)
    assert page.reads == reads and unseen.reads == 0 and not ctx.dialogs.names()
    ctx.tasks.run(new_agency(ctx, "示范县水利局", "县水利局"))
    assert page.reads == reads + 1 and unseen.reads == 0


def test_a_warning_handled_on_the_warning_centre_leaves_the_register_at_once(qtbot, ctx, agencies, clock):
    today = clock.today()
    data = CaseInput(
        case_no="市监罚〔2026〕9号",
        agency=agencies[0].id,
        category="行政处罚",
        procedure="普通程序",
        cause="未按规定明码标价",
        party="城关镇惠民超市",
        filed_on=today - timedelta(days=5),
        officers=("张伟",),
    )
    case = create_case(ctx.store, ctx.user, data)
    register = shown(qtbot, CasesPage(ctx))
    centre = WarningsPage(ctx)
    centre.set_scope("cases")  # the register's warnings (the officers' certificates have their own)
    centre = shown(qtbot, centre)
    register.table.select_row(0)
    assert register.current_case().warnings and centre.model.total == 1
    ctx.tasks.run(
        lambda _p, _c: handle_warning(ctx.store, ctx.user, case.id, "single_officer", None, "已约谈"),
        on_done=lambda _row: centre.refresh(),
        parent_widget=centre,
    )
    assert register.current_case().id == case.id and register.current_case().warnings == ()
    assert centre.model.total == 0


def test_f5_reads_past_the_answers_kept_for_a_moment(qtbot, ctx, agencies, clock, store_url):
    today = clock.today()
    data = CaseInput(
        case_no="市监罚〔2026〕9号",
        agency=agencies[0].id,
        category="行政处罚",
        procedure="普通程序",
        cause="未按规定明码标价",
        party="城关镇惠民超市",
        filed_on=today - timedelta(days=5),
        officers=("张伟",),
    )
    case = create_case(ctx.store, ctx.user, data)
    centre = WarningsPage(ctx)
    centre.set_scope("cases")  # the register's warnings (the officers' certificates have their own)
    centre = shown(qtbot, centre)
    assert centre.model.total == 1
    other = Store(store_url, clock=clock)  # another workstation on the same store
    try:
        handle_warning(other, ctx.user, case.id, "single_officer", None, "已约谈")
    finally:
        other.dispose()
    centre.refresh()  # as when a change of this program is announced
    assert centre.model.total == 1  # kept for paging: this program did not write it
    centre.refresh_action.trigger()
    assert centre.model.total == 0
