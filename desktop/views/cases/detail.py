"""The detail panel beside the case register: the case, its stages as a timeline with each due
date in its colour and word, its officers with their certificates on the 立案 date, its documents
and its warnings — and a banner when a deadline falls in a year whose holidays are not loaded."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.cases import terms
from desktop.cases.dto import CaseDetail, CaseOfficerRow, CaseRow, DocumentRow, SuspensionRow, WarningRow
from desktop.views.cases.correction_dialog import withdrawal_refusal
from desktop.views.cases.panel_parts import GREY, bold, clear_layout, tone_colour, tone_style
from desktop.views.cases.power_picker import case_power_text
from desktop.views.cases.time_limits import extension_kinds, suspension_applies, time_limited_measures
from desktop.views.cases.timeline import TimelineView
from desktop.views.cases.titles import category_text, cert_text, cert_tone, document_kind, joined, level_title
from desktop.views.common.detail_panel import DetailPanel
from desktop.views.common.lazy_table import format_money, format_value
from desktop.views.common.page_tools import local_time
from desktop.views.common.value_titles import value_title

BANNER_STYLE = (
    "QLabel#calendarBanner { background: #FEF7E0; border: 1px solid #F2A900; "
    "border-radius: 3px; padding: 6px 8px; color: #5C4300; }"
)
MAJOR_STYLE = (
    "QLabel#majorTag { color: #D93025; border: 1px solid #D93025; border-radius: 3px; "
    "padding: 0 4px; font-weight: bold; }"
)


class CaseDetailPanel(DetailPanel):
    """The case beside the register: header, facts, timeline, officers, documents, warnings."""

    record_requested = Signal(object)
    suspend_requested = Signal(object)
    end_suspension_requested = Signal(object, int)
    """The case and the id of the running period to end."""
    extend_requested = Signal(object)
    open_requested = Signal(object)
    edit_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, can_edit: bool = False) -> None:
        super().__init__(parent, min_width=340)
        self.case: CaseDetail | None = None
        self.can_edit = can_edit
        self.values: dict[str, QLabel] = {}
        self.open_buttons: list[QPushButton] = []
        self.warning_labels: list[QLabel] = []
        self.officer_labels: dict[str, QLabel] = {}
        self.period_labels: list[QLabel] = []
        self.end_buttons: dict[int, QToolButton] = {}
        self.set_placeholder_text(
            self.tr("Select a case to see its stages, officers, documents and warnings.")
        )
        self.setStyleSheet(BANNER_STYLE + MAJOR_STYLE)
        self.body = self._body()
        self.set_body(self.body, scroll=True)

    # -- building ---------------------------------------------------------------------------

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 4, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(self._header(body))
        self.agency_label = QLabel(body)
        self.agency_label.setWordWrap(True)
        layout.addWidget(self.agency_label)
        self.banner = QLabel(body)
        self.banner.setObjectName("calendarBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addSpacing(4)
        layout.addWidget(self.banner)
        self.form = self._facts(body)
        layout.addLayout(self.form)
        layout.addLayout(self._timeline_section(body))
        self.officers_box = self._section(layout, body, self.tr("Officers"))
        self.documents_box = self._section(layout, body, self.tr("Documents"))
        self.footage_box = self._section(layout, body, self.tr("Body-camera footage"))
        self.warnings_box = self._section(layout, body, self.tr("Warnings"))
        layout.addSpacing(8)
        self.changed_label = QLabel(body)
        self.changed_label.setWordWrap(True)
        self.changed_label.setEnabled(False)
        layout.addWidget(self.changed_label)
        layout.addStretch(1)
        return body

    def _header(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.case_no_label = bold(QLabel(parent), 1.25)
        self.case_no_label.setWordWrap(True)
        self.case_no_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.major_tag = QLabel(self.tr("Major decision"), parent)
        self.major_tag.setObjectName("majorTag")
        self.major_tag.setToolTip(
            self.tr("A major enforcement decision: it needs a legal review before the decision")
        )
        self.major_tag.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.edit_button = QPushButton(self.tr("Edit case…"), parent)
        self.edit_button.setObjectName("editCaseButton")
        self.edit_button.setEnabled(self.can_edit)
        self.edit_button.setToolTip(
            self.tr("Correct the case's own fields, with a reason (F2)")
            if self.can_edit
            else self.locked_text()
        )
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        row.addWidget(self.case_no_label, 1)
        row.addWidget(self.major_tag, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def locked_text(self) -> str:
        """Why this user may not correct the register."""
        return self.tr("Only a supervisor or a clerk of the case's agency may correct the register.")

    def _facts(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for key, label in (
            ("party", self.tr("Party")),
            ("cause", self.tr("Cause")),
            ("category", self.tr("Category")),
            ("source", self.tr("Source")),
            ("stage", self.tr("Stage")),
            ("measures", self.tr("Coercive measures")),
            ("penalty_kinds", self.tr("Penalty kinds")),
            ("amount", self.tr("Amount (yuan)")),
            ("legal_basis", self.tr("Legal basis")),
            ("power", self.tr("Power")),
            ("target", self.tr("Inspected target")),
        ):
            value = QLabel(parent)
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        return form

    def _title_label(self, parent: QWidget, text: str) -> QLabel:
        label = bold(QLabel(text, parent))
        label.setContentsMargins(0, 10, 0, 2)
        return label

    def _timeline_section(self, parent: QWidget) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self._title_label(parent, self.tr("Stages and deadlines")))
        row.addStretch(1)
        self.record_button = QPushButton(self.tr("Record stage…"), parent)
        self.record_button.setObjectName("recordStageButton")
        self.record_button.clicked.connect(self.on_record_button_clicked)
        self.record_button.setVisible(self.can_edit)
        row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(row)
        self.timeline = TimelineView(parent)  # its 更正 / 撤回 go to the page with ``case``
        column.addWidget(self.timeline)
        column.addSpacing(4)
        self.periods_grid = QGridLayout()
        self.periods_grid.setContentsMargins(0, 0, 0, 0)
        self.periods_grid.setHorizontalSpacing(10)
        self.periods_grid.setVerticalSpacing(2)
        self.periods_grid.setColumnStretch(1, 1)
        column.addLayout(self.periods_grid)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addStretch(1)
        self.suspend_button = QPushButton(self.tr("Suspend the time limit…"), parent)
        self.suspend_button.setObjectName("suspendButton")
        self.suspend_button.setToolTip(
            self.tr("Record a 检测, 鉴定, 听证 or 公告 period that does not count towards the deadlines")
        )
        self.suspend_button.clicked.connect(self.on_suspend_button_clicked)
        self.extend_button = QPushButton(self.tr("Extend the time limit…"), parent)
        self.extend_button.setObjectName("extendButton")
        self.extend_button.setToolTip(
            self.tr("Record an approved extension of the decision or seizure time limit")
        )
        self.extend_button.clicked.connect(self.on_extend_button_clicked)
        for button in (self.suspend_button, self.extend_button):
            button.hide()
            actions.addWidget(button)
        column.addLayout(actions)
        return column

    def _section(self, layout: QVBoxLayout, parent: QWidget, title: str) -> QVBoxLayout:
        layout.addWidget(self._title_label(parent, title))
        box = QVBoxLayout()
        box.setSpacing(6)
        layout.addLayout(box)
        return box

    # -- showing a case ---------------------------------------------------------------------

    def show_row(self, row: CaseRow | None) -> None:
        """Show what the register row says while the whole case is read (None: say what to do)."""
        self.show_body(row is not None)
        if row is None:
            self.case = None
            return
        if self.case is not None and self.case.id == row.id:
            return
        self.case_no_label.setText(row.case_no)
        self.agency_label.setText(row.agency_name)
        self.major_tag.setVisible(row.major)
        self.values["party"].setText(row.party)
        self.values["cause"].setText(row.cause)
        self.body.setEnabled(False)

    def show_case(self, case: CaseDetail | None) -> None:
        """Show the whole case (None: say what to do)."""
        self.case = case
        self.show_body(case is not None)
        if case is None:
            return
        self.body.setEnabled(True)
        self.case_no_label.setText(case.case_no)
        self.agency_label.setText(case.agency_name)
        self.major_tag.setVisible(case.major)
        self._show_banner(case.calendar_notes)
        self._show_facts(case)
        self.timeline.show_events(
            case.timeline,
            case.as_of,
            locked="" if self.can_edit else self.locked_text(),
            refusals={e.stage: withdrawal_refusal(case, e.stage) for e in case.timeline if e.on is not None},
        )
        self._show_periods(case)
        self._show_officers(case.officers, case.dates.get("filed_on"))
        self._show_documents(case.documents)
        self._show_warnings(case.warnings)
        self.record_button.setVisible(self.can_edit)
        self.suspend_button.setVisible(self.can_edit and suspension_applies(case))
        self.extend_button.setVisible(self.can_edit and bool(extension_kinds(case)))
        self.changed_label.setText(
            self.tr("Last changed by {who} at {when}").format(
                who=case.updated_by_name or case.updated_by, when=local_time(case.updated_at)
            )
        )

    def _show_banner(self, years: tuple[int, ...]) -> None:
        if years:
            self.banner.setText(
                "⚠ "
                + self.tr(
                    "The {years} holiday schedule is not loaded — deadlines in that year count weekends only."
                ).format(years=joined(str(y) for y in years))
            )
        self.banner.setVisible(bool(years))

    def _show_facts(self, case: CaseDetail) -> None:
        party = case.party + (f" ({value_title(case.party_type)})" if case.party_type else "")
        texts = {
            "party": party,
            "cause": case.cause,
            "category": category_text(case.category, case.procedure),
            "source": value_title(case.source),
            "stage": terms.stage_title(case.stage),
            "measures": joined(map(value_title, case.measures))
            + (" · " + self.tr("extended") if case.measure_extended else ""),
            "penalty_kinds": joined(map(value_title, case.penalty_kinds)),
            "amount": format_money(case.amount),
            "legal_basis": case.legal_basis,
            "power": case_power_text(case.power),
            "target": case.target_code,
        }
        for key, text in texts.items():
            self.values[key].setText(text or "—")
        self.form.setRowVisible(self.values["measures"], bool(case.measures))
        decided = case.dates.get("decided_on") is not None or case.category == terms.PENALTY
        for key in ("penalty_kinds", "amount", "legal_basis"):
            self.form.setRowVisible(self.values[key], decided or bool(texts[key]))
        for key in ("power", "target"):
            self.form.setRowVisible(self.values[key], bool(texts[key]))
        self.values["power"].setToolTip(case.power.legal_basis or "" if case.power else "")

    def _show_periods(self, case: CaseDetail) -> None:
        """The periods not counted (a running one with 结束… for editors) and the extensions approved."""
        clear_layout(self.periods_grid)
        self.period_labels, self.end_buttons = [], {}
        rows: list[tuple[str, str, SuspensionRow | None]] = []
        for s in case.suspensions:
            if s.end_on is None:
                text = self.tr("{kind}: from {start}, still running").format(
                    kind=s.kind, start=format_value(s.start_on)
                )
            else:
                text = self.tr("{kind}: {start} to {end}").format(
                    kind=s.kind, start=format_value(s.start_on), end=format_value(s.end_on)
                )
            if s.note:
                text = self.tr("{period} ({note})").format(period=text, note=s.note)
            rows.append((self.tr("Time not counted"), text, s))
        extended = []
        if case.decision_extension_days:
            extended.append(self.tr("decision limit +{days} days").format(days=case.decision_extension_days))
        if case.measure_extended:
            extended.append(
                self.tr("{measures} limit extended").format(
                    measures=joined(time_limited_measures(case)) or joined(case.measures)
                )
            )
        if extended:
            rows.append((self.tr("Extension approved"), "; ".join(extended), None))
        previous = ""
        for n, (caption, text, period) in enumerate(rows):
            title = QLabel(caption if caption != previous else "", self.body)
            title.setStyleSheet(f"color: {GREY};")
            previous = caption
            label = QLabel(text, self.body)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            running = period is not None and period.end_on is None
            if not running:
                label.setStyleSheet(f"color: {GREY};")
            self.periods_grid.addWidget(title, n, 0, Qt.AlignmentFlag.AlignTop)
            self.periods_grid.addWidget(label, n, 1)
            self.period_labels.append(label)
            if running and self.can_edit and period is not None:
                button = QToolButton(self.body)
                button.setText(self.tr("End…"))
                button.setObjectName("endSuspensionButton")
                button.setToolTip(
                    self.tr("Record the last day of the {kind} period").format(kind=period.kind)
                )
                button.clicked.connect(lambda _checked=False, p=period.id: self.on_end_button_clicked(p))
                self.periods_grid.addWidget(button, n, 2, Qt.AlignmentFlag.AlignTop)
                self.end_buttons[period.id] = button

    def _show_officers(self, officers: tuple[CaseOfficerRow, ...], filed_on: date | None) -> None:
        clear_layout(self.officers_box)
        self.officer_labels.clear()
        if not officers:
            self.officers_box.addWidget(self._note(self.tr("No officer is recorded on this case.")))
            return
        if filed_on is not None:
            self.officers_box.addWidget(
                self._note(
                    self.tr("Certificates on the filing date {date}").format(date=format_value(filed_on))
                )
            )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(2, 1)
        for row, officer in enumerate(officers):
            state = QLabel(cert_text(officer.cert_state), self.body)
            state.setStyleSheet(tone_style(cert_tone(officer.cert_state), bold=True))
            number = QLabel(officer.cert_number or "—", self.body)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(officer.name, self.body), row, 0)
            grid.addWidget(number, row, 1)
            grid.addWidget(state, row, 2)
            self.officer_labels[officer.name] = state
        self.officers_box.addLayout(grid)

    def _show_documents(self, documents: tuple[DocumentRow, ...]) -> None:
        clear_layout(self.documents_box)
        self.open_buttons = []
        if not documents:
            self.documents_box.addWidget(self._note(self.tr("No documents are attached to this case.")))
            return
        for doc in documents:
            row = QHBoxLayout()
            pages = self.tr("{pages} pages").format(pages=doc.pages) if doc.pages else ""
            text = " · ".join(t for t in (document_kind(doc.kind), doc.title, pages) if t)
            label = QLabel(text, self.body)
            label.setWordWrap(True)
            label.setToolTip(doc.path)
            button = QPushButton(self.tr("Open"), self.body)
            button.setEnabled(doc.exists)
            button.setToolTip(
                doc.path if doc.exists else self.tr("The file is not there: {path}").format(path=doc.path)
            )
            button.clicked.connect(lambda _checked=False, d=doc: self.open_requested.emit(d))
            row.addWidget(label, 1)
            if not doc.exists:
                missing = QLabel(self.tr("File missing"), self.body)
                missing.setStyleSheet(tone_style("red", bold=True))
                row.addWidget(missing)
            row.addWidget(button)
            self.documents_box.addLayout(row)
            self.open_buttons.append(button)

    def _show_warnings(self, warnings: tuple[WarningRow, ...]) -> None:
        clear_layout(self.warnings_box)
        self.warning_labels = []
        if not warnings:
            label = QLabel("✓ " + self.tr("No warnings"), self.body)
            label.setStyleSheet(tone_style("green", bold=True))
            self.warnings_box.addWidget(label)
            self.warning_labels.append(label)
            return
        for w in warnings:
            label = QLabel(self._warning_html(w), self.body)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.warnings_box.addWidget(label)
            self.warning_labels.append(label)

    def _warning_html(self, w: WarningRow) -> str:
        colour = GREY if w.handled else tone_colour(w.level)
        level = level_title(w.level)
        head = f'<b style="color:{colour}">{html.escape(level)} · {html.escape(w.title)}</b>'
        text = f"{head}<br>{html.escape(w.message)}"
        if w.handled:
            text += '<br><span style="color:{c}">{t}</span>'.format(
                c=GREY,
                t=html.escape(
                    self.tr("Handled by {who} at {when}: {note}").format(
                        who=w.handled_by_name or w.handled_by or "",
                        when=local_time(w.handled_at),
                        note=w.handled_note or "",
                    )
                ),
            )
        return text

    def _note(self, text: str) -> QLabel:
        label = QLabel(text, self.body)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {GREY};")
        return label

    # -- for tests and the page -------------------------------------------------------------

    def text_of(self, key: str) -> str:
        """The text shown for one fact (tests)."""
        return self.values[key].text()

    def warning_texts(self) -> list[str]:
        """The warnings as shown, as plain text (tests)."""
        out = []
        for label in self.warning_labels:
            text = label.text().replace("<br>", "\n")
            while "<" in text and ">" in text:
                start = text.index("<")
                text = text[:start] + text[text.index(">", start) + 1 :]
            out.append(html.unescape(text))
        return out

    def period_texts(self) -> list[str]:
        """The periods and extensions as shown under the timeline (tests)."""
        return [label.text() for label in self.period_labels]

    def on_record_button_clicked(self) -> None:
        """Ask the page to record a stage on the case shown."""
        if self.case is not None:
            self.record_requested.emit(self.case)

    def on_suspend_button_clicked(self) -> None:
        """Ask the page to record a period not counted on the case shown."""
        if self.case is not None:
            self.suspend_requested.emit(self.case)

    def on_end_button_clicked(self, suspension_id: int) -> None:
        """Ask the page to end a running period of the case shown."""
        if self.case is not None:
            self.end_suspension_requested.emit(self.case, suspension_id)

    def on_extend_button_clicked(self) -> None:
        """Ask the page to record an approved extension on the case shown."""
        if self.case is not None:
            self.extend_requested.emit(self.case)

    def on_edit_button_clicked(self) -> None:
        """Ask the page to edit the case shown."""
        if self.case is not None:
            self.edit_requested.emit(self.case)
