"""The case panel's body-camera footage: the recordings linked to the case, read when the case is
shown (``devices.library.case_footage``), in recording order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from desktop.devices.library import case_footage
from desktop.views.cases.panel_parts import clear_layout


def fill_footage(
    box: QLayout, parent: QWidget, files: tuple[Any, ...], note: Callable[[str], QWidget]
) -> None:
    """List ``files`` (``devices.dto.FootageRow``) in ``box``, or say that none is linked."""
    clear_layout(box)
    if not files:
        box.addWidget(
            note(
                QCoreApplication.translate(
                    "CaseDetailPanel", "No body-camera footage is linked to this case."
                )
            )
        )
    for f in files:
        label = QLabel(f"{f.start:%Y-%m-%d %H:%M} · {f.officer} · {f.source_name}", parent)
        label.setWordWrap(True)
        label.setToolTip(f.sha256)
        box.addWidget(label)


def read_case_footage(page: Any, case_id: int) -> None:
    """Read the case's footage off the GUI thread, then show it in the page's case panel."""
    ctx = page.ctx
    detail = page.detail
    page.read(
        "case-footage",
        lambda: case_footage(ctx.store, ctx.user, case_id),
        lambda files: fill_footage(detail.footage_box, detail.body, files, detail._note),
    )
