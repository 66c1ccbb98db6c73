"""The add/edit dialog of an officer (执法人员) and their certificate, checked as typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from desktop.context import AppContext
from desktop.core.identifiers import gender_from_resident_id, normalize_id
from desktop.core.security import Permission
from desktop.personnel.dto import OfficerInput, OfficerRow
from desktop.personnel.rules import clean_officer
from desktop.personnel.service import create_officer, get_officer, update_officer
from desktop.views.common.forms import FormDialog, combo_data, first_problems, select_data, to_qdate
from desktop.views.personnel.officers.titles import (
    CERT_STATUSES,
    GENDERS,
    cert_status_title,
    gender_title,
    status_of_state,
)

ID_LENGTH = 18
DEFAULT_VALID_YEARS = 5


class OfficerDialog(FormDialog):
    """Person on the left, certificate (or "no certificate") on the right — then 保存.

    ``row`` must carry the whole ID number (``get_officer(..., reveal_ids=True)``).
    ``agencies`` are (id, name) pairs the user may choose from.
    """

    officer_saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        agencies: Sequence[tuple[int, str]],
        row: OfficerRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Edit officer") if row else self.tr("New officer"), parent)
        self.row = row
        self._build_person(agencies)
        self._build_certificate()
        self.setMinimumWidth(820)
        if row is not None:
            self.show_row(row)
        self.on_has_cert_check_toggled(self.has_cert_check.isChecked())

    def _line(
        self, field: str, label: str, placeholder: str = "", form: QFormLayout | None = None
    ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t: self.touch(field))
        self.marks.add_row(field, label, edit, form)
        return edit

    def _build_person(self, agencies: Sequence[tuple[int, str]]) -> None:
        self.add_section(self.tr("Officer"))
        self.name_edit = self._line("name", self.tr("Name"))
        self.id_edit = QLineEdit(self)
        self.id_edit.setObjectName("id_number")
        self.id_edit.setPlaceholderText(self.tr("18 characters"))
        self.id_edit.textEdited.connect(self.on_id_edit_text_edited)
        self.id_edit.editingFinished.connect(self.on_id_edit_editing_finished)
        self.marks.add_row("id_number", self.tr("ID number"), self.id_edit)
        self.id_masked = False
        self.gender_combo = QComboBox(self)
        self.gender_combo.addItem(self.tr("(not set)"), None)
        for value in GENDERS:
            self.gender_combo.addItem(gender_title(value), value)
        self.marks.add_row("gender", self.tr("Gender"), self.gender_combo)
        self.agency_combo = QComboBox(self)
        self.agency_combo.setObjectName("agency")
        self.agency_combo.addItem(self.tr("(choose an agency)"), None)
        for agency_id, name in agencies:
            self.agency_combo.addItem(name, agency_id)
        self.agency_combo.activated.connect(lambda _i: self.touch("agency"))
        self.marks.add_row("agency", self.tr("Agency"), self.agency_combo)
        self.position_edit = self._line("position", self.tr("Position"))
        self.category_edit = self._line("category", self.tr("Enforcement category"), self.tr("e.g. 市场监管"))
        self.region_edit = self._line("region", self.tr("Enforcement region"))

    def _build_certificate(self) -> None:
        form = self.add_column()
        self.add_section(self.tr("Enforcement certificate"), form)
        self.has_cert_check = QCheckBox(self.tr("Holds an enforcement certificate"), self)
        self.has_cert_check.toggled.connect(self.on_has_cert_check_toggled)
        form.addRow(self.has_cert_check)
        self.cert_number_edit = self._line("cert_number", self.tr("Certificate number"), form=form)
        today = self.ctx.today()
        self.issued_edit = self._date("cert_issued_on", self.tr("Issued on"), today, form)
        self.expires_edit = self._date(
            "cert_expires_on", self.tr("Valid until"), _years_later(today, DEFAULT_VALID_YEARS), form
        )
        self.status_combo = QComboBox(self)
        for status in CERT_STATUSES:
            self.status_combo.addItem(cert_status_title(status), status)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.marks.add_row("cert_status", self.tr("Status"), self.status_combo, form)

    def _date(self, field: str, label: str, value: date, form: QFormLayout) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(field)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(to_qdate(value))
        edit.dateChanged.connect(lambda _d: self.touch(field))
        self.marks.add_row(field, label, edit, form)
        return edit

    # -- the input ----------------------------------------------------------------------------

    def show_row(self, row: OfficerRow) -> None:
        """Fill the fields from an officer as stored."""
        self.row = row
        for edit, value in (
            (self.name_edit, row.name),
            (self.id_edit, row.id_number),
            (self.position_edit, row.position),
            (self.category_edit, row.category),
            (self.region_edit, row.region),
            (self.cert_number_edit, row.cert_number),
        ):
            edit.setText(value or "")
        select_data(self.gender_combo, row.gender)
        select_data(self.agency_combo, row.agency_id)
        self.has_cert_check.setChecked(row.cert_number is not None)
        for edit, day in ((self.issued_edit, row.cert_issued_on), (self.expires_edit, row.cert_expires_on)):
            if day is not None:
                edit.setDate(to_qdate(day))
        select_data(self.status_combo, status_of_state(row.cert_state))
        self._show_id_masked(not self.ctx.user.can(Permission.VIEW_ID_NUMBERS))
        self.revalidate()

    def _show_id_masked(self, masked: bool) -> None:
        """A role that may not see whole ID numbers sees the stored one masked, read only; saving
        keeps it as stored (the service knows the masked form of the number it holds)."""
        self.id_masked = masked
        self.id_edit.setReadOnly(masked)
        self.id_edit.setStyleSheet("QLineEdit { background: palette(window); }" if masked else "")
        self.id_edit.setToolTip(
            self.tr("Shown masked: your role may not see whole ID numbers. It stays as stored.")
            if masked
            else ""
        )

    def data(self) -> OfficerInput:
        """What the user has filled in; without a certificate its fields are left out."""
        has_cert = self.has_cert_check.isChecked()
        return OfficerInput(
            name=self.name_edit.text(),
            id_number=self.id_edit.text(),
            agency=combo_data(self.agency_combo) or "",
            gender=combo_data(self.gender_combo),
            position=self.position_edit.text(),
            category=self.category_edit.text(),
            region=self.region_edit.text(),
            cert_number=self.cert_number_edit.text() if has_cert else None,
            cert_issued_on=_pydate(self.issued_edit.date()) if has_cert else None,
            cert_expires_on=_pydate(self.expires_edit.date()) if has_cert else None,
            cert_status=combo_data(self.status_combo) if has_cert else "active",
        )

    def problems(self) -> dict[str, str]:
        """The broken rules of the input, by field."""
        _data, problems = clean_officer(self.data())
        if self.id_masked:  # the masked number is not checked here: the stored one is kept
            problems = [p for p in problems if p.field != "id_number"]
        return first_problems(problems)

    def save_work(self) -> Callable[[], OfficerRow]:
        """Create the officer, or change them based on the version read."""
        ctx, data, row = self.ctx, self.data(), self.row
        if row is None:
            return lambda: create_officer(ctx.store, ctx.user, data)
        return lambda: update_officer(ctx.store, ctx.user, row.id, row.version, data)

    def saved(self, result: OfficerRow) -> None:
        """Tell the page."""
        self.officer_saved.emit(result)

    def reload_work(self) -> Callable[[], OfficerRow] | None:
        """After a conflict: the officer as they are now."""
        if self.row is None:
            return None
        ctx, officer_id = self.ctx, self.row.id
        return lambda: get_officer(ctx.store, ctx.user, officer_id, reveal_ids=True)

    def show_fresh(self, fresh: OfficerRow) -> None:
        """Show the officer read again."""
        self.show_row(fresh)

    # -- slots --------------------------------------------------------------------------------

    def on_id_edit_text_edited(self, text: str) -> None:
        """Check the number once complete; fill in the gender it encodes when none is set."""
        number = normalize_id(text)
        if len(number) >= ID_LENGTH:
            gender = gender_from_resident_id(number)
            if gender and combo_data(self.gender_combo) is None:
                select_data(self.gender_combo, gender)
            self.touch("id_number")
        else:
            self.revalidate()

    def on_id_edit_editing_finished(self) -> None:
        """Leaving the field checks what is there."""
        if self.id_edit.text().strip():
            self.touch("id_number")

    def on_has_cert_check_toggled(self, checked: bool) -> None:
        """Without a certificate its fields are off (the officer shows as 无证)."""
        for field in ("cert_number", "cert_issued_on", "cert_expires_on", "cert_status"):
            self.marks.widget(field).setEnabled(checked)
        self.revalidate()


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
