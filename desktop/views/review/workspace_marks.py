"""Marks in the scoring workspace: a box or words drawn on a dossier page become a mark attached to
the selected deduction (taken first if need be) or, with no deduction selected, to what the
reviewer picks from a small menu at the mouse ("not linked" makes it a plain note). Clicking a
mark on the page selects its deduction; the marks list shows, relinks and deletes marks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop.review import sheets
from desktop.review.dto import MarkRow, Sheet
from desktop.views.review.rubric_panel import KEY_DIGITS
from desktop.views.review.workspace_host import Workspace

MENU_TEXT = 46
"""Characters of a deduction's text shown in a menu."""


def _short(text: str, size: int = MENU_TEXT) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class MarkActions(QObject):
    """What the workspace does with marks; ``selected`` is the mark picked on the page or in the list.

    ``take(code)`` takes a deduction a mark is linked to; ``parent`` holds the menus and questions;
    ``on_changes_saved`` is to be called with every sheet saved."""

    def __init__(self, window: Workspace, take: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.window, self.take, self.parent_widget = window, take, parent
        self.selected: int | None = None
        self.keep_selected = False
        self._known: set[int] | None = None

    # -- drawing -----------------------------------------------------------------------------

    def on_viewer_mark_drawn(self, page: int, rect: Any, kind: str, text: str) -> None:
        """A box or words drawn: link them to the selected deduction, or ask what they are for."""
        w = self.window
        if w.sheet is None or not w.sheet.editable:
            w.status(self.tr("This score sheet is read-only: no marks can be added."))
            return
        code = w.selected_code()
        if code is not None:
            self.add(page, rect, kind, text, code)
        else:
            w.menu_at_cursor(self.target_menu(page, rect, kind, text))

    def target_menu(self, page: int, rect: Any, kind: str, text: str) -> QMenu:
        """The deductions of the item in focus, every deduction and veto taken, and "not linked"."""
        w = self.window
        sheet = w.sheet
        assert sheet is not None
        menu = QMenu(self.parent_widget)
        menu.setObjectName("markTargetMenu")
        menu.setToolTipsVisible(True)
        item_code = w.focused_item_code()
        listed: set[str] = set()
        if item_code is not None:
            item = next(i for i in sheet.rubric.items() if i.code == item_code)
            menu.addSection(f"{item.code}  {item.title}")
            for n, deduction in enumerate(item.deductions):
                key = KEY_DIGITS[n] + " " if n < len(KEY_DIGITS) else ""
                self._target(
                    menu,
                    f"{key}{deduction.code}  {_short(deduction.text)}",
                    deduction.code,
                    (page, rect, kind, text),
                    taken=w.entry(deduction.code) is not None,
                )
                listed.add(deduction.code)
        others = [e for e in sheet.entries if e.code not in listed]
        if others:
            menu.addSection(self.tr("Deducted"))
            for entry in others:
                self._target(
                    menu,
                    f"{entry.code}  {_short(self.describe(sheet, entry.code))}",
                    entry.code,
                    (page, rect, kind, text),
                    taken=True,
                )
        menu.addSeparator()
        loose = menu.addAction(self.tr("Not linked (a note only)"))
        loose.setObjectName("markTarget_none")
        loose.triggered.connect(lambda _on=False: self.add(page, rect, kind, text, None))
        return menu

    def _target(
        self, menu: QMenu, label: str, code: str, mark: tuple[int, Any, str, str], taken: bool
    ) -> QAction:
        action = menu.addAction(label)
        action.setObjectName(f"markTarget_{code}")
        font = action.font()
        font.setBold(taken)
        action.setFont(font)
        action.setToolTip(self.describe(self.window.sheet, code))  # type: ignore[arg-type]
        action.triggered.connect(lambda _on=False: self.add(*mark, code))
        return action

    @staticmethod
    def describe(sheet: Sheet, code: str) -> str:
        """The text of a deduction or veto."""
        found = sheet.rubric.deduction(code)
        if found is not None:
            return found[1].text
        veto = sheet.rubric.veto(code)
        return veto.text if veto is not None else code

    def add(self, page: int, rect: Any, kind: str, text: str, code: str | None) -> None:
        """Save a mark, taking its deduction first when it is not taken yet (and selecting it)."""
        w = self.window
        if (
            code is not None
            and w.sheet is not None
            and w.sheet.rubric.deduction(code) is not None
            and code != w.selected_code()
        ):
            w.select_code(code)
        if code is not None and w.entry(code) is None:
            self.take(code)
        ctx, sid = w.ctx, w.scoring_id
        x0, y0, x1, y1 = (float(v) for v in rect)

        def plan(sheet: Sheet) -> Any:
            self._known = {m.id for m in sheet.marks}
            return lambda: sheets.add_mark(
                ctx.store, ctx.user, sid, sheet.version, page, (x0, y0, x1, y1), kind, text, code
            )

        w.change(plan)

    def on_changes_saved(self, sheet: Sheet) -> None:
        """A new mark is selected (Delete in the list removes a slip at once)."""
        if self._known is None:
            return
        new = [m.id for m in sheet.marks if m.id not in self._known]
        self._known = None
        if new:
            self.selected = max(new)
            self.window.show_selection(jump=False)

    # -- choosing ----------------------------------------------------------------------------

    def find(self, mark_id: int) -> MarkRow | None:
        """The mark with this id on the sheet shown."""
        sheet = self.window.sheet
        return None if sheet is None else next((m for m in sheet.marks if m.id == mark_id), None)

    def on_viewer_mark_activated(self, mark_id: int) -> None:
        """A mark clicked on the page: select its deduction (a note or a veto: the whole file)."""
        w = self.window
        mark = self.find(mark_id)
        if mark is None or w.sheet is None:
            return
        self.selected = mark_id
        self.keep_selected = True
        try:
            deduction = mark.code is not None and w.sheet.rubric.deduction(mark.code) is not None
            if deduction and mark.code != w.selected_code():
                w.select_code(mark.code)
            elif not deduction:
                w.select_code(None)
        finally:
            self.keep_selected = False
        w.show_selection(jump=False)
        w.show_mark(mark_id, listed=True)

    def on_list_mark_chosen(self, mark_id: int) -> None:
        """A mark picked in the list: show it on its page."""
        w = self.window
        self.selected = mark_id
        w.show_selection(jump=False)
        w.show_mark(mark_id)

    # -- changing ----------------------------------------------------------------------------

    def on_list_delete_requested(self, mark_id: int) -> None:
        """Delete in the list: ask once, then delete the mark."""
        w = self.window
        mark = self.find(mark_id)
        if mark is None or w.sheet is None or not w.sheet.editable:
            return
        text = self.tr("Delete the mark on page {page} ({target})?").format(
            page=mark.page + 1, target=mark.code or self.tr("a note")
        )
        if not w.ctx.dialogs.confirm(self.parent_widget, self.tr("Delete mark"), text, self.tr("Delete")):
            return
        if self.selected == mark_id:
            self.selected = None
        ctx = w.ctx
        w.change(
            lambda sheet: (
                (lambda: sheets.delete_mark(ctx.store, ctx.user, mark_id, sheet.version))
                if any(m.id == mark_id for m in sheet.marks)
                else None
            )
        )

    def link(self, mark_id: int, code: str | None) -> None:
        """Link a mark to another deduction or veto (taken first if need be), or to none."""
        w = self.window
        if code is not None and w.entry(code) is None:
            self.take(code)
        ctx = w.ctx
        w.change(lambda sheet: lambda: sheets.attach_mark(ctx.store, ctx.user, mark_id, sheet.version, code))

    def on_list_menu_requested(self, mark_id: int, where: QPoint) -> None:
        """Right-click on a mark: show it, link it elsewhere, delete it."""
        w = self.window
        mark, sheet = self.find(mark_id), w.sheet
        if mark is None or sheet is None:
            return
        menu = QMenu(self.parent_widget)
        menu.setObjectName("markMenu")
        show = menu.addAction(self.tr("Show on the page"))
        show.triggered.connect(lambda _on=False: self.on_list_mark_chosen(mark_id))
        if sheet.editable:
            link = menu.addMenu(self.tr("Link to"))
            selected = w.selected_code()
            codes: Sequence[str] = [e.code for e in sheet.entries]
            if selected is not None and selected not in codes:
                codes = [selected, *codes]
            for code in codes:
                action = link.addAction(f"{code}  {_short(self.describe(sheet, code))}")
                action.setCheckable(True)
                action.setChecked(code == mark.code)
                action.triggered.connect(lambda _on=False, code=code: self.link(mark_id, code))
            none = link.addAction(self.tr("Not linked (a note only)"))
            none.setCheckable(True)
            none.setChecked(mark.code is None)
            none.triggered.connect(lambda _on=False: self.link(mark_id, None))
            menu.addSeparator()
            delete = menu.addAction(self.tr("Delete…"))
            delete.triggered.connect(lambda _on=False: self.on_list_delete_requested(mark_id))
        w.menu_at_cursor(menu, where)
