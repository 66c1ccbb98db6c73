"""A photo shrunk for the store: cropped to 5:7, 295 × 413 px, a JPEG without transparency."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from desktop.personnel.photos import PHOTO_H, PHOTO_W, photo_files, shrink_photo
from tests.helpers.photos import photo_file


@pytest.mark.parametrize(
    ("name", "width", "height", "alpha"),
    [("wide.jpg", 1600, 900, False), ("tall.png", 600, 2000, True), ("small.jpg", 100, 120, False)],
)
def test_shrunk_to_the_card_size(tmp_path: Path, name: str, width: int, height: int, alpha: bool) -> None:
    data = photo_file(tmp_path / name, width, height, alpha=alpha).read_bytes()
    jpeg = shrink_photo(data)
    assert jpeg[:3] == b"\xff\xd8\xff"
    pix = pymupdf.Pixmap(jpeg)
    assert (pix.width, pix.height, pix.alpha) == (PHOTO_W, PHOTO_H, 0)
    assert len(jpeg) < 40_000


def test_the_middle_is_kept(tmp_path: Path) -> None:
    pix = pymupdf.Pixmap(shrink_photo(photo_file(tmp_path / "a.jpg", 1200, 800).read_bytes()))
    r, g, b = pix.pixel(PHOTO_W // 2, PHOTO_H // 2)
    assert b > 150 and r < 80  # the blue middle, not the red frame


def test_not_an_image_is_refused() -> None:
    with pytest.raises(ValueError):
        shrink_photo(b"GIF89a no")


def test_photo_files_are_the_folder_images(tmp_path: Path) -> None:
    for name in ("b.PNG", "a.jpg", "c.jpeg", "d.gif", "e.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub.jpg").mkdir()
    assert [p.name for p in photo_files(tmp_path)] == ["a.jpg", "b.PNG", "c.jpeg"]
