"""The dossier viewer's widgets and keys, built once for ``DossierViewer`` (in the manner of a Qt
Designer ``setup_ui``): the toolbar over the thumbnails and the page (or a message instead of
it), and the keyboard shortcuts, active anywhere inside the viewer. Both are handed what they
need (the widget to build in, the viewer's moves) and know nothing else of the viewer."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.views.common.look import GREY
from desktop.views.common.pdf.page_view import PageScrollArea, PageView
from desktop.views.common.pdf.thumbnails import ThumbnailList, ThumbnailModel
from desktop.views.common.pdf.toolbar import ToolbarRow, ViewerToolbar, add_keys


@dataclass(frozen=True)
class ViewerWidgets:
    """What ``build_widgets`` made."""

    toolbar: ViewerToolbar
    page_view: PageView
    scroll: PageScrollArea
    message: QLabel
    stack: QStackedWidget
    thumbs_model: ThumbnailModel
    thumbs: ThumbnailList


def build_widgets(viewer: QWidget) -> ViewerWidgets:
    """The toolbar, the thumbnails, the page in its scroll area and the message shown instead,
    laid out in ``viewer``."""
    toolbar = ViewerToolbar(viewer)
    page_view = PageView()
    scroll = PageScrollArea(page_view, viewer)
    message = QLabel(viewer)
    message.setObjectName("dossierMessage")
    message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    message.setWordWrap(True)
    message.setStyleSheet(f"color: {GREY}; padding: 24px;")
    stack = QStackedWidget(viewer)
    stack.addWidget(message)
    stack.addWidget(scroll)
    thumbs_model = ThumbnailModel(viewer)
    thumbs = ThumbnailList(viewer)
    thumbs.setModel(thumbs_model)
    body = QHBoxLayout()
    body.setContentsMargins(0, 0, 0, 0)
    body.setSpacing(0)
    body.addWidget(thumbs)
    body.addWidget(stack, 1)
    layout = QVBoxLayout(viewer)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(ToolbarRow(toolbar, viewer))
    layout.addLayout(body, 1)
    toolbar.thumbnails.setChecked(True)
    viewer.setFocusProxy(scroll)
    return ViewerWidgets(toolbar, page_view, scroll, message, stack, thumbs_model, thumbs)


def install_shortcuts(
    viewer: QWidget,
    tb: ViewerToolbar,
    scroll_screen: Callable[[bool], None],
    go_to_page: Callable[[int], None],
    last_page: Callable[[], int],
) -> QAction:
    """The keys of ``pdf_viewer``'s docstring; returns Escape (leave a mark mode), disabled."""
    key = functools.partial(add_keys, viewer)
    key(tb.next_page, QKeySequence.StandardKey.MoveToNextPage, "Right")
    key(tb.previous_page, QKeySequence.StandardKey.MoveToPreviousPage, "Left")
    key(QAction(viewer), "Space").triggered.connect(lambda: scroll_screen(True))
    key(QAction(viewer), "Shift+Space").triggered.connect(lambda: scroll_screen(False))
    key(QAction(viewer), "Home").triggered.connect(lambda: go_to_page(0))
    key(QAction(viewer), "End").triggered.connect(lambda: go_to_page(last_page()))
    key(QAction(viewer), "Ctrl+G").triggered.connect(tb.focus_page_box)
    key(QAction(viewer), QKeySequence.StandardKey.Find).triggered.connect(tb.focus_search)
    key(tb.next_hit, "F3")
    key(tb.previous_hit, "Shift+F3")
    key(tb.zoom_in, "Ctrl+=", QKeySequence.StandardKey.ZoomIn)
    key(tb.zoom_out, "Ctrl+-", QKeySequence.StandardKey.ZoomOut)
    key(tb.fit_width, "Ctrl+0")
    key(tb.mark_rect, "Ctrl+B")  # box: a reviewer marks all day, from the keyboard too
    key(tb.mark_text, "Ctrl+T")
    escape = key(QAction(viewer), "Escape")
    escape.setEnabled(False)
    tb.hint_shortcuts()
    return escape


def failure_text(code: str, name: str) -> str:
    """Why the file ``name`` cannot be shown (the worker's ``code``), in the viewer's words."""
    texts = {
        "missing": QT_TRANSLATE_NOOP("DossierViewer", "The file {name} does not exist or cannot be read."),
        "password": QT_TRANSLATE_NOOP(
            "DossierViewer", "{name} is protected by a password and cannot be shown."
        ),
        "empty": QT_TRANSLATE_NOOP("DossierViewer", "{name} has no pages."),
        "broken": QT_TRANSLATE_NOOP("DossierViewer", "{name} is damaged: its pages cannot be read."),
    }
    text = texts.get(code, QT_TRANSLATE_NOOP("DossierViewer", "{name} is not a PDF file, or it is damaged."))
    return QCoreApplication.translate("DossierViewer", text).format(name=name)
