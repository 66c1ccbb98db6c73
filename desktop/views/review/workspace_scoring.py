"""Taking and withdrawing deductions and vetoes in the scoring workspace, by mouse or key.

Each change is queued on the window's ``SheetChanges`` as a plan over the latest saved sheet:
"one occurrence more" pressed three times quickly is three more, never one; a plan whose change
is already made (or no longer possible) does nothing. A range deduction is taken at its lowest
points and its points box takes the focus, to type the points chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject

from desktop.review import sheets
from desktop.review.dto import EntryRow, Sheet
from desktop.views.review.workspace_host import Workspace

RANGE_STEP = Decimal("0.5")


def new_count(entry: EntryRow | None, count: int | None, add: int) -> int:
    """The occurrences after a change: ``count`` as given, or ``add`` more (or fewer), never below one."""
    if count is not None:
        return max(1, count)
    current = entry.count if entry else 0
    return max(1, current + add) if add else max(1, current)


class DeductionActions(QObject):
    """What the workspace does when the reviewer takes, changes or withdraws a deduction or veto."""

    def __init__(self, window: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.focus_points_for: str | None = None
        """A range deduction just taken: its points box takes the focus once it is saved."""

    def take(
        self,
        code: str,
        *,
        count: int | None = None,
        points: Decimal | None = None,
        note: str | None = None,
        add: int = 0,
        step: Decimal | None = None,
        create: bool = True,
    ) -> None:
        """Take ``code`` or change what was taken: an absolute ``count``/``points``/``note``, ``add``
        occurrences or ``step`` the points — each from the latest saved sheet. ``create=False``: only
        change an entry that is still there."""
        w = self.window
        ctx, sid = w.ctx, w.scoring_id

        def plan(sheet: Sheet) -> Callable[[], Any] | None:
            entry = w.entry(code, sheet)
            if entry is None and not create:
                return None
            occurrences = new_count(entry, count, add)
            chosen = points if points is not None else (entry.points if entry else None)
            found = sheet.rubric.deduction(code)
            if found is not None and found[1].kind == "range" and found[1].min is not None:
                low, high = found[1].min, found[1].max
                chosen = low if chosen is None else chosen
                if step is not None and high is not None:
                    chosen = min(max(chosen + step, low), high)
            if (
                entry is not None
                and (occurrences, chosen) == (entry.count, entry.points)
                and (note is None or note == entry.note)
            ):
                return None
            return lambda: sheets.take(
                ctx.store, ctx.user, sid, sheet.version, code, occurrences, chosen, note
            )

        w.change(plan)

    def drop(self, code: str) -> None:
        """Withdraw a deduction or veto, asking first if that deletes a note or unlinks marks."""
        w = self.window
        entry, sheet = w.entry(code), w.sheet
        if entry is None or sheet is None:
            return
        marks = sum(1 for m in sheet.marks if m.code == code)
        if (entry.note or marks) and not w.ctx.dialogs.confirm(
            w,
            self.tr("Withdraw deduction"),
            self.drop_question(code, bool(entry.note), marks),
            self.tr("Withdraw"),
        ):
            w.show_sheet(sheet)
            return
        ctx, sid = w.ctx, w.scoring_id
        w.change(
            lambda latest: (
                (lambda: sheets.drop(ctx.store, ctx.user, sid, latest.version, code))
                if w.entry(code, latest)
                else None
            )
        )

    def drop_question(self, code: str, note: bool, marks: int) -> str:
        """ "Withdraw 1.2.b?" with what that loses."""
        parts = [self.tr("Withdraw {code}?").format(code=code)]
        if note:
            parts.append(self.tr("Its note is deleted."))
        if marks:
            parts.append(
                self.tr("Its {marks} marks stay on the pages, linked to nothing.").format(marks=marks)
            )
        return " ".join(parts)

    def toggle(self, code: str) -> None:
        """Take a deduction or veto not taken; withdraw one taken (decided on the latest saved sheet,
        so Space pressed twice quickly takes and withdraws). A range then asks for its points."""
        w = self.window
        if w.sheet is None or not w.sheet.editable:
            w.status(self.tr("This score sheet is read-only."))
            return
        if w.entry(code):
            self.drop(code)
            return
        found = w.sheet.rubric.deduction(code)
        if found is not None and found[1].kind == "range":
            self.focus_points_for = code  # once saved (which may be at once)
        ctx, sid = w.ctx, w.scoring_id
        low = found[1].min if found is not None and found[1].kind == "range" else None

        def plan(sheet: Sheet) -> Callable[[], Any] | None:
            if w.entry(code, sheet) is not None:
                return lambda: sheets.drop(ctx.store, ctx.user, sid, sheet.version, code)
            return lambda: sheets.take(ctx.store, ctx.user, sid, sheet.version, code, 1, low)

        w.change(plan)

    def apply_nth(self, n: int) -> None:
        """Key 1–9: take the N-th deduction of the item in focus (already taken: one occurrence more)."""
        w = self.window
        if w.sheet is None:
            return
        if not w.sheet.editable:
            w.status(self.tr("This score sheet is read-only."))
            return
        item_code = w.focused_item_code()
        if item_code is None:
            w.status(self.tr("First choose an item of the standard (↑ ↓)."))
            return
        item = next(i for i in w.sheet.rubric.items() if i.code == item_code)
        if n > len(item.deductions):
            count = len(item.deductions)
            w.status(self.tr("{item} has {count} deductions only.").format(item=item_code, count=count))
            return
        deduction = item.deductions[n - 1]
        w.select_code(deduction.code)
        if deduction.kind == "per_occurrence":
            self.take(deduction.code, add=1)
        elif w.entry(deduction.code) is None:
            if deduction.kind == "range":
                self.focus_points_for = deduction.code
            self.take(deduction.code)
        else:
            w.status(self.tr("{code} is deducted already (Space withdraws it).").format(code=deduction.code))

    def step(self, delta: int) -> None:
        """+ / −: one occurrence more or less (never below one; + takes it); on a range, half a point."""
        w = self.window
        code = w.selected_code()
        if code is None or w.sheet is None:
            return
        found = w.sheet.rubric.deduction(code)
        kind = found[1].kind if found else ""
        if kind == "per_occurrence":
            self.take(code, add=delta, create=delta > 0)
        elif kind == "range":
            self.take(code, step=RANGE_STEP * delta, create=False)
        else:
            w.status(self.tr("+ and − change the occurrences of a deduction, or the points of a range."))

    # -- the widgets' requests ---------------------------------------------------------------

    def on_model_check_requested(self, code: str, on: bool) -> None:
        """A deduction's box clicked."""
        if on != (self.window.entry(code) is not None):
            self.window.select_code(code)
            self.toggle(code)

    def on_vetoes_veto_toggled(self, code: str, on: bool) -> None:
        """A veto button pressed: asks once before it applies (a veto decides the grade)."""
        w = self.window
        if on and w.entry(code) is None:
            if not self.confirm_veto(code):
                if w.sheet is not None:
                    w.show_sheet(w.sheet)
                return
            ctx, sid = w.ctx, w.scoring_id
            if (
                not w.change(
                    lambda sheet: (
                        None
                        if w.entry(code, sheet)
                        else (lambda: sheets.take(ctx.store, ctx.user, sid, sheet.version, code))
                    )
                )
                and w.sheet is not None
            ):
                w.show_sheet(w.sheet)
        elif not on and w.entry(code) is not None:
            self.drop(code)

    def confirm_veto(self, code: str) -> bool:
        """Ask once before a veto applies, naming it and what it does to the grade."""
        w = self.window
        if w.sheet is None or not w.sheet.editable:
            return True  # refused by ``change``, which says why
        veto = w.sheet.rubric.veto(code)
        fails = veto is None or veto.effect == "fail"
        effect = (
            self.tr("The file fails whatever its points.")
            if fails
            else self.tr("The file cannot be graded in the top band.")
        )
        text = self.tr("Apply the veto {code} {text}?").format(code=code, text=veto.text if veto else "")
        return w.ctx.dialogs.confirm(w, self.tr("Apply veto"), f"{text}\n{effect}", self.tr("Apply veto"))

    def on_editor_count_edited(self, code: str, count: int) -> None:
        """The occurrences typed or stepped."""
        self.take(code, count=count, create=False)

    def on_editor_points_edited(self, code: str, points: Decimal) -> None:
        """The points of a range typed or stepped."""
        self.take(code, points=points, create=False)

    def on_editor_note_edited(self, code: str, note: str) -> None:
        """A deduction's note, when its field is left."""
        self.take(code, note=note, create=False)

    def on_note_note_edited(self, note: str) -> None:
        """The review opinion."""
        w = self.window
        ctx, sid = w.ctx, w.scoring_id
        w.change(
            lambda sheet: (
                None
                if sheet.note == note
                else (lambda: sheets.set_note(ctx.store, ctx.user, sid, sheet.version, note))
            )
        )
