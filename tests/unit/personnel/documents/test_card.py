"""The card PDF: ID-1 size, front and back, a QR code that decodes to the payload from the
rendered page at a phone-like resolution, with modules of at least 0.4 mm."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest

from desktop.personnel.documents.card import CardFace, module_size_mm, write_cards

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
