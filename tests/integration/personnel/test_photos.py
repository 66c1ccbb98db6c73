"""Officers' photos imported from a folder named by 身份证号: stored small, audited once, reported
when they name no officer (or another agency's, for a scoped user) or cannot be read; shown on the
card and by 证件验证 (both databases)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models import AuditRecord
from desktop.models.db import Store
from desktop.personnel.cards import verify_payload, write_card, write_card_sheet
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.photos import PHOTO_H, PHOTO_W, import_photos, officer_photo
from desktop.personnel.service import create_agency, create_officer
from tests.helpers.photos import photo_file

ID1 = make_resident_id("341122", date(1980, 5, 17), 11)
ID2 = make_resident_id("341122", date(1985, 3, 2), 12)


@pytest.fixture
def county(store: Store, admin: Actor) -> dict[str, int]:
    ids = {}
    for full, short in (("示范县市场监督管理局", "县市场监管局"), ("示范县交通运输局", "县交通局")):
        create_agency(store, admin, AgencyInput(full, short, field="市场监管", level="县"))
    for name, id_number, agency, number in (
        ("张三", ID1, "县市场监管局", "SJ-001"),
        ("李四", ID2, "县交通局", "JT-001"),
    ):
        ids[id_number] = create_officer(
            store,
            admin,
            OfficerInput(
                name,
                id_number,
                agency,
                cert_number=number,
                cert_issued_on=date(2022, 1, 1),
                cert_expires_on=date(2027, 12, 31),
            ),
        ).id
    return ids


def _audits(store: Store) -> list[str]:
    with store.reading() as session:
        return list(
            session.execute(select(AuditRecord.action).where(AuditRecord.entity == "officer_photo")).scalars()
        )


def test_import_stores_small_jpegs_and_reports_the_rest(
    store: Store, admin: Actor, county: dict[str, int], tmp_path: Path
) -> None:
    photo_file(tmp_path / f"{ID1}.png", 1000, 1400)
    (tmp_path / f"{ID2}.jpg").write_bytes(b"\xff\xd8\xff broken")
    photo_file(tmp_path / "110101199001011234.jpg", 60, 80)
    done = import_photos(store, admin, tmp_path)
    assert (done.imported, done.skipped, done.unmatched) == (1, 0, ("110101199001011234.jpg",))
    assert [p.file for p in done.problems] == [f"{ID2}.jpg"]
    jpeg = officer_photo(store, admin, county[ID1])
    assert (
        jpeg is not None and pymupdf.Pixmap(jpeg).width == PHOTO_W and pymupdf.Pixmap(jpeg).height == PHOTO_H
    )
    assert officer_photo(store, admin, county[ID2]) is None
    audits = _audits(store)
    assert audits == ["import"]
    again = import_photos(store, admin, tmp_path)
    assert (again.imported, again.skipped) == (0, 1) and len(_audits(store)) == 1  # nothing changed
    photo_file(tmp_path / f"{ID1}.png", 500, 700)
    assert import_photos(store, admin, tmp_path).imported == 1 and len(_audits(store)) == 2
    with pytest.raises(ValidationError):
        import_photos(store, admin, tmp_path / "missing")


def test_who_imports_and_who_sees(store: Store, admin: Actor, county: dict[str, int], tmp_path: Path) -> None:
    photo_file(tmp_path / f"{ID1}.jpg", 300, 420)
    photo_file(tmp_path / f"{ID2}.jpg", 300, 420)
    create_user(store, admin, UserInput("trainer1", "trainer", "培训员", None), "Chief-2026x")
    assert import_photos(store, authenticate(store, "trainer1", "Chief-2026x"), tmp_path).imported == 2
    create_user(store, admin, UserInput("agency1", "agency", "科员", "县市场监管局"), "Chief-2026x")
    clerk = authenticate(store, "agency1", "Chief-2026x")
    with pytest.raises(PermissionDenied):
        import_photos(store, clerk, tmp_path)
    assert officer_photo(store, clerk, county[ID1]) is not None
    with pytest.raises(PermissionDenied):
        officer_photo(store, clerk, county[ID2])


def test_the_photo_on_the_card_and_in_the_verification(
    store: Store, admin: Actor, county: dict[str, int], tmp_path: Path
) -> None:
    photo_file(tmp_path / f"{ID1}.jpg", 600, 840)
    import_photos(store, admin, tmp_path)
    written = write_card(store, admin, "SJ-001", tmp_path / "card.pdf")
    with pymupdf.open(tmp_path / "card.pdf") as doc:
        assert len(doc[0].get_images()) == 1
    result = verify_payload(store, admin, written.payload)
    assert result.genuine and result.photo == officer_photo(store, admin, county[ID1])
    sheet = write_card_sheet(store, admin, tmp_path / "sheet.pdf")
    assert [c.number for c in sheet.cards] == ["JT-001", "SJ-001"] or [c.number for c in sheet.cards] == [
        "SJ-001",
        "JT-001",
    ]
    with pymupdf.open(tmp_path / "sheet.pdf") as doc:
        assert doc.page_count == 2 and len(doc[0].get_images()) == 1
    only = write_card_sheet(store, admin, tmp_path / "one.pdf", agency="县交通局")
    assert [c.number for c in only.cards] == ["JT-001"] and only.pages == 2
