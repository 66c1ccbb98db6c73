"""What the viewer's helpers (search, marks) need of the viewer: where the reader is, how to move,
and the render worker of the open document. A protocol, so that they never import the viewer."""

from __future__ import annotations

from typing import Protocol

from desktop.views.common.pdf.render import RenderWorker
from desktop.views.common.pdf.shapes import Rect


class Pages(Protocol):
    """The pages of the open document as the reader moves through them."""

    @property
    def page_count(self) -> int:
        """Pages in the open document (0 while none is open)."""
        ...

    @property
    def current_page(self) -> int:
        """The page shown, 0-based."""
        ...

    @property
    def worker(self) -> RenderWorker | None:
        """The worker of the open document (words and search are asked of it)."""
        ...

    def go_to_page(self, page: int) -> None:
        """Show ``page``."""
        ...

    def ensure_visible(self, rect: Rect) -> None:
        """Scroll a rectangle of the page shown (unrotated PDF points) into view."""
        ...
