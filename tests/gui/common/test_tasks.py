"""Background work: the synchronous runner for tests, the threaded runner, progress and cancel,
stale results."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from desktop.core.changes import report
from desktop.core.errors import Cancelled, ValidationError
from desktop.views.common.lazy_table import LAZY_FETCH
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.store_access import store_access, store_access_reason
from desktop.views.common.tasks import SyncTaskRunner, TaskRunner, progress_text


def import_rows(total: int):
    """A service-like function: reports progress per row and stops when cancelled."""

    def work(progress, cancelled):
        for done in range(1, total + 1):
            if cancelled():
                raise Cancelled()
            progress(done, total, f"row {done}")
        return total

    return work


# -- SyncTaskRunner ------------------------------------------------------------------------------


def test_sync_runner_calls_on_done_at_once():
    runner = SyncTaskRunner()
    results = []
    task = runner.run(import_rows(3), on_done=results.append, label="Importing")
    assert results == [3]
    assert task.state == "done" and task.result == 3
    assert runner.progress_log == [(1, 3, "row 1"), (2, 3, "row 2"), (3, 3, "row 3")]
    assert task.progress.snapshot() == (3, 3, "row 3")


def test_sync_runner_hands_errors_to_on_error():
    runner = SyncTaskRunner()
    errors = []

    def fail(progress, cancelled):
        raise ValidationError("Name is required.", field="name")

    task = runner.run(fail, on_done=pytest.fail, on_error=errors.append)
    assert isinstance(errors[0], ValidationError)
    assert task.state == "failed"


def test_sync_runner_without_on_error_raises_or_shows_through_the_dialogs():
    def fail(progress, cancelled):
        raise ValidationError("Name is required.")

    with pytest.raises(ValidationError):
        SyncTaskRunner().run(fail)
    dialogs = FakeDialogs()
    SyncTaskRunner(dialogs).run(fail)
    assert dialogs.names() == ["show_error", "warn"]


def test_sync_runner_cancel_at_turns_the_flag_on():
    runner = SyncTaskRunner(cancel_at=2)
    errors = []
    task = runner.run(import_rows(10), on_error=errors.append)
    assert isinstance(errors[0], Cancelled)
    assert task.cancelled()
    assert runner.progress_log[-1][0] == 2


def test_sync_runner_announces_tasks(qtbot):
    runner = SyncTaskRunner()
    with qtbot.waitSignals([runner.task_started, runner.task_finished]):
        runner.run(import_rows(1))
    assert runner.shutdown() and runner.active() == []


def test_what_a_run_commits_is_announced_after_its_own_callback(qtbot):
    from PySide6.QtWidgets import QWidget

    runner, page, seen = SyncTaskRunner(), QWidget(), []
    qtbot.addWidget(page)
    runner.changes_committed.connect(lambda changes, origin: seen.append((set(changes.kinds), origin)))

    def commit(progress, cancelled):
        report("cases", "audit")
        return "saved"

    runner.run(commit, on_done=lambda _r: seen.append("on_done"), parent_widget=page)
    runner.run(lambda p, c: "read only", on_done=lambda _r: seen.append("read"))
    errors = []

    def commit_then_fail(progress, cancelled):
        report("officers")
        raise ValidationError("half done")

    runner.run(commit_then_fail, on_error=errors.append)
    assert seen == ["on_done", ({"cases", "audit"}, page), "read", ({"officers"}, None)]


# -- TaskRunner ----------------------------------------------------------------------------------


@pytest.fixture
def gate():
    """An event the work waits on; always opened at the end so no worker outlives the test."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def make_runner(qtbot, gate):
    """Threaded runners with fake dialogs (and a fake clock if given), shut down afterwards."""
    made = []

    def make(clock=None) -> TaskRunner:
        runner = TaskRunner(FakeDialogs(), clock=clock) if clock else TaskRunner(FakeDialogs())
        made.append(runner)
        return runner

    yield make
    gate.set()
    for runner in made:
        assert runner.shutdown(5_000)


@pytest.fixture
def runner(make_runner):
    return make_runner()


def test_the_worker_delivers_the_result_on_the_gui_thread(runner, qtbot):
    results = []
    gui = threading.get_ident()

    def work(progress, cancelled):
        return threading.get_ident()

    runner.run(work, on_done=lambda worker: results.append((worker, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(results))
    worker, delivered = results[0]
    assert worker != gui and delivered == gui


def test_the_worker_collects_what_it_commits_and_the_gui_hears_it(runner, qtbot):
    heard = []
    runner.changes_committed.connect(lambda changes, origin: heard.append(set(changes.kinds)))
    runner.run(lambda p, c: report("rubrics"))
    runner.run(lambda p, c: None)
    report("cases")  # the GUI thread collects nothing outside a run
    qtbot.waitUntil(lambda: not runner.active())
    assert heard == [{"rubrics"}]


def test_store_work_runs_in_order_on_one_thread(runner, qtbot):
    seen = []
    for i in range(20):
        runner.run(lambda p, c, i=i: (i, threading.get_ident()), on_done=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 20)
    assert [i for i, _ in seen] == list(range(20))
    assert len({thread for _, thread in seen}) == 1


def test_errors_go_to_on_error_or_to_the_dialogs(runner, qtbot):
    errors = []

    def fail(progress, cancelled):
        raise ValidationError("Name is required.")

    runner.run(fail, on_error=errors.append)
    runner.run(fail)
    qtbot.waitUntil(lambda: bool(errors and runner.dialogs.calls))
    assert isinstance(errors[0], ValidationError)
    assert runner.dialogs.names() == ["show_error", "warn"]


def test_a_bug_in_the_worker_reaches_the_crash_dialog_with_its_traceback(runner, qtbot):
    def buggy(progress, cancelled):
        return {}["missing"]

    runner.run(buggy)
    qtbot.waitUntil(lambda: bool(runner.dialogs.calls))
    assert runner.dialogs.names() == ["show_error", "crash"]
    exc = runner.dialogs.called("crash")[0][0]
    assert isinstance(exc, KeyError) and exc.__traceback__ is not None


def test_an_older_result_with_the_same_key_is_dropped(runner, qtbot, gate):
    results = []

    def slow(progress, cancelled):
        gate.wait(5)
        return "old"

    first = runner.run(slow, on_done=results.append, key="officers-search")
    qtbot.waitUntil(lambda: first.state == "running")
    second = runner.run(lambda p, c: "new", on_done=results.append, key="officers-search")
    assert first.cancelled() and first.superseded
    gate.set()
    qtbot.waitUntil(lambda: second.finished)
    assert results == ["new"]
    assert first.state == "dropped"


def test_a_superseded_run_still_queued_never_starts(runner, qtbot, gate):
    ran = []
    blocker = runner.run(lambda p, c: gate.wait(5))
    queued = runner.run(lambda p, c: ran.append("a"), key="k")
    latest = runner.run(lambda p, c: ran.append("b"), key="k")
    gate.set()
    qtbot.waitUntil(lambda: latest.finished and queued.finished and blocker.finished)
    assert ran == ["b"]
    assert queued.state == "dropped"


def test_different_keys_do_not_drop_each_other(runner, qtbot):
    results = []
    runner.run(lambda p, c: 1, on_done=results.append, key="a")
    runner.run(lambda p, c: 2, on_done=results.append, key="b")
    qtbot.waitUntil(lambda: len(results) == 2)


def test_io_work_runs_in_its_own_pool(runner, qtbot, gate):
    done = []
    runner.run(lambda p, c: gate.wait(5), on_done=done.append)
    runner.run(lambda p, c: "station", on_done=done.append, io=True)
    qtbot.waitUntil(lambda: done == ["station"])  # not held up by the store worker
    gate.set()
    qtbot.waitUntil(lambda: len(done) == 2)


def test_slow_work_gets_a_busy_cursor_then_a_progress_dialog_and_can_be_cancelled(make_runner, qtbot, gate):
    now = [0.0]
    runner = make_runner(clock=lambda: now[0])
    errors = []

    def work(progress, cancelled):
        progress(1200, 5000)
        gate.wait(5)
        if cancelled():
            raise Cancelled()
        return "finished"

    task = runner.run(work, on_error=errors.append, label="Importing row {done} of {total}")
    qtbot.waitUntil(lambda: task.progress.snapshot()[0] == 1200)
    runner.on_poll_timer_timeout()
    assert QGuiApplication.overrideCursor() is None and task.dialog is None

    now[0] = 0.35
    runner.on_poll_timer_timeout()
    assert QGuiApplication.overrideCursor() is not None and task.dialog is None

    now[0] = 0.7
    runner.on_poll_timer_timeout()
    dialog = task.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.labelText() == "Importing row 1,200 of 5,000"
    assert (dialog.value(), dialog.maximum()) == (1200, 5000)

    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    cancel.click()
    assert task.cancelled()
    assert dialog.isVisible() and dialog.labelText() == "Cancelling…"
    gate.set()
    qtbot.waitUntil(lambda: task.finished)
    assert isinstance(errors[0], Cancelled)
    assert task.dialog is None and QGuiApplication.overrideCursor() is None


def test_a_task_that_cannot_be_cancelled_has_no_cancel_button(make_runner, qtbot, gate):
    now = [0.0]
    runner = make_runner(clock=lambda: now[0])
    task = runner.run(lambda p, c: gate.wait(5), label="Migrating", cancellable=False)
    now[0] = 1.0
    runner.on_poll_timer_timeout()
    assert task.dialog is not None and not task.dialog.findChildren(QPushButton)
    gate.set()
    qtbot.waitUntil(lambda: task.finished)


def test_quiet_work_shows_no_dialog(make_runner, qtbot, gate):
    now = [0.0]
    runner = make_runner(clock=lambda: now[0])
    task = runner.run(lambda p, c: gate.wait(5), key="search", show_progress=False)
    now[0] = 5.0
    runner.on_poll_timer_timeout()
    assert task.dialog is None and QGuiApplication.overrideCursor() is not None
    gate.set()
    qtbot.waitUntil(lambda: task.finished)
    assert QGuiApplication.overrideCursor() is None


def test_shutdown_cancels_and_waits(make_runner):
    runner = make_runner()
    started = threading.Event()

    def loop(progress, cancelled):
        started.set()
        while not cancelled():
            started.wait(0.01)
        raise Cancelled()

    task = runner.run(loop)
    assert started.wait(5)
    assert runner.shutdown(5_000)
    assert task.cancelled() and task.state == "failed"


@pytest.mark.parametrize(
    ("label", "done", "total", "text", "expected"),
    [
        ("Importing row {done} of {total}", 1200, 5000, "", "Importing row 1,200 of 5,000"),
        ("Importing", 1200, 5000, "", "Importing (1,200 of 5,000)"),
        ("Copying", 3, None, "", "Copying (3)"),
        ("Copying", 0, None, "", "Copying"),
        ("Copying", 1, 2, "clip.mp4", "Copying (1 of 2)\nclip.mp4"),
        ("{done} of {what}", 1, 2, "", "{done} of {what}"),
    ],
)
def test_progress_text(label, done, total, text, expected):
    assert progress_text(label, done, total, text) == expected


def test_a_result_for_a_closed_page_is_dropped(runner, qtbot, gate):
    from PySide6.QtWidgets import QWidget

    page = QWidget()
    delivered = []
    task = runner.run(lambda p, c: gate.wait(5) or "rows", on_done=delivered.append, parent_widget=page)
    qtbot.waitUntil(lambda: task.state == "running")
    page.deleteLater()  # the user switched accounts while the page was loading
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(page))
    gate.set()
    qtbot.waitUntil(lambda: task.finished)
    assert delivered == [] and task.state == "dropped"


# -- quick reads and the GUI-thread rule ------------------------------------------------------


def test_load_reads_on_the_worker_with_a_late_busy_cursor_and_no_dialog(make_runner, qtbot, gate):
    now = [0.0]
    runner = make_runner(clock=lambda: now[0])
    gui = threading.get_ident()
    results = []
    task = runner.load(lambda: (gate.wait(5), threading.get_ident())[1], results.append)
    now[0] = 0.2
    runner.on_poll_timer_timeout()
    assert QGuiApplication.overrideCursor() is None  # a quick read shows nothing
    now[0] = 5.0
    runner.on_poll_timer_timeout()
    assert task.dialog is None and QGuiApplication.overrideCursor() is not None
    gate.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results[0] != gui and QGuiApplication.overrideCursor() is None


def test_sync_load_hands_the_result_or_the_error_on():
    runner = SyncTaskRunner()
    results, errors = [], []
    runner.load(lambda: 42, results.append)
    runner.load(lambda: 1 / 0, results.append, on_error=errors.append)
    assert results == [42] and isinstance(errors[0], ZeroDivisionError)


def test_work_run_by_the_runners_is_marked_as_store_access(runner, qtbot):
    seen = []
    SyncTaskRunner().load(store_access_reason, seen.append)
    runner.load(store_access_reason, seen.append)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == ["task", "task"] and store_access_reason() is None


VIEW_SOURCE = """
def on_button_clicked(store):
    with store.reading():
        pass

def on_button_clicked_later(tasks, store, done):
    tasks.load(lambda: on_button_clicked(store), done)
"""


def fake_view() -> dict:
    """Two slots of a module that says it is a view (the guard looks at the caller's module)."""
    module = {"__name__": "desktop.views.fake_view"}
    exec(compile(VIEW_SOURCE, "desktop/views/fake_view.py", "exec"), module)  # noqa: S102
    return module


def test_the_guard_fails_a_view_that_reads_the_store_on_the_gui_thread(store, store_guard):
    view = fake_view()
    with pytest.raises(AssertionError, match="desktop.views.fake_view:on_button_clicked"):
        view["on_button_clicked"](store)
    assert store_guard  # kept, so a view that swallows the error fails its test too
    store_guard.clear()


def test_the_guard_lets_through_the_runner_the_lazy_table_and_the_tests(store, store_guard):
    view, done = fake_view(), []
    view["on_button_clicked_later"](SyncTaskRunner(), store, done.append)
    with store_access(LAZY_FETCH):
        view["on_button_clicked"](store)
    with store.reading():  # a test setting up its data
        pass
    assert done == [None] and not store_guard
