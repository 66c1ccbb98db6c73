"""Photo files for the photo import's tests (drawn with PyMuPDF: no image library needed)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

RED, BLUE = (200, 30, 30), (30, 30, 200)


def photo_file(path: Path, width: int, height: int, *, alpha: bool = False) -> Path:
    """A JPEG or PNG (by ``path``'s suffix) of ``width`` × ``height`` pixels: a red frame around a
    blue middle, so that a crop shows."""
    red, blue = (bytes((*RED, 255)), bytes((*BLUE, 255))) if alpha else (bytes(RED), bytes(BLUE))
    left, middle = width // 4, width * 3 // 4 - width // 4
    outer_row = red * width
    inner_row = red * left + blue * middle + red * (width - left - middle)
    top, inner = height // 4, height * 3 // 4 - height // 4
    samples = outer_row * top + inner_row * inner + outer_row * (height - top - inner)
    pix = pymupdf.Pixmap(pymupdf.csRGB, width, height, samples, alpha)  # pixels given row by row
    kind = "png" if path.suffix.lower() == ".png" else "jpeg"
    path.write_bytes(pix.tobytes(kind))
    return path
