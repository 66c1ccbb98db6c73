"""Generating a sitting with a store: the files of §9, the same seed giving the same papers, an
unmeetable blueprint refused before anything is made, a cancelled generation leaving nothing,
candidates checked and matched to officers."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select

from desktop.core.errors import Cancelled, ImportRefused
from desktop.core.security import Actor
from desktop.exam.bank_exchange import import_questions
from desktop.exam.blueprints import load_blueprint
from desktop.exam.sittings import Unmeetable, generate, list_sittings
from desktop.models import Paper, Sitting
from desktop.models.db import Store
from tests.helpers.exam import blueprint, id_number, read_keys, write_bank, write_candidates, write_rows


@pytest.fixture
def bank(store: Store, admin: Actor, tmp_path: Path) -> Path:
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=4))
    return tmp_path


def test_a_sitting_writes_papers_answer_sheet_and_keys(store: Store, admin: Actor, bank: Path) -> None:
    ids = write_candidates(bank / "cand.xlsx", 3)
    out = bank / "out"
    sitting = generate(
        store, admin, load_blueprint(blueprint(bank / "bp.json")), "42", bank / "cand.xlsx", out
    )
    assert [p.id_number for p in sitting.papers] == ids
    assert all((p.questions, p.points) == (9, 12) for p in sitting.papers)
    numbers = [p.paper_no for p in sitting.papers]
    assert sorted(f.name for f in (out / "papers").iterdir()) == [f"{n}.pdf" for n in numbers]
    keys = read_keys(out / "keys.xlsx")
    assert len(keys) == 27 and set(keys[0]) == {
        "试卷号",
        "题号",
        "题型",
        "分类",
        "难度",
        "题库编号",
        "选项顺序",
        "答案",
        "分值",
    }
    with pymupdf.open(out / "papers" / f"{numbers[0]}.pdf") as doc:
        text = "".join(page.get_text() for page in doc)
        fonts = {f[3] for page in doc for f in page.get_fonts()}
    assert "2026年行政执法资格考试" in text and numbers[0] in text and "考生1" in text and "90 分钟" in text
    assert "第 1 页" in text and fonts  # page numbers, an embedded font
    mine = [k for k in keys if k["试卷号"] == numbers[0]]
    assert "选项顺序" not in text and "答案" not in text and ids[0] in text
    for k in mine:  # the printed options are the bank's in the key's order
        assert k["答案"] in ("正确", "错误") or set(k["答案"]) <= set("ABCD")
    sheet = read_keys(out / "answer-sheet.xlsx")
    assert [r["试卷号"] for r in sheet] == numbers and list(sheet[0])[1:] == [str(i) for i in range(1, 10)]
    assert list_sittings(store, admin)[0].seed == "42"


def test_the_same_seed_gives_the_same_papers(store: Store, admin: Actor, bank: Path) -> None:
    write_candidates(bank / "cand.xlsx", 4)
    bp = load_blueprint(blueprint(bank / "bp.json"))
    drawn = []
    for n, seed in enumerate(("7", "7", "8")):
        generate(store, admin, bp, seed, bank / "cand.xlsx", bank / f"out{n}")
        drawn.append(
            [(k["题号"], k["题库编号"], k["选项顺序"]) for k in read_keys(bank / f"out{n}" / "keys.xlsx")]
        )
    assert drawn[0] == drawn[1] != drawn[2]


def test_an_unmeetable_blueprint_makes_nothing(store: Store, admin: Actor, bank: Path) -> None:
    write_candidates(bank / "cand.xlsx", 2)
    bp = load_blueprint(
        blueprint(
            bank / "bp.json",
            sections=[
                {
                    "type": "单选题",
                    "count": 10,
                    "points": 1,
                    "categories": ["行政处罚法"],
                    "difficulty": {"易": 6, "难": 4},
                }
            ],
        )
    )
    with pytest.raises(Unmeetable) as caught:
        generate(store, admin, bp, "1", bank / "cand.xlsx", bank / "out")
    assert "section 1 (单选题, 易): 2 question(s) short" in caught.value.english()
    assert not (bank / "out").exists()


def test_a_cancelled_generation_leaves_nothing(store: Store, admin: Actor, bank: Path) -> None:
    write_candidates(bank / "cand.xlsx", 3)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3  # after the draw, while the papers are written

    with pytest.raises(Cancelled):
        generate(
            store,
            admin,
            load_blueprint(blueprint(bank / "bp.json")),
            "1",
            bank / "cand.xlsx",
            bank / "out",
            cancelled=cancel,
        )
    assert not (bank / "out").exists()
    with store.reading() as session:
        assert session.execute(select(func.count()).select_from(Sitting)).scalar() == 0
        assert session.execute(select(func.count()).select_from(Paper)).scalar() == 0


def test_candidates_are_checked_and_matched_to_officers(store: Store, admin: Actor, bank: Path) -> None:
    from desktop.personnel.dto import AgencyInput, OfficerInput
    from desktop.personnel.service import create_agency, create_officer

    agency = create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    create_officer(store, admin, OfficerInput("王执法", id_number(1), agency.id))
    bad = write_rows(
        bank / "bad.xlsx",
        ["姓名", "身份证号", "执法主体"],
        [
            ["甲", "110101199001011234", None],
            ["乙", id_number(2), None],
            ["丙", id_number(2), None],
            [None, id_number(3), None],
        ],
    )
    with pytest.raises(ImportRefused) as caught:
        generate(store, admin, load_blueprint(blueprint(bank / "bp.json")), "1", bad, bank / "out")
    assert {(e.row, e.column) for e in caught.value.errors} == {(2, "身份证号"), (4, "身份证号"), (5, "姓名")}
    good = write_rows(
        bank / "good.xlsx", ["姓名", "身份证号"], [["王执法", id_number(1)], ["李四", id_number(2)]]
    )
    sitting = generate(store, admin, load_blueprint(blueprint(bank / "bp.json")), "1", good, bank / "out")
    with store.reading() as session:
        papers = (
            session.execute(select(Paper).where(Paper.sitting_id == sitting.id).order_by(Paper.id))
            .scalars()
            .all()
        )
        assert papers[0].officer_id is not None and papers[0].agency == "示范县市场监督管理局"
        assert papers[1].officer_id is None
