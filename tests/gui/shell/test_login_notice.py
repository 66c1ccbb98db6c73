"""Issue 10, item 9: after the first run the login says which administrator account was created."""

from __future__ import annotations

from desktop.accounts.service import authenticate, create_first_admin  # noqa: E402
from desktop.core.settings import load_settings  # noqa: E402
from desktop.models.db import sqlite_url  # noqa: E402
from desktop.views.common.messages import FakeDialogs  # noqa: E402
from desktop.views.common.tasks import SyncTaskRunner  # noqa: E402
from desktop.views.shell import main_window  # noqa: E402
from desktop.views.shell.login import LoginDialog  # noqa: E402
from desktop.views.shell.startup import Startup  # noqa: E402
from tests.helpers.window import FakePrompts, fake_pages, make_ctx  # noqa: E402

PASSWORD = "Chief-2026"


def test_the_login_after_the_first_run_names_the_account_created(qtbot, monkeypatch, clock, tmp_path):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())
    prompts = FakePrompts(
        first_runs=[lambda ctx: create_first_admin(ctx.store, "zhao", PASSWORD)],
        logins=[lambda ctx, _name: authenticate(ctx.store, "zhao", PASSWORD)],
    )
    dialogs = FakeDialogs()
    startup = Startup(
        load_settings(),
        store=sqlite_url(tmp_path / "new.sqlite3"),
        tasks=SyncTaskRunner(dialogs),
        dialogs=dialogs,
        prompts=prompts,
        clock=clock,
        window_factory=lambda ctx: qtbot.addWidget(window := main_window.MainWindow(ctx)) or window,
    )
    startup.start()
    try:
        assert prompts.names() == ["first_run", "login"]
        assert prompts.notices == ["The administrator account “zhao” was created. Log in with it."]
    finally:
        startup.shutdown()


def test_a_later_login_says_nothing_first(qtbot, store):
    create_first_admin(store, "zhao", PASSWORD)
    plain = LoginDialog(make_ctx(store))
    qtbot.addWidget(plain)
    assert not plain.notice.isVisibleTo(plain)
    told = LoginDialog(
        make_ctx(store), user_name="zhao", notice="The administrator account “zhao” was created."
    )
    qtbot.addWidget(told)
    assert told.notice.isVisibleTo(told) and "“zhao”" in told.notice.text()
    assert told.user.text() == "zhao"
