"""The compound fields of 新建评查活动: case categories each with its standard, the quota (files per
agency or a percentage), double scoring with its weights, and the reviewers (with their agency)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.cases import terms
from desktop.review.dto import RubricRow
from desktop.views.common.look import GREY
from desktop.views.review.form_parts import CheckList, ReviewerChoice

DEFAULT_PER_AGENCY = 3
DEFAULT_PERCENT = 10.0
RUBRIC_WIDTH = 300


class CategoryChoices(QWidget):
    """One check box per 案件类别, each with the standard its files are scored under."""

    changed = Signal()

    def __init__(self, rubrics: Sequence[RubricRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choices")
        self.boxes: dict[str, QCheckBox] = {}
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for row, category in enumerate(terms.CATEGORIES):
            box = QCheckBox(terms.term_title(category), self)
            box.setObjectName(f"category_{row}")
            box.setChecked(category == terms.PENALTY)
            box.toggled.connect(self.on_box_toggled)
            combo = QComboBox(self)
            combo.setObjectName(f"rubric_{row}")
            combo.setMinimumWidth(RUBRIC_WIDTH)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            applying = [r for r in rubrics if category in r.applies_to]
            for rubric in applying:
                combo.addItem(rubric.label, rubric.id)
                combo.setItemData(combo.count() - 1, rubric.label, Qt.ItemDataRole.ToolTipRole)
            if not applying:
                combo.addItem(self.tr("No standard applies — import one first"), None)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            grid.addWidget(box, row, 0)
            grid.addWidget(combo, row, 1)
            self.boxes[category], self.combos[category] = box, combo
        self._enable()

    def _enable(self) -> None:
        for category, combo in self.combos.items():
            combo.setEnabled(self.boxes[category].isChecked() and combo.currentData() is not None)

    def on_box_toggled(self, _on: bool) -> None:
        """A category ticked or not: its standard can be chosen only when ticked."""
        self._enable()
        self.changed.emit()

    def chosen(self) -> tuple[str, ...]:
        """The ticked categories, in statutory order."""
        return tuple(c for c, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, categories: Sequence[str]) -> None:
        """Tick exactly ``categories``."""
        for category, box in self.boxes.items():
            box.setChecked(category in categories)

    def rubrics(self) -> tuple[tuple[str, int], ...]:
        """(category, rubric id) of each ticked category that has a standard."""
        return tuple(
            (c, self.combos[c].currentData())
            for c in self.chosen()
            if self.combos[c].currentData() is not None
        )

    def missing(self) -> tuple[str, ...]:
        """Ticked categories no stored standard applies to."""
        return tuple(c for c in self.chosen() if self.combos[c].currentData() is None)


class QuotaChoice(QWidget):
    """每单位 N 件 or N %."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count_radio = QRadioButton(self.tr("Files per agency"), self)
        self.count_radio.setObjectName("quotaCount")
        self.count_spin = QSpinBox(self)
        self.count_spin.setObjectName("perAgency")
        self.count_spin.setRange(1, 999)
        self.count_spin.setValue(DEFAULT_PER_AGENCY)
        self.percent_radio = QRadioButton(self.tr("Share of each agency's files"), self)
        self.percent_radio.setObjectName("quotaPercent")
        self.percent_spin = QDoubleSpinBox(self)
        self.percent_spin.setObjectName("percent")
        self.percent_spin.setRange(0.1, 100.0)
        self.percent_spin.setDecimals(1)
        self.percent_spin.setSuffix(" %")
        self.percent_spin.setValue(DEFAULT_PERCENT)
        group = QButtonGroup(self)
        group.addButton(self.count_radio)
        group.addButton(self.percent_radio)
        self.count_radio.setChecked(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.count_radio, 0, 0)
        grid.addWidget(self.count_spin, 0, 1)
        grid.addWidget(self.percent_radio, 1, 0)
        grid.addWidget(self.percent_spin, 1, 1)
        grid.setColumnStretch(2, 1)
        for radio in (self.count_radio, self.percent_radio):
            radio.toggled.connect(self.on_radio_toggled)
        self.count_spin.valueChanged.connect(lambda _v: self.changed.emit())
        self.percent_spin.valueChanged.connect(lambda _v: self.changed.emit())
        self._enable()

    def _enable(self) -> None:
        self.count_spin.setEnabled(self.count_radio.isChecked())
        self.percent_spin.setEnabled(self.percent_radio.isChecked())

    def on_radio_toggled(self, _on: bool) -> None:
        """The other way of counting: its number can be set."""
        self._enable()
        self.changed.emit()

    def per_agency(self) -> int | None:
        """Files per agency, when counting so."""
        return self.count_spin.value() if self.count_radio.isChecked() else None

    def percent(self) -> Decimal | None:
        """The percentage, when counting so."""
        return Decimal(f"{self.percent_spin.value():.1f}") if self.percent_radio.isChecked() else None

    def set_percent(self, value: float) -> None:
        """Count by percentage."""
        self.percent_radio.setChecked(True)
        self.percent_spin.setValue(value)


class WeightChoice(QWidget):
    """双人评分 and the first score's weight ("50% / 50%")."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.double_check = QCheckBox(self.tr("Two reviewers score each file"), self)
        self.double_check.setObjectName("double")
        self.weight_spin = QSpinBox(self)
        self.weight_spin.setObjectName("firstWeight")
        self.weight_spin.setRange(1, 99)
        self.weight_spin.setValue(50)
        self.weight_spin.setSuffix(" %")
        self.weight_spin.setToolTip(self.tr("The first score's weight; the second takes the rest"))
        self.split = QLabel(self)
        self.split.setObjectName("weights")
        self.first_label = QLabel(self.tr("First score"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.double_check)
        row.addSpacing(8)
        row.addWidget(self.first_label)
        row.addWidget(self.weight_spin)
        row.addWidget(self.split)
        row.addStretch(1)
        self.double_check.toggled.connect(self.on_input_changed)
        self.weight_spin.valueChanged.connect(self.on_input_changed)
        self.on_input_changed()

    def on_input_changed(self, *_: object) -> None:
        """Say the split in words; the weight applies to double scoring only."""
        double = self.double_check.isChecked()
        for widget in (self.first_label, self.weight_spin, self.split):
            widget.setVisible(double)
        first = self.weight_spin.value()
        self.split.setText(f"{first}% / {100 - first}%")  # numbers only: nothing to translate
        self.changed.emit()

    def double(self) -> bool:
        """Whether two reviewers score each file."""
        return self.double_check.isChecked()

    def first_weight(self) -> int:
        """The first score's weight in percent."""
        return self.weight_spin.value()


class ReviewerPicker(QWidget):
    """The users who may score, ticked to take part; when the list is not complete (only an
    administrator reads the accounts), others are added by user name."""

    changed = Signal()

    def __init__(
        self, choices: Sequence[ReviewerChoice], complete: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewers")
        self.list = CheckList(self, rows=6)
        self.list.setObjectName("reviewerList")
        self.list.changed.connect(self.changed.emit)
        for choice in choices:
            self.add_choice(choice)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.list)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("reviewerName")
        self.name_edit.setPlaceholderText(self.tr("Another reviewer's user name"))
        self.name_edit.returnPressed.connect(self.on_add_button_clicked)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addReviewer")
        self.add_button.clicked.connect(self.on_add_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.add_button)
        column.addLayout(row)
        note = QLabel(
            self.tr(
                "Listed: the accounts holding the reviewer role. No reviewer is given a file of their own agency."
            )
            if complete
            else self.tr(
                "Listed: reviewers of earlier campaigns. Add others by user name; the draw checks that each "
                "is an active reviewer. No reviewer is given a file of their own agency."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY};")
        column.addWidget(note)
        for widget in (self.name_edit, self.add_button):
            widget.setVisible(not complete)

    def add_choice(self, choice: ReviewerChoice, checked: bool = False) -> None:
        """List one user: 显示名（用户名） · agency (or 本局)."""
        who = (
            f"{choice.display_name}（{choice.name}）"
            if choice.display_name and choice.display_name != choice.name
            else choice.name
        )
        where = choice.agency_name or (self.tr("bureau staff") if choice.role is not None else "")
        self.list.add(" · ".join(p for p in (who, where) if p), choice.name, checked=checked)

    def chosen(self) -> tuple[str, ...]:
        """The user names ticked."""
        return tuple(str(n) for n in self.list.chosen())

    def set_chosen(self, names: Sequence[str]) -> None:
        """Tick exactly these user names (adding any not listed)."""
        known = set(self.list.data_of())
        for name in names:
            if name not in known:
                self.add_choice(ReviewerChoice(name))
        self.list.set_chosen(list(names))

    def on_add_button_clicked(self) -> None:
        """Add (and tick) the user name typed."""
        name = self.name_edit.text().strip()
        if not name:
            return
        if name not in self.list.data_of():
            self.add_choice(ReviewerChoice(name), checked=True)
        else:
            self.set_chosen((*self.chosen(), name))
        self.name_edit.clear()
        self.changed.emit()
