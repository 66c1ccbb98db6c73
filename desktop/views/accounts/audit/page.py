"""审计: the hash-chained audit record — newest first, filtered and searched, each record's changes
field by field, and a check that the chain is intact."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.accounts.audit import AuditFacets, AuditRow, ChainReport, audit_facets, list_audit, verify_chain
from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.views.accounts.audit.detail import AuditDetail
from desktop.views.accounts.audit.titles import action_title, entity_title
from desktop.views.common.forms import OptionalDateEdit
from desktop.views.common.lazy_table import TONE_COLOURS, ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import fill_combo, local_time, reload_keeping
from desktop.views.common.widgets import RANK_CUSTOM

SPLITTER_KEY = "audit"


class AuditPage(ListPage):
    """The audit table with filters (user, kind, action, dates), the detail pane and 校验."""

    kinds = frozenset({"audit"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Audit"),
            search_placeholder=self.tr("Search summary or object number (Ctrl+F)"),
        )
        self.report: ChainReport | None = None
        self.actor_filter = self._combo("actorFilter", self.tr("User"))
        self.entity_filter = self._combo("entityFilter", self.tr("Kind of object"))
        self.action_filter = self._combo("actionFilter", self.tr("Action"))
        self.date_from = self._date("dateFrom", self.tr("From"))
        self.date_to = self._date("dateTo", self.tr("To"))
        for combo, every in (
            (self.actor_filter, self.tr("All users")),
            (self.entity_filter, self.tr("All objects")),
            (self.action_filter, self.tr("All actions")),
        ):
            fill_combo(combo, [(every, None)])  # until the choices are read
        self.set_up_table("audit", self._columns())
        self.detail = AuditDetail(self)
        self.verify_label = QLabel(self)
        self.verify_label.setObjectName("verifyResult")
        self.verify_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._add_actions()
        self.splitter = self.split(self.table, self.detail, Qt.Orientation.Vertical, [460, 300], SPLITTER_KEY)
        self.lay_out(self.splitter, right=(self.verify_label,))
        self.update_empty_text()

    # -- building -----------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("id", self.tr("No."), "id", width=64, align="right"),
            ColumnSpec(
                "at", self.tr("Time"), "at", width=150, format=lambda at: local_time(at, seconds=True)
            ),
            ColumnSpec("actor", self.tr("User"), "actor", width=100),
            ColumnSpec("action", self.tr("Action"), "action", width=110, format=action_title),
            ColumnSpec("entity", self.tr("Object"), "entity", width=90, format=entity_title),
            ColumnSpec("entity_id", self.tr("Number"), None, width=70, align="right"),
            ColumnSpec("summary", self.tr("Summary"), None, width=300),
        ]

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = self.header.add_combo(name, tip)
        combo.currentIndexChanged.connect(self.on_filter_changed)
        return combo

    def _date(self, name: str, label: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(self.tr("Any date"), self)
        edit.setObjectName(name)
        edit.setToolTip(self.tr("{label} (Delete: any date)").format(label=label))
        edit.dateChanged.connect(self.on_filter_changed)
        caption = QLabel(label, self)
        caption.setContentsMargins(8, 0, 4, 0)
        caption.setBuddy(edit)
        self.header.add_filter(caption)
        self.header.add_filter(edit)
        return edit

    def _add_actions(self) -> None:
        h = self.header
        self.clear_action = h.add_action(self.tr("Clear filters"), self.clear_filters, rank=RANK_CUSTOM)
        self.verify_action = h.add_action(
            self.tr("Verify chain"),
            self.verify,
            rank=RANK_CUSTOM + 1,
            tooltip=self.tr("Check that no record was edited, removed or reordered"),
        )
        self.add_refresh_action(self.tr("Refresh"))

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[AuditRow]:
        """One page of audit records (newest first unless a column is sorted)."""
        return list_audit(self.ctx.store, self.ctx.user, query)

    def refresh(self) -> None:
        """Read the filter choices and the records again (newest first)."""
        self.mark_loaded()
        self.reload_facets()
        reload_keeping(self.table, self.model)

    def reload_facets(self) -> None:
        """Read what the record holds (through the task runner); the filters are filled when it
        arrives."""
        ctx = self.ctx
        self.read("audit-facets", lambda: audit_facets(ctx.store, ctx.user), self.on_facets_loaded)

    def on_facets_loaded(self, facets: AuditFacets) -> None:
        """Fill the user, kind and action filters, keeping what is chosen."""
        fill_combo(self.actor_filter, [(self.tr("All users"), None)] + [(a, a) for a in facets.actors])
        fill_combo(
            self.entity_filter,
            [(self.tr("All objects"), None)] + [(entity_title(e), e) for e in facets.entities],
        )
        fill_combo(
            self.action_filter,
            [(self.tr("All actions"), None)] + [(action_title(a), a) for a in facets.actions],
        )
        self._apply_filters()

    def clear_filters(self) -> None:
        """Every record again: no search, no filter."""
        for combo in (self.actor_filter, self.entity_filter, self.action_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.set_value(None)
            edit.blockSignals(False)
        self.header.set_search_text("")
        self._apply_filters()

    def verify(self) -> None:
        """Check the whole chain in the background and say what was found."""
        self.verify_label.setText(self.tr("Verifying…"))
        self.verify_label.setStyleSheet("")
        store = self.ctx.store
        self.ctx.tasks.run(
            lambda _p, _c: verify_chain(store),
            on_done=self.on_verify_done,
            on_error=lambda exc: self.ctx.dialogs.show_error(self, exc),
            label=self.tr("Verifying the audit chain"),
            parent_widget=self,
            cancellable=False,
            key=f"verify-{id(self)}",
        )

    # -- slots --------------------------------------------------------------------------------

    def on_table_current_row_changed(self, row: AuditRow | None) -> None:
        """Show the record below the table."""
        self.detail.show_record(row)

    def on_filter_changed(self, *_: object) -> None:
        """A filter changed: show only what it keeps."""
        self._apply_filters()

    def on_verify_done(self, report: ChainReport) -> None:
        """Intact in green, or the first broken record in red."""
        self.report = report
        if report.ok:
            text = self.tr("✓ Chain intact: {count} records").format(count=f"{report.checked:,}")
            colour = TONE_COLOURS["green"]
        else:
            text = self.tr("✗ Record {id} is broken: {reason}").format(
                id=report.broken_id, reason=report.localized()
            )
            colour = TONE_COLOURS["red"]
        self.verify_label.setText(text)
        self.verify_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    # -- helpers ------------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        filters = (
            ("actor", self.actor_filter.currentData()),
            ("entity", self.entity_filter.currentData()),
            ("action", self.action_filter.currentData()),
            ("date_from", self.date_from.value()),
            ("date_to", self.date_to.value()),
        )
        self.model.set_filters(tuple((k, v) for k, v in filters if v is not None))

    def empty_text(self) -> str:
        """Nothing matches (the record is never empty once anyone has logged in)."""
        return self.tr("No record matches the search or filters.")
