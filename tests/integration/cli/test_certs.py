"""``certs`` and ``training`` as CLI.md writes them, on both databases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.accounts.service import create_first_admin
from desktop.core.identifiers import make_resident_id
from desktop.models.db import open_store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer
from tests.helpers.cli import Desk
from tests.helpers.photos import photo_file

SCJ = "县市场监管局"
ID1 = make_resident_id("341122", date(1980, 5, 17), 11)
ID2 = make_resident_id("341122", date(1985, 3, 2), 12)


@pytest.fixture
def desk(store_url: str, monkeypatch: pytest.MonkeyPatch, clock) -> Desk:
    store = open_store(store_url, clock=clock)
    admin = create_first_admin(store, "admin", "Chief-2026", "系统管理员")
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", SCJ, field="市场监管", level="县"))
    for name, id_number, number in (("张三", ID1, "SJ-001"), ("李四", ID2, "SJ-002")):
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                id_number,
                SCJ,
                cert_number=number,
                cert_issued_on=date(2022, 1, 1),
                cert_expires_on=date(2027, 12, 31),
            ),
        )
    store.dispose()
    return Desk(store_url, monkeypatch)


def test_list_show_and_events(desk: Desk) -> None:
    page = desk.json("certs", "list", "--agency", SCJ)
    assert page["total"] == 2
    first = page["items"][0]
    assert set(first) >= {
        "number",
        "officer",
        "id_number",
        "agency",
        "state",
        "issued",
        "expires",
        "next_review",
    }
    assert first["number"] == "SJ-001" and first["state"] == "valid" and "*" in first["id_number"]
    assert first["issued"] == "2022-01-01" and first["expires"] == "2027-12-31"
    done = desk.json("certs", "suspend", "SJ-001", "--reason", "立案调查", "--date", "2026-03-02")
    assert done["state"] == "suspended"
    shown = desk.json("certs", "show", "SJ-001")
    assert [(e["date"], e["kind"]) for e in shown["events"]] == [
        ("2022-01-01", "issue"),
        ("2026-03-02", "suspend"),
    ]
    assert (
        set(shown["events"][1]) >= {"date", "kind", "reason", "by"}
        and shown["events"][1]["reason"] == "立案调查"
    )
    assert desk.json("certs", "list", "--state", "suspended")["total"] == 1
    assert desk.json("--as-of", "2026-03-01", "certs", "list", "--state", "suspended")["total"] == 0
    code, _out, err = desk("certs", "suspend", "SJ-001", "--reason", "again", "--date", "2026-04-01")
    assert code == 1 and "suspended" in err
    code, _out, err = desk("certs", "restore", "SJ-002", "--reason", "x")
    assert code == 1 and "valid" in err
    assert (
        desk.json("certs", "restore", "SJ-001", "--reason", "调查结束", "--date", "2026-04-01")["state"]
        == "valid"
    )
    reviewed = desk.json("certs", "review", "SJ-002", "--result", "pass", "--date", "2026-11-01")
    assert reviewed["next_review"] == "2027-11-01"
    renewed = desk.json("certs", "renew", "SJ-002", "--reason", "证件损坏", "--date", "2026-11-02")
    assert renewed["state"] == "superseded" and renewed["successor"]
    assert desk("certs", "revoke", "NOPE", "--reason", "x")[0] == 1
    assert desk("certs", "review", "SJ-001")[0] == 2  # --result is required


def _training(path: Path, rows: list[tuple]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "培训导入"
    ws.append(["姓名", "身份证号", "课程", "培训日期", "学时"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def test_training_import_and_hours(desk: Desk, tmp_path: Path) -> None:
    bad = _training(
        tmp_path / "bad.xlsx",
        [("张三", ID1, "行政处罚法", date(2026, 3, 1), 8), ("王五", None, "x", date(2026, 3, 1), "八")],
    )
    code, out, err = desk("--json", "training", "import", str(bad))
    assert code == 1 and "王五" not in out
    assert desk.json("training", "hours", "--year", "2026")["items"][0]["hours"] == 0
    good = _training(
        tmp_path / "good.xlsx",
        [
            ("张三", ID1, "行政处罚法", date(2026, 3, 1), 40),
            (None, ID1, "行政许可法", date(2026, 5, 1), 24),
            ("李四", None, "行政处罚法", date(2026, 3, 1), 12),
        ],
    )
    assert desk.json("training", "import", str(good))["imported"] == 3
    assert desk.json("training", "import", str(good))["skipped"] == 3
    hours = desk.json("training", "hours", "--year", "2026", "--agency", SCJ)
    assert [(i["officer"], i["hours"], i["target"], i["short"]) for i in hours["items"]] == [
        ("张三", 64.0, 60, False),
        ("李四", 12.0, 60, True),
    ]
    assert set(hours["items"][0]) >= {"officer", "agency", "hours", "target", "short"}
    assert [i["officer"] for i in desk.json("training", "hours", "--year", "2026", "--short")["items"]] == [
        "李四"
    ]


def test_card_and_verify(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "SJ-001.pdf"
    card = desk.json("certs", "card", "SJ-001", "--out", str(out))
    assert out.exists() and card["number"] == "SJ-001"
    payload = card["payload"]
    genuine = desk.json("certs", "verify", payload)
    assert (genuine["number"], genuine["officer"], genuine["state"]) == ("SJ-001", "张三", "valid")
    code, out_text, _err = desk("certs", "verify", payload)
    assert code == 0 and "SJ-001" in out_text and "张三" in out_text
    forged = payload[:-3] + ("AAA" if payload[-3:] != "AAA" else "BBB")
    code, _out, err = desk("certs", "verify", forged)
    assert code == 1 and err
    other = desk.json("certs", "card", "SJ-002", "--out", str(tmp_path / "b.pdf"))["payload"]
    head, body, sig = payload.split(".")
    assert desk("certs", "verify", f"{head}.{other.split('.')[1]}.{sig}")[0] == 1  # another card's body
    desk.json("certs", "revoke", "SJ-001", "--reason", "出借证件", "--date", "2026-11-01")
    assert desk.json("certs", "verify", payload)["state"] == "revoked"  # genuine, and 已吊销
    both = desk.json("certs", "card", "SJ-001", "SJ-002", "--out", str(tmp_path / "both.pdf"))
    assert [c["number"] for c in both["cards"]] == ["SJ-001", "SJ-002"]
    assert desk("certs", "card", "NOPE", "--out", str(tmp_path / "x.pdf"))[0] == 1
    assert not (tmp_path / "x.pdf").exists()


def test_certificate_warnings_in_cases_warnings(desk: Desk, tmp_path: Path) -> None:
    def codes(*args: str) -> dict[str, list[tuple]]:
        found: dict[str, list[tuple]] = {}
        for i in desk.json(*args, "cases", "warnings")["items"]:
            if i["code"].startswith(("cert_", "training_")):
                found.setdefault(i["code"], []).append((i["officer"], i["number"], i["level"], i["case_no"]))
        return found

    assert codes("--as-of", "2026-11-23").get("cert_review_due") == [
        ("张三", "SJ-001", "red", ""),
        ("李四", "SJ-002", "red", ""),
    ]
    desk.json("certs", "review", "SJ-001", "--result", "pass", "--date", "2026-11-01")
    assert [w[0] for w in codes("--as-of", "2026-11-23")["cert_review_due"]] == ["李四"]
    assert codes("--as-of", "2027-11-01")["cert_expiring"] == [
        ("张三", "SJ-001", "yellow", ""),
        ("李四", "SJ-002", "yellow", ""),
    ]
    assert codes("--as-of", "2028-01-01")["cert_expiring"][0][2] == "red"
    assert "training_short" not in codes("--as-of", "2026-11-23")  # no ledger kept this year
    _training(tmp_path / "t.xlsx", [("张三", ID1, "行政处罚法", date(2026, 3, 1), 60)])
    desk.json("training", "import", str(tmp_path / "t.xlsx"))
    assert codes("--as-of", "2026-11-23")["training_short"] == [("李四", "SJ-002", "yellow", "")]
    assert "training_short" not in codes(
        "--as-of", "2026-06-30"
    )  # before the date of the year it counts from
    only = desk.json("--as-of", "2026-11-23", "cases", "warnings", "--code", "training_short")
    assert only["total"] == 1 and only["items"][0]["officer"] == "李四"


def test_photos_from_a_folder_named_by_id_number(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "照片"
    folder.mkdir()
    photo_file(folder / f"{ID1}.jpg", 900, 1200)
    photo_file(folder / f"{ID2.lower()}.PNG", 300, 300, alpha=True)
    photo_file(folder / "110101199001011234.jpg", 100, 140)  # no such officer
    (folder / "broken.png").write_bytes(b"not an image")
    (folder / "notes.txt").write_text("ignored")
    done = desk.json("certs", "photos", str(folder))
    assert done["imported"] == 2 and done["skipped"] == 0
    assert sorted(done["unmatched"]) == ["110101199001011234.jpg", "broken.png"]
    assert done["errors"] == []
    assert desk.json("certs", "photos", str(folder))["skipped"] == 2  # the same photos again
    payload = desk.json("certs", "card", "SJ-001", "--out", str(tmp_path / "c.pdf"))["payload"]
    assert desk.json("certs", "verify", payload)["photo"] is True
    code, _out, _err = desk("certs", "photos", str(tmp_path / "none"))
    assert code == 1


def test_a_sheet_of_cards_for_an_agency(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    sheet = desk.json("certs", "cards", "--agency", SCJ, "--out", str(out))
    assert sheet["total"] == 2 and sheet["pages"] == 2 and sheet["out"] == str(out)
    assert [(c["number"], c["officer"]) for c in sheet["cards"]] == [("SJ-001", "张三"), ("SJ-002", "李四")]
    assert desk.json("certs", "verify", sheet["cards"][1]["payload"])["number"] == "SJ-002"
    desk.json("certs", "suspend", "SJ-002", "--reason", "立案调查", "--date", "2026-03-02")
    assert [c["number"] for c in desk.json("certs", "cards", "--out", str(out))["cards"]] == ["SJ-001"]
    assert desk.json("certs", "cards", "--number", "SJ-002", "--out", str(out))["total"] == 1
    code, _out, err = desk("certs", "cards", "--from", "2023-01-01", "--out", str(tmp_path / "none.pdf"))
    assert code == 1 and err and not (tmp_path / "none.pdf").exists()


def test_training_per_agency(desk: Desk, tmp_path: Path) -> None:
    book = _training(tmp_path / "t.xlsx", [("张三", ID1, "行政处罚法", date(2026, 3, 1), 64)])
    desk.json("training", "import", str(book))
    found = desk.json("training", "agencies", "--year", "2026")
    assert found["total"] == 1
    assert found["items"][0] == {
        "agency": "示范县市场监督管理局",
        "officers": 2,
        "hours": 64.0,
        "average": 32.0,
        "reached": 1,
        "short": 1,
        "target": 60,
    }
    code, out, _err = desk("training", "agencies", "--year", "2026")
    assert code == 0 and "示范县市场监督管理局" in out
