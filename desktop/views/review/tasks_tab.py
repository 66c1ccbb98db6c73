"""我的评查: the reviewer's score sheets — campaign, file, agency, paper or electronic dossier, state,
running score and grade — filtered to those not finished (or submitted, or all), with a count of
each; Enter, a double-click or 开始评分 opens the file in the scoring workspace."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.review.dto import Task
from desktop.review.sheets import my_tasks
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.look import GREY
from desktop.views.common.page_tools import fill_combo
from desktop.views.common.widgets import RANK_CUSTOM
from desktop.views.review.campaign_titles import NOT_SCORED, score_or_dash
from desktop.views.review.tab_tools import fit, memory_page, select_where

STATES = ("open", "submitted")


class TasksTab(ListPage):
    """The user's score sheets (needs ``Permission.SCORE_FILES``).

    ``task_opened(scoring_id)``: a sheet was opened in the workspace; ``tasks_changed()``: the list
    was read again (after a refresh or when the workspace said a sheet changed).
    """

    task_opened = Signal(int)
    tasks_changed = Signal()

    kinds = frozenset({"sheets", "campaigns"})
    reload_on_show = True  # scores change in the workspace

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("My reviews"),
            search_placeholder=self.tr("Search case number, agency, cause or campaign (Ctrl+F)"),
            show_title=False,
        )
        self.can_score = ctx.user.can(Permission.SCORE_FILES)
        self.tasks: tuple[Task, ...] = ()
        self.windows: dict[int, Any] = {}
        """Workspace windows opened from here, by scoring id (their signals connected once)."""
        self.state_filter = self.header.add_combo("stateFilter", self.tr("State"), 180)
        fill_combo(
            self.state_filter,
            [(self.tr("Not finished"), "open"), (self.tr("Submitted"), "submitted"), (self.tr("All"), None)],
        )
        self.set_up_table("review_tasks", self._columns())
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet(f"color: {GREY}; padding-left: 12px;")
        self._add_actions()
        self.lay_out(self.table, (self.count, self.summary))
        self._connect()
        self._apply_filter()
        self.on_table_current_row_changed(None)

    # -- building -----------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        dossier, state, score, grade = (
            self.tr("Dossier"),
            self.tr("State"),
            self.tr("Current score"),
            self.tr("Grade"),
        )
        return [
            ColumnSpec("campaign", self.tr("Campaign"), "campaign", width=170),
            ColumnSpec("case_no", self.tr("Case number"), "case_no", width=170),
            ColumnSpec("agency", self.tr("Agency"), "agency", width=190),
            ColumnSpec("cause", self.tr("Cause"), "cause", width=160),
            ColumnSpec(
                "paper",
                dossier,
                "paper",
                format=self.dossier_word,
                width=fit(self, 70, dossier, self.dossier_word(True), self.dossier_word(False)),
            ),
            ColumnSpec(
                "state",
                state,
                "state",
                format=self.state_word,
                width=fit(self, 80, state, *(self.state_word(s) for s in STATES)),
                tone=lambda task: "green" if task.state == "submitted" else None,
            ),
            ColumnSpec(
                "total", score, "total", width=fit(self, 90, score), align="right", format=score_or_dash
            ),
            ColumnSpec("grade", grade, "grade", width=fit(self, 70, grade), format=lambda g: g or NOT_SCORED),
        ]

    def _add_actions(self) -> None:
        self.open_action = self.header.add_action(
            self.tr("Start scoring"),
            self.open_current,
            rank=RANK_CUSTOM,
            tooltip=self.tr("Open the selected file in the scoring workspace (Enter)"),
        )
        self.add_refresh_action(self.tr("Refresh"))
        self.table.add_row_action(self.tr("Open in the scoring workspace"), self.open_task)

    def _connect(self) -> None:
        self.state_filter.currentIndexChanged.connect(self.on_state_filter_current_index_changed)
        self.table.row_activated.connect(self.on_table_row_activated)

    # -- words --------------------------------------------------------------------------------

    def dossier_word(self, paper: bool) -> str:
        """纸质 or 电子."""
        return self.tr("Paper") if paper else self.tr("Electronic")

    def state_word(self, state: str) -> str:
        """评分中 or 已提交."""
        return self.tr("Submitted") if state == "submitted" else self.tr("Scoring")

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[Task]:
        """One page of the sheets read last, searched and filtered by state."""
        state = query.filter("state")
        return memory_page(
            self.tasks,
            query,
            search=lambda t: (t.case_no, t.agency, t.cause, t.campaign),
            keep=lambda t, _f: state is None or t.state == state,
        )

    def refresh(self, scoring_id: int | None = None) -> None:
        """Read the user's sheets again, keeping the current one (or ``scoring_id``) current."""
        self.mark_loaded()
        if not self.can_score:
            self.on_tasks_loaded(scoring_id, ())
            return
        ctx = self.ctx
        self.read(
            "my-tasks", lambda: my_tasks(ctx.store, ctx.user), partial(self.on_tasks_loaded, scoring_id)
        )

    def on_tasks_loaded(self, scoring_id: int | None, tasks: Sequence[Task]) -> None:
        """Show the sheets read, keeping the current one (or ``scoring_id``) current."""
        self.tasks = tuple(tasks)
        current = self.current_task()
        wanted = scoring_id if scoring_id is not None else (current.scoring_id if current else None)
        self._show_summary()
        self.model.reload()
        if not self.select_task(wanted) and self.model.total:
            self.table.select_row(0)  # Enter opens it at once
        self.tasks_changed.emit()

    def select_task(self, scoring_id: int | None) -> bool:
        """Make the row of a sheet current; False when the filters hide it."""
        return select_where(self.table, self.model, lambda row: row.scoring_id == scoring_id)

    def is_own(self, origin: QObject | None) -> bool:
        """The tab's own work, and the work of the scoring windows it opened (they say so)."""
        return super().is_own(origin) or any(origin is w for w in self.windows.values())

    def current_task(self) -> Task | None:
        """The sheet of the current row."""
        return self.table.current_row()

    def open_current(self) -> Any:
        """开始评分: open the current sheet in the workspace."""
        task = self.current_task()
        return self.open_task(task) if task is not None else None

    def open_task(self, task: Task) -> Any:
        """Open one sheet in the scoring workspace; its ``submitted``/``changed`` signals refresh the list."""
        from desktop.views.review.workspace import open_scoring_window

        try:
            window = open_scoring_window(self.ctx, task.scoring_id, self)
        except Exception as exc:  # a sheet gone or out of reach: said in words; a bug: the crash dialog
            self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)
            return None
        if window is not None:
            self.watch(task.scoring_id, window)
        self.task_opened.emit(task.scoring_id)
        return window

    def watch(self, scoring_id: int, window: Any) -> None:
        """Refresh the list when ``window`` saves, submits or is reopened; follow its 下一份."""
        if self.windows.get(scoring_id) is window:
            return
        self.windows[scoring_id] = window
        for name in ("submitted", "changed", "reopened"):
            signal = getattr(window, name, None)
            if signal is not None:
                signal.connect(self.on_window_sheet_changed)
        closed = getattr(window, "closed", None)
        if closed is not None:
            closed.connect(self.on_window_closed)
        following = getattr(window, "next_opened", None)
        if following is not None:
            following.connect(self.on_window_next_opened)

    def on_window_next_opened(self, window: Any) -> None:
        """下一份 opened another sheet: watch it too, and make its row current."""
        scoring_id = getattr(window, "scoring_id", None)
        if scoring_id is not None:
            self.watch(scoring_id, window)
            self.select_task(scoring_id)

    # -- slots --------------------------------------------------------------------------------

    def on_state_filter_current_index_changed(self, _index: int) -> None:
        """未完成 / 已提交 / 全部."""
        self._apply_filter()

    def on_table_current_row_changed(self, task: Task | None) -> None:
        """开始评分 for a sheet still open, 查看评分 for a submitted one."""
        self.open_action.setEnabled(task is not None)
        self.open_action.setText(
            self.tr("View score")
            if task is not None and task.state == "submitted"
            else self.tr("Start scoring")
        )

    def on_table_row_activated(self, task: Task | None) -> None:
        """Enter or a double-click opens the sheet."""
        if task is not None:
            self.open_task(task)

    def on_window_closed(self, scoring_id: int) -> None:
        """The workspace of a sheet closed: forget it (a new one is connected next time)."""
        self.windows.pop(scoring_id, None)

    def on_window_sheet_changed(self, scoring_id: int) -> None:
        """The workspace saved or submitted a sheet: show its new score and state."""
        self.refresh(scoring_id)

    # -- helpers ------------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        state = self.state_filter.currentData()
        self.model.set_filters((("state", state),) if state else ())
        self.update_empty_text()

    def _show_summary(self) -> None:
        waiting = sum(1 for t in self.tasks if t.state != "submitted")
        self.summary.setText(
            self.tr("To score {waiting} · Submitted {submitted}").format(
                waiting=f"{waiting:,}", submitted=f"{len(self.tasks) - waiting:,}"
            )
        )

    def empty_text(self) -> str:
        """What the empty list means, and what to do."""
        state = self.state_filter.currentData()
        if not self.can_score:
            text = self.tr("Your role does not score case files.")
        elif not self.tasks:
            text = self.tr("No case files are assigned to you for review.")
        elif self.header.search_text():
            text = self.tr("No file matches the search.")
        elif state == "open":
            text = self.tr("Every file assigned to you is submitted — choose All to see them.")
        else:
            text = self.tr("No submitted score sheet yet.")
        return text
