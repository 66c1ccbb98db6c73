"""新建评查活动: name and seed, the period of closed cases, the categories with their standards, the
agencies, the quota, what to leave out, the reviewers and double scoring — checked as the user types
by the service's own rules (``check_spec``), each problem under its field, and a name close to an
existing campaign's warned of under the name. 预览抽取 computes the draw in the background without
storing it and shows the files per agency and per reviewer; 确认抽取 stores exactly that draw (返回修改
goes back to the settings); the dialog then shows the files drawn by agency, with the seed and
fingerprint."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.cases import terms
from desktop.context import AppContext
from desktop.core.errors import Conflict, ValidationError
from desktop.core.i18n import translate
from desktop.personnel.dto import AgencyRow
from desktop.review.campaigns import create_campaign
from desktop.review.dto import CampaignSpec, DrawPreview, DrawResult, RubricRow
from desktop.review.preview import preview_draw
from desktop.views.common.forms import INVALID_STYLE, FieldMarks
from desktop.views.common.look import GREY
from desktop.views.common.screen_fit import resize_to_fit
from desktop.views.review.campaign_checks import (
    FIELD_OF,
    NAME_TAKEN,
    NO_RUBRIC,
    Choices,
    campaign_choices,
    close_names,
    last_year,
    new_seed,
    same_draw,
    spec_problems,
)
from desktop.views.review.campaign_fields import CategoryChoices, QuotaChoice, ReviewerPicker, WeightChoice
from desktop.views.review.draw_preview import WARNING_STYLE, DrawPreviewView
from desktop.views.review.draw_result import DrawResultView
from desktop.views.review.form_parts import CheckList, ReviewerChoice, date_edit, to_date

LIST_INVALID_STYLE = (
    'QListWidget[invalid="true"], QWidget#choices[invalid="true"], QWidget#reviewers[invalid="true"]'
    " { border: 1px solid #D93025; border-radius: 2px; }"
)
PENDING_COLOUR = "#5F6B7A"
TALL_LABEL_TOP = 3
SPIN_WIDTH = 220


class CampaignDialog(QDialog):
    """Set up a campaign and draw it; ``campaign_drawn(DrawResult)`` once drawn.

    ``taken_names``: the names of existing campaigns (a name is refused as it is typed).
    """

    campaign_drawn = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        taken_names: Sequence[str] = (),
        agencies: Sequence[AgencyRow] | None = None,
        rubrics: Sequence[RubricRow] | None = None,
        reviewers: tuple[Sequence[ReviewerChoice], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.taken_names = {n.strip() for n in taken_names}
        self.result: DrawResult | None = None
        self.preview: DrawPreview | None = None
        self.previewed: CampaignSpec | None = None
        self.names: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.setWindowTitle(self.tr("New review campaign"))
        self.setStyleSheet(INVALID_STYLE + LIST_INVALID_STYLE)
        self.result_view = DrawResultView(self)
        self.preview_view = DrawPreviewView(self)
        self.loading = QLabel(self.tr("Reading the agencies, standards and reviewers…"), self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setStyleSheet(f"color: {GREY};")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.preview_view)
        self.stack.addWidget(self.result_view)
        self._build_buttons()
        self.draw_button.setEnabled(False)  # until the choices are there
        self.pending = QLabel(self)
        self.pending.setObjectName("pending")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(f"color: {PENDING_COLOUR};")
        self.pending.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.pending)
        layout.addWidget(self.buttons)
        resize_to_fit(self, QSize(1040, 600))
        self.load_choices = partial(
            ctx.tasks.load,
            partial(campaign_choices, ctx, agencies, rubrics, reviewers),
            self.show_choices,
            on_error=self.on_choices_failed,
            parent_widget=self,
        )
        self.load_choices()

    def show_choices(self, choices: Choices) -> None:
        """The agencies, standards and reviewers are read: the form to fill in."""
        agencies, rubrics, (reviewers, complete) = choices
        self.names = {
            r.name: f"{r.display_name} ({r.name})" if r.display_name and r.display_name != r.name else r.name
            for r in reviewers
        }
        self.form_page = QWidget(self)
        columns = QHBoxLayout(self.form_page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(24)
        self.form = self._column(columns)
        self.marks = FieldMarks(self.form)
        self._build_left(agencies, rubrics)
        self._build_right(columns, reviewers, complete)
        self.stack.insertWidget(0, self.form_page)
        self.stack.setCurrentWidget(self.form_page)
        self.revalidate()

    def on_choices_failed(self, exc: BaseException) -> None:
        """The choices could not be read: say so (nothing can be drawn)."""
        self.loading.setText(self.tr("The agencies, standards and reviewers could not be read."))
        self.ctx.dialogs.show_error(self, exc, on_retry=self.load_choices)

    # -- building -------------------------------------------------------------------------------

    def _column(self, columns: QHBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addStretch(1)
        columns.addLayout(column, 1)
        return form

    def _add(
        self, field: str, label: str, widget: QWidget, form: QFormLayout | None = None, *, tall: bool = False
    ) -> QWidget:
        form = form or self.form
        widget.setObjectName(widget.objectName() or field)
        self.labels[field] = label
        self.marks.add_row(field, label, widget, form)
        if tall:
            title = form.labelForField(widget.parentWidget())
            if isinstance(title, QLabel):
                title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                title.setContentsMargins(0, TALL_LABEL_TOP, 0, 0)
                title.setFixedHeight(title.fontMetrics().height() + 2 * TALL_LABEL_TOP)  # not the field's
        return widget

    def _note(self, text: str, form: QFormLayout) -> QLabel:
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY};")
        form.addRow("", note)
        return note

    def _build_left(self, agencies: Sequence[AgencyRow], rubrics: Sequence[RubricRow]) -> None:
        start, end = last_year(self.ctx.today())
        self.name_edit = QLineEdit(self.tr("{year} case-file review").format(year=start.year), self)
        self.name_edit.textEdited.connect(lambda _t: self.touch("name"))
        self._add("name", self.tr("Name"), self.name_edit)
        self.name_warning = QLabel(self)
        self.name_warning.setObjectName("nameWarning")
        self.name_warning.setWordWrap(True)
        self.name_warning.setStyleSheet(WARNING_STYLE)
        self.form.addRow("", self.name_warning)
        self.name_warning.hide()
        self.seed_edit = QLineEdit(new_seed(), self)
        self.seed_edit.textEdited.connect(lambda _t: self.touch("seed"))
        self.reseed_button = QPushButton(self.tr("New seed"), self)
        self.reseed_button.setObjectName("newSeed")
        self.reseed_button.clicked.connect(self.on_reseed_button_clicked)
        self._add("seed", self.tr("Seed"), self._row("seedRow", self.seed_edit, self.reseed_button))
        self._note(
            self.tr(
                "The seed is stored with the draw: with it anyone can repeat the draw and "
                "check that it gives the same files."
            ),
            self.form,
        )
        self.from_edit = date_edit(self, start, "closedFrom")
        self.to_edit = date_edit(self, end, "closedTo")
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.touch("period"))
        dash = QLabel("–", self)
        self._add(
            "period",
            self.tr("Cases closed"),
            self._row("period", self.from_edit, dash, self.to_edit, stretch=True),
        )
        self.categories = CategoryChoices(rubrics, self)
        self.categories.changed.connect(lambda: self.touch("categories"))
        self._add("categories", self.tr("Categories and standards"), self.categories, tall=True)
        self.agency_list = CheckList(self, rows=6)
        self.agency_list.setObjectName("agencies")
        for agency in agencies:
            self.agency_list.add(agency.short_name or agency.name, agency.id, tooltip=agency.name)
        if not agencies:
            self.agency_list.note(self.tr("No agency on the register yet."))
        self.agency_list.changed.connect(self.on_agency_list_changed)
        self._add("agencies", self.tr("Agencies"), self.agency_list, tall=True)
        self.agency_note = self._note("", self.form)
        self._say_agencies()

    def _build_right(self, columns: QHBoxLayout, choices: Sequence[ReviewerChoice], complete: bool) -> None:
        form = self._column(columns)
        self.quota = QuotaChoice(self)
        self.quota.changed.connect(lambda: self.touch("quota"))
        self._add("quota", self.tr("Files to draw"), self.quota, form, tall=True)
        self.exclude_spin = QSpinBox(self)
        self.exclude_spin.setMaximumWidth(SPIN_WIDTH)
        self.exclude_spin.setRange(0, 20)
        self.exclude_spin.setSpecialValueText(self.tr("None"))
        self.exclude_spin.setPrefix(self.tr("last "))
        self.exclude_spin.setSuffix(self.tr(" campaigns"))
        self.exclude_spin.valueChanged.connect(lambda _v: self.touch("exclude_recent"))
        self._add("exclude_recent", self.tr("Leave out files of"), self.exclude_spin, form)
        self.dossier_check = QCheckBox(self.tr("Only files with an electronic dossier"), self)
        self.dossier_check.toggled.connect(lambda _on: self.touch("require_dossier"))
        self._add("require_dossier", self.tr("Dossier"), self.dossier_check, form)
        self.reviewer_picker = ReviewerPicker(choices, complete, self)
        self.reviewer_picker.changed.connect(lambda: self.touch("reviewers"))
        self._add("reviewers", self.tr("Reviewers"), self.reviewer_picker, form, tall=True)
        self.weights = WeightChoice(self)
        self.weights.changed.connect(lambda: self.touch("first_weight"))
        self._add("first_weight", self.tr("Scoring"), self.weights, form)
        self.recheck_spin = QSpinBox(self)
        self.recheck_spin.setMaximumWidth(SPIN_WIDTH)
        self.recheck_spin.setRange(0, 60)
        self.recheck_spin.setValue(5)
        self.recheck_spin.setSuffix(self.tr(" working days"))
        self.recheck_spin.valueChanged.connect(lambda _v: self.touch("recheck_days"))
        self._add("recheck_days", self.tr("Recheck window"), self.recheck_spin, form)
        self._note(
            self.tr(
                "After its feedback, an agency may ask for a recheck of named deductions within "
                "this many working days."
            ),
            form,
        )

    def _row(self, name: str, *widgets: QWidget, stretch: bool = False) -> QWidget:
        row = QWidget(self)
        row.setObjectName(name)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate(widgets):
            line.addWidget(widget, 1 if n == 0 and not stretch else 0)
        if stretch:
            line.addStretch(1)
        return row

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.back_button = self.buttons.addButton(
            self.tr("Back to the settings"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.on_back_button_clicked)
        self.draw_button = self.buttons.addButton(
            self.tr("Preview the draw"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.draw_button.setObjectName("drawButton")
        self.draw_button.setDefault(True)
        self.draw_button.clicked.connect(self.on_draw_button_clicked)
        self.confirm_button = self.buttons.addButton(
            self.tr("Confirm the draw"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.clicked.connect(self.on_confirm_button_clicked)
        for button in (self.back_button, self.confirm_button):
            button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)

    # -- the input ------------------------------------------------------------------------------

    def spec(self) -> CampaignSpec:
        """The campaign as filled in."""
        return CampaignSpec(
            name=self.name_edit.text(),
            seed=self.seed_edit.text().strip(),
            closed_from=to_date(self.from_edit.date()),
            closed_to=to_date(self.to_edit.date()),
            reviewers=self.reviewer_picker.chosen(),
            categories=self.categories.chosen(),
            rubrics=self.categories.rubrics(),
            agency_ids=tuple(int(a) for a in self.agency_list.chosen()),
            per_agency=self.quota.per_agency(),
            percent=self.quota.percent(),
            exclude_recent=self.exclude_spin.value(),
            require_dossier=self.dossier_check.isChecked(),
            double=self.weights.double(),
            first_weight=self.weights.first_weight(),
            recheck_days=self.recheck_spin.value(),
        )

    def problems(self) -> dict[str, str]:
        """Field → message of every rule the input breaks (form field names)."""
        spec = self.spec()
        found = spec_problems(spec)
        if spec.name.strip() in self.taken_names:
            found.setdefault("name", translate("errors", NAME_TAKEN).format(name=spec.name.strip()))
        for category in self.categories.missing():
            found.setdefault(
                "rubrics", translate("errors", NO_RUBRIC).format(category=terms.term_title(category))
            )
        problems: dict[str, str] = {}
        for field, message in found.items():
            problems.setdefault(FIELD_OF.get(field, field), message)
        return problems

    def touch(self, field: str) -> None:
        """The user worked on ``field``: check it from now on."""
        self.marks.touched.add(field)
        self.revalidate()

    def revalidate(self) -> None:
        """Mark the touched fields; 抽取案卷 only when nothing is wrong; name what is still missing."""
        problems = self.problems()
        self.marks.show(problems)
        self.show_close_names()
        self.draw_button.setEnabled(not problems)
        self.draw_button.setToolTip(next(iter(problems.values()), ""))
        waiting = [
            self.labels.get(f, f)
            for f in self.marks.fields()
            if f in problems and f not in self.marks.touched
        ]
        waiting += [message for f, message in problems.items() if not self.marks.has(f)]
        self.pending.setText(
            self.tr("To draw, complete: {fields}").format(fields=self.tr(", ").join(waiting))
            if waiting
            else ""
        )
        self.pending.setVisible(bool(waiting))

    def show_close_names(self) -> None:
        """Warn (never refuse) when the name is close to an existing campaign's."""
        similar = close_names(self.name_edit.text(), self.taken_names)
        self.name_warning.setText(
            self.tr(
                "Close to an existing campaign: {names}. Check that this is not the same campaign twice."
            ).format(names=self.tr(", ").join(similar))
        )
        self.name_warning.setVisible(bool(similar))

    def field_message(self, field: str) -> str:
        """The message shown under a field ("" when it is fine)."""
        return self.marks.message(field)

    # -- slots ----------------------------------------------------------------------------------

    def on_reseed_button_clicked(self) -> None:
        """A new random seed."""
        self.seed_edit.setText(new_seed())
        self.touch("seed")

    def on_agency_list_changed(self) -> None:
        """Say which agencies are in scope (none ticked: all)."""
        self._say_agencies()
        self.touch("agencies")

    def _say_agencies(self) -> None:
        chosen, total = len(self.agency_list.chosen()), len(self.agency_list.items())
        self.agency_note.setText(
            self.tr("None ticked: all {total} agencies.").format(total=total)
            if not chosen
            else self.tr("{chosen} of {total} agencies.").format(chosen=chosen, total=total)
        )

    def on_draw_button_clicked(self) -> None:
        """Check every field; draw in the background when all is well, else point at the problem."""
        problems = self.problems()
        self.marks.show(problems, everything=True)
        self.revalidate()
        if problems:
            first = next((f for f in self.marks.fields() if f in problems), None)
            if first is not None:
                self.marks.widget(first).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        ctx, spec, as_of = self.ctx, self.spec(), self.ctx.today()
        self.draw_button.setEnabled(False)
        ctx.tasks.run(
            lambda _progress, _cancelled: preview_draw(ctx.store, ctx.user, spec, as_of=as_of),
            on_done=lambda preview: self.on_preview_done(spec, preview),
            on_error=self.on_draw_failed,
            label=self.tr("Computing the draw"),
            parent_widget=self,
            cancellable=False,
        )

    def on_preview_done(self, spec: CampaignSpec, preview: DrawPreview) -> None:
        """Computed, not stored: show the files per agency and per reviewer, and ask to confirm."""
        self.preview, self.previewed = preview, spec
        self.preview_view.show_preview(preview, self.names)
        self.stack.setCurrentWidget(self.preview_view)
        self.pending.hide()
        self.draw_button.hide()
        self.back_button.show()
        self.confirm_button.show()
        self.confirm_button.setEnabled(True)
        self.confirm_button.setDefault(True)
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setWindowTitle(self.tr("Preview of the draw"))

    def on_back_button_clicked(self) -> None:
        """返回修改: back to the settings, nothing stored."""
        self.preview = self.previewed = None
        self.stack.setCurrentWidget(self.form_page)
        self.back_button.hide()
        self.confirm_button.hide()
        self.draw_button.show()
        self.draw_button.setDefault(True)
        self.setWindowTitle(self.tr("New review campaign"))
        self.revalidate()

    def on_confirm_button_clicked(self) -> None:
        """确认抽取: store the draw previewed (the same settings, the same as-of date)."""
        spec = self.previewed
        if spec is None:
            return
        ctx, as_of = self.ctx, self.ctx.today()
        self.confirm_button.setEnabled(False)
        self.back_button.setEnabled(False)
        ctx.tasks.run(
            lambda progress, _cancelled: create_campaign(
                ctx.store, ctx.user, spec, as_of=as_of, progress=progress
            ),
            on_done=self.on_draw_done,
            on_error=self.on_draw_failed,
            label=self.tr("Drawing files (step {done} of {total})"),
            parent_widget=self,
            cancellable=False,
        )

    def on_draw_done(self, result: DrawResult) -> None:
        """Drawn: show the files by agency before closing, and tell the tab."""
        self.result = result
        self.result_view.show_result(
            result, changed=self.preview is not None and not same_draw(self.preview, result)
        )
        self.stack.setCurrentWidget(self.result_view)
        self.pending.hide()
        for button in (self.draw_button, self.confirm_button, self.back_button):
            button.hide()
        self.close_button.setText(self.tr("Close"))
        self.setWindowTitle(self.tr("Files drawn"))
        self.campaign_drawn.emit(result)

    def on_draw_failed(self, exc: BaseException) -> None:
        """Refused: back to the settings, and mark the field the service names (a taken name on the
        name), or explain."""
        self.back_button.setEnabled(True)
        if self.stack.currentWidget() is self.preview_view:
            self.on_back_button_clicked()
        self.draw_button.setEnabled(True)
        field = FIELD_OF.get(getattr(exc, "field", ""), getattr(exc, "field", ""))
        if isinstance(exc, Conflict):
            field = "name"
        if isinstance(exc, (ValidationError, Conflict)) and self.marks.has(field):
            self.marks.mark(field, exc.localized())
            self.marks.widget(field).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.ctx.dialogs.show_error(self, exc)

    def is_drawn(self) -> bool:
        """Whether the draw is done (the dialog shows its files)."""
        return self.result is not None
