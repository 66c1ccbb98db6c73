"""The detail panel beside the case register: the case, its stages as a timeline with each due
date in its colour and word, its officers with their certificates on the 立案 date, its documents
and its warnings — and a banner when a deadline falls in a year whose holidays are not loaded."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.cases import terms
from desktop.cases.dto import (
    CaseDetail,
    CaseOfficerRow,
    CaseRow,
    DocumentRow,
    StageEvent,
    SuspensionRow,
    WarningRow,
)
from desktop.cases.rules import DEADLINE_STATUS_TITLES, WARNING_TITLES, Deadline
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.views.common.lazy_table import TONE_COLOURS, format_money, format_value
from desktop.views.officers.titles import cert_state_title
from desktop.views.page_tools import local_time

CONTEXT = "CaseTitles"
GREY = "#5F6B7A"
BANNER_STYLE = ("QLabel#calendarBanner { background: #FEF7E0; border: 1px solid #F2A900; "
                "border-radius: 3px; padding: 6px 8px; color: #5C4300; }")
MAJOR_STYLE = ("QLabel#majorTag { color: #D93025; border: 1px solid #D93025; border-radius: 3px; "
               "padding: 0 4px; font-weight: bold; }")

_TEXTS = {
    "separator": QT_TRANSLATE_NOOP("CaseTitles", ", "),
    "not_yet": QT_TRANSLATE_NOOP("CaseTitles", "Not yet issued"),
    "dossier": QT_TRANSLATE_NOOP("CaseTitles", "Dossier"),
    "red": QT_TRANSLATE_NOOP("CaseTitles", "Red warning"),
    "yellow": QT_TRANSLATE_NOOP("CaseTitles", "Yellow warning"),
}
CERT_TONES = {"valid": "green"}
"""A certificate valid on the filing date is green; any other state is red (a warning)."""


# -- words for coded values (shared with the page) -----------------------------------------------


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def joined(values: Iterable[str]) -> str:
    """Values as a list in the user's language ("a、b" in Chinese, "a, b" in English)."""
    return _tr(_TEXTS["separator"]).join(v for v in values if v)


def category_text(category: str | None, procedure: str | None = None) -> str:
    """"行政处罚 · 普通程序" (the procedure only where there is one)."""
    parts = [terms.term_title(category), terms.term_title(procedure)]
    return " · ".join(p for p in parts if p)


def warning_title(code: str) -> str:
    """A warning code's name in the user's language."""
    source = WARNING_TITLES.get(code)
    return translate("warnings", source) if source else code


def warning_titles(codes: Iterable[str]) -> str:
    """The names of several warnings, as a list."""
    return joined(warning_title(code) for code in codes)


def status_title(status: str) -> str:
    """A deadline status in words (按期, 已超期, 临近 …)."""
    source = DEADLINE_STATUS_TITLES.get(status)
    return translate("terms", source) if source else status


def cert_text(state: str) -> str:
    """An officer's certificate state on the filing date, in words."""
    return _tr(_TEXTS["not_yet"]) if state == "not_yet" else cert_state_title(state)


def cert_tone(state: str) -> str:
    """Green for a certificate valid on the filing date, red for anything else."""
    return CERT_TONES.get(state, "red")


def document_kind(kind: str) -> str:
    """A document kind in words (卷宗 …)."""
    return _tr(_TEXTS[kind]) if kind == "dossier" else kind


# -- what applies to a case (the panel, the page and the dialogs) -------------------------------


def deadline_of(case: CaseDetail, kind: str) -> Deadline | None:
    """The case's ``decision`` or ``seizure`` time limit, if it has one."""
    return next((d for d in case.deadlines if d.kind == kind), None)


def time_limited_measures(case: CaseDetail) -> tuple[str, ...]:
    """The case's 查封、扣押、冻结 (the measures bound by the 30-day limit), in statutory order."""
    return tuple(m for m in case.measures if m in terms.TIME_LIMITED_MEASURES)


def running_periods(case: CaseDetail) -> tuple[SuspensionRow, ...]:
    """The periods not counted that have no end yet."""
    return tuple(s for s in case.suspensions if s.end_on is None)


def suspension_applies(case: CaseDetail) -> bool:
    """Whether a period not counted can move one of the case's deadlines (decision or seizure)."""
    return any(deadline_of(case, kind) is not None for kind in ("decision", "seizure"))


def extension_kinds(case: CaseDetail) -> tuple[str, ...]:
    """What an approval may extend: a 普通程序 行政处罚's decision limit, a 查封、扣押、冻结 not
    extended yet (the service's ``approve_extension`` kinds)."""
    kinds = []
    if case.category == terms.PENALTY and case.procedure == terms.ORDINARY:
        kinds.append("decision")
    if time_limited_measures(case) and case.dates.get("measure_on") is not None and not case.measure_extended:
        kinds.append("seizure")
    return tuple(kinds)


def _colour(tone: str | None) -> str:
    return TONE_COLOURS.get(tone or "", "")


def _style(tone: str | None, bold: bool = False) -> str:
    colour = _colour(tone)
    return (f"color: {colour};" if colour else "") + (" font-weight: bold;" if bold else "")


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            inner = item.layout()
            _clear(inner)
            inner.deleteLater()


# -- the timeline --------------------------------------------------------------------------------


class TimelineView(QWidget):
    """One row per stage: a marker, the stage, its date, the due date and the status in words.

    A stage that answers a deadline shows the due date and the status in its colour (green met,
    yellow approaching, red missed) — always with the word, never colour alone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(4, 1)
        date_width = self.fontMetrics().horizontalAdvance("0000-00-00") + 4
        for column in (2, 3):
            self.grid.setColumnMinimumWidth(column, date_width)
        self.statuses: dict[str, QLabel] = {}
        self.dues: dict[str, QLabel] = {}
        self.dates: dict[str, QLabel] = {}

    def show_events(self, events: Iterable[StageEvent], as_of: date) -> None:
        """Show the case's stages as of ``as_of``."""
        _clear(self.grid)
        self.statuses.clear()
        self.dues.clear()
        self.dates.clear()
        headers = (self.tr("Stage"), self.tr("Date"), self.tr("Due"), self.tr("Status"))
        for column, text in enumerate(headers, 1):
            label = QLabel(text, self)
            label.setStyleSheet(f"color: {GREY};")
            self.grid.addWidget(label, 0, column)
        for number, event in enumerate(events, 1):
            self._add_row(number, event, as_of)

    def _add_row(self, number: int, event: StageEvent, as_of: date) -> None:
        done = event.on is not None and event.on <= as_of
        deadline = event.deadline
        tone = deadline.tone if deadline is not None else None
        marker = QLabel("●" if done else "○", self)
        marker.setStyleSheet(f"color: {_colour(tone) or ('#3D4A5A' if done else GREY)};")
        stage = QLabel(terms.stage_title(event.stage), self)
        stage.setWordWrap(True)  # a long English stage name wraps instead of running under the date
        when = QLabel(format_value(event.on) if event.on else "—", self)
        if not done:
            for label in (stage, when):
                label.setStyleSheet(f"color: {GREY};")
        due = QLabel(format_value(deadline.due) if deadline and deadline.due else "", self)
        status = QLabel(self._status_text(deadline, as_of) if deadline else "", self)
        due.setStyleSheet(_style(tone))
        status.setStyleSheet(_style(tone, bold=tone is not None) or f"color: {GREY};")
        status.setWordWrap(True)
        for column, widget in enumerate((marker, stage, when, due, status)):
            self.grid.addWidget(widget, number, column)
        self.dates[event.stage], self.dues[event.stage], self.statuses[event.stage] = when, due, status

    def _status_text(self, deadline: Deadline, as_of: date) -> str:
        word = status_title(deadline.status)
        if deadline.status == "overdue" and deadline.due is not None:
            return self.tr("{status} · {days} days").format(status=word, days=(as_of - deadline.due).days)
        if deadline.status == "approaching" and deadline.due is not None:
            return self.tr("{status} · {days} days left").format(status=word,
                                                                 days=(deadline.due - as_of).days)
        return word

    def status_of(self, stage: str) -> str:
        """The status text shown for a stage (tests)."""
        label = self.statuses.get(stage)
        return label.text() if label is not None else ""

    def colour_of(self, stage: str) -> str:
        """The colour of a stage's status word, ``#RRGGBB`` or "" (tests)."""
        label = self.statuses.get(stage)
        sheet = label.styleSheet() if label is not None else ""
        return sheet.split("color: ")[1][:7] if "color: #" in sheet else ""


# -- the panel -----------------------------------------------------------------------------------


class CaseDetailPanel(QWidget):
    """The case beside the register: header, facts, timeline, officers, documents, warnings."""

    record_requested = Signal(object)
    suspend_requested = Signal(object)
    end_suspension_requested = Signal(object, int)
    """The case and the id of the running period to end."""
    extend_requested = Signal(object)
    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, can_edit: bool = False) -> None:
        super().__init__(parent)
        self.case: CaseDetail | None = None
        self.can_edit = can_edit
        self.values: dict[str, QLabel] = {}
        self.open_buttons: list[QPushButton] = []
        self.warning_labels: list[QLabel] = []
        self.officer_labels: dict[str, QLabel] = {}
        self.period_labels: list[QLabel] = []
        self.end_buttons: dict[int, QToolButton] = {}
        self.placeholder = QLabel(self.tr("Select a case to see its stages, officers, documents "
                                          "and warnings."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.setMinimumWidth(340)
        self.setStyleSheet(BANNER_STYLE + MAJOR_STYLE)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.body = self._body()
        self.stack.addWidget(self._scroll(self.body))

    # -- building ---------------------------------------------------------------------------

    def _scroll(self, body: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # values wrap instead
        area.setWidget(body)
        return area

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
        self.case_no_label = _bold(QLabel(parent), 1.25)
        self.case_no_label.setWordWrap(True)
        self.case_no_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.major_tag = QLabel(self.tr("Major decision"), parent)
        self.major_tag.setObjectName("majorTag")
        self.major_tag.setToolTip(self.tr("A major enforcement decision: it needs a legal review "
                                          "before the decision"))
        self.major_tag.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(self.case_no_label, 1)
        row.addWidget(self.major_tag, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _facts(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for key, label in (("party", self.tr("Party")), ("cause", self.tr("Cause")),
                           ("category", self.tr("Category")), ("source", self.tr("Source")),
                           ("stage", self.tr("Stage")), ("measures", self.tr("Coercive measures")),
                           ("penalty_kinds", self.tr("Penalty kinds")), ("amount", self.tr("Amount (yuan)")),
                           ("legal_basis", self.tr("Legal basis"))):
            value = QLabel(parent)
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        return form

    def _title_label(self, parent: QWidget, text: str) -> QLabel:
        label = _bold(QLabel(text, parent))
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
        self.timeline = TimelineView(parent)
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
        self.suspend_button.setToolTip(self.tr("Record a 检测, 鉴定, 听证 or 公告 period that does not count "
                                               "towards the deadlines"))
        self.suspend_button.clicked.connect(self.on_suspend_button_clicked)
        self.extend_button = QPushButton(self.tr("Extend the time limit…"), parent)
        self.extend_button.setObjectName("extendButton")
        self.extend_button.setToolTip(self.tr("Record an approved extension of the decision or seizure "
                                              "time limit"))
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
        self.stack.setCurrentIndex(0 if row is None else 1)
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
        self.stack.setCurrentIndex(0 if case is None else 1)
        if case is None:
            return
        self.body.setEnabled(True)
        self.case_no_label.setText(case.case_no)
        self.agency_label.setText(case.agency_name)
        self.major_tag.setVisible(case.major)
        self._show_banner(case.calendar_notes)
        self._show_facts(case)
        self.timeline.show_events(case.timeline, case.as_of)
        self._show_periods(case)
        self._show_officers(case.officers, case.dates.get("filed_on"))
        self._show_documents(case.documents)
        self._show_warnings(case.warnings)
        self.record_button.setVisible(self.can_edit)
        self.suspend_button.setVisible(self.can_edit and suspension_applies(case))
        self.extend_button.setVisible(self.can_edit and bool(extension_kinds(case)))
        self.changed_label.setText(self.tr("Last changed by {who} at {when}").format(
            who=case.updated_by, when=local_time(case.updated_at)))

    def _show_banner(self, years: tuple[int, ...]) -> None:
        if years:
            self.banner.setText("⚠ " + self.tr("The {years} holiday schedule is not loaded — deadlines in "
                                              "that year count weekends only.").format(
                years=joined(str(y) for y in years)))
        self.banner.setVisible(bool(years))

    def _show_facts(self, case: CaseDetail) -> None:
        party = case.party + (f" ({case.party_type})" if case.party_type else "")
        texts = {"party": party, "cause": case.cause,
                 "category": category_text(case.category, case.procedure),
                 "source": case.source, "stage": terms.stage_title(case.stage),
                 "measures": joined(case.measures) + (" · " + self.tr("extended")
                                                      if case.measure_extended else ""),
                 "penalty_kinds": joined(case.penalty_kinds), "amount": format_money(case.amount),
                 "legal_basis": case.legal_basis}
        for key, text in texts.items():
            self.values[key].setText(text or "—")
        self.form.setRowVisible(self.values["measures"], bool(case.measures))
        decided = case.dates.get("decided_on") is not None or case.category == terms.PENALTY
        for key in ("penalty_kinds", "amount", "legal_basis"):
            self.form.setRowVisible(self.values[key], decided or bool(texts[key]))

    def _show_periods(self, case: CaseDetail) -> None:
        """The periods not counted (a running one with 结束… for editors) and the extensions approved."""
        _clear(self.periods_grid)
        self.period_labels, self.end_buttons = [], {}
        rows: list[tuple[str, str, SuspensionRow | None]] = []
        for s in case.suspensions:
            if s.end_on is None:
                text = self.tr("{kind}: from {start}, still running").format(kind=s.kind,
                                                                            start=format_value(s.start_on))
            else:
                text = self.tr("{kind}: {start} to {end}").format(kind=s.kind, start=format_value(s.start_on),
                                                                  end=format_value(s.end_on))
            if s.note:
                text = self.tr("{period} ({note})").format(period=text, note=s.note)
            rows.append((self.tr("Time not counted"), text, s))
        extended = []
        if case.decision_extension_days:
            extended.append(self.tr("decision limit +{days} days").format(days=case.decision_extension_days))
        if case.measure_extended:
            extended.append(self.tr("{measures} limit extended").format(
                measures=joined(time_limited_measures(case)) or joined(case.measures)))
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
                button.setToolTip(self.tr("Record the last day of the {kind} period").format(kind=period.kind))
                button.clicked.connect(lambda _checked=False, p=period.id: self.on_end_button_clicked(p))
                self.periods_grid.addWidget(button, n, 2, Qt.AlignmentFlag.AlignTop)
                self.end_buttons[period.id] = button

    def _show_officers(self, officers: tuple[CaseOfficerRow, ...], filed_on: date | None) -> None:
        _clear(self.officers_box)
        self.officer_labels.clear()
        if not officers:
            self.officers_box.addWidget(self._note(self.tr("No officer is recorded on this case.")))
            return
        if filed_on is not None:
            self.officers_box.addWidget(self._note(self.tr("Certificates on the filing date {date}").format(
                date=format_value(filed_on))))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(2, 1)
        for row, officer in enumerate(officers):
            state = QLabel(cert_text(officer.cert_state), self.body)
            state.setStyleSheet(_style(cert_tone(officer.cert_state), bold=True))
            number = QLabel(officer.cert_number or "—", self.body)
            number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(officer.name, self.body), row, 0)
            grid.addWidget(number, row, 1)
            grid.addWidget(state, row, 2)
            self.officer_labels[officer.name] = state
        self.officers_box.addLayout(grid)

    def _show_documents(self, documents: tuple[DocumentRow, ...]) -> None:
        _clear(self.documents_box)
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
            button.setToolTip(doc.path if doc.exists else self.tr("The file is not there: {path}").format(
                path=doc.path))
            button.clicked.connect(lambda _checked=False, d=doc: self.open_requested.emit(d))
            row.addWidget(label, 1)
            if not doc.exists:
                missing = QLabel(self.tr("File missing"), self.body)
                missing.setStyleSheet(_style("red", bold=True))
                row.addWidget(missing)
            row.addWidget(button)
            self.documents_box.addLayout(row)
            self.open_buttons.append(button)

    def _show_warnings(self, warnings: tuple[WarningRow, ...]) -> None:
        _clear(self.warnings_box)
        self.warning_labels = []
        if not warnings:
            label = QLabel("✓ " + self.tr("No warnings"), self.body)
            label.setStyleSheet(_style("green", bold=True))
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
        colour = GREY if w.handled else _colour(w.level)
        level = _tr(_TEXTS.get(w.level, w.level))
        head = f'<b style="color:{colour}">{html.escape(level)} · {html.escape(w.title)}</b>'
        text = f"{head}<br>{html.escape(w.message)}"
        if w.handled:
            text += '<br><span style="color:{c}">{t}</span>'.format(c=GREY, t=html.escape(self.tr(
                "Handled by {who} at {when}: {note}").format(who=w.handled_by or "", when=local_time(w.handled_at),
                                                            note=w.handled_note or "")))
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
                text = text[:start] + text[text.index(">", start) + 1:]
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
