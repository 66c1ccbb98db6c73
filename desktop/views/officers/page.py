"""执法资格: the qualification area's tabs, each created the first time it is opened — 执法人员
(the officers), 执法证 (certificates and their histories), 申领 (申领 → 审核 → 发证), 年审 (annual review in batches), 培训
(training hours), 证件验证 (checking a card) and 设置 (numbers, validity, lead times, training);
the last tab opened is remembered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.views.common.widgets import user_key

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


class QualificationsPage(QWidget):
    """The 执法资格 area: a tab per job, lazily built."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        specs: list[tuple[str, str, Callable[[AppContext, QWidget], QWidget]]] = [
            ("officers", self.tr("Officers"), _officers),
            ("certificates", self.tr("Certificates"), _certificates),
            ("applications", self.tr("Applications"), _applications),
            ("review", self.tr("Annual review"), _review),
            ("training", self.tr("Training"), _training),
            ("verify", self.tr("Verify a card"), _verify),
            ("settings", self.tr("Settings"), _settings),
        ]
        self.factories = {key: factory for key, _title, factory in specs}
        self.keys = [key for key, _title, _factory in specs]
        self.tabs: dict[str, QWidget] = {}
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setObjectName("qualificationTabs")
        self.tab_widget.setDocumentMode(True)
        for _key, title, _factory in specs:
            self.tab_widget.addTab(QWidget(self.tab_widget), title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab_widget)
        remembered = QSettings().value(user_key(ctx.user.name, TAB_KEY), "", str)
        self.tab_widget.currentChanged.connect(self.on_tab_widget_current_changed)
        index = self.keys.index(remembered) if remembered in self.keys else 1
        self.tab_widget.setCurrentIndex(index)
        self.on_tab_widget_current_changed(index)

    def tab(self, key: str) -> QWidget:
        """The tab ``key`` (built now if it was not yet)."""
        if key not in self.tabs:
            index = self.keys.index(key)
            widget = self.factories[key](self.ctx, self.tab_widget)
            self.tab_widget.blockSignals(True)
            current = self.tab_widget.currentIndex()
            old = self.tab_widget.widget(index)
            title = self.tab_widget.tabText(index)
            self.tab_widget.removeTab(index)
            self.tab_widget.insertTab(index, widget, title)
            self.tab_widget.setCurrentIndex(current)
            self.tab_widget.blockSignals(False)
            old.deleteLater()
            self.tabs[key] = widget
        return self.tabs[key]

    def show_tab(self, key: str) -> QWidget:
        """Bring tab ``key`` to the front."""
        widget = self.tab(key)
        self.tab_widget.setCurrentIndex(self.keys.index(key))
        return widget

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

    def refresh(self) -> None:
        """Read the current tab again."""
        widget = self.tab(self.keys[max(0, self.tab_widget.currentIndex())])
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()

    def on_tab_widget_current_changed(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            key = self.keys[index]
            self.tab(key)
            QSettings().setValue(user_key(self.ctx.user.name, TAB_KEY), key)
