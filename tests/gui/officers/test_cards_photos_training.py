"""The 执法资格 tabs' cards, photos and training: the selected certificates' cards printed on A4
sheets, photos imported from a folder and shown beside the history and by 证件验证, the training
per agency, and a course entered by hand (a refusal stays in the dialog)."""

from __future__ import annotations

from datetime import timedelta

import pymupdf
import pytest
from PySide6.QtCore import QDate

from desktop.personnel.cards import write_card
from desktop.personnel.certificates import list_certificates
from desktop.personnel.training import training_hours
from desktop.views.common.messages import FakeDialogs
from desktop.views.officers.certificates_tab import CertificatesTab
from desktop.views.officers.training_tab import SHORT_COLOUR, TrainingTab
from desktop.views.officers.verify_tab import VerifyTab
from tests.helpers.pages import make_ctx, seed_agencies, seed_officers
from tests.helpers.photos import photo_file


@pytest.fixture
def county(store, admin, clock):
    agencies = seed_agencies(store, admin)
    seed_officers(store, admin, agencies, clock.today())
    return agencies


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _photos(store, admin, folder):
    folder.mkdir()
    for row in list_certificates(store, admin, reveal_ids=True).items:
        photo_file(folder / f"{row.id_number}.jpg", 600, 840)
    photo_file(folder / "110101199001011234.jpg", 60, 84)


def test_photos_imported_and_shown_beside_the_history(qtbot, store, admin, clock, county, tmp_path) -> None:
    _photos(store, admin, tmp_path / "photos")
    dialogs = FakeDialogs(files=[str(tmp_path / "photos")])
    tab = shown(qtbot, CertificatesTab(make_ctx(store, admin, clock, dialogs)))
    tab.refresh()
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(tab.history.event_texts()))
    assert not tab.history.has_photo() and tab.history.photo.text() == "No photo"
    tab.start_photos()
    info = [c for c in dialogs.calls if c[0] == "info"][-1]
    assert "Photos stored: 4" in info[2] and "110101199001011234.jpg" in info[2]
    qtbot.waitUntil(tab.history.has_photo)


def test_the_selected_cards_printed_on_a_sheet(qtbot, store, admin, clock, county, tmp_path) -> None:
    out = tmp_path / "cards.pdf"
    dialogs = FakeDialogs(files=[str(out)])
    tab = shown(qtbot, CertificatesTab(make_ctx(store, admin, clock, dialogs)))
    tab.refresh()
    valid = [n for n in range(tab.model.rowCount()) if tab.model.row_at(n).state == "valid"]
    tab.table.selectRow(valid[0])
    assert tab.print_action.isEnabled()
    tab.table.selectionModel().select(
        tab.model.index(valid[1], 0),
        tab.table.selectionModel().SelectionFlag.Select | tab.table.selectionModel().SelectionFlag.Rows,
    )
    tab.start_print()
    info = [c for c in dialogs.calls if c[0] == "info"][-1]
    assert "2 cards on 2 pages" in info[2]
    with pymupdf.open(out) as doc:
        assert doc.page_count == 2 and abs(doc[0].rect.width / 72 * 25.4 - 210) < 0.1
        assert len(doc[0].search_for("行政执法证")) == 2


def test_the_verify_page_shows_the_photo(qtbot, store, admin, clock, county, tmp_path) -> None:
    from desktop.personnel.photos import import_photos

    _photos(store, admin, tmp_path / "photos")
    import_photos(store, admin, tmp_path / "photos")
    number = next(r.number for r in list_certificates(store, admin, state="valid").items)
    payload = write_card(store, admin, number, tmp_path / "card.pdf").payload
    tab = shown(qtbot, VerifyTab(make_ctx(store, admin, clock)))
    tab.payload_edit.setText(payload)
    tab.verify()
    assert tab.photo.isVisible() and not tab.photo.pixmap().isNull()
    tab.payload_edit.setText(payload[:-4] + ("AAAA" if not payload.endswith("AAAA") else "BBBB"))
    tab.verify()
    assert not tab.photo.isVisible()


def test_training_per_agency_and_a_course_by_hand(qtbot, store, admin, clock, county) -> None:
    tab = shown(qtbot, TrainingTab(make_ctx(store, admin, clock)))
    officers = training_hours(store, admin, clock.today().year)
    dialog = tab.start_course()
    assert dialog is not None and dialog.officer_list.count() == len(officers)
    dialog.name_edit.setText("行政处罚法专题")
    dialog.on_buttons_accepted()  # nobody ticked: refused, the dialog stays
    assert dialog.isVisible() and dialog.problem.text()
    dialog.tick([officers[0].officer_id, officers[1].officer_id])
    assert dialog.count_label.text() == "2 officers ticked"
    dialog.search_edit.setText(officers[0].officer)
    assert sum(not dialog.officer_list.item(n).isHidden() for n in range(dialog.officer_list.count())) >= 1
    start = clock.today() - timedelta(days=2)
    dialog.starts_edit.setDate(QDate(start.year, start.month, start.day))
    dialog.hours_spin.setValue(64)
    dialog.on_buttons_accepted()
    assert not dialog.isVisible() and "2 attendances" in tab.status.text()
    tab.view_combo.setCurrentIndex(1)
    assert tab.stack.currentWidget() is tab.agency_table and tab.agency_table.rowCount() >= 2
    rows = {
        tab.agency_table.item(n, 0).text(): [tab.agency_table.item(n, c).text() for c in range(6)]
        for n in range(tab.agency_table.rowCount())
    }
    assert sum(int(r[1]) for r in rows.values()) == len(officers)
    assert sum(float(r[2]) for r in rows.values()) == 128
    short_items = [tab.agency_table.item(n, 5) for n in range(tab.agency_table.rowCount())]
    assert any(i.foreground().color().name() == SHORT_COLOUR for i in short_items if i.text() != "0")
    assert "agencies" in tab.status.text()
