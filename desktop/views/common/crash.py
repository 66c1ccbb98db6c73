"""Bugs: logged with their traceback and shown in a crash dialog with "Copy details".

``install_excepthook(log_path)`` routes every uncaught exception (GUI thread or any other thread)
to the log and, on the GUI thread, to one crash dialog at a time. Errors a user can fix are
``UserFacingError`` and never come here: ``messages.Dialogs.show_error`` shows them (one that
escapes a slot anyway, a store gone away under it, goes to ``explain``: the program passes
``show_error``, so it is never shown as a crash).
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.core.errors import UserFacingError

log = logging.getLogger(__name__)


def crash_report(exc: BaseException | None, details: str = "") -> str:
    """Version, platform, Python and Qt versions, then the traceback: what "Copy details" copies."""
    lines = [
        f"{desktop.APP_NAME_EN} {desktop.__version__}",
        f"Platform: {platform.platform()}",
        f"Python: {platform.python_version()} ({sys.executable})",
        f"Qt: {qVersion()}, PySide6: {PySide6.__version__}",
        "",
    ]
    if exc is not None:
        lines.append("".join(traceback.format_exception(exc)).rstrip())
    if details:
        lines.append(details.rstrip())
    return "\n".join(lines)


class CrashDialog(QDialog):
    """ "The program ran into an error", the traceback behind "Details", Copy details and Close."""

    def __init__(
        self,
        exc: BaseException | None = None,
        parent: QWidget | None = None,
        *,
        details: str = "",
        log_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.report = crash_report(exc, details)
        self.setWindowTitle(self.tr("Error"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addLayout(self._message_row(log_path))
        self.details_button = QPushButton(self.tr("Show details"), self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self.on_details_button_toggled)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = self._details_box()
        layout.addWidget(self.details)
        layout.addWidget(self._buttons())

    def _message_row(self, log_path: Path | None) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        pixmap = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        icon.setPixmap(pixmap.pixmap(size, size))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = (
            self.tr("The program ran into an error.")
            + "\n\n"
            + self.tr(
                "Please copy the details and send them to whoever maintains the program, "
                "with what you were doing when it happened."
            )
        )
        if log_path is not None:
            text += "\n\n" + self.tr("The log is in {path}.").format(path=log_path)
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.message, 1)
        return row

    def _details_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit(self.report, self)
        box.setReadOnly(True)
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        box.setMinimumHeight(220)
        box.setVisible(False)
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.on_copy_button_clicked)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        return buttons

    def on_details_button_toggled(self, shown: bool) -> None:
        """Show or hide the traceback."""
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    def on_copy_button_clicked(self) -> None:
        """Put the whole report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report)


def _show_crash_dialog(exc: BaseException, log_path: Path | None) -> None:
    CrashDialog(exc, QApplication.activeWindow(), log_path=log_path).exec()


class ExceptHook(QObject):
    """The installed hooks: log every uncaught exception; show bugs in one dialog at a time.

    ``explain(exc)``, when given, shows an uncaught ``UserFacingError`` (a store that went away
    under a slot) as the message its kind asks for instead of the crash dialog."""

    crashed = Signal(object)
    explained = Signal(object)

    def __init__(
        self,
        log_path: Path | None,
        show: Callable[[BaseException], None] | None = None,
        explain: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__()
        self.log_path = log_path
        self._show = show or (lambda exc: _show_crash_dialog(exc, log_path))
        self._explain = explain
        self._showing = False
        self._seen: set[str] = set()
        self._handler: logging.Handler | None = None
        self._previous: tuple = ()
        # queued even on the GUI thread: never open a dialog inside a paint or a slot
        self.crashed.connect(self.on_crashed, Qt.ConnectionType.QueuedConnection)
        self.explained.connect(self.on_explained, Qt.ConnectionType.QueuedConnection)

    def install(self) -> ExceptHook:
        """Replace ``sys.excepthook`` and ``threading.excepthook``; add the log file handler."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread
        self._handler = _ensure_file_handler(self.log_path)
        return self

    def uninstall(self) -> None:
        """Put the previous hooks back (tests)."""
        if self._previous:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = ()
        if self._handler is not None:
            logging.getLogger().removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    def handle(
        self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: log, then show the dialog on the GUI thread."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc if exc is not None else exc_type(), tb)
            return
        if exc is None:
            exc = exc_type()
        if self._explain is not None and isinstance(exc, UserFacingError):
            log.warning("Uncaught %s: %s", exc_type.__name__, exc, exc_info=(exc_type, exc, tb))
            if QCoreApplication.instance() is not None:
                self.explained.emit(exc)
            return
        log.critical("Uncaught exception", exc_info=(exc_type, exc, tb))
        if QCoreApplication.instance() is not None:
            self.crashed.emit(exc)

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: the same, for exceptions escaping other threads."""
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def on_explained(self, exc: BaseException) -> None:
        """An uncaught user-facing error: its message, not the crash dialog."""
        if self._explain is None or not isinstance(QCoreApplication.instance(), QApplication):
            return
        try:
            self._explain(exc)
        except Exception:
            log.exception("showing an uncaught error failed")

    def on_crashed(self, exc: BaseException) -> None:
        """Show the crash dialog unless one is open or this traceback was shown already."""
        signature = "".join(traceback.format_exception(exc)[-3:])
        if self._showing or signature in self._seen:
            return
        if not isinstance(QCoreApplication.instance(), QApplication):
            return
        self._seen.add(signature)
        self._showing = True
        try:
            self._show(exc)
        except Exception:
            log.exception("the crash dialog itself failed")
        finally:
            self._showing = False


def install_excepthook(
    log_path: Path | None,
    show: Callable[[BaseException], None] | None = None,
    explain: Callable[[BaseException], None] | None = None,
) -> ExceptHook:
    """Log uncaught exceptions to ``log_path`` and show them in the crash dialog.

    ``show(exc)`` replaces the dialog (pass ``lambda exc: ctx.dialogs.crash(None, exc)``);
    ``explain(exc)`` shows an uncaught ``UserFacingError`` instead (``dialogs.show_error``).
    """
    return ExceptHook(log_path, show, explain).install()


def _ensure_file_handler(log_path: Path | None) -> logging.Handler | None:
    """Add a rotating file handler for ``log_path`` to the root logger unless one writes there."""
    if log_path is None:
        return None
    root = logging.getLogger()
    target = str(Path(log_path).resolve())
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler) and handler.baseFilename == target:
            return None
    Path(log_path).parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(target, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return handler
