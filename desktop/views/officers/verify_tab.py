"""证件验证: paste or scan (a USB scanner types and presses Enter) a card's QR payload; a forged or
altered one is refused, a genuine one shows the officer and the certificate's state today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.personnel.cards import CardKeyInfo, Verification, card_key, verify_payload
from desktop.views.officers.titles import state_title, state_tone

_COLOURS = {"green": "#1b5e20", "yellow": "#8a6100", "red": "#b3261e"}


class VerifyTab(QWidget):
    """The payload field and what the check says."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.payload_edit = QLineEdit(self)
        self.payload_edit.setObjectName("payload")
        self.payload_edit.setPlaceholderText(
            self.tr("Scan the card's QR code or paste its text, then press Enter")
        )
        self.payload_edit.returnPressed.connect(self.verify)
        self.verify_button = QPushButton(self.tr("Verify"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        row = QHBoxLayout()
        row.addWidget(self.payload_edit, 1)
        row.addWidget(self.verify_button)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-size: 16px; padding: 12px;")
        self.photo = QLabel(self)
        self.photo.setObjectName("verifiedPhoto")
        self.photo.setFixedSize(118, 165)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #c0c0c0; color: #808080;")
        self.photo.hide()
        result = QHBoxLayout()
        result.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        result.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("A card's QR code carries a payload signed with the bureau's key."), self)
        )
        layout.addLayout(row)
        layout.addLayout(result)
        layout.addStretch(1)
        self.key_label = QLabel(self)
        self.key_label.setObjectName("publicKey")
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.key_label)
        ctx.tasks.load(
            lambda: card_key(ctx.store, ctx.user),
            self.show_key,
            parent_widget=self,
            key=f"card-key-{id(self)}",
        )

    def show_key(self, info: CardKeyInfo) -> None:
        """The bureau's public card key, for anyone to check a card with."""
        if info.public_key is None:
            self.key_label.setText(self.tr("No card key has been made yet (the first card makes one)."))
        else:
            self.key_label.setText(
                self.tr("Public key {id} (Ed25519): {key}").format(id=info.key_id, key=info.public_key)
            )

    def verify(self) -> None:
        """Check the payload in the background."""
        ctx, payload = self.ctx, self.payload_edit.text()
        if not payload.strip():
            return
        ctx.tasks.load(
            lambda: verify_payload(ctx.store, ctx.user, payload, as_of=ctx.today()),
            self.show_verdict,
            parent_widget=self,
            key=f"verify-{id(self)}",
        )

    def show_verdict(self, result: Verification) -> None:
        """Say whether the card is genuine and, when it is, whose it is and its state today."""
        self.show_photo(result.photo if result.genuine else None, result.genuine)
        if not result.genuine:
            self.verdict.setText(self.tr("Not genuine: {reason}").format(reason=result.reason))
            self.verdict.setStyleSheet(f"font-size: 16px; padding: 12px; color: {_COLOURS['red']};")
            return
        colour = _COLOURS.get(state_tone(result.state) or "", "#333333")
        self.verdict.setText(
            self.tr("Genuine card {number}: {officer}, {agency}. State on {date}: {state}.").format(
                number=result.number,
                officer=result.officer,
                agency=result.agency,
                date=self.ctx.today().isoformat(),
                state=state_title(result.state),
            )
        )
        self.verdict.setStyleSheet(f"font-size: 16px; padding: 12px; color: {colour};")

    def show_photo(self, photo: bytes | None, shown: bool) -> None:
        """The holder's photo from the store (compare it with the face before you)."""
        self.photo.setVisible(shown)
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(
                pixmap.scaled(
                    self.photo.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
