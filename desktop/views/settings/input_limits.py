"""输入限制: how many rows an import reads and how many problems it reports, and the years a date
may carry — one store-wide setting (every workstation), changed by an administrator
(``Permission.ADMINISTER``), audited by the service."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.input_settings import InputSettings, input_settings, save_input_limits
from desktop.context import AppContext
from desktop.core.errors import UserFacingError, ValidationError
from desktop.core.input_limits import BOUNDS, TITLES, InputLimits
from desktop.core.security import Permission
from desktop.views.common.look import InlineMessage, note_label
from desktop.views.common.page_tools import local_time
from desktop.views.settings.connection import READ_ONLY_STYLE

SPIN_WIDTH = 150


def input_limit_title(name: str) -> str:
    """A limit's label in the user's language (context ``limits``)."""
    return QCoreApplication.translate("limits", TITLES.get(name, name))


class InputLimitsSection(QGroupBox):
    """One spin box per ``InputLimits`` field, who changed them last, 保存 and 恢复默认值."""

    limits_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Input limits"), parent)
        self.setObjectName("inputLimitsSection")
        self.ctx = ctx
        self.can_edit = ctx.user.can(Permission.ADMINISTER)
        self.saved_limits, self.saved_version = InputLimits(), 0
        self.spins: dict[str, QSpinBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                self.tr(
                    "Kept in the store for every workstation. An import stops reading after this many rows "
                    "and checking after this many problems; a date outside these years is refused as a "
                    "typing error (imports, forms and --as-of). Other workstations use a change from their "
                    "next import or start."
                ),
                self,
            )
        )
        layout.addLayout(self._form())
        self.changed_label = note_label("", self)
        self.changed_label.setObjectName("inputLimitsChanged")
        layout.addWidget(self.changed_label)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self._set_editable(self.can_edit)
        self.refresh()

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for f in fields(InputLimits):
            spin = QSpinBox(self)
            spin.setObjectName(f.name)
            spin.setRange(*BOUNDS[f.name])
            spin.setGroupSeparatorShown(f.name.startswith("import_"))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setFixedWidth(SPIN_WIDTH)
            spin.valueChanged.connect(self.on_spin_value_changed)
            self.spins[f.name] = spin
            label = QLabel(input_limit_title(f.name), self)
            label.setBuddy(spin)
            form.addRow(label, spin)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveInputLimits")
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.setObjectName("defaultInputLimits")
        self.defaults_button.clicked.connect(self.on_defaults_button_clicked)
        self.read_only_note = note_label(
            self.tr("Read only: only an administrator may change these limits."), self
        )
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.defaults_button)
        row.addWidget(self.read_only_note, 1)
        row.addStretch(1)
        return row

    def _set_editable(self, editable: bool) -> None:
        for spin in self.spins.values():
            spin.setReadOnly(not editable)
            spin.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.UpDownArrows
                if editable
                else QAbstractSpinBox.ButtonSymbols.NoButtons
            )
        self.setStyleSheet("" if editable else READ_ONLY_STYLE)
        self.save_button.setVisible(editable)
        self.defaults_button.setVisible(editable)
        self.read_only_note.setVisible(not editable)

    # -- values -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the limits in force (through the task runner); unsaved edits are dropped."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: input_settings(ctx.store, ctx.user),
            self.on_settings_loaded,
            parent_widget=self,
            key=f"input-limits-{id(self)}",
        )

    def on_settings_loaded(self, current: InputSettings) -> None:
        """Show the limits read."""
        self.message.clear_text()
        self._show(current)

    def _show(self, current: InputSettings) -> None:
        self.saved_limits, self.saved_version = current.limits, current.version
        self.set_limits(current.limits)
        self.changed_label.setText(
            self.tr("Last changed by {who} at {when}.").format(
                who=current.updated_by, when=local_time(current.updated_at)
            )
            if current.updated_by
            else self.tr("The defaults; never changed.")
        )
        self._update_buttons()

    def set_limits(self, limits: InputLimits) -> None:
        """Put ``limits`` into the spin boxes."""
        for name, spin in self.spins.items():
            blocked = spin.blockSignals(True)
            spin.setValue(getattr(limits, name))
            spin.blockSignals(blocked)

    def limits(self) -> InputLimits:
        """The limits as the spin boxes show them."""
        return InputLimits(**{name: spin.value() for name, spin in self.spins.items()})

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.can_edit and self.limits() != self.saved_limits)
        self.defaults_button.setEnabled(self.can_edit and self.limits() != InputLimits())

    # -- slots --------------------------------------------------------------------------------

    def on_spin_value_changed(self, _value: int) -> None:
        """An edit: the last message no longer applies."""
        self.message.clear_text()
        self._update_buttons()

    def on_defaults_button_clicked(self) -> None:
        """恢复默认值: the defaults in the fields, saved only with 保存."""
        self.set_limits(InputLimits())
        self.message.show_text(self.tr("Defaults filled in; press Save to use them."), "note")
        self._update_buttons()

    def on_save_button_clicked(self) -> None:
        """保存: write the limits for every workstation (audited)."""
        if not (self.can_edit and self.limits() != self.saved_limits):
            return
        limits, version, ctx = self.limits(), self.saved_version, self.ctx
        self.save_button.setEnabled(False)
        ctx.tasks.run(
            lambda _progress, _cancelled: save_input_limits(ctx.store, ctx.user, version, limits),
            on_done=self.on_save_done,
            on_error=self.on_save_failed,
            label=self.tr("Saving the input limits"),
            parent_widget=self,
            cancellable=False,
        )

    def on_save_done(self, current: InputSettings) -> None:
        """Saved: show who and when, and say so."""
        self._show(current)
        self.message.show_ok(self.tr("Saved. Imports and dates are checked with these limits from now on."))
        self.limits_saved.emit(current.limits)

    def on_save_failed(self, exc: BaseException) -> None:
        """Refused: name the limit, or explain (a bug goes to the crash dialog)."""
        self._update_buttons()
        if isinstance(exc, ValidationError) and exc.field in self.spins:
            self.message.show_problem(
                self.tr("{field}: {problem}").format(
                    field=input_limit_title(exc.field), problem=exc.localized()
                )
            )
        elif isinstance(exc, UserFacingError):
            self.message.show_problem(exc.localized())
        else:
            self.ctx.dialogs.show_error(self, exc)
