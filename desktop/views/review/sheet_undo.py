"""Undo and redo in the scoring workspace (Ctrl+Z, Ctrl+Y): every change the reviewer made to the
sheet — a deduction or veto taken, changed or withdrawn, a mark drawn, attached or deleted, the
review opinion — as a step of a ``QUndoStack``.

A step is what one saved change did, read from the sheet before and after it (``SheetStep``), so
every kind of change is covered the same way. Undoing puts back the state before it, redoing the
state after it, each through the ordinary services (``sheets.take``, ``drop``, ``set_note``,
``add_mark``, ``attach_mark``, ``delete_mark``) queued on the window's ``SheetChanges``: an undo
is saved and audited like any other change, and a sheet changed meanwhile elsewhere is refused
the same way. A mark deleted and put back gets a new number; ``MarkIds`` follows it so that older
steps still find it. Submitting, reopening or reading the sheet again (after a conflict) clears
the history: a locked sheet has nothing to undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.review import sheets
from desktop.review.dto import EntryRow, MarkRow, Sheet

Plan = Callable[[Sheet], Callable[[], Any] | None]
EntryState = tuple[int, Any, str] | None
"""What an undo restores of a deduction: its occurrences, points and note (None: not taken)."""
MarkState = tuple[int, tuple[float, float, float, float], str, str, str | None] | None
"""What an undo restores of a mark: page, rectangle, kind, text and deduction (None: no mark)."""


def entry_state(entry: EntryRow | None) -> EntryState:
    """The restorable state of a deduction taken (or None)."""
    return None if entry is None else (entry.count, entry.points, entry.note)


def mark_state(mark: MarkRow | None) -> MarkState:
    """The restorable state of a mark (or None)."""
    return None if mark is None else (mark.page, mark.rect, mark.kind, mark.text, mark.code)


@dataclass(frozen=True)
class SheetStep:
    """What one saved change did: the deductions, marks and opinion it changed, before and after."""

    entries: tuple[tuple[str, EntryState, EntryState], ...]
    marks: tuple[tuple[int, MarkState, MarkState], ...]
    note: tuple[str, str] | None

    @classmethod
    def between(cls, before: Sheet, after: Sheet) -> SheetStep | None:
        """The step from ``before`` to ``after`` (None if nothing that can be undone changed)."""
        old = {e.code: entry_state(e) for e in before.entries}
        new = {e.code: entry_state(e) for e in after.entries}
        entries = tuple(
            (code, old.get(code), new.get(code))
            for code in sorted(old.keys() | new.keys())
            if old.get(code) != new.get(code)
        )
        old_marks = {m.id: mark_state(m) for m in before.marks}
        new_marks = {m.id: mark_state(m) for m in after.marks}
        marks = tuple(
            (mid, old_marks.get(mid), new_marks.get(mid))
            for mid in sorted(old_marks.keys() | new_marks.keys())
            if old_marks.get(mid) != new_marks.get(mid)
        )
        note = (before.note, after.note) if before.note != after.note else None
        return cls(entries, marks, note) if entries or marks or note else None

    def describe(self) -> str:
        """The step in a few words ("1.2.b", "a mark", "the review opinion")."""
        translate = QCoreApplication.translate
        parts = [code for code, _, _ in self.entries]
        if self.marks and not parts:
            parts.append(translate("SheetUndo", "a mark"))
        if self.note is not None:
            parts.append(translate("SheetUndo", "the review opinion"))
        return "、".join(parts)


class MarkIds:
    """Marks put back by an undo get a new number: the number each older one now has."""

    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def now(self, mark_id: int) -> int:
        """The number the mark first numbered ``mark_id`` has now."""
        seen = set()
        while mark_id in self._moved and mark_id not in seen:
            seen.add(mark_id)
            mark_id = self._moved[mark_id]
        return mark_id

    def moved(self, old: int, new: int) -> None:
        """The mark ``old`` was put back as ``new``."""
        self._moved[old] = new


def restore_plans(ctx: Any, scoring_id: int, step: SheetStep, after: bool, ids: MarkIds) -> list[Plan]:
    """The changes that bring the sheet to the state before ``step`` (or ``after`` it): withdrawals
    first, then deductions taken or changed, the opinion, and the marks."""
    store, user = ctx.store, ctx.user
    wanted_entries = [(code, new if after else old) for code, old, new in step.entries]
    plans: list[Plan] = []

    def entry_plan(code: str, want: EntryState) -> Plan:
        def plan(sheet: Sheet) -> Callable[[], Any] | None:
            have = entry_state(next((e for e in sheet.entries if e.code == code), None))
            if have == want:
                return None
            if want is None:
                return lambda: sheets.drop(store, user, scoring_id, sheet.version, code)
            count, points, note = want
            return lambda: sheets.take(store, user, scoring_id, sheet.version, code, count, points, note)

        return plan

    plans += [entry_plan(code, want) for code, want in wanted_entries if want is None]
    plans += [entry_plan(code, want) for code, want in wanted_entries if want is not None]
    if step.note is not None:
        note = step.note[1] if after else step.note[0]
        plans.append(
            lambda sheet: (
                None
                if sheet.note == note
                else (lambda: sheets.set_note(store, user, scoring_id, sheet.version, note))
            )
        )

    def mark_plan(first_id: int, want: MarkState) -> Plan:
        def plan(sheet: Sheet) -> Callable[[], Any] | None:
            mark_id = ids.now(first_id)
            have = next((m for m in sheet.marks if m.id == mark_id), None)
            if want is None:
                return (
                    None
                    if have is None
                    else (lambda: sheets.delete_mark(store, user, mark_id, sheet.version))
                )
            page, rect, kind, text, code = want
            if have is None:

                def put_back() -> Sheet:
                    saved, new_id = sheets.add_mark(
                        store, user, scoring_id, sheet.version, page, rect, kind, text, code
                    )
                    ids.moved(mark_id, new_id)
                    return saved

                return put_back
            if have.code != code:
                return lambda: sheets.attach_mark(store, user, mark_id, sheet.version, code)
            return None

        return plan

    plans += [mark_plan(mid, new if after else old) for mid, old, new in step.marks]
    return plans


class SheetCommand(QUndoCommand):
    """One step on the undo stack; pushing it does nothing (the change is already saved)."""

    def __init__(self, history: SheetHistory, step: SheetStep) -> None:
        super().__init__(step.describe())
        self.history, self.step = history, step
        self._pushed = False

    def redo(self) -> None:
        """Make the change again (not when first pushed: it is saved already)."""
        if not self._pushed:
            self._pushed = True
            return
        self.history.apply(self.step, after=True)

    def undo(self) -> None:
        """Put back the sheet as it was before the change."""
        self.history.apply(self.step, after=False)


class SheetHistory(QObject):
    """The undo history of one scoring window: records its saved changes, undoes and redoes them."""

    def __init__(self, window: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.stack = QUndoStack(self)
        self.ids = MarkIds()
        window.changes.recorded.connect(self.on_changes_recorded)

    def on_changes_recorded(self, before: Sheet, after: Sheet) -> None:
        """A change of the reviewer's is saved: a step to undo (submitting or reopening clears all)."""
        if before.state != after.state:
            self.clear()
            return
        step = SheetStep.between(before, after)
        if step is not None:
            self.stack.push(SheetCommand(self, step))

    def clear(self) -> None:
        """Forget every step (the sheet was submitted, reopened or read again)."""
        self.stack.clear()

    def apply(self, step: SheetStep, after: bool) -> None:
        """Queue the changes that restore the sheet before (or after) ``step``."""
        w = self.window
        for plan in restore_plans(w.ctx, w.scoring_id, step, after, self.ids):
            w.changes.add(plan, record=False)

    def undo(self) -> None:
        """Ctrl+Z: undo the last change still done, saying which."""
        w = self.window
        if w.sheet is None or not w.sheet.editable:
            w.status(self.tr("This score sheet is read-only."))
        elif not self.stack.canUndo():
            w.status(self.tr("Nothing to undo."))
        else:
            text = self.stack.undoText()
            self.stack.undo()
            w.status(self.tr("Undone: {change}").format(change=text))

    def redo(self) -> None:
        """Ctrl+Y: redo the last change undone, saying which."""
        w = self.window
        if w.sheet is None or not w.sheet.editable:
            w.status(self.tr("This score sheet is read-only."))
        elif not self.stack.canRedo():
            w.status(self.tr("Nothing to redo."))
        else:
            text = self.stack.redoText()
            self.stack.redo()
            w.status(self.tr("Redone: {change}").format(change=text))
