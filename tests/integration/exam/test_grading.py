"""Grading answer sheets (§8) case by case: every alias, letters in any order, partial credit,
blanks; an unknown or repeated 试卷号, or a letter the printed paper lacks, refuses the file; the
answers stored in the bank's letters, whatever the printed order."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.errors import ImportRefused
from desktop.core.security import Actor
from desktop.exam.analysis import analysis, export_analysis
from desktop.exam.bank_exchange import import_questions
from desktop.exam.blueprints import load_blueprint
from desktop.exam.grading import grade, results
from desktop.exam.sittings import generate
from desktop.models import PaperItem
from desktop.models.db import Store
from tests.helpers.exam import (
    answers_from_keys,
    blueprint,
    read_keys,
    write_answers,
    write_bank,
    write_candidates,
)

LETTERS = "ABCDEFGH"


@pytest.fixture
def sitting(store: Store, admin: Actor, tmp_path: Path) -> tuple[int, list[dict]]:
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=4))
    write_candidates(tmp_path / "cand.xlsx", 4)
    s = generate(
        store,
        admin,
        load_blueprint(blueprint(tmp_path / "bp.json")),
        "9",
        tmp_path / "cand.xlsx",
        tmp_path / "out",
    )
    return s.id, read_keys(tmp_path / "out" / "keys.xlsx")


def _alias(value: str) -> str:
    return {"正确": "√", "错误": "F"}.get(value, value[::-1])  # letters reversed: CA for AC


def test_grading_case_by_case(
    store: Store, admin: Actor, tmp_path: Path, sitting: tuple[int, list[dict]]
) -> None:
    sitting_id, keys = sitting
    answers = answers_from_keys(keys)
    papers = list(answers)
    answers[papers[0]] = {n: _alias(v) for n, v in answers[papers[0]].items()}  # full marks through aliases
    multi = [k for k in keys if k["试卷号"] == papers[1] and k["题型"] == "多选题"]
    answers[papers[1]][multi[0]["题号"]] = multi[0]["答案"][:2]  # a subset: half the points
    answers[papers[1]][multi[1]["题号"]] = None  # a blank
    wrong = next(ch for ch in "ABCD" if ch not in multi[2]["答案"])
    answers[papers[1]][multi[2]["题号"]] = multi[2]["答案"][0] + wrong  # a wrong letter: nothing
    answers[papers[2]] = {}  # answered nothing
    out = grade(store, admin, sitting_id, write_answers(tmp_path / "ans.xlsx", answers, 9))
    scores = {r.paper_no: (r.score, r.passed) for r in out}
    assert scores[papers[0]] == (12, True)
    assert scores[papers[1]] == (12 - 1 - 2 - 2, True)
    assert scores[papers[2]] == (0, False)
    assert scores[papers[3]] == (12, True)
    every = results(store, admin, sitting_id, with_items=True)
    shown = {r.paper_no: r for r in every}
    item = next(i for i in shown[papers[1]].items if i.position == multi[0]["题号"])
    assert (item.given, item.key, item.earned) == (multi[0]["答案"][:2], multi[0]["答案"], 1)
    # stored in the bank's letters: the printed order maps every answer back to the bank
    with store.reading() as session:
        rows = session.execute(select(PaperItem).where(PaperItem.response.is_not(None))).scalars().all()
        for row in rows:
            if row.question.type != "判断题" and row.earned == row.points:
                assert row.response == row.question.answer
    report = analysis(store, admin, sitting_id)
    assert report.graded == 4 and report.pass_rate == 0.75
    export_analysis(store, admin, sitting_id, tmp_path / "analysis.xlsx")
    assert (tmp_path / "analysis.xlsx").stat().st_size > 0


@pytest.mark.parametrize(
    ("change", "column"),
    [
        (lambda a, p: a.update({"999-0001": {}}), "试卷号"),
        (lambda a, p: a[p[0]].update({1: "Z"}), "1"),
        (lambda a, p: a[p[0]].update({1: "F"}), "1"),  # the paper prints A–D only
        (lambda a, p: a[p[0]].update({9: "也许"}), "9"),
    ],
)
def test_a_bad_sheet_refuses_the_file(
    store: Store, admin: Actor, tmp_path: Path, sitting: tuple[int, list[dict]], change, column: str
) -> None:
    sitting_id, keys = sitting
    answers = answers_from_keys(keys)
    change(answers, list(answers))
    with pytest.raises(ImportRefused) as caught:
        grade(store, admin, sitting_id, write_answers(tmp_path / "ans.xlsx", answers, 9))
    assert [e.column for e in caught.value.errors] == [column]
    assert all(r.score is None for r in results(store, admin, sitting_id))


def test_a_repeated_paper_number_refuses_the_file(
    store: Store, admin: Actor, tmp_path: Path, sitting: tuple[int, list[dict]]
) -> None:
    from tests.helpers.exam import write_rows

    sitting_id, keys = sitting
    no = keys[0]["试卷号"]
    path = write_rows(tmp_path / "ans.xlsx", ["试卷号", "1"], [[no, "A"], [no, "B"]])
    with pytest.raises(ImportRefused) as caught:
        grade(store, admin, sitting_id, path)
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, "试卷号")]
