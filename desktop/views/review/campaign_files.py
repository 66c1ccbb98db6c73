"""案卷: a campaign's drawn files — agency, 案号, 案由, paper or electronic dossier, reviewers, each
sheet's state and score, the final score and grade, the recheck — filtered by agency and by state.
Double-click opens the scoring workspace read-only; a supervisor reopens a submitted sheet, and gives
the sheets of one or several selected files to another reviewer (更换评查员)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.review.dto import CampaignResults, FileRow, Reassignment, ReviewerRow, Sheet
from desktop.review.reviewers import campaign_reviewers
from desktop.views.common.lazy_table import ColumnSpec, format_score
from desktop.views.common.page_tools import fill_combo, full_names_on_hover, make_table
from desktop.views.common.value_titles import value_title
from desktop.views.common.widgets import CountLabel, status_row
from desktop.views.review.campaign_titles import (
    FILE_STATES,
    NOT_SCORED,
    file_state_title,
    grade_tone,
    paper_text,
    recheck_state,
    sheets_text,
)
from desktop.views.review.reassign_dialog import ReassignDialog
from desktop.views.review.reopen_dialog import ReopenDialog
from desktop.views.review.tab_tools import memory_page

SEARCH_WIDTH = 220


@dataclass(frozen=True)
class ListedFile(FileRow):
    """A drawn file as the list shows it (its sheets, score and grade in words)."""

    @property
    def dossier_kind(self) -> str:
        """电子 or 纸质."""
        return paper_text(self.paper)

    @property
    def reviewer_names(self) -> str:
        """The reviewers (their names, not their logins), in slot order."""
        return "、".join(self.reviewers_shown)

    @property
    def sheet_states(self) -> str:
        """Each sheet's state and (when visible) score."""
        return sheets_text(self)

    @property
    def final_score(self) -> str:
        """The final score with one decimal, once every sheet is submitted."""
        return format_score(self.final.total) if self.final else NOT_SCORED

    @property
    def grade(self) -> str:
        """The final grade ("—" while not final)."""
        return self.final.grade if self.final else NOT_SCORED

    @property
    def veto_codes(self) -> str:
        """The vetoes that decided the grade (a 98 graded 合格 says why)."""
        return "、".join(self.final.vetoes) if self.final else ""

    @property
    def recheck_text(self) -> str:
        """The recheck's state in words."""
        return recheck_state(self.recheck)

    @classmethod
    def of(cls, row: FileRow) -> ListedFile:
        """The service's row as a listed one."""
        return cls(**{f.name: getattr(row, f.name) for f in fields(row)})


SORTS: dict[str, Callable[[ListedFile], Any]] = {
    "agency": lambda r: r.agency,
    "case_no": lambda r: r.case_no,
    "cause": lambda r: r.cause,
    "paper": lambda r: r.paper,
    "reviewers": lambda r: r.reviewer_names,
    "final": lambda r: r.final.total if r.final else None,
    "grade": lambda r: r.grade,
    "recheck": lambda r: r.recheck,
    "vetoes": lambda r: r.veto_codes or None,
}


def _keep(row: ListedFile, filters: dict[str, Any]) -> bool:
    agency, state = filters.get("agency_id"), filters.get("state")
    if agency is not None and row.agency_id != agency:
        return False
    return state is None or (state == "done") == (row.final is not None)


def _search(row: ListedFile) -> str:
    return " ".join((row.case_no, row.cause, row.party, row.agency, row.reviewer_names))


class FilesPanel(QWidget):
    """The drawn files of one campaign, read once with its results."""

    sheet_reopened = Signal(object)
    sheet_opened = Signal(int)
    reviewer_reassigned = Signal(object)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, short_agency: Callable[[str], str] = str
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_manage = ctx.user.can(Permission.MANAGE_REVIEWS)
        self.short_agency = short_agency
        self.rows: tuple[ListedFile, ...] = ()
        self.bands: tuple[str, ...] = ()
        self.closed = False
        self.campaign_id: int | None = None
        self.state = ""
        self.dialog: ReopenDialog | ReassignDialog | None = None
        self.agency_filter = self._combo("fileAgencyFilter", self.tr("Agency"))
        self.state_filter = self._combo("fileStateFilter", self.tr("Finished or not"))
        fill_combo(
            self.state_filter,
            [(self.tr("All files"), None)] + [(file_state_title(s), s) for s in FILE_STATES],
        )
        self.search = QLineEdit(self)
        self.search.setObjectName("fileSearch")
        self.search.setPlaceholderText(self.tr("Case number, cause, party or reviewer"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(SEARCH_WIDTH)
        self.search.setMaximumWidth(SEARCH_WIDTH + 80)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.model, self.table = make_table(ctx, self, "review_campaign_files", self._columns(), self.fetch)
        self.count = CountLabel(self)
        self.model.count_changed.connect(self.count.set_count)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.table.add_row_action(self.tr("Open the score sheet"), self.open_sheet)
        if self.can_manage:
            self.table.add_row_action(self.tr("Reopen the score…"), self.reopen)
            self.table.add_row_action(self.tr("Reassign the reviewer…"), lambda _row: self.reassign())
        self.reassign_button = QPushButton(self.tr("Reassign the reviewer…"), self)
        self.reassign_button.setObjectName("reassignReviewer")
        self.reassign_button.setToolTip(
            self.tr("Give a reviewer's sheets of the selected files to another reviewer, with a reason")
        )
        self.reassign_button.clicked.connect(lambda: self.reassign())
        self.reassign_button.setVisible(self.can_manage)
        self._lay_out()
        self._apply_filters()

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _i: self._apply_filters())
        return combo

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec(
                "agency",
                self.tr("Agency"),
                "agency",
                width=130,
                format=lambda n: self.short_agency(n),
                tip=lambda row: row.agency,
            ),
            ColumnSpec("case_no", self.tr("Case number"), "case_no", width=150),
            ColumnSpec("cause", self.tr("Cause"), "cause", width=140),
            ColumnSpec("dossier_kind", self.tr("Dossier"), "paper", width=80),
            ColumnSpec("reviewer_names", self.tr("Reviewers"), "reviewers", width=130),
            ColumnSpec("sheet_states", self.tr("Score sheets"), None, width=230),
            ColumnSpec("final_score", self.tr("Final score"), "final", width=76, align="right"),
            ColumnSpec(
                "grade",
                self.tr("Grade"),
                "grade",
                width=64,
                format=value_title,
                tone=lambda row: grade_tone(row.grade, self.bands),
            ),
            ColumnSpec(
                "veto_codes",
                self.tr("Vetoes"),
                "vetoes",
                width=70,
                tone=lambda row: "red" if row.veto_codes else None,
            ),
            ColumnSpec("recheck_text", self.tr("Recheck"), "recheck", width=80),
        ]

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.agency_filter, self.state_filter):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.reassign_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row(self.count))

    # -- data -------------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[ListedFile]:
        """One window of the campaign's files (already read)."""
        return memory_page(self.rows, query, search=_search, keep=_keep, sorts=SORTS)

    def show_results(self, results: CampaignResults | None) -> None:
        """Show the files of ``results`` (None: none), keeping the filters when they still apply."""
        self.rows = tuple(ListedFile.of(f) for f in results.files) if results else ()
        self.bands = results.bands if results else ()
        self.closed = results is not None and results.campaign.state == "closed"
        self.campaign_id = results.campaign.id if results else None
        self.state = results.campaign.state if results else ""
        self.reassign_button.setEnabled(self.state == "scoring" and bool(self.rows))
        agencies = sorted({(f.agency, f.agency_id) for f in self.rows})
        fill_combo(
            self.agency_filter,
            [(self.tr("All agencies"), None)] + [(self.short_agency(name), aid) for name, aid in agencies],
        )
        full_names_on_hover(self.agency_filter, {aid: name for name, aid in agencies})
        self._apply_filters()
        self.model.reload()
        self._update_empty_text()

    def current_file(self) -> ListedFile | None:
        """The file of the current row."""
        return self.table.current_row()

    def set_filters(self, agency_id: int | None = None, state: str | None = None) -> None:
        """Show one agency's files, finished or not (None: all)."""
        for combo, value in ((self.agency_filter, agency_id), (self.state_filter, state)):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)
        self._apply_filters()

    # -- actions ----------------------------------------------------------------------------------

    def sheet_to_open(self, row: FileRow) -> int | None:
        """The sheet a double-click opens: the user's own when they scored the file, else the first."""
        own = [s for s in row.sheets if s.reviewer == self.ctx.user.name]
        chosen = own or sorted(row.sheets, key=lambda s: s.slot)
        return chosen[0].scoring_id if chosen else None

    def open_sheet(self, row: FileRow) -> None:
        """Open the file's score sheet in the scoring workspace (read-only unless it is the user's
        own open sheet: the workspace decides)."""
        scoring_id = self.sheet_to_open(row)
        if scoring_id is None:
            return
        from desktop.views.review.workspace import open_scoring_window

        open_scoring_window(self.ctx, scoring_id, self)
        self.sheet_opened.emit(scoring_id)

    def reopen(self, row: FileRow) -> ReopenDialog | None:
        """重新打开评分 (supervisors): ask which submitted sheet and why."""
        if not self.can_manage:
            return None
        submitted = [s for s in sorted(row.sheets, key=lambda s: s.slot) if s.state == "submitted"]
        if self.closed:
            self.ctx.dialogs.info(
                self,
                self.tr("Reopen the score"),
                self.tr("The campaign is announced: its grades are fixed and no score can be reopened."),
            )
            return None
        if not submitted:
            self.ctx.dialogs.info(
                self,
                self.tr("Reopen the score"),
                self.tr("No score sheet of {case_no} is submitted: there is nothing to reopen.").format(
                    case_no=row.case_no
                ),
            )
            return None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ReopenDialog(self.ctx, row, submitted, self)
        self.dialog.sheet_reopened.connect(self.on_dialog_sheet_reopened)
        self.dialog.open()
        return self.dialog

    def reassign(self, rows: list[FileRow] | None = None) -> None:
        """更换评查员 (supervisors) for the selected files: the reviewers are read, then the dialog opens."""
        rows = (
            rows
            if rows is not None
            else self.table.selected_rows() or [r for r in [self.current_file()] if r]
        )
        if not self.can_manage or not rows or self.campaign_id is None:
            return
        title = self.tr("Reassign a reviewer")
        if self.state in ("closed", "voided"):
            self.ctx.dialogs.info(
                self,
                title,
                self.tr("The campaign is announced: its grades are fixed.")
                if self.state == "closed"
                else self.tr("The campaign is voided: its files are not scored."),
            )
            return
        ctx, campaign_id = self.ctx, self.campaign_id
        ctx.tasks.load(
            lambda: campaign_reviewers(ctx.store, ctx.user),
            lambda reviewers: self.open_reassign(campaign_id, rows, reviewers),
            parent_widget=self,
        )

    def open_reassign(
        self, campaign_id: int, rows: list[FileRow], reviewers: tuple[ReviewerRow, ...]
    ) -> None:
        """The reviewers are read: ask from whom, to whom and why."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ReassignDialog(self.ctx, campaign_id, rows, reviewers, self)
        self.dialog.reviewer_reassigned.connect(self.on_dialog_reviewer_reassigned)
        self.dialog.open()

    # -- slots ------------------------------------------------------------------------------------

    def on_dialog_reviewer_reassigned(self, result: Reassignment) -> None:
        """Reassigned: say what moved; the tab reads the campaign again."""
        text = self.tr("{count} score sheets of {old} now go to {new}.").format(
            count=len(result.case_nos), old=result.old_reviewer, new=result.new_reviewer
        )
        if result.with_work:
            text += " " + self.tr("{n} of them had work saved on them, kept for {new} to continue.").format(
                n=result.with_work, new=result.new_reviewer
            )
        self.ctx.dialogs.info(self, self.tr("Reassign a reviewer"), text)
        self.reviewer_reassigned.emit(result)

    def on_table_row_activated(self, row: FileRow | None) -> None:
        """Double-click or Enter opens the score sheet."""
        if row is not None:
            self.open_sheet(row)

    def on_search_text_changed(self, text: str) -> None:
        """Search the files as the user types (they are in memory)."""
        self.model.set_search(text)
        self._update_empty_text()

    def on_dialog_sheet_reopened(self, sheet: Sheet) -> None:
        """Reopened: the tab reads the campaign again."""
        self.sheet_reopened.emit(sheet)

    # -- helpers ----------------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        chosen = (("agency_id", self.agency_filter.currentData()), ("state", self.state_filter.currentData()))
        self.model.set_filters(tuple((k, v) for k, v in chosen if v is not None))
        self._update_empty_text()

    def _update_empty_text(self) -> None:
        if self.rows and (self.model.query().filters or self.model.query().search):
            text = self.tr("No file matches the search or filters.")
        elif self.rows:
            text = ""
        elif self.ctx.user.scope_agency_id is not None:
            text = self.tr("Your agency's files show here once the bureau has sent its feedback.")
        else:
            text = self.tr("No drawn file to show.")
        self.table.set_empty_text(text)
