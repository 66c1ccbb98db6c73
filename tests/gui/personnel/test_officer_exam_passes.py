"""The officer record shows the qualification exams the officer passed (the exam area's graded
papers matched by 身份证号), read in the background; "none on record" otherwise."""

from __future__ import annotations

from desktop.exam.bank_exchange import import_questions
from desktop.exam.blueprints import load_blueprint
from desktop.exam.grading import grade
from desktop.exam.sittings import generate
from desktop.personnel.dto import OfficerInput
from desktop.personnel.service import create_officer
from desktop.views.personnel.officers.page import OfficersPage
from tests.helpers.exam import (
    answers_from_keys,
    blueprint,
    id_number,
    read_keys,
    write_answers,
    write_bank,
    write_candidates,
)
from tests.helpers.pages import make_ctx, seed_agencies


def test_the_officer_record_lists_the_exams_passed(qtbot, store, admin, clock, tmp_path) -> None:
    agencies = seed_agencies(store, admin)
    for n, name in enumerate(("考生甲", "考生乙")):
        create_officer(store, admin, OfficerInput(name, id_number(n), agencies[0].id))
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=4))
    write_candidates(tmp_path / "cand.xlsx", 2, agencies[0].name)
    sitting = generate(
        store,
        admin,
        load_blueprint(blueprint(tmp_path / "bp.json")),
        "9",
        tmp_path / "cand.xlsx",
        tmp_path / "out",
    )
    keys = read_keys(tmp_path / "out" / "keys.xlsx")
    second = sorted({k["试卷号"] for k in keys})[1]
    answers = answers_from_keys(keys, {(second, n) for n in range(1, 10)})
    grade(store, admin, sitting.id, write_answers(tmp_path / "ans.xlsx", answers, 9))
    page = OfficersPage(make_ctx(store, admin, clock))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    shown = {}
    for n in range(page.model.rowCount()):
        page.table.select_row(n)
        shown[page.model.row_at(n).name] = page.detail.text_of("exam_passes")
    assert shown["考生甲"].startswith("2026年行政执法资格考试, 2026-11-23, ")
    assert shown["考生乙"] == "none on record"
