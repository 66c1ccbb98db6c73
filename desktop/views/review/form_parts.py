"""Pieces of the campaign and feedback forms: a checkable list, date fields, choosing a folder
through the dialog seam, and the users who may score files (the reviewers a campaign can name)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QListWidget, QListWidgetItem, QWidget

from desktop.core.security import ROLE_PERMISSIONS, Actor, Permission, Role
from desktop.models.db import Store
from desktop.review.reviewers import campaign_reviewers

LIST_ROW_PADDING = 6
FOLDER_KEY = "review/feedback_folder"


def to_qdate(value: date) -> QDate:
    """A ``date`` as a ``QDate``."""
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    """A ``QDate`` as a ``date``."""
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, value: date, name: str) -> QDateEdit:
    """A date field with a calendar pop-up, ``YYYY-MM-DD``."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value))
    return edit


class CheckList(QListWidget):
    """A list of check boxes over (text, data) items; ``changed`` when a tick changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, rows: int = 6) -> None:
        super().__init__(parent)
        self.setFixedHeight((self.fontMetrics().height() + LIST_ROW_PADDING) * rows + 4)
        self.setSpacing(1)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def add(self, text: str, data: object, tooltip: str = "", checked: bool = False) -> QListWidgetItem:
        """Add one checkable item."""
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if tooltip:
            item.setToolTip(tooltip)
        blocked = self.blockSignals(True)
        self.addItem(item)
        self.blockSignals(blocked)
        return item

    def note(self, text: str) -> None:
        """A line that is not a choice (e.g. "nothing to choose from")."""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def items(self) -> list[QListWidgetItem]:
        """Every checkable item, in order."""
        found = (self.item(n) for n in range(self.count()))
        return [i for i in found if i.flags() & Qt.ItemFlag.ItemIsUserCheckable]

    def data_of(self) -> list[object]:
        """The data of every checkable item."""
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.items()]

    def chosen(self) -> tuple:
        """The data of the ticked items, in list order."""
        return tuple(
            i.data(Qt.ItemDataRole.UserRole) for i in self.items() if i.checkState() == Qt.CheckState.Checked
        )

    def set_chosen(self, values: Sequence[object]) -> None:
        """Tick exactly the items whose data is in ``values``."""
        for item in self.items():
            wanted = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


# -- folders ---------------------------------------------------------------------------------------


def last_folder() -> str:
    """The folder feedback went to last time (else the user's documents)."""
    remembered = QSettings().value(FOLDER_KEY, "")
    return (
        str(remembered)
        if remembered
        else QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )


def remember_folder(folder: str) -> None:
    """Offer ``folder`` first next time."""
    QSettings().setValue(FOLDER_KEY, folder)


def choose_folder(dialogs: Any, parent: QWidget | None, title: str, start: str) -> str | None:
    """Ask for a folder through the dialog seam; None when the user cancels."""
    return dialogs.choose_folder(parent, title, start)


# -- reviewers -------------------------------------------------------------------------------------


SCORING_ROLES = tuple(role for role in Role if Permission.SCORE_FILES in ROLE_PERMISSIONS[role])
"""Roles whose users may score files: reviewer, supervisor, administrator."""


@dataclass(frozen=True)
class ReviewerChoice:
    """A user a campaign may name as reviewer."""

    name: str
    display_name: str = ""
    role: Role | None = None
    agency_name: str | None = None


def reviewer_choices(store: Store, actor: Actor) -> tuple[tuple[ReviewerChoice, ...], bool]:
    """The active users holding the reviewer role (``campaign_reviewers``), and that the list is complete."""
    return tuple(
        ReviewerChoice(r.name, r.display_name, Role(r.role), r.agency)
        for r in campaign_reviewers(store, actor)
    ), True
