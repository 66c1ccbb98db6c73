"""The command line as CLI.md writes it: JSON shapes, exit codes, permissions, audit verify."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
import pytest
from sqlalchemy import create_engine, text

from desktop.accounts.service import authenticate
from desktop.cli.main import main as cli
from desktop.core.identifiers import make_resident_id
from desktop.models.db import Store, head_revision
from desktop.personnel.dto import AgencyInput
from desktop.personnel.service import create_agency


class Desk:
    """Runs ``main.py`` subcommands in-process against one store."""

    def __init__(self, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.url, self.monkeypatch = url, monkeypatch

    def __call__(
        self,
        *args: str,
        user: str | None = "admin",
        password: str | None = "Chief-2026",
        new_password: str | None = None,
    ) -> tuple[int, str, str]:
        env = {"DESK_PASSWORD": password, "DESK_NEW_PASSWORD": new_password}
        for key, value in env.items():
            if value is None:
                self.monkeypatch.delenv(key, raising=False)
            else:
                self.monkeypatch.setenv(key, value)
        out, err = io.StringIO(), io.StringIO()
        argv = ["--store", self.url, *(["--user", user] if user else []), "--lang", "en", *args]
        code = cli(argv, out, err)
        return code, out.getvalue(), err.getvalue()

    def json(self, *args: str, **kw) -> dict:
        code, out, err = self("--json", *args, **kw)
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    """``init`` on a migrated store (from the template): it adds the administrator."""
    d = Desk(store_url, monkeypatch)
    code, out, err = d("--json", "init", "--admin", "admin", user=None, new_password="Chief-2026")
    assert code == 0, err
    assert json.loads(out)["admin"] == "admin"
    assert json.loads(out)["rubrics"] == ["XZCF-DEFAULT", "XZQZ-DEFAULT"]
    return d


def test_init_migrates_an_empty_store_and_creates_the_administrator(store_url: str, monkeypatch) -> None:
    d = Desk(store_url, monkeypatch)
    code, out, err = d("--json", "init", "--admin", "admin", user=None, new_password="Chief-2026")
    assert code == 0, err
    result = json.loads(out)
    assert result["admin"] == "admin" and result["revision"] == head_revision()
    assert d.json("agencies", "list") == {"items": [], "total": 0}


def test_without_a_password_each_command_names_the_variable_it_reads(store_url: str, monkeypatch) -> None:
    d = Desk(store_url, monkeypatch)
    code, _out, err = d("init", "--admin", "admin", user=None, password=None)
    assert code == 1 and "set DESK_NEW_PASSWORD or" in err and "DESK_PASSWORD" not in err
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    code, _out, err = d("agencies", "list", password=None)
    assert code == 1 and "set DESK_PASSWORD or" in err and "DESK_NEW_PASSWORD" not in err
    code, _out, err = d("users", "add", "pingcha", "--role", "reviewer")
    assert code == 1 and "set DESK_NEW_PASSWORD or" in err and "DESK_PASSWORD" not in err


def test_init_installs_the_shipped_review_standards_once(store_url: str, monkeypatch) -> None:
    d = Desk(store_url, monkeypatch)
    code, out, err = d("init", "--admin", "admin", user=None, new_password="Chief-2026")
    assert code == 0, err
    assert out.splitlines()[1:] == [
        "Administrator admin created.",
        "Default review standards installed: XZCF-DEFAULT, XZQZ-DEFAULT.",
    ]
    again = d.json("init", user=None)
    assert set(again) == {"store", "revision", "admin", "rubrics"}
    assert again["admin"] is None and again["rubrics"] == []
    code, out, _err = d("init", user=None)
    assert code == 0 and "standards" not in out
    listed = d.json("rubric", "list")
    assert [(i["code"], i["version"], i["default"], i["used"]) for i in listed["items"]] == [
        ("XZCF-DEFAULT", 1, True, False),
        ("XZQZ-DEFAULT", 1, True, False),
    ]
    assert d.json("audit", "verify")["ok"]


def test_init_on_an_initialised_store_refuses_a_second_admin(desk: Desk) -> None:
    code, _out, err = desk("init", "--admin", "other", user=None, new_password="Second-2026")
    assert code == 1 and "already has accounts" in err
    assert desk("init", user=None)[0] == 0  # migrating again is fine


def test_wrong_password_is_refused(desk: Desk) -> None:
    code, out, err = desk("agencies", "list", password="nope-nope-1")
    assert code == 1 and out == "" and "Wrong user name or password" in err


def test_a_reviewer_cannot_create_accounts(desk: Desk) -> None:
    desk("users", "add", "pingcha", "--role", "reviewer", new_password="Review-2026")
    code, _out, err = desk(
        "users",
        "add",
        "x",
        "--role",
        "admin",
        user="pingcha",
        password="Review-2026",
        new_password="Whatever-2026",
    )
    assert code == 1 and "may not" in err


def test_users_add_validates_role_and_agency(desk: Desk) -> None:
    code, _o, err = desk("users", "add", "caiji", "--role", "clerk", new_password="Clerk-2026")
    assert code == 1 and "needs an agency" in err
    code, _o, err = desk("users", "add", "x", "--role", "wizard", new_password="Clerk-2026")
    assert code == 1 and "Unknown role" in err
    made = desk.json(
        "users",
        "add",
        "jiandu",
        "--role",
        "supervisor",
        "--display-name",
        "王监督",
        new_password="Super-2026",
    )
    assert made["role"] == "supervisor" and made["display_name"] == "王监督"


def test_officer_import_json_shape_and_refusal(desk: Desk, store_url: str, tmp_path) -> None:
    store = Store(store_url)  # the one agency the workbook names (not the whole demo county)
    try:
        create_agency(
            store, authenticate(store, "admin", "Chief-2026"), AgencyInput("示范县交通运输局", "县交通局")
        )
    finally:
        store.dispose()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "执法主体", "执法证号", "发证日期", "有效期至"])
    sheet.append(
        [
            "新人甲",
            make_resident_id("341122", date(1995, 1, 1), 901),
            "县交通局",
            "N-1",
            "2025-01-01",
            "2030-01-01",
        ]
    )
    sheet.append(["新人乙", "123", "县交通局", None, None, None])
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    code, out, err = desk("--json", "officers", "import", str(bad))
    assert code == 1
    report = json.loads(out)
    assert report["imported"] == 0 and report["errors"][0] == {
        "file": "bad.xlsx",
        "sheet": "Sheet",
        "row": 3,
        "column": "身份证号",
        "message": report["errors"][0]["message"],
    }
    assert "row 3 column 身份证号" in err
    sheet.delete_rows(3)
    good = tmp_path / "good.xlsx"
    book.save(good)
    assert desk.json("officers", "import", str(good)) == {
        "imported": 1,
        "skipped": 0,
        "errors": [],
        "updated": 0,
        "fields": [],
    }
    assert desk.json("officers", "import", str(good))["skipped"] == 1


def test_audit_verify_detects_an_edited_record(desk: Desk, store_url: str) -> None:
    for name in ("pingcha", "pingcha2", "peixun", "jiandu", "guanli"):  # a few records to walk
        desk.json("users", "add", name, "--role", "reviewer", new_password="Review-2026")
    assert desk.json("audit", "verify")["ok"] is True
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_records SET actor = 'someone' WHERE id = 5"))
    engine.dispose()
    code, out, err = desk("--json", "audit", "verify")
    assert code == 1 and json.loads(out)["broken"] == 5 and "Audit record 5 is broken" in err


def test_usage_errors_exit_2(desk: Desk) -> None:
    assert desk("officers", "list", "--limit", "-1")[0] == 2
    assert desk("frobnicate")[0] == 2
    assert desk("--as-of", "2026-13-01", "agencies", "list")[0] == 2
    code, _out, err = desk("agencies", "list", user=None)
    assert code == 2 and "--user" in err


def test_messages_follow_lang(desk: Desk) -> None:
    code, _out, err = desk("--lang", "zh_CN", "agencies", "list", password="nope-nope-1")
    assert code == 1 and err.strip() == "用户名或密码错误。"
    code, out, _err = desk("--lang", "zh_CN", "audit", "verify")
    assert code == 0 and out.startswith("审计记录完整")
