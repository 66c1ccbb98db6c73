"""下载模板 next to 导入: the page's template saved where the user says, importable as it is."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.personnel.exchange import AGENCY_COLUMNS, import_agencies
from desktop.views.personnel.agencies.page import AgenciesPage
from tests.helpers.pages import make_ctx, visible_action_texts


@pytest.fixture
def page(qtbot, store, admin, clock):
    page = AgenciesPage(make_ctx(store, admin, clock))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_template_action_follows_import_and_saves_the_template(page, tmp_path, store, admin):
    texts = visible_action_texts(page.header)
    assert texts.index("Template") == texts.index("Import") + 1
    page.ctx.dialogs.files.append(str(tmp_path / "agencies"))
    page.template_action.trigger()
    ((_title, default_name, _filter),) = page.ctx.dialogs.called("save_file")
    assert default_name == "执法主体导入 template.xlsx"
    book = openpyxl.load_workbook(tmp_path / "agencies.xlsx")
    assert [c.value for c in book.worksheets[0][1]] == [c.header for c in AGENCY_COLUMNS]
    ((_title, text),) = page.ctx.dialogs.called("info")
    assert str(tmp_path / "agencies.xlsx") in text
    assert import_agencies(store, admin, tmp_path / "agencies.xlsx").imported == 0


def test_a_cancelled_save_writes_nothing(page, tmp_path):
    page.ctx.dialogs.files.append(None)
    page.template_action.trigger()
    assert not list(tmp_path.glob("*.xlsx"))
    assert not page.ctx.dialogs.called("info")
