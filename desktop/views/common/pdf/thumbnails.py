"""The page thumbnails beside the dossier: a list model holding one small image per page rendered
so far, and a vertical icon list that asks for the images of the rows in sight only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop.views.common.pdf.shapes import PageGeometry

THUMB_BOX = QSize(96, 136)
"""The box every thumbnail fits in (logical pixels): an A4 page at 96 px wide."""

WANT_DELAY_MS = 40

Index = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    """One row per page: the page number, its thumbnail once rendered, a dot if it bears marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: list[QSize] = []
        self._icons: dict[int, QIcon] = {}
        self._placeholders: dict[tuple[int, int], QIcon] = {}
        self._marked: dict[int, str] = {}

    def reset(self, geometries: Sequence[PageGeometry]) -> None:
        """A new document (or none, with an empty sequence)."""
        self.beginResetModel()
        self._sizes = [thumb_size(g) for g in geometries]
        self._icons.clear()
        self._marked.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per page."""
        return 0 if parent.isValid() else len(self._sizes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Page number, thumbnail (or a blank page until it is rendered), tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._sizes):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row + 1} ●" if row in self._marked else str(row + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(row) or self._placeholder(self._sizes[row])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Page {page}").format(page=row + 1)
        if role == Qt.ItemDataRole.ForegroundRole and row in self._marked:
            return QColor(self._marked[row])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def has_image(self, page: int) -> bool:
        """Whether the page's thumbnail has been rendered."""
        return page in self._icons

    def set_image(self, page: int, image: QImage) -> None:
        """The rendered thumbnail of ``page``."""
        if 0 <= page < len(self._sizes):
            self._icons[page] = _untinted(QPixmap.fromImage(image))
            index = self.index(page)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def set_marked(self, colors: Mapping[int, str]) -> None:
        """Pages that bear marks, with the colour of one of them."""
        changed = set(colors) ^ set(self._marked) | {p for p in colors if self._marked.get(p) != colors[p]}
        self._marked = dict(colors)
        for page in sorted(p for p in changed if 0 <= p < len(self._sizes)):
            index = self.index(page)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def _placeholder(self, size: QSize) -> QIcon:
        key = (size.width(), size.height())
        if key not in self._placeholders:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.white)
            painter = QPainter(pixmap)
            painter.setPen(QColor("#C9CED6"))
            painter.drawRect(0, 0, size.width() - 1, size.height() - 1)
            painter.end()
            self._placeholders[key] = _untinted(pixmap)
        return self._placeholders[key]


def _untinted(pixmap: QPixmap) -> QIcon:
    """An icon that looks the same selected (the selection shows as the item's background)."""
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


def thumb_size(geometry: PageGeometry) -> QSize:
    """A page's thumbnail size: as large as fits in ``THUMB_BOX`` with the page's proportions."""
    scale = thumb_scale(geometry, 1.0)
    return QSize(max(1, round(geometry.width * scale)), max(1, round(geometry.height * scale)))


def thumb_scale(geometry: PageGeometry, dpr: float) -> float:
    """Device pixels per point of a page's thumbnail."""
    return min(THUMB_BOX.width() / geometry.width, THUMB_BOX.height() / geometry.height) * dpr


class ThumbnailList(QListView):
    """A vertical strip of thumbnails; says which rows came into sight, and which page was clicked."""

    page_clicked = Signal(int)
    rows_wanted = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierThumbnails")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setIconSize(THUMB_BOX)
        self.setGridSize(QSize(THUMB_BOX.width() + 28, THUMB_BOX.height() + 30))
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(THUMB_BOX.width() + 28 + self.verticalScrollBar().sizeHint().width() + 6)
        self.setStyleSheet(
            "QListView#dossierThumbnails { background: #EEF1F5; border: none; }"
            "QListView#dossierThumbnails::item:selected { background: #C7DAF5; color: #0B3D91;"
            " border-radius: 3px; }"
        )
        self._want_timer = QTimer(self, singleShot=True, interval=WANT_DELAY_MS)
        self._want_timer.timeout.connect(self.on_want_timer_timeout)
        self.verticalScrollBar().valueChanged.connect(self.want_visible)
        self.clicked.connect(self.on_clicked)

    def setModel(self, model: ThumbnailModel) -> None:  # type: ignore[override]
        """Use ``model``; its resets ask for the rows in sight."""
        super().setModel(model)
        model.modelReset.connect(self.want_visible)

    def on_clicked(self, index: QModelIndex) -> None:
        """A thumbnail clicked: its page."""
        if index.isValid():
            self.page_clicked.emit(index.row())

    def select_page(self, page: int) -> None:
        """Highlight ``page`` and scroll it into sight."""
        index = self.model().index(page, 0) if self.model() is not None else QModelIndex()
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def want_visible(self, *_args: object) -> None:
        """Ask (soon, once) for the rows now in sight."""
        self._want_timer.start()

    def on_want_timer_timeout(self) -> None:
        """Emit ``rows_wanted`` with the rows in sight that have no image yet."""
        model = self.model()
        if not self.isVisible() or not isinstance(model, ThumbnailModel) or model.rowCount() == 0:
            return
        rows = [row for row in self.visible_rows() if not model.has_image(row)]
        if rows:
            self.rows_wanted.emit(rows)

    def visible_rows(self) -> list[int]:
        """The rows at least partly in sight, top to bottom."""
        model = self.model()
        area = self.viewport().rect()
        first = self.indexAt(QPoint(area.width() // 2, 1))
        row = first.row() if first.isValid() else 0
        rows = []
        while row < model.rowCount():
            rect = self.visualRect(model.index(row, 0))
            if rect.top() > area.bottom():
                break
            if rect.bottom() >= area.top():
                rows.append(row)
            row += 1
        return rows

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """More rows may be in sight."""
        super().resizeEvent(event)
        self.want_visible()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Shown again: ask for what is in sight."""
        super().showEvent(event)
        self.want_visible()
