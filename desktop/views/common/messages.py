"""Every message box, confirmation and file picker, behind one seam; errors turned into messages.

The seam is an object, not a module global: ``app.py`` puts one ``Dialogs`` on the
``AppContext`` (``ctx.dialogs``) and pages use that; tests hand a ``FakeDialogs`` to the page
instead, so no test ever blocks on ``exec()`` (git-cola's ``interaction.py`` does the same).

``Dialogs.show_error`` is the one place that turns an exception into what the user sees:

- ``Conflict``: the message and an offer to reload;
- ``ImportRefused``: the message and every row error (file, sheet, row, column, rule),
  with "Save report…";
- ``Cancelled``: a short note;
- ``StoreUnavailable`` (the server stopped, a share unplugged, the file locked): the store-problem
  message, the reason and what to check, with 重试 when the caller can try again (``on_retry``:
  the task runner runs the work again, a list reads its page again, a form saves again); one
  message at a time: what fails while it is open (a page's table and its filter, both cut off)
  waits for its answer, and 重试 tries all of it again;
- any other ``UserFacingError``: a warning with ``exc.localized()``;
- anything else is a bug: logged with its traceback and shown in the crash dialog.

Subclasses override only the primitives (``info``, ``warn``, ``confirm``, ``ask_reload``,
``store_problem``, ``open_file``, ``save_file``, ``import_errors``, ``crash``); the routing above stays in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import (
    Cancelled,
    Conflict,
    ImportRefused,
    RowError,
    StoreTooNew,
    StoreUnavailable,
    UserFacingError,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.views.common.crash import CrashDialog

log = logging.getLogger(__name__)

MAX_SHOWN_ROW_ERRORS = 1000
_LAST_DIR_KEY = "dialogs/last_dir"


def format_row_error(err: RowError) -> str:
    """One import problem in words: "Sheet 案件 row 12 [立案日期]: message"."""
    if err.column:
        return QCoreApplication.translate("Dialogs", "Sheet {sheet} row {row} [{column}]: {message}").format(
            sheet=err.sheet, row=err.row, column=err.column, message=err.message
        )
    return QCoreApplication.translate("Dialogs", "Sheet {sheet} row {row}: {message}").format(
        sheet=err.sheet, row=err.row, message=err.message
    )


class Dialogs:
    """The real dialogs (modal, blocking); one instance lives on the ``AppContext``."""

    # -- primitives --------------------------------------------------------------------------

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        """An information box with OK."""
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        """A warning box with OK."""
        QMessageBox.warning(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
        """Ask once; the OK button says what it does (``ok_text``). True if the user agreed."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("Dialogs", "Cancel"))
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def ask_reload(self, parent: QWidget | None, title: str, text: str) -> bool:
        """A conflict box offering Reload; True if the user wants to reload."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
        reload = box.addButton(
            QCoreApplication.translate("Dialogs", "Reload"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("Dialogs", "Cancel"))
        box.setDefaultButton(reload)
        box.exec()
        return box.clickedButton() is reload

    def store_problem(self, parent: QWidget | None, exc: StoreUnavailable, can_retry: bool) -> bool:
        """The store cannot be reached: why, what to check, 重试 (if ``can_retry``) and Close.
        True if the user chose to retry."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _title(QT_TRANSLATE_NOOP("Dialogs", "Store unavailable")),
            QCoreApplication.translate("Dialogs", "The program cannot reach its store."),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setObjectName("storeProblem")
        box.setInformativeText(f"{exc.localized()}\n\n{store_advice(exc)}")
        retry = None
        if can_retry:
            retry = box.addButton(
                QCoreApplication.translate("Dialogs", "Retry"), QMessageBox.ButtonRole.AcceptRole
            )
        close = box.addButton(QMessageBox.StandardButton.Close)
        close.setText(QCoreApplication.translate("Dialogs", "Close"))
        box.setDefaultButton(retry or close)
        box.exec()
        return retry is not None and box.clickedButton() is retry

    def open_file(self, parent: QWidget | None, title: str, filter: str) -> str | None:
        """Pick an existing file; None if the user cancelled."""
        path, _ = QFileDialog.getOpenFileName(parent, title, _last_dir(), filter)
        return _remember_dir(path)

    def save_file(self, parent: QWidget | None, title: str, default_name: str, filter: str) -> str | None:
        """Pick where to save; None if the user cancelled."""
        start = str(Path(_last_dir()) / default_name) if _last_dir() else default_name
        path, _ = QFileDialog.getSaveFileName(parent, title, start, filter)
        return _remember_dir(path)

    def choose_folder(self, parent: QWidget | None, title: str, start: str = "") -> str | None:
        """Pick a folder; None if the user cancelled."""
        path = QFileDialog.getExistingDirectory(parent, title, start or _last_dir())
        if not path:
            return None
        QSettings().setValue(_LAST_DIR_KEY, path)
        return path

    def import_errors(self, parent: QWidget | None, exc: ImportRefused) -> None:
        """The refused import: its message and every row error, with "Save report…"."""
        ImportErrorsDialog(exc, self, parent).exec()

    def crash(self, parent: QWidget | None, exc: BaseException) -> None:
        """The crash dialog for a bug."""
        CrashDialog(exc, parent).exec()

    # -- routing -----------------------------------------------------------------------------

    def show_error(
        self,
        parent: QWidget | None,
        exc: BaseException,
        on_reload: Callable[[], None] | None = None,
        on_retry: Callable[[], None] | None = None,
    ) -> None:
        """Show ``exc`` the way its kind asks for (see the module docstring)."""
        if not isinstance(exc, UserFacingError):
            log.error("Unexpected error", exc_info=exc)
            self.crash(parent, exc)
        elif isinstance(exc, ImportRefused):
            self.import_errors(parent, exc)
        elif isinstance(exc, StoreUnavailable):
            log.warning("store unavailable: %s", exc)
            self._store_problem_once(parent, exc, on_retry)
        elif isinstance(exc, Cancelled):
            self.info(parent, _title(QT_TRANSLATE_NOOP("Dialogs", "Cancelled")), exc.localized())
        elif isinstance(exc, Conflict):
            self._show_conflict(parent, exc, on_reload)
        else:
            self.warn(parent, _title(QT_TRANSLATE_NOOP("Dialogs", "Cannot continue")), exc.localized())

    def _store_problem_once(
        self, parent: QWidget | None, exc: StoreUnavailable, on_retry: Callable[[], None] | None
    ) -> None:
        """The store-problem message, unless one is open already (its event loop delivered
        another failure): then ``on_retry`` waits for that message's 重试."""
        waiting: list[Callable[[], None]] | None = getattr(self, "_waiting_retries", None)
        if waiting is not None:
            if on_retry is not None:
                waiting.append(on_retry)
            return
        self._waiting_retries = waiting = [on_retry] if on_retry is not None else []
        try:
            retry = self.store_problem(parent, exc, on_retry is not None)
        finally:
            self._waiting_retries = None
        if retry:
            for again in waiting:
                again()

    def _show_conflict(
        self, parent: QWidget | None, exc: Conflict, on_reload: Callable[[], None] | None
    ) -> None:
        title = _title(QT_TRANSLATE_NOOP("Dialogs", "Changed elsewhere"))
        if on_reload is None:
            self.warn(parent, title, exc.localized())
        elif self.ask_reload(parent, title, exc.localized()):
            on_reload()


class FakeDialogs(Dialogs):
    """Dialogs for tests: answers come from queues, every call is recorded, nothing blocks.

    ``answers`` feeds ``confirm`` and ``ask_reload``; ``files`` feeds ``open_file`` and
    ``save_file`` (None means the user cancelled). An empty queue is a test bug and raises.
    """

    def __init__(self, answers: Iterable[bool] = (), files: Iterable[str | None] = ()) -> None:
        self.answers: list[bool] = list(answers)
        self.files: list[str | None] = list(files)
        self.calls: list[tuple[Any, ...]] = []

    def called(self, name: str) -> list[tuple[Any, ...]]:
        """The recorded calls of one method (without the name)."""
        return [call[1:] for call in self.calls if call[0] == name]

    def names(self) -> list[str]:
        """The names of the recorded calls, in order."""
        return [call[0] for call in self.calls]

    def _pop(self, queue: list[Any], what: str) -> Any:
        if not queue:
            raise AssertionError(f"FakeDialogs: no {what} queued for {self.calls[-1]!r}")
        return queue.pop(0)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        """Record."""
        self.calls.append(("info", title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        """Record."""
        self.calls.append(("warn", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
        """Record; answer from ``answers``."""
        self.calls.append(("confirm", title, text, ok_text))
        return bool(self._pop(self.answers, "answer"))

    def ask_reload(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Record; answer from ``answers``."""
        self.calls.append(("ask_reload", title, text))
        return bool(self._pop(self.answers, "answer"))

    def store_problem(self, parent: QWidget | None, exc: StoreUnavailable, can_retry: bool) -> bool:
        """Record; when 重试 is offered, answer from ``answers``."""
        self.calls.append(("store_problem", exc, can_retry))
        return bool(self._pop(self.answers, "answer")) if can_retry else False

    def open_file(self, parent: QWidget | None, title: str, filter: str) -> str | None:
        """Record; answer from ``files``."""
        self.calls.append(("open_file", title, filter))
        return self._pop(self.files, "file")

    def save_file(self, parent: QWidget | None, title: str, default_name: str, filter: str) -> str | None:
        """Record; answer from ``files``."""
        self.calls.append(("save_file", title, default_name, filter))
        return self._pop(self.files, "file")

    def choose_folder(self, parent: QWidget | None, title: str, start: str = "") -> str | None:
        """Record; answer from ``files``."""
        self.calls.append(("choose_folder", title, start))
        return self._pop(self.files, "file")

    def import_errors(self, parent: QWidget | None, exc: ImportRefused) -> None:
        """Record."""
        self.calls.append(("import_errors", exc))

    def crash(self, parent: QWidget | None, exc: BaseException) -> None:
        """Record."""
        self.calls.append(("crash", exc))

    def show_error(
        self,
        parent: QWidget | None,
        exc: BaseException,
        on_reload: Callable[[], None] | None = None,
        on_retry: Callable[[], None] | None = None,
    ) -> None:
        """Record, then route like the real dialogs (so the primitive is recorded too)."""
        self.calls.append(("show_error", exc))
        super().show_error(parent, exc, on_reload, on_retry)


class ImportErrorsDialog(QDialog):
    """A refused import: the message, a table of row errors and "Save report…"."""

    def __init__(self, exc: ImportRefused, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exc = exc
        self.dialogs = dialogs
        self.setWindowTitle(self.tr("Nothing was imported"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        message = QLabel(exc.localized(), self)
        message.setWordWrap(True)
        layout.addWidget(message)
        self.table = self._error_table(exc.errors)
        layout.addWidget(self.table)
        if len(exc.errors) > MAX_SHOWN_ROW_ERRORS:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "Showing the first {shown:,} of {count:,} problems; save the report to see them all."
                    ).format(shown=MAX_SHOWN_ROW_ERRORS, count=len(exc.errors)),
                    self,
                )
            )
        layout.addWidget(self._buttons())

    def _error_table(self, errors: Sequence[RowError]) -> QTableWidget:
        with_file = len({err.file for err in errors}) > 1
        headers = ([self.tr("File")] if with_file else []) + [
            self.tr("Sheet"),
            self.tr("Row"),
            self.tr("Column"),
            self.tr("Problem"),
        ]
        shown = errors[:MAX_SHOWN_ROW_ERRORS]
        table = QTableWidget(len(shown), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setWordWrap(True)  # a long rule wraps instead of being cut off
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        for r, err in enumerate(shown):
            cells = ([err.file] if with_file else []) + [err.sheet, str(err.row), err.column, err.message]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(format_row_error(err))
                if text == str(err.row):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        columns = table.horizontalHeader()
        for c in range(len(headers) - 1):
            columns.setSectionResizeMode(c, columns.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        return table

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Re-fit wrapped rows to the new width."""
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("Save report…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.on_save_button_clicked)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        return buttons

    def report_lines(self) -> list[str]:
        """Every problem as one line of text."""
        return [format_row_error(err) for err in self.exc.errors]

    def on_save_button_clicked(self) -> None:
        """Save every problem (not only those shown) as a workbook."""
        name = Path(self.exc.params.get("file", "import")).stem + "-问题.xlsx"
        path = self.dialogs.save_file(self, self.tr("Save report"), name, self.tr("Excel workbooks (*.xlsx)"))
        if path:
            from desktop.io.xlsx import write_error_report  # the workbook writer, only when saving

            write_error_report(path, self.exc.errors)


def store_advice(exc: StoreUnavailable) -> str:
    """What the user can check when the store cannot be reached."""
    if isinstance(exc, StoreTooNew):
        return QCoreApplication.translate(
            "Dialogs", "Install the newer version of the program, or ask the administrator."
        )
    return QCoreApplication.translate(
        "Dialogs",
        "Check that the server is running and this workstation's network or shared folder is "
        "connected (or that no other program holds the file), then retry.",
    )


def _title(text: str) -> str:
    """Translate a title marked with ``QT_TRANSLATE_NOOP("Dialogs", …)``."""
    return QCoreApplication.translate("Dialogs", text)


def _last_dir() -> str:
    return str(QSettings().value(_LAST_DIR_KEY, "") or "")


def _remember_dir(path: str) -> str | None:
    if not path:
        return None
    QSettings().setValue(_LAST_DIR_KEY, str(Path(path).parent))
    return path
