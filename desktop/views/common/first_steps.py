"""开始使用: what a new store needs before a page can work (执法主体 → 执法人员 → 案件 / 评查标准),
each step with a button that goes there, and the page's 新建 greyed with the reason until it can
work (tooltip, and the panel says it).

A page adds the panel above its table and names which of its actions need what::

    self.first_steps = FirstStepsPanel(ctx, self)
    self.first_steps.gate(self.new_action, NEEDS_AGENCY_WITH_OFFICERS)

The panel reads ``setup_state`` on the task runner when it is first shown and whenever agencies or
officers change, and hides itself once agencies and officers exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from desktop.context import AppContext
from desktop.core.changes import Changes
from desktop.core.security import Permission
from desktop.personnel.readiness import SetupState, setup_state

NEEDS_AGENCY = "agency"
NEEDS_AGENCY_WITH_OFFICERS = "agency_with_officers"


@dataclass(frozen=True)
class Step:
    """One first step: the area (and the part of it) its button opens, whether it is done."""

    key: str
    area: str
    part: str
    title: str
    text: str
    button: str
    done: Callable[[SetupState], bool]
    permission: Permission


class FirstStepsPanel(QFrame):
    """The first steps of a new store, shown until agencies and officers exist."""

    area_requested = Signal(str, str)
    """``(area, part)``: the window shows that area (and the tab or action ``part``)."""
    state_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state: SetupState | None = None
        self._gated: list[tuple[QAction, str, str]] = []
        self.steps = self._steps()
        self.reason = QLabel(self)
        self.reason.setObjectName("firstStepsReason")
        self.reason.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self.marks: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        title = QLabel("<b>" + self.tr("Getting started") + "</b>", self)
        grid.addWidget(title, 0, 0, 1, 4)
        grid.addWidget(self.reason, 1, 0, 1, 4)
        for row, step in enumerate(self.steps, 2):
            mark = QLabel(self)
            self.marks[step.key] = mark
            text = QLabel(f"<b>{row - 1}. {step.title}</b> — {step.text}", self)
            text.setWordWrap(True)
            button = QPushButton(step.button, self)
            button.setObjectName(f"firstStep_{step.key}")
            button.setEnabled(ctx.user.can(step.permission))
            button.clicked.connect(lambda _c=False, s=step: self.area_requested.emit(s.area, s.part))
            self.buttons[step.key] = button
            grid.addWidget(mark, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        self.hide()
        tasks = ctx.tasks
        if tasks is not None:
            tasks.changes_committed.connect(self.on_tasks_changes_committed)

    def _steps(self) -> list[Step]:
        return [
            Step(
                "agencies",
                "agencies",
                "",
                self.tr("Agencies"),
                self.tr("add the county's enforcement agencies one by one, or import them from a workbook"),
                self.tr("Open agencies"),
                lambda s: s.agencies > 0,
                Permission.VIEW_AGENCIES,
            ),
            Step(
                "officers",
                "officers",
                "",
                self.tr("Officers"),
                self.tr("add each agency's officers and their certificates (their agency must exist)"),
                self.tr("Open officers"),
                lambda s: s.officers > 0,
                Permission.VIEW_OFFICERS,
            ),
            Step(
                "cases",
                "cases",
                "import",
                self.tr("Cases"),
                self.tr("import the case register (the Template button saves an empty one) or create cases"),
                self.tr("Import cases"),
                lambda s: False,
                Permission.EDIT_CASES,
            ),
            Step(
                "rubrics",
                "review",
                "rubrics",
                self.tr("Review standards"),
                self.tr(
                    "check the default case-file review standards against your province's, or import yours"
                ),
                self.tr("Open standards"),
                lambda s: False,
                Permission.VIEW_REVIEWS,
            ),
        ]

    # -- what needs what ---------------------------------------------------------------------

    def gate(self, action: QAction, needs: str) -> None:
        """Keep ``action`` greyed with the reason as its tooltip until the store has what it needs."""
        self._gated.append((action, needs, action.toolTip()))
        self._apply()

    def why_not(self, needs: str) -> str:
        """Why an action that ``needs`` this cannot work yet ("" when it can, or before the read)."""
        state = self.state
        if state is None:
            return ""
        if not state.can_add_officers:
            return self.tr("Add an agency first (step 1).")
        if needs == NEEDS_AGENCY_WITH_OFFICERS and not state.can_add_cases:
            return self.tr("Add the officers of at least one agency first (step 2).")
        return ""

    def _apply(self) -> None:
        reasons = []
        for action, needs, tip in self._gated:
            if not action.isVisible():
                continue
            why = self.why_not(needs)
            action.setEnabled(not why)
            action.setToolTip(f"{action.text()}: {why}" if why else tip)
            action.setStatusTip(why)
            if why and why not in reasons:
                reasons.append(why)
        self.reason.setText(
            "  ".join(
                self.tr("{action} is not available yet: {why}").format(action=self._action_text(), why=w)
                for w in reasons
            )
        )
        self.reason.setVisible(bool(reasons))

    def _action_text(self) -> str:
        return next((a.text() for a, _n, _t in self._gated if a.isVisible()), self.tr("New"))

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read how far the setup has come (on the task runner)."""
        store, user = self.ctx.store, self.ctx.user
        self.ctx.tasks.load(
            lambda: setup_state(store, user),
            self.on_state_read,
            parent_widget=self,
            key=f"first-steps-{id(self)}",
        )

    def on_state_read(self, state: SetupState) -> None:
        """Show the steps (done ones ticked) while setup is incomplete; grey what cannot work."""
        if not shiboken6.isValid(self):
            return
        self.state = state
        for step in self.steps:
            done = step.done(state)
            self.marks[step.key].setText("✓" if done else "○")
            self.marks[step.key].setToolTip(self.tr("Done") if done else self.tr("To do"))
        self.buttons["cases"].setEnabled(self.ctx.user.can(Permission.EDIT_CASES) and state.can_add_cases)
        self.setVisible(not state.complete)
        self._apply()
        self.state_changed.emit(state)

    def on_tasks_changes_committed(self, changes: Changes, _origin: QObject | None) -> None:
        """Agencies or officers changed somewhere: read again."""
        if shiboken6.isValid(self) and self.state is not None and changes.touches({"agencies", "officers"}):
            self.refresh()

    def start(self) -> None:
        """The first read (the page calls it when it first reads the store)."""
        if self.state is None:
            self.refresh()
