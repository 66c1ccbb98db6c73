"""``footage retention | propose-deletion | deletions | approve-deletion | reject-deletion |
settings``: the retention of each file, a reviewed deletion list from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.accounts.service import authenticate
from desktop.models.db import open_store
from tests.helpers.cli import Desk
from tests.helpers.footage import folder_station, footage_county


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Desk:
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    assert d("users", "add", "jiandu", "--role", "supervisor", new_password="Super-2026x")[0] == 0
    store = open_store(store_url)
    try:
        footage_county(store, authenticate(store, "admin", "Chief-2026"))
    finally:
        store.dispose()
    folder_station(tmp_path / "station", 4)
    ev = str(tmp_path / "evidence")
    assert d("--evidence-dir", ev, "footage", "import", str(tmp_path / "station"))[0] == 0
    return d


def test_retention_propose_approve_and_tombstones(desk: Desk, tmp_path: Path) -> None:
    ev = str(tmp_path / "evidence")
    listed = desk.json("footage", "retention")
    assert listed["total"] == 4
    assert {i["retention_class"] for i in listed["items"]} == {"normal", "important"}
    assert not any(i["due"] for i in listed["items"])
    due = desk.json("--as-of", "2027-06-01", "footage", "retention", "--due")
    assert due["total"] == 3 and all(i["retain_until"] == "2027-05-03" for i in due["items"])
    assert desk("footage", "propose-deletion", "--reason", "期满")[0] == 1  # nothing due today
    proposed = desk.json("--as-of", "2027-06-01", "footage", "propose-deletion", "--reason", "保存期满")
    assert (proposed["state"], proposed["files"], proposed["proposed_by"]) == ("proposed", 3, "admin")
    code, _out, err = desk("--evidence-dir", ev, "--as-of", "2027-06-01", "footage", "approve-deletion", "1")
    assert code == 1 and "Another person" in err  # the proposer may not approve
    done = desk.json(
        "--evidence-dir", ev, "--as-of", "2027-06-01", "footage", "approve-deletion", "1",
        "--note", "同意", user="jiandu", password="Super-2026x",
    )  # fmt: skip
    assert (done["state"], done["deleted"], done["kept"], done["decided_by"]) == ("deleted", 3, 0, "jiandu")
    files = desk.json("footage", "deletions", "--list", "1")
    assert [i["outcome"] for i in files["items"]] == ["deleted"] * 3
    assert desk.json("footage", "list")["total"] == 1
    assert desk.json("footage", "list", "--deleted")["total"] == 3
    assert desk("--evidence-dir", ev, "footage", "verify")[0] == 0
    assert [d["state"] for d in desk.json("footage", "deletions")["items"]] == ["deleted"]


def test_reject_and_settings(desk: Desk) -> None:
    desk.json("--as-of", "2027-06-01", "footage", "propose-deletion", "--reason", "期满")
    rejected = desk.json(
        "footage", "reject-deletion", "1", "--note", "待查", user="jiandu", password="Super-2026x"
    )
    assert (rejected["state"], rejected["note"], rejected["kept"]) == ("rejected", "待查", 3)
    assert desk.json("footage", "settings")["normal_months"] == 6
    changed = desk.json("footage", "settings", "--normal-months", "12", "--parallel-transfers", "3")
    assert (changed["normal_months"], changed["parallel_transfers"]) == (12, 3)
    assert desk("footage", "settings", "--normal-months", "3")[0] == 1
    assert desk.json("--as-of", "2027-06-01", "footage", "retention", "--due")["total"] == 0
