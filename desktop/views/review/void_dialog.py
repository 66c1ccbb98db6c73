"""作废评查活动: a supervisor voids a campaign set up wrongly, before any file has a score saved, saying
why; asked once, naming the campaign. The campaign stays on record (greyed), its draw verifiable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop.context import AppContext
from desktop.review.corrections import void_campaign
from desktop.review.dto import CampaignRow
from desktop.views.common.forms import FormDialog
from desktop.views.common.look import GREY

REASON_ROWS = 3


class VoidDialog(FormDialog):
    """Why the campaign is voided; 作废 asks once before it applies. ``campaign_voided(CampaignRow)``."""

    campaign_voided = Signal(object)

    def __init__(self, ctx: AppContext, row: CampaignRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Void the campaign"), parent, ok_text=self.tr("Void"))
        self.row = row
        self.save_button.setObjectName("voidButton")
        about = QLabel(
            self.tr(
                "{name}: {files} files drawn with seed {seed}. A campaign can be voided only before "
                "any file has a score saved. It stays on record, greyed, with this reason; its draw can "
                "still be verified, and it counts in no results or statistics."
            ).format(name=row.name, files=f"{row.files:,}", seed=row.seed),
            self,
        )
        about.setObjectName("voidAbout")
        about.setWordWrap(True)
        about.setStyleSheet(f"color: {GREY};")
        self.form.addRow(about)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. the scope was set wrongly; drawn again as …"))
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * REASON_ROWS + 12)
        self.reason_edit.textChanged.connect(lambda: self.touch("reason"))
        self.marks.add_row("reason", self.tr("Reason"), self.reason_edit)
        self.setMinimumWidth(520)

    def reason(self) -> str:
        """The reason typed, trimmed."""
        return self.reason_edit.toPlainText().strip()

    def problems(self) -> dict[str, str]:
        """A reason is needed."""
        return {} if self.reason() else {"reason": self.tr("Say why the campaign is voided.")}

    def confirmed(self) -> bool:
        """Asked once, naming the campaign."""
        return self.ctx.dialogs.confirm(
            self,
            self.tr("Void the campaign"),
            self.tr("Void {name}? Its {files} files will not be scored. This cannot be undone.").format(
                name=self.row.name, files=f"{self.row.files:,}"
            ),
            self.tr("Void"),
        )

    def save_work(self) -> Callable[[], CampaignRow]:
        """Void the campaign as shown."""
        ctx, row, reason = self.ctx, self.row, self.reason()
        return lambda: void_campaign(ctx.store, ctx.user, row.id, row.version, reason)

    def saved(self, result: CampaignRow) -> None:
        """Tell the tab."""
        self.campaign_voided.emit(result)
