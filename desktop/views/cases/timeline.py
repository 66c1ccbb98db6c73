"""The case's stages as a timeline: one row per stage with its date, the due date it answers and
the deadline's status in its colour and in words (按期, 临近, 已超期 …); a recorded stage has its
更正 and 撤回 actions (disabled, with the reason on hover, where they do not apply)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QLabel, QMenu, QToolButton, QWidget

from desktop.cases import terms
from desktop.cases.dto import StageEvent
from desktop.cases.rules import DEADLINE_STATUS_TITLES, Deadline
from desktop.core.i18n import translate
from desktop.views.cases.panel_parts import GREY, clear_layout, tone_colour, tone_style
from desktop.views.common.lazy_table import format_value


def status_title(status: str) -> str:
    """A deadline status in words (按期, 已超期, 临近 …)."""
    source = DEADLINE_STATUS_TITLES.get(status)
    return translate("terms", source) if source else status


class TimelineView(QWidget):
    """One row per stage: a marker, the stage, its date, the due date and the status in words.

    A stage that answers a deadline shows the due date and the status in its colour (green met,
    yellow approaching, red missed) — always with the word, never colour alone. A recorded
    stage offers 更正日期… and 撤回… in a small menu (``correct_requested`` / ``withdraw_requested``
    with the stage).
    """

    correct_requested = Signal(str)
    withdraw_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(4, 1)
        date_width = self.fontMetrics().horizontalAdvance("0000-00-00") + 4
        for column in (2, 3):
            self.grid.setColumnMinimumWidth(column, date_width)
        self.statuses: dict[str, QLabel] = {}
        self.dues: dict[str, QLabel] = {}
        self.dates: dict[str, QLabel] = {}
        self.correction_buttons: dict[str, QToolButton] = {}
        self.correct_actions: dict[str, QAction] = {}
        self.withdraw_actions: dict[str, QAction] = {}
        self.locked = ""
        self.refusals: Mapping[str, str] = {}
        self.with_actions = False

    def show_events(
        self,
        events: Iterable[StageEvent],
        as_of: date,
        *,
        locked: str | None = None,
        refusals: Mapping[str, str] | None = None,
    ) -> None:
        """Show the case's stages as of ``as_of``. ``locked``: why the user may not correct
        (None: no correction actions at all); ``refusals``: why a stage cannot be withdrawn."""
        clear_layout(self.grid)
        self.statuses.clear()
        self.dues.clear()
        self.dates.clear()
        self.correction_buttons.clear()
        self.correct_actions.clear()
        self.withdraw_actions.clear()
        self.locked, self.refusals = locked or "", refusals or {}
        self.with_actions = locked is not None
        headers = (self.tr("Stage"), self.tr("Date"), self.tr("Due"), self.tr("Status"))
        for column, text in enumerate(headers, 1):
            label = QLabel(text, self)
            label.setStyleSheet(f"color: {GREY};")
            self.grid.addWidget(label, 0, column)
        for number, event in enumerate(events, 1):
            self._add_row(number, event, as_of)

    def _add_row(self, number: int, event: StageEvent, as_of: date) -> None:
        done = event.on is not None and event.on <= as_of
        deadline = event.deadline
        tone = deadline.tone if deadline is not None else None
        marker = QLabel("●" if done else "○", self)
        marker.setStyleSheet(f"color: {tone_colour(tone) or ('#3D4A5A' if done else GREY)};")
        stage = QLabel(terms.stage_title(event.stage), self)
        stage.setWordWrap(True)  # a long English stage name wraps instead of running under the date
        when = QLabel(format_value(event.on) if event.on else "—", self)
        if not done:
            for label in (stage, when):
                label.setStyleSheet(f"color: {GREY};")
        due = QLabel(format_value(deadline.due) if deadline and deadline.due else "", self)
        status = QLabel(self._status_text(deadline, as_of) if deadline else "", self)
        due.setStyleSheet(tone_style(tone))
        status.setStyleSheet(tone_style(tone, bold=tone is not None) or f"color: {GREY};")
        status.setWordWrap(True)
        for column, widget in enumerate((marker, stage, when, due, status)):
            self.grid.addWidget(widget, number, column)
        self.dates[event.stage], self.dues[event.stage], self.statuses[event.stage] = when, due, status
        if event.on is not None and self.with_actions:
            self._add_actions(number, event.stage)

    def _add_actions(self, number: int, stage: str) -> None:
        """One small 更正 ▾ button on the row: 更正日期… and 撤回… in its menu."""
        title = terms.stage_title(stage)
        button = QToolButton(self)
        button.setText(self.tr("Correct"))
        button.setObjectName("correctionButton")
        button.setAutoRaise(True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setEnabled(not self.locked)
        button.setToolTip(self.locked or self.tr("Correct or withdraw {stage}").format(stage=title))
        menu = QMenu(button)
        menu.setToolTipsVisible(True)
        correct = menu.addAction(self.tr("Correct the date…"))
        correct.setToolTip(self.tr("Correct the date of {stage}").format(stage=title))
        correct.triggered.connect(lambda _checked=False: self.correct_requested.emit(stage))
        withdraw = menu.addAction(self.tr("Withdraw…"))
        refusal = self.refusals.get(stage, "")
        withdraw.setEnabled(not refusal)
        withdraw.setToolTip(refusal or self.tr("Withdraw {stage}: recorded by mistake").format(stage=title))
        withdraw.triggered.connect(lambda _checked=False: self.withdraw_requested.emit(stage))
        button.setMenu(menu)
        self.grid.addWidget(button, number, 5)
        self.correction_buttons[stage] = button
        self.correct_actions[stage], self.withdraw_actions[stage] = correct, withdraw

    def _status_text(self, deadline: Deadline, as_of: date) -> str:
        word = status_title(deadline.status)
        if deadline.status == "overdue" and deadline.due is not None:
            return self.tr("{status} · {days} days").format(status=word, days=(as_of - deadline.due).days)
        if deadline.status == "approaching" and deadline.due is not None:
            return self.tr("{status} · {days} days left").format(
                status=word, days=(deadline.due - as_of).days
            )
        return word

    def status_of(self, stage: str) -> str:
        """The status text shown for a stage (tests)."""
        label = self.statuses.get(stage)
        return label.text() if label is not None else ""

    def colour_of(self, stage: str) -> str:
        """The colour of a stage's status word, ``#RRGGBB`` or "" (tests)."""
        label = self.statuses.get(stage)
        sheet = label.styleSheet() if label is not None else ""
        return sheet.split("color: ")[1][:7] if "color: #" in sheet else ""
