"""The reviewer's scoring workspace (评分工作台): one window per score sheet, the dossier on the
left and the standard on the right, where a reviewer spends their days during a campaign.

- Left: the ``DossierViewer`` opened at the page where the reviewer left off (the page is
  remembered a second after it changes and on closing), or a panel saying the file is scored
  from paper. A missing or damaged PDF shows the viewer's message; scoring still works.
- Right: the case and the live total and grade (``ScoreHeader``), the standard as a tree
  (``RubricTree``), the vetoes, the selected deduction (``EntryEditor``), the review opinion,
  and 提交评分.
- Every change goes to the store at once through ``SheetChanges`` and the window redraws from the
  sheet the service returns: closing the window or a crash loses nothing.

Keys: 1–9 take the N-th deduction of the item in focus (again: one more occurrence); Space or
Enter in the tree takes or withdraws the deduction in focus; + and − change the occurrences (or
the points of a range); PgUp/PgDn turn pages, Ctrl+= / Ctrl+− / Ctrl+0 zoom, Ctrl+F searches
the dossier (from anywhere in the window); F6 moves between the dossier and the standard;
Delete removes the mark selected in the marks list; Ctrl+S saves the note being typed (out of
habit: all else is saved already); Ctrl+Z / Ctrl+Y undo and redo the changes to the sheet (each
saved too, ``sheet_undo``); Ctrl+Enter submits (asking once, naming the deductions without a
mark or a note), then 下一份 opens the next file to score; Ctrl+W closes.

A task list opens a sheet with ``open_scoring_window`` and refreshes its row on ``changed`` (every
saved change) and ``submitted``; ``close_scoring_windows`` closes them all (switching user, quitting).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.review import sheets
from desktop.review.dto import EntryRow, Sheet
from desktop.views.common.pdf.viewer import DossierViewer
from desktop.views.common.screen_fit import place_window, save_geometry
from desktop.views.common.widgets import save_splitter
from desktop.views.review.rubric_panel import DEDUCTION, ITEM, SECTION, RubricModel
from desktop.views.review.sheet_changes import SheetChanges, mark_shapes, marks_under
from desktop.views.review.sheet_undo import SheetHistory
from desktop.views.review.workspace_marks import MarkActions
from desktop.views.review.workspace_panels import PaperPanel, summary
from desktop.views.review.workspace_scoring import DeductionActions
from desktop.views.review.workspace_submit import SubmitMixin
from desktop.views.review.workspace_ui import (
    GEOMETRY_KEY,
    Keys,
    build_widgets,
    connect_side,
    initial_split,
    install_keys,
)

log = logging.getLogger(__name__)

REMEMBER_PAGE_MS = 1000
PAPER_SHARE = 35
"""Per cent of the width left to the paper-dossier panel: the standard takes the rest."""


def open_scoring_window(ctx: AppContext, scoring_id: int, parent: QWidget | None = None) -> ScoringWindow:
    """Show the scoring window of a sheet: the one already open (raised and focused), or a new one."""
    windows = ctx.scoring_windows
    window = windows.get(scoring_id)
    if isinstance(window, ScoringWindow) and shiboken6.isValid(window) and not window.is_closed:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        return window
    window = ScoringWindow(ctx, scoring_id, parent)
    if window.is_closed:  # the sheet could not be opened: the window said why and closed
        return window
    windows[scoring_id] = window
    window.closed.connect(lambda sid: windows.pop(sid, None) if windows.get(sid) is window else None)
    window.show()
    return window


def close_scoring_windows(ctx: AppContext) -> bool:
    """Close every scoring window of ``ctx`` (switching user, quitting): each saves the notes being
    typed first. False if one is still saving (it closes by itself once done)."""
    windows = ctx.scoring_windows
    for window in list(windows.values()):
        if shiboken6.isValid(window):
            window.close()
    return all(not shiboken6.isValid(w) or w.is_closed for w in windows.values())


class ScoringWindow(SubmitMixin, QMainWindow):
    """The workspace of one score sheet; see the module docstring."""

    changed = Signal(int)
    """A change to the sheet was saved (its total may have moved): a task list refreshes the row."""
    submitted = Signal(int)
    reopened = Signal(int)
    closed = Signal(int)
    next_opened = Signal(object)
    """下一份 opened the window of the next sheet (the task list follows it too)."""

    def __init__(self, ctx: AppContext, scoring_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("scoringWindow")
        self.ctx, self.scoring_id = ctx, scoring_id
        self.sheet: Sheet | None = None
        self.model: RubricModel | None = None
        self.viewer: DossierViewer | None = None
        self.paper = False
        self.is_closed = False
        self.open_menu: QMenu | None = None
        """The menu shown last (the marks' menus do not block)."""
        self._close_when_idle = False
        self._jump = True
        self._page: int | None = None
        self._remembered: int | None = None
        self.changes = SheetChanges(ctx.tasks, self)
        self.changes.saved.connect(self.on_changes_saved)
        self.changes.refused.connect(self.on_changes_refused)
        self.changes.idle.connect(self.on_changes_idle)
        self.history = SheetHistory(self, self)
        self.scoring = DeductionActions(self, self)
        self.marks = MarkActions(self, self.scoring.take, self)
        self.changes.saved.connect(self.marks.on_changes_saved)
        self._page_timer = QTimer(self, singleShot=True, interval=REMEMBER_PAGE_MS)
        self._page_timer.timeout.connect(self.remember_page)
        self.setWindowTitle(self.tr("Scoring"))
        self.ui = ui = build_widgets(self)
        for name in ui.__dataclass_fields__:  # self.tree, self.editor, … as before
            setattr(self, name, getattr(ui, name))
        connect_side(ui, self.scoring, self.marks, self.on_editor_editing_done)
        self.submit_button.clicked.connect(self.submit)
        self.reopen_button.clicked.connect(self.reopen)
        self.next_button.clicked.connect(self.next_file)
        self.undo_button.clicked.connect(self.history.undo)
        self.redo_button.clicked.connect(self.history.redo)
        self.history.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.history.stack.canRedoChanged.connect(self.redo_button.setEnabled)
        keys = Keys(
            self.submit,
            self.close,
            self.save_now,
            self.switch_focus,
            self.find_in_dossier,
            self._viewer,
            self.history.undo,
            self.history.redo,
        )
        self.submit_action = install_keys(self, self.side, self.scoring, keys)
        place_window(self, GEOMETRY_KEY, QSize(1500, 940))
        self._load()

    # -- loading -----------------------------------------------------------------------------

    def _load(self) -> None:
        ctx, sid = self.ctx, self.scoring_id
        ctx.tasks.run(
            lambda _p, _c: sheets.open_sheet(ctx.store, ctx.user, sid),
            on_done=self.on_sheet_opened,
            on_error=self.on_sheet_failed,
            parent_widget=self,
            label=self.tr("Opening the score sheet"),
        )

    def on_sheet_opened(self, sheet: Sheet) -> None:
        """The sheet is here: build the tree and the dossier, show everything."""
        f = sheet.file
        self.setWindowTitle(
            self.tr("Scoring · {case_no} · {agency}").format(case_no=f.case_no, agency=f.agency)
        )
        self.model = RubricModel(sheet.rubric, self)
        self.model.check_requested.connect(self.scoring.on_model_check_requested)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self.on_tree_current_changed)
        self.vetoes.set_rubric(sheet.rubric)
        self._open_dossier(sheet)
        self.changes.sheet = sheet
        self.show_sheet(sheet)
        first = self.model.index(0, 0, self.model.index(0, 0))
        self._jump = False
        self.tree.setCurrentIndex(first if first.isValid() else self.model.index(0, 0))
        self._jump = True
        self.tree.setFocus()
        QTimer.singleShot(0, self, self.on_first_layout)

    def on_first_layout(self) -> None:
        """Once the window has its size: the side's split, and a paper file's narrow left part."""
        initial_split(self.ui, self.viewer.toolbar if self.viewer is not None else None)
        if self.paper:
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * PAPER_SHARE // 100, total - total * PAPER_SHARE // 100])

    def _open_dossier(self, sheet: Sheet) -> None:
        if sheet.file.paper or not sheet.file.dossier:
            self.paper = True
            self.left.addWidget(PaperPanel(sheet.file.case_no, sheet.file.agency, self.left))
            self.left.setCurrentIndex(1)
            return
        viewer = DossierViewer(self.left)
        self.viewer = viewer
        self.left.addWidget(viewer)
        self.left.setCurrentWidget(viewer)
        viewer.pageChanged.connect(self.on_viewer_page_changed)
        viewer.failed.connect(self.on_viewer_failed)
        viewer.markActivated.connect(self.marks.on_viewer_mark_activated)
        viewer.markDrawn.connect(self.marks.on_viewer_mark_drawn)
        viewer.markModeChanged.connect(self.on_viewer_mark_mode_changed)
        self._remembered = sheet.last_page
        viewer.open(sheet.file.dossier)
        viewer.go_to_page(sheet.last_page)

    def on_sheet_failed(self, exc: BaseException) -> None:
        """The sheet cannot be opened (not the user's, gone): say why and close."""
        self.ctx.dialogs.show_error(self, exc)
        self.close()

    def reload(self) -> None:
        """Read the sheet again from the store (after a conflict)."""
        ctx, sid = self.ctx, self.scoring_id
        ctx.tasks.run(
            lambda _p, _c: sheets.open_sheet(ctx.store, ctx.user, sid),
            on_done=self.on_sheet_reloaded,
            parent_widget=self,
        )

    def on_sheet_reloaded(self, sheet: Sheet) -> None:
        """Show the sheet read again (what was done before cannot be undone any more)."""
        self.history.clear()
        self.changes.sheet = sheet
        self.show_sheet(sheet)

    # -- showing -----------------------------------------------------------------------------

    def show_sheet(self, sheet: Sheet) -> None:
        """Redraw everything from ``sheet`` (the tree keeps its expansion, selection and scroll)."""
        self.sheet = sheet
        assert self.model is not None
        self.model.set_sheet(sheet)
        self.header.show_sheet(sheet)
        self.vetoes.show_sheet(sheet, self.model.marks)
        self.note.show_sheet(sheet)
        self.show_selection(jump=False)
        editable = sheet.editable
        self.submit_button.setVisible(sheet.state != "submitted")
        self.next_button.setVisible(sheet.state == "submitted" and sheet.reviewer == self.ctx.user.name)
        self.submit_button.setEnabled(editable)
        self.submit_action.setEnabled(editable)
        can_reopen = sheet.state == "submitted" and self.ctx.user.can(Permission.MANAGE_REVIEWS)
        self.reopen_reason.setVisible(can_reopen)
        self.reopen_button.setVisible(can_reopen)

    def selected_code(self) -> str | None:
        """The deduction in focus in the tree."""
        if self.model is None:
            return None
        index = self.tree.currentIndex()
        return self.model.code_of(index) if self.model.kind_of(index) == DEDUCTION else None

    def show_selection(self, jump: bool) -> None:
        """The editor and the highlighted marks for the tree's current row; ``jump``: show its first mark."""
        if self.sheet is None or self.model is None:
            return
        sheet, index = self.sheet, self.tree.currentIndex()
        kind, code = self.model.kind_of(index), self.model.code_of(index)
        selected_mark = self.marks.selected
        if kind == DEDUCTION and code:
            marks = marks_under(sheet, [code])
            self.editor.show_deduction(sheet, code, marks, selected_mark)
        elif kind in (ITEM, SECTION) and code:
            marks = self._summarise(sheet, kind, code, selected_mark)
        else:
            marks = marks_under(sheet, None)
            self.editor.show_summary(
                sheet, self.tr("The whole file"), self.tr("Every mark on the dossier"), marks, selected_mark
            )
        if self.viewer is not None:
            self.viewer.set_marks(
                mark_shapes(sheet, code if kind == DEDUCTION else None, selected_mark, self.tr("Note"))
            )
            if jump and kind == DEDUCTION and marks:
                first = min(marks, key=lambda m: (m.page, m.rect[1], m.id))
                self.viewer.show_mark(first.id)

    def _summarise(self, sheet: Sheet, kind: int, code: str, selected_mark: int | None) -> list[Any]:
        title, info, codes = summary(sheet, kind == ITEM, code)
        marks = marks_under(sheet, codes)
        self.editor.show_summary(sheet, title, info, marks, selected_mark)
        return marks

    def on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Another row: its editor and marks; a deduction with marks shows its first one."""
        if not self.marks.keep_selected:
            self.marks.selected = None
        self.show_selection(jump=self._jump)

    def select_code(self, code: str | None, jump: bool = False) -> None:
        """Put the tree's focus on a deduction (or clear it for None)."""
        if self.model is None:
            return
        self._jump = jump
        try:
            if code is None or not self.model.index_of(code).isValid():
                self.tree.setCurrentIndex(QModelIndex())
            else:
                index = self.model.index_of(code)
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
        finally:
            self._jump = True

    def focused_item_code(self) -> str | None:
        """The item of the standard in focus (or of the deduction in focus)."""
        return None if self.model is None else self.model.item_code_of(self.tree.currentIndex())

    def show_mark(self, mark_id: int, listed: bool = False) -> None:
        """Show a mark on its page (``listed``: select it in the marks list instead)."""
        if listed:
            self.editor.marks.select_mark(mark_id)
        elif self.viewer is not None:
            self.viewer.show_mark(mark_id)

    def open_next(self, scoring_id: int) -> None:
        """Open the sheet ``scoring_id`` in its window, then close this one."""
        window = open_scoring_window(self.ctx, scoring_id, self.parentWidget())
        if not window.is_closed:
            self.next_opened.emit(window)
            self.close()

    def _viewer(self) -> DossierViewer | None:
        return self.viewer

    def status(self, text: str) -> None:
        """A short message in the status bar."""
        self.statusBar().showMessage(text, 6000)

    # -- changes -----------------------------------------------------------------------------

    def entry(self, code: str, sheet: Sheet | None = None) -> EntryRow | None:
        """The entry taken for ``code`` on ``sheet`` (the one shown by default)."""
        sheet = sheet or self.sheet
        return None if sheet is None else next((e for e in sheet.entries if e.code == code), None)

    def change(self, plan: Callable[[Sheet], Callable[[], Any] | None]) -> bool:
        """Queue a change if the sheet may be changed; say so when it may not."""
        if self.sheet is None or not self.sheet.editable:
            if self.sheet is not None:
                self.status(self.tr("This score sheet is read-only."))
            return False
        self.changes.add(plan)
        return True

    def on_editor_editing_done(self) -> None:
        """Enter in the editor's boxes: back to the standard."""
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_changes_saved(self, sheet: Sheet) -> None:
        """A change is in the store: show the sheet it gave back."""
        previous = self.sheet
        self.show_sheet(sheet)
        when = self.ctx.clock.now().astimezone().strftime("%H:%M:%S")
        self.saved_label.setText(self.tr("Saved {time}").format(time=when))
        self.changed.emit(self.scoring_id)
        if previous is not None and previous.state != sheet.state:
            (self.submitted if sheet.state == "submitted" else self.reopened).emit(self.scoring_id)
        code = self.scoring.focus_points_for
        if code is not None and (code != self.selected_code() or not sheet.editable):
            self.scoring.focus_points_for = None
        elif code is not None and self.entry(code) is not None:
            self.scoring.focus_points_for = None
            self.editor.focus_points()

    def on_changes_refused(self, exc: BaseException) -> None:
        """A change was refused: say why, and show the sheet as it is in the store."""
        self.scoring.focus_points_for = None
        self.history.clear()
        self.ctx.dialogs.show_error(self, exc, on_reload=self.reload)
        if self.changes.sheet is not None and not self.is_closed:
            self.show_sheet(self.changes.sheet)

    def on_changes_idle(self) -> None:
        """Every change is saved: a close waiting for that goes on."""
        if self._close_when_idle:
            self._close_when_idle = False
            QTimer.singleShot(0, self.close)

    # -- the dossier -------------------------------------------------------------------------

    def on_viewer_page_changed(self, page: int) -> None:
        """Remember the page a moment after the reviewer stops turning."""
        self._page = page
        self._page_timer.start()

    def remember_page(self) -> None:
        """Tell the store where the reviewer is in the dossier (their own sheet only)."""
        self._page_timer.stop()
        page, ctx = self._page, self.ctx
        if (
            page is None
            or page == self._remembered
            or self.sheet is None
            or self.sheet.reviewer != ctx.user.name
        ):
            return
        self._remembered = page
        sid = self.scoring_id
        ctx.tasks.run(
            lambda _p, _c: sheets.remember_page(ctx.store, ctx.user, sid, page),
            on_error=lambda exc: log.warning("could not remember the page: %s", exc),
            show_progress=False,
        )

    def on_viewer_failed(self, message: str) -> None:
        """The dossier cannot be shown (the viewer says why): scoring goes on."""
        self.status(message)

    def on_viewer_mark_mode_changed(self, mode: str) -> None:
        """No marks on a read-only sheet."""
        if mode and self.viewer is not None and (self.sheet is None or not self.sheet.editable):
            self.viewer.set_mark_mode("")
            self.status(self.tr("This score sheet is read-only: no marks can be added."))

    def find_in_dossier(self) -> None:
        """Ctrl+F from the standard: the viewer's search field."""
        if self.viewer is not None:
            self.viewer.focus_search()

    def switch_focus(self) -> None:
        """F6: from the dossier to the standard and back."""
        focus = self.focusWidget()
        if self.viewer is not None and not (focus is not None and self.viewer.isAncestorOf(focus)):
            self.viewer.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def menu_at_cursor(self, menu: QMenu, where: QPoint | None = None) -> None:
        """Show a menu (without blocking) at ``where`` or at the mouse; it goes once closed."""
        if self.open_menu is not None and shiboken6.isValid(self.open_menu):
            self.open_menu.close()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_menu = menu
        menu.popup(where if where is not None else QCursor.pos())

    # -- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save what is being typed and wait for the changes under way; remember the page and the layout."""
        if self.is_closed:
            event.accept()
            return
        if self.sheet is not None and self.sheet.editable:
            self.commit_edits()
        if self.changes.busy:
            self._close_when_idle = True
            self.status(self.tr("Saving…"))
            event.ignore()
            return
        self.remember_page()
        self.is_closed = True
        save_geometry(self, GEOMETRY_KEY)
        if not self.paper:  # the split of a paper file is not the one kept for dossiers
            save_splitter(self.splitter, f"{GEOMETRY_KEY}/main")
        save_splitter(self.side_splitter, f"{GEOMETRY_KEY}/side")
        if self.viewer is not None:
            self.viewer.close_document()
        self.closed.emit(self.scoring_id)
        super().closeEvent(event)
