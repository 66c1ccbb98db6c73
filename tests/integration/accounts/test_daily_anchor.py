"""The window's daily audit anchor (issue 16, "Anchors outside the store"): due when the chosen
folder holds no anchor of today, written once, again the next day; a missing or unwritable folder
or a damaged record is a failure the window can say, never an exception; only roles that view
the audit record anchor. On both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.accounts.anchors import verify_anchors
from desktop.accounts.daily_anchor import (
    FAILED,
    NO_FOLDER,
    NOT_ALLOWED,
    NOT_DUE,
    WRITTEN,
    anchor_days,
    anchor_due,
    write_daily_anchor,
)
from desktop.core.i18n import translate
from desktop.core.security import Role
from tests.helpers.pages import make_actor, seed_agencies


def test_due_then_written_once_a_day_and_the_anchor_holds(store, admin, clock, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    today = clock.today()
    assert anchor_due(folder, today)
    first = write_daily_anchor(store, admin, str(folder), today)
    assert first.state == WRITTEN and Path(first.path).parent == folder
    assert anchor_days(folder) == {today} and not anchor_due(folder, today)
    assert write_daily_anchor(store, admin, str(folder), today).state == NOT_DUE
    assert len(list(folder.glob("*.json"))) == 1
    clock.advance(days=1)
    assert write_daily_anchor(store, admin, str(folder), clock.today()).state == WRITTEN
    assert len(list(folder.glob("*.json"))) == 2
    assert all(check.ok for check in verify_anchors(store, folder))


def test_a_folder_out_of_reach_is_a_failure_to_say_and_retry(
    store, admin, clock, tmp_path: Path, monkeypatch
) -> None:
    missing = write_daily_anchor(store, admin, str(tmp_path / "not-plugged-in"), clock.today())
    assert missing.state == FAILED
    assert "is not there" in translate("errors", missing.reason).format(folder=missing.folder)
    assert write_daily_anchor(store, admin, "", clock.today()).state == NO_FOLDER
    locked = tmp_path / "read-only share"
    locked.mkdir()

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "write_text", refuse)  # as root, chmod would not stop the write
        result = write_daily_anchor(store, admin, str(locked), clock.today())
    assert result.state == FAILED and "cannot be written" in result.reason
    assert result.detail == "Permission denied"
    (tmp_path / "later").mkdir()
    assert write_daily_anchor(store, admin, str(tmp_path / "later"), clock.today()).state == WRITTEN


def test_a_damaged_record_is_not_anchored(store, admin, clock, tmp_path: Path) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_records SET summary = 'edited' WHERE id = 1"))
    result = write_daily_anchor(store, admin, str(tmp_path), clock.today())
    assert result.state == FAILED and "does not hold" in result.reason
    assert list(tmp_path.glob("*.json")) == []


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.TRAINER, Role.CLERK])
def test_roles_that_do_not_view_the_audit_do_not_anchor(store, admin, clock, tmp_path: Path, role) -> None:
    agency = seed_agencies(store, admin)[0].id if role is Role.CLERK else None
    user = make_actor(store, admin, f"u_{role.value}", role, agency)
    assert write_daily_anchor(store, user, str(tmp_path), clock.today()).state == NOT_ALLOWED
    assert list(tmp_path.glob("*.json")) == []


def test_a_supervisor_anchors(store, admin, clock, tmp_path: Path) -> None:
    supervisor = make_actor(store, admin, "jiandu", Role.SUPERVISOR)
    assert write_daily_anchor(store, supervisor, str(tmp_path), clock.today()).state == WRITTEN
