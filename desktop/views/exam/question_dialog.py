"""The question editor: 题型, 题干, options A–H, 答案, 分类, 难度, 解析, checked as typed by the
bank's rules; saving a question already printed in a paper makes a new version."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.context import AppContext
from desktop.exam import rules
from desktop.exam.bank import add_question, edit_question, get_question
from desktop.exam.dto import QuestionInput, QuestionOut
from desktop.views.common.forms import FormDialog, combo_data, first_problems, select_data


class _TextBox(QPlainTextEdit):
    """A few lines of text whose size hint is its fixed height (the form's label stays level)."""

    def __init__(self, lines: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 12)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, self.height())


class QuestionDialog(FormDialog):
    """Add or edit one bank question."""

    question_saved = Signal(object)

    def __init__(
        self, ctx: AppContext, row: QuestionOut | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Edit question") if row else self.tr("New question"), parent)
        self.row = row
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("type")
        for t in rules.TYPES:
            self.type_combo.addItem(t, t)
        self.marks.add_row("type", self.tr("Type"), self.type_combo)
        self.stem_edit = _TextBox(4, self)
        self.stem_edit.setObjectName("stem")
        self.marks.add_row("stem", self.tr("Stem"), self.stem_edit)
        self.option_edits: list[QLineEdit] = []
        options_form = self.add_column()
        for letter in rules.LETTERS:
            edit = QLineEdit(self)
            edit.setObjectName(f"option{letter}")
            edit.textEdited.connect(lambda _t, f=f"option{letter}": self.touch(f))
            self.marks.add_row(
                f"option{letter}", self.tr("Option {letter}").format(letter=letter), edit, options_form
            )
            self.option_edits.append(edit)
        hint = QLabel(self.tr("单选题: at least 2 options, 多选题: at least 3, in order from A"), self)
        hint.setWordWrap(True)
        self.marks.add_row("options", "", hint, options_form)
        self.answer_edit = QLineEdit(self)
        self.answer_edit.setObjectName("answer")
        self.answer_edit.setPlaceholderText(self.tr("Letters (B, ACD) or 正确/错误"))
        self.marks.add_row("answer", self.tr("Answer"), self.answer_edit)
        self.category_edit = QLineEdit(self)
        self.category_edit.setObjectName("category")
        self.category_edit.setPlaceholderText(self.tr("e.g. 行政处罚法"))
        self.marks.add_row("category", self.tr("Category"), self.category_edit)
        self.difficulty_combo = QComboBox(self)
        self.difficulty_combo.setObjectName("difficulty")
        for d in rules.DIFFICULTIES:
            self.difficulty_combo.addItem(d, d)
        select_data(self.difficulty_combo, rules.DEFAULT_DIFFICULTY)
        self.marks.add_row("difficulty", self.tr("Difficulty"), self.difficulty_combo)
        self.explanation_edit = _TextBox(3, self)
        self.explanation_edit.setObjectName("explanation")
        self.marks.add_row("explanation", self.tr("Explanation"), self.explanation_edit)
        self.type_combo.currentIndexChanged.connect(self.on_type_combo_current_index_changed)
        self.stem_edit.textChanged.connect(lambda: self.touch("stem"))
        self.answer_edit.textEdited.connect(lambda _t: self.touch("answer"))
        self.category_edit.textEdited.connect(lambda _t: self.touch("category"))
        self.setMinimumWidth(860)
        if row is not None:
            self.show_row(row)
        self.on_type_combo_current_index_changed(self.type_combo.currentIndex())

    # -- the input ----------------------------------------------------------------------------

    def show_row(self, row: QuestionOut) -> None:
        """Fill the fields from a question as stored."""
        self.row = row
        select_data(self.type_combo, row.type)
        self.stem_edit.setPlainText(row.stem)
        for i, edit in enumerate(self.option_edits):
            edit.setText(row.options[i] if i < len(row.options) else "")
        self.answer_edit.setText(row.answer)
        self.category_edit.setText(row.category)
        select_data(self.difficulty_combo, row.difficulty)
        self.explanation_edit.setPlainText(row.explanation or "")
        if row.used:
            self.show_notice(
                self.tr(
                    "Printed in {count} paper(s): saving makes a new version; the papers keep theirs."
                ).format(count=row.used)
            )
        self.revalidate()

    def data(self) -> QuestionInput:
        """What the user has filled in (the answer read as the bank stores it)."""
        qtype = combo_data(self.type_combo) or ""
        try:
            answer = rules.answer_value(qtype, self.answer_edit.text()) or ""
        except Exception:
            answer = self.answer_edit.text().strip()
        options = [e.text().strip() for e in self.option_edits] if qtype != rules.JUDGE else []
        while options and not options[-1]:
            options.pop()
        return QuestionInput(
            qtype,
            self.stem_edit.toPlainText().strip(),
            tuple(options),
            answer,
            self.category_edit.text().strip(),
            combo_data(self.difficulty_combo) or rules.DEFAULT_DIFFICULTY,
            self.explanation_edit.toPlainText().strip() or None,
        )

    def problems(self) -> dict[str, str]:
        """The broken rules of the input, by field."""
        d = self.data()
        return first_problems(
            rules.question_problems(d.type, d.stem, list(d.options), d.answer or None, d.category)
        )

    def save_work(self) -> Callable[[], QuestionOut]:
        """Add the question, or change it based on the version read."""
        ctx, data, row = self.ctx, self.data(), self.row
        if row is None:
            return lambda: add_question(ctx.store, ctx.user, data)
        return lambda: edit_question(ctx.store, ctx.user, row.id, row.version, data)

    def saved(self, result: QuestionOut) -> None:
        """Tell the page."""
        self.question_saved.emit(result)

    def reload_work(self) -> Callable[[], QuestionOut] | None:
        """After a conflict: the question as it is now."""
        if self.row is None:
            return None
        ctx, question_id = self.ctx, self.row.id
        return lambda: get_question(ctx.store, ctx.user, question_id)

    def show_fresh(self, fresh: QuestionOut) -> None:
        """Show the question read again."""
        self.show_row(fresh)

    # -- slots --------------------------------------------------------------------------------

    def on_type_combo_current_index_changed(self, _index: int) -> None:
        """A 判断题 has no options."""
        judge = combo_data(self.type_combo) == rules.JUDGE
        for edit in self.option_edits:
            edit.setEnabled(not judge)
        self.revalidate()
