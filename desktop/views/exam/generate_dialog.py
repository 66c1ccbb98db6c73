"""Generating a sitting from the window: the blueprint (checked against the bank when chosen),
the candidate list, the seed and the output folder; the generation runs with progress and Cancel
(a cancelled one leaves nothing)."""

from __future__ import annotations

import secrets

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.exam.blueprints import load_blueprint
from desktop.exam.dto import Blueprint, SittingOut
from desktop.exam.sittings import check_blueprint, generate


class GenerateDialog(QDialog):
    """Blueprint, candidates, seed, folder → 生成."""

    generated = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.blueprint: Blueprint | None = None
        self.setWindowTitle(self.tr("Generate papers"))
        form = QFormLayout()
        self.blueprint_edit = self._path_row(
            form, "blueprint", self.tr("Blueprint"), self.on_choose_blueprint
        )
        self.candidates_edit = self._path_row(
            form, "candidates", self.tr("Candidates"), self.on_choose_candidates
        )
        self.folder_edit = self._path_row(form, "folder", self.tr("Output folder"), self.on_choose_folder)
        self.folder_edit.setPlaceholderText(self.tr("Empty: on-screen sitting only (no PDFs)"))
        self.seed_edit = QLineEdit(str(secrets.randbelow(10**8)), self)
        self.seed_edit.setObjectName("seed")
        form.addRow(self.tr("Seed"), self.seed_edit)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("The blueprint's name"))
        form.addRow(self.tr("Exam name"), self.name_edit)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.generate_button = buttons.addButton(self.tr("Generate"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.generate_button.clicked.connect(self.on_generate_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _path_row(self, form: QFormLayout, name: str, label: str, slot) -> QLineEdit:  # type: ignore[no-untyped-def]
        edit = QLineEdit(self)
        edit.setObjectName(name)
        button = QPushButton(self.tr("Choose…"), self)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        form.addRow(label, row)
        return edit

    # -- slots --------------------------------------------------------------------------------

    def on_choose_blueprint(self) -> None:
        """Pick a blueprint and check it against the bank at once."""
        path = self.ctx.dialogs.open_file(self, self.tr("Blueprint"), self.tr("Blueprints (*.json)"))
        if path:
            self.blueprint_edit.setText(path)
            self.check_blueprint()

    def on_choose_candidates(self) -> None:
        path = self.ctx.dialogs.open_file(self, self.tr("Candidates"), self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.candidates_edit.setText(path)

    def on_choose_folder(self) -> None:
        path = self.ctx.dialogs.choose_folder(self, self.tr("Output folder"))
        if path:
            self.folder_edit.setText(path)

    def check_blueprint(self) -> None:
        """Read the blueprint and check it against the bank (off the GUI thread)."""
        ctx, path = self.ctx, self.blueprint_edit.text()

        def work(_p, _c) -> Blueprint:  # type: ignore[no-untyped-def]
            bp = load_blueprint(path)
            check_blueprint(ctx.store, ctx.user, bp)
            return bp

        ctx.tasks.run(
            work,
            on_done=self.on_blueprint_checked,
            on_error=self.on_blueprint_refused,
            label=self.tr("Checking the blueprint"),
            parent_widget=self,
            cancellable=False,
        )

    def on_blueprint_checked(self, bp: Blueprint) -> None:
        self.blueprint = bp
        self.notice.setStyleSheet("")
        self.notice.setText(
            self.tr(
                "{name}: {questions} questions, {points} points, {minutes} minutes — the bank can fill it."
            ).format(
                name=bp.name, questions=bp.question_count, points=f"{bp.total_points:g}", minutes=bp.minutes
            )
        )

    def on_blueprint_refused(self, exc: BaseException) -> None:
        self.blueprint = None
        self.notice.setStyleSheet("color: #b00020;")
        self.notice.setText(getattr(exc, "localized", lambda: str(exc))())

    def on_generate_button_clicked(self) -> None:
        """Generate in the background with progress and Cancel."""
        missing = [
            label
            for label, edit in (
                (self.tr("Blueprint"), self.blueprint_edit),
                (self.tr("Candidates"), self.candidates_edit),
                (self.tr("Seed"), self.seed_edit),
            )
            if not edit.text().strip()
        ]
        if missing:
            self.notice.setStyleSheet("color: #b00020;")
            self.notice.setText(self.tr("Fill in: {fields}").format(fields="、".join(missing)))
            return
        ctx = self.ctx
        path, seed = self.blueprint_edit.text(), self.seed_edit.text()
        candidates, folder, name = (
            self.candidates_edit.text(),
            self.folder_edit.text(),
            self.name_edit.text() or None,
        )
        self.generate_button.setEnabled(False)
        ctx.tasks.run(
            lambda progress, cancelled: generate(
                ctx.store,
                ctx.user,
                load_blueprint(path),
                seed,
                candidates,
                folder,
                name=name,
                progress=progress,
                cancelled=cancelled,
            ),
            on_done=self.on_generated,
            on_error=self.on_generate_failed,
            label=self.tr("Generating papers"),
            parent_widget=self,
        )

    def on_generated(self, sitting: SittingOut) -> None:
        self.generate_button.setEnabled(True)
        self.generated.emit(sitting)
        self.ctx.dialogs.info(
            self,
            self.tr("Generate papers"),
            self.tr("Sitting {id}: {count} paper(s) written to {folder}.").format(
                id=sitting.id, count=len(sitting.papers), folder=self.folder_edit.text()
            )
            if self.folder_edit.text().strip()
            else self.tr("Sitting {id}: {count} paper(s) stored for the on-screen sitting.").format(
                id=sitting.id, count=len(sitting.papers)
            ),
        )
        self.accept()

    def on_generate_failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.ctx.dialogs.show_error(self, exc)
