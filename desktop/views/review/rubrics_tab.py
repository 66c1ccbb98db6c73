"""评查标准: the stored review standards (code, version, name, what they apply to, total, how many
deductions and vetoes, default or imported, locked once used) and the selected one as a tree; 导入 a
JSON file (a refused file lists every problem with its JSON path; an accepted one says whether it was
new, a new version, a replacement or unchanged) and 载入默认标准 for those who manage reviews."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.review.dto import RubricImport, RubricRow
from desktop.review.rubric_checks import rubric_problems
from desktop.review.rubrics import (
    get_rubric,
    import_rubric,
    install_default_rubrics,
    list_rubrics,
    read_rubric_file,
)
from desktop.review.scoring import format_points
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import fill_combo, local_time
from desktop.views.common.widgets import RANK_IMPORT
from desktop.views.review.standard_tree import RubricProblemsPanel, StandardTree, problem_lines
from desktop.views.review.tab_tools import fit, memory_page, select_where

SPLITTER_KEY = "review_rubrics"


class RubricsTab(ListPage):
    """The standards and the one selected; import and the defaults need ``Permission.MANAGE_REVIEWS``.

    ``rubric_imported(result)``: a ``RubricImport`` of a file or of a default standard.
    """

    rubric_imported = Signal(object)

    kinds = frozenset({"rubrics", "campaigns"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Review standards"),
            search_placeholder=self.tr("Search code, name or case category (Ctrl+F)"),
            show_title=False,
        )
        self.can_manage = ctx.user.can(Permission.MANAGE_REVIEWS)
        self.rubrics: tuple[RubricRow, ...] = ()
        self.version_filter = self.header.add_combo("versionFilter", self.tr("Versions"), 180)
        fill_combo(
            self.version_filter, [(self.tr("Every version"), None), (self.tr("Newest versions"), "latest")]
        )
        self.set_up_table("review_rubrics", self._columns())
        self.tree = StandardTree(self)
        self.problems = RubricProblemsPanel(self)
        self._add_actions()
        self.splitter = self.split(
            self.table, self.tree, Qt.Orientation.Vertical, [170, 610], SPLITTER_KEY, stretch=1
        )
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.problems)
        column.addWidget(self.splitter, 1)
        self.lay_out(body)
        self._connect()
        self._apply_filter()
        self.on_table_current_row_changed(None)

    # -- building -----------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        version, total, deductions, vetoes = (
            self.tr("Version"),
            self.tr("Total"),
            self.tr("Deductions"),
            self.tr("Vetoes"),
        )
        state, applies = self.tr("State"), self.tr("Applies to")
        return [
            ColumnSpec("code", self.tr("Code"), "code", width=120),
            ColumnSpec("version", version, "version", width=fit(self, 56, version), format=lambda v: f"v{v}"),
            ColumnSpec("name", self.tr("Name"), "name", width=330),
            ColumnSpec("applies_to", applies, None, width=fit(self, 110, applies), format="、".join),
            ColumnSpec(
                "total", total, "total", width=fit(self, 56, total), align="right", format=format_points
            ),
            ColumnSpec(
                "deductions", deductions, "deductions", width=fit(self, 64, deductions), align="right"
            ),
            ColumnSpec("vetoes", vetoes, "vetoes", width=fit(self, 56, vetoes), align="right"),
            ColumnSpec(
                "is_default",
                self.tr("Source"),
                "is_default",
                width=fit(self, 230, self.source_word(True)),
                format=self.source_word,
                tone=lambda row: "yellow" if row.is_default else None,
            ),
            ColumnSpec(
                "used",
                state,
                "used",
                width=fit(self, 150, state, self.used_word(True)),
                format=self.used_word,
            ),
            ColumnSpec("imported_at", self.tr("Imported at"), "imported_at", width=140, format=local_time),
        ]

    def _add_actions(self) -> None:
        h = self.header
        self.import_action = h.add_import_action(self.import_file, self.tr("Import…"))
        self.defaults_action = h.add_action(
            self.tr("Load default standards"),
            self.install_defaults,
            rank=RANK_IMPORT + 1,
            tooltip=self.tr(
                "Store the standards shipped with the program (to check against your province's before use)"
            ),
        )
        self.add_refresh_action(self.tr("Refresh"))
        for action in (self.import_action, self.defaults_action):
            action.setVisible(self.can_manage)
            action.setEnabled(self.can_manage)

    def _connect(self) -> None:
        self.version_filter.currentIndexChanged.connect(self.on_version_filter_current_index_changed)

    # -- words --------------------------------------------------------------------------------

    def source_word(self, is_default: bool) -> str:
        """默认 — 请对照本省现行标准核对, or 导入."""
        return (
            self.tr("Default — check against your province's standard") if is_default else self.tr("Imported")
        )

    def used_word(self, used: bool) -> str:
        """已用于评分（锁定） or 未使用."""
        return self.tr("Used for scoring (locked)") if used else self.tr("Not used yet")

    def outcome_text(self, result: RubricImport) -> str:
        """What an import did, in words."""
        row = result.rubric
        label = self.tr("{name} ({code} v{version})").format(
            name=row.name, code=row.code, version=row.version
        )
        texts = {
            "new": self.tr("{label}: a new standard, stored."),
            "version": self.tr(
                "{label}: the earlier version was used for scoring and stays as it was; the "
                "file is stored as this new version."
            ),
            "updated": self.tr("{label}: replaced — the earlier content was not used for scoring yet."),
            "unchanged": self.tr("{label}: unchanged — the file is the same as the stored standard."),
        }
        return texts.get(result.outcome, "{label}").format(label=label)

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[RubricRow]:
        """One page of the standards read last (newest versions only when asked)."""
        newest = {}
        for row in self.rubrics:
            newest[row.code] = row.id
        latest = query.filter("versions") == "latest"
        return memory_page(
            self.rubrics,
            query,
            search=lambda r: (r.code, r.name, *r.applies_to),
            keep=lambda r, _f: not latest or newest[r.code] == r.id,
        )

    def refresh(self, rubric_id: int | None = None) -> None:
        """Read the standards again, keeping the current one (or ``rubric_id``) current."""
        self.mark_loaded()
        ctx = self.ctx
        self.read(
            "rubrics", lambda: list_rubrics(ctx.store, ctx.user), partial(self.on_rubrics_loaded, rubric_id)
        )

    def on_rubrics_loaded(self, rubric_id: int | None, rubrics: Sequence[RubricRow]) -> None:
        """Show the standards read, keeping the current one (or ``rubric_id``) current."""
        self.rubrics = tuple(rubrics)
        current = self.current_rubric()
        wanted = rubric_id if rubric_id is not None else (current.id if current else None)
        self.model.reload()
        if not self.select_rubric(wanted) and self.model.total:
            self.table.select_row(0)

    def select_rubric(self, rubric_id: int | None) -> bool:
        """Make the row of a standard current; False when it is not listed."""
        return select_where(self.table, self.model, lambda row: row.id == rubric_id)

    def current_rubric(self) -> RubricRow | None:
        """The standard of the current row."""
        return self.table.current_row()

    def import_file(self) -> None:
        """导入: a standard from a JSON file chosen through the dialog seam."""
        if not self.can_manage:
            return
        path = self.ctx.dialogs.open_file(
            self, self.tr("Import a review standard"), self.tr("Review standards (*.json)")
        )
        if not path:
            return
        ctx, source = self.ctx, Path(path)
        ctx.tasks.run(
            lambda _p, _c: import_rubric(ctx.store, ctx.user, source),
            on_done=self.on_import_done,
            on_error=lambda exc: self.on_import_failed(source, exc),
            label=self.tr("Importing {file}").format(file=source.name),
            parent_widget=self,
            cancellable=False,
        )

    def install_defaults(self) -> None:
        """载入默认标准: store the shipped standards (marked as defaults to check)."""
        if not self.can_manage:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: install_default_rubrics(ctx.store, ctx.user),
            on_done=self.on_defaults_done,
            label=self.tr("Loading the default standards"),
            parent_widget=self,
            cancellable=False,
        )

    # -- slots --------------------------------------------------------------------------------

    def on_import_done(self, result: RubricImport) -> None:
        """Stored (or found unchanged): say which, and show it."""
        self.problems.hide()
        self.refresh(result.rubric.id)
        self.ctx.dialogs.info(self, self.tr("Import a review standard"), self.outcome_text(result))
        self.rubric_imported.emit(result)

    def on_import_failed(self, source: Path, exc: BaseException) -> None:
        """A refused file: every problem with its path; anything else as its kind asks."""
        if not isinstance(exc, ValidationError):
            self.ctx.dialogs.show_error(self, exc)
            return
        try:
            lines = problem_lines(rubric_problems(read_rubric_file(source)))
        except ValidationError as unreadable:  # not JSON, not an object, gone
            lines = [("", unreadable.localized())]
        self.problems.show_problems(source.name, lines or [(exc.field, exc.localized())])

    def on_defaults_done(self, results: Sequence[RubricImport]) -> None:
        """Say what each default standard did, and show the first."""
        self.problems.hide()
        self.refresh(results[0].rubric.id if results else None)
        lines = "\n".join(self.outcome_text(r) for r in results)
        self.ctx.dialogs.info(
            self,
            self.tr("Load default standards"),
            self.tr(
                "{count} default standard(s):\n{lines}\n\nDefaults follow published standards; check them "
                "against the standard in force in your province before scoring with them."
            ).format(count=len(results), lines=lines),
        )
        for result in results:
            self.rubric_imported.emit(result)

    def on_version_filter_current_index_changed(self, _index: int) -> None:
        """Every version, or only the newest of each code."""
        self._apply_filter()

    def on_table_current_row_changed(self, row: RubricRow | None) -> None:
        """Show the standard as a tree."""
        if row is None:
            self.tree.show_standard(None, empty=self.model.total == 0)
            return
        ctx = self.ctx

        def failed(exc: BaseException) -> None:
            self.tree.show_standard(None)
            ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

        ctx.tasks.load(
            lambda: get_rubric(ctx.store, ctx.user, row.id),
            lambda found: self.tree.show_standard(*found),
            on_error=failed,
            parent_widget=self,
            key=f"rubric-tree-{id(self)}",
        )

    # -- helpers ------------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        versions = self.version_filter.currentData()
        self.model.set_filters((("versions", versions),) if versions else ())
        self.update_empty_text()

    def empty_text(self) -> str:
        """What the empty list means, and what to do."""
        if self.rubrics and self.header.search_text():
            text = self.tr("No standard matches the search.")
        elif self.can_manage:
            text = self.tr("No review standards yet — import a standard file or load the default standards.")
        else:
            text = self.tr("No review standards yet: a supervisor imports them.")
        return text
