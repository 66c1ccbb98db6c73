"""执法资格: the qualification area's tabs, each created the first time it is opened — 执法人员
(the officers), 执法证 (certificates and their histories), 申领 (申领 → 审核 → 发证), 年审 (annual review in batches), 培训
(training hours), 证件验证 (checking a card) and 设置 (numbers, validity, lead times, training);
the last tab opened is remembered."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.views.common.tabbed_area import TabbedArea, TabSpec

TAB_KEY = "qualifications/tab"


def _officers(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.personnel.officers.page import OfficersPage

    return OfficersPage(ctx, parent)


def _certificates(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.officers.certificates_tab import CertificatesTab

    return CertificatesTab(ctx, parent)


def _review(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.officers.review_tab import ReviewTab

    return ReviewTab(ctx, parent)


def _training(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.officers.training_tab import TrainingTab

    return TrainingTab(ctx, parent)


def _verify(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.officers.verify_tab import VerifyTab

    return VerifyTab(ctx, parent)


def _applications(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.officers.applications_tab import ApplicationsTab

    return ApplicationsTab(ctx, parent)


def _settings(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.officers.settings_tab import SettingsTab

    return SettingsTab(ctx, parent)


class QualificationsPage(TabbedArea):
    """The 执法资格 area: a tab per job, lazily built (执法证 first until another is remembered)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        specs: list[TabSpec] = [
            ("officers", self.tr("Officers"), _officers),
            ("certificates", self.tr("Certificates"), _certificates),
            ("applications", self.tr("Applications"), _applications),
            ("review", self.tr("Annual review"), _review),
            ("training", self.tr("Training"), _training),
            ("verify", self.tr("Verify a card"), _verify),
            ("settings", self.tr("Settings"), _settings),
        ]
        super().__init__(ctx, specs, TAB_KEY, parent, default="certificates")
        self.tab_widget.setObjectName("qualificationTabs")

    def set_filters(self, tab: str = "certificates", **filters: Any) -> None:
        """Bring tab ``tab`` to the front showing what ``filters`` keep (a dashboard bar's list)."""
        widget = self.show_tab(tab)
        set_filters = getattr(widget, "set_filters", None)
        if callable(set_filters):
            set_filters(**filters)

    def show_record(self, record_id: int) -> None:
        """Show officer ``record_id``'s certificate and its history (the warning centre asks)."""
        tab = self.show_tab("certificates")
        show = getattr(tab, "show_record", None)
        if callable(show):
            show(record_id)
