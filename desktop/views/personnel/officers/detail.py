"""The detail panel beside the officers table: the selected officer, their certificate and the
qualification exams they passed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPushButton,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from desktop.exam.service import ExamPass
from desktop.personnel.dto import OfficerRow
from desktop.views.common.detail_panel import DetailPanel
from desktop.views.common.lazy_table import TONE_COLOURS, format_value
from desktop.views.common.page_tools import local_time
from desktop.views.personnel.officers.titles import cert_state_title, gender_title, state_tone


class OfficerDetail(DetailPanel):
    """Name and agency, person fields, certificate with its coloured state, who changed it last."""

    reveal_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, can_reveal: bool = False) -> None:
        super().__init__(parent, min_width=300)
        self.row: OfficerRow | None = None
        self.today = date.today()
        self.can_reveal = can_reveal
        self.values: dict[str, QLabel] = {}
        self.set_placeholder_text(self.tr("Select an officer to see their details."))
        self.set_body(self._body(), scroll=True)

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 4, 8, 8)
        layout.setSpacing(4)
        self.name_label = self._title(body, 1.25)
        self.agency_label = QLabel(body)
        self.agency_label.setWordWrap(True)
        layout.addWidget(self.name_label)
        layout.addWidget(self.agency_label)
        layout.addSpacing(6)
        self.form = form = self._form()
        self._person_rows(form, body)
        form.addItem(QSpacerItem(0, 8))
        form.addRow(self._title(body, 1.0, self.tr("Enforcement certificate")))
        self.photo = QLabel(body)
        self.photo.setObjectName("officerPhoto")
        self.photo.setFixedSize(72, 101)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #c0c0c0; color: #808080;")
        form.addRow(self.tr("Photo"), self.photo)
        self._certificate_rows(form)
        layout.addLayout(form)
        layout.addSpacing(8)
        self.changed_label = QLabel(body)
        self.changed_label.setWordWrap(True)
        self.changed_label.setEnabled(False)
        layout.addWidget(self.changed_label)
        layout.addStretch(1)
        return body

    def _title(self, parent: QWidget, scale: float, text: str = "") -> QLabel:
        label = QLabel(text, parent)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
        label.setWordWrap(True)
        return label

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        return form

    def _value(self, form: QFormLayout, key: str, label: str) -> QLabel:
        value = QLabel()
        value.setWordWrap(True)
        value.setObjectName(key)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        form.addRow(label, value)
        self.values[key] = value
        return value

    def _person_rows(self, form: QFormLayout, parent: QWidget) -> None:
        self._value(form, "id_number", self.tr("ID number"))
        self.reveal_button = QPushButton(self.tr("Show whole number"), parent)
        self.reveal_button.setFlat(True)
        self.reveal_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reveal_button.setStyleSheet(
            "QPushButton { color: palette(link); text-align: left; padding: 0; border: none; }"
        )
        self.reveal_button.clicked.connect(self.on_reveal_button_clicked)
        form.addRow("", self.reveal_button)
        for key, label in (
            ("gender", self.tr("Gender")),
            ("position", self.tr("Position")),
            ("category", self.tr("Enforcement category")),
            ("region", self.tr("Enforcement region")),
        ):
            self._value(form, key, label)

    def _certificate_rows(self, form: QFormLayout) -> None:
        for key, label in (
            ("cert_number", self.tr("Certificate number")),
            ("cert_issued_on", self.tr("Issued on")),
            ("cert_expires_on", self.tr("Valid until")),
            ("cert_state", self.tr("State")),
            ("exam_passes", self.tr("Exams passed")),
        ):
            self._value(form, key, label)
        self.values["exam_passes"].setWordWrap(True)

    def show_photo(self, photo: bytes | None) -> None:
        """The officer's photo as the card shows it (none: a word that there is none)."""
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(
                pixmap.scaled(
                    self.photo.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))

    # -- showing a row ------------------------------------------------------------------------

    def show_officer(self, row: OfficerRow | None, today: date | None = None) -> None:
        """Show ``row`` (None: say what to do)."""
        self.row = row
        self.today = today or self.today
        self.show_body(row is not None)
        if row is None:
            return
        self.name_label.setText(row.name)
        self.agency_label.setText(row.agency_name)
        self.show_photo(None)
        texts = {
            "id_number": row.id_number,
            "gender": gender_title(row.gender),
            "position": row.position,
            "category": row.category,
            "region": row.region,
            "cert_number": row.cert_number,
            "cert_issued_on": format_value(row.cert_issued_on),
            "cert_expires_on": format_value(row.cert_expires_on),
        }
        for key, text in texts.items():
            self.values[key].setText(text or "—")
        self.values["exam_passes"].setText("…")
        self._show_state(row)
        self.form.setRowVisible(self.reveal_button, self.can_reveal and "*" in row.id_number)
        self.changed_label.setText(
            self.tr("Last changed by {who} at {when}").format(
                who=row.updated_by, when=local_time(row.updated_at)
            )
        )

    def show_passes(self, officer_id: int, passes: Sequence[ExamPass]) -> None:
        """The qualification exams the officer shown passed (read in the background)."""
        if self.row is None or self.row.id != officer_id:
            return
        lines = [
            self.tr("{sitting}, {date}, {score:g} of {points:g}").format(
                sitting=p.sitting, date=p.passed_on.isoformat(), score=p.score, points=p.points
            )
            for p in passes
        ]
        self.values["exam_passes"].setText("\n".join(lines) or self.tr("none on record"))

    def _show_state(self, row: OfficerRow) -> None:
        label = self.values["cert_state"]
        text = cert_state_title(row.cert_state)
        days = self._days_left(row)
        if days is not None and row.cert_state in ("valid", "expiring"):
            text += " · " + self.tr("expires in {days} days").format(days=days)
        elif days is not None and row.cert_state == "expired":
            text += " · " + self.tr("expired {days} days ago").format(days=-days)
        tone = state_tone(row.cert_state)
        label.setText(text)
        label.setStyleSheet(f"color: {TONE_COLOURS[tone]}; font-weight: bold;" if tone else "")

    def _days_left(self, row: OfficerRow) -> int | None:
        return (row.cert_expires_on - self.today).days if row.cert_expires_on else None

    def text_of(self, key: str) -> str:
        """The text shown for one field (tests)."""
        return self.values[key].text()

    def on_reveal_button_clicked(self) -> None:
        """Ask the page for the whole ID number of the officer shown."""
        if self.row is not None:
            self.reveal_requested.emit(self.row)
