"""Photo files for the photo import's tests (drawn with PyMuPDF: no image library needed)."""

from __future__ import annotations

from pathlib import Path

import pymupdf


def photo_file(path: Path, width: int, height: int, *, alpha: bool = False) -> Path:
    """A JPEG or PNG (by ``path``'s suffix) of ``width`` × ``height`` pixels: a red frame around a
    blue middle, so that a crop shows."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), alpha)
    pix.set_rect(pix.irect, (200, 30, 30, 255) if alpha else (200, 30, 30))
    inner = pymupdf.IRect(width // 4, height // 4, width * 3 // 4, height * 3 // 4)
    pix.set_rect(inner, (30, 30, 200, 255) if alpha else (30, 30, 200))
    kind = "png" if path.suffix.lower() == ".png" else "jpeg"
    path.write_bytes(pix.tobytes(kind))
    return path
