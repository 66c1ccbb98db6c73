"""题库: the question bank — searched, filtered by type, category and difficulty; questions added,
edited (a printed question gets a new version) and retired; imported and exported (FORMATS.md
§3); per question how often it was printed and how candidates did."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.exam import rules
from desktop.exam.bank import list_questions, retire_question
from desktop.exam.bank_exchange import export_questions, import_questions
from desktop.exam.dto import QuestionOut
from desktop.views.common.lazy_table import ColumnSpec, format_count
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import reload_keeping
from desktop.views.common.widgets import RANK_NEW
from desktop.views.common.workbooks import WorkbookFlow, WorkbookTexts
from desktop.views.exam.question_dialog import QuestionDialog


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


class BankPage(ListPage):
    """The bank's table with its toolbar (``Permission.MANAGE_EXAMS``)."""

    kinds = frozenset({"exam_questions", "exam_paper_items"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Question bank"),
            search_placeholder=self.tr("Search stem or category (Ctrl+F)"),
        )
        self.type_filter = self._combo("typeFilter", self.tr("All types"), rules.TYPES)
        self.level_filter = self._combo("difficultyFilter", self.tr("All difficulties"), rules.DIFFICULTIES)
        self.review_filter = QCheckBox(self.tr("To review only"), self)
        self.review_filter.setObjectName("reviewFilter")
        self.review_filter.setToolTip(
            self.tr(
                "Questions nearly everyone or nearly no one answers right, or that the better candidates "
                "do worse on, over all graded papers"
            )
        )
        self.header.add_filter(self.review_filter)
        self.set_up_table("exam_bank", self._columns())
        self.workbooks = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import questions"),
                self.tr("Importing questions"),
                self.tr("Export questions"),
                self.tr("Exporting questions"),
                self.tr("Question bank"),
            ),
            importer=import_questions,
            exporter=export_questions,
        )
        h = self.header
        self.new_action = h.add_new_action(self.new_question, self.tr("New"))
        self.edit_action = h.add_action(self.tr("Edit"), self.edit_current, rank=RANK_NEW + 1)
        self.retire_action = h.add_action(self.tr("Retire"), self.retire_current, rank=RANK_NEW + 2)
        self.import_action = h.add_import_action(self.workbooks.start_import, self.tr("Import"))
        self.export_action = h.add_export_action(
            lambda: self.workbooks.start_export(self.model.all_rows_query()), self.tr("Export")
        )
        self.add_refresh_action(self.tr("Refresh"))
        self.table.add_row_action(self.tr("Edit…"), self.edit_question)
        self.lay_out(self.table)
        self.type_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.level_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.review_filter.toggled.connect(self.on_filter_changed)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.workbooks.imported.connect(lambda _r: self.refresh())
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    def _combo(self, name: str, everything: str, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value, value)
        self.header.add_filter(combo)
        return combo

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("id", self.tr("No."), width=70, align="right"),
            ColumnSpec("type", self.tr("Type"), width=70),
            ColumnSpec("category", self.tr("Category"), width=110),
            ColumnSpec("difficulty", self.tr("Difficulty"), width=60, align="center"),
            ColumnSpec("stem", self.tr("Stem"), width=520),
            ColumnSpec("answer", self.tr("Answer"), width=70, align="center"),
            ColumnSpec("revision", self.tr("Version"), width=60, align="right"),
            ColumnSpec("used", self.tr("Printed"), width=70, align="right", format=format_count),
            ColumnSpec("facility", self.tr("Right"), width=70, align="right", format=_share),
            ColumnSpec("review", self.tr("To review"), width=110, format=self._review_text),
        ]

    def _review_text(self, flags: tuple[str, ...]) -> str:
        words = {
            "negative": self.tr("negative discrimination"),
            "easy": self.tr("too easy"),
            "hard": self.tr("too hard"),
        }
        return "、".join(words[f] for f in flags)

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[QuestionOut]:
        """One page of questions from the service."""
        return list_questions(self.ctx.store, self.ctx.user, query)

    def new_question(self) -> QuestionDialog:
        """Open the editor for a new question."""
        return self._open(None)

    def edit_current(self) -> QuestionDialog | None:
        """Open the editor for the current question."""
        row = self.table.current_row()
        return self.edit_question(row) if row is not None else None

    def edit_question(self, row: QuestionOut) -> QuestionDialog:
        """Open the editor for ``row``."""
        return self._open(row)

    def retire_current(self) -> None:
        """Take the current question out of new papers, after asking once."""
        row = self.table.current_row()
        if row is None or not self.ctx.dialogs.confirm(
            self,
            self.tr("Retire question"),
            self.tr("Retire question {id}? New papers will not use it; papers that hold it keep it.").format(
                id=row.id
            ),
            self.tr("Retire"),
        ):
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: retire_question(ctx.store, ctx.user, row.id),
            on_done=lambda _r: self.refresh(),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc, on_reload=self.refresh),
            label=self.tr("Retiring question {id}").format(id=row.id),
            parent_widget=self,
            cancellable=False,
        )

    # -- slots --------------------------------------------------------------------------------

    def on_filter_changed(self, *_args: object) -> None:
        """Show only the chosen type and difficulty (and the questions to review)."""
        filters = (
            ("type", self.type_filter.currentData()),
            ("difficulty", self.level_filter.currentData()),
            ("review", self.review_filter.isChecked() or None),
        )
        self.model.set_filters(tuple((k, v) for k, v in filters if v))

    def on_table_current_row_changed(self, row: QuestionOut | None) -> None:
        """Edit and retire need a current row."""
        self.edit_action.setEnabled(row is not None)
        self.retire_action.setEnabled(row is not None)

    def on_table_row_activated(self, row: QuestionOut | None) -> None:
        """Double-click or Enter opens the editor."""
        if row is not None:
            self.edit_question(row)

    def on_dialog_question_saved(self, row: QuestionOut) -> None:
        """A saved question (perhaps a new version): show the table again with it current."""
        reload_keeping(self.table, self.model, row.id)

    # -- helpers ------------------------------------------------------------------------------

    def _open(self, row: QuestionOut | None) -> QuestionDialog:
        dialog = QuestionDialog(self.ctx, row, self)
        dialog.question_saved.connect(self.on_dialog_question_saved)
        return self.open_dialog(dialog)

    def empty_text(self) -> str:
        """Nothing matches, or no questions yet (and what to do)."""
        if (
            self.header.search_text()
            or self.type_filter.currentData()
            or self.level_filter.currentData()
            or self.review_filter.isChecked()
        ):
            return self.tr("No question matches the search or filters.")
        return self.tr("No questions yet — import a question bank workbook or add one.")
