"""Zoom for the dossier viewer: fit width, fit page and fixed steps; the reader's position; the
remembered view settings (thumbnails shown, zoom mode and zoom, in ``QSettings``)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QSettings, QSize

from desktop.views.common.pdf.page_view import MARGIN
from desktop.views.common.pdf.shapes import PX_PER_PT, PageGeometry

FIT_WIDTH, FIT_PAGE, CUSTOM = "width", "page", "custom"
ZOOM_MODES = (FIT_WIDTH, FIT_PAGE, CUSTOM)
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]
SETTINGS_GROUP = "dossierViewer"


@dataclass(frozen=True)
class ViewerPosition:
    """Where the reader is: the page, how far down it (0–1), and the zoom (to come back later)."""

    page: int
    scroll: float = 0.0
    zoom_mode: str = FIT_WIDTH
    zoom: float = 1.0


def clamp_zoom(zoom: float) -> float:
    """``zoom`` kept between 25 % and 400 %."""
    return min(max(zoom, MIN_ZOOM), MAX_ZOOM)


def fit_zoom(mode: str, geometry: PageGeometry, room: QSize, scrollbar: int) -> float:
    """The zoom (1.0 = 100 %) at which a page fits ``room`` (the view without scroll bars):
    its width beside a vertical scroll bar (``FIT_WIDTH``), or all of it (``FIT_PAGE``). Rounded
    down to whole percents, so the page never quite overflows and equal rooms share a cache key."""
    spare = 2 * MARGIN + 2
    width = (room.width() - scrollbar - spare) / (geometry.width * PX_PER_PT)
    if mode == FIT_PAGE:
        width = min(
            (room.width() - spare) / (geometry.width * PX_PER_PT),
            (room.height() - spare) / (geometry.height * PX_PER_PT),
        )
    return max(math.floor(width * 100) / 100, 0.1)


def step_zoom(current: float, up: bool) -> float:
    """The next zoom step above (or below) ``current``."""
    if up:
        return next((z for z in ZOOM_STEPS if z > current + 0.005), MAX_ZOOM)
    return next((z for z in reversed(ZOOM_STEPS) if z < current - 0.005), MIN_ZOOM)


def parse_percent(text: str) -> float | None:
    """ "125%" or "125" → 1.25; None when it is not a number."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    try:
        return float(digits) / 100
    except ValueError:
        return None


def save_view_settings(key: str, thumbnails: bool, zoom_mode: str, zoom: float) -> None:
    """Remember the thumbnails' visibility and the zoom under ``dossierViewer/<key>``."""
    settings = QSettings()
    settings.beginGroup(f"{SETTINGS_GROUP}/{key}")
    settings.setValue("thumbnails", thumbnails)
    settings.setValue("zoomMode", zoom_mode)
    settings.setValue("zoom", zoom)
    settings.endGroup()


def load_view_settings(key: str) -> tuple[bool, str, float] | None:
    """``(thumbnails, zoom_mode, zoom)`` as remembered under ``key``; None when nothing was."""
    settings = QSettings()
    settings.beginGroup(f"{SETTINGS_GROUP}/{key}")
    try:
        if not settings.contains("zoomMode"):
            return None
        mode = str(settings.value("zoomMode", FIT_WIDTH))
        zoom = settings.value("zoom", 1.0, type=float)
        return (
            bool(settings.value("thumbnails", True, type=bool)),
            mode if mode in ZOOM_MODES else FIT_WIDTH,
            clamp_zoom(float(zoom)),
        )
    finally:
        settings.endGroup()
