"""The rules of a review standard (FORMATS.md §4): each broken rule is named by its JSON path;
the default standards are valid; a rubric round-trips through its document."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import ValidationError
from desktop.review.rubric import DEDUCTION_KINDS, Deduction
from desktop.review.rubric_checks import canonical_json, parse_rubric, rubric_problems, rubric_to_doc

RUBRICS = Path(__file__).resolve().parents[3] / "resources" / "rubrics"


def valid_doc() -> dict[str, Any]:
    """A small valid standard: 10 points in two sections, every deduction kind, two vetoes."""
    return {
        "code": "T-1",
        "name": "测试标准",
        "applies_to": ["行政处罚"],
        "total": 10,
        "bands": [{"name": "优秀", "min": 9}, {"name": "合格", "min": 6}, {"name": "不合格", "min": 0}],
        "vetoes": [
            {"code": "V1", "text": "实施主体不合法", "effect": "fail"},
            {"code": "E1", "text": "主要对外文书未加盖印章", "effect": "not_excellent"},
        ],
        "sections": [
            {
                "code": "1",
                "title": "案卷卷面",
                "items": [
                    {
                        "code": "1.1",
                        "title": "按文书规范填写",
                        "points": 4,
                        "deductions": [
                            {"code": "1.1.a", "text": "漏项", "kind": "per_occurrence", "points": 1},
                            {"code": "1.1.b", "text": "未使用规定文书格式", "kind": "fixed", "points": 2},
                        ],
                    }
                ],
            },
            {
                "code": "2",
                "title": "程序",
                "items": [
                    {
                        "code": "2.1",
                        "title": "送达",
                        "points": 6,
                        "deductions": [
                            {"code": "2.1.a", "text": "未在7日内送达", "kind": "full"},
                            {"code": "2.1.b", "text": "送达回证不规范", "kind": "range", "min": 1, "max": 3},
                            {"code": "2.1.c", "text": "未告知", "kind": "fixed", "points": 1},
                        ],
                    }
                ],
            },
        ],
    }


def first_problem(change: Callable[[dict[str, Any]], Any]) -> ValidationError:
    """The error ``parse_rubric`` raises for the valid document after ``change``."""
    doc = valid_doc()
    change(doc)
    with pytest.raises(ValidationError) as caught:
        parse_rubric(doc)
    return caught.value


def item(doc: dict[str, Any], section: int = 0, index: int = 0) -> dict[str, Any]:
    return doc["sections"][section]["items"][index]


def deduction(doc: dict[str, Any], section: int, index: int) -> dict[str, Any]:
    return item(doc, section)["deductions"][index]


def test_the_valid_document_parses() -> None:
    rubric = parse_rubric(valid_doc())
    assert rubric.code == "T-1" and rubric.total == Decimal(10)
    assert [b.name for b in rubric.bands] == ["优秀", "合格", "不合格"]
    assert rubric.deduction("2.1.b") is not None
    _, ranged = rubric.deduction("2.1.b")  # type: ignore[misc]
    assert ranged == Deduction("2.1.b", "送达回证不规范", "range", None, Decimal(1), Decimal(3))
    assert rubric.veto("E1").effect == "not_excellent"  # type: ignore[union-attr]
    assert rubric_problems(valid_doc()) == []


CASES: list[tuple[str, Callable[[dict[str, Any]], Any], str, str]] = [
    # (name, change, path, words of the message)
    ("unknown key", lambda d: d.update(note="x"), "note", "not part of the rubric format"),
    ("unknown item key", lambda d: item(d).update(remark="x"), "sections[0].items[0].remark", "not part"),
    ("code missing", lambda d: d.pop("code"), "code", "code is required"),
    ("code blank", lambda d: d.update(code="  "), "code", "non-empty text"),
    ("code not text", lambda d: d.update(code=5), "code", "non-empty text"),
    ("name blank", lambda d: d.update(name=""), "name", "non-empty text"),
    ("applies_to missing", lambda d: d.pop("applies_to"), "applies_to", "is required"),
    ("applies_to empty", lambda d: d.update(applies_to=[]), "applies_to", "non-empty list"),
    ("applies_to text", lambda d: d.update(applies_to="行政处罚"), "applies_to", "non-empty list"),
    (
        "applies_to unknown",
        lambda d: d.update(applies_to=["行政处罚", "行政许可"]),
        "applies_to[1]",
        "行政许可 is not a case category (行政处罚、行政强制、行政检查)",
    ),
    (
        "applies_to twice",
        lambda d: d.update(applies_to=["行政处罚", "行政处罚"]),
        "applies_to[1]",
        "listed twice",
    ),
    ("total zero", lambda d: d.update(total=0), "total", "must be more than 0"),
    ("total text", lambda d: d.update(total="10"), "total", "must be a number"),
    ("total bool", lambda d: d.update(total=True), "total", "must be a number"),
    ("total decimals", lambda d: d.update(total=10.001), "total", "more than two decimals"),
    ("sum", lambda d: d.update(total=12), "total", "the items' points add up to 10, not 12"),
    ("bands missing", lambda d: d.pop("bands"), "bands", "is required"),
    ("bands empty", lambda d: d.update(bands=[]), "bands", "non-empty list"),
    ("band not object", lambda d: d["bands"].__setitem__(0, 90), "bands[0]", "must be a JSON object"),
    ("band without min", lambda d: d["bands"][1].pop("min"), "bands[1].min", "is required"),
    ("band min negative", lambda d: d["bands"][2].update(min=-1), "bands[2].min", "cannot be negative"),
    ("band min bool", lambda d: d["bands"][1].update(min=False), "bands[1].min", "must be a number"),
    ("band name twice", lambda d: d["bands"][1].update(name="优秀"), "bands[1].name", "优秀 is listed twice"),
    (
        "bands rising",
        lambda d: d["bands"][1].update(min=9.5),
        "bands[1].min",
        "9.5 must be lower than the band above (9)",
    ),
    ("bands equal", lambda d: d["bands"][1].update(min=9), "bands[1].min", "lower than the band above"),
    (
        "last band above 0",
        lambda d: d["bands"][2].update(min=1),
        "bands[2].min",
        "the last band must start at 0, not 1",
    ),
    ("top band above total", lambda d: d["bands"][0].update(min=11), "bands[0].min", "above the total 10"),
    ("vetoes not a list", lambda d: d.update(vetoes={}), "vetoes", "must be a list"),
    (
        "veto effect",
        lambda d: d["vetoes"][0].update(effect="warn"),
        "vetoes[0].effect",
        "warn is not a veto effect (fail, not_excellent)",
    ),
    ("veto text missing", lambda d: d["vetoes"][1].pop("text"), "vetoes[1].text", "is required"),
    (
        "veto code twice",
        lambda d: d["vetoes"][1].update(code="V1"),
        "vetoes[1].code",
        "the code V1 is already used at vetoes[0].code",
    ),
    ("sections empty", lambda d: d.update(sections=[]), "sections", "non-empty list"),
    ("section not object", lambda d: d["sections"].append("x"), "sections[2]", "must be a JSON object"),
    ("section title", lambda d: d["sections"][1].pop("title"), "sections[1].title", "is required"),
    ("items empty", lambda d: d["sections"][0].update(items=[]), "sections[0].items", "non-empty list"),
    (
        "item code = section code",
        lambda d: item(d).update(code="1"),
        "sections[0].items[0].code",
        "the code 1 is already used at sections[0].code",
    ),
    (
        "item code across sections",
        lambda d: item(d, 1).update(code="1.1"),
        "sections[1].items[0].code",
        "the code 1.1 is already used at sections[0].items[0].code",
    ),
    (
        "deduction code = veto code",
        lambda d: deduction(d, 1, 2).update(code="E1"),
        "sections[1].items[0].deductions[2].code",
        "already used at vetoes[1].code",
    ),
    (
        "item points text",
        lambda d: item(d).update(points="4"),
        "sections[0].items[0].points",
        "must be a number",
    ),
    ("item points zero", lambda d: item(d).update(points=0), "sections[0].items[0].points", "more than 0"),
    (
        "item without deductions",
        lambda d: item(d).update(deductions=[]),
        "sections[0].items[0].deductions",
        "an item needs at least one deduction",
    ),
    (
        "item deductions missing",
        lambda d: item(d).pop("deductions"),
        "sections[0].items[0].deductions",
        "is required",
    ),
    (
        "kind unknown",
        lambda d: deduction(d, 0, 1).update(kind="percent"),
        "sections[0].items[0].deductions[1].kind",
        "percent is not a deduction kind (fixed, per_occurrence, range, full)",
    ),
    (
        "kind missing",
        lambda d: deduction(d, 0, 1).pop("kind"),
        "sections[0].items[0].deductions[1].kind",
        "is required",
    ),
    (
        "text missing",
        lambda d: deduction(d, 0, 1).pop("text"),
        "sections[0].items[0].deductions[1].text",
        "is required",
    ),
    (
        "fixed without points",
        lambda d: deduction(d, 1, 2).pop("points"),
        "sections[1].items[0].deductions[2].points",
        "is required",
    ),
    (
        "fixed zero",
        lambda d: deduction(d, 1, 2).update(points=0),
        "sections[1].items[0].deductions[2].points",
        "must be more than 0",
    ),
    (
        "fixed negative",
        lambda d: deduction(d, 1, 2).update(points=-1),
        "sections[1].items[0].deductions[2].points",
        "must be more than 0",
    ),
    (
        "fixed bool",
        lambda d: deduction(d, 1, 2).update(points=True),
        "sections[1].items[0].deductions[2].points",
        "must be a number",
    ),
    (
        "fixed over item",
        lambda d: deduction(d, 1, 2).update(points=7),
        "sections[1].items[0].deductions[2].points",
        "7 is more than the item's 6 points",
    ),
    (
        "per occurrence over item",
        lambda d: deduction(d, 0, 0).update(points=4.5),
        "sections[0].items[0].deductions[0].points",
        "4.5 is more than the item's 4 points",
    ),
    (
        "points decimals",
        lambda d: deduction(d, 0, 0).update(points=0.125),
        "sections[0].items[0].deductions[0].points",
        "more than two decimals",
    ),
    (
        "min on fixed",
        lambda d: deduction(d, 0, 1).update(min=1),
        "sections[0].items[0].deductions[1].min",
        "only a range deduction has a minimum and a maximum",
    ),
    (
        "max on full",
        lambda d: deduction(d, 1, 0).update(max=6),
        "sections[1].items[0].deductions[0].max",
        "only a range deduction",
    ),
    (
        "full with other points",
        lambda d: deduction(d, 1, 0).update(points=3),
        "sections[1].items[0].deductions[0].points",
        "takes the item's 6 points; leave the points out",
    ),
    (
        "range without min",
        lambda d: deduction(d, 1, 1).pop("min"),
        "sections[1].items[0].deductions[1].min",
        "is required",
    ),
    (
        "range without max",
        lambda d: deduction(d, 1, 1).pop("max"),
        "sections[1].items[0].deductions[1].max",
        "is required",
    ),
    (
        "range min zero",
        lambda d: deduction(d, 1, 1).update(min=0),
        "sections[1].items[0].deductions[1].min",
        "must be more than 0",
    ),
    (
        "range min over max",
        lambda d: deduction(d, 1, 1).update(min=4),
        "sections[1].items[0].deductions[1].min",
        "the minimum 4 is more than the maximum 3",
    ),
    (
        "range max over item",
        lambda d: deduction(d, 1, 1).update(max=6.5),
        "sections[1].items[0].deductions[1].max",
        "6.5 is more than the item's 6 points",
    ),
    (
        "range with points",
        lambda d: deduction(d, 1, 1).update(points=2),
        "sections[1].items[0].deductions[1].points",
        "a range deduction has a minimum and a maximum, not points",
    ),
]


@pytest.mark.parametrize(("change", "path", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_names_the_offending_element(change, path, words) -> None:
    error = first_problem(change)
    assert error.field == path
    assert error.params["path"] == path
    assert words in error.english()
    if path:
        assert error.english().startswith(path)


def test_a_full_deduction_may_state_the_items_points() -> None:
    doc = valid_doc()
    deduction(doc, 1, 0)["points"] = 6
    assert parse_rubric(doc).deduction("2.1.a")[1].points == Decimal(6)  # type: ignore[index]


def test_vetoes_may_be_left_out() -> None:
    doc = valid_doc()
    del doc["vetoes"]
    assert parse_rubric(doc).vetoes == ()


def test_fractional_points_are_kept_exactly() -> None:
    doc = valid_doc()
    item(doc, 0)["points"] = 4.5
    deduction(doc, 0, 0)["points"] = 0.5
    doc["total"] = 10.5
    rubric = parse_rubric(doc)
    assert rubric.total == Decimal("10.5")
    assert rubric.deduction("1.1.a")[1].points == Decimal("0.5")  # type: ignore[index]


def test_a_document_as_text() -> None:
    assert parse_rubric(json.dumps(valid_doc(), ensure_ascii=False)) == parse_rubric(valid_doc())
    with pytest.raises(ValidationError) as caught:
        parse_rubric('{"code": "T-1",')
    assert caught.value.field == "" and "not valid JSON (line 1" in caught.value.english()
    with pytest.raises(ValidationError) as caught:
        parse_rubric(json.dumps(valid_doc()).replace('"total": 10', '"total": NaN'))
    assert caught.value.field == "total" and "must be a number" in caught.value.english()


def test_a_document_that_is_not_an_object() -> None:
    for doc in ([], "[1, 2]"):
        with pytest.raises(ValidationError) as caught:
            parse_rubric(doc)  # type: ignore[arg-type]
        assert caught.value.field == "" and caught.value.english() == "The rubric must be a JSON object."


def test_every_problem_is_listed_in_document_order_and_parse_raises_the_first() -> None:
    doc = valid_doc()
    doc["name"] = ""
    doc["bands"][2]["min"] = 5
    deduction(doc, 1, 1)["max"] = 9
    item(doc, 0)["deductions"] = []
    problems = rubric_problems(doc)
    assert [p.path for p in problems] == [
        "name",
        "bands[2].min",
        "sections[0].items[0].deductions",
        "sections[1].items[0].deductions[1].max",
    ]
    assert problems[1].message == "bands[2].min: the last band must start at 0, not 5."
    with pytest.raises(ValidationError) as caught:
        parse_rubric(doc)
    assert caught.value.field == "name" and caught.value.english() == problems[0].english()


def test_the_sum_is_checked_even_when_other_rules_are_broken() -> None:
    doc = valid_doc()
    doc["code"] = ""
    item(doc, 1)["points"] = 7
    assert [p.path for p in rubric_problems(doc)] == ["code", "total"]
    assert "add up to 11, not 10" in rubric_problems(doc)[1].message


def test_a_rubric_round_trips_through_its_document() -> None:
    rubric = parse_rubric(valid_doc())
    doc = rubric_to_doc(rubric)
    assert doc == valid_doc()
    assert parse_rubric(doc) == rubric
    assert parse_rubric(json.loads(canonical_json(rubric))) == rubric


def test_canonical_json_keeps_the_order_the_chinese_and_plain_numbers() -> None:
    doc = {"name": "标准", "code": "X", "total": 100.0, "points": Decimal("2.50"), "flag": True}
    assert canonical_json(doc) == '{"name":"标准","code":"X","total":100,"points":2.5,"flag":true}'
    assert canonical_json('{"b": 1.0, "a": [0.25]}') == '{"b":1,"a":[0.25]}'


@pytest.mark.parametrize("name", ["xzcf-default.json", "xzqz-default.json"])
def test_the_default_standards_are_valid(name: str) -> None:
    text = (RUBRICS / name).read_text(encoding="utf-8")
    assert rubric_problems(text) == []
    rubric = parse_rubric(text)
    assert rubric.total == 100 and "默认" in rubric.name and "核对" in rubric.name
    assert [(b.name, b.min) for b in rubric.bands] == [("优秀", 90), ("合格", 60), ("不合格", 0)]
    deductions = [d for i in rubric.items() for d in i.deductions]
    assert 25 <= len(deductions) <= 45
    assert {d.kind for d in deductions} == set(DEDUCTION_KINDS)
    assert 5 <= len(rubric.sections) <= 7
    assert any(v.effect == "not_excellent" for v in rubric.vetoes)
    assert parse_rubric(rubric_to_doc(rubric)) == rubric
    assert canonical_json(text) == canonical_json(rubric)


def test_the_penalty_default_has_the_reference_layout() -> None:
    rubric = parse_rubric((RUBRICS / "xzcf-default.json").read_text(encoding="utf-8"))
    assert rubric.code == "XZCF-DEFAULT" and rubric.applies_to == ("行政处罚",)
    fails = {v.text for v in rubric.vetoes if v.effect == "fail"}
    assert {
        "实施主体不合法",
        "执法人员无执法资格",
        "应移送未移送",
        "证据不充分",
        "事实不清",
        "定性不准",
        "适用法律不正确",
        "程序不合法",
        "执法人员少于2人",
        "超越法定职权",
        "被处罚对象认定错误",
        "超过追责时效",
    } <= fails
    sections = {s.title: s for s in rubric.sections}
    assert sections["决定书"].points == 21 and all(i.points == 3 for i in sections["决定书"].items)
    assert len(sections["决定书"].items) == 7
    assert sections["送达执行"].points == 9
    assert sections["案卷卷面"].points == 20 and sections["归档"].points == 8
    form = {i.title: i.points for i in sections["案卷卷面"].items}
    assert form["使用规定文书格式"] == 2 and form["按文书规范填写"] == 4 and form["逐页编号"] == 2


def test_the_coercion_default_covers_the_measures() -> None:
    rubric = parse_rubric((RUBRICS / "xzqz-default.json").read_text(encoding="utf-8"))
    assert rubric.code == "XZQZ-DEFAULT" and rubric.applies_to == ("行政强制",)
    texts = " ".join(d.text for i in rubric.items() for d in i.deductions)
    for words in ("查封、扣押决定书", "清单", "陈述、申辩", "30日", "解除", "法制审核"):
        assert words in texts
    assert any(v.text == "执法人员少于2人" and v.effect == "fail" for v in rubric.vetoes)
