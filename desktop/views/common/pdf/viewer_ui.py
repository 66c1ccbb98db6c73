"""The dossier viewer's widgets and keys, built once for ``DossierViewer`` (in the manner of a Qt
Designer ``setup_ui``): the toolbar over the thumbnails and the page (or a message instead of
it), and the keyboard shortcuts, active anywhere inside the viewer."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout

from desktop.views.common.look import GREY
from desktop.views.common.pdf.page_view import PageScrollArea, PageView
from desktop.views.common.pdf.thumbnails import ThumbnailList, ThumbnailModel
from desktop.views.common.pdf.toolbar import ViewerToolbar, add_keys

if TYPE_CHECKING:
    from desktop.views.common.pdf.viewer import DossierViewer


def build_widgets(viewer: DossierViewer) -> None:
    """The toolbar, the thumbnails, the page in its scroll area and the message shown instead."""
    viewer.toolbar = ViewerToolbar(viewer)
    viewer.page_view = PageView()
    viewer.scroll = PageScrollArea(viewer.page_view, viewer)
    viewer.message = QLabel(viewer)
    viewer.message.setObjectName("dossierMessage")
    viewer.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    viewer.message.setWordWrap(True)
    viewer.message.setStyleSheet(f"color: {GREY}; padding: 24px;")
    viewer.stack = QStackedWidget(viewer)
    viewer.stack.addWidget(viewer.message)
    viewer.stack.addWidget(viewer.scroll)
    viewer.thumbs_model = ThumbnailModel(viewer)
    viewer.thumbs = ThumbnailList(viewer)
    viewer.thumbs.setModel(viewer.thumbs_model)
    body = QHBoxLayout()
    body.setContentsMargins(0, 0, 0, 0)
    body.setSpacing(0)
    body.addWidget(viewer.thumbs)
    body.addWidget(viewer.stack, 1)
    layout = QVBoxLayout(viewer)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(viewer.toolbar)
    layout.addLayout(body, 1)
    viewer.toolbar.thumbnails.setChecked(True)
    viewer.setFocusProxy(viewer.scroll)


def install_shortcuts(viewer: DossierViewer) -> None:
    """The keys of ``pdf_viewer``'s docstring; Escape (leave a mark mode) starts disabled."""
    tb, key = viewer.toolbar, functools.partial(add_keys, viewer)
    key(tb.next_page, QKeySequence.StandardKey.MoveToNextPage, "Right")
    key(tb.previous_page, QKeySequence.StandardKey.MoveToPreviousPage, "Left")
    key(QAction(viewer), "Space").triggered.connect(lambda: viewer.scroll_screen(True))
    key(QAction(viewer), "Shift+Space").triggered.connect(lambda: viewer.scroll_screen(False))
    key(QAction(viewer), "Home").triggered.connect(lambda: viewer.go_to_page(0))
    key(QAction(viewer), "End").triggered.connect(lambda: viewer.go_to_page(viewer.page_count - 1))
    key(QAction(viewer), "Ctrl+G").triggered.connect(tb.focus_page_box)
    key(QAction(viewer), QKeySequence.StandardKey.Find).triggered.connect(tb.focus_search)
    key(tb.next_hit, "F3")
    key(tb.previous_hit, "Shift+F3")
    key(tb.zoom_in, "Ctrl+=", QKeySequence.StandardKey.ZoomIn)
    key(tb.zoom_out, "Ctrl+-", QKeySequence.StandardKey.ZoomOut)
    key(tb.fit_width, "Ctrl+0")
    key(tb.mark_rect, "Ctrl+B")  # box: a reviewer marks all day, from the keyboard too
    key(tb.mark_text, "Ctrl+T")
    viewer.escape_action = key(QAction(viewer), "Escape")
    viewer.escape_action.setEnabled(False)
    tb.hint_shortcuts()
