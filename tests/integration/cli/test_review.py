"""``rubric import|list`` and ``review draw|draw --verify|export`` as CLI.md writes them, on both
databases: the draw prints {"campaign", "seed", "items": [{"case_no", "agency", "reviewers"}]},
is repeatable from its seed, and --verify says whether it still matches."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from desktop.accounts.service import authenticate
from desktop.core.paths import resources_dir
from desktop.models.db import open_store
from desktop.review.campaigns import list_campaigns
from desktop.review.corrections import void_campaign
from tests.helpers.cli import Desk
from tests.helpers.review_county import AGENCIES, PASSWORD, make_county

DRAW = (
    "review",
    "draw",
    "--campaign",
    "2025年度评查",
    "--seed",
    "42",
    "--per-agency",
    "2",
    "--closed-from",
    "2025-01-01",
    "--closed-to",
    "2025-12-31",
    "--reviewers",
    "r_market,r_transport,r_bureau",
)


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Desk:
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    store = open_store(store_url)
    try:
        from desktop.accounts.service import authenticate

        make_county(store, authenticate(store, "admin", "Chief-2026"), tmp_path)
    finally:
        store.dispose()
    return d


def test_rubric_import_and_list(desk: Desk, tmp_path: Path) -> None:
    listed = desk.json("rubric", "list")
    assert {i["code"] for i in listed["items"]} == {"XZCF-DEFAULT", "XZQZ-DEFAULT"}
    assert all(i["default"] and i["total"] == 100 for i in listed["items"])
    doc = json.loads((resources_dir() / "rubrics" / "xzcf-default.json").read_text(encoding="utf-8"))
    doc["code"], doc["name"] = "XZCF-2026", "本省行政处罚案卷评查标准"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert desk.json("rubric", "import", str(good))["outcome"] == "new"
    assert desk.json("rubric", "import", str(good))["outcome"] == "unchanged"
    doc["sections"][1]["items"][0]["deductions"][0]["points"] = 999
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _out, err = desk("rubric", "import", str(bad))
    assert code == 1 and "sections[1].items[0].deductions[0].points" in err
    code, _out, err = desk("rubric", "import", str(tmp_path / "missing.json"))
    assert code == 1 and "missing.json" in err


def test_a_used_rubric_gets_a_new_version(desk: Desk, tmp_path: Path) -> None:
    desk.json(*DRAW)
    doc = json.loads((resources_dir() / "rubrics" / "xzcf-default.json").read_text(encoding="utf-8"))
    doc["name"] = doc["name"] + "（修订）"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = desk.json("rubric", "import", str(path))
    assert (result["outcome"], result["version"]) == ("version", 2)
    versions = [(i["code"], i["version"], i["used"]) for i in desk.json("rubric", "list")["items"]]
    assert ("XZCF-DEFAULT", 1, True) in versions and ("XZCF-DEFAULT", 2, False) in versions


def test_draw_prints_the_shape_of_cli_md_and_verify_matches(desk: Desk, tmp_path: Path) -> None:
    drawn = desk.json(*DRAW, user="jiandu", password=PASSWORD)
    assert drawn["campaign"] == "2025年度评查" and drawn["seed"] == "42"
    assert len(drawn["items"]) == 6 and set(drawn["items"][0]) >= {"case_no", "agency", "reviewers"}
    for item in drawn["items"]:
        assert not (item["agency"] == AGENCIES[0] and "r_market" in item["reviewers"])
    check = desk.json("review", "draw", "--campaign", "2025年度评查", "--verify")
    assert check["matches"] and check["population_unchanged"]
    code, out, _err = desk("review", "draw", "--campaign", "2025年度评查", "--verify")
    assert code == 0 and "matches" in out
    # the same options and seed under another name draw the same files
    again = desk.json(*[("另一次" if a == "2025年度评查" else a) for a in DRAW])
    assert [i["case_no"] for i in again["items"]] == [i["case_no"] for i in drawn["items"]]
    out_file = tmp_path / "results.xlsx"
    assert desk.json("review", "export", "--campaign", "2025年度评查", "--out", str(out_file))["files"] == 6
    book = openpyxl.load_workbook(out_file)
    assert book.sheetnames == ["案卷", "扣分", "单位", "复核"]
    assert book["案卷"].max_row == 7


def test_draw_options_and_refusals(desk: Desk) -> None:
    code, _out, err = desk("review", "draw", "--campaign", "x", "--seed", "1")
    assert code == 2 and "--closed-from" in err
    code, _out, err = desk(*DRAW[:-1], "nobody")
    assert code == 1 and "nobody" in err
    code, _out, err = desk("review", "draw", "--campaign", "none", "--verify")
    assert code == 1 and "none" in err
    code, _out, _err = desk(*DRAW, user="r_bureau", password=PASSWORD)
    assert code == 1
    percent = desk.json(
        "review",
        "draw",
        "--campaign",
        "p",
        "--seed",
        "1",
        "--percent",
        "10",
        "--agency",
        AGENCIES[1],
        "--category",
        "行政处罚",
        "--closed-from",
        "2025-01-01",
        "--closed-to",
        "2025-12-31",
        "--reviewers",
        "r_bureau,r_bureau2",
        "--double",
        "--weights",
        "60/40",
        "--require-dossier",
    )
    assert len(percent["items"]) == 1 and len(percent["items"][0]["reviewers"]) == 2
    code, _out, err = desk(
        "review",
        "draw",
        "--campaign",
        "w",
        "--seed",
        "1",
        "--per-agency",
        "1",
        "--double",
        "--weights",
        "70/20",
        "--closed-from",
        "2025-01-01",
        "--closed-to",
        "2025-12-31",
        "--reviewers",
        "r_bureau,r_bureau2",
    )
    assert code == 2 and "--weights" in err


def test_a_voided_campaign_still_verifies_and_exports(desk: Desk, store_url: str, tmp_path: Path) -> None:
    drawn = desk.json(*DRAW, user="jiandu", password=PASSWORD)
    store = open_store(store_url)
    try:
        supervisor = authenticate(store, "jiandu", PASSWORD)
        [row] = list_campaigns(store, supervisor)
        void_campaign(store, supervisor, row.id, row.version, "范围设置错误")
    finally:
        store.dispose()
    check = desk.json("review", "draw", "--campaign", "2025年度评查", "--verify")
    assert check["matches"] and check["population_unchanged"]
    out_file = tmp_path / "voided.xlsx"
    assert desk.json("review", "export", "--campaign", "2025年度评查", "--out", str(out_file))[
        "files"
    ] == len(drawn["items"])
    assert openpyxl.load_workbook(out_file).sheetnames == ["案卷", "扣分", "单位", "复核"]
