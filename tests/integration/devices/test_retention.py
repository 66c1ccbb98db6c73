"""Retention: each file's class and last day (the longest that applies), the files due, and
deletion only through a reviewed list (a clerk proposes, another person approves or rejects),
never of a linked file; tombstones kept, bytes removed, everything audited."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.accounts.audit import verify_chain
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.paging import ListQuery
from desktop.devices.counts import counted_total, recount
from desktop.devices.custody import evidence_space, verify_footage
from desktop.devices.deletion import (
    approve_deletion,
    deletion_items,
    list_deletions,
    propose_deletion,
    reject_deletion,
)
from desktop.devices.evidence import EvidenceStore
from desktop.devices.importer import import_footage
from desktop.devices.library import link_footage, list_footage, map_number
from desktop.devices.names import compile_pattern
from desktop.devices.retention import change_settings, due_for_deletion, footage_settings
from desktop.devices.stations import FolderStation
from desktop.models import AuditRecord
from tests.helpers.footage import clip_bytes, folder_station, footage_county, recording_name, write_recording

LATER = date(2027, 6, 1)
"""Recorded 2026-11-03: ordinary files (6 months) are due, the important one (24) is not."""


@pytest.fixture
def library(store, admin, tmp_path):  # type: ignore[no-untyped-def]
    footage_county(store, admin)
    src = tmp_path / "station"
    folder_station(src, 4)
    ev = EvidenceStore(tmp_path / "ev")
    import_footage(store, admin, FolderStation(src, compile_pattern(None)), ev)
    create_user(store, admin, UserInput("caiji", "clerk", agency="县市场监管局"), "Clerk-2026x")
    create_user(store, admin, UserInput("jiandu", "supervisor"), "Super-2026x")
    return ev


def people(store):  # type: ignore[no-untyped-def]
    return authenticate(store, "caiji", "Clerk-2026x"), authenticate(store, "jiandu", "Super-2026x")


def test_each_file_keeps_the_longest_retention_that_applies(store, admin, library) -> None:
    rows = {r.source_name: r for r in list_footage(store, admin).items}
    important = next(r for r in rows.values() if r.important)
    ordinary = [r for r in rows.values() if not r.important]
    assert important.retention_class == "important" and important.retain_until == date(2028, 11, 3)
    assert {(r.retention_class, r.retain_until) for r in ordinary} == {("normal", date(2027, 5, 3))}
    linked = link_footage(store, admin, ordinary[0].sha256, "SJ-1")
    assert linked.retention_class == "evidence" and linked.retain_until == date(
        2056, 11, 14
    )  # closed 2026-11-14, + 30 years
    change_settings(store, admin, normal_months=36)
    again = {r.sha256: r for r in list_footage(store, admin).items}
    assert again[important.sha256].retention_class == "normal"  # 36 months outlast 24
    assert again[important.sha256].retain_until == date(2029, 11, 3)
    with pytest.raises(ValidationError):
        change_settings(store, admin, normal_months=5)  # 普通 at least 6 months


def test_a_reviewed_list_deletes_the_bytes_and_keeps_tombstones(store, admin, library) -> None:
    clerk, supervisor = people(store)
    due = due_for_deletion(store, clerk, LATER)
    assert len(due) == 3 and not any(d.important for d in due)
    assert due_for_deletion(store, clerk, date(2027, 5, 3)) == ()  # the last day is still kept
    proposed = propose_deletion(store, clerk, "保存期满，无案件关联", LATER)
    assert (proposed.state, proposed.files, proposed.proposed_by) == ("proposed", 3, "caiji")
    assert due_for_deletion(store, clerk, LATER) == ()  # on an open list already
    with pytest.raises(PermissionDenied):
        approve_deletion(store, clerk, library, proposed.id, LATER)  # a clerk may not approve
    link_footage(store, admin, due[0].sha256, "SJ-2")  # linked after the proposal: kept
    done = approve_deletion(store, supervisor, library, proposed.id, LATER, "同意")
    assert (done.state, done.deleted, done.kept, done.decided_by) == ("deleted", 2, 1, "jiandu")
    assert done.decided_at and done.deleted_at
    outcomes = {i.sha256: i.outcome for i in deletion_items(store, admin, proposed.id)}
    assert outcomes[due[0].sha256] == "kept"
    for d in due[1:]:
        assert outcomes[d.sha256] == "deleted" and not library.has(d.sha256)
    assert library.has(due[0].sha256)
    stored = list_footage(store, admin).items
    tombstones = list_footage(store, admin, ListQuery(filters=(("deleted", True),), limit=None)).items
    assert len(stored) == 2 and len(tombstones) == 2
    assert all(t.deleted_at for t in tombstones)
    assert verify_footage(store, admin, library).clean
    with pytest.raises(ValidationError):
        link_footage(store, admin, tombstones[0].sha256, "SJ-1")
    with store.reading() as session:
        actions = [
            (r.action, r.entity)
            for r in session.execute(
                select(AuditRecord).where(AuditRecord.entity.in_(["footage_deletion", "footage_file"]))
            ).scalars()
        ]
    assert ("propose", "footage_deletion") in actions and ("approve", "footage_deletion") in actions
    assert actions.count(("delete", "footage_file")) == 2
    assert verify_chain(store).ok


def test_the_proposer_cannot_approve_and_a_rejection_keeps_everything(store, admin, library) -> None:
    clerk, supervisor = people(store)
    own = propose_deletion(store, supervisor, "期满", LATER)
    with pytest.raises(PermissionDenied):
        approve_deletion(store, supervisor, library, own.id, LATER)
    with pytest.raises(ValidationError):
        reject_deletion(store, admin, own.id, "  ")  # why is required
    rejected = reject_deletion(store, admin, own.id, "其中有待查案件的录像")
    assert (rejected.state, rejected.decided_by, rejected.kept) == ("rejected", "admin", 3)
    assert len(list_footage(store, admin).items) == 4
    assert len(due_for_deletion(store, clerk, LATER)) == 3  # may be proposed again
    with pytest.raises(ValidationError):
        approve_deletion(store, admin, library, own.id, LATER)
    assert [d.state for d in list_deletions(store, admin)] == ["rejected"]


def test_only_due_unlinked_files_can_be_proposed(store, admin, library) -> None:
    clerk, _ = people(store)
    rows = list_footage(store, admin).items
    important = next(r for r in rows if r.important)
    ordinary = next(r for r in rows if not r.important)
    link_footage(store, admin, ordinary.sha256, "SJ-1")
    for sha in (important.sha256, ordinary.sha256):
        with pytest.raises(ValidationError):
            propose_deletion(store, clerk, "期满", LATER, [sha])
    with pytest.raises(ValidationError):
        propose_deletion(store, clerk, "期满", date(2027, 1, 1))  # nothing due yet
    with pytest.raises(ValidationError):
        propose_deletion(store, clerk, " ", LATER)  # why is required
    other = next(r for r in rows if not r.important and r.sha256 != ordinary.sha256)
    one = propose_deletion(store, clerk, "期满", LATER, [other.sha256[:12]])
    assert one.files == 1


def test_a_deleted_file_delivered_again_is_stored_again(store, admin, library, tmp_path) -> None:
    _, supervisor = people(store)
    listed = propose_deletion(store, admin, "期满", LATER)
    approve_deletion(store, supervisor, library, listed.id, LATER)
    assert len(list_footage(store, admin).items) == 1
    again = folder_station(tmp_path / "again", 4)
    result = import_footage(store, admin, FolderStation(again[0].parents[2], compile_pattern(None)), library)
    assert result.imported == 3 and len(list_footage(store, admin).items) == 4
    assert verify_footage(store, admin, library).clean


def test_free_space_is_shown_against_the_setting(store, admin, library) -> None:
    space = evidence_space(store, admin, library.root)
    assert space.total_bytes > 0 and 0 <= space.free_bytes <= space.total_bytes
    assert space.min_free_gb == footage_settings(store, admin).min_free_gb == 50
    change_settings(store, admin, min_free_gb=10**5)
    assert evidence_space(store, admin, library.root).low
    change_settings(store, admin, min_free_gb=0)
    assert not evidence_space(store, admin, library.root / "not-yet").low


def test_the_library_counts_follow_imports_links_mapping_and_deletions(
    store, admin, library, tmp_path
) -> None:
    clerk, supervisor = people(store)
    with store.reading() as session:
        assert counted_total(session, admin) is None  # never taken: counted each time
    assert verify_footage(store, admin, library).clean  # verify takes the counts
    more = tmp_path / "more"
    for i in range(2):
        name = recording_name("300003", "DSJ30", datetime(2026, 11, 4, 9, i, 0), i + 1)
        write_recording(more, name, clip_bytes(500 + i))
    import_footage(store, admin, FolderStation(more, compile_pattern(None)), library)  # no agency yet
    unmapped = list_footage(store, admin, ListQuery(search="300003")).items
    assert len(unmapped) == 2 and unmapped[0].agency_id is None
    link_footage(store, admin, unmapped[0].sha256, "SJ-2")  # takes the case's agency
    listed = propose_deletion(store, clerk, "期满", LATER)
    approve_deletion(store, supervisor, library, listed.id, LATER)  # four unlinked ordinary files go
    agency = list_footage(store, admin).items[0].agency_id
    map_number(store, admin, "device", "DSJ30", agency_id=agency)

    def exact(actor) -> int:  # type: ignore[no-untyped-def]
        return len(list_footage(store, actor, ListQuery(filters=(("unlinked", False),), limit=None)).items)

    with store.reading() as session:
        assert counted_total(session, admin) == exact(admin) == 2  # the important and the linked one
        assert counted_total(session, clerk) == exact(clerk) == 2
    assert list_footage(store, admin, ListQuery(limit=1)).total == 2
    with store.unit_of_work() as uow:
        assert not recount(uow.session)  # nothing drifted


def test_an_approval_cut_short_is_finished_by_approving_again(store, admin, library, monkeypatch) -> None:
    clerk, supervisor = people(store)
    listed = propose_deletion(store, clerk, "期满", LATER)
    real, calls = EvidenceStore.remove, {"n": 0}

    def flaky(self, sha256):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("the share went away")
        return real(self, sha256)

    monkeypatch.setattr(EvidenceStore, "remove", flaky)
    with pytest.raises(OSError):
        approve_deletion(store, supervisor, library, listed.id, LATER)
    assert [d.state for d in list_deletions(store, admin)] == ["approved"]
    assert len(verify_footage(store, admin, library).unrecorded) == 2  # deleted rows, bytes still there
    done = approve_deletion(store, supervisor, library, listed.id, LATER)
    assert (done.state, done.deleted) == ("deleted", 3)
    assert verify_footage(store, admin, library).clean
