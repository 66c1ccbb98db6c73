"""考试场次: the sittings — generate papers (progress and Cancel), grade answer sheets, each
candidate's result, the item analysis as a workbook."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.exam.analysis import Analysis, analysis, export_analysis
from desktop.exam.dto import ResultOut, SittingOut, number
from desktop.exam.grading import grade, results
from desktop.exam.sittings import list_sittings
from desktop.reports.drill import SittingPapers
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import local_time
from desktop.views.common.widgets import RANK_NEW
from desktop.views.exam.charts import SittingCharts
from desktop.views.exam.generate_dialog import GenerateDialog
from desktop.views.exam.proctor import ProctorDialog
from desktop.views.exam.screen import ExamScreen


class SittingsPage(ListPage):
    """The sittings with their toolbar."""

    kinds = frozenset({"exam_sittings", "exam_papers"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, parent, title=self.tr("Exam sittings"), search_placeholder=self.tr("Search name (Ctrl+F)")
        )
        self.can_manage = ctx.user.can(Permission.MANAGE_EXAMS)
        self.results_dialog: ResultsDialog | None = None
        self.screen: ExamScreen | None = None
        self.behind: tuple[SittingPapers, ...] | None = None
        """The sittings and papers a dashboard bar counts (None: every sitting, every paper)."""
        self.set_up_table("exam_sittings", self._columns())
        h = self.header
        self.generate_action = h.add_new_action(self.open_generate, self.tr("Generate…"))
        self.grade_action = h.add_action(self.tr("Grade…"), self.grade_current, rank=RANK_NEW + 1)
        self.results_action = h.add_action(self.tr("Results"), self.show_results, rank=RANK_NEW + 2)
        self.analysis_action = h.add_action(self.tr("Analysis…"), self.export_analysis, rank=RANK_NEW + 3)
        self.proctor_action = h.add_action(self.tr("Proctor…"), self.open_proctor, rank=RANK_NEW + 4)
        self.screen_action = h.add_action(self.tr("On-screen exam…"), self.open_screen, rank=RANK_NEW + 5)
        self.all_action = h.add_action(
            self.tr("All sittings"),
            lambda: self.show_behind(None),
            rank=RANK_NEW + 6,
            tooltip=self.tr("Show every sitting again (the dashboard showed one agency's papers)"),
        )
        self.all_action.setVisible(False)
        self.add_refresh_action(self.tr("Refresh"))
        for action in (self.generate_action, self.grade_action, self.proctor_action, self.screen_action):
            action.setVisible(self.can_manage)
        self.lay_out(self.table)
        self.table.row_activated.connect(lambda row: row is not None and self.show_results())
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("id", self.tr("No."), width=60, align="right"),
            ColumnSpec("name", self.tr("Name"), width=360),
            ColumnSpec("seed", self.tr("Seed"), width=100),
            ColumnSpec("minutes", self.tr("Minutes"), width=70, align="right"),
            ColumnSpec("total_points", self.tr("Points"), width=70, align="right", format=lambda v: f"{v:g}"),
            ColumnSpec("pass_mark", self.tr("Pass mark"), width=80, align="right", format=lambda v: f"{v:g}"),
            ColumnSpec("graded", self.tr("Graded"), width=70, align="right"),
            ColumnSpec("passed", self.tr("Passed"), width=70, align="right"),
            ColumnSpec("created_at", self.tr("Generated"), width=170, format=local_time),
        ]

    def fetch(self, query: ListQuery) -> Page[SittingOut]:
        """The sittings (a county holds few: filtered and windowed here)."""
        rows = [s for s in list_sittings(self.ctx.store, self.ctx.user) if query.search.strip() in s.name]
        if self.behind is not None:
            rows = [s for s in rows if any(b.sitting_id == s.id for b in self.behind)]
        end = None if query.limit is None else query.offset + query.limit
        return Page(tuple(rows[query.offset : end]), len(rows))

    # -- actions ------------------------------------------------------------------------------

    def open_generate(self) -> GenerateDialog:
        """The generation dialog."""
        dialog = GenerateDialog(self.ctx, self)
        dialog.generated.connect(lambda _s: self.refresh())
        return self.open_dialog(dialog)

    def grade_current(self) -> None:
        """Pick the answer sheets of the current sitting and grade them."""
        row = self.table.current_row()
        if row is None:
            return
        path = self.ctx.dialogs.open_file(self, self.tr("Answer sheets"), self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda progress, cancelled: grade(
                ctx.store, ctx.user, row.id, path, progress=progress, cancelled=cancelled
            ),
            on_done=self.on_graded,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Grading answer sheets"),
            parent_widget=self,
        )

    def on_graded(self, out: tuple[ResultOut, ...]) -> None:
        passed = sum(1 for r in out if r.passed)
        self.refresh()
        self.ctx.dialogs.info(
            self,
            self.tr("Answer sheets"),
            self.tr("{count} paper(s) graded, {passed} passed.").format(count=len(out), passed=passed),
        )

    def show_results(self) -> None:
        """Each candidate's result in a window (read off the GUI thread)."""
        row = self.table.current_row()
        if row is None:
            return
        ctx = self.ctx
        ctx.tasks.load(
            lambda: (results(ctx.store, ctx.user, row.id), analysis(ctx.store, ctx.user, row.id)),
            lambda out: self.on_results_loaded(row, out),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
        )

    def open_proctor(self) -> ProctorDialog | None:
        """The proctor's view of the current sitting."""
        row = self.table.current_row()
        return self.open_dialog(ProctorDialog(self.ctx, row, self)) if row is not None else None

    def open_screen(self) -> ExamScreen:
        """The candidate's exam screen on this workstation, full screen."""
        self.screen = ExamScreen(self.ctx)
        self.screen.showFullScreen()
        return self.screen

    def on_results_loaded(self, row: SittingOut, out: tuple[tuple[ResultOut, ...], Analysis]) -> None:
        """Show the results and the charts (only the papers a dashboard bar counts, when it asked)."""
        rows = out[0]
        papers = next((b.papers for b in self.behind or () if b.sitting_id == row.id), None)
        if papers is not None:
            rows = tuple(r for r in rows if r.paper_no in papers)
        self.results_dialog = self.open_dialog(ResultsDialog(row, rows, out[1], self))

    def show_behind(self, behind: tuple[SittingPapers, ...] | None) -> None:
        """List only the sittings of ``behind`` (None: all again) and open the first one's
        results, showing its papers of ``behind``."""
        self.behind = behind
        self.all_action.setVisible(behind is not None)
        self.header.set_search_text("")
        self.refresh()
        if behind:
            self.table.select_row(0)
            self.show_results()

    def export_analysis(self) -> None:
        """Write the item analysis of the current sitting to a workbook."""
        row = self.table.current_row()
        if row is None:
            return
        path = self.ctx.dialogs.save_file(
            self, self.tr("Item analysis"), f"{row.name} 试题分析.xlsx", self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: export_analysis(ctx.store, ctx.user, row.id, path),
            on_done=lambda report: ctx.dialogs.info(
                self,
                self.tr("Item analysis"),
                self.tr("{graded} graded paper(s): mean {mean}, pass rate {rate}. Written to {file}.").format(
                    graded=report.graded,
                    mean=report.mean,
                    rate="" if report.pass_rate is None else f"{report.pass_rate:.0%}",
                    file=path,
                ),
            ),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Analysing"),
            parent_widget=self,
            cancellable=False,
        )

    # -- slots --------------------------------------------------------------------------------

    def on_table_current_row_changed(self, row: SittingOut | None) -> None:
        """Grading, results and analysis need a current sitting."""
        for action in (self.grade_action, self.results_action, self.analysis_action, self.proctor_action):
            action.setEnabled(row is not None)

    def empty_text(self) -> str:
        """No sittings yet (and what to do)."""
        return self.tr("No sittings yet — generate papers from a blueprint.")


class ResultsDialog(QDialog):
    """The candidates of a sitting with their scores, and the sitting's charts."""

    def __init__(
        self,
        sitting: SittingOut,
        rows: tuple[ResultOut, ...],
        report: Analysis,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Results — {name}").format(name=sitting.name))
        headers = [
            self.tr("Paper no."),
            self.tr("Name"),
            self.tr("ID number"),
            self.tr("Agency"),
            self.tr("Score"),
            self.tr("Passed"),
        ]
        table = QTableWidget(len(rows), len(headers), self)
        table.setObjectName("results")
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        yes, no = self.tr("Yes"), self.tr("No")
        for i, r in enumerate(rows):
            values = [
                r.paper_no,
                r.name,
                r.id_number,
                r.agency or "",
                "" if r.score is None else f"{number(r.score)}",
                "" if r.passed is None else (yes if r.passed else no),
            ]
            for j, v in enumerate(values):
                table.setItem(i, j, QTableWidgetItem(str(v)))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        summary = QLabel(self)
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        figure = lambda v: "—" if v is None else f"{v:g}"  # noqa: E731
        summary.setText(
            self.tr(
                "Graded {graded} of {candidates} · mean {mean} · median {median} · standard deviation {sd} · "
                "{reliability} · SEM {sem} · pass rate {rate}"
            ).format(
                graded=report.graded,
                candidates=report.candidates,
                mean=figure(report.mean),
                median=figure(report.median),
                sd=figure(report.sd),
                reliability=(
                    self.tr("α {alpha}").format(alpha=figure(report.alpha))
                    if report.forms <= 1
                    else self.tr("α per paper ({forms} papers, weighted by candidates) {alpha}").format(
                        forms=report.forms, alpha=figure(report.paper_alpha)
                    )
                ),
                sem=figure(report.sem if report.forms <= 1 else report.paper_sem),
                rate="—" if report.pass_rate is None else f"{report.pass_rate:.0%}",
            )
        )
        self.charts = SittingCharts(self)
        self.charts.show_sitting(report.scores, sitting.total_points, sitting.pass_mark, report.agencies)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 3)
        layout.addWidget(self.charts, 2)
        self.resize(1100, 720)
