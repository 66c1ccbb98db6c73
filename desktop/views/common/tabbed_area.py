"""An area made of tabs (案卷评查, 执法事项与抽查 …): each tab is created the first time it is
opened, F5 reads the current one again, and the last tab opened is remembered per user."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.views.common.widgets import user_key

TabFactory = Callable[[AppContext, QWidget], QWidget]
TabSpec = tuple[str, str, TabFactory]
"""A tab: its key, its (translated) title and what builds it."""


class TabbedArea(QWidget):
    """Tabs built lazily from ``specs``; the current one is remembered under ``settings_key``;
    ``default`` is the tab opened when none is remembered (the first else)."""

    def __init__(
        self,
        ctx: AppContext,
        specs: Sequence[TabSpec],
        settings_key: str,
        parent: QWidget | None = None,
        default: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings_key = settings_key
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
        remembered = QSettings().value(user_key(ctx.user.name, settings_key), "", str)
        self.tab_widget.currentChanged.connect(self.on_tab_widget_current_changed)
        first = remembered if remembered in self.keys else default
        index = self.keys.index(first) if first in self.keys else 0
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
        """Bring the tab ``key`` to the front."""
        widget = self.tab(key)
        self.tab_widget.setCurrentIndex(self.keys.index(key))
        return widget

    def on_tab_widget_current_changed(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            key = self.keys[index]
            self.tab(key)
            QSettings().setValue(user_key(self.ctx.user.name, self.settings_key), key)
