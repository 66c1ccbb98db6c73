"""Submitting and reopening a score sheet in the scoring workspace (提交评分, a supervisor's 重新打开),
and saving the notes being typed: the part of ``ScoringWindow`` that ends (or reopens) the work on
a sheet, as a mixin of the window."""

from __future__ import annotations

from typing import Any

from desktop.review import sheets
from desktop.review.scoring import format_points


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
        ).format(case_no=sheet.file.case_no, reviewer=sheet.reviewer)
        if not self.ctx.dialogs.confirm(self, self.tr("Reopen score"), text, self.tr("Reopen score")):
            return
        ctx, sid = self.ctx, self.scoring_id
        self.changes.add(
            lambda latest: lambda: sheets.reopen(ctx.store, ctx.user, sid, latest.version, reason)
        )
        self.reopen_reason.clear()
