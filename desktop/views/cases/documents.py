"""Opening a case's document (the dossier PDF) in the system's viewer, for every page that
shows a case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QWidget

from desktop.cases.dto import DocumentRow


def open_case_document(
    parent: QWidget, dialogs: object, doc: DocumentRow, opener: Callable[[QUrl], bool]
) -> None:
    """Open ``doc`` with ``opener`` (the system's viewer); a missing file or no viewer is said so."""
    title = QCoreApplication.translate("CaseDocuments", "Open document")
    if not Path(doc.path).is_file():
        dialogs.warn(
            parent,
            title,
            QCoreApplication.translate("CaseDocuments", "The file is not there: {path}").format(
                path=doc.path
            ),
        )
    elif not opener(QUrl.fromLocalFile(doc.path)):
        dialogs.warn(
            parent,
            title,
            QCoreApplication.translate("CaseDocuments", "No program on this computer opens {path}.").format(
                path=doc.path
            ),
        )
