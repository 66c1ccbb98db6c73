"""The first run: an empty store gets its administrator (who installs the shipped review
standards) and, if asked, the demo county. Its own module, so that a normal start — the login —
does not import the demo county."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.service import check_user_name, create_first_admin
from desktop.context import AppContext
from desktop.core import paths
from desktop.core.errors import Cancelled, UserFacingError, ValidationError
from desktop.core.security import Actor
from desktop.demo import DemoSummary, load_demo
from desktop.demo.personnel import AGENCIES, DEMO_PASSWORD
from desktop.review.rubrics import install_default_rubrics
from desktop.views.common.forms import field_problem, first_field_problem
from desktop.views.common.look import (
    InlineMessage,
    fit_width,
    note_label,
    password_field,
    store_text,
)
from desktop.views.settings.password import password_problem
from desktop.views.shell.login import banner

MAX_NAME = 64
"""The longest user name the store holds."""


class FirstRunDialog(QDialog):
    """An empty store: create the administrator and, if asked, load the demo county."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.demo_summary: DemoSummary | None = None
        self._touched: set[QWidget] = set()
        self._busy = False
        self.setWindowTitle(self.tr("Set up the store"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(banner(self, store_text(ctx.store)))
        layout.addWidget(
            note_label(
                self.tr(
                    "This store has no accounts yet. Create its administrator, who then creates the other "
                    "users' accounts."
                ),
                self,
            )
        )
        layout.addLayout(self._form())
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        layout.addLayout(self._demo_box())
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        fit_width(self, 500)
        self.user.setFocus()
        self._update_state()

    def _form(self) -> QFormLayout:
        self.user = QLineEdit(self)
        self.user.setMaxLength(MAX_NAME)
        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText(self.tr("e.g. Zhang Ming"))
        self.password = password_field(self)
        self.repeat = password_field(self)
        for field in (self.user, self.full_name, self.password, self.repeat):
            field.textEdited.connect(self.on_field_edited)
        form = QFormLayout()
        form.setHorizontalSpacing(10)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        return form

    def _demo_box(self) -> QVBoxLayout:
        self.demo = QCheckBox(self.tr("Load the demo county"), self)
        self.demo.setChecked(False)
        officers = sum(agency[4] for agency in AGENCIES)
        explain = note_label(
            self.tr(
                "Adds {agencies} example agencies, {officers} officers with certificates and one account "
                "per role (password {password}) so that every area can be tried. Leave it off for a "
                "county's real store."
            ).format(agencies=len(AGENCIES), officers=officers, password=DEMO_PASSWORD),
            self,
        )
        explain.setContentsMargins(22, 0, 0, 0)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.demo)
        box.addWidget(explain)
        return box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(
            self.tr("Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.quit_button.clicked.connect(self.reject)
        return buttons

    # -- validation --------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {
            "name": self.tr("User name"),
            "display_name": self.tr("Full name"),
            "password": self.tr("Password"),
            "repeat": self.tr("Repeat password"),
        }

    def problem_text(self, only_touched: bool = False) -> str:
        """The first problem, naming the field; empty when the administrator can be created."""
        labels = self._labels()
        return first_field_problem(
            [
                (self.user, labels["name"], self._name_problem),
                (self.password, labels["password"], lambda: password_problem(self.password.text())),
                (self.repeat, labels["repeat"], self._repeat_problem),
            ],
            self._touched if only_touched else None,
        )

    def _name_problem(self) -> str:
        try:
            check_user_name(self.user.text())
        except ValidationError as exc:
            return exc.localized()
        return ""

    def _repeat_problem(self) -> str:
        return "" if self.repeat.text() == self.password.text() else self.tr("does not match the password.")

    def _update_state(self) -> None:
        self.create_button.setEnabled(not self.problem_text())
        self.message.show_problem(self.problem_text(only_touched=True))

    # -- slots -------------------------------------------------------------------------------

    def on_field_edited(self, _text: str) -> None:
        """Validate as the user types (only fields already typed in)."""
        sender = self.sender()
        if isinstance(sender, QWidget):
            self._touched.add(sender)
        self._update_state()

    def on_create_button_clicked(self) -> None:
        """Create the administrator in the background."""
        if self.problem_text():
            return
        name, password = self.user.text().strip(), self.password.text()
        full_name = self.full_name.text().strip()
        self._set_busy(True)
        store = self.ctx.store

        def create(_progress: object, _cancelled: object) -> Actor:
            # the first administrator installs the shipped review standards, as `init --admin` does
            actor = create_first_admin(store, name, password, full_name)
            install_default_rubrics(store, actor)
            return actor

        self.ctx.tasks.run(
            create,
            on_done=self.on_create_done,
            on_error=self.on_create_failed,
            label=self.tr("Creating the administrator"),
            parent_widget=self,
            cancellable=False,
        )

    def on_create_done(self, actor: Actor) -> None:
        """Created: load the demo county if asked, else close."""
        self.actor = actor
        if not self.demo.isChecked():
            self.accept()
            return
        self.message.show_text(self.tr("Loading the demo county…"), "note")
        dossiers = paths.user_data_dir() / "dossiers"
        self.ctx.tasks.run(
            lambda progress, cancelled: load_demo(
                self.ctx.store, actor, dossier_dir=dossiers, progress=progress, cancelled=cancelled
            ),
            on_done=self.on_demo_done,
            on_error=self.on_demo_failed,
            label=self.tr("Loading the demo county"),
            parent_widget=self,
        )

    def on_create_failed(self, exc: BaseException) -> None:
        """Say what is wrong under the fields (a bug goes to the crash dialog)."""
        self._set_busy(False)
        if not isinstance(exc, UserFacingError):
            self.ctx.dialogs.show_error(self, exc)
            return
        label = self._labels().get(getattr(exc, "field", ""), "") if isinstance(exc, ValidationError) else ""
        text = exc.localized()
        self.message.show_problem(field_problem(label, text) if label else text)

    def on_demo_done(self, summary: DemoSummary) -> None:
        """The demo county is in the store."""
        self.demo_summary = summary
        self.accept()

    def on_demo_failed(self, exc: BaseException) -> None:
        """The administrator exists anyway: show the error (not a cancel), then go on to the login."""
        if not isinstance(exc, Cancelled):
            self.ctx.dialogs.show_error(self, exc)
        self.accept()

    def reject(self) -> None:
        """Quit (Esc, the close button) — but not while the administrator is being created."""
        if not self._busy:
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.user, self.full_name, self.password, self.repeat, self.demo, self.quit_button):
            widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy and not self.problem_text())
