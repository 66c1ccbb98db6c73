"""The card PDF: ID-1 size, front and back, a QR code that decodes to the payload from the
rendered page at a phone-like resolution, with modules of at least 0.4 mm."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from desktop.personnel.documents.card import (
    A4_H,
    A4_W,
    CARD_H,
    CARD_W,
    CardFace,
    module_size_mm,
    sheet_origin,
    write_card_sheets,
    write_cards,
)
from desktop.personnel.photos import shrink_photo
from tests.helpers.photos import photo_file

PAYLOAD = "ZFZ1." + "x" * 150 + "." + "y" * 86


def _face(number: str = "341122202600001") -> CardFace:
    return CardFace(
        number, "欧阳明华", "示范县市场监督管理局", "市场监管", date(2026, 1, 5), date(2031, 1, 4), PAYLOAD
    )


def test_card_size_pages_and_text(tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    write_cards([_face()], out)
    with pymupdf.open(out) as doc:
        assert doc.page_count == 2
        w_mm, h_mm = doc[0].rect.width / 72 * 25.4, doc[0].rect.height / 72 * 25.4
        assert abs(w_mm - 85.6) < 0.1 and abs(h_mm - 54) < 0.1
        front = doc[0].get_text()
        assert "欧阳明华" in front and "341122202600001" in front and "2031年01月04日" in front


def test_qr_decodes_from_the_printed_page(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    out = tmp_path / "card.pdf"
    write_cards([_face()], out)
    assert module_size_mm(PAYLOAD) >= 0.4
    with pymupdf.open(out) as doc:
        pix = doc[1].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
        import numpy as np

        image = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
        found = zxingcpp.read_barcodes(image)
    assert [b.text for b in found] == [PAYLOAD]


def test_a_batch_is_two_pages_a_card(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    write_cards([_face(f"N{i}") for i in range(3)], out)
    with pymupdf.open(out) as doc:
        assert doc.page_count == 6


def test_a_sheet_holds_ten_cards_with_backs_mirrored(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    faces = [_face(f"N{i:02d}") for i in range(12)]
    assert write_card_sheets(faces, out) == 4
    with pymupdf.open(out) as doc:
        assert doc.page_count == 4
        assert (
            abs(doc[0].rect.width / 72 * 25.4 - 210) < 0.1 and abs(doc[0].rect.height / 72 * 25.4 - 297) < 0.1
        )
        front, back = doc[0], doc[1]
        # card N01 (row 0, right column) on the front; its back in the left column of the back page
        n01_front = front.search_for("N01")[0]
        n01_back = back.search_for("N01")[0]
        assert n01_front.x0 > front.rect.width / 2 > n01_back.x0
        assert abs(n01_front.y0 - n01_back.y0) < 60
        assert len(front.search_for("行政执法证")) == 10 and len(doc[2].search_for("行政执法证")) == 2
        assert len([d for d in front.get_drawings() if d["items"][0][0] == "l"]) > 0  # crop marks


def test_sheet_origins_fit_the_page_and_mirror() -> None:
    for n in range(10):
        x, y = sheet_origin(n)
        bx, by = sheet_origin(n, back=True)
        assert 0 < x and x + CARD_W < A4_W and 0 < y and y + CARD_H < A4_H
        assert by == y and abs((x + CARD_W / 2) + (bx + CARD_W / 2) - A4_W) < 0.01


def test_the_photo_is_on_the_front(tmp_path: Path) -> None:
    jpeg = shrink_photo(photo_file(tmp_path / "p.jpg", 600, 840).read_bytes())
    out = tmp_path / "card.pdf"
    write_cards([dataclasses.replace(_face(), photo=jpeg)], out)
    with pymupdf.open(out) as doc:
        assert len(doc[0].get_images()) == 1 and not doc[1].get_images()
