"""期限与预警: the time limits, lead times and amounts the warnings use — one store-wide setting
(every workstation), changed by roles with ``Permission.EDIT_SETTINGS``, audited by the service."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.dto import SupervisionSettings
from desktop.cases.rules import LIMIT_TITLES, Limits
from desktop.cases.supervision_settings import save_limits, supervision_settings
from desktop.context import AppContext
from desktop.core.errors import UserFacingError, ValidationError
from desktop.core.security import Permission
from desktop.views.common.look import InlineMessage, note_label
from desktop.views.common.page_tools import local_time
from desktop.views.settings.connection import READ_ONLY_STYLE

MAX_DAYS = 3650
MAX_AMOUNT = 1_000_000_000
SPIN_WIDTH = 150


def limit_title(name: str) -> str:
    """A limit's label in the user's language (context ``limits``)."""
    return QCoreApplication.translate("limits", LIMIT_TITLES.get(name, name))


def as_decimal(value: float) -> Decimal:
    """A spin box's amount as the store keeps it: ``200`` rather than ``200.00`` when whole."""
    amount = Decimal(f"{value:.2f}")
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


class LimitsSection(QGroupBox):
    """One spin box per ``Limits`` field, who changed them last, 保存 and 恢复默认值."""

    limits_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Deadlines and warnings"), parent)
        self.setObjectName("limitsSection")
        self.ctx = ctx
        self.can_edit = ctx.user.can(Permission.EDIT_SETTINGS)
        self.saved_limits = Limits()
        self.spins: dict[str, QSpinBox | QDoubleSpinBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                self.tr(
                    "Kept in the store: every workstation uses the same limits. The warning centre and the case "
                    "register count with them from the next time they are read."
                ),
                self,
            )
        )
        layout.addLayout(self._form())
        self.changed_label = note_label("", self)
        self.changed_label.setObjectName("limitsChanged")
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
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for f in fields(Limits):
            spin = self._spin(f.name, f.type in ("Decimal", Decimal))
            label = QLabel(limit_title(f.name), self)
            label.setBuddy(spin)
            form.addRow(label, spin)
        return form

    def _spin(self, name: str, money: bool) -> QSpinBox | QDoubleSpinBox:
        spin: QSpinBox | QDoubleSpinBox
        if money:
            spin = QDoubleSpinBox(self)
            spin.setDecimals(2)
            spin.setRange(0.01, MAX_AMOUNT)
            spin.setGroupSeparatorShown(True)
        else:
            spin = QSpinBox(self)
            spin.setRange(1, MAX_DAYS)
        spin.setObjectName(name)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setFixedWidth(SPIN_WIDTH)
        spin.setKeyboardTracking(True)
        spin.valueChanged.connect(self.on_spin_value_changed)
        self.spins[name] = spin
        return spin

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveLimits")
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.setObjectName("defaultLimits")
        self.defaults_button.setToolTip(self.tr("Fill in the statutory defaults (saved only with Save)"))
        self.defaults_button.clicked.connect(self.on_defaults_button_clicked)
        self.read_only_note = note_label(self.tr("Read only: your role may not change these settings."), self)
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
            lambda: supervision_settings(ctx.store, ctx.user),
            self.on_settings_loaded,
            parent_widget=self,
            key=f"supervision-limits-{id(self)}",
        )

    def on_settings_loaded(self, current: SupervisionSettings) -> None:
        """Show the limits read."""
        self.message.clear_text()
        self._show(current)

    def _show(self, current: SupervisionSettings) -> None:
        self.saved_limits, self.saved_version = current.limits, current.version
        self.set_limits(current.limits)
        if current.updated_by:
            self.changed_label.setText(
                self.tr("Last changed by {who} at {when}.").format(
                    who=current.updated_by, when=local_time(current.updated_at)
                )
            )
        else:
            self.changed_label.setText(self.tr("The statutory defaults; never changed."))
        self._update_save_button()

    def set_limits(self, limits: Limits) -> None:
        """Put ``limits`` into the spin boxes."""
        for name, spin in self.spins.items():
            blocked = spin.blockSignals(True)
            spin.setValue(
                float(getattr(limits, name))
                if isinstance(spin, QDoubleSpinBox)
                else int(getattr(limits, name))
            )
            spin.blockSignals(blocked)

    def limits(self) -> Limits:
        """The limits as the spin boxes show them."""
        values: dict[str, int | Decimal] = {}
        for name, spin in self.spins.items():
            values[name] = as_decimal(spin.value()) if isinstance(spin, QDoubleSpinBox) else int(spin.value())
        return Limits(**values)  # type: ignore[arg-type]

    def is_changed(self) -> bool:
        """Whether the spin boxes differ from the limits in force."""
        return self.limits() != self.saved_limits

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(self.can_edit and self.is_changed())
        self.defaults_button.setEnabled(self.can_edit and self.limits() != Limits())

    # -- slots --------------------------------------------------------------------------------

    def on_spin_value_changed(self, _value: float) -> None:
        """An edit: the last message no longer applies."""
        self.message.clear_text()
        self._update_save_button()

    def on_defaults_button_clicked(self) -> None:
        """恢复默认值: the statutory defaults in the fields, saved only with 保存."""
        self.set_limits(Limits())
        self.message.show_text(self.tr("Defaults filled in; press Save to use them."), "note")
        self._update_save_button()

    def on_save_button_clicked(self) -> None:
        """保存: write the limits for every workstation (audited)."""
        if not (self.can_edit and self.is_changed()):
            return
        limits, version, ctx = self.limits(), self.saved_version, self.ctx
        self.save_button.setEnabled(False)
        ctx.tasks.run(
            lambda _progress, _cancelled: save_limits(ctx.store, ctx.user, version, limits),
            on_done=self.on_save_done,
            on_error=self.on_save_failed,
            label=self.tr("Saving the limits"),
            parent_widget=self,
            cancellable=False,
        )

    def on_save_done(self, current: SupervisionSettings) -> None:
        """Saved: show who and when, and say so."""
        self._show(current)
        self.message.show_ok(self.tr("Saved. Warnings are counted with these limits from now on."))
        self.limits_saved.emit(current.limits)

    def on_save_failed(self, exc: BaseException) -> None:
        """Refused: name the limit, or explain (a bug goes to the crash dialog)."""
        self._update_save_button()
        if isinstance(exc, ValidationError) and exc.field in self.spins:
            self.message.show_problem(
                self.tr("{field}: {problem}").format(field=limit_title(exc.field), problem=exc.localized())
            )
            self.spins[exc.field].setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(exc, UserFacingError):
            self.message.show_problem(exc.localized())
        else:
            self.ctx.dialogs.show_error(self, exc)
