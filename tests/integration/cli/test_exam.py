"""``bank import|list|export`` and ``exam generate|grade|results|analysis`` as CLI.md writes them,
on both databases, with their JSON shapes and exit codes, as a trainer."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.cli import Desk
from tests.helpers.exam import (
    BANK_HEADERS,
    answers_from_keys,
    blueprint,
    read_keys,
    write_answers,
    write_bank,
    write_candidates,
    write_rows,
)


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    assert d("users", "add", "peixun", "--role", "trainer", new_password="Train-2026x")[0] == 0
    return d


def trainer(desk: Desk, *args: str) -> tuple[int, str, str]:
    return desk(*args, user="peixun", password="Train-2026x")


def test_bank_import_and_list(desk: Desk, tmp_path: Path) -> None:
    path = write_bank(tmp_path / "bank.xlsx", per_cell=1)
    code, out, err = trainer(desk, "--json", "bank", "import", str(path))
    assert code == 0, err
    assert json.loads(out) == {"imported": 18, "skipped": 0, "errors": []}
    listed = json.loads(trainer(desk, "--json", "bank", "list")[1])
    assert listed["total"] == 18
    first = listed["items"][0]
    assert {"id", "type", "category", "difficulty", "stem", "options", "answer"} <= set(first)
    assert first["options"] == {"A": "甲", "B": "乙", "C": "丙", "D": "丁"} and first["answer"] == "B"
    judge = next(i for i in listed["items"] if i["type"] == "判断题")
    assert judge["answer"] == "正确" and judge["options"] == {}
    page = json.loads(trainer(desk, "--json", "bank", "list", "--limit", "5", "--type", "多选题")[1])
    assert page["total"] == 6 and len(page["items"]) == 5
    code, out, _ = trainer(desk, "--json", "bank", "import", str(path))
    assert json.loads(out)["skipped"] == 18
    assert trainer(desk, "bank", "export", "--out", str(tmp_path / "export.xlsx"))[0] == 0


def test_a_refused_bank_import_prints_every_error(desk: Desk, tmp_path: Path) -> None:
    rows = [["单选", "题一", "甲", "乙", None, None, "C", "行政处罚法", None, None]]
    path = write_rows(tmp_path / "bad.xlsx", BANK_HEADERS, rows, "题库导入")
    code, out, err = trainer(desk, "--json", "bank", "import", str(path))
    assert code == 1
    doc = json.loads(out)
    assert doc["imported"] == 0 and doc["errors"][0] == {
        "file": "bad.xlsx",
        "sheet": "题库导入",
        "row": 2,
        "column": "答案",
        "message": doc["errors"][0]["message"],
    }
    assert "bad.xlsx" in err


def test_generate_grade_results_analysis(desk: Desk, tmp_path: Path) -> None:
    trainer(desk, "bank", "import", str(write_bank(tmp_path / "bank.xlsx")))
    ids = write_candidates(tmp_path / "cand.xlsx", 3)
    bp = blueprint(tmp_path / "bp.json")
    out_dir = tmp_path / "out"
    code, out, err = trainer(
        desk, "--json", "exam", "generate", "--blueprint", str(bp), "--seed", "2026",
        "--candidates", str(tmp_path / "cand.xlsx"), "--out", str(out_dir),
    )  # fmt: skip
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) == {"sitting", "papers"}
    assert [set(p) for p in doc["papers"]] == [{"paper_no", "id_number", "name", "questions", "points"}] * 3
    assert [p["id_number"] for p in doc["papers"]] == ids and doc["papers"][0]["questions"] == 9
    assert doc["papers"][0]["points"] == 12
    assert (out_dir / "answer-sheet.xlsx").exists() and (out_dir / "keys.xlsx").exists()
    assert len(list((out_dir / "papers").glob("*.pdf"))) == 3
    keys = read_keys(out_dir / "keys.xlsx")
    first = doc["papers"][0]["paper_no"]
    answers = answers_from_keys(keys, wrong={(first, 1)})
    sheet = write_answers(tmp_path / "ans.xlsx", answers, 9)
    code, out, err = trainer(
        desk, "--json", "exam", "grade", "--sitting", str(doc["sitting"]), "--answers", str(sheet)
    )
    assert code == 0, err
    graded = json.loads(out)
    assert graded["total"] == 3
    assert graded["items"][0] == {"paper_no": first, "id_number": ids[0], "score": 11, "passed": True}
    assert [i["score"] for i in graded["items"][1:]] == [12, 12]
    results = json.loads(trainer(desk, "--json", "exam", "results", "--sitting", str(doc["sitting"]))[1])
    assert results["total"] == 3 and results["items"][0]["score"] == 11
    code, out, err = trainer(
        desk,
        "--json",
        "exam",
        "analysis",
        "--sitting",
        str(doc["sitting"]),
        "--out",
        str(tmp_path / "a.xlsx"),
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["graded"] == 3 and report["items"]
    book = openpyxl.load_workbook(tmp_path / "a.xlsx", read_only=True)
    assert book.sheetnames == ["考试统计", "成绩", "题目分析", "各单位合格率"]
    book.close()


def test_an_unmeetable_blueprint_exits_1_naming_the_section(desk: Desk, tmp_path: Path) -> None:
    trainer(desk, "bank", "import", str(write_bank(tmp_path / "bank.xlsx", per_cell=1)))
    write_candidates(tmp_path / "cand.xlsx", 2)
    bp = blueprint(
        tmp_path / "bp.json",
        sections=[{"type": "判断题", "count": 10, "points": 1, "difficulty": {"难": 10}}],
    )
    code, _out, err = trainer(
        desk, "exam", "generate", "--blueprint", str(bp), "--seed", "1",
        "--candidates", str(tmp_path / "cand.xlsx"), "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert code == 1 and "section 1 (判断题, 难): 8 question(s) short" in err
    assert not (tmp_path / "out").exists()


def test_a_reviewer_may_not_generate(desk: Desk, tmp_path: Path) -> None:
    assert desk("users", "add", "pingcha", "--role", "reviewer", new_password="Review-2026")[0] == 0
    code, _out, _err = desk("bank", "list", user="pingcha", password="Review-2026")
    assert code == 1
