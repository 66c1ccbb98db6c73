"""抽查计划: the 双随机 plans, newest first, and beside the chosen one its drawn targets with their
inspectors and results — 新建 (preview, then store), 复核抽取 (draw again and compare), 导入结果
and 导出公示 (一公开)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.personnel.service import list_agencies
from desktop.powers.dto import PlanResult, PlanSummary
from desktop.powers.exchange import export_publication
from desktop.powers.inspection_results import import_results
from desktop.powers.inspections import get_plan, list_plans, verify_plan
from desktop.views.common.detail_panel import DetailPanel
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.value_titles import value_title
from desktop.views.powers.plan_dialog import PlanDialog


class PlanItems(DetailPanel):
    """The chosen plan: seed and period, and its items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, min_width=420)
        self.set_placeholder_text(self.tr("Choose a plan to see its targets and inspectors."))
        body = QWidget(self)
        box = QVBoxLayout(body)
        box.setContentsMargins(8, 0, 0, 0)
        self.summary = QLabel(body)
        self.summary.setObjectName("plan_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items = QTableWidget(0, 7, body)
        self.items.setObjectName("plan_items")
        self.items.setHorizontalHeaderLabels(
            [
                self.tr("Target"),
                self.tr("Credit code"),
                self.tr("Risk"),
                self.tr("Inspectors"),
                self.tr("Result"),
                self.tr("Checked on"),
                self.tr("Published on"),
            ]
        )
        self.items.verticalHeader().hide()
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setSortingEnabled(True)
        box.addWidget(self.summary)
        box.addWidget(self.items, 1)
        self.set_body(body)
        self.show_placeholder()

    def show_plan(self, plan: PlanResult | None, verdict: str = "") -> None:
        """Show ``plan`` (None: the placeholder), with the verdict of a re-check."""
        if plan is None:
            self.show_placeholder()
            return
        self.summary.setText(
            self.tr(
                "{plan} · {agency} · {field} · {start} – {end} · seed {seed} · {drawn} of {candidates}"
            ).format(
                plan=plan.plan,
                agency=plan.agency_short_name or plan.agency,
                field=value_title(plan.field),
                start=plan.start_on.isoformat(),
                end=plan.end_on.isoformat(),
                seed=plan.seed,
                drawn=len(plan.items),
                candidates=plan.candidates,
            )
            + (f"\n{verdict}" if verdict else "")
        )
        self.summary.setToolTip(plan.agency)
        self.items.setSortingEnabled(False)
        self.items.setRowCount(len(plan.items))
        for row, i in enumerate(plan.items):
            values = (
                i.target,
                i.credit_code,
                value_title(i.risk),
                "、".join(i.inspectors),
                value_title(i.result),
                i.result_on.isoformat() if i.result_on else "",
                i.published_on.isoformat() if i.published_on else "",
            )
            for col, text in enumerate(values):
                self.items.setItem(row, col, QTableWidgetItem(text))
        self.items.resizeColumnsToContents()
        self.items.setSortingEnabled(True)
        self.show_body()


class PlansTab(ListPage):
    """The plans; drawing needs ``MANAGE_POWERS``, results ``EDIT_CASES``."""

    kinds = frozenset({"inspections", "officers", "cases"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Inspection plans"), show_title=False)
        self.set_up_table(
            "plans",
            [
                ColumnSpec("name", self.tr("Plan"), width=220),
                ColumnSpec(
                    "agency_short_name",
                    self.tr("Agency"),
                    width=130,
                    format=lambda v: v or "",
                    tip=lambda r: r.agency,
                ),
                ColumnSpec("field", self.tr("Field"), width=150, format=value_title),
                ColumnSpec("start_on", self.tr("From"), width=95),
                ColumnSpec("end_on", self.tr("To"), width=95),
                ColumnSpec("items", self.tr("Targets"), width=70, align="right"),
                ColumnSpec("checked", self.tr("Checked"), width=70, align="right"),
                ColumnSpec("published", self.tr("Published"), width=80, align="right"),
            ],
        )
        self.detail = PlanItems(self)
        h = self.header
        user = ctx.user
        self.new_action = h.add_new_action(self.new_plan, self.tr("New plan"))
        self.new_action.setVisible(user.can(Permission.MANAGE_POWERS))
        self.verify_action = h.add_action(self.tr("Check the draw"), self.verify_current)
        self.results_action = h.add_import_action(self.import_results, self.tr("Import results"))
        self.results_action.setVisible(user.can(Permission.EDIT_CASES))
        self.publish_action = h.add_export_action(self.export_publication, self.tr("Export for publication"))
        self.add_refresh_action(self.tr("Refresh"))
        self.lay_out(self.split(self.table, self.detail, Qt.Orientation.Horizontal, [560, 760], "plans"))
        self.on_table_current_row_changed(None)
        self.update_empty_text()

    def fetch(self, query: ListQuery) -> Page[PlanSummary]:
        """Every plan (few: read whole)."""
        plans = list_plans(self.ctx.store, self.ctx.user)
        end = None if query.limit is None else query.offset + query.limit
        return Page(plans[query.offset : end], len(plans))

    def current_plan(self) -> PlanSummary | None:
        """The plan of the current row."""
        return self.table.current_row()

    # -- actions ----------------------------------------------------------------------------

    def new_plan(self) -> None:
        """Open the new-plan dialog with the agencies the user may plan for."""
        ctx = self.ctx
        self.read(
            "plan-agencies",
            lambda: [
                (a.id, a.short_name or a.name)
                for a in list_agencies(ctx.store, ctx.user, ListQuery(limit=None)).items
            ],
            self._open_plan_dialog,
        )

    def _open_plan_dialog(self, agencies: list[tuple[int, str]]) -> None:
        dialog = PlanDialog(self.ctx, agencies, self)
        dialog.plan_saved.connect(lambda _plan: self.refresh())
        self.open_dialog(dialog)

    def verify_current(self) -> None:
        """Draw the current plan again from the store as it is now and say whether it repeats."""
        plan = self.current_plan()
        if plan is None:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: verify_plan(ctx.store, ctx.user, plan.name),
            on_done=self.show_verdict,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Checking the draw"),
            parent_widget=self,
            cancellable=False,
        )

    def show_verdict(self, result: PlanResult) -> None:
        """The re-check: the same draw, or what differs."""
        verdict = (
            self.tr("Drawing again from the seed gives the same targets and inspectors.")
            if result.matches
            else self.tr("Drawing again does NOT give the stored plan: {why}").format(
                why="；".join(result.differences)
            )
        )
        self.detail.show_plan(result, verdict)
        (self.ctx.dialogs.info if result.matches else self.ctx.dialogs.warn)(
            self, self.tr("Check the draw"), verdict
        )

    def import_results(self) -> None:
        """Record the current plan's results from a workbook."""
        plan = self.current_plan()
        if plan is None:
            return
        path = self.ctx.dialogs.open_file(
            self, self.tr("Import results"), self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda progress, cancelled: import_results(
                ctx.store, ctx.user, plan.name, path, progress=progress, cancelled=cancelled
            ),
            on_done=lambda _r: self.refresh(),
            on_error=self.on_task_failed,
            label=self.tr("Importing results"),
            parent_widget=self,
        )

    def export_publication(self) -> None:
        """The current plan's results as a workbook for publication (一公开)."""
        plan = self.current_plan()
        if plan is None:
            return
        path = self.ctx.dialogs.save_file(
            self, self.tr("Export for publication"), f"{plan.name}.xlsx", self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda progress, cancelled: export_publication(
                ctx.store, ctx.user, plan.name, path, progress=progress, cancelled=cancelled
            ),
            on_done=lambda n: ctx.dialogs.info(
                self, self.tr("Export for publication"), self.tr("{count} results written.").format(count=n)
            ),
            on_error=self.on_task_failed,
            label=self.tr("Exporting"),
            parent_widget=self,
        )

    def on_task_failed(self, exc: BaseException) -> None:
        """Show why (a refused import lists its rows)."""
        self.ctx.dialogs.show_error(self, exc)

    # -- the chosen plan --------------------------------------------------------------------

    def on_table_current_row_changed(self, row: PlanSummary | None) -> None:
        """Show the chosen plan's items; the plan actions need one."""
        for action in (self.verify_action, self.results_action, self.publish_action):
            action.setEnabled(row is not None)
        if row is None:
            self.detail.show_plan(None)
            return
        ctx = self.ctx
        self.read("plan", lambda: get_plan(ctx.store, ctx.user, row.name), self.detail.show_plan)

    def empty_text(self) -> str:
        """No plan yet (and what to do)."""
        return self.tr("No inspection plans yet — import the targets' directory, then draw a plan with 新建.")
