"""复核: the rechecks the user may see, one list for every role, with the actions of theirs — an agency
user (or a supervisor on its behalf) asks for one (申请复核, Ctrl+N), a supervisor names the recheck
reviewer (指派复核人), the assigned reviewer rules on each disputed item (复核) — and the whole
history of the selected recheck beside the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.core.errors import PermissionDenied
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.review.dto import RecheckRow
from desktop.review.file_entries import FileEntries, file_entries, recheck_reviewers
from desktop.review.rechecks import list_rechecks
from desktop.review.rubrics import get_rubric
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import fill_combo, local_time
from desktop.views.common.widgets import RANK_CUSTOM, RANK_NEW
from desktop.views.review.recheck_decide import DecideRecheckDialog
from desktop.views.review.recheck_detail import STATE_TONES, RecheckDetail
from desktop.views.review.recheck_dialogs import AssignRecheckDialog, RequestRecheckDialog, recheck_candidates
from desktop.views.review.tab_tools import fit, memory_page, select_where

RecheckDialog = RequestRecheckDialog | AssignRecheckDialog | DecideRecheckDialog

SPLITTER_KEY = "review_rechecks"


class RechecksTab(ListPage):
    """The recheck list and its history; what a user may do follows their permissions
    (``REQUEST_RECHECK``, ``MANAGE_REVIEWS``, and ``SCORE_FILES`` for the assigned reviewer).

    ``recheck_changed(row)``: a recheck was requested, assigned or decided here.
    """

    recheck_changed = Signal(object)

    kinds = frozenset({"rechecks", "sheets", "feedback"})
    reload_on_show = True  # others act on them too

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Rechecks"),
            search_placeholder=self.tr("Search case number, agency, campaign or person (Ctrl+F)"),
            show_title=False,
        )
        user = ctx.user
        self.can_request = user.can(Permission.REQUEST_RECHECK)
        self.can_assign = user.can(Permission.MANAGE_REVIEWS)
        self.can_decide = user.can(Permission.SCORE_FILES)
        self.rechecks: tuple[RecheckRow, ...] = ()
        self.state_filter = self.header.add_combo("stateFilter", self.tr("State"), 180)
        self.detail = RecheckDetail(
            self, user_name=user.name, can_assign=self.can_assign, can_decide=self.can_decide
        )
        fill_combo(
            self.state_filter,
            [(self.tr("All states"), None)]
            + [(self.detail.state_word(s), s) for s in ("requested", "assigned", "decided")],
        )
        self.set_up_table("review_rechecks", self._columns())
        self._add_actions()
        self.splitter = self.split(
            self.table, self.detail, Qt.Orientation.Horizontal, [920, 440], SPLITTER_KEY
        )
        self.lay_out(self.splitter)
        self._connect()
        self._apply_filter()
        self.on_table_current_row_changed(None)

    # -- building -----------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        states = [self.detail.state_word(s) for s in STATE_TONES]
        campaign, case_no, agency, state = (
            self.tr("Campaign"),
            self.tr("Case number"),
            self.tr("Agency"),
            self.tr("State"),
        )
        by, at, reviewer = self.tr("Requested by"), self.tr("Requested at"), self.tr("Recheck reviewer")
        disputed, outcome = self.tr("Disputed"), self.tr("Outcome")
        return [
            ColumnSpec("campaign", campaign, "campaign", width=fit(self, 130, campaign)),
            ColumnSpec("case_no", case_no, "case_no", width=fit(self, 130, case_no)),
            ColumnSpec("agency", agency, "agency", width=fit(self, 150, agency)),
            ColumnSpec(
                "state",
                state,
                "state",
                width=fit(self, 64, state, *states),
                format=self.detail.state_word,
                tone=lambda row: STATE_TONES.get(row.state),
            ),
            ColumnSpec("requested_by_name", by, "requested_by_name", width=fit(self, 80, by)),
            ColumnSpec("requested_at", at, "requested_at", width=fit(self, 116, at), format=local_time),
            ColumnSpec(
                "reviewer_name",
                reviewer,
                "reviewer_name",
                width=fit(self, 80, reviewer),
                format=lambda name: name or "—",
            ),
            ColumnSpec(
                "items",
                disputed,
                None,
                width=fit(self, 50, disputed),
                align="right",
                format=lambda items: f"{len(items):,}",
            ),
            ColumnSpec("outcome", outcome, None, width=fit(self, 110, outcome)),
        ]

    def _add_actions(self) -> None:
        h = self.header
        self.request_action = h.add_new_action(self.request, self.tr("Request recheck"))
        self.assign_action = h.add_action(
            self.tr("Assign reviewer"),
            self.assign_current,
            rank=RANK_NEW + 1,
            tooltip=self.tr("Name the reviewer who rechecks the selected request"),
        )
        self.decide_action = h.add_action(
            self.tr("Recheck"),
            self.decide_current,
            rank=RANK_CUSTOM,
            tooltip=self.tr("Rule on each disputed item of the selected recheck"),
        )
        self.add_refresh_action(self.tr("Refresh"))
        for action, allowed in (
            (self.request_action, self.can_request),
            (self.assign_action, self.can_assign),
            (self.decide_action, self.can_decide),
        ):
            action.setVisible(allowed)
            action.setEnabled(allowed)
        if self.can_assign:
            self.table.add_row_action(self.tr("Assign reviewer…"), self.assign)
        if self.can_decide:
            self.table.add_row_action(self.tr("Recheck…"), self.decide)

    def _connect(self) -> None:
        self.state_filter.currentIndexChanged.connect(self.on_state_filter_current_index_changed)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.detail.assign_requested.connect(self.assign)
        self.detail.decide_requested.connect(self.decide)

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[Any]:
        """One page of the rechecks read last, searched and filtered by state."""
        state = query.filter("state")
        page = memory_page(
            self.rechecks,
            query,
            search=lambda r: (
                r.case_no,
                r.agency,
                r.campaign,
                r.requested_by,
                r.requested_by_name,
                r.reviewer or "",
                r.reviewer_name,
            ),
            keep=lambda r, _f: state is None or r.state == state,
        )
        return Page(tuple(ListedRecheck(r, self.detail.outcome(r)) for r in page.items), page.total)

    def refresh(self, recheck_id: int | None = None) -> None:
        """Read the rechecks again, keeping the current one (or ``recheck_id``) current."""
        self.mark_loaded()
        ctx = self.ctx
        self.read(
            "rechecks",
            lambda: list_rechecks(ctx.store, ctx.user),
            partial(self.on_rechecks_loaded, recheck_id),
        )

    def on_rechecks_loaded(self, recheck_id: int | None, rechecks: Sequence[RecheckRow]) -> None:
        """Show the rechecks read, keeping the current one (or ``recheck_id``) current."""
        self.rechecks = tuple(rechecks)
        current = self.current_recheck()
        wanted = recheck_id if recheck_id is not None else (current.id if current else None)
        self.model.reload()
        if not self.select_recheck(wanted) and self.model.total:
            self.table.select_row(0)
        self.detail.set_empty(self.model.total == 0)

    def select_recheck(self, recheck_id: int | None) -> bool:
        """Make the row of a recheck current; False when the filters hide it."""
        return select_where(self.table, self.model, lambda row: row.id == recheck_id)

    def current_recheck(self) -> RecheckRow | None:
        """The recheck of the current row."""
        line = self.table.current_row()
        return line.row if line is not None else None

    def request(self) -> RequestRecheckDialog | None:
        """申请复核: choose a file whose window is open and name what is disputed."""
        if not self.can_request:
            return None
        return self._read_then_open(partial(recheck_candidates, self.ctx), self._open_request)

    def _open_request(self, candidates: list[Any]) -> RequestRecheckDialog | None:
        if not candidates:
            self.ctx.dialogs.info(
                self,
                self.tr("Request a recheck"),
                self.tr(
                    "No case file can be rechecked today: a recheck may be asked for a scored file after the "
                    "review feedback reached its agency, until the deadline the feedback gives, once per file."
                ),
            )
            return None
        dialog = RequestRecheckDialog(self.ctx, candidates, self)
        dialog.recheck_requested.connect(self.on_dialog_recheck_changed)
        return self.open_dialog(dialog)

    def assign_current(self) -> AssignRecheckDialog | None:
        """指派复核人 on the current recheck."""
        row = self.current_recheck()
        return self.assign(row) if row is not None else None

    def assign(self, row: Any) -> AssignRecheckDialog | None:
        """Open the assignment dialog with the reviewers who may recheck the file (``row``: a
        ``RecheckRow`` or the list's line of one)."""
        row = getattr(row, "row", row)
        if not self.can_assign or row.state == "decided":
            return None
        ctx = self.ctx
        return self._read_then_open(
            lambda: recheck_reviewers(ctx.store, ctx.user, row.file_id),
            partial(self._open_assign, row),
            on_reload=self.refresh,
        )

    def _open_assign(self, row: RecheckRow, choices: Any) -> AssignRecheckDialog:
        dialog = AssignRecheckDialog(self.ctx, row, choices, self)
        dialog.recheck_assigned.connect(self.on_dialog_recheck_changed)
        dialog.reload_requested.connect(self.refresh)
        return self.open_dialog(dialog)

    def decide_current(self) -> DecideRecheckDialog | None:
        """复核 the current recheck."""
        row = self.current_recheck()
        return self.decide(row) if row is not None else None

    def decide(self, row: Any) -> DecideRecheckDialog | None:
        """Open the ruling dialog (the assigned reviewer, while the recheck is open; ``row``: a
        ``RecheckRow`` or the list's line of one)."""
        row = getattr(row, "row", row)
        if not self.can_decide:
            return None
        if row.state != "assigned" or row.reviewer != self.ctx.user.name:
            self.ctx.dialogs.info(self, self.tr("Recheck"), self._why_not_mine(row))
            return None
        ctx = self.ctx

        def read() -> tuple[Any, Any]:
            entries = file_entries(ctx.store, ctx.user, row.file_id)
            return entries, get_rubric(ctx.store, ctx.user, entries.rubric_id)[1]

        return self._read_then_open(read, partial(self._open_decide, row), on_reload=self.refresh)

    def _open_decide(self, row: RecheckRow, found: tuple[Any, Any]) -> DecideRecheckDialog:
        entries, rubric = found
        dialog = DecideRecheckDialog(self.ctx, row, entries, rubric, self)
        dialog.recheck_decided.connect(self.on_dialog_recheck_changed)
        dialog.reload_requested.connect(self.refresh)
        return self.open_dialog(dialog)

    def _read_then_open(
        self,
        read: Callable[[], Any],
        open_dialog: Callable[[Any], RecheckDialog | None],
        on_reload: Callable[[], None] | None = None,
    ) -> RecheckDialog | None:
        """Read what a dialog needs through the task runner, then open it; the dialog is returned
        when it opened at once (the synchronous runner of the tests)."""
        opened: list[RecheckDialog | None] = []
        self.ctx.tasks.load(
            read,
            lambda found: opened.append(open_dialog(found)),
            on_error=lambda exc: self.ctx.dialogs.show_error(self, exc, on_reload=on_reload),
            parent_widget=self,
        )
        return opened[0] if opened else None

    # -- slots --------------------------------------------------------------------------------

    def on_state_filter_current_index_changed(self, _index: int) -> None:
        """待指派 / 复核中 / 已复核 / all."""
        self._apply_filter()

    def on_table_current_row_changed(self, line: Any) -> None:
        """Show the history; read the file's scores in the background."""
        row: RecheckRow | None = line.row if line is not None else None
        self.detail.show_recheck(row)
        self.assign_action.setEnabled(self.can_assign and row is not None and row.state != "decided")
        self.decide_action.setEnabled(
            self.can_decide
            and row is not None
            and row.state == "assigned"
            and row.reviewer == self.ctx.user.name
        )
        if row is None:
            return
        ctx, file_id = self.ctx, row.file_id
        ctx.tasks.run(
            lambda _p, _c: file_entries(ctx.store, ctx.user, file_id),
            on_done=self.on_file_loaded,
            on_error=self.on_file_failed,
            label=self.tr("Reading the file's scores"),
            parent_widget=self,
            cancellable=False,
            key=f"recheck-file-{id(self)}",
            show_progress=False,
        )

    def on_file_loaded(self, file: FileEntries) -> None:
        """The file's scores were read: show them if the recheck is still shown."""
        self.detail.show_file(file)

    def on_file_failed(self, exc: BaseException) -> None:
        """Scores the user may not read stay unshown; anything else is said."""
        if not isinstance(exc, PermissionDenied):
            self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

    def on_table_row_activated(self, line: Any) -> None:
        """Enter or a double-click: the action the row waits for from this user."""
        row: RecheckRow | None = line.row if line is not None else None
        if row is None:
            return
        if row.state == "assigned" and row.reviewer == self.ctx.user.name and self.can_decide:
            self.decide(row)
        elif row.state == "requested" and self.can_assign:
            self.assign(row)

    def on_dialog_recheck_changed(self, row: RecheckRow) -> None:
        """Requested, assigned or decided: show the list with it current."""
        self.refresh(row.id)
        self.recheck_changed.emit(row)

    # -- helpers ------------------------------------------------------------------------------

    def _why_not_mine(self, row: RecheckRow) -> str:
        if row.state == "decided":
            return self.tr("This recheck is decided.")
        if row.reviewer is None:
            return self.tr("No recheck reviewer is assigned yet.")
        return self.tr("This recheck is assigned to {name}.").format(name=row.reviewer_name or row.reviewer)

    def _apply_filter(self) -> None:
        state = self.state_filter.currentData()
        self.model.set_filters((("state", state),) if state else ())
        self.update_empty_text()

    def empty_text(self) -> str:
        """What the empty list means, and what to do."""
        if self.rechecks and (self.header.search_text() or self.state_filter.currentData()):
            text = self.tr("No recheck matches the search or filter.")
        elif self.can_assign:
            text = self.tr(
                "No recheck requests yet: agencies ask for them within the window after the review feedback."
            )
        elif self.can_request:
            text = self.tr(
                "No recheck requests yet — once the review feedback has reached your agency, "
                "you can ask for a recheck of named deductions until its deadline (Ctrl+N)."
            )
        else:
            text = self.tr("No recheck is assigned to you.")
        return text


@dataclass(frozen=True)
class ListedRecheck:
    """A recheck as the list shows it: the service's row and its outcome in words."""

    row: RecheckRow
    outcome: str

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "row":
            raise AttributeError(name)
        return getattr(self.row, name)
