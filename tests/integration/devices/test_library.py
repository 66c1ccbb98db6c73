"""The evidence library: mapping numbers, case links with suggestions, verify, the export for a court."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.accounts.audit import verify_chain
from desktop.core.errors import NotFound, ValidationError
from desktop.core.paging import ListQuery
from desktop.devices.custody import export_case_footage, verify_footage
from desktop.devices.evidence import EvidenceStore
from desktop.devices.importer import import_footage
from desktop.devices.library import (
    case_footage,
    link_footage,
    link_many,
    list_footage,
    suggest_cases,
    unknown_numbers,
)
from desktop.devices.names import compile_pattern
from desktop.devices.stations import FolderStation
from desktop.models import AuditRecord, Case
from tests.helpers.footage import folder_station, footage_county


@pytest.fixture
def library(store, admin, tmp_path):  # type: ignore[no-untyped-def]
    footage_county(store, admin)
    src = tmp_path / "station"
    folder_station(src, 3)
    ev = EvidenceStore(tmp_path / "ev")
    import_footage(store, admin, FolderStation(src, compile_pattern(None)), ev)
    return ev


def test_mapped_officers_give_the_files_their_officer_and_agency(store, admin, library) -> None:
    rows = list_footage(store, admin).items
    assert {r.officer_name for r in rows} == {"张三"} and {r.agency_name for r in rows} == {
        "示范县市场监督管理局"
    }
    assert [u.number for u in unknown_numbers(store, admin) if u.kind == "officer"] == []
    assert [u.number for u in unknown_numbers(store, admin) if u.kind == "device"] == ["DSJ01"]


def test_suggestions_link_unlink_and_the_unlinked_queue(store, admin, library) -> None:
    row = list_footage(store, admin).items[0]
    assert [s.case_no for s in suggest_cases(store, admin, row.sha256)] == ["SJ-2", "SJ-1"]
    linked = link_footage(store, admin, row.sha256[:10], "SJ-1")
    assert linked.case_no == "SJ-1"
    assert list_footage(store, admin, ListQuery(filters=(("unlinked", True),))).total == 2
    assert [f.sha256 for f in case_footage(store, admin, linked.case_id)] == [row.sha256]  # type: ignore[arg-type]
    assert link_footage(store, admin, row.sha256, None).case_no is None
    with pytest.raises(NotFound):
        link_footage(store, admin, "ffffffffff", "SJ-1")
    with pytest.raises(ValidationError):
        link_footage(store, admin, "ab", "SJ-1")
    assert verify_chain(store).ok


def test_many_links_are_audited_in_the_order_given(store, admin, library) -> None:
    """One history on any database: the records follow the caller's list, not an index's order."""
    with store.reading() as session:
        case_id = session.execute(select(Case.id).where(Case.case_no == "SJ-2")).scalar_one()
    shas = [r.sha256 for r in list_footage(store, admin).items]
    for given in (sorted(shas, reverse=True), sorted(shas)):
        for sha in shas:
            link_footage(store, admin, sha, None)
        with store.reading() as session:
            last = session.execute(select(func.max(AuditRecord.id))).scalar_one()
        assert link_many(store, admin, [(sha, case_id) for sha in given]) == 3
        with store.reading() as session:
            audited = session.execute(
                select(AuditRecord.summary).where(AuditRecord.id > last).order_by(AuditRecord.id)
            ).scalars()
            assert list(audited) == given
    assert verify_chain(store).ok


def test_verify_finds_missing_altered_and_unrecorded_files(store, admin, library) -> None:
    rows = list_footage(store, admin).items
    assert verify_footage(store, admin, library).clean
    gone, changed = library.path(rows[0].sha256), library.path(rows[1].sha256)
    os.chmod(gone, 0o600)
    gone.unlink()
    os.chmod(changed, 0o600)
    changed.write_bytes(b"tampered")
    stray = library.put([b"stray bytes"], "stray")
    report = verify_footage(store, admin, library)
    assert report.missing == (rows[0].sha256,) and report.altered == (rows[1].sha256,)
    assert report.unrecorded == (stray.sha256,) and not report.clean


def test_export_copies_with_a_manifest_and_the_audit_extract(store, admin, library, tmp_path) -> None:
    for row in list_footage(store, admin).items[:2]:
        link_footage(store, admin, row.sha256, "SJ-1")
    result = export_case_footage(store, admin, library, "SJ-1", tmp_path / "out")
    manifest = tmp_path / "out" / "manifest.json"
    assert result.files == 2 and hashlib.sha256(manifest.read_bytes()).hexdigest() == result.manifest_sha256
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    for e in doc["files"]:
        assert hashlib.sha256((tmp_path / "out" / e["file"]).read_bytes()).hexdigest() == e["sha256"]
    extract = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert {r["action"] for r in extract} == {"import", "link"}
    assert (tmp_path / "out" / "SHA256SUMS").read_text(encoding="utf-8").count("\n") == 2
    with pytest.raises(ValidationError):
        export_case_footage(store, admin, library, "SJ-2", tmp_path / "empty")


def test_the_files_imported_between_two_days(store, admin, library) -> None:  # type: ignore[no-untyped-def]
    today = store.clock.today()  # the import ran on the store's clock

    def count(start, end):  # type: ignore[no-untyped-def]
        query = ListQuery(filters=(("imported_from", start), ("imported_to", end)))
        return list_footage(store, admin, query).total

    assert count(today, today) == 3
    assert count(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)) == 0
    assert list_footage(store, admin, ListQuery(filters=(("imported_from", today),))).total == 3
