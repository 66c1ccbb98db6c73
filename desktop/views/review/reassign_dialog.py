"""更换评查员: a supervisor gives a reviewer's sheets of the selected files to another reviewer (illness,
a conflict found late), saying why. Offered: the accounts holding the reviewer role. The service
refuses a reviewer of the file's agency, one who already scores the file, and submitted sheets; an
open sheet with work on it moves as it is (the dialog says so)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from desktop.context import AppContext
from desktop.review.corrections import reassign_reviewer
from desktop.review.dto import FileRow, Reassignment, ReviewerRow
from desktop.views.common.forms import FormDialog, combo_data
from desktop.views.common.look import GREY

REASON_ROWS = 3


def person(name: str, display_name: str = "") -> str:
    """``张三 (zhangsan)``, or the user name alone."""
    return f"{display_name} ({name})" if display_name and display_name != name else name


class ReassignDialog(FormDialog):
    """From whom, to whom, why; 更换. ``reviewer_reassigned(Reassignment)``."""

    reviewer_reassigned = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        campaign_id: int,
        files: Sequence[FileRow],
        reviewers: Sequence[ReviewerRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Reassign a reviewer"), parent, ok_text=self.tr("Reassign"))
        self.campaign_id = campaign_id
        self.files = tuple(files)
        self.save_button.setObjectName("reassignButton")
        names = {r.name: r for r in reviewers}
        holders = sorted({s.reviewer for f in self.files for s in f.sheets})
        self.about = about = QLabel(
            self.tr(
                "Files selected: {count} ({examples}). The old reviewer's open sheets of these files go "
                "to the new reviewer; deductions, marks and notes already saved stay on them. A "
                "submitted sheet is not moved: reopen it first."
            ).format(
                count=len(self.files),
                examples=self.tr(", ").join(f.case_no for f in self.files[:3])
                + ("…" if len(self.files) > 3 else ""),
            ),
            self,
        )
        about.setObjectName("reassignAbout")
        about.setWordWrap(True)
        about.setStyleSheet(f"color: {GREY};")
        self.form.addRow(about)
        self.from_combo = QComboBox(self)
        self.from_combo.setObjectName("fromReviewer")
        for name in holders:
            row = names.get(name)
            self.from_combo.addItem(person(name, row.display_name if row else ""), name)
        self.from_combo.currentIndexChanged.connect(lambda _i: self.touch("reviewer"))
        self.marks.add_row("from", self.tr("From"), self.from_combo)
        self.to_combo = QComboBox(self)
        self.to_combo.setObjectName("toReviewer")
        for r in reviewers:
            label = person(r.name, r.display_name)
            self.to_combo.addItem(
                self.tr("{person} · {agency}").format(person=label, agency=r.agency) if r.agency else label,
                r.name,
            )
        taken = {s.reviewer for f in self.files for s in f.sheets}
        free = next((n for n in range(self.to_combo.count()) if self.to_combo.itemData(n) not in taken), 0)
        self.to_combo.setCurrentIndex(free)  # someone who scores none of these files, when there is one
        self.to_combo.currentIndexChanged.connect(lambda _i: self.touch("reviewer"))
        self.marks.add_row("reviewer", self.tr("To"), self.to_combo)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. the reviewer is ill; a conflict of interest found"))
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * REASON_ROWS + 12)
        self.reason_edit.textChanged.connect(lambda: self.touch("reason"))
        self.marks.add_row("reason", self.tr("Reason"), self.reason_edit)
        self.setMinimumWidth(560)

    def reason(self) -> str:
        """The reason typed, trimmed."""
        return self.reason_edit.toPlainText().strip()

    def problems(self) -> dict[str, str]:
        """Someone to take the sheets, not the same person, and a reason."""
        found: dict[str, str] = {}
        old, new = combo_data(self.from_combo), combo_data(self.to_combo)
        if new is None:
            found["reviewer"] = self.tr("No account holds the reviewer role.")
        elif new == old:
            found["reviewer"] = self.tr("Choose another reviewer than the one the sheets are taken from.")
        if not self.reason():
            found["reason"] = self.tr("Say why the reviewer is changed.")
        return found

    def save_work(self) -> Callable[[], Reassignment]:
        """Move the old reviewer's sheets of the selected files that they hold."""
        ctx, campaign_id, reason = self.ctx, self.campaign_id, self.reason()
        old, new = combo_data(self.from_combo), combo_data(self.to_combo)
        ids = tuple(f.id for f in self.files if any(s.reviewer == old for s in f.sheets))
        return lambda: reassign_reviewer(ctx.store, ctx.user, campaign_id, old, new, reason, ids)

    def saved(self, result: Reassignment) -> None:
        """Tell the panel."""
        self.reviewer_reassigned.emit(result)
