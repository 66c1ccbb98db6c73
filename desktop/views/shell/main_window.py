"""The window's frame: navigation on the left, the current area's page, menus and the status bar.

Areas come from ``PAGES`` in a supervisor's order; the navigation shows only those the user's
role may open. A page is created the first time it is visited (its module imported then too).
The program's start asks for the first page after the first paint (``first_page_after_paint``):
the frame (navigation, menus, status bar) is on screen at once with a light "loading" note
where the page goes, and the page (the dashboard's charts, pyqtgraph) is built right after.
When the user is known at start (the smoke test) the frame may even come before the store has
opened (``ctx.has_store`` false): it says ``store_label`` in the status bar, and the first page
waits for ``store_opened``. This module and what it imports are light (no SQLAlchemy) for that.

The window never tells one page about another: pages hear what changed from the task runner
(``changes_committed``) and refresh themselves. The one thing it does between pages is navigate:
a list page's ``record_requested(area, id)`` shows that area with the record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from importlib import import_module
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.i18n import translate
from desktop.core.security import ROLE_TITLES, Actor
from desktop.views.common.look import icon, store_text
from desktop.views.common.screen_fit import place_window, save_geometry
from desktop.views.common.widgets import user_key
from desktop.views.shell.daily_note import add_daily_note
from desktop.views.shell.help import GuideDialog, ShortcutsDialog
from desktop.views.shell.pages import PAGES, PageSpec

GEOMETRY_KEY = "main_window"
LAST_PAGE_KEY = "main_window/page"
BUSY_AFTER_MS = 300
NAV_WIDTH = 168
NAV_ITEM_HEIGHT = 34
DAILY_WORK = "desktop.views.shell.daily"
"""The day's start work (it reads the store's services): loaded with the first page, not the frame."""


def start_daily_work(ctx: AppContext, show: Callable[[str, int], None]) -> None:
    """Queue the start-of-day work (``desktop.views.shell.daily.start_daily_work``)."""
    import_module(DAILY_WORK).start_daily_work(ctx, show)


class PagePlaceholder(QLabel):
    """Where the first page goes while it is being built: "正在加载…"; says when first painted."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("MainWindow", "Loading…"), parent)
        self.setObjectName("pagePlaceholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setEnabled(False)  # greyed: nothing to do here yet
        self._said = False

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, then say so once (the frame is on screen: the page may be built now)."""
        super().paintEvent(event)
        if not self._said:
            self._said = True
            self.painted.emit()


def role_text(actor: Actor) -> str:
    """ "赵管理 · 系统管理员" (with the agency for users limited to one)."""
    role = translate("roles", ROLE_TITLES[actor.role])
    if actor.scope_agency_id is not None and actor.agency_name:
        return QCoreApplication.translate("MainWindow", "{user} · {role} · {agency}").format(
            user=actor.label, role=role, agency=actor.agency_name
        )
    return QCoreApplication.translate("MainWindow", "{user} · {role}").format(user=actor.label, role=role)


class MainWindow(QMainWindow):
    """Navigation, the pages (created on first visit), menus and the status bar."""

    switch_user_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        pages: Sequence[PageSpec] | None = None,
        first_page_after_paint: bool = False,
        store_label: str = "",
    ) -> None:
        """``first_page_after_paint``: show the frame with a "loading" note and build the first
        page once the window has been painted (the program's start); else build it now. A ``ctx``
        whose store has not opened yet needs it: the status bar says ``store_label`` meanwhile,
        and the first page is built once the frame is painted and ``store_opened`` is called."""
        super().__init__(parent)
        self.ctx = ctx
        self.specs = [spec for spec in (PAGES if pages is None else pages) if spec.allowed(ctx.user)]
        self.pages: dict[str, QWidget] = {}
        self.about_dialog: QWidget | None = None
        self.help_dialog: QDialog | None = None
        self._busy: dict[int, str] = {}
        self.placeholder: PagePlaceholder | None = None
        self._frame_painted = False
        self._store_label = store_label
        if not ctx.has_store and not first_page_after_paint:
            raise ValueError("a window without its store shows its first page after the paint")
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self._build_shortcuts()
        self._connect_tasks()
        place_window(self, GEOMETRY_KEY, QSize(1280, 800))
        self.daily_note = add_daily_note(self.statusBar())
        if self.specs and first_page_after_paint:
            self._show_placeholder(self._first_key())
        else:
            if self.specs:
                self.show_page(self._first_key())
            start_daily_work(ctx, self.daily_note.show_text)

    # -- building ----------------------------------------------------------------------------

    def _build_body(self) -> None:
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAV_WIDTH)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, spec in enumerate(self.specs, 1):
            item = QListWidgetItem(icon(spec.icon), spec.translated_title(), self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(NAV_WIDTH - 12, NAV_ITEM_HEIGHT))
            if number <= 9:
                item.setToolTip(f"{spec.translated_title()} (Alt+{number})")
        self.navigation.currentRowChanged.connect(self.on_navigation_current_row_changed)
        self.stack = QStackedWidget(self)
        body = QWidget(self)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._navigation_panel(body))
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _navigation_panel(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        panel.setObjectName("navigationPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 8, 0, 8)
        column.addWidget(self.navigation)
        return panel

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_user_action = file_menu.addAction(self.tr("Switch user…"))
        self.switch_user_action.triggered.connect(self.on_switch_user_action_triggered)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("Quit"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = help_menu.addAction(self.tr("User guide"))
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.on_guide_action_triggered)
        self.shortcuts_action = help_menu.addAction(self.tr("Keyboard shortcuts…"))
        self.shortcuts_action.triggered.connect(self.on_shortcuts_action_triggered)
        help_menu.addSeparator()
        self.about_action = help_menu.addAction(self.tr("About…"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.on_about_action_triggered)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.store_label = QLabel(bar)
        self._show_store()
        self.busy_label = QLabel(bar)
        self.busy_bar = QProgressBar(bar)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumSize(90, 12)
        self.busy_bar.setTextVisible(False)
        self.as_of_label = QLabel(bar)
        self.user_label = QLabel(role_text(self.ctx.user), bar)
        bar.addWidget(self.store_label, 1)
        for widget in (self.busy_label, self.busy_bar, self.as_of_label, self.user_label):
            bar.addPermanentWidget(widget)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self.on_busy_timer_timeout)
        self._show_busy(False)
        self.update_as_of()

    def _show_store(self) -> None:
        text = store_text(self.ctx.store) if self.ctx.has_store else self._store_label
        self.store_label.setText(text)
        self.store_label.setToolTip(text)

    def _build_shortcuts(self) -> None:
        self.area_actions: list[QAction] = []
        for number, spec in enumerate(self.specs[:9], 1):
            action = QAction(self.tr("Go to {area}").format(area=spec.translated_title()), self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(partial(self.on_area_action_triggered, spec.key))
            self.addAction(action)
            self.area_actions.append(action)

    def _connect_tasks(self) -> None:
        tasks = self.ctx.tasks
        if tasks is not None and hasattr(tasks, "task_started"):
            tasks.task_started.connect(self.on_tasks_task_started)
            tasks.task_finished.connect(self.on_tasks_task_finished)

    # -- pages -------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        """The keys of the areas this user may open, in navigation order."""
        return [spec.key for spec in self.specs]

    def current_key(self) -> str | None:
        """The key of the area shown."""
        row = self.navigation.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else None

    def show_page(self, key: str) -> QWidget:
        """Show an area, creating its page on the first visit (before the store has opened,
        the "loading" note stands for it)."""
        row = self.page_keys().index(key)
        spec = self.specs[row]
        if self.placeholder is not None and not self.ctx.has_store:
            self._point_placeholder(row)
            return self.placeholder
        page = self.pages.get(key)
        if page is None:
            page = self._create_page(spec)
        self.stack.setCurrentWidget(page)
        self._drop_placeholder()
        if self.navigation.currentRow() != row:
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(row)
            self.navigation.blockSignals(False)
        self.setWindowTitle(spec.translated_title())
        QSettings().setValue(user_key(self.ctx.user.name, LAST_PAGE_KEY), key)
        return page

    def _show_placeholder(self, key: str) -> None:
        """The frame now, with "loading" where the page ``key`` goes; the page after the first paint."""
        row = self.page_keys().index(key)
        self.placeholder = PagePlaceholder(self.stack)
        self.stack.addWidget(self.placeholder)
        self.stack.setCurrentWidget(self.placeholder)
        self._point_placeholder(row)
        self.placeholder.painted.connect(self.on_placeholder_painted)

    def _point_placeholder(self, row: int) -> None:
        """The navigation and the title on the area the placeholder stands for."""
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(row)
        self.navigation.blockSignals(False)
        self.setWindowTitle(self.specs[row].translated_title())

    def on_placeholder_painted(self) -> None:
        """The frame is on screen: build the first page once the event loop has turned (the
        paint reaches the screen first)."""
        self._frame_painted = True
        QTimer.singleShot(0, self.build_first_page)

    def store_opened(self) -> None:
        """The store behind the frame has opened (``ctx.store`` is set): say which, and build the
        first page (now, or after the frame's first paint)."""
        self._show_store()
        if self._frame_painted:
            self.build_first_page()

    def build_first_page(self) -> None:
        """Build the page the placeholder stands for (``show_page`` then drops the placeholder)."""
        key = self.current_key()
        if self.placeholder is not None and key is not None and self.ctx.has_store:
            self.show_page(key)

    def _drop_placeholder(self) -> None:
        """A page is shown: the placeholder goes, and the day's background work starts."""
        placeholder, self.placeholder = self.placeholder, None
        if placeholder is None:
            return
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        start_daily_work(self.ctx, self.daily_note.show_text)

    def _create_page(self, spec: PageSpec) -> QWidget:
        page = spec.factory(self.ctx, self.stack)
        page.setObjectName(f"page_{spec.key}")
        self.pages[spec.key] = page
        self.stack.addWidget(page)
        for name, slot in (
            ("record_requested", self.on_page_record_requested),  # a list page (ListPage)
            ("area_requested", self.on_page_area_requested),  # a list page's first steps
            ("filter_requested", self.on_page_filter_requested),  # the dashboard's charts
        ):
            signal = getattr(page, name, None)
            if isinstance(signal, SignalInstance):
                signal.connect(slot)
        return page

    def on_page_filter_requested(self, area: str, filters: dict[str, Any]) -> None:
        """A chart asked for the list behind it: show that area, filtered when it can be."""
        if area not in self.page_keys():
            return
        page = self.show_page(area)
        set_filters = getattr(page, "set_filters", None)
        if filters and set_filters is not None:
            set_filters(**filters)

    def on_page_record_requested(self, area: str, record_id: int) -> None:
        """A page asked for a record of another area (a warning's case): show it there."""
        if area not in self.page_keys():
            return
        page = self.show_page(area)
        show_record = getattr(page, "show_record", None)  # a list page, or an area of tabs
        if callable(show_record):
            show_record(record_id)

    def on_page_area_requested(self, area: str, part: str) -> None:
        """A page's first steps asked for an area: show it, with its tab (or start its action)."""
        if area not in self.page_keys():
            return
        page = self.show_page(area)
        show_tab = getattr(page, "show_tab", None)
        action = getattr(page, f"{part}_action", None) if part else None
        if part and callable(show_tab):
            show_tab(part)
        elif isinstance(action, QAction) and action.isEnabled() and action.isVisible():
            action.trigger()

    def _first_key(self) -> str:
        remembered = QSettings().value(user_key(self.ctx.user.name, LAST_PAGE_KEY))
        return remembered if remembered in self.page_keys() else self.specs[0].key

    # -- status bar --------------------------------------------------------------------------

    def update_as_of(self) -> None:
        """Show the as-of date only when it is not today."""
        as_of = self.ctx.as_of
        shown = as_of is not None and as_of != self.ctx.clock.today()
        self.as_of_label.setText(self.tr("As of {date}").format(date=as_of.isoformat()) if shown else "")
        self.as_of_label.setVisible(shown)

    def status_text(self) -> str:
        """Everything the status bar says (tests)."""
        labels = (self.store_label, self.busy_label, self.as_of_label, self.user_label)
        return " | ".join(label.text() for label in labels if label.text())

    def is_busy(self) -> bool:
        """Whether background work is in progress."""
        return bool(self._busy)

    def _show_busy(self, shown: bool) -> None:
        self.busy_label.setVisible(shown)
        self.busy_bar.setVisible(shown)

    def on_tasks_task_started(self, task: Any) -> None:
        """Background work began: say what, after a short delay (quick work never flickers)."""
        self._busy[task.id] = task.label or self.tr("Working…")
        self.busy_label.setText(self._busy[task.id])
        if not self._busy_timer.isActive() and not self.busy_bar.isVisible():
            self._busy_timer.start()

    def on_tasks_task_finished(self, task: Any) -> None:
        """Background work ended: show the next one still running, or nothing."""
        self._busy.pop(task.id, None)
        if self._busy:
            self.busy_label.setText(list(self._busy.values())[-1])
            return
        self._busy_timer.stop()
        self.busy_label.clear()
        self._show_busy(False)

    def on_busy_timer_timeout(self) -> None:
        """The work is taking a moment: show the indicator."""
        self._show_busy(bool(self._busy))

    # -- slots -------------------------------------------------------------------------------

    def on_navigation_current_row_changed(self, row: int) -> None:
        """The user picked an area."""
        if 0 <= row < len(self.specs):
            self.show_page(self.specs[row].key)

    def on_area_action_triggered(self, key: str) -> None:
        """Alt+N."""
        self.show_page(key)
        self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def on_switch_user_action_triggered(self) -> None:
        """切换用户: the startup shows the login again (once open score sheets have saved)."""
        if not self._close_scoring_windows():
            QTimer.singleShot(200, self.switch_user_action.trigger)
            return
        self.switch_user_requested.emit()

    def _close_scoring_windows(self) -> bool:
        """Close the scoring windows (each saves what is being typed); False while one still saves."""
        if not self.ctx.scoring_windows:
            return True
        from desktop.views.review.workspace import close_scoring_windows

        return close_scoring_windows(self.ctx)

    def on_about_action_triggered(self) -> None:
        """关于 (window-modal, never blocks)."""
        from desktop.views.shell.about import AboutDialog

        self.about_dialog = AboutDialog(self.ctx, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.destroyed.connect(self.on_about_dialog_destroyed)
        self.about_dialog.open()

    def on_guide_action_triggered(self) -> None:
        """用户指南 (F1), in the interface's language, inside the program."""
        self._open_help(GuideDialog(self))

    def on_shortcuts_action_triggered(self) -> None:
        """快捷键: what the window's actions say."""
        self._open_help(ShortcutsDialog(self))

    def _open_help(self, dialog: QDialog) -> None:
        if self.help_dialog is not None:
            self.help_dialog.close()
        self.help_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self.on_help_dialog_destroyed)
        dialog.show()

    def on_help_dialog_destroyed(self, _obj: object = None) -> None:
        """A help window closed."""
        self.help_dialog = None

    def on_about_dialog_destroyed(self, _obj: object = None) -> None:
        """The about box closed."""
        self.about_dialog = None

    def save_state(self) -> None:
        """Remember the window's geometry."""
        save_geometry(self, GEOMETRY_KEY)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the scoring windows first (they save), remember the geometry, say the window closed."""
        if not self._close_scoring_windows():
            event.ignore()
            QTimer.singleShot(200, self.close)
            return
        self.save_state()
        super().closeEvent(event)
        self.closed.emit()
