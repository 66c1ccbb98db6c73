"""The power (执法事项) and its band (裁量档次) picked from the agency's catalogue, with the band's
range shown as the user types: the new-case dialog picks the power, the record-a-stage dialog
the band of a decision (issue 15)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desktop.cases.discretion import BandLimits, PowerVersion, discretion_problem
from desktop.cases.dto import CasePower
from desktop.context import AppContext
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.powers.catalogue import list_powers
from desktop.powers.dto import PowerRow
from desktop.views.common.forms import combo_data, select_data
from desktop.views.common.lazy_table import TONE_COLOURS, format_money


def as_version(p: PowerRow) -> PowerVersion:
    """A catalogue row as the register's rules read it."""
    return PowerVersion(
        p.code,
        p.agency_id,
        p.category,
        p.effective_on,
        p.expires_on,
        tuple(BandLimits(b.band, frozenset(b.penalty_kinds), b.fine_min, b.fine_max) for b in p.bands),
        p.name,
        p.legal_basis,
    )


_NOT_IN_FORCE = QT_TRANSLATE_NOOP("CaseDetailPanel", "{code} — not in force on the filing date")
_FINE = QT_TRANSLATE_NOOP("CaseDetailPanel", ", fine {low}–{high} yuan")


def case_power_text(p: CasePower | None) -> str | None:
    """A case's power beside the case: 事项编码 and name, the band applied with what it allows."""
    if p is None:
        return None
    if not p.in_force:
        return translate("CaseDetailPanel", _NOT_IN_FORCE).format(code=p.code)
    text = f"{p.code} {p.name or ''}".strip()
    if p.band:
        allowed = "、".join(p.band_kinds)
        if p.fine_min is not None or p.fine_max is not None:
            allowed += translate("CaseDetailPanel", _FINE).format(
                low=format_money(p.fine_min), high=format_money(p.fine_max)
            )
        text += f"\n{p.band}" + (f"：{allowed}" if allowed else "")
    return text


class PowerPicker(QWidget):
    """A power of the agency in force on a day, its band (``with_band``), and what the band
    allows; ``changed`` when the choice changes."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, with_band: bool) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.powers: list[PowerRow] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.power_combo = QComboBox(self)
        self.power_combo.setObjectName("power")
        self.power_combo.setMinimumContentsLength(24)
        self.power_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.power_combo.currentIndexChanged.connect(self._power_chosen)
        box.addWidget(self.power_combo)
        self.band_combo = QComboBox(self)
        self.band_combo.setObjectName("band")
        self.band_combo.currentIndexChanged.connect(self._band_chosen)
        self.band_combo.setVisible(with_band)
        box.addWidget(self.band_combo)
        self.hint = QLabel(self)
        self.hint.setObjectName("power_hint")
        self.hint.setWordWrap(True)
        self.hint.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 2)
        box.addWidget(self.hint)
        self._show([])

    # -- loading ----------------------------------------------------------------------------

    def load(
        self, agency_id: int | None, on: date, *, current: str | None = None, band: str | None = None
    ) -> None:
        """Read the agency's powers in force on ``on`` (off the GUI thread)."""
        if agency_id is None:
            self._show([])
            return
        ctx = self.ctx
        self.ctx.tasks.load(
            lambda: [
                p
                for p in list_powers(ctx.store, ctx.user, agency=agency_id).items
                if p.effective_on <= on and (p.expires_on is None or on <= p.expires_on)
            ],
            lambda powers: self._show(powers, current, band),
            on_error=lambda _exc: self._show([]),
            parent_widget=self,
            key=f"powers-{id(self)}",
        )

    def _show(self, powers: Sequence[PowerRow], current: str | None = None, band: str | None = None) -> None:
        self.powers = list(powers)
        blocked = self.power_combo.blockSignals(True)
        self.power_combo.clear()
        self.power_combo.addItem(
            self.tr("(no power chosen)") if powers else self.tr("(the agency has no catalogue of powers)"),
            None,
        )
        for p in self.powers:
            self.power_combo.addItem(f"{p.code}  {p.name}", p.code)
            self.power_combo.setItemData(self.power_combo.count() - 1, p.legal_basis, 3)  # tooltip
        if current:
            select_data(self.power_combo, current)
        self.power_combo.blockSignals(blocked)
        self.power_combo.setEnabled(bool(self.powers))
        self._fill_bands(band)
        self.changed.emit()

    def _fill_bands(self, band: str | None = None) -> None:
        blocked = self.band_combo.blockSignals(True)
        self.band_combo.clear()
        self.band_combo.addItem(self.tr("(no band chosen)"), None)
        power = self.power()
        for b in power.bands if power else ():
            self.band_combo.addItem(b.band, b.band)
        if band:
            select_data(self.band_combo, band)
        self.band_combo.blockSignals(blocked)
        self.band_combo.setEnabled(power is not None)
        self.show_hint((), None)

    # -- the choice -------------------------------------------------------------------------

    def power(self) -> PowerRow | None:
        """The chosen power."""
        code = combo_data(self.power_combo)
        return next((p for p in self.powers if p.code == code), None)

    def power_code(self) -> str | None:
        """The chosen 事项编码."""
        return combo_data(self.power_combo)

    def band(self) -> str | None:
        """The chosen 裁量档次."""
        return combo_data(self.band_combo) if self.band_combo.isVisible() or self.band_combo.count() else None

    def show_hint(self, kinds: Sequence[str], amount: Decimal | None) -> str | None:
        """Show what the band allows, in red with the reason when the decision is outside it;
        the reason (None when inside or nothing to check)."""
        power, band_name = self.power(), combo_data(self.band_combo)
        if power is None:
            self.hint.setText("")
            return None
        band = next((b for b in power.bands if b.band == band_name), None)
        if band is None:
            self.hint.setText(power.legal_basis)
            self.hint.setStyleSheet("")
            return None
        allowed = "、".join(band.penalty_kinds) or self.tr("no penalty")
        if band.fine_min is not None or band.fine_max is not None:
            allowed += self.tr("; fine {low}–{high} yuan").format(
                low=format_money(band.fine_min), high=format_money(band.fine_max)
            )
        problem = (
            discretion_problem(as_version(power), band.band, list(kinds), amount) if kinds or amount else None
        )
        if problem is None:
            self.hint.setText(self.tr("{band} allows: {allowed}").format(band=band.band, allowed=allowed))
            self.hint.setStyleSheet("")
            return None
        reason = translate("warnings", problem[0]).format(**problem[1])
        self.hint.setText(reason)
        self.hint.setStyleSheet(f"color: {TONE_COLOURS['red']};")
        return reason

    def _power_chosen(self, _index: int) -> None:
        self._fill_bands()
        self.changed.emit()

    def _band_chosen(self, _index: int) -> None:
        self.changed.emit()
