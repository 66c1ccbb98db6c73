"""``cases import|list|show|warnings`` as CLI.md writes them, on both databases.

One register workbook plants a case for every warning code of CLI.md beside its near misses
(a decision due exactly on the as-of date, service on day 7 and day 8, a certificate that
expired the day before or the day after filing, …). ``cases warnings --json --as-of`` must
name exactly the planted cases, nothing more.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from desktop.accounts.service import authenticate
from desktop.cases import service as cases_service
from desktop.cases import supervision
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.models.db import open_store
from tests.helpers.cli import Desk

AS_OF = date(2026, 9, 15)  # a Tuesday; 2026-10-01..08 is the National Day holiday
SCJ, JTJ = "示范县市场监督管理局", "示范县交通运输局"

OFFICERS = [
    # 姓名, n, 执法主体, 执法证号, 发证日期, 有效期至
    ("张三", 1, "县市场监管局", "SJ-001", date(2020, 1, 1), date(2030, 12, 31)),
    ("李四", 2, "县市场监管局", "SJ-002", date(2020, 1, 1), date(2030, 12, 31)),
    (
        "王五",
        3,
        "县市场监管局",
        "SJ-003",
        date(2020, 8, 3),
        date(2026, 8, 2),
    ),  # expired the day before filing
    ("赵六", 4, "县市场监管局", "SJ-004", date(2020, 8, 5), date(2026, 8, 4)),  # expires the day after filing
    ("孙七", 5, "县交通局", "JT-001", date(2021, 1, 1), date(2031, 12, 31)),
    ("周八", 6, "县交通局", "JT-002", date(2021, 1, 1), date(2031, 12, 31)),
]
TWO = "张三、李四"

HEADERS = [
    "案号",
    "执法主体",
    "案件类别",
    "程序类型",
    "案件来源",
    "案由",
    "当事人",
    "当事人类型",
    "证件号码",
    "立案日期",
    "法制审核日期",
    "决定日期",
    "送达日期",
    "公示日期",
    "结案日期",
    "强制措施",
    "强制措施日期",
    "强制措施解除日期",
    "延长期限",
    "处罚种类",
    "罚没金额",
    "重大执法决定",
    "承办人员",
]

ORDINARY = {"案件类别": "行政处罚", "程序类型": "普通程序", "当事人类型": "法人"}
SUMMARY = {"案件类别": "行政处罚", "程序类型": "简易程序", "当事人类型": "自然人"}
INSPECTION = {"案件类别": "行政检查"}
SEIZURE = {"案件类别": "行政强制", "强制措施": "查封"}
DECIDED_0803 = {"决定日期": date(2026, 8, 3), "送达日期": date(2026, 8, 3), "公示日期": date(2026, 8, 3)}


def case(no: str, kind: dict, filed: date, **cells) -> dict:  # type: ignore[no-untyped-def]
    """One register row: two certified officers of 县市场监管局 unless the row says otherwise."""
    return {
        "案号": no,
        "执法主体": "县市场监管局",
        "案由": "销售过期食品",
        "当事人": f"当事人{no}",
        "立案日期": filed,
        "承办人员": TWO,
        **kind,
        **cells,
    }


# (row, the warnings `cases warnings --as-of AS_OF` must list for it: {code: due or None})
PLANTED: list[tuple[dict, dict[str, str | None]]] = [
    # decision: 立案 + 90 days, rolled to the next working day
    (case("决-逾期", ORDINARY, date(2026, 6, 1)), {"decision_overdue": "2026-08-31"}),  # 08-30 is a Sunday
    (
        case("决-今日到期", ORDINARY, date(2026, 6, 17)),
        {"decision_due_soon": "2026-09-15"},
    ),  # due on the as-of day
    (case("决-十五日", ORDINARY, date(2026, 7, 2)), {"decision_due_soon": "2026-09-30"}),
    (case("决-十六日", ORDINARY, date(2026, 7, 3)), {}),  # 10-01 is National Day: due 10-08, pending
    (
        case(
            "决-迟延",
            ORDINARY,
            date(2026, 3, 2),
            决定日期=date(2026, 6, 2),
            送达日期=date(2026, 6, 2),
            公示日期=date(2026, 6, 2),
        ),
        {"decision_overdue": "2026-06-01"},
    ),
    (
        case(
            "决-顺延日",
            ORDINARY,
            date(2026, 3, 2),
            决定日期=date(2026, 6, 1),
            送达日期=date(2026, 6, 1),
            公示日期=date(2026, 6, 1),
        ),
        {},
    ),  # 05-31 is a Sunday: deciding on Monday 06-01 is in time
    # service: 7 days after the decision
    (
        case(
            "送-第七日",
            SUMMARY,
            date(2026, 8, 3),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 10),
            罚没金额=100,
        ),
        {},
    ),
    (
        case(
            "送-第八日",
            SUMMARY,
            date(2026, 8, 3),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 11),
            罚没金额=100,
        ),
        {"service_overdue": "2026-08-10"},
    ),
    (
        case("送-未送达", SUMMARY, date(2026, 9, 1), 决定日期=date(2026, 9, 1), 罚没金额=100),
        {"service_overdue": "2026-09-08"},
    ),
    # publicity: 7 working days after the decision (08-03 → 08-12)
    (
        case(
            "公-第七工作日",
            ORDINARY,
            date(2026, 7, 1),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 3),
            公示日期=date(2026, 8, 12),
        ),
        {},
    ),
    (
        case(
            "公-逾期",
            ORDINARY,
            date(2026, 7, 1),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 3),
            公示日期=date(2026, 8, 13),
        ),
        {"publicity_overdue": "2026-08-12"},
    ),
    # seizure: 30 days (60 with an approved extension)
    (
        case("扣-未解除", SEIZURE, date(2026, 7, 1), 强制措施日期=date(2026, 7, 1)),
        {"seizure_overdue": "2026-07-31"},
    ),
    (
        case(
            "扣-第三十日",
            SEIZURE,
            date(2026, 7, 1),
            强制措施日期=date(2026, 7, 1),
            强制措施解除日期=date(2026, 7, 31),
        ),
        {},
    ),
    (
        case(
            "扣-延长",
            SEIZURE,
            date(2026, 7, 1),
            强制措施日期=date(2026, 7, 1),
            延长期限="是",
            强制措施解除日期=date(2026, 8, 31),
        ),
        {},
    ),  # 60 days end on Sunday 08-30 → Monday
    # officers
    (case("员-一人", INSPECTION, date(2026, 8, 3), 承办人员="张三"), {"single_officer": None}),
    (case("员-过期", INSPECTION, date(2026, 8, 3), 承办人员="张三、SJ-003"), {"uncertified_officer": None}),
    (case("员-次日到期", INSPECTION, date(2026, 8, 3), 承办人员="张三、赵六"), {}),
    (case("员-立案在后", INSPECTION, date(2026, 9, 16), 承办人员="张三"), {}),  # filed after the as-of day
    # 重大执法决定 and 法制审核
    (
        case("审-无", {**ORDINARY, "重大执法决定": "是"}, date(2026, 7, 1), **DECIDED_0803),
        {"missing_legal_review": None},
    ),
    (
        case(
            "审-同日",
            {**ORDINARY, "重大执法决定": "是"},
            date(2026, 7, 1),
            法制审核日期=date(2026, 8, 3),
            **DECIDED_0803,
        ),
        {},
    ),
    (
        case(
            "审-在后",
            {**ORDINARY, "重大执法决定": "是"},
            date(2026, 7, 1),
            法制审核日期=date(2026, 8, 4),
            **DECIDED_0803,
        ),
        {"missing_legal_review": None},
    ),
    # 简易程序 limits: 200 yuan for a person, 3,000 for an organisation
    (
        case(
            "简-200",
            SUMMARY,
            date(2026, 8, 3),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 3),
            处罚种类="罚款",
            罚没金额=200,
        ),
        {},
    ),
    (
        case(
            "简-201",
            SUMMARY,
            date(2026, 8, 3),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 3),
            处罚种类="罚款",
            罚没金额=201,
        ),
        {"summary_over_limit": None},
    ),
    (
        case(
            "简-法人3000",
            {**SUMMARY, "当事人类型": "法人"},
            date(2026, 8, 3),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 3),
            罚没金额=3000,
            证件号码=make_credit_code("91341122MA2N00001"),
        ),
        {},
    ),
    (
        case(
            "简-法人超限",
            {**SUMMARY, "当事人类型": "法人"},
            date(2026, 8, 3),
            决定日期=date(2026, 8, 3),
            送达日期=date(2026, 8, 3),
            罚没金额="3000.01",
        ),
        {"summary_over_limit": None},
    ),
    # another agency; one of its case numbers is also one of 县市场监管局's
    (
        case("交-一人", INSPECTION, date(2026, 8, 3), 执法主体="县交通局", 承办人员="孙七"),
        {"single_officer": None},
    ),
    (case("决-逾期", INSPECTION, date(2026, 8, 3), 执法主体=JTJ, 承办人员="孙七、JT-002"), {}),
    # its 立案 + 90 days fall in 2027, a year whose holidays the calendar package may not know
    (case("决-跨年", ORDINARY, date(2026, 11, 20)), {}),
]


def expected(as_of_rows: list[tuple[dict, dict[str, str | None]]]) -> set[tuple[str, str, str, str | None]]:
    out = set()
    for row, codes in as_of_rows:
        agency = JTJ if row["执法主体"] in ("县交通局", JTJ) else SCJ
        out |= {(row["案号"], agency, code, due) for code, due in codes.items()}
    return out


def write_book(path: Path, headers: list[str], rows: list[dict]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "案件导入"
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    book.save(path)
    return path


def write_people(tmp_path: Path) -> tuple[Path, Path]:
    agencies = openpyxl.Workbook()
    sheet = agencies.active
    sheet.append(["名称", "简称", "执法领域", "层级"])
    sheet.append([SCJ, "县市场监管局", "市场监管", "县"])
    sheet.append([JTJ, "县交通局", "交通运输", "县"])
    agencies.save(tmp_path / "agencies.xlsx")
    officers = openpyxl.Workbook()
    sheet = officers.active
    sheet.append(["姓名", "身份证号", "执法主体", "执法证号", "发证日期", "有效期至"])
    for name, n, agency, cert, issued, expires in OFFICERS:
        sheet.append(
            [name, make_resident_id("341122", date(1985, 1, n), 100 + n), agency, cert, issued, expires]
        )
    officers.save(tmp_path / "officers.xlsx")
    return tmp_path / "agencies.xlsx", tmp_path / "officers.xlsx"


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Desk:
    """A store with two agencies, their officers and the planted register."""
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    agencies, officers = write_people(tmp_path)
    assert d.json("agencies", "import", str(agencies))["imported"] == 2
    assert d.json("officers", "import", str(officers))["imported"] == len(OFFICERS)
    book = write_book(tmp_path / "register.xlsx", HEADERS, [row for row, _ in PLANTED])
    report = d.json("cases", "import", str(book))
    assert report == {"imported": len(PLANTED), "skipped": 0, "errors": [], "updated": 0, "fields": []}
    return d


def test_warnings_name_exactly_the_planted_cases(desk: Desk) -> None:
    page = desk.json("--as-of", AS_OF.isoformat(), "cases", "warnings")
    assert page["total"] == len(page["items"])
    for item in page["items"]:
        assert set(item) == {"case_no", "agency", "code", "level", "due", "message", "handled"}
        assert item["level"] == ("yellow" if item["code"] == "decision_due_soon" else "red")
        assert item["message"] and item["handled"] is False
    got = {(i["case_no"], i["agency"], i["code"], i["due"]) for i in page["items"]}
    assert got == expected(PLANTED)
    assert "calendar_notes" not in page
    soon = [i for i in page["items"] if i["case_no"] == "决-今日到期"]
    assert soon[0]["message"] == "Not decided; the decision is due on 2026-09-15."


def test_warnings_filters_and_pages(desk: Desk) -> None:
    on = ("--as-of", AS_OF.isoformat())
    only = desk.json(*on, "cases", "warnings", "--code", "single_officer")
    assert {(i["case_no"], i["agency"]) for i in only["items"]} == {("员-一人", SCJ), ("交-一人", JTJ)}
    jtj = desk.json(*on, "cases", "warnings", "--agency", "县交通局")
    assert [(i["case_no"], i["code"]) for i in jtj["items"]] == [("交-一人", "single_officer")]
    full = desk.json(*on, "cases", "warnings")
    page = desk.json(*on, "cases", "warnings", "--limit", "3", "--offset", "2")
    assert page["total"] == full["total"] and page["items"] == full["items"][2:5]

    # the verdicts move with --as-of: 决-逾期 is due on Monday 08-31, 决-今日到期 on 09-15
    def codes_on(day: str, code: str) -> set[str]:
        return {i["case_no"] for i in desk.json("--as-of", day, "cases", "warnings", "--code", code)["items"]}

    assert codes_on("2026-08-30", "decision_due_soon") == {"决-逾期"}  # 09-15 is 16 days away
    assert codes_on("2026-08-31", "decision_due_soon") == {"决-逾期", "决-今日到期"}
    assert codes_on("2026-08-31", "decision_overdue") == {"决-迟延"}
    assert codes_on("2026-09-01", "decision_overdue") == {"决-迟延", "决-逾期"}


def test_a_handled_warning_is_listed_as_handled(desk: Desk, store_url: str) -> None:
    store = open_store(store_url)
    try:
        actor = authenticate(store, "admin", "Chief-2026")
        case = cases_service.find_case(store, actor, "员-一人", "县市场监管局", AS_OF)
        supervision.handle_warning(store, actor, case.id, "single_officer", None, "已约谈承办人", AS_OF)
    finally:
        store.dispose()
    items = desk.json("--as-of", AS_OF.isoformat(), "cases", "warnings", "--code", "single_officer")["items"]
    assert {i["case_no"]: i["handled"] for i in items} == {"员-一人": True, "交-一人": False}
    row = next(
        r
        for r in desk.json("--as-of", AS_OF.isoformat(), "cases", "list")["items"]
        if r["case_no"] == "员-一人"
    )
    assert row["warnings"] == []  # the register shows open warnings only


def test_a_passed_follow_up_is_listed_as_its_own_warning(desk: Desk, store_url: str) -> None:
    store = open_store(store_url)
    try:
        actor = authenticate(store, "admin", "Chief-2026")
        case = cases_service.find_case(store, actor, "员-一人", "县市场监管局", AS_OF)
        follow_up = AS_OF + timedelta(days=3)
        supervision.handle_warning(
            store,
            actor,
            case.id,
            "single_officer",
            None,
            "责令补派",
            AS_OF,
            kind="责令整改",
            follow_up_on=follow_up,
        )
    finally:
        store.dispose()
    code = ("cases", "warnings", "--code", "disposal_follow_up_due")
    assert desk.json("--as-of", follow_up.isoformat(), *code)["items"] == []
    items = desk.json("--as-of", (follow_up + timedelta(days=1)).isoformat(), *code)["items"]
    assert [{k: v for k, v in i.items() if k != "message"} for i in items] == [
        {
            "case_no": "员-一人",
            "agency": "示范县市场监督管理局",
            "code": "disposal_follow_up_due",
            "level": "red",
            "due": follow_up.isoformat(),
            "handled": False,
        }
    ]
    assert follow_up.isoformat() in items[0]["message"]


def test_list_shape_values_and_filters(desk: Desk) -> None:
    on = ("--as-of", AS_OF.isoformat())
    page = desk.json(*on, "cases", "list")
    assert page["total"] == len(PLANTED) == len(page["items"])
    keys = {
        "case_no",
        "agency",
        "category",
        "procedure",
        "stage",
        "cause",
        "party",
        "filed_on",
        "decided_on",
        "closed_on",
        "amount",
        "officers",
        "warnings",
    }
    assert all(set(i) == keys for i in page["items"])
    assert [i["filed_on"] for i in page["items"]] == sorted(
        (i["filed_on"] for i in page["items"]), reverse=True
    )
    by_no = {(i["case_no"], i["agency"]): i for i in page["items"]}
    over = by_no[("简-法人超限", SCJ)]
    assert over["amount"] == 3000.01 and over["officers"] == 2 and over["stage"] == "served"
    assert over["warnings"] == ["summary_over_limit"] and over["procedure"] == "简易程序"
    assert by_no[("决-逾期", JTJ)]["amount"] is None and by_no[("决-逾期", JTJ)]["procedure"] is None
    assert by_no[("员-一人", SCJ)]["officers"] == 1
    assert by_no[("决-今日到期", SCJ)]["warnings"] == ["decision_due_soon"]
    assert by_no[("员-立案在后", SCJ)]["warnings"] == []  # not yet filed as of AS_OF
    overdue = desk.json(*on, "cases", "list", "--overdue")
    assert {i["case_no"] for i in overdue["items"]} == {
        "决-逾期",
        "决-迟延",
        "送-第八日",
        "送-未送达",
        "公-逾期",
        "扣-未解除",
    }
    assert overdue["total"] == 6
    jtj = desk.json(*on, "cases", "list", "--agency", JTJ)
    assert {i["case_no"] for i in jtj["items"]} == {"交-一人", "决-逾期"} and jtj["total"] == 2
    window = desk.json(*on, "cases", "list", "--limit", "2", "--offset", "1")
    assert window["total"] == len(PLANTED) and window["items"] == page["items"][1:3]
    found = desk.json(*on, "cases", "list", "--search", "当事人扣-")
    assert {i["case_no"] for i in found["items"]} == {"扣-未解除", "扣-第三十日", "扣-延长"}


def test_show_shape_deadlines_and_warnings(desk: Desk) -> None:
    shown = desk.json("--as-of", AS_OF.isoformat(), "cases", "show", "公-逾期")
    assert shown["case_no"] == "公-逾期" and shown["agency"] == SCJ and shown["stage"] == "published"
    assert shown["filed_on"] == "2026-07-01" and shown["decided_on"] == "2026-08-03"
    assert shown["officers"] == [
        {"name": "张三", "cert_number": "SJ-001", "cert_state": "valid"},
        {"name": "李四", "cert_number": "SJ-002", "cert_state": "valid"},
    ]
    assert all(set(d) == {"kind", "due", "met_on", "status"} for d in shown["deadlines"])
    assert shown["deadlines"] == [
        {"kind": "decision", "due": "2026-09-29", "met_on": "2026-08-03", "status": "met"},
        {"kind": "service", "due": "2026-08-10", "met_on": "2026-08-03", "status": "met"},
        {"kind": "publicity", "due": "2026-08-12", "met_on": "2026-08-13", "status": "late"},
    ]
    assert [(w["code"], w["level"], w["due"]) for w in shown["warnings"]] == [
        ("publicity_overdue", "red", "2026-08-12")
    ]
    assert set(shown["warnings"][0]) >= {"code", "level", "due", "message"}
    assert shown["documents"] == [] and shown["calendar_notes"] == [] and shown["as_of"] == "2026-09-15"
    expired = desk.json("--as-of", AS_OF.isoformat(), "cases", "show", "员-过期")
    assert [o["cert_state"] for o in expired["officers"]] == ["valid", "expired"]
    assert expired["warnings"][0]["message"] == "No valid certificate on the filing date 2026-08-03: 王五."
    code, out, err = desk("--as-of", AS_OF.isoformat(), "cases", "show", "扣-未解除")
    assert code == 0 and err == ""
    assert "案号：扣-未解除" in out and "Seizure overdue" in out and "2026-07-31" in out


def test_show_counts_a_year_without_holidays_and_says_so(desk: Desk) -> None:
    shown = desk.json("--as-of", "2026-11-23", "cases", "show", "决-跨年")
    assert shown["deadlines"][0]["due"] == "2027-02-18"
    from desktop.cases.calendar import national_years

    if 2027 in national_years():
        pytest.skip("the installed chinese-calendar knows 2027")
    assert shown["calendar_notes"] == [2027]
    code, _out, err = desk("--as-of", "2026-11-23", "cases", "show", "决-跨年")
    assert code == 0 and "2027" in err and "not loaded" in err
    code, _out, err = desk("--lang", "zh_CN", "--as-of", "2026-11-23", "cases", "show", "决-跨年")
    assert code == 0 and "2027 年节假日安排未载入" in err
    late = desk.json("--as-of", "2027-02-19", "cases", "warnings", "--code", "decision_overdue")
    assert late["calendar_notes"] == [2027]
    assert ("决-跨年", "2027-02-18") in {(i["case_no"], i["due"]) for i in late["items"]}
    assert desk.json("--as-of", "2027-02-19", "cases", "list", "--limit", "1")["calendar_notes"] == [2027]


def test_show_unknown_and_ambiguous_case_numbers(desk: Desk) -> None:
    code, out, err = desk("cases", "show", "无此案")
    assert code == 1 and out == "" and "No case numbered 无此案" in err
    code, _out, err = desk("cases", "show", "决-逾期")
    assert code == 1 and SCJ in err and JTJ in err and "Name the agency" in err
    shown = desk.json("--as-of", AS_OF.isoformat(), "cases", "show", "决-逾期", "--agency", "县交通局")
    assert shown["agency"] == JTJ and shown["category"] == "行政检查"
    code, _out, err = desk("cases", "show", "决-逾期", "--agency", "无此局")
    assert code == 1 and "Unknown agency: 无此局" in err


def test_a_bad_workbook_is_refused_and_writes_nothing(desk: Desk, tmp_path: Path) -> None:
    rows = [
        case("新-1", INSPECTION, date(2026, 9, 1)),
        case("新-2", ORDINARY, date(2026, 9, 1), 决定日期=date(2026, 8, 1)),  # decided before filing
        case("新-3", INSPECTION, date(2026, 9, 1), 执法主体="无此局"),
    ]
    book = write_book(tmp_path / "bad.xlsx", HEADERS, rows)
    code, out, err = desk("--json", "cases", "import", str(book))
    assert code == 1
    report = json.loads(out)
    assert report["imported"] == 0
    places = {(e["file"], e["sheet"], e["row"], e["column"]) for e in report["errors"]}
    assert ("bad.xlsx", "案件导入", 3, "决定日期") in places and (
        "bad.xlsx",
        "案件导入",
        4,
        "执法主体",
    ) in places
    assert "bad.xlsx sheet 案件导入 row 3 column 决定日期" in err
    assert desk.json("cases", "list")["total"] == len(PLANTED)
    assert desk("cases", "show", "新-1")[0] == 1
    code, _out, err = desk(
        "cases", "import", str(write_book(tmp_path / "again.xlsx", HEADERS, [PLANTED[0][0]]))
    )
    assert (
        code == 1
        and "again.xlsx sheet 案件导入 row 2 column 案号" in err
        and "already on the register" in err
    )


def test_an_agency_user_sees_only_their_agency(desk: Desk) -> None:
    assert (
        desk("users", "add", "jtj", "--role", "agency", "--agency", "县交通局", new_password="Agency-2026")[0]
        == 0
    )
    as_jtj = {"user": "jtj", "password": "Agency-2026"}
    on = ("--as-of", AS_OF.isoformat())
    listed = desk.json(*on, "cases", "list", **as_jtj)
    assert {(i["case_no"], i["agency"]) for i in listed["items"]} == {("交-一人", JTJ), ("决-逾期", JTJ)}
    warned = desk.json(*on, "cases", "warnings", **as_jtj)
    assert [(i["case_no"], i["code"]) for i in warned["items"]] == [("交-一人", "single_officer")]
    assert desk.json(*on, "cases", "show", "决-逾期", **as_jtj)["agency"] == JTJ  # not ambiguous for them
    code, _out, err = desk("cases", "show", "公-逾期", **as_jtj)
    assert code == 1 and "No case numbered 公-逾期" in err
    code, _out, err = desk("cases", "list", "--agency", "县市场监管局", **as_jtj)
    assert code == 1 and "own agency" in err
    code, _out, err = desk("cases", "import", "whatever.xlsx", **as_jtj)
    assert code == 1 and "may not" in err


def test_command_line_mistakes_exit_2(desk: Desk) -> None:
    assert desk("--as-of", "2026-02-30", "cases", "warnings")[0] == 2
    assert desk("--as-of", "tomorrow", "cases", "list")[0] == 2
    assert desk("cases", "warnings", "--code", "late_lunch")[0] == 2
    assert desk("cases", "list", "--limit", "-5")[0] == 2
    assert desk("cases", "show")[0] == 2
    assert desk("cases")[0] == 2


def test_table_output_and_chinese_messages(desk: Desk) -> None:
    code, out, err = desk("--as-of", AS_OF.isoformat(), "cases", "warnings", "--agency", "县交通局")
    assert code == 0 and err == ""
    assert out.splitlines()[0].split()[:3] == ["案号", "执法主体", "预警"]
    assert "交-一人" in out and out.rstrip().endswith("1 of 1 shown")
    code, out, _err = desk("--lang", "zh_CN", "--as-of", AS_OF.isoformat(), "cases", "list", "--limit", "2")
    assert code == 0 and "共" in out.splitlines()[-1]
    code, _out, err = desk("--lang", "zh_CN", "cases", "list", "--agency", "无此局")
    assert code == 1 and err.strip() == "未知执法主体：无此局。"
