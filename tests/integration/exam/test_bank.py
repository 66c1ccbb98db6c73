"""The question bank with a store: §3 imports (every alias, all rows or none, sheet/row/column
errors, duplicates), the list, export in the same layout, versions, permissions, audit."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop.accounts.audit import verify_chain
from desktop.accounts.audit_data import verify_data
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.errors import Conflict, ImportRefused, PermissionDenied, ValidationError
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.exam.bank import add_question, edit_question, get_question, list_questions, retire_question
from desktop.exam.bank_exchange import export_questions, import_questions
from desktop.exam.dto import QuestionInput
from desktop.models.db import Store
from tests.helpers.exam import BANK_HEADERS, write_bank, write_rows

ALL = ListQuery(limit=None)


def test_import_with_every_alias(store: Store, admin: Actor, tmp_path: Path) -> None:
    rows = [
        ["单选", "行政处罚的种类不包括？", "警告", "罚款", "记过", None, "C", "行政处罚法", 1, None],
        [
            "多选",
            "行政强制措施包括？",
            "查封",
            "扣押",
            "冻结",
            "罚款",
            "A,B,C",
            "行政强制法",
            "3",
            "见第九条",
        ],
        ["判断", "罚款属于行政处罚。", None, None, None, None, "√", "行政处罚法", None, None],
        ["判断题", "警告不是行政处罚。", None, None, None, None, "F", "行政处罚法", "难", None],
        ["判断题", "扣押属于行政强制措施。", None, None, None, None, "对", "行政强制法", "易", None],
        [
            "多选题",
            "下列属于行政许可的有？",
            "颁发许可证",
            "颁发执照",
            "罚款",
            None,
            "BA",
            "行政许可法",
            "中",
            None,
        ],
    ]
    path = write_rows(tmp_path / "bank.xlsx", BANK_HEADERS, rows, "题库导入")
    result = import_questions(store, admin, path)
    assert (result.imported, result.skipped) == (6, 0)
    items = {q.stem: q for q in list_questions(store, admin, ALL).items}
    assert (items["行政处罚的种类不包括？"].type, items["行政处罚的种类不包括？"].difficulty) == (
        "单选题",
        "易",
    )
    assert items["行政强制措施包括？"].answer == "ABC" and items["行政强制措施包括？"].difficulty == "难"
    assert items["行政强制措施包括？"].as_dict()["options"] == {
        "A": "查封",
        "B": "扣押",
        "C": "冻结",
        "D": "罚款",
    }
    assert [
        items[s].answer for s in ("罚款属于行政处罚。", "警告不是行政处罚。", "扣押属于行政强制措施。")
    ] == [
        "正确",
        "错误",
        "正确",
    ]
    assert items["罚款属于行政处罚。"].difficulty == "中"  # the default
    assert items["下列属于行政许可的有？"].answer == "AB"
    again = import_questions(store, admin, path)
    assert (again.imported, again.skipped) == (0, 6)
    assert verify_chain(store).ok


def test_a_bad_row_refuses_the_whole_file_naming_sheet_row_and_column(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        ["单选题", "好题", "甲", "乙", None, None, "A", "行政处罚法", "易", None],
        ["单选题", "两个答案", "甲", "乙", None, None, "AB", "行政处罚法", "易", None],
        ["多选题", "选项太少", "甲", "乙", None, None, "AB", "行政处罚法", "易", None],
        ["问答题", "未知题型", None, None, None, None, "A", "行政处罚法", "易", None],
        ["判断题", "判断答案错", None, None, None, None, "也许", "行政处罚法", "易", None],
        ["单选题", "答案指向空选项", "甲", "乙", None, None, "D", "行政处罚法", "易", None],
        ["单选题", "难度不对", "甲", "乙", None, None, "A", "行政处罚法", "很难", None],
        ["单选题", "好题", "甲", "乙", None, None, "A", "行政处罚法", "易", None],
        ["单选题", "缺分类", "甲", "乙", None, None, "A", None, "易", None],
    ]
    path = write_rows(tmp_path / "bad.xlsx", BANK_HEADERS, rows, "题库导入")
    with pytest.raises(ImportRefused) as caught:
        import_questions(store, admin, path)
    places = {(e.sheet, e.row, e.column) for e in caught.value.errors}
    assert places == {
        ("题库导入", 3, "答案"),
        ("题库导入", 4, "选项A"),
        ("题库导入", 5, "题型"),
        ("题库导入", 6, "答案"),
        ("题库导入", 7, "答案"),
        ("题库导入", 8, "难度"),
        ("题库导入", 9, "题干"),
        ("题库导入", 10, "分类"),
    }
    assert all(e.file == "bad.xlsx" for e in caught.value.errors)
    assert list_questions(store, admin, ALL).total == 0


def test_a_question_the_bank_holds_with_another_answer_is_refused(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    write_bank(tmp_path / "bank.xlsx", per_cell=1)
    import_questions(store, admin, tmp_path / "bank.xlsx")
    rows = [
        [
            "单选题",
            "单选行政处罚法易0：下列哪一项正确？",
            "甲",
            "乙",
            "丙",
            "丁",
            "A",
            "行政处罚法",
            "易",
            "解析",
        ]
    ]
    path = write_rows(tmp_path / "dup.xlsx", BANK_HEADERS, rows, "题库导入")
    with pytest.raises(ImportRefused) as caught:
        import_questions(store, admin, path)
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "题干")]


def test_export_in_the_import_layout_imports_again_unchanged(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    write_bank(tmp_path / "bank.xlsx", per_cell=1)
    import_questions(store, admin, tmp_path / "bank.xlsx")
    assert export_questions(store, admin, ListQuery(), tmp_path / "out.xlsx") == 18
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    header = next(book.active.iter_rows(values_only=True))
    book.close()
    assert list(header[:14]) == [
        "题型",
        "题干",
        *(f"选项{c}" for c in "ABCDEFGH"),
        "答案",
        "分类",
        "难度",
        "解析",
    ]
    result = import_questions(store, admin, tmp_path / "out.xlsx")
    assert (result.imported, result.skipped) == (0, 18)


def test_editing_a_used_question_makes_a_new_version(store: Store, admin: Actor) -> None:
    from desktop.models import Paper, PaperItem, Sitting

    q = add_question(store, admin, QuestionInput("单选题", "原题", ("甲", "乙", "丙"), "A", "行政处罚法"))
    edited = edit_question(
        store,
        admin,
        q.id,
        q.version,
        QuestionInput("单选题", "原题（改）", ("甲", "乙", "丙"), "A", "行政处罚法"),
    )
    assert edited.id == q.id and edited.stem == "原题（改）"  # unused: changed in place
    with store.unit_of_work() as uow:  # print it in a paper
        s = Sitting(
            name="x",
            seed="1",
            blueprint={},
            minutes=1,
            pass_mark=1,
            total_points=1,
            created_at="",
            created_by="",
            code="TEST01",
        )
        s.papers = [
            Paper(
                paper_no="1",
                name="n",
                id_number="1",
                points=1,
                items=[PaperItem(position=1, question_id=q.id, points=1)],
            )
        ]
        uow.session.add(s)
        uow.commit()
    v2 = edit_question(
        store,
        admin,
        q.id,
        edited.version,
        QuestionInput("单选题", "新题干", ("甲", "乙", "丙"), "B", "行政处罚法"),
    )
    assert v2.id != q.id and (v2.family, v2.revision) == (q.id, 2)
    old = get_question(store, admin, q.id)
    assert (old.stem, old.active, old.used) == ("原题（改）", False, 1)
    assert [x.id for x in list_questions(store, admin, ALL).items] == [v2.id]
    assert list_questions(store, admin, ListQuery(filters=(("all", True),))).total == 2
    with pytest.raises(Conflict):
        edit_question(
            store, admin, q.id, old.version, QuestionInput("单选题", "再改", ("甲", "乙"), "A", "c")
        )
    retired = retire_question(store, admin, v2.id)
    assert retired.retired and list_questions(store, admin, ALL).total == 0
    assert verify_data(store, admin) == ()  # every version as the audit record last wrote it
    with pytest.raises(ValidationError):
        add_question(store, admin, QuestionInput("多选题", "少选项", ("甲", "乙"), "AB", "c"))


def test_only_trainers_and_supervisors_keep_the_bank(store: Store, admin: Actor, tmp_path: Path) -> None:
    create_user(store, admin, UserInput("peixun", "trainer"), "Train-2026x")
    create_user(store, admin, UserInput("pingcha", "reviewer"), "Review-2026")
    trainer = authenticate(store, "peixun", "Train-2026x")
    write_bank(tmp_path / "bank.xlsx", per_cell=1)
    assert import_questions(store, trainer, tmp_path / "bank.xlsx").imported == 18
    with pytest.raises(PermissionDenied):
        list_questions(store, authenticate(store, "pingcha", "Review-2026"), ALL)
