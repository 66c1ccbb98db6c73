"""Errors into messages, dialogs behind a seam, the crash dialog and the exception hooks."""

from __future__ import annotations

import logging
import sys
import threading

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

import desktop
from desktop.core.errors import (
    Cancelled,
    Conflict,
    ImportRefused,
    NotFound,
    RowError,
    StoreUnavailable,
    ValidationError,
)
from desktop.views.common import crash
from desktop.views.common.crash import CrashDialog, ExceptHook, crash_report
from desktop.views.common.messages import (
    Dialogs,
    FakeDialogs,
    ImportErrorsDialog,
    format_row_error,
)


def raised(exc: BaseException) -> BaseException:
    """``exc`` with a traceback, as a worker would hand it over."""
    try:
        raise exc
    except BaseException as caught:
        return caught


ROW_ERRORS = [
    RowError("cases.xlsx", "案件", 12, "立案日期", "not a date"),
    RowError("cases.xlsx", "案件", 13, "", "duplicate case number"),
]


# -- FakeDialogs ---------------------------------------------------------------------------------


def test_fake_dialogs_answer_from_queues_and_record_every_call():
    dialogs = FakeDialogs(answers=[True, False], files=["/tmp/a.xlsx", None])
    assert dialogs.confirm(None, "Delete", "Delete 张三?", "Delete") is True
    assert dialogs.confirm(None, "Submit", "Submit?", "Submit") is False
    assert dialogs.open_file(None, "Import", "Excel (*.xlsx)") == "/tmp/a.xlsx"
    assert dialogs.save_file(None, "Export", "cases.xlsx", "Excel (*.xlsx)") is None
    dialogs.info(None, "Done", "12 rows imported")
    assert dialogs.names() == ["confirm", "confirm", "open_file", "save_file", "info"]
    assert dialogs.called("confirm")[0] == ("Delete", "Delete 张三?", "Delete")
    assert dialogs.called("save_file") == [("Export", "cases.xlsx", "Excel (*.xlsx)")]


def test_fake_dialogs_refuse_to_guess_an_answer():
    with pytest.raises(AssertionError, match="no answer queued"):
        FakeDialogs().confirm(None, "Delete", "Delete?", "Delete")
    with pytest.raises(AssertionError, match="no file queued"):
        FakeDialogs().open_file(None, "Import", "*.xlsx")


# -- show_error routing --------------------------------------------------------------------------


def test_a_user_facing_error_is_a_warning_not_a_crash():
    dialogs = FakeDialogs()
    exc = ValidationError("{label} is required.", field="name", label="Name")
    dialogs.show_error(None, exc)
    assert dialogs.names() == ["show_error", "warn"]
    assert dialogs.called("warn")[0][1] == "Name is required."


def test_a_bug_goes_to_the_crash_dialog_and_the_log(caplog):
    dialogs = FakeDialogs()
    exc = raised(KeyError("missing"))
    with caplog.at_level(logging.ERROR):
        dialogs.show_error(None, exc)
    assert dialogs.names() == ["show_error", "crash"]
    assert caplog.records[-1].exc_info[1] is exc


def test_a_conflict_offers_reload():
    reloads = []
    dialogs = FakeDialogs(answers=[True, False])
    exc = Conflict("Changed by {who} at {when}.", who="张三", when="10:02")
    dialogs.show_error(None, exc, on_reload=lambda: reloads.append(1))
    dialogs.show_error(None, exc, on_reload=lambda: reloads.append(2))
    assert reloads == [1]
    assert dialogs.called("ask_reload")[0][1] == "Changed by 张三 at 10:02."
    dialogs.show_error(None, exc)  # nobody to reload: just say it
    assert dialogs.names()[-1] == "warn"


def test_a_refused_import_lists_its_rows_and_cancel_is_a_note():
    dialogs = FakeDialogs()
    exc = ImportRefused(ROW_ERRORS, file="cases.xlsx")
    dialogs.show_error(None, exc)
    dialogs.show_error(None, Cancelled())
    assert dialogs.names() == ["show_error", "import_errors", "show_error", "info"]
    assert dialogs.called("import_errors")[0][0] is exc


def test_real_dialogs_show_a_user_facing_error_in_a_warning_box(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:]))
    monkeypatch.setattr(CrashDialog, "exec", lambda self: pytest.fail("crash dialog opened"))
    Dialogs().show_error(None, NotFound("Case {number} does not exist.", number="2026-001"))
    assert shown == [("Cannot continue", "Case 2026-001 does not exist.")]


def _press(role: QMessageBox.ButtonRole):
    def fake_exec(box: QMessageBox) -> int:
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        return 0

    return fake_exec


def test_real_confirm_names_its_button_and_reports_the_choice(monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", _press(QMessageBox.ButtonRole.AcceptRole))
    assert Dialogs().confirm(None, "Delete", "Delete 张三?", "Delete") is True
    monkeypatch.setattr(QMessageBox, "exec", _press(QMessageBox.ButtonRole.RejectRole))
    assert Dialogs().confirm(None, "Delete", "Delete 张三?", "Delete") is False


def test_real_conflict_box_reloads(monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", _press(QMessageBox.ButtonRole.AcceptRole))
    reloads = []
    Dialogs().show_error(None, Conflict("Changed elsewhere."), on_reload=lambda: reloads.append(1))
    assert reloads == [1]


def test_a_store_out_of_reach_is_the_store_problem_with_retry_never_a_crash(monkeypatch):
    monkeypatch.setattr(CrashDialog, "exec", lambda self: pytest.fail("crash dialog opened"))
    shown = []

    def press_retry(box: QMessageBox) -> int:
        shown.append(
            (box.windowTitle(), box.text(), box.informativeText(), [b.text() for b in box.buttons()])
        )
        role = (
            QMessageBox.ButtonRole.AcceptRole if len(box.buttons()) > 1 else QMessageBox.ButtonRole.RejectRole
        )
        return _press(role)(box)

    monkeypatch.setattr(QMessageBox, "exec", press_retry)
    retries = []
    exc = StoreUnavailable("The store cannot be reached: {reason}", reason="connection refused")
    Dialogs().show_error(None, exc, on_retry=lambda: retries.append(1))
    Dialogs().show_error(None, exc)  # nothing to retry: the message with Close only
    assert retries == [1]
    title, text, details, buttons = shown[0]
    assert title == "Store unavailable" and text == "The program cannot reach its store."
    assert details.startswith("The store cannot be reached: connection refused\n\nCheck that the server")
    assert sorted(buttons) == ["Close", "Retry"] and shown[1][3] == ["Close"]


def test_one_store_problem_message_at_a_time_and_retry_tries_everything_that_failed_meanwhile():
    exc = StoreUnavailable("The store cannot be reached: {reason}", reason="connection refused")
    retries: list[str] = []

    class Nested(FakeDialogs):
        def store_problem(self, parent, exc, can_retry):  # noqa: ANN001, ANN201 - the primitive's signature
            if not self.called("store_problem"):  # while it is open, the filter's read fails too
                self.show_error(None, exc, on_retry=lambda: retries.append("filter"))
            return super().store_problem(parent, exc, can_retry)

    dialogs = Nested(answers=[True])
    dialogs.show_error(None, exc, on_retry=lambda: retries.append("table"))
    assert dialogs.called("store_problem") == [(exc, True)] and retries == ["table", "filter"]
    dialogs.show_error(None, exc)  # closed: the next failure is a message again
    assert dialogs.called("store_problem") == [(exc, True), (exc, False)]


def test_fake_dialogs_answer_the_store_problem_only_when_retry_is_offered():
    retries = []
    dialogs = FakeDialogs(answers=[True])
    exc = StoreUnavailable("The store cannot be reached: {reason}", reason="timeout")
    dialogs.show_error(None, exc, on_retry=lambda: retries.append(1))
    dialogs.show_error(None, exc)
    assert retries == [1] and dialogs.called("store_problem") == [(exc, True), (exc, False)]


# -- import errors -------------------------------------------------------------------------------


def test_row_errors_read_like_sentences():
    assert format_row_error(ROW_ERRORS[0]) == "Sheet 案件 row 12 [立案日期]: not a date"
    assert format_row_error(ROW_ERRORS[1]) == "Sheet 案件 row 13: duplicate case number"


def test_the_import_errors_dialog_lists_rows_and_saves_a_workbook(qtbot, tmp_path):
    target = tmp_path / "report.xlsx"
    dialogs = FakeDialogs(files=[str(target)])
    dialog = ImportErrorsDialog(ImportRefused(ROW_ERRORS, file="cases.xlsx"), dialogs)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and dialog.table.columnCount() == 4
    assert dialog.table.item(0, 1).text() == "12"
    save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Save report…")
    save.click()
    assert dialogs.called("save_file")[0][1] == "cases-问题.xlsx"
    book = openpyxl.load_workbook(target, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[0] == ("文件", "工作表", "行", "列", "问题")
    assert rows[1] == ("cases.xlsx", "案件", 12, "立案日期", "not a date")


# -- crash dialog --------------------------------------------------------------------------------


def test_crash_report_has_versions_and_the_traceback():
    report = crash_report(raised(ZeroDivisionError("division by zero")))
    assert desktop.__version__ in report
    assert "Python:" in report and "Qt:" in report and "Platform:" in report
    assert "ZeroDivisionError: division by zero" in report
    assert "Traceback (most recent call last)" in report


def test_crash_dialog_hides_the_details_until_asked_and_copies_them(qtbot, tmp_path):
    dialog = CrashDialog(raised(ValueError("bad")), log_path=tmp_path / "desk.log")
    qtbot.addWidget(dialog)  # not shown: offscreen Qt warns about size hints of top-level windows
    assert dialog.details.isHidden()
    assert str(tmp_path / "desk.log") in dialog.message.text()
    dialog.details_button.click()
    assert not dialog.details.isHidden()
    assert dialog.details_button.text() == "Hide details"
    assert "ValueError: bad" in dialog.details.toPlainText()
    assert dialog.details.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report


# -- exception hooks -----------------------------------------------------------------------------


def test_the_hook_logs_and_shows_once_on_the_gui_thread(qtbot, caplog):
    shown = []
    hook = ExceptHook(None, show=shown.append)
    exc = raised(RuntimeError("boom"))
    with caplog.at_level(logging.CRITICAL):
        hook.handle(type(exc), exc, exc.__traceback__)
    assert shown == []  # queued: never inside the failing slot
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown[0] is exc
    assert caplog.records[-1].exc_info[1] is exc
    hook.handle(type(exc), exc, exc.__traceback__)  # the same bug again: logged only
    qtbot.wait(1)
    assert len(shown) == 1


def test_the_hook_never_opens_a_dialog_inside_the_dialog(qtbot):
    shown = []
    hook = ExceptHook(None)

    def show(exc):
        shown.append(exc)
        again = raised(ValueError("while showing"))
        hook.on_crashed(again)  # as if the dialog's own event loop hit another bug

    hook._show = show
    hook.on_crashed(raised(RuntimeError("first")))
    assert [type(e) for e in shown] == [RuntimeError]


def test_exceptions_from_other_threads_reach_the_gui_thread(qtbot):
    shown = []
    hook = ExceptHook(None, show=shown.append)

    def fail():
        try:
            raise OSError("station gone")
        except OSError:
            hook.handle_thread(threading.ExceptHookArgs((*sys.exc_info(), threading.current_thread())))

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert isinstance(shown[0], OSError)


def test_install_and_uninstall_put_the_hooks_and_the_log_file_in_place(tmp_path):
    before = (sys.excepthook, threading.excepthook)
    log_path = tmp_path / "logs" / "desk.log"
    hook = crash.install_excepthook(log_path, show=lambda exc: None)
    try:
        assert sys.excepthook == hook.handle and threading.excepthook == hook.handle_thread
        exc = raised(RuntimeError("logged"))
        hook.handle(type(exc), exc, exc.__traceback__)
    finally:
        hook.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    text = log_path.read_text(encoding="utf-8")
    assert "Uncaught exception" in text and "RuntimeError: logged" in text
