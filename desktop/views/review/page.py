"""案卷评查: the area's tabs, each shown to the roles it serves and created the first time it is
opened — 我的评查 (a reviewer's score sheets), 评查活动 (campaigns, results, feedback), 复核
(rechecks) and 评查标准 (standards)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.views.common.widgets import user_key

TAB_KEY = "review/tab"


def _tasks(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.tasks_tab import TasksTab

    return TasksTab(ctx, parent)


def _campaigns(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.campaigns_tab import CampaignsTab

    return CampaignsTab(ctx, parent)


def _rechecks(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.rechecks_tab import RechecksTab

    return RechecksTab(ctx, parent)


def _rubrics(ctx: AppContext, parent: QWidget) -> QWidget:
    from desktop.views.review.rubrics_tab import RubricsTab

    return RubricsTab(ctx, parent)


class ReviewPage(QWidget):
    """The 案卷评查 area: a tab per job, lazily built; the last tab opened is remembered."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        user = ctx.user
        specs: list[tuple[str, str, Callable[[AppContext, QWidget], QWidget]]] = []
        campaigns = ("campaigns", self.tr("Campaigns"), _campaigns)
        tasks = ("tasks", self.tr("My review tasks"), _tasks)
        if user.can(Permission.MANAGE_REVIEWS):
            specs += [campaigns, tasks]
        elif user.can(Permission.SCORE_FILES):
            specs += [tasks, campaigns]
        else:
            specs.append(campaigns)
        specs += [("rechecks", self.tr("Rechecks"), _rechecks), ("rubrics", self.tr("Standards"), _rubrics)]
        self.factories = {key: factory for key, _title, factory in specs}
        self.keys = [key for key, _title, _factory in specs]
        self.tabs: dict[str, QWidget] = {}
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setDocumentMode(True)
        for _key, title, _factory in specs:
            self.tab_widget.addTab(QWidget(self.tab_widget), title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab_widget)
        remembered = QSettings().value(user_key(ctx.user.name, TAB_KEY), "", str)
        self.tab_widget.currentChanged.connect(self.on_tab_widget_current_changed)
        index = self.keys.index(remembered) if remembered in self.keys else 0
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

    def refresh(self) -> None:
        """Read the current tab again (F5 does the same inside a tab)."""
        widget = self.tab(self.keys[max(0, self.tab_widget.currentIndex())])
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()

    def show_tab(self, key: str) -> QWidget:
        widget = self.tab(key)
        self.tab_widget.setCurrentIndex(self.keys.index(key))
        return widget

    def on_tab_widget_current_changed(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            key = self.keys[index]
            self.tab(key)
            QSettings().setValue(user_key(self.ctx.user.name, TAB_KEY), key)
