"""Workbooks and blueprints for the exam tests: a question bank (FORMATS.md §3) of a known size
per type, category and difficulty, candidates and answer sheets (§8)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from desktop.core.identifiers import make_resident_id

BANK_HEADERS = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "分类", "难度", "解析"]
CATEGORIES = ("行政处罚法", "行政强制法")
LEVELS = ("易", "中", "难")


def write_rows(
    path: Path, headers: Sequence[Any], rows: Sequence[Sequence[Any]], title: str = "Sheet1"
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def bank_rows(per_cell: int = 4) -> list[list[Any]]:
    """``per_cell`` questions of each type × category × difficulty (single answer B, multi ACD
    over four options, judge 正确)."""
    rows: list[list[Any]] = []
    for category in CATEGORIES:
        for level in LEVELS:
            for n in range(per_cell):
                tag = f"{category}{level}{n}"
                rows.append(
                    [
                        "单选题",
                        f"单选{tag}：下列哪一项正确？",
                        "甲",
                        "乙",
                        "丙",
                        "丁",
                        "B",
                        category,
                        level,
                        "解析",
                    ]
                )
                rows.append(
                    [
                        "多选题",
                        f"多选{tag}：下列哪些正确？",
                        "子",
                        "丑",
                        "寅",
                        "卯",
                        "ACD",
                        category,
                        level,
                        None,
                    ]
                )
                rows.append(
                    [
                        "判断题",
                        f"判断{tag}：该说法正确。",
                        None,
                        None,
                        None,
                        None,
                        "正确",
                        category,
                        level,
                        None,
                    ]
                )
    return rows


def write_bank(path: Path, per_cell: int = 4) -> Path:
    return write_rows(path, BANK_HEADERS, bank_rows(per_cell), "题库导入")


def id_number(n: int) -> str:
    return make_resident_id("330102", date(1985, 1, 1 + n % 28), 100 + n)


def write_candidates(path: Path, count: int, agency: str | None = "县市场监督管理局") -> list[str]:
    ids = [id_number(n) for n in range(count)]
    write_rows(
        path, ["姓名", "身份证号", "执法主体"], [[f"考生{n + 1}", ids[n], agency] for n in range(count)]
    )
    return ids


def blueprint(path: Path, **overrides: Any) -> Path:
    doc = {
        "name": "2026年行政执法资格考试",
        "minutes": 90,
        "pass_mark": 6,
        "sections": [
            {
                "type": "单选题",
                "count": 4,
                "points": 1,
                "categories": ["行政处罚法"],
                "difficulty": {"易": 1, "中": 2, "难": 1},
            },
            {"type": "多选题", "count": 3, "points": 2, "partial_credit": 0.5},
            {"type": "判断题", "count": 2, "points": 1},
        ],
    }
    doc.update(overrides)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def read_keys(path: Path) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def answers_from_keys(
    keys: list[dict[str, Any]], wrong: set[tuple[str, int]] = frozenset()
) -> dict[str, dict[int, Any]]:  # type: ignore[assignment]
    """Each paper's answers as printed: the key, except (paper, number) in ``wrong``."""
    out: dict[str, dict[int, Any]] = {}
    for k in keys:
        value = k["答案"]
        if (k["试卷号"], k["题号"]) in wrong:
            value = (
                "错误" if value == "正确" else "正确" if value == "错误" else ("A" if value != "A" else "B")
            )
        out.setdefault(k["试卷号"], {})[k["题号"]] = value
    return out


def write_answers(path: Path, answers: dict[str, dict[int, Any]], questions: int) -> Path:
    rows = [[no, *(given.get(i) for i in range(1, questions + 1))] for no, given in answers.items()]
    return write_rows(path, ["试卷号", *(str(i) for i in range(1, questions + 1))], rows)
