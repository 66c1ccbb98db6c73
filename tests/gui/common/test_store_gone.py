"""A store that goes away under an open main window (PostgreSQL stopped, a share unplugged) shows
the store-problem message with 重试, never the crash dialog; 重试 once it is back works.

PostgreSQL is never stopped here (the server is shared): a small TCP proxy in the test sits
between the window's store and the server, and is closed mid-session. SQLite: the store's folder
is moved away (as when the shared drive is unplugged) and put back.
"""

from __future__ import annotations

import os
import socket  # noqa: E402
import threading  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from desktop.accounts.service import create_first_admin  # noqa: E402
from desktop.core.errors import StoreUnavailable  # noqa: E402
from desktop.models import Base  # noqa: E402
from desktop.models.db import Store, sqlite_url  # noqa: E402
from desktop.personnel.dto import AgencyInput  # noqa: E402
from desktop.personnel.service import create_agency  # noqa: E402
from desktop.views.common.crash import ExceptHook  # noqa: E402
from desktop.views.common.messages import FakeDialogs  # noqa: E402
from desktop.views.shell.main_window import MainWindow  # noqa: E402
from tests.helpers.window import make_ctx  # noqa: E402

PG_URL = os.environ.get("DESK_TEST_PG_URL", "")


class TcpProxy:
    """Forwards 127.0.0.1:<port> to ``target``; ``stop`` closes the port and every connection."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self.server: socket.socket | None = None
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self) -> None:
        """Listen (again, on the same port) and forward every connection."""
        self.server = socket.create_server(("127.0.0.1", self.port))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            _close(s)

    def stop(self) -> None:
        """The server is gone: nothing listens, every open connection is cut."""
        if self.server is not None:
            _close(self.server)
            self.server = None
        with self.lock:
            live, self.sockets = self.sockets, []
        for s in live:
            _close(s)


def _close(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()


class RetryingDialogs(FakeDialogs):
    """Fake dialogs whose store-problem message runs ``before_retry`` (the store comes back)
    and then answers 重试 — or Close when ``before_retry`` is None."""

    def __init__(self) -> None:
        super().__init__()
        self.before_retry: Callable[[], None] | None = None

    def store_problem(self, parent, exc, can_retry):  # noqa: ANN001, ANN201 - the primitive's signature
        self.calls.append(("store_problem", exc, can_retry))
        if self.before_retry is None or not can_retry:
            return False
        self.before_retry()
        self.before_retry = None
        return True


@pytest.fixture
def pg_behind_proxy(clock) -> Iterator[tuple[Store, TcpProxy]]:
    """A fresh PostgreSQL schema reached through a proxy, with its first administrator."""
    if not PG_URL:
        pytest.skip("DESK_TEST_PG_URL is not set")
    url = make_url(PG_URL)
    proxy = TcpProxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    proxied = url.set(host="127.0.0.1", port=proxy.port).update_query_dict(
        {"options": f"-csearch_path={schema}"}
    )
    store = Store(proxied, clock=clock)
    Base.metadata.create_all(store.engine)
    try:
        yield store, proxy
    finally:
        store.dispose()
        proxy.stop()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def open_window(qtbot, store: Store, dialogs: FakeDialogs) -> MainWindow:
    """The main window of an administrator on a store with one agency."""
    actor = create_first_admin(store, "admin", "Chief-2026", "系统管理员")
    create_agency(store, actor, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    window = MainWindow(make_ctx(store, actor, dialogs=dialogs))
    qtbot.addWidget(window)
    window.show()
    return window


def problems(dialogs: FakeDialogs) -> list[tuple]:
    return dialogs.called("store_problem")


def test_postgresql_stopped_under_the_window_shows_the_store_problem_then_retry_works(qtbot, pg_behind_proxy):
    store, proxy = pg_behind_proxy
    dialogs = RetryingDialogs()
    window = open_window(qtbot, store, dialogs)
    page = window.show_page("agencies")
    page.refresh()
    assert page.model.total == 1 and not problems(dialogs)

    proxy.stop()  # the server goes away mid-session
    page.refresh()
    assert len(problems(dialogs)) == 1 and page.model.total == 0
    exc, can_retry = problems(dialogs)[0]
    assert isinstance(exc, StoreUnavailable) and can_retry
    assert "crash" not in dialogs.names()

    dialogs.before_retry = proxy.start  # the server is back; the user presses 重试
    page.refresh()
    assert len(problems(dialogs)) == 2 and dialogs.before_retry is None
    assert page.model.total == 1 and "crash" not in dialogs.names()
    settings = window.show_page("settings")
    settings.refresh()  # read through the task runner: works again
    assert len(problems(dialogs)) == 2


def test_postgresql_gone_for_work_on_the_task_runner_offers_retry(qtbot, pg_behind_proxy):
    store, proxy = pg_behind_proxy
    dialogs = RetryingDialogs()
    window = open_window(qtbot, store, dialogs)
    settings = window.show_page("settings")
    proxy.stop()
    dialogs.before_retry = proxy.start
    settings.limits.refresh()  # fails, the message offers 重试, the retry reads the limits
    assert [can_retry for _exc, can_retry in problems(dialogs)] == [True]
    assert "crash" not in dialogs.names() and settings.limits.saved_limits is not None


def test_a_sqlite_store_whose_folder_goes_away_shows_the_store_problem_then_retry_works(
    qtbot, tmp_path: Path, clock
):
    folder = tmp_path / "share"
    folder.mkdir()
    store = Store(sqlite_url(folder / "store.sqlite3"), clock=clock)
    Base.metadata.create_all(store.engine)
    dialogs = RetryingDialogs()
    try:
        window = open_window(qtbot, store, dialogs)
        page = window.show_page("agencies")
        page.refresh()
        assert page.model.total == 1 and not problems(dialogs)

        folder.rename(tmp_path / "unplugged")  # the share is unplugged
        page.refresh()
        exc, can_retry = problems(dialogs)[0]
        assert isinstance(exc, StoreUnavailable) and can_retry and "store.sqlite3" in exc.localized()
        assert "crash" not in dialogs.names()

        dialogs.before_retry = lambda: (tmp_path / "unplugged").rename(folder)
        page.refresh()
        assert len(problems(dialogs)) == 2 and dialogs.before_retry is None and folder.exists()
        assert page.model.total == 1
        assert "crash" not in dialogs.names()
    finally:
        store.dispose()


def test_a_store_error_escaping_a_slot_shows_its_message_not_the_crash_dialog(qtbot):
    crashes, explained = [], []
    hook = ExceptHook(None, show=crashes.append, explain=explained.append)
    exc = StoreUnavailable("The store cannot be reached: {reason}", reason="connection refused")
    hook.handle(StoreUnavailable, exc, None)
    hook.handle(RuntimeError, RuntimeError("a bug"), None)
    qtbot.waitUntil(lambda: bool(explained) and bool(crashes))
    assert explained == [exc] and [type(c) for c in crashes] == [RuntimeError]


@pytest.fixture
def sqlite_share(tmp_path: Path, clock) -> Iterator[tuple[Store, Callable[[], None], Callable[[], None]]]:
    """A SQLite store in a folder, and how to unplug it and plug it back."""
    folder, away = tmp_path / "share", tmp_path / "unplugged"
    folder.mkdir()
    store = Store(sqlite_url(folder / "store.sqlite3"), clock=clock)
    Base.metadata.create_all(store.engine)
    try:
        yield store, lambda: folder.rename(away), lambda: away.rename(folder)
    finally:
        store.dispose()


def combo_data(combo) -> list:  # noqa: ANN001 - a QComboBox
    return [combo.itemData(n) for n in range(combo.count())]


@pytest.mark.parametrize("key", ["cases", "warnings", "officers"])
def test_a_store_gone_while_a_page_reads_its_agency_filter_offers_retry_which_fills_it(
    qtbot, sqlite_share, key
):
    store, unplug, plug_back = sqlite_share
    dialogs = RetryingDialogs()
    window = open_window(qtbot, store, dialogs)
    page = window.show_page(key)
    agency_id = page.agency_filter.itemData(1)
    assert combo_data(page.agency_filter) == [None, agency_id] and not problems(dialogs)

    unplug()
    dialogs.before_retry = plug_back  # the share is back when the user presses 重试
    page.agency_filter.setCurrentIndex(1)
    page.refresh()
    assert [can_retry for _exc, can_retry in problems(dialogs)] == [True]
    assert isinstance(problems(dialogs)[0][0], StoreUnavailable) and "crash" not in dialogs.names()
    assert combo_data(page.agency_filter) == [None, agency_id]
    assert page.agency_filter.currentData() == agency_id  # the chosen agency kept


def test_a_store_gone_while_the_audit_filters_are_read_offers_retry(qtbot, sqlite_share):
    store, unplug, plug_back = sqlite_share
    dialogs = RetryingDialogs()
    window = open_window(qtbot, store, dialogs)
    page = window.show_page("audit")
    actors = combo_data(page.actor_filter)
    assert len(actors) > 1

    unplug()
    page.refresh()  # Close: the filters stay as they were
    assert [can_retry for _exc, can_retry in problems(dialogs)][:1] == [True]
    assert combo_data(page.actor_filter) == actors and "crash" not in dialogs.names()

    dialogs.before_retry = plug_back
    page.refresh()
    assert dialogs.before_retry is None and combo_data(page.actor_filter) == actors
    assert "crash" not in dialogs.names()


@pytest.mark.parametrize("tab", ["campaigns", "tasks", "rechecks", "rubrics"])
def test_a_store_gone_while_a_review_tab_reads_its_list_offers_retry(qtbot, sqlite_share, tab):
    store, unplug, plug_back = sqlite_share
    dialogs = RetryingDialogs()
    window = open_window(qtbot, store, dialogs)
    widget = window.show_page("review").show_tab(tab)
    widget.refresh()
    assert not problems(dialogs)

    unplug()
    dialogs.before_retry = plug_back
    widget.refresh()
    assert [can_retry for _exc, can_retry in problems(dialogs)] == [True]
    assert dialogs.before_retry is None and "crash" not in dialogs.names()


def test_a_store_gone_while_an_account_dialog_reads_the_agencies_offers_retry_then_opens_it(
    qtbot, sqlite_share
):
    store, unplug, plug_back = sqlite_share
    dialogs = RetryingDialogs()
    window = open_window(qtbot, store, dialogs)
    page = window.show_page("users")
    unplug()
    dialogs.before_retry = plug_back
    page.new_account()
    assert [can_retry for _exc, can_retry in problems(dialogs)] == [True]
    assert page.dialog is not None and "crash" not in dialogs.names()


def test_postgresql_gone_while_the_warnings_page_reads_its_filter_and_counts_offers_retry(
    qtbot, pg_behind_proxy
):
    store, proxy = pg_behind_proxy
    dialogs = RetryingDialogs()
    window = open_window(qtbot, store, dialogs)
    page = window.show_page("warnings")
    agency_id = page.agency_filter.itemData(1)
    proxy.stop()
    dialogs.before_retry = proxy.start
    page.refresh()
    assert [can_retry for _exc, can_retry in problems(dialogs)] == [True]
    assert combo_data(page.agency_filter) == [None, agency_id] and "crash" not in dialogs.names()
