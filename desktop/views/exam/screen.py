"""The on-screen sitting (机考) on a workstation: the candidate signs in with 身份证号 and the
sitting's code; one question per screen with a navigator (answered, flagged, blank) and a
countdown from the paper's first opening (``ctx.clock``); every answer saved as it is given;
submitting asks once and names the blanks; the time running out submits. The screen holds no key
and reaches no other paper: it knows only what ``desktop.exam.onscreen`` hands a candidate."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.exam import rules
from desktop.exam.onscreen import ScreenPaper, Submitted, open_paper, save_answer, submit, time_left
from desktop.views.common.look import scaled_font

ANSWERED, FLAGGED = "#1E8E3E", "#E37400"


class ExamScreen(QWidget):
    """Sign-in, then the paper, then the result."""

    finished = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("On-screen exam"))
        self.paper: ScreenPaper | None = None
        self.credentials = ("", "")
        self.answers: dict[int, str] = {}
        self.flagged: set[int] = set()
        self.current = 1
        self.deadline = ctx.clock.now()
        self.submitting = False
        self.checking = False
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._sign_in())
        self.stack.addWidget(self._paper_panel())
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result")
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_label.setFont(scaled_font(self, 1.6, bold=True))
        self.stack.addWidget(self.result_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

    # -- building -----------------------------------------------------------------------------

    def _sign_in(self) -> QWidget:
        panel = QWidget(self)
        form = QFormLayout()
        self.id_edit = QLineEdit(panel)
        self.id_edit.setObjectName("idNumber")
        self.code_edit = QLineEdit(panel)
        self.code_edit.setObjectName("code")
        form.addRow(self.tr("ID number"), self.id_edit)
        form.addRow(self.tr("Sitting code"), self.code_edit)
        self.sign_in_error = QLabel(panel)
        self.sign_in_error.setStyleSheet("color: #b00020;")
        self.start_button = QPushButton(self.tr("Start"), panel)
        self.start_button.clicked.connect(self.on_start_button_clicked)
        title = QLabel(self.tr("On-screen exam"), panel)
        title.setFont(scaled_font(self, 1.8, bold=True))
        column = QVBoxLayout(panel)
        column.addStretch(1)
        column.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(form)
        column.addWidget(self.sign_in_error)
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return panel

    def _paper_panel(self) -> QWidget:
        panel = QWidget(self)
        self.header = QLabel(panel)
        self.header.setFont(scaled_font(self, 1.2, bold=True))
        self.clock_label = QLabel(panel)
        self.clock_label.setObjectName("countdown")
        self.clock_label.setFont(scaled_font(self, 1.4, bold=True))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.clock_label)
        self.navigator = QListWidget(panel)
        self.navigator.setObjectName("navigator")
        self.navigator.setFixedWidth(140)
        self.navigator.currentRowChanged.connect(self.on_navigator_current_row_changed)
        self.number_label = QLabel(panel)
        self.number_label.setFont(scaled_font(self, 1.1, bold=True))
        self.stem_label = QLabel(panel)
        self.stem_label.setWordWrap(True)
        self.stem_label.setFont(scaled_font(self, 1.2))
        self.options_box = QVBoxLayout()
        self.group = QButtonGroup(panel)
        self.group.buttonToggled.connect(self.on_group_button_toggled)
        self.previous_button = QPushButton(self.tr("Previous"), panel)
        self.next_button = QPushButton(self.tr("Next"), panel)
        self.flag_button = QPushButton(self.tr("Flag"), panel)
        self.flag_button.setCheckable(True)
        self.submit_button = QPushButton(self.tr("Submit"), panel)
        self.previous_button.clicked.connect(lambda: self.show_question(self.current - 1))
        self.next_button.clicked.connect(lambda: self.show_question(self.current + 1))
        self.flag_button.clicked.connect(self.on_flag_button_clicked)
        self.submit_button.clicked.connect(self.on_submit_button_clicked)
        buttons = QHBoxLayout()
        for b in (self.previous_button, self.next_button, self.flag_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        question = QVBoxLayout()
        question.addWidget(self.number_label)
        question.addWidget(self.stem_label)
        question.addLayout(self.options_box)
        question.addStretch(1)
        question.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.navigator)
        body.addLayout(question, 1)
        column = QVBoxLayout(panel)
        column.addLayout(top)
        column.addLayout(body, 1)
        return panel

    # -- sign in ------------------------------------------------------------------------------

    def on_start_button_clicked(self) -> None:
        """Open the paper (or reopen it after a crash) off the GUI thread."""
        credentials = (self.id_edit.text().strip(), self.code_edit.text().strip())
        ctx = self.ctx
        self.start_button.setEnabled(False)
        ctx.tasks.load(
            lambda: open_paper(ctx.store, *credentials),
            lambda paper: self.on_opened(paper, credentials),
            on_error=self.on_sign_in_failed,
            parent_widget=self,
        )

    def on_sign_in_failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.sign_in_error.setText(getattr(exc, "localized", lambda: str(exc))())

    def on_opened(self, paper: ScreenPaper, credentials: tuple[str, str]) -> None:
        """Show the paper where the candidate left it, the clock running."""
        self.paper, self.credentials = paper, credentials
        self.answers = dict(paper.answers)
        self.flagged = set(paper.flagged)
        self.deadline = self.ctx.clock.now() + timedelta(seconds=paper.remaining)
        self.header.setText(
            self.tr("{exam} · {name} · paper {paper}").format(
                exam=paper.exam, name=paper.name, paper=paper.paper_no
            )
        )
        self.navigator.clear()
        for q in paper.questions:
            self.navigator.addItem(QListWidgetItem(str(q.number)))
        self.stack.setCurrentIndex(1)
        self.show_question(1)
        self.tick()
        self.timer.start()

    # -- the paper ----------------------------------------------------------------------------

    def show_question(self, number: int) -> None:
        """One question on the screen with its options and the answer saved for it."""
        if self.paper is None or not 1 <= number <= len(self.paper.questions):
            return
        self.current = number
        q = self.paper.questions[number - 1]
        self.number_label.setText(
            self.tr("Question {number} of {count} · {type} · {points} point(s)").format(
                number=number, count=len(self.paper.questions), type=q.type, points=f"{q.points:g}"
            )
        )
        self.stem_label.setText(q.stem)
        for button in self.group.buttons():
            self.group.removeButton(button)
            self.options_box.removeWidget(button)
            button.hide()
            button.deleteLater()
        labels = (
            [rules.TRUE, rules.FALSE]
            if q.type == rules.JUDGE
            else [f"{rules.LETTERS[i]}. {text}" for i, text in enumerate(q.options)]
        )
        self.group.setExclusive(q.type != rules.MULTI)
        given = self.answers.get(number, "")
        self.group.blockSignals(True)
        for i, label in enumerate(labels):
            button: QAbstractButton = (
                QCheckBox(label, self) if q.type == rules.MULTI else QRadioButton(label, self)
            )
            button.setFont(scaled_font(self, 1.1))
            value = label if q.type == rules.JUDGE else rules.LETTERS[i]
            button.setProperty("answer", value)
            button.setChecked(value == given if q.type == rules.JUDGE else value in given)
            self.group.addButton(button, i)
            self.options_box.addWidget(button)
        self.group.blockSignals(False)
        self.flag_button.setChecked(number in self.flagged)
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < len(self.paper.questions))
        self.navigator.blockSignals(True)
        self.navigator.setCurrentRow(number - 1)
        self.navigator.blockSignals(False)
        self.paint_navigator()

    def paint_navigator(self) -> None:
        """Answered in green, flagged in orange (with a mark), blank as it is."""
        for row in range(self.navigator.count()):
            number = row + 1
            item = self.navigator.item(row)
            item.setText(f"{number} ⚑" if number in self.flagged else str(number))
            colour = FLAGGED if number in self.flagged else ANSWERED if self.answers.get(number) else None
            item.setForeground(QBrush(QColor(colour)) if colour else QBrush())

    def given(self) -> str | None:
        """The answer the buttons show (printed letters or 正确/错误)."""
        chosen = [str(b.property("answer")) for b in self.group.buttons() if b.isChecked()]
        if not chosen:
            return None
        return chosen[0] if chosen[0] in (rules.TRUE, rules.FALSE) else "".join(sorted(chosen))

    def on_group_button_toggled(self, _button: QAbstractButton, _checked: bool) -> None:
        """Save the answer at once."""
        value = self.given()
        if value:
            self.answers[self.current] = value
        else:
            self.answers.pop(self.current, None)
        self.paint_navigator()
        self._save(self.current, value, None)

    def on_flag_button_clicked(self, checked: bool) -> None:
        """Flag (or unflag) the question to come back to; saved too."""
        if checked:
            self.flagged.add(self.current)
        else:
            self.flagged.discard(self.current)
        self.paint_navigator()
        self._save(self.current, self.answers.get(self.current), checked)

    def on_navigator_current_row_changed(self, row: int) -> None:
        self.show_question(row + 1)

    def _save(self, number: int, value: str | None, flagged: bool | None) -> None:
        ctx, (id_number, code) = self.ctx, self.credentials
        ctx.tasks.run(
            lambda _p, _c: save_answer(ctx.store, id_number, code, number, value, flagged=flagged),
            on_done=self.set_remaining,
            on_error=self.on_save_failed,
            parent_widget=self,
            cancellable=False,
            show_progress=False,
        )

    def on_save_failed(self, exc: BaseException) -> None:
        """The time ran out (or the paper is gone): submit what was saved."""
        if not self.submitting:
            self.ctx.dialogs.show_error(self, exc)

    # -- time and submitting --------------------------------------------------------------------

    def set_remaining(self, seconds: int) -> None:
        """The time left as the store counts it (a proctor may have added some)."""
        self.deadline = self.ctx.clock.now() + timedelta(seconds=seconds)

    def remaining(self) -> int:
        """Seconds left by the clock."""
        return max(0, int((self.deadline - self.ctx.clock.now()).total_seconds()))

    def tick(self) -> None:
        """Show the time left; at zero, submit."""
        left = self.remaining()
        self.clock_label.setText(
            self.tr("Time left {time}").format(time=f"{left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}")
        )
        self.clock_label.setStyleSheet("color: #D93025;" if left <= 300 else "")
        if left <= 0 and not self.submitting and not self.checking:
            self.check_time()

    def check_time(self) -> None:
        """The local clock says the time is over: ask the store (time may have been added)."""
        ctx, (id_number, code) = self.ctx, self.credentials
        self.checking = True
        ctx.tasks.load(
            lambda: time_left(ctx.store, id_number, code),
            self.on_time_checked,
            on_error=lambda _exc: self.submit_now(),
            parent_widget=self,
        )

    def on_time_checked(self, seconds: int) -> None:
        self.checking = False
        self.set_remaining(seconds)
        if seconds <= 0:
            self.submit_now()
        else:
            self.tick()

    def blanks(self) -> list[int]:
        """The questions without an answer."""
        return [
            q.number for q in (self.paper.questions if self.paper else ()) if not self.answers.get(q.number)
        ]

    def on_submit_button_clicked(self) -> None:
        """Ask once, naming the blanks, then submit."""
        blanks = self.blanks()
        text = (
            self.tr("Questions {numbers} have no answer. Submit anyway?").format(
                numbers="、".join(map(str, blanks))
            )
            if blanks
            else self.tr("Submit your paper? You cannot change it afterwards.")
        )
        if self.ctx.dialogs.confirm(self, self.tr("Submit"), text, self.tr("Submit")):
            self.submit_now()

    def submit_now(self) -> None:
        """Submit (once), then show the score."""
        if self.submitting or self.paper is None:
            return
        self.submitting = True
        self.timer.stop()
        ctx, (id_number, code) = self.ctx, self.credentials
        ctx.tasks.run(
            lambda _p, _c: submit(ctx.store, id_number, code),
            on_done=self.on_submitted,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            cancellable=False,
        )

    def on_submitted(self, result: Submitted) -> None:
        verdict = self.tr("Passed") if result.passed else self.tr("Not passed")
        self.result_label.setText(
            self.tr("Paper {paper} submitted.\nScore {score} of {points} — {verdict}").format(
                paper=result.paper_no, score=f"{result.score:g}", points=f"{result.points:g}", verdict=verdict
            )
        )
        self.stack.setCurrentIndex(2)
        self.finished.emit(result)
