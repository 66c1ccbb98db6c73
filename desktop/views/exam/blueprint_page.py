"""试卷蓝图: the blueprint editor (FORMATS.md §7) — name, minutes, pass mark, shuffling, the
share cap, and the sections (type, count, points, categories, how many of each difficulty, the
多选 partial credit). Checked against the bank as it is typed: each section shows what the bank
holds for it and the shortfall per category and difficulty. Imported from, saved and exported to
§7 JSON. The bank's questions are read once through the task runner; the checking is pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.errors import UserFacingError
from desktop.exam import rules
from desktop.exam.blueprints import (
    PoolQuestion,
    load_blueprint,
    parse_blueprint,
    save_blueprint,
    shortfall_text,
    shortfalls,
)
from desktop.exam.dto import Blueprint, Section, Shortfall
from desktop.exam.sittings import question_pool
from desktop.views.common.widgets import RANK_CUSTOM, PageHeader

RED, GREEN = "#D93025", "#188038"
TYPE, COUNT, POINTS, CATEGORIES, EASY, MEDIUM, HARD, PARTIAL, BANK = range(9)
LEVEL_COLUMNS = {"易": EASY, "中": MEDIUM, "难": HARD}
STARTER = Blueprint(
    "",
    90,
    (
        Section(rules.SINGLE, 40, 1.0, (), (("易", 10), ("中", 20), ("难", 10))),
        Section(rules.MULTI, 20, 2.0, (), (), 0.5),
        Section(rules.JUDGE, 20, 1.0),
    ),
    60.0,
)
"""A new blueprint: REFERENCE §4's defaults (100 points, pass 60, 90 minutes)."""


def split_categories(text: str) -> list[str]:
    """Categories as typed: separated by 、 , ， ; ； or spaces."""
    for sep in ",，;；":
        text = text.replace(sep, "、")
    return [c.strip() for part in text.split("、") for c in part.split() if c.strip()]


def section_supply(section: Section, pool: Sequence[PoolQuestion]) -> Counter[str]:
    """How many of the bank's questions a section could take, per difficulty."""
    return Counter(
        q.difficulty
        for q in pool
        if q.type == section.type and (not section.categories or q.category in section.categories)
    )


class BlueprintPage(QWidget):
    """The blueprint editor tab."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pool: tuple[PoolQuestion, ...] | None = None
        self.path: str | None = None
        self.blueprint: Blueprint | None = None
        self.found: list[Shortfall] = []
        self._filling = False
        self.header = PageHeader(self.tr("Exam blueprints"), self, searchable=False)
        h = self.header
        self.new_action = h.add_new_action(self.new_blueprint)
        self.import_action = h.add_import_action(self.import_blueprint)
        self.save_action = h.add_action(
            self.tr("Save"), self.save, QKeySequence(QKeySequence.StandardKey.Save), rank=RANK_CUSTOM
        )
        self.export_action = h.add_export_action(self.export_blueprint, self.tr("Export…"))
        self.refresh_action = h.add_refresh_action(self.load_pool, self.tr("Read the bank again"))
        for action in h.actions_in_order():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("The name printed on every paper"))
        form.addRow(self.tr("Exam name"), self.name_edit)
        self.minutes_spin = QSpinBox(self, minimum=1, maximum=600, suffix=self.tr(" min"))
        self.pass_spin = QDoubleSpinBox(self, minimum=0, maximum=10_000, decimals=1)
        self.max_shared_spin = QSpinBox(self, minimum=-1, maximum=1000)
        self.max_shared_spin.setSpecialValueText(self.tr("no cap"))
        self.shuffle_questions = QCheckBox(self.tr("Shuffle questions"), self)
        self.shuffle_options = QCheckBox(self.tr("Shuffle options"), self)
        row = QHBoxLayout()
        for label, widget in (
            (self.tr("Minutes"), self.minutes_spin),
            (self.tr("Pass mark"), self.pass_spin),
            (self.tr("At most shared by two papers"), self.max_shared_spin),
        ):
            row.addWidget(QLabel(label, self))
            row.addWidget(widget)
        row.addWidget(self.shuffle_questions)
        row.addWidget(self.shuffle_options)
        row.addStretch(1)
        form.addRow(row)
        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("sections")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Type"),
                self.tr("Questions"),
                self.tr("Points each"),
                self.tr("Categories (empty: all)"),
                "易",
                "中",
                "难",
                self.tr("多选 partial credit"),
                self.tr("In the bank"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CATEGORIES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BANK, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(PARTIAL, header.sectionSizeHint(PARTIAL))  # its title whole, in either language
        self.add_button = QPushButton(self.tr("Add section"), self)
        self.add_button.clicked.connect(lambda: self.add_section(Section(rules.SINGLE, 10, 1.0)))
        self.remove_button = QPushButton(self.tr("Remove section"), self)
        self.remove_button.clicked.connect(self.remove_section)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.categories_label = QLabel(self)
        self.categories_label.setObjectName("categories")
        self.categories_label.setWordWrap(True)
        buttons.addWidget(self.categories_label, 3)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.notice)
        for widget in (self.minutes_spin, self.pass_spin, self.max_shared_spin):
            widget.valueChanged.connect(self.recheck)
        self.name_edit.textChanged.connect(self.recheck)
        self.shuffle_questions.toggled.connect(self.recheck)
        self.shuffle_options.toggled.connect(self.recheck)
        self.fill(STARTER)

    # -- the bank -----------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """First shown: read the bank's questions (off the GUI thread)."""
        super().showEvent(event)
        if self.pool is None:
            self.load_pool()

    def refresh(self) -> None:
        """F5: read the bank again."""
        self.load_pool()

    def load_pool(self) -> None:
        ctx = self.ctx
        ctx.tasks.load(
            lambda: question_pool(ctx.store, ctx.user),
            self.on_pool_loaded,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
        )

    def on_pool_loaded(self, pool: tuple[PoolQuestion, ...]) -> None:
        self.pool = pool
        cats = Counter(q.category for q in pool)
        self.categories_label.setText(
            self.tr("Bank categories: {list}").format(
                list="、".join(f"{c} {n}" for c, n in sorted(cats.items()))
            )
        )
        self.recheck()

    # -- the form -----------------------------------------------------------------------------

    def fill(self, bp: Blueprint) -> None:
        """Show a blueprint in the form."""
        self._filling = True
        try:
            self.name_edit.setText(bp.name)
            self.minutes_spin.setValue(bp.minutes)
            self.pass_spin.setValue(bp.effective_pass_mark if bp.sections else 60)
            self.max_shared_spin.setValue(-1 if bp.max_shared is None else bp.max_shared)
            self.shuffle_questions.setChecked(bp.shuffle_questions)
            self.shuffle_options.setChecked(bp.shuffle_options)
            self.table.setRowCount(0)
            for s in bp.sections:
                self.add_section(s)
        finally:
            self._filling = False
        self.recheck()

    def add_section(self, s: Section) -> None:
        """A row for one section, every cell an editor that checks again when changed."""
        r = self.table.rowCount()
        self.table.insertRow(r)
        kind = QComboBox(self.table)
        kind.addItems(list(rules.TYPES))
        kind.setCurrentText(s.type)
        kind.currentTextChanged.connect(self.recheck)
        self.table.setCellWidget(r, TYPE, kind)
        count = QSpinBox(self.table, minimum=1, maximum=1000, value=s.count)
        self.table.setCellWidget(r, COUNT, count)
        points = QDoubleSpinBox(self.table, minimum=0.5, maximum=100, decimals=1, singleStep=0.5)
        points.setValue(s.points)
        self.table.setCellWidget(r, POINTS, points)
        cats = QLineEdit("、".join(s.categories), self.table)
        cats.setPlaceholderText(self.tr("all categories"))
        cats.textChanged.connect(self.recheck)
        self.table.setCellWidget(r, CATEGORIES, cats)
        levels = dict(s.difficulty)
        for level, column in LEVEL_COLUMNS.items():
            spin = QSpinBox(self.table, minimum=0, maximum=1000, value=levels.get(level, 0))
            self.table.setCellWidget(r, column, spin)
            spin.valueChanged.connect(self.recheck)
        partial = QDoubleSpinBox(self.table, minimum=0, maximum=0.99, decimals=2, singleStep=0.25)
        partial.setValue(s.partial_credit)
        self.table.setCellWidget(r, PARTIAL, partial)
        for spin in (count, points, partial):
            spin.valueChanged.connect(self.recheck)
        self.table.setItem(r, BANK, QTableWidgetItem(""))
        self.recheck()

    def remove_section(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.recheck()

    def document(self) -> dict:
        """The form as a §7 JSON document (what ``parse_blueprint`` checks)."""
        sections = []
        for r in range(self.table.rowCount()):
            cell = self.table.cellWidget
            section: dict = {
                "type": cell(r, TYPE).currentText(),  # type: ignore[attr-defined]
                "count": cell(r, COUNT).value(),  # type: ignore[attr-defined]
                "points": cell(r, POINTS).value(),  # type: ignore[attr-defined]
            }
            cats = split_categories(cell(r, CATEGORIES).text())  # type: ignore[attr-defined]
            if cats:
                section["categories"] = cats
            levels = {lv: cell(r, col).value() for lv, col in LEVEL_COLUMNS.items()}  # type: ignore[attr-defined]
            if any(levels.values()):
                section["difficulty"] = levels
            partial = cell(r, PARTIAL).value()  # type: ignore[attr-defined]
            if partial:
                section["partial_credit"] = partial
            sections.append(section)
        doc: dict = {
            "name": self.name_edit.text().strip(),
            "minutes": self.minutes_spin.value(),
            "pass_mark": self.pass_spin.value(),
            "shuffle_questions": self.shuffle_questions.isChecked(),
            "shuffle_options": self.shuffle_options.isChecked(),
            "sections": sections,
        }
        if self.max_shared_spin.value() >= 0:
            doc["max_shared"] = self.max_shared_spin.value()
        return doc

    def recheck(self, *_args: object) -> None:
        """Check the form (§7 rules, then the bank) and show where it falls short."""
        if self._filling:
            return
        self.blueprint, self.found = None, []
        questions = sum(self.table.cellWidget(r, COUNT).value() for r in range(self.table.rowCount()))  # type: ignore[attr-defined]
        points = sum(
            self.table.cellWidget(r, COUNT).value() * self.table.cellWidget(r, POINTS).value()  # type: ignore[attr-defined]
            for r in range(self.table.rowCount())
        )
        self.summary.setText(
            self.tr("{questions} questions, {points} points in all").format(
                questions=questions, points=f"{points:g}"
            )
        )
        try:
            bp = parse_blueprint(self.document())
        except UserFacingError as exc:
            self._say(exc.localized(), RED)
            self._show_supply(None)
            return
        self.blueprint = bp
        if self.pool is None:
            self._say(self.tr("Reading the bank…"), "")
            return
        self.found = shortfalls(bp, self.pool)
        self._show_supply(bp)
        if self.found:
            self._say(shortfall_text(self.found), RED)
        else:
            self._say(self.tr("The bank can fill this blueprint."), GREEN)

    def _say(self, text: str, colour: str) -> None:
        self.notice.setStyleSheet(f"color: {colour};" if colour else "")
        self.notice.setText(text)

    def _show_supply(self, bp: Blueprint | None) -> None:
        """Each section's cell: what the bank holds for it, and its shortfall."""
        short = Counter[int]()
        for f in self.found:
            short[f.section] += f.short
        for r in range(self.table.rowCount()):
            item = self.table.item(r, BANK)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(r, BANK, item)
            if bp is None or self.pool is None or r >= len(bp.sections):
                item.setText("")
            else:
                supply = section_supply(bp.sections[r], self.pool)
                text = " · ".join(f"{lv} {supply.get(lv, 0)}" for lv in rules.DIFFICULTIES)
                if short[r + 1]:
                    text = self.tr("{short} short — ").format(short=short[r + 1]) + text
                    item.setForeground(Qt.GlobalColor.red)
                else:
                    item.setForeground(Qt.GlobalColor.darkGreen)
                item.setText(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)

    # -- files --------------------------------------------------------------------------------

    def new_blueprint(self) -> None:
        self.path = None
        self.fill(STARTER)

    def import_blueprint(self) -> None:
        """Open a §7 JSON file into the form (refused with the place when it breaks a rule)."""
        path = self.ctx.dialogs.open_file(self, self.tr("Blueprint"), self.tr("Blueprints (*.json)"))
        if not path:
            return
        try:
            bp = load_blueprint(path)
        except UserFacingError as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        self.path = path
        self.fill(bp)

    def save(self) -> None:
        """Ctrl+S: write the blueprint to its file (the first time: choose one)."""
        if self.path is None:
            self.export_blueprint()
        else:
            self._write(self.path)

    def export_blueprint(self) -> None:
        """Write the blueprint to a file chosen now."""
        name = (self.name_edit.text().strip() or self.tr("blueprint")) + ".json"
        path = self.ctx.dialogs.save_file(
            self, self.tr("Export blueprint"), name, self.tr("Blueprints (*.json)")
        )
        if path:
            self._write(path)

    def _write(self, path: str) -> None:
        try:
            bp = parse_blueprint(self.document())
            save_blueprint(bp, path)
        except (UserFacingError, OSError) as exc:
            self.ctx.dialogs.show_error(self, exc)
            return
        self.path = path
        self._say(
            self.tr("Saved to {file}.").format(file=Path(path).name)
            + ("\n" + shortfall_text(self.found) if self.found else ""),
            RED if self.found else GREEN,
        )
        self.saved.emit(path)
