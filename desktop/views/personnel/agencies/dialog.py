"""The add/edit dialog of an agency (执法主体): the rules of ``personnel.rules.clean_agency`` as typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.context import AppContext
from desktop.core.identifiers import normalize_id
from desktop.personnel.dto import AGENCY_FIELDS, AGENCY_LEVELS, AgencyInput, AgencyRow
from desktop.personnel.rules import clean_agency
from desktop.personnel.service import create_agency, get_agency, update_agency
from desktop.views.common.forms import FormDialog, combo_data, first_problems, select_data

CREDIT_CODE_LENGTH = 18


class AgencyDialog(FormDialog):
    """名称, 简称, 统一社会信用代码 (checksum checked as typed), 执法领域, 层级 — then 保存."""

    agency_saved = Signal(object)

    def __init__(self, ctx: AppContext, row: AgencyRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Edit agency") if row else self.tr("New agency"), parent)
        self.row = row
        self.name_edit = self._line(
            "name", self.tr("Name"), self.tr("Full legal name, e.g. 某某县市场监督管理局")
        )
        self.short_edit = self._line("short_name", self.tr("Short name"), self.tr("Optional, unique"))
        self.code_edit = self._line(
            "credit_code", self.tr("Unified social credit code"), self.tr("18 characters, optional")
        )
        self.field_combo = self._combo("field", self.tr("Enforcement field"), AGENCY_FIELDS)
        self.level_combo = self._combo("level", self.tr("Level"), AGENCY_LEVELS)
        self.name_edit.textEdited.connect(self.on_name_edit_text_edited)
        self.short_edit.textEdited.connect(self.on_short_edit_text_edited)
        self.code_edit.textEdited.connect(self.on_code_edit_text_edited)
        self.code_edit.editingFinished.connect(self.on_code_edit_editing_finished)
        if row is not None:
            self.show_row(row)

    def _line(self, field: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setPlaceholderText(placeholder)
        self.marks.add_row(field, label, edit)
        return edit

    def _combo(self, field: str, label: str, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(field)
        combo.addItem(self.tr("(not set)"), None)
        for value in values:
            combo.addItem(value, value)
        combo.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.marks.add_row(field, label, combo)
        return combo

    # -- the input ----------------------------------------------------------------------------

    def show_row(self, row: AgencyRow) -> None:
        """Fill the fields from an agency as stored."""
        self.row = row
        self.name_edit.setText(row.name)
        self.short_edit.setText(row.short_name or "")
        self.code_edit.setText(row.credit_code or "")
        select_data(self.field_combo, row.field)
        select_data(self.level_combo, row.level)
        self.revalidate()

    def data(self) -> AgencyInput:
        """What the user has filled in."""
        return AgencyInput(
            self.name_edit.text(),
            self.short_edit.text(),
            self.code_edit.text(),
            combo_data(self.field_combo),
            combo_data(self.level_combo),
        )

    def problems(self) -> dict[str, str]:
        """The broken rules of the input, by field."""
        _data, problems = clean_agency(self.data())
        return first_problems(problems)

    def save_work(self) -> Callable[[], AgencyRow]:
        """Create the agency, or change it based on the version read."""
        ctx, data, row = self.ctx, self.data(), self.row
        if row is None:
            return lambda: create_agency(ctx.store, ctx.user, data)
        return lambda: update_agency(ctx.store, ctx.user, row.id, row.version, data)

    def saved(self, result: AgencyRow) -> None:
        """Tell the page."""
        self.agency_saved.emit(result)

    def reload_work(self) -> Callable[[], AgencyRow] | None:
        """After a conflict: the agency as it is now."""
        if self.row is None:
            return None
        ctx, agency_id = self.ctx, self.row.id
        return lambda: get_agency(ctx.store, ctx.user, agency_id)

    def show_fresh(self, fresh: AgencyRow) -> None:
        """Show the agency read again."""
        self.show_row(fresh)

    # -- slots --------------------------------------------------------------------------------

    def on_name_edit_text_edited(self, _text: str) -> None:
        """Check the name as typed."""
        self.touch("name")

    def on_short_edit_text_edited(self, _text: str) -> None:
        """Check the short name as typed."""
        self.touch("short_name")

    def on_code_edit_text_edited(self, text: str) -> None:
        """Check the code once it is complete (and from then on as typed)."""
        if len(normalize_id(text)) >= CREDIT_CODE_LENGTH:
            self.touch("credit_code")
        else:
            self.revalidate()

    def on_code_edit_editing_finished(self) -> None:
        """Leaving the field checks what is there."""
        if self.code_edit.text().strip():
            self.touch("credit_code")
