"""The officers page's detail panel shows the selected officer's photo (read in the background),
or says there is none."""

from __future__ import annotations

from desktop.personnel.certificates import list_certificates
from desktop.personnel.photos import import_photos
from desktop.views.personnel.officers.page import OfficersPage
from tests.helpers.pages import make_ctx, seed_agencies, seed_officers
from tests.helpers.photos import photo_file


def test_the_detail_panel_shows_the_photo(qtbot, store, admin, clock, tmp_path) -> None:
    seed_officers(store, admin, seed_agencies(store, admin), clock.today())
    first = list_certificates(store, admin, reveal_ids=True).items[0]
    photo_file(tmp_path / f"{first.id_number}.jpg", 600, 840)
    import_photos(store, admin, tmp_path)
    page = OfficersPage(make_ctx(store, admin, clock))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.refresh()
    rows = [page.model.row_at(n) for n in range(page.model.rowCount())]
    with_photo = next(n for n, r in enumerate(rows) if r.id == first.officer_id)
    page.table.selectRow(with_photo)
    qtbot.waitUntil(
        lambda: page.detail.photo.pixmap() is not None and not page.detail.photo.pixmap().isNull()
    )
    page.table.selectRow(next(n for n, r in enumerate(rows) if r.id != first.officer_id))
    qtbot.waitUntil(lambda: page.detail.photo.text() == "No photo")
