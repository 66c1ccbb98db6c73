"""The window's start of the day: the store's input limits put in force, and the daily audit
anchor written in the background to the folder an administrator chose — said in the status bar;
a folder out of reach is a status-bar line, no dialog, and is tried again at the next start."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.accounts.input_settings import input_settings, save_input_limits
from desktop.core.input_limits import InputLimits, in_force, put_in_force
from desktop.core.security import Role
from desktop.core.settings import Settings
from desktop.views.shell import main_window
from desktop.views.shell.main_window import MainWindow
from tests.helpers.pages import make_actor
from tests.helpers.window import fake_pages, make_ctx


@pytest.fixture
def open_window(qtbot, store, monkeypatch):
    monkeypatch.setattr(main_window, "PAGES", fake_pages())

    def make(actor, anchor_dir: str) -> MainWindow:
        ctx = make_ctx(store, actor, settings=replace(Settings(), anchor_dir=anchor_dir))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        return window

    return make


def test_the_first_window_of_the_day_writes_the_anchor_and_says_so(open_window, admin, tmp_path: Path):
    folder = tmp_path / "usb"
    folder.mkdir()
    window = open_window(admin, str(folder))
    assert len(list(folder.glob("audit-anchor-*.json"))) == 1
    assert window.daily_note.toolTip() == f"Today's audit anchor was written to {folder}."
    assert window.daily_note.isVisibleTo(window)
    again = open_window(admin, str(folder))  # a second start the same day: nothing more
    assert len(list(folder.glob("audit-anchor-*.json"))) == 1
    assert not again.daily_note.isVisibleTo(again)


def test_a_missing_folder_is_a_status_bar_line_and_no_dialog(open_window, admin, tmp_path: Path):
    window = open_window(admin, str(tmp_path / "not-plugged-in"))
    message = window.daily_note.toolTip()
    assert message.startswith("Today's audit anchor was not written: the folder")
    assert "is not there" in message and message.endswith("It is tried again at the next start.")
    assert window.ctx.dialogs.calls == []
    (tmp_path / "not-plugged-in").mkdir()  # the stick is back: the next start writes it
    open_window(admin, str(tmp_path / "not-plugged-in"))
    assert len(list((tmp_path / "not-plugged-in").glob("*.json"))) == 1


def test_a_role_that_does_not_view_the_audit_writes_none(open_window, store, admin, tmp_path: Path):
    reviewer = make_actor(store, admin, "pingcha", Role.REVIEWER)
    window = open_window(reviewer, str(tmp_path))
    assert list(tmp_path.glob("*.json")) == [] and not window.daily_note.isVisibleTo(window)


def test_the_store_input_limits_are_put_in_force(open_window, store, admin):
    save_input_limits(store, admin, input_settings(store, admin).version, InputLimits(import_rows=77))
    put_in_force(InputLimits())  # as on another workstation
    open_window(admin, "")
    assert in_force().import_rows == 77
