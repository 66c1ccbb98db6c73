"""执法资格 › 设置: the certificate number pattern with a live preview of the next number, the
validity, the annual review interval, the warnings' lead times, the training target, the hours an
application needs and the day from which short training warns — one store-wide setting, saved by
those who manage certificates (the service checks, audits and refuses a stale version)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.errors import UserFacingError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Permission
from desktop.personnel.qualification_admin import (
    QualificationSettingsState,
    preview_number,
    qualification_settings,
    save_qualification_settings,
)
from desktop.personnel.qualification_settings import RANGES, QualificationSettings
from desktop.views.common.look import InlineMessage, note_label
from desktop.views.common.page_tools import local_time

PREVIEW_PAUSE_MS = 250
"""The preview is computed once typing pauses this long."""

FIELD_TITLES = {
    "number_template": QT_TRANSLATE_NOOP("QualificationSettings", "Number pattern"),
    "region": QT_TRANSLATE_NOOP("QualificationSettings", "Region code"),
    "validity_years": QT_TRANSLATE_NOOP("QualificationSettings", "Valid for (years)"),
    "review_months": QT_TRANSLATE_NOOP("QualificationSettings", "Annual review every (months)"),
    "expiry_lead_days": QT_TRANSLATE_NOOP("QualificationSettings", "Warn of expiry (days before)"),
    "review_lead_days": QT_TRANSLATE_NOOP("QualificationSettings", "Warn of a review due (days before)"),
    "training_target": QT_TRANSLATE_NOOP("QualificationSettings", "Training target (hours a year)"),
    "training_gate": QT_TRANSLATE_NOOP("QualificationSettings", "Hours needed to apply (this year)"),
    "training_short_from": QT_TRANSLATE_NOOP("QualificationSettings", "Warn of short training from"),
}
"""Each setting's label (context ``QualificationSettings``)."""

SPIN_FIELDS = tuple(RANGES)


def field_title(name: str) -> str:
    """A setting's label in the user's language."""
    return QCoreApplication.translate("QualificationSettings", FIELD_TITLES.get(name, name))


class SettingsTab(QWidget):
    """The qualification settings: a form, the preview, who changed them last, 保存 and 恢复默认值."""

    settings_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qualificationSettings")
        self.ctx = ctx
        self.can_edit = ctx.user.can(Permission.MANAGE_CERTIFICATES)
        self.saved = QualificationSettings()
        self.saved_version = 0
        self.spins: dict[str, QSpinBox] = {}
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_PAUSE_MS)
        self.preview_timer.timeout.connect(self.on_preview_timer_timeout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(
            note_label(
                self.tr(
                    "Kept in the store: every workstation issues numbers and counts warnings with the same "
                    "settings. Numbers already issued never change."
                ),
                self,
            )
        )
        layout.addLayout(self._form())
        self.changed_label = note_label("", self)
        self.changed_label.setObjectName("settingsChanged")
        layout.addWidget(self.changed_label)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        layout.addStretch(1)
        self._set_editable(self.can_edit)
        self.loaded = False

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.template_edit = self._line("number_template", 260)
        self.template_edit.setToolTip(
            self.tr(
                "{region:6} the region code, {year:4} the year of issue, {seq:5} the running number "
                "(zero-padded); any other text is copied."
            )
        )
        self.region_edit = self._line("region", 120)
        self.preview_label = QLabel("", self)
        self.preview_label.setObjectName("numberPreview")
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_label.setStyleSheet("font-weight: bold;")
        form.addRow(field_title("number_template"), self.template_edit)
        form.addRow(field_title("region"), self.region_edit)
        form.addRow(self.tr("Next number"), self.preview_label)
        for name in SPIN_FIELDS:
            spin = QSpinBox(self)
            spin.setObjectName(name)
            spin.setRange(*RANGES[name])
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setFixedWidth(120)
            spin.valueChanged.connect(self.on_value_changed)
            self.spins[name] = spin
            form.addRow(field_title(name), spin)
        self.short_from_edit = QDateEdit(self)
        self.short_from_edit.setObjectName("training_short_from")
        self.short_from_edit.setDisplayFormat("MM-dd")
        self.short_from_edit.setFixedWidth(120)
        self.short_from_edit.setToolTip(
            self.tr("From this day of each year, officers below the training target are warned.")
        )
        self.short_from_edit.dateChanged.connect(self.on_value_changed)
        form.addRow(field_title("training_short_from"), self.short_from_edit)
        return form

    def _line(self, name: str, width: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setFixedWidth(width)
        edit.textEdited.connect(self.on_text_edited)
        return edit

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.setObjectName("defaultSettings")
        self.defaults_button.clicked.connect(self.on_defaults_button_clicked)
        self.read_only_note = note_label(
            self.tr("Read only: your role may not change the qualification settings."), self
        )
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.defaults_button)
        row.addWidget(self.read_only_note, 1)
        row.addStretch(1)
        return row

    def _set_editable(self, editable: bool) -> None:
        for widget in (*self.spins.values(), self.template_edit, self.region_edit, self.short_from_edit):
            widget.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        self.defaults_button.setVisible(editable)
        self.read_only_note.setVisible(not editable)

    # -- values -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802, ANN001  (Qt override)
        """Read the settings the first time the tab is shown."""
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        """Read the settings in force (through the task runner); unsaved edits are dropped."""
        self.loaded = True
        ctx = self.ctx
        ctx.tasks.load(
            lambda: qualification_settings(ctx.store, ctx.user),
            self.on_settings_loaded,
            parent_widget=self,
            key=f"qualification-settings-{id(self)}",
        )

    def on_settings_loaded(self, state: QualificationSettingsState) -> None:
        """Show the settings read."""
        self.message.clear_text()
        self._show(state)

    def _show(self, state: QualificationSettingsState) -> None:
        self.saved, self.saved_version = state.settings, state.version
        self.set_settings(state.settings)
        if state.updated_by:
            self.changed_label.setText(
                self.tr("Last changed by {who} at {when}.").format(
                    who=state.updated_by, when=local_time(state.updated_at)
                )
            )
        else:
            self.changed_label.setText(self.tr("The defaults; never changed."))
        self._changed()

    def set_settings(self, settings: QualificationSettings) -> None:
        """Put ``settings`` into the form."""
        self.template_edit.setText(settings.number_template)
        self.region_edit.setText(settings.region)
        for name, spin in self.spins.items():
            blocked = spin.blockSignals(True)
            spin.setValue(int(getattr(settings, name)))
            spin.blockSignals(blocked)
        month, day = (int(p) for p in settings.training_short_from.split("-"))
        blocked = self.short_from_edit.blockSignals(True)
        self.short_from_edit.setDate(QDate(2025, month, day))
        self.short_from_edit.blockSignals(blocked)

    def settings(self) -> QualificationSettings:
        """The settings as the form shows them."""
        values = {name: int(spin.value()) for name, spin in self.spins.items()}
        return replace(
            QualificationSettings(),
            number_template=self.template_edit.text().strip(),
            region=self.region_edit.text().strip(),
            training_short_from=self.short_from_edit.date().toString("MM-dd"),
            **values,
        )

    def _changed(self) -> None:
        current = self.settings()
        self.save_button.setEnabled(self.can_edit and current != self.saved)
        self.defaults_button.setEnabled(self.can_edit and current != QualificationSettings())
        self.preview_timer.start()

    # -- slots --------------------------------------------------------------------------------

    def on_text_edited(self, _text: str) -> None:
        """The pattern or region typed: preview again once typing pauses."""
        self.message.clear_text()
        self._changed()

    def on_value_changed(self, *_: object) -> None:
        """A number or the day changed."""
        self.message.clear_text()
        self._changed()

    def on_preview_timer_timeout(self) -> None:
        """Compute the next number the pattern gives (in the background; the newest answer wins)."""
        ctx, settings = self.ctx, self.settings()
        ctx.tasks.load(
            lambda: preview_number(ctx.store, ctx.user, settings),
            self.on_preview_loaded,
            on_error=self.on_preview_failed,
            parent_widget=self,
            key=f"qualification-preview-{id(self)}",
        )

    def on_preview_loaded(self, number: str) -> None:
        """Show the next number."""
        self.preview_label.setText(number)
        self.preview_label.setStyleSheet("font-weight: bold;")

    def on_preview_failed(self, exc: BaseException) -> None:
        """A pattern that makes no number: say why in place of the preview."""
        if not isinstance(exc, UserFacingError):
            self.ctx.dialogs.show_error(self, exc)
            return
        self.preview_label.setText(exc.localized())
        self.preview_label.setStyleSheet("color: #D93025;")

    def on_defaults_button_clicked(self) -> None:
        """恢复默认值: the defaults in the form, saved only with 保存."""
        self.set_settings(QualificationSettings())
        self.message.show_text(self.tr("Defaults filled in; press Save to use them."), "note")
        self._changed()

    def on_save_button_clicked(self) -> None:
        """保存: write the settings for every workstation (audited)."""
        settings, version, ctx = self.settings(), self.saved_version, self.ctx
        if not self.can_edit or settings == self.saved:
            return
        self.save_button.setEnabled(False)
        ctx.tasks.run(
            lambda _p, _c: save_qualification_settings(ctx.store, ctx.user, version, settings),
            on_done=self.on_save_done,
            on_error=self.on_save_failed,
            label=self.tr("Saving the qualification settings"),
            parent_widget=self,
            cancellable=False,
        )

    def on_save_done(self, state: QualificationSettingsState) -> None:
        """Saved: say so."""
        self._show(state)
        self.message.show_ok(self.tr("Saved. New numbers and warnings follow these settings."))
        self.settings_saved.emit(state.settings)

    def on_save_failed(self, exc: BaseException) -> None:
        """Refused: name the field, or explain (a conflict offers to read again)."""
        self._changed()
        if isinstance(exc, ValidationError) and exc.field in FIELD_TITLES:
            self.message.show_problem(
                self.tr("{field}: {problem}").format(field=field_title(exc.field), problem=exc.localized())
            )
        elif isinstance(exc, UserFacingError):
            self.message.show_problem(exc.localized())
        else:
            self.ctx.dialogs.show_error(self, exc)
