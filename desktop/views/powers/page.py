"""执法事项与抽查: the area's tabs, each created the first time it is opened — 执法事项 (the catalogue
of powers and their discretion benchmarks), 检查对象 (the 双随机 directory), 抽查计划 (plans, their
draws and results), 案源 (case sources) and 相对人 (one party's cases across agencies)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.views.common.tabbed_area import TabbedArea, TabSpec

TAB_KEY = "powers/tab"


def _catalogue(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.powers.catalogue_tab import CatalogueTab

    return CatalogueTab(ctx, parent)


def _targets(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.powers.targets_tab import TargetsTab

    return TargetsTab(ctx, parent)


def _plans(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.powers.plans_tab import PlansTab

    return PlansTab(ctx, parent)


def _leads(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.powers.leads_tab import LeadsTab

    return LeadsTab(ctx, parent)


def _parties(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.powers.parties_tab import PartiesTab

    return PartiesTab(ctx, parent)


class PowersPage(TabbedArea):
    """The powers area: a tab per list, lazily built; the last tab opened is remembered per user."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        specs: list[TabSpec] = [
            ("catalogue", self.tr("Powers"), _catalogue),
            ("plans", self.tr("Inspection plans"), _plans),
            ("targets", self.tr("Inspection targets"), _targets),
            ("leads", self.tr("Case sources"), _leads),
            ("parties", self.tr("Parties"), _parties),
        ]
        super().__init__(ctx, specs, TAB_KEY, parent)
