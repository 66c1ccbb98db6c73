"""Issue 10, item 11: the last page and the last review tab are remembered per user, not per
workstation; 切换用户 shows the login with the user name empty and focused."""

from __future__ import annotations

from dataclasses import replace  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from desktop.accounts.service import authenticate, create_first_admin  # noqa: E402
from desktop.core.security import Role  # noqa: E402
from desktop.core.settings import load_settings  # noqa: E402
from desktop.models.db import open_store, sqlite_url  # noqa: E402
from desktop.views.common.messages import FakeDialogs  # noqa: E402
from desktop.views.common.tasks import SyncTaskRunner  # noqa: E402
from desktop.views.common.widgets import user_key  # noqa: E402
from desktop.views.review import page as review_page  # noqa: E402
from desktop.views.shell import main_window  # noqa: E402
from desktop.views.shell.login import LoginDialog  # noqa: E402
from desktop.views.shell.startup import Startup  # noqa: E402
from tests.helpers.window import FakePrompts, actor_with, fake_pages, make_ctx  # noqa: E402

PASSWORD = "Chief-2026"
ZHAO = replace(actor_with(Role.SUPERVISOR), id=1, name="zhao")
QIAN = replace(actor_with(Role.SUPERVISOR), id=2, name="qian")


@pytest.fixture
def window_for(qtbot, store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())

    def make(actor):
        window = main_window.MainWindow(make_ctx(store, actor))
        qtbot.addWidget(window)
        return window

    return make


def test_each_user_finds_the_page_they_left(window_for) -> None:
    first = window_for(ZHAO)
    start = first.page_keys()[0]
    other = first.page_keys()[2]
    first.show_page(other)
    assert window_for(QIAN).current_key() == start  # not the page zhao left
    assert window_for(ZHAO).current_key() == other


def test_each_user_finds_the_review_tab_they_left(qtbot, store, monkeypatch) -> None:
    for name in ("_campaigns", "_tasks", "_rechecks", "_rubrics"):
        monkeypatch.setattr(review_page, name, lambda _ctx, parent: QWidget(parent))

    def review(actor):
        page = review_page.ReviewPage(make_ctx(store, actor))
        qtbot.addWidget(page)
        return page

    page = review(ZHAO)
    page.show_tab("rubrics")
    other = review(QIAN)
    assert other.tab_widget.currentIndex() == 0  # not the tab zhao left
    again = review(ZHAO)
    assert again.keys[again.tab_widget.currentIndex()] == "rubrics"


def test_a_user_key_is_one_settings_group_whatever_the_name() -> None:
    assert user_key("zhao", "main_window/page") == "users/zhao/main_window/page"
    assert user_key("a/b\\c", "x") == "users/a%2Fb%5Cc/x"


def test_switch_user_shows_the_login_with_the_user_name_empty_and_focused(
    qtbot, monkeypatch, clock, tmp_path
):
    url = sqlite_url(tmp_path / "s.sqlite3")
    st = open_store(url)
    create_first_admin(st, "zhao", PASSWORD)
    st.dispose()
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    prompts = FakePrompts(logins=[lambda ctx, _name: authenticate(ctx.store, "zhao", PASSWORD), None])
    dialogs = FakeDialogs()
    windows = []

    def window(ctx):
        made = main_window.MainWindow(ctx)
        qtbot.addWidget(made)
        windows.append(made)
        return made

    startup = Startup(
        load_settings(),
        store=url,
        tasks=SyncTaskRunner(dialogs),
        dialogs=dialogs,
        prompts=prompts,
        clock=clock,
        window_factory=window,
    )
    startup.start()
    try:
        windows[0].switch_user_action.trigger()
        assert prompts.names() == ["login", "login"] and prompts.calls[1][2] == ""
        assert startup.ctx is not None
        startup.ctx.settings = replace(startup.ctx.settings, last_user="zhao")  # the one who left
        login = LoginDialog(startup.ctx, user_name="")  # what StartupPrompts.login shows
        qtbot.addWidget(login)
        assert login.user.text() == ""
        login.show()
        qtbot.waitUntil(lambda: login.focusWidget() is login.user)
    finally:
        startup.shutdown()
