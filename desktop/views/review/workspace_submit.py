"""Submitting and reopening a score sheet in the scoring workspace (提交评分, a supervisor's 重新打开),
and saving the notes being typed: the part of ``ScoringWindow`` that ends (or reopens) the work on
a sheet, as a mixin of the window.

The confirmation names the deductions taken with neither a mark on the dossier nor a note (the
agency will ask where and why); once submitted, 下一份 opens the reviewer's next file of the
campaign not yet scored, or says there is none."""

from __future__ import annotations

from typing import Any

from desktop.review import sheets, worklist
from desktop.review.dto import Sheet
from desktop.review.scoring import format_points

UNSUPPORTED_SHOWN = 8
"""At most this many deductions without a mark or a note are named in the confirmation."""


def unsupported(sheet: Sheet) -> list[str]:
    """The deductions taken (not the vetoes) with neither a mark nor a note: "1.2.b 文本"."""
    marked = {m.code for m in sheet.marks if m.code}
    found = []
    for e in sheet.entries:
        deduction = sheet.rubric.deduction(e.code)
        if deduction is None or e.note.strip() or e.code in marked:
            continue
        found.append(f"{e.code} {deduction[1].text}")
    return found


class SubmitMixin:
    """The window's submit and reopen; see the module docstring."""

    sheet: Any
    ctx: Any
    scoring_id: int

    def commit_edits(self) -> None:
        """Save the notes being typed."""
        self.editor.commit_note()
        self.note.commit()

    def save_now(self) -> None:
        """Ctrl+S, out of habit: save the notes being typed; everything else already is."""
        if self.sheet is not None and self.sheet.editable:
            self.commit_edits()
            self.status(self.tr("Everything is saved."))

    def submit(self) -> None:
        """提交评分: ask once, naming the case; the sheet is locked afterwards."""
        sheet = self.sheet
        if sheet is None or not sheet.editable:
            return
        self.commit_edits()
        text = self.tr(
            "Submit the score of {case_no} ({agency}): {total} points, {grade}?\nA submitted score is "
            "locked; only a supervisor can reopen it."
        ).format(
            case_no=sheet.file.case_no,
            agency=sheet.file.agency,
            total=format_points(sheet.score.total),
            grade=sheet.score.grade,
        )
        bare = unsupported(sheet)
        if bare:
            listed = "\n".join(f"· {line}" for line in bare[:UNSUPPORTED_SHOWN])
            if len(bare) > UNSUPPORTED_SHOWN:
                listed += "\n" + self.tr("… and {count} more").format(count=len(bare) - UNSUPPORTED_SHOWN)
            text += "\n\n" + self.tr("{count} deductions have neither a mark nor a note:").format(
                count=len(bare)
            )
            text += "\n" + listed
        if not self.ctx.dialogs.confirm(self, self.tr("Submit score"), text, self.tr("Submit score")):
            return
        ctx, sid = self.ctx, self.scoring_id
        self.change(lambda latest: lambda: sheets.submit(ctx.store, ctx.user, sid, latest.version))

    def reopen(self) -> None:
        """A supervisor reopens the submitted score, with a reason, asking once."""
        sheet = self.sheet
        if sheet is None:
            return
        reason = self.reopen_reason.text().strip()
        if not reason:
            self.reopen_reason.setFocus()
            self.status(self.tr("Say why the score is reopened."))
            return
        text = self.tr(
            "Reopen the score of {case_no} by {reviewer}? They can change it again; the reason is recorded."
        ).format(case_no=sheet.file.case_no, reviewer=sheet.reviewer_name or sheet.reviewer)
        if not self.ctx.dialogs.confirm(self, self.tr("Reopen score"), text, self.tr("Reopen score")):
            return
        ctx, sid = self.ctx, self.scoring_id
        self.changes.add(
            lambda latest: lambda: sheets.reopen(ctx.store, ctx.user, sid, latest.version, reason)
        )
        self.reopen_reason.clear()

    def next_file(self) -> None:
        """下一份: the reviewer's next file of this campaign not yet scored (or say there is none)."""
        ctx, sid = self.ctx, self.scoring_id
        ctx.tasks.run(
            lambda _p, _c: worklist.next_sheet(ctx.store, ctx.user, sid),
            on_done=self.on_next_found,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            show_progress=False,
        )

    def on_next_found(self, next_id: int | None) -> None:
        """Open the next sheet in its own window and close this one, or say every file is scored."""
        if next_id is None:
            text = self.tr("Every file assigned to you in this campaign is scored.")
            self.status(text)
            self.ctx.dialogs.info(self, self.tr("Next file"), text)
            return
        self.open_next(next_id)
