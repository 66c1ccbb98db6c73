"""新建案件: the dialog that adds a case to the register — 案号, 执法主体, 类别 and 程序, 当事人, 案由,
the agency's officers, the dates, 强制措施 and the dossier.

It checks the rules of ``desktop.cases.checks`` as the user types (required fields, the order of
the dates, officers of the chosen agency) and enables 保存 only when nothing is wrong. What only
the store can tell (a 案号 already taken) comes back from the service and is marked on its field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.cases import terms
from desktop.cases.checks import FIELD_TITLES, REQUIRED, clean_case
from desktop.cases.dto import CaseDetail, CaseInput
from desktop.cases.entry import create_case
from desktop.context import AppContext
from desktop.core.paging import ListQuery
from desktop.core.validation import Problem
from desktop.personnel.dto import OfficerRow
from desktop.personnel.service import list_officers
from desktop.views.cases.dialog_parts import CaseForm, CheckChoices, date_picker, to_pydate
from desktop.views.cases.power_picker import PowerPicker
from desktop.views.common.forms import OptionalDateEdit, combo_data, first_problems, select_data
from desktop.views.common.lazy_table import TONE_COLOURS
from desktop.views.personnel.officers.titles import cert_state_title, state_tone

OFFICER_ROWS = 6


class NewCaseDialog(CaseForm):
    """案号, 执法主体, 类别 and 程序, 当事人, 案由 on the left; the agency's officers, the dates,
    强制措施 and the dossier on the right — then 保存.

    ``agencies`` are (id, name) pairs the user may choose from (a scoped user: their own).
    """

    case_saved = Signal(object)
    DATE_FIELDS = ("discovered_on", "filed_on", "measure_on")

    def __init__(
        self,
        ctx: AppContext,
        agencies: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
        *,
        agency_id: int | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("New case"), parent)
        self.officers: list[OfficerRow] = []
        self._build_case(agencies)
        self._build_officers_and_dates()
        self.setMinimumWidth(900)
        if agency_id is None and len(agencies) == 1:
            agency_id = agencies[0][0]
        if agency_id is not None:
            select_data(self.agency_combo, agency_id)
        self.load_officers()
        self.load_powers()
        self.filed_edit.dateChanged.connect(lambda _d: self.load_powers())
        self.on_category_combo_current_index_changed(self.category_combo.currentIndex())

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """This form's words, also when the edit form (a subclass) asks for them."""
        return QCoreApplication.translate("NewCaseDialog", text, disambiguation, n)

    # -- building ---------------------------------------------------------------------------

    def _line(
        self, field: str, label: str, placeholder: str = "", form: QFormLayout | None = None
    ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t: self.touch(field))
        self.add_field(field, label, edit, form)
        return edit

    def _combo(self, field: str, label: str, items: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        for text, data in items:
            combo.addItem(text, data)
        combo.activated.connect(lambda _i: self.touch(field))
        self.add_field(field, label, combo)
        return combo

    def _build_case(self, agencies: Sequence[tuple[int, str]]) -> None:
        self.add_section(self.tr("Case"))
        self.case_no_edit = self._line(
            "case_no", self.tr("Case number"), self.tr("e.g. 示范市监罚〔2026〕12号")
        )
        self.agency_combo = self._combo(
            "agency",
            self.tr("Agency"),
            [(self.tr("(choose an agency)"), None), *[(n, i) for i, n in agencies]],
        )
        self.agency_combo.currentIndexChanged.connect(self.on_agency_combo_current_index_changed)
        self.category_combo = self._combo(
            "category",
            self.tr("Category"),
            [(self.tr("(choose a category)"), None), *[(terms.term_title(c), c) for c in terms.CATEGORIES]],
        )
        self.category_combo.currentIndexChanged.connect(self.on_category_combo_current_index_changed)
        self.procedure_combo = self._combo(
            "procedure",
            self.tr("Procedure"),
            [(self.tr("(choose a procedure)"), None), *[(terms.term_title(p), p) for p in terms.PROCEDURES]],
        )
        self.procedure_combo.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.source_combo = self._combo(
            "source", self.tr("Source"), [(self.tr("(not set)"), None), *[(s, s) for s in terms.SOURCES]]
        )
        self.cause_edit = self._line("cause", self.tr("Cause"), self.tr("e.g. 销售过期食品"))
        self.party_edit = self._line("party", self.tr("Party"), self.tr("Person or organisation"))
        self.party_type_combo = self._combo(
            "party_type",
            self.tr("Party type"),
            [(self.tr("(not set)"), None), *[(t, t) for t in terms.PARTY_TYPES]],
        )
        self.party_type_combo.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.party_id_edit = self._line(
            "party_id_number", self.tr("ID or credit code"), self.tr("18 characters, optional")
        )
        self.major_check = QCheckBox(
            self.tr("Major enforcement decision (legal review before deciding)"), self
        )
        self.major_check.toggled.connect(lambda _on: self.touch("major"))
        self.add_field("major", self.tr("Major"), self.major_check)
        self.power_picker = PowerPicker(self.ctx, self, with_band=False)
        self.power_picker.changed.connect(lambda: self.touch("power_code"))
        self.add_field("power_code", self.tr("Power"), self.power_picker, tall=True)

    def _build_officers_and_dates(self) -> None:
        form = self.right_form = self.add_column()
        self.add_section(self.tr("Officers and dates"), form)
        self.officer_list = QListWidget(self)
        self.officer_list.setObjectName("officers")
        self.officer_list.setFixedHeight((self.fontMetrics().height() + 6) * OFFICER_ROWS + 4)
        self.officer_list.itemChanged.connect(lambda _item: self.touch("officers"))
        self.add_field("officers", self.tr("Officers"), self.officer_list, form, tall=True)
        self.discovered_edit = OptionalDateEdit(self.tr("Not recorded"), self)
        self.add_field("discovered_on", self.tr("Discovered on"), self.discovered_edit, form)
        self.filed_edit = date_picker(self, self.ctx.today())
        self.add_field("filed_on", self.tr("Filed on"), self.filed_edit, form)
        self.measures = CheckChoices(terms.MEASURES, 3, self)
        self.measures.changed.connect(lambda: self.touch_all(("measures", "measure_on")))
        self.add_field("measures", self.tr("Coercive measures"), self.measures, form, tall=True)
        self.measure_edit = OptionalDateEdit(self.tr("Not recorded"), self)
        self.add_field("measure_on", self.tr("Measure taken on"), self.measure_edit, form)
        for edit in (self.discovered_edit, self.filed_edit, self.measure_edit):
            edit.dateChanged.connect(lambda _d: self.touch_all(self.DATE_FIELDS))
        self.dossier_edit = QLineEdit(self)
        self.dossier_edit.setPlaceholderText(self.tr("Dossier PDF, optional"))
        self.dossier_edit.textEdited.connect(lambda _t: self.touch("dossier"))
        self.add_field("dossier", self.tr("Dossier"), self._dossier_row(), form)

    def _dossier_row(self) -> QWidget:
        row = QWidget(self)
        row.setObjectName("dossier_row")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.dossier_edit, 1)
        self.browse_button = QPushButton(self.tr("Browse…"), row)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        line.addWidget(self.browse_button)
        return row

    # -- officers of the agency -------------------------------------------------------------

    def load_officers(self) -> None:
        """Read the chosen agency's officers (off the GUI thread; 保存 waits for them)."""
        agency_id = combo_data(self.agency_combo)
        self.officers = []
        if agency_id is None:
            self.show_officers(agency_id, [])
            return
        self.save_button.setEnabled(False)
        self._officer_note(self.tr("Loading the agency's officers…"))
        ctx, query = self.ctx, ListQuery(filters=(("agency_id", agency_id),), sort="name", limit=None)
        self.ctx.tasks.load(
            lambda: list(list_officers(ctx.store, ctx.user, query).items),
            partial(self.show_officers, agency_id),
            on_error=self.on_officers_failed,
            parent_widget=self,
            key=f"new-case-officers-{id(self)}",
        )

    def on_officers_failed(self, exc: BaseException) -> None:
        """The officers could not be read: say why (保存 stays off: no officer can be ticked)."""
        self._officer_note(self.tr("The agency's officers could not be read."))
        self.ctx.dialogs.show_error(self, exc, on_retry=self.load_officers)

    def _officer_note(self, text: str) -> None:
        blocked = self.officer_list.blockSignals(True)
        self.officer_list.clear()
        note = QListWidgetItem(text)
        note.setFlags(Qt.ItemFlag.NoItemFlags)
        self.officer_list.addItem(note)
        self.officer_list.blockSignals(blocked)

    def show_officers(self, agency_id: int | None, officers: list[OfficerRow]) -> None:
        """List the agency's officers to pick from (none chosen: say so); 保存 works again."""
        self.officers = officers
        self.save_button.setEnabled(True)
        blocked = self.officer_list.blockSignals(True)
        self.officer_list.clear()
        for officer in self.officers:
            self.officer_list.addItem(self._officer_item(officer))
        if not self.officers:
            note = QListWidgetItem(
                self.tr("Choose the agency first.")
                if agency_id is None
                else self.tr("This agency has no officers yet.")
            )
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.officer_list.addItem(note)
        self.officer_list.blockSignals(blocked)
        self.officers_shown(agency_id)
        self.revalidate()

    def officers_shown(self, agency_id: int | None) -> None:
        """The agency's officers are listed (the edit dialog ticks the case's own here)."""

    def _officer_item(self, officer: OfficerRow) -> QListWidgetItem:
        parts = (
            (officer.name, officer.cert_number, cert_state_title(officer.cert_state))
            if officer.cert_number
            else (officer.name, self.tr("no certificate"))
        )
        text = "  ·  ".join(parts)
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, officer.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        tone = state_tone(officer.cert_state) or "red"
        if tone != "green":
            item.setForeground(QColor(TONE_COLOURS[tone]))
            item.setToolTip(
                self.tr("Without a valid certificate on the filing date the case is warned about.")
            )
        return item

    def check_officers(self, officer_ids: Sequence[int]) -> None:
        """Tick the officers with these ids (and no other)."""
        for n in range(self.officer_list.count()):
            item = self.officer_list.item(n)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                wanted = item.data(Qt.ItemDataRole.UserRole) in officer_ids
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def chosen_officers(self) -> tuple[int, ...]:
        """The ids of the ticked officers, in list order."""
        items = (self.officer_list.item(n) for n in range(self.officer_list.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    # -- the input --------------------------------------------------------------------------

    def data(self) -> CaseInput:
        """What the user has filled in."""
        category = combo_data(self.category_combo) or ""
        return CaseInput(
            case_no=self.case_no_edit.text(),
            agency=combo_data(self.agency_combo) or "",
            category=category,
            cause=self.cause_edit.text(),
            party=self.party_edit.text(),
            filed_on=to_pydate(self.filed_edit.date()),
            officers=self.chosen_officers(),
            procedure=combo_data(self.procedure_combo) if category == terms.PENALTY else None,
            source=combo_data(self.source_combo),
            party_type=combo_data(self.party_type_combo),
            party_id_number=self.party_id_edit.text() or None,
            discovered_on=self.discovered_edit.value(),
            measures=self.measures.chosen(),
            measure_on=self.measure_edit.value(),
            major=self.major_check.isChecked(),
            dossier=self.dossier_edit.text() or None,
            power_code=self.power_picker.power_code(),
        )

    def problems(self) -> dict[str, str]:
        """The broken rules of the input, by field."""
        _data, problems = clean_case(self.data())
        if combo_data(self.agency_combo) is None:
            problems.insert(0, Problem("agency", REQUIRED, (("field", FIELD_TITLES["agency"]),)))
        return first_problems(problems)

    def save_work(self) -> Callable[[], CaseDetail]:
        """Add the case."""
        ctx, data = self.ctx, self.data()
        return lambda: create_case(ctx.store, ctx.user, data)

    def saved(self, result: CaseDetail) -> None:
        """Tell the page."""
        self.case_saved.emit(result)

    # -- slots ------------------------------------------------------------------------------

    def on_agency_combo_current_index_changed(self, _index: int) -> None:
        """Another agency: its officers and powers to pick from (the ticks are cleared)."""
        self.load_officers()
        self.load_powers()

    def load_powers(self) -> None:
        """The chosen agency's powers in force on the filing date."""
        self.power_picker.load(
            combo_data(self.agency_combo),
            to_pydate(self.filed_edit.date()),
            current=self.power_picker.power_code(),
        )

    def on_category_combo_current_index_changed(self, _index: int) -> None:
        """The procedure applies to a 行政处罚 only."""
        penalty = combo_data(self.category_combo) == terms.PENALTY
        self.procedure_combo.setEnabled(penalty)
        if not penalty:
            self.procedure_combo.setCurrentIndex(0)
        self.revalidate()

    def on_browse_button_clicked(self) -> None:
        """Pick the dossier PDF."""
        path = self.ctx.dialogs.open_file(self, self.tr("Choose the dossier"), self.tr("PDF files (*.pdf)"))
        if path:
            self.dossier_edit.setText(path)
            self.touch("dossier")
