"""The indicator sets' editor (考核指标体系): every stored version with its fingerprint and who saved
it when; a version copied into the form, its indicators edited — name, measure (from the fixed
list), weight, scoring rule (linear between two thresholds, or points per occurrence with a cap)
— with the checks run as the user types (weights adding up to 100, thresholds in order), and
saved as a new version (the service checks the permission and the rules again, and audits)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.core.security import Permission
from desktop.reports.dto import Indicator, IndicatorSet
from desktop.reports.measures import MEASURE_TITLES, MEASURES
from desktop.reports.set_checks import FULL_WEIGHT, check_set, weight_sum
from desktop.reports.sets import SetVersion, list_set_versions, save_edited_set

NAME, MEASURE, WEIGHT, RULE, LOW, HIGH, PER, CAP, GROUP = range(9)
FIELDS = {NAME: "name", WEIGHT: "weight", LOW: "low", HIGH: "high", PER: "per", CAP: "cap", GROUP: "group"}
"""The text columns and the document's field each one edits."""
COLUMN_OF = {"name": NAME, "measure": MEASURE, "weight": WEIGHT, "rule": RULE, "low": LOW, "high": HIGH}
COLUMN_OF.update({"per": PER, "cap": CAP, "group": GROUP})
PROBLEM_COLOUR = "#FCE8E6"
WIDTHS = {NAME: 140, MEASURE: 180, WEIGHT: 56, RULE: 160, LOW: 92, HIGH: 92, PER: 110, CAP: 64}
UNUSED = {"linear": (PER, CAP), "per_occurrence": (LOW, HIGH)}
"""The fields a rule does not use (greyed, not editable)."""
RULES = ("linear", "per_occurrence")


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


class SetEditorDialog(QDialog):
    """The versions on the left, the copy being edited on the right."""

    saved = Signal(object)
    """A set was saved (the ``IndicatorSet`` stored)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.user.can(Permission.EDIT_SETTINGS)
        self.versions: tuple[SetVersion, ...] = ()
        self.base: IndicatorSet | None = None
        self._filling = False
        self.setWindowTitle(self.tr("Indicator sets"))
        self.version_list = QListWidget(self)
        self.version_list.setObjectName("versions")
        self.version_info = QLabel(self)
        self.version_info.setObjectName("versionInfo")
        self.version_info.setWordWrap(True)
        self.version_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("setName")
        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("indicators")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Indicator"),
                self.tr("Measure"),
                self.tr("Weight"),
                self.tr("Scoring rule"),
                self.tr("Low threshold"),
                self.tr("High threshold"),
                self.tr("Points per occurrence"),
                self.tr("Cap"),
                self.tr("Group"),
            ]
        )
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(GROUP, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.add_button = QPushButton(self.tr("Add indicator"), self)
        self.remove_button = QPushButton(self.tr("Remove indicator"), self)
        self.sum_label = QLabel(self)
        self.sum_label.setObjectName("weightSum")
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #D93025;")
        self.save_button = QPushButton(self.tr("Save as a new version"), self)
        self.save_button.setObjectName("saveSet")
        self.close_button = QPushButton(self.tr("Close"), self)
        for widget in (self.add_button, self.remove_button, self.save_button, self.name_edit):
            widget.setVisible(self.can_edit)
        self.table.setEnabled(True)
        if not self.can_edit:
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._lay_out()
        self._connect()
        self.resize(1240, 640)

    def _lay_out(self) -> None:
        left = QWidget(self)
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Versions (newest last)"), left))
        side.addWidget(self.version_list, 1)
        side.addWidget(self.version_info)
        left.setMaximumWidth(330)
        right = QWidget(self)
        form = QVBoxLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Set name"), right))
        top.addWidget(self.name_edit, 1)
        form.addLayout(top)
        form.addWidget(self.table, 1)
        rows = QHBoxLayout()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        rows.addWidget(self.sum_label)
        form.addLayout(rows)
        form.addWidget(self.problems)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 960])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.version_list.currentRowChanged.connect(self.on_version_list_current_row_changed)
        self.name_edit.textEdited.connect(lambda _t: self.check())
        self.table.itemChanged.connect(lambda _i: self.check())
        self.add_button.clicked.connect(self.add_indicator)
        self.remove_button.clicked.connect(self.remove_indicator)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    # -- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every version (through the task runner)."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: list_set_versions(ctx.store, ctx.user),
            self.show_versions,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            key=f"set-versions-{id(self)}",
        )

    def show_versions(self, versions: tuple[SetVersion, ...], current: IndicatorSet | None = None) -> None:
        """List the versions; make ``current`` (default: the newest of the one shown) current."""
        self.versions = tuple(versions)
        wanted = current or self.base
        self.version_list.blockSignals(True)
        self.version_list.clear()
        for v in self.versions:
            s = v.indicator_set
            item = QListWidgetItem(f"{s.name} v{s.version} · {s.sha256[:12]}")
            item.setToolTip(s.sha256)
            self.version_list.addItem(item)
        self.version_list.blockSignals(False)
        row = len(self.versions) - 1
        if wanted is not None:
            same = [n for n, v in enumerate(self.versions) if v.indicator_set.name == wanted.name]
            exact = [n for n in same if self.versions[n].indicator_set.version == wanted.version]
            row = (exact or same or [row])[-1]
        if self.versions:
            self.version_list.setCurrentRow(row)
            self.on_version_list_current_row_changed(row)

    def on_version_list_current_row_changed(self, row: int) -> None:
        """A version chosen: its details, and a copy of it in the form."""
        if not 0 <= row < len(self.versions):
            return
        v = self.versions[row]
        s = v.indicator_set
        saved = (
            self.tr("Saved {at} by {who}.").format(at=v.created_at[:16].replace("T", " "), who=v.created_by)
            if v.created_at
            else self.tr("Shipped with the program (not stored yet).")
        )
        self.version_info.setText(
            self.tr("{name} v{version}, {count} indicators.").format(
                name=s.name, version=s.version, count=len(s.indicators)
            )
            + "\n"
            + saved
            + "\n"
            + self.tr("Fingerprint: {sha}").format(sha=f"{s.sha256[:32]}\n{s.sha256[32:]}")
        )
        self.edit_copy(s)

    # -- the form ------------------------------------------------------------------------------

    def edit_copy(self, s: IndicatorSet) -> None:
        """Fill the form with a copy of ``s`` (saving it changed makes a new version)."""
        self.base = s
        self._filling = True
        self.name_edit.setText(s.name)
        self.table.setRowCount(0)
        for ind in s.indicators:
            self._append(ind)
        self._filling = False
        self.check()

    def _append(self, ind: Indicator) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        values = {NAME: ind.name, WEIGHT: _text(ind.weight), LOW: _text(ind.low), HIGH: _text(ind.high)}
        values.update({PER: _text(ind.per), CAP: _text(ind.cap), GROUP: ind.group})
        for column, text in values.items():
            item = QTableWidgetItem(text)
            if column != NAME and column != GROUP:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(n, column, item)
        self.table.item(n, NAME).setData(Qt.ItemDataRole.UserRole, ind.key)
        measure = QComboBox(self.table)
        for key in MEASURES:
            measure.addItem(QCoreApplication.translate("measures", MEASURE_TITLES[key]), key)
            measure.setItemData(measure.count() - 1, key, Qt.ItemDataRole.ToolTipRole)
        measure.setCurrentIndex(max(measure.findData(ind.measure), 0))
        rule = QComboBox(self.table)
        rule.addItem(self.tr("Linear between the thresholds"), "linear")
        rule.addItem(self.tr("Points off per occurrence, capped"), "per_occurrence")
        rule.setCurrentIndex(max(rule.findData(ind.rule), 0))
        for column, combo in ((MEASURE, measure), (RULE, rule)):
            combo.setEnabled(self.can_edit)
            combo.currentIndexChanged.connect(lambda _i: self.check())
            self.table.setCellWidget(n, column, combo)

    def add_indicator(self) -> None:
        """A new row: the first measure, weight 0 to fill in, linear 60–100."""
        first = next(iter(MEASURES))
        self._filling = True
        self._append(
            Indicator(self._new_key(first), "", first, Decimal(0), low=Decimal(60), high=Decimal(100))
        )
        self._filling = False
        self.table.setCurrentCell(self.table.rowCount() - 1, NAME)
        self.check()

    def _new_key(self, measure: str) -> str:
        taken = {
            self.table.item(r, NAME).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())
        }
        n, key = 1, measure
        while key in taken:
            n += 1
            key = f"{measure}_{n}"
        return key

    def remove_indicator(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.check()

    def document(self) -> dict[str, Any]:
        """The form as a set's JSON document."""
        items = []
        for r in range(self.table.rowCount()):
            raw: dict[str, Any] = {f: self.table.item(r, c).text().strip() for c, f in FIELDS.items()}
            raw["key"] = self.table.item(r, NAME).data(Qt.ItemDataRole.UserRole)
            raw["measure"] = self.table.cellWidget(r, MEASURE).currentData()  # type: ignore[attr-defined]
            raw["rule"] = self.table.cellWidget(r, RULE).currentData()  # type: ignore[attr-defined]
            items.append(raw)
        return {"name": self.name_edit.text().strip(), "indicators": items}

    def check(self) -> list[Any]:
        """Run the checks on the form: the weights' sum, the problems listed and their cells
        marked; saving only when there are none."""
        if self._filling:
            return []
        doc = self.document()
        problems = check_set(doc)
        total = weight_sum(doc)
        self.sum_label.setText(
            self.tr("Weights: {total} of {full}").format(total=_text(total), full=_text(FULL_WEIGHT))
        )
        self.sum_label.setStyleSheet("" if total == FULL_WEIGHT else "color: #D93025;")
        marked = {(p.row - 1, COLUMN_OF[p.field]) for p in problems if p.row and p.field in COLUMN_OF}
        blocked = self.table.blockSignals(True)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for r in range(self.table.rowCount()):
            unused = UNUSED.get(self.table.cellWidget(r, RULE).currentData(), ())  # type: ignore[attr-defined]
            for c in FIELDS:
                item = self.table.item(r, c)
                item.setBackground(QColor(PROBLEM_COLOUR) if (r, c) in marked else QColor(0, 0, 0, 0))
                editable = self.can_edit and c not in unused
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
                item.setForeground(QColor("#9AA0A6") if c in unused else QColor("#202124"))
        self.table.blockSignals(blocked)
        self.problems.setStyleSheet("color: #D93025;")
        self.problems.setText("\n".join(p.text for p in problems[:6]))
        self.save_button.setEnabled(self.can_edit and not problems)
        return problems

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Store the form as a new version (nothing new when it equals the newest version)."""
        if not self.can_edit or self.check():
            return
        ctx, doc = self.ctx, self.document()
        ctx.tasks.run(
            lambda _p, _c: (
                save_edited_set(ctx.store, ctx.user, doc),
                list_set_versions(ctx.store, ctx.user),
            ),
            on_done=self.on_saved,
            on_error=self.on_save_failed,
            label=self.tr("Saving the indicator set"),
            parent_widget=self,
            cancellable=False,
            show_progress=False,
        )

    def on_saved(self, answer: tuple[IndicatorSet, tuple[SetVersion, ...]]) -> None:
        stored, versions = answer
        known = any(
            v.indicator_set.name == stored.name and v.indicator_set.version == stored.version
            for v in self.versions
        )
        self.base = stored
        self.show_versions(versions, stored)
        self.problems.setText(
            self.tr("Unchanged: {name} v{version} stays the newest.")
            if known
            else self.tr("Saved as {name} v{version}.")
        )
        self.problems.setText(self.problems.text().format(name=stored.name, version=stored.version))
        self.problems.setStyleSheet("color: #188038;")
        self.saved.emit(stored)

    def on_save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.problems.setStyleSheet("color: #D93025;")
            self.problems.setText(exc.localized())
        else:
            self.ctx.dialogs.show_error(self, exc)
