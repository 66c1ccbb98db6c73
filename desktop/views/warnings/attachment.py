"""Opening a 处置's attachment: read from the store (checked against its SHA-256) off the GUI
thread, written to a temporary folder under its own name, opened in the system's viewer."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QWidget

from desktop.cases.disposal import disposal_attachment
from desktop.cases.dto import AttachmentFile, WarningRow
from desktop.context import AppContext


def attachment_folder() -> Path:
    """Where opened attachments are written (the system's temporary folder)."""
    return Path(tempfile.gettempdir()) / "desk-attachments"


def write_attachment(file: AttachmentFile, folder: Path | None = None) -> Path:
    """Write ``file`` under its name in a folder of its SHA-256 (the same file is written once)."""
    target = (folder or attachment_folder()) / file.sha256[:16] / file.name
    if not target.is_file() or target.stat().st_size != file.size:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return target


def open_attachment(
    parent: QWidget, ctx: AppContext, row: WarningRow, opener: Callable[[QUrl], bool]
) -> None:
    """Read ``row``'s attachment in the background, then open it (no viewer: said so)."""
    attachment_id = row.attachment_id
    if attachment_id is None:
        return

    def done(file: AttachmentFile) -> None:
        path = write_attachment(file)
        if not opener(QUrl.fromLocalFile(str(path))):
            ctx.dialogs.warn(
                parent,
                QCoreApplication.translate("WarningAttachment", "Open attachment"),
                QCoreApplication.translate(
                    "WarningAttachment", "No program on this computer opens {path}."
                ).format(path=str(path)),
            )

    ctx.tasks.load(
        lambda: disposal_attachment(ctx.store, ctx.user, attachment_id),
        done,
        on_error=lambda exc: ctx.dialogs.show_error(parent, exc),
        parent_widget=parent,
    )
