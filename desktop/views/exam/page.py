"""考试: the area's tabs — 题库 (the question bank) and 试卷蓝图 (the blueprint editor), for those
who keep them, and 考试场次 (sittings, grading, results, analysis)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.reports.drill import exam_papers_behind
from desktop.views.exam.bank_page import BankPage
from desktop.views.exam.blueprint_page import BlueprintPage
from desktop.views.exam.sittings_page import SittingsPage


class ExamPage(QWidget):
    """The 考试 area: the bank and the sittings, each reading its table when first shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setDocumentMode(True)
        self.bank: BankPage | None = None
        self.blueprints: BlueprintPage | None = None
        if ctx.user.can(Permission.MANAGE_EXAMS):
            self.bank = BankPage(ctx, self.tab_widget)
            self.tab_widget.addTab(self.bank, self.tr("Question bank"))
            self.blueprints = BlueprintPage(ctx, self.tab_widget)
            self.tab_widget.addTab(self.blueprints, self.tr("Blueprints"))
        self.sittings = SittingsPage(ctx, self.tab_widget)
        self.tab_widget.addTab(self.sittings, self.tr("Exam sittings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab_widget)

    def set_filters(self, agency_id: int, graded_from: date, graded_to: date) -> None:
        """The results of the sittings whose papers of an agency graded in a period the dashboard's
        pass rate counts (read in the background)."""
        self.tab_widget.setCurrentWidget(self.sittings)
        ctx = self.ctx
        ctx.tasks.load(
            lambda: exam_papers_behind(ctx.store, ctx.user, graded_from, graded_to, agency_id),
            self.sittings.show_behind,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            key=f"exam-behind-{id(self)}",
        )

    def refresh(self) -> None:
        """Read the current tab again (F5 does the same inside a tab)."""
        widget = self.tab_widget.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()
