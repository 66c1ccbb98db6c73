"""``report annual | assess | dashboard | sets | set-save`` (both databases): the JSON shapes of
CLI.md, the same numbers as the services, the workbooks written, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from desktop.accounts.service import authenticate
from desktop.models.db import open_store
from tests.helpers.cli import Desk
from tests.helpers.report_county import MARKET, TRANSPORT, make_report_county


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    store = open_store(store_url)
    try:
        make_report_county(store, authenticate(store, "admin", "Chief-2026"))
    finally:
        store.dispose()
    return d


def test_assess_json_per_agency_value_score_working(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "考核.xlsx"
    doc = desk.json(
        "--as-of",
        "2025-12-31",
        "report",
        "assess",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--out",
        str(out),
    )
    assert [(a["agency"], a["rank"], a["total"]) for a in doc["agencies"]] == [
        (TRANSPORT, 1, 87.76),
        (MARKET, 2, 18.84),
    ]
    market = {i["key"]: i for i in doc["agencies"][1]["indicators"]}
    cert = market["cert_rate"]
    assert (cert["value"], cert["score"]) == (33.33, 0)
    assert (cert["working"]["numerator"], cert["working"]["denominator"]) == (1, 3)
    assert [r["counted"] for r in cert["working"]["rows"]] == [True, False, False]
    training = market["training_rate"]  # no training records: nobody reaches the target
    assert (training["value"], training["score"], training["available"]) == (0, 0, True)
    assert market["litigation_rate"]["available"] is False and market["litigation_rate"]["score"] is None
    assert doc["set"]["name"] == "default" and doc["set"]["version"] == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["封面", "考核排名", "计算过程", "明细"]
    assert book["考核排名"]["A3"].value == TRANSPORT


def test_assess_with_a_stored_set_and_publish(desk: Desk, tmp_path: Path) -> None:
    sets = desk.json("report", "sets")
    doc = sets["items"][0]
    doc["name"] = "2026版"
    doc["indicators"] = doc["indicators"][:1]
    path = tmp_path / "set.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert desk.json("report", "set-save", str(path))["version"] == 1
    result = desk.json(
        "report", "assess", "--from", "2025-01-01", "--to", "2025-12-31", "--set", "2026版", "--publish"
    )
    assert result["set"]["name"] == "2026版" and len(result["agencies"][0]["indicators"]) == 1
    assert result["published"] >= 1
    code, _, err = desk("report", "assess", "--from", "2025-01-01", "--to", "2025-12-31", "--set", "nope")
    assert code == 1 and "nope" in err
    assert desk("report", "assess", "--from", "2025-13-01", "--to", "2025-12-31")[0] == 2


def test_annual_and_dashboard(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "年报.xlsx"
    doc = desk.json("report", "annual", "--year", "2025", "--out", str(out))
    cases = next(t for t in doc["tables"] if t["key"] == "cases")
    assert cases["rows"][-1][:2] == ["合计", 7]
    assert openpyxl.load_workbook(out)["案件情况"].cell(3, 1).value in (MARKET, TRANSPORT)
    dash = desk.json(
        "--as-of", "2025-12-31", "report", "dashboard", "--from", "2025-01-01", "--to", "2025-12-31"
    )
    assert {
        "cases_by_month",
        "open_warnings",
        "overdue_trend",
        "campaign_grades",
        "certificates",
        "certificates_expiring",
        "not_available",
    } <= set(dash)
    assert sum(i["count"] for i in dash["open_warnings"]) == 4
    one = desk.json(
        "--as-of",
        "2025-12-31",
        "report",
        "dashboard",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--agency",
        "县交通局",
    )
    assert one["agency"] == TRANSPORT and one["open_warnings"] == []
    code, text, _ = desk("report", "dashboard")
    assert code == 0 and "cases_by_month" in text
