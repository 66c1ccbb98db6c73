"""``--smoke-test``: the window opens on the configured store, visits every page and quits with 0;
no credentials on a store with accounts, wrong ones, an unreachable store or a broken page give 1."""

from __future__ import annotations

import argparse
import importlib.util
from dataclasses import replace

import pytest
import shiboken6

from desktop.accounts.audit import list_audit
from desktop.accounts.service import create_first_admin, has_users
from desktop.core import paths
from desktop.core.paging import ListQuery
from desktop.core.settings import Settings, save_settings
from desktop.views.shell import main_window
from desktop.views.shell.launch import run_window
from tests.helpers.window import FakePage, fake_pages

ADMIN_PASSWORD = "Chief-2026"
UNREACHABLE = "postgresql+psycopg://desk:pw@127.0.0.1:1/county"


def smoke_options(url: str) -> argparse.Namespace:
    return argparse.Namespace(store=url, lang="en", smoke_test=True)


@pytest.fixture
def smoke_pages(monkeypatch):
    """The real pages where their modules exist already, stand-ins for the others."""

    def exists(spec) -> bool:
        names = [n for n in spec.factory.__code__.co_names if n.startswith("desktop.views.")]
        return all(importlib.util.find_spec(name) is not None for name in names)

    stand_ins = {spec.key: spec for spec in fake_pages()}
    monkeypatch.setattr(
        main_window, "PAGES", [spec if exists(spec) else stand_ins[spec.key] for spec in main_window.PAGES]
    )
    FakePage.created.clear()


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
def test_smoke_test_passes_on_a_demo_store_with_credentials(
    qapp, demo_store, smoke_pages, monkeypatch, capsys
):
    store, _template = demo_store  # the demo county with administrator admin / Chief-2026
    monkeypatch.setenv("DESK_USER", "admin")
    monkeypatch.setenv("DESK_PASSWORD", ADMIN_PASSWORD)
    sheet = qapp.styleSheet()
    code = run_window(smoke_options(store.url.render_as_string(hide_password=False)))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert (
        "Smoke test passed: 13 pages (dashboard, cases, warnings, review, agencies, officers, qualifications, exams, footage, powers, users, audit, settings) as admin"
        in out
    )
    assert qapp.styleSheet() == sheet  # run_window leaves the application as it found it


def test_smoke_test_fails_without_credentials_on_a_store_with_accounts(
    qapp, migrated_store, smoke_pages, capsys
):
    create_first_admin(migrated_store, "admin", ADMIN_PASSWORD)
    code = run_window(smoke_options(migrated_store.url.render_as_string(hide_password=False)))
    _out, err = capsys.readouterr()
    assert code == 1
    assert "The store has accounts: set DESK_USER and DESK_PASSWORD" in err


def audit_actions(store, admin) -> list[str]:
    return [r.action for r in list_audit(store, admin, ListQuery(limit=None)).items]


def test_smoke_test_fails_with_wrong_credentials(qapp, migrated_store, smoke_pages, monkeypatch, capsys):
    admin = create_first_admin(migrated_store, "admin", ADMIN_PASSWORD)
    monkeypatch.setenv("DESK_USER", "admin")
    monkeypatch.setenv("DESK_PASSWORD", "Wrong-2026")
    assert run_window(smoke_options(migrated_store.url.render_as_string(hide_password=False))) == 1
    assert "Wrong user name or password." in capsys.readouterr().err
    assert audit_actions(migrated_store, admin).count("login_failed") == 1  # counted once, not twice


def test_with_credentials_on_a_sqlite_file_the_frame_comes_before_the_store(
    qapp, migrated_store, smoke_pages, monkeypatch, capsys
):
    admin = create_first_admin(migrated_store, "admin", ADMIN_PASSWORD)
    monkeypatch.setenv("DESK_USER", "Admin")
    monkeypatch.setenv("DESK_PASSWORD", ADMIN_PASSWORD)
    opened: list[bool] = []
    real = main_window.MainWindow.store_opened

    def store_opened(window) -> None:
        opened.append(window.isVisible() and not window.pages)  # shown, no page built yet
        real(window)

    monkeypatch.setattr(main_window.MainWindow, "store_opened", store_opened)
    code = run_window(smoke_options(migrated_store.url.render_as_string(hide_password=False)))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Smoke test passed: 13 pages" in out and "as admin" in out
    assert opened == [True]
    assert audit_actions(migrated_store, admin).count("login") == 1


@pytest.mark.both_databases  # every real page's queries on an empty PostgreSQL store too
def test_smoke_test_on_a_store_without_accounts_writes_no_account(qapp, migrated_store, smoke_pages, capsys):
    code = run_window(smoke_options(migrated_store.url.render_as_string(hide_password=False)))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "as smoke-test" in out
    assert not has_users(migrated_store)


def test_smoke_test_on_an_unreachable_store_fails_clearly(qapp, smoke_pages, capsys):
    assert run_window(smoke_options(UNREACHABLE)) == 1
    err = capsys.readouterr().err
    assert "The store cannot be reached" in err and "Traceback" not in err


def test_smoke_test_fails_when_a_page_breaks(qapp, migrated_store, monkeypatch, capsys):
    def broken(ctx, parent):
        raise RuntimeError("page exploded")

    pages = fake_pages()
    pages[1] = replace(pages[1], factory=broken)
    monkeypatch.setattr(main_window, "PAGES", pages)
    assert run_window(smoke_options(migrated_store.url.render_as_string(hide_password=False))) == 1
    assert "page exploded" in capsys.readouterr().err


def test_settings_from_the_data_folder_are_used_without_store_option(qapp, smoke_pages, tmp_path, capsys):
    save_settings(Settings(sqlite_path=str(tmp_path / "configured.sqlite3")))
    code = run_window(argparse.Namespace(store=None, lang=None, smoke_test=True))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "configured.sqlite3" in out and paths.settings_path().exists()


def test_a_password_check_that_breaks_drops_the_frame_and_logs_in_the_usual_way(
    qapp, migrated_store, smoke_pages, monkeypatch, capsys
):
    from desktop.accounts.quick_login import FileAccount

    admin = create_first_admin(migrated_store, "admin", ADMIN_PASSWORD)
    monkeypatch.setenv("DESK_USER", "admin")
    monkeypatch.setenv("DESK_PASSWORD", ADMIN_PASSWORD)

    def broken(self, password):
        raise MemoryError("scrypt could not have its memory")

    built: list[object] = []
    real_init = main_window.MainWindow.__init__

    def counted(window, *args, **kwargs) -> None:
        real_init(window, *args, **kwargs)
        built.append(window)

    monkeypatch.setattr(FileAccount, "accepts", broken)
    monkeypatch.setattr(main_window.MainWindow, "__init__", counted)
    code = run_window(smoke_options(migrated_store.url.render_as_string(hide_password=False)))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "as admin" in out
    assert len(built) == 2 and not shiboken6.isValid(built[0])  # the frame built meanwhile is gone
    assert audit_actions(migrated_store, admin).count("login") == 1
