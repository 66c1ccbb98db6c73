"""Issue 16, the audit record against a determined editor: anchors outside the store, data rows
checked against the record, and a damaged record that says so (logins refused, ``audit verify``
still runs). On SQLite and PostgreSQL, through the command line as CLI.md writes it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.accounts.anchors import KEY_ACCOUNT
from desktop.accounts.audit import GENESIS, record_hash, verify_chain
from desktop.accounts.audit_data import verify_data
from desktop.accounts.service import authenticate, create_first_admin
from desktop.cli.main import main as cli
from desktop.core.errors import AuditDamaged
from desktop.core.security import Role
from desktop.models import AuditHead, AuditRecord
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput
from desktop.personnel.service import create_agency
from tests.helpers.window import actor_with

PASSWORD = "Chief-2026"


@pytest.fixture
def admin_store(migrated_store: Store):
    """A migrated store (the command line opens it) with its administrator and one agency."""
    admin = create_first_admin(migrated_store, "admin", PASSWORD)
    create_agency(migrated_store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    return migrated_store, admin


def desk(store: Store, monkeypatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    out, err = io.StringIO(), io.StringIO()
    url = store.url.render_as_string(hide_password=False)
    code = cli(["--store", url, "--user", "admin", "--lang", "en", *args], out, err)
    return code, out.getvalue(), err.getvalue()


def verify_json(store: Store, monkeypatch, *args: str) -> tuple[int, dict, str]:
    code, out, err = desk(store, monkeypatch, "--json", "audit", "verify", *args)
    return code, json.loads(out), err


def anchor(store: Store, monkeypatch, folder: Path) -> dict:
    code, out, err = desk(store, monkeypatch, "--json", "audit", "anchor", "--out", str(folder))
    assert code == 0, err
    return json.loads(out)


def rewrite_from(store: Store, first_id: int) -> None:
    """What a determined editor does: change a record and recompute every later hash and the head."""
    with store.engine.begin() as conn:
        from sqlalchemy.orm import Session

        session = Session(bind=conn)
        rows = session.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars().all()
        prev = GENESIS
        for rec in rows:
            if rec.id == first_id:
                rec.summary = "nothing happened here"
            rec.prev_hash = prev
            rec.hash = record_hash(rec)
            prev = rec.hash
        head = session.get(AuditHead, 1)
        head.last_id, head.last_hash = rows[-1].id, prev
        session.flush()


def test_an_anchor_is_signed_with_a_keyring_key_printed_and_verified(
    admin_store, monkeypatch, tmp_path, memory_keyring
) -> None:
    store, _admin = admin_store
    doc = anchor(store, monkeypatch, tmp_path)
    key = memory_keyring.get_password("EnforcementDesk", KEY_ACCOUNT)
    assert key and len(bytes.fromhex(key)) == 32
    assert doc["head_id"] >= 3 and len(doc["head_hash"]) == 64 and len(doc["signature"]) == 64
    assert Path(doc["file"]).parent == tmp_path and key not in Path(doc["file"]).read_text()
    code, out, _err = desk(store, monkeypatch, "audit", "anchor", "--out", str(tmp_path))
    assert code == 0 and "head_hash:" in out and "signature:" in out  # for printing
    code, report, err = verify_json(store, monkeypatch, "--anchors", str(tmp_path))
    assert code == 0, err
    assert report["ok"] and report["broken"] is None and report["reason"] == ""
    assert len(report["anchors"]) == 2 and all(a["ok"] for a in report["anchors"])


def test_a_rewritten_record_passes_the_chain_but_not_its_anchor(admin_store, monkeypatch, tmp_path) -> None:
    store, _admin = admin_store
    doc = anchor(store, monkeypatch, tmp_path)
    rewrite_from(store, 2)
    assert verify_chain(store).ok  # the chain alone cannot see it
    code, report, err = verify_json(store, monkeypatch, "--anchors", str(tmp_path))
    assert code == 1 and not report["ok"] and report["broken"] is None
    assert report["anchors"][0]["id"] == doc["head_id"] and not report["anchors"][0]["ok"]
    assert "was rewritten" in report["anchors"][0]["reason"] and "fails" in err


def test_an_emptied_record_fails_its_anchors(admin_store, monkeypatch, tmp_path) -> None:
    store, _admin = admin_store
    anchor(store, monkeypatch, tmp_path)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_records"))
        conn.execute(text("UPDATE audit_head SET last_id = 0, last_hash = :g"), {"g": GENESIS})
    code, report, _err = verify_json(store, monkeypatch, "--anchors", str(tmp_path))
    assert code == 1 and "no longer in the audit record" in report["anchors"][0]["reason"]


def test_an_altered_or_missing_anchor_proves_nothing(admin_store, monkeypatch, tmp_path) -> None:
    store, _admin = admin_store
    empty = tmp_path / "empty"
    empty.mkdir()
    code, report, err = verify_json(store, monkeypatch, "--anchors", str(empty))
    assert code == 1 and report["anchors"] == [] and "No anchor files" in err
    doc = anchor(store, monkeypatch, tmp_path)
    path = Path(doc["file"])
    forged = json.loads(path.read_text())
    forged["head_id"] = 1
    path.write_text(json.dumps(forged))
    code, report, _err = verify_json(store, monkeypatch, "--anchors", str(tmp_path))
    assert code == 1 and "signature does not match" in report["anchors"][0]["reason"]


def test_data_rows_changed_outside_the_program_are_listed(admin_store, monkeypatch) -> None:
    store, admin = admin_store
    code, report, err = verify_json(store, monkeypatch, "--data")
    assert code == 0 and report["data_mismatches"] == [], err
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE agencies SET short_name = '县水利局'"))
        conn.execute(text("UPDATE users SET role = 'supervisor', failed_attempts = 3"))
    code, report, err = verify_json(store, monkeypatch, "--data")
    assert code == 1 and not report["ok"]
    found = {(m["entity"], m["field"]): m for m in report["data_mismatches"]}
    assert set(found) == {("agency", "short_name"), ("user", "role")}  # bookkeeping is not compared
    assert found["agency", "short_name"]["recorded"] == "县市场监管局"
    assert found["agency", "short_name"]["current"] == "县水利局"
    assert "Changed outside the program: agency" in err
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM agencies"))
    assert [(m.entity, m.current) for m in verify_data(store, admin) if m.entity == "agency"] == [
        ("agency", "(missing)")
    ]


@pytest.mark.xdist_group("demo")  # in the process that has the demo stores built (not built again here)
def test_the_demo_county_matches_its_record(demo_store) -> None:
    store, _template = demo_store  # the whole demo county, loaded once per process (read only)
    assert verify_data(store, actor_with(Role.ADMIN)) == ()


def test_a_stray_record_refuses_logins_saying_so_and_verify_still_runs(admin_store, monkeypatch) -> None:
    store, _admin = admin_store
    with store.engine.begin() as conn:
        last = conn.execute(text("SELECT last_id FROM audit_head")).scalar_one()
        conn.execute(
            text(
                "INSERT INTO audit_records (id, at, actor, action, entity, entity_id, summary, prev_hash, hash)"
                " VALUES (:id, '2026-11-23T10:00:00Z', 'x', 'x', 'x', '', '', :h, :h)"
            ),
            {"id": last + 1, "h": "f" * 64},
        )
    with pytest.raises(AuditDamaged) as info:
        authenticate(store, "admin", PASSWORD)
    assert "audit record is damaged" in info.value.localized() and "audit verify" in info.value.localized()
    code, _out, err = desk(store, monkeypatch, "agencies", "list")
    assert code == 1 and "audit verify" in err and "Traceback" not in err
    code, report, err = verify_json(store, monkeypatch)
    assert code == 1 and report["broken"] == last + 1
    assert "added outside the program" in report["reason"]


def test_a_broken_last_record_refuses_logins(admin_store, monkeypatch) -> None:
    store, _admin = admin_store
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": "0" * 63 + "1"})
    with pytest.raises(AuditDamaged, match="the chain's last"):
        authenticate(store, "admin", PASSWORD)
    code, report, _err = verify_json(store, monkeypatch)
    assert code == 1 and not report["ok"]
