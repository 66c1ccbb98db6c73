"""新建抽查计划: name, agency, seed, size (a count or a share of the field's targets) and period;
预览 draws without storing (targets per risk level, the inspectors and their loads) and only
then 抽取 stores the plan — the same seed draws the same (issue 15)."""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop.context import AppContext
from desktop.powers.dto import PlanResult
from desktop.powers.inspections import create_plan, preview_plan
from desktop.views.cases.dialog_parts import date_picker, to_pydate
from desktop.views.common.forms import FormDialog, combo_data
from desktop.views.common.value_titles import value_title


class PlanDialog(FormDialog):
    """A new 双随机 plan: preview first, then store."""

    plan_saved = Signal(object)

    def __init__(
        self, ctx: AppContext, agencies: Sequence[tuple[int, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("New inspection plan"), parent, ok_text=self.tr("Draw and save"))
        self.previewed: PlanResult | None = None
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. 2026年第四季度食品经营者抽查"))
        self.name_edit.textEdited.connect(lambda _t: self.touch("name"))
        self.marks.add_row("name", self.tr("Name"), self.name_edit)
        self.agency_combo = QComboBox(self)
        self.agency_combo.addItem(self.tr("(choose an agency)"), None)
        for agency_id, name in agencies:
            self.agency_combo.addItem(name, agency_id)
        self.agency_combo.currentIndexChanged.connect(lambda _i: self._changed("agency"))
        self.marks.add_row("agency", self.tr("Agency"), self.agency_combo)
        self.seed_edit = QLineEdit(secrets.token_hex(4), self)
        self.seed_edit.setToolTip(self.tr("Public: anyone can draw the plan again from it"))
        self.seed_edit.textEdited.connect(lambda _t: self._changed("seed"))
        self.marks.add_row("seed", self.tr("Seed"), self.seed_edit)
        self.marks.add_row("size", self.tr("Size"), self._size_row())
        today = ctx.today()
        self.start_edit = date_picker(self, today)
        self.end_edit = date_picker(self, today + timedelta(days=30))
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(lambda _d: self._changed("start"))
        self.marks.add_row("start", self.tr("From"), self.start_edit)
        self.marks.add_row("end", self.tr("To"), self.end_edit)
        self.items_edit = QLineEdit(self)
        self.items_edit.setPlaceholderText(self.tr("What to check, optional"))
        self.marks.add_row("items", self.tr("Items to check"), self.items_edit)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.clicked.connect(self.on_preview_button_clicked)
        self.preview = QLabel(self.tr("Preview the draw before saving it."), self)
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.form.addRow(self.preview_button)
        self.form.addRow(self.preview)
        self.setMinimumWidth(560)

    def _size_row(self) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.count_radio = QRadioButton(self.tr("Count"), row)
        self.count_spin = QSpinBox(row)
        self.count_spin.setRange(1, 1_000_000)
        self.count_spin.setValue(20)
        self.percent_radio = QRadioButton(self.tr("Share"), row)
        self.percent_spin = QDoubleSpinBox(row)
        self.percent_spin.setRange(0.01, 100)
        self.percent_spin.setValue(10)
        self.percent_spin.setSuffix(" %")
        self.count_radio.setChecked(True)
        for widget in (self.count_radio, self.count_spin, self.percent_radio, self.percent_spin):
            line.addWidget(widget)
        line.addStretch(1)
        for spin in (self.count_spin, self.percent_spin):
            spin.valueChanged.connect(lambda _v: self._changed("size"))
        self.count_radio.toggled.connect(lambda _on: self._changed("size"))
        return row

    # -- the input --------------------------------------------------------------------------

    def _size(self) -> tuple[int | None, Decimal | None]:
        if self.count_radio.isChecked():
            return self.count_spin.value(), None
        return None, Decimal(str(round(self.percent_spin.value(), 2)))

    def _changed(self, field: str) -> None:
        """Any change of what the draw reads: preview again before saving."""
        self.previewed = None
        self.preview.setText(self.tr("Preview the draw before saving it."))
        self.touch(field)

    def problems(self) -> dict[str, str]:
        """Name, agency and seed are needed; the period must run forwards; a preview first."""
        found = {}
        if not self.name_edit.text().strip():
            found["name"] = self.tr("Name the plan.")
        if combo_data(self.agency_combo) is None:
            found["agency"] = self.tr("Choose the inspecting agency.")
        if not self.seed_edit.text().strip():
            found["seed"] = self.tr("A draw needs a seed.")
        if to_pydate(self.end_edit.date()) < to_pydate(self.start_edit.date()):
            found["end"] = self.tr("The plan ends before it starts.")
        return found

    def confirmed(self) -> bool:
        """Only a previewed draw is stored (the preview shows what will be stored)."""
        if self.previewed is None:
            self.preview.setText(self.tr("Preview the draw first: it shows what will be stored."))
            return False
        return True

    def on_preview_button_clicked(self) -> None:
        """Draw without storing and show what the plan would hold."""
        problems = {k: v for k, v in self.problems().items() if k in ("agency", "seed", "end")}
        self.marks.show(problems, everything=True)
        if problems:
            return
        ctx, count, percent = self.ctx, *self._size()
        seed, agency, start = self.seed_edit.text().strip(), combo_data(self.agency_combo), self._start()
        self.preview.setText(self.tr("Drawing…"))
        ctx.tasks.run(
            lambda _p, _c: preview_plan(
                ctx.store, ctx.user, seed=seed, agency=agency, start_on=start, count=count, percent=percent
            ),
            on_done=self.show_preview,
            on_error=self.on_preview_failed,
            label=self.tr("Drawing"),
            parent_widget=self,
            cancellable=False,
        )

    def _start(self) -> date:
        return to_pydate(self.start_edit.date())

    def show_preview(self, result: PlanResult) -> None:
        """Targets per risk level and each inspector's load."""
        self.previewed = result
        risks = Counter(i.risk for i in result.items)
        loads = Counter(name for i in result.items for name in i.inspectors)
        self.preview.setText(
            self.tr(
                "{drawn} of {candidates} targets in {field}: {risks}.\nInspectors ({people}): {loads}."
            ).format(
                drawn=len(result.items),
                candidates=result.candidates,
                field=value_title(result.field),
                risks="、".join(f"{value_title(r)} {risks[r]}" for r in ("高", "中", "低") if risks[r]),
                people=len(loads),
                loads="、".join(f"{name} {n}" for name, n in sorted(loads.items(), key=lambda kv: -kv[1])),
            )
        )

    def on_preview_failed(self, exc: BaseException) -> None:
        """The draw is impossible (too few targets or inspectors): say why."""
        self.previewed = None
        self.preview.setText("")
        self.ctx.dialogs.show_error(self, exc)

    def save_work(self) -> Callable[[], PlanResult]:
        """Store the plan (drawn again by the service: the same seed gives the same draw)."""
        ctx, count, percent = self.ctx, *self._size()
        name, seed = self.name_edit.text().strip(), self.seed_edit.text().strip()
        agency, start, end = combo_data(self.agency_combo), self._start(), to_pydate(self.end_edit.date())
        items = self.items_edit.text().strip() or None
        return lambda: create_plan(
            ctx.store,
            ctx.user,
            name=name,
            seed=seed,
            agency=agency,
            start_on=start,
            end_on=end,
            count=count,
            percent=percent,
            items_to_check=items,
        )

    def saved(self, result: PlanResult) -> None:
        """Tell the tab."""
        self.plan_saved.emit(result)
