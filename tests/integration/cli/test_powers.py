"""Issue 15 from the command line, on both databases: the catalogue of powers with its bands and
the three register warnings with their near misses, the 双随机 plan recomputed from its documented
rule, ``--verify`` catching a changed directory, results, leads and parties."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.core.identifiers import make_credit_code, make_resident_id
from tests.helpers.cli import Desk

SCJ = "示范县市场监督管理局"
AS_OF = "2026-11-30"
OFFICERS = [(f"检查员{n}", n) for n in range(1, 7)]


def book(path: Path, headers: list[str], rows: list[list], title: str = "Sheet") -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


POWER_HEADERS = [
    "事项编码",
    "执法主体",
    "事项名称",
    "事项类别",
    "法律依据",
    "裁量档次",
    "处罚种类",
    "罚款下限",
    "罚款上限",
    "生效日期",
    "失效日期",
]
NAME = "对未取得食品经营许可从事食品经营活动的处罚"
POWERS = [
    [
        "P001",
        "县市场监管局",
        NAME,
        "行政处罚",
        "食品安全法第一百二十二条",
        "不予处罚",
        None,
        None,
        None,
        date(2020, 1, 1),
        None,
    ],
    [
        "P001",
        "县市场监管局",
        NAME,
        "行政处罚",
        "食品安全法第一百二十二条",
        "从轻",
        "警告、罚款",
        50000,
        80000,
        date(2020, 1, 1),
        None,
    ],
    [
        "P001",
        "县市场监管局",
        NAME,
        "行政处罚",
        "食品安全法第一百二十二条",
        "一般",
        "罚款、没收违法所得",
        80000,
        120000,
        date(2020, 1, 1),
        None,
    ],
    [
        "P002",
        "县市场监管局",
        "过期的事项",
        "行政处罚",
        "某条",
        "一般",
        "罚款",
        1000,
        2000,
        date(2020, 1, 1),
        date(2026, 2, 28),
    ],
    [
        "T001",
        "县交通局",
        "交通的事项",
        "行政处罚",
        "道路运输条例",
        "一般",
        "罚款",
        1000,
        3000,
        date(2020, 1, 1),
        None,
    ],
]

CASE_HEADERS = [
    "案号",
    "执法主体",
    "案件类别",
    "程序类型",
    "案由",
    "当事人",
    "当事人类型",
    "证件号码",
    "立案日期",
    "决定日期",
    "送达日期",
    "公示日期",
    "处罚种类",
    "罚没金额",
    "承办人员",
    "事项编码",
    "裁量档次",
]
PARTY = make_credit_code("91341122MA0000001")


def case(
    no: str,
    decided: date | None,
    kinds: str | None,
    amount: float | None,
    code: str | None,
    band: str | None,
    filed: date = date(2026, 3, 2),
) -> list:
    return [
        no,
        "县市场监管局",
        "行政处罚",
        "普通程序",
        "未经许可经营食品",
        f"当事人{no}",
        "法人",
        PARTY if no.startswith("重复") else None,
        filed,
        decided,
        decided,
        decided,
        kinds,
        amount,
        "检查员1、检查员2",
        code,
        band,
    ]


D = date(2026, 4, 1)
# (row, the power warnings it must have)
PLANTED = [
    (case("下限", D, "警告、罚款", 50000, "P001", "从轻"), set()),
    (case("上限", D, "罚款", 80000, "P001", "从轻"), set()),
    (case("超上限一分", D, "罚款", 80000.01, "P001", "从轻"), {"discretion_out_of_range"}),
    (case("低于下限", D, "罚款", 49999.99, "P001", "从轻"), {"discretion_out_of_range"}),
    (case("种类不许", D, "罚款、没收违法所得", 60000, "P001", "从轻"), {"discretion_out_of_range"}),
    (case("不予处罚零", D, None, 0, "P001", "不予处罚"), set()),
    (case("不予处罚一分", D, None, 0.01, "P001", "不予处罚"), {"discretion_out_of_range"}),
    (case("失效后立案", D, "罚款", 1500, "P002", "一般", filed=date(2026, 3, 1)), {"power_not_held"}),
    (case("失效当日立案", D, "罚款", 1500, "P002", "一般", filed=date(2026, 2, 28)), set()),
    (case("未办结", None, None, None, "P001", "从轻"), set()),
    (case("无事项", D, "罚款", 1000, None, None), {"power_missing"}),
    (case("旧年无事项", date(2025, 12, 31), "罚款", 1000, None, None, filed=date(2025, 12, 1)), set()),
]


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Desk:
    d = Desk(store_url, monkeypatch)
    assert d("init", "--admin", "admin", user=None, new_password="Chief-2026")[0] == 0
    agencies = book(
        tmp_path / "a.xlsx",
        ["名称", "简称", "执法领域"],
        [[SCJ, "县市场监管局", "市场监管"], ["示范县交通运输局", "县交通局", "交通运输"]],
    )
    assert d.json("agencies", "import", str(agencies))["imported"] == 2
    officers = book(
        tmp_path / "o.xlsx",
        ["姓名", "身份证号", "执法主体", "执法证号", "发证日期", "有效期至"],
        [
            [
                name,
                make_resident_id("341122", date(1985, 1, n), 100 + n),
                "县市场监管局",
                f"SJ-{n:03}",
                date(2020, 1, 1),
                date(2030, 12, 31),
            ]
            for name, n in OFFICERS
        ],
    )
    assert d.json("officers", "import", str(officers))["imported"] == len(OFFICERS)
    report = d.json("powers", "import", str(book(tmp_path / "p.xlsx", POWER_HEADERS, POWERS, "执法事项")))
    assert report["imported"] == 3 and report["errors"] == []
    return d


def test_powers_are_listed_with_their_bands(desk: Desk) -> None:
    page = desk.json("powers", "list", "--agency", "县市场监管局")
    assert [p["code"] for p in page["items"]] == ["P001", "P002"]
    p001 = page["items"][0]
    assert [b["band"] for b in p001["bands"]] == ["不予处罚", "从轻", "一般"]
    assert p001["bands"][1] == {
        "band": "从轻",
        "circumstances": None,
        "penalty_kinds": ["警告", "罚款"],
        "fine_min": "50000.00",
        "fine_max": "80000.00",
    }


def test_a_power_of_another_agency_or_unknown_is_refused_at_import(desk: Desk, tmp_path: Path) -> None:
    rows = [
        case("他局事项", D, "罚款", 2000, "T001", "一般"),
        case("无此事项", D, "罚款", 2000, "X999", "一般"),
    ]
    code, out, err = desk("--json", "cases", "import", str(book(tmp_path / "c.xlsx", CASE_HEADERS, rows)))
    assert code == 1
    assert "T001" in err and "X999" in err and "事项编码" in err
    assert desk.json("cases", "list")["total"] == 0


def test_power_warnings_and_their_near_misses(desk: Desk, tmp_path: Path) -> None:
    rows = [row for row, _ in PLANTED]
    assert desk.json("cases", "import", str(book(tmp_path / "c.xlsx", CASE_HEADERS, rows)))[
        "imported"
    ] == len(rows)
    items = desk.json("--as-of", AS_OF, "cases", "warnings")["items"]
    codes = {"power_not_held", "discretion_out_of_range", "power_missing"}
    found: dict[str, set[str]] = {}
    for item in items:
        if item["code"] in codes:
            found.setdefault(item["case_no"], set()).add(item["code"])
            assert item["level"] == "red" and item["message"]
    assert found == {row[0]: want for row, want in PLANTED if want}


def test_a_changed_catalogue_is_a_new_version(desk: Desk, tmp_path: Path) -> None:
    rows = [r[:] for r in POWERS[:3]]
    for r in rows:
        r[9] = date(2026, 6, 1)
    rows[1][8] = 90000
    assert (
        desk.json("powers", "import", str(book(tmp_path / "p2.xlsx", POWER_HEADERS, rows)))["imported"] == 1
    )
    again = desk.json("powers", "import", str(book(tmp_path / "p3.xlsx", POWER_HEADERS, rows)))
    assert again["imported"] == 0 and again["skipped"] == 1
    versions = [p["effective_on"] for p in desk.json("powers", "list", "--search", "P001")["items"]]
    assert versions == ["2020-01-01", "2026-06-01"]


# ---------------------------------------------------------------------------- 双随机

TARGET_HEADERS = ["名称", "统一社会信用代码", "类型", "所属领域", "风险等级"]


def targets(n: int, field: str = "市场监管") -> list[list]:
    risks = ["高", "中", "中", "低", "低"]
    return [
        [f"商户{i}", make_credit_code(f"92341122MA{i:07}"), "个体工商户", field, risks[i % 5]]
        for i in range(n)
    ]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_plan_follows_its_documented_rule(desk: Desk, tmp_path: Path) -> None:
    rows = targets(40)
    assert (
        desk.json("targets", "import", str(book(tmp_path / "t.xlsx", TARGET_HEADERS, rows)))["imported"] == 40
    )
    plan = desk.json(
        "inspections",
        "plan",
        "--name",
        "2026年第一批",
        "--seed",
        "S-42",
        "--agency",
        "县市场监管局",
        "--count",
        "10",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
    )
    assert (
        set(plan) >= {"plan", "seed", "items"} and plan["plan"] == "2026年第一批" and plan["seed"] == "S-42"
    )
    assert all(set(i) >= {"target", "credit_code", "risk", "inspectors"} for i in plan["items"])
    # the rule: quotas proportional to size × weight (高 3, 中 2, 低 1), largest remainders first
    strata: dict[str, list[str]] = {}
    for _, code, _, _, risk in rows:
        strata.setdefault(risk, []).append(code)
    mass = {r: len(codes) * {"高": 3, "中": 2, "低": 1}[r] for r, codes in strata.items()}
    exact = {r: 10 * m / sum(mass.values()) for r, m in mass.items()}
    quota = {r: int(v) for r, v in exact.items()}
    for r in sorted(exact, key=lambda r: -(exact[r] - int(exact[r])))[: 10 - sum(quota.values())]:
        quota[r] += 1
    assert quota == {"高": 3, "中": 5, "低": 2}
    want = []
    for r, codes in strata.items():
        want += sorted(codes, key=lambda c: sha(f"S-42|{c}"))[: quota[r]]
    want.sort(key=lambda c: sha(f"S-42|{c}"))
    assert [i["credit_code"] for i in plan["items"]] == want
    pairs = [frozenset(i["inspectors"]) for i in plan["items"]]
    assert all(len(p) == 2 for p in pairs) and len(set(pairs)) == len(pairs)
    # the same seed gives the same plan; --verify repeats it
    verified = desk.json("inspections", "plan", "--name", "2026年第一批", "--verify")
    assert verified["matches"] is True and verified["items"] == plan["items"]


def test_verify_catches_a_changed_directory(desk: Desk, tmp_path: Path) -> None:
    rows = targets(20)
    desk.json("targets", "import", str(book(tmp_path / "t.xlsx", TARGET_HEADERS, rows)))
    desk.json(
        "inspections",
        "plan",
        "--name",
        "P",
        "--seed",
        "7",
        "--agency",
        "县市场监管局",
        "--percent",
        "25",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
    )
    rows[0][4] = "高" if rows[0][4] != "高" else "低"
    desk.json("targets", "import", str(book(tmp_path / "t2.xlsx", TARGET_HEADERS, rows)))
    code, out, _ = desk("--json", "inspections", "plan", "--name", "P", "--verify")
    assert code == 1
    assert '"matches": false' in out


def test_results_are_recorded_for_drawn_targets_only(desk: Desk, tmp_path: Path) -> None:
    desk.json("targets", "import", str(book(tmp_path / "t.xlsx", TARGET_HEADERS, targets(10))))
    plan = desk.json(
        "inspections",
        "plan",
        "--name",
        "R",
        "--seed",
        "1",
        "--agency",
        "县市场监管局",
        "--count",
        "2",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
    )
    drawn = [i["credit_code"] for i in plan["items"]]
    headers = ["统一社会信用代码", "检查结果", "检查日期", "公示日期"]
    results = book(
        tmp_path / "r.xlsx",
        headers,
        [[drawn[0], "未发现问题", date(2026, 12, 2), date(2026, 12, 3)], [drawn[1], "未检查", None, None]],
    )
    assert desk.json("inspections", "results", "--name", "R", str(results))["imported"] == 2
    shown = desk.json("inspections", "show", "--name", "R")["items"]
    assert shown[0]["result"] == "未发现问题" and shown[0]["published_on"] == "2026-12-03"
    other = next(t[1] for t in targets(10) if t[1] not in drawn)
    bad = book(tmp_path / "b.xlsx", headers, [[other, "未发现问题", date(2026, 12, 2), None]])
    code, _, err = desk("inspections", "results", "--name", "R", str(bad))
    assert code == 1 and other in err


# ---------------------------------------------------------------------------- leads and parties


def test_leads_are_listed_with_their_due_dates(desk: Desk, tmp_path: Path) -> None:
    headers = ["执法主体", "案源编号", "来源", "登记日期", "内容", "处理结果", "处理日期", "不予立案理由"]
    rows = [
        ["县市场监管局", "AY-1", "投诉", date(2026, 11, 2), "无证经营", None, None, None],
        [
            "县市场监管局",
            "AY-2",
            "举报",
            date(2026, 11, 2),
            "过期食品",
            "不予立案",
            date(2026, 11, 5),
            "查无实据",
        ],
    ]
    assert desk.json("leads", "import", str(book(tmp_path / "l.xlsx", headers, rows)))["imported"] == 2
    items = desk.json("--as-of", AS_OF, "leads", "list")["items"]
    assert [(i["number"], i["due"], i["overdue"]) for i in items] == [
        ("AY-1", "2026-11-23", True),
        ("AY-2", "2026-11-23", False),
    ]
    bad = book(
        tmp_path / "l2.xlsx",
        headers,
        [["县市场监管局", "AY-3", "投诉", date(2026, 11, 2), "x", "不予立案", date(2026, 11, 5), None]],
    )
    code, _, err = desk("leads", "import", str(bad))
    assert code == 1 and "不予立案理由" in err


def test_a_party_shows_all_their_cases(desk: Desk, tmp_path: Path) -> None:
    rows = [
        case("重复1", date(2026, 3, 10), "罚款", 1000, None, None),
        case("重复2", date(2026, 9, 10), "罚款", 1000, None, None),
    ]
    desk.json("cases", "import", str(book(tmp_path / "c.xlsx", CASE_HEADERS, rows)))
    record = desk.json("--as-of", AS_OF, "parties", "show", PARTY.lower())
    assert record["id_number"] == PARTY
    assert [c["case_no"] for c in record["cases"]] == ["重复1", "重复2"]
    assert record["repeat"] is True and record["punished_last_year"] == 2
    code, _, err = desk("parties", "show", make_credit_code("91341122MA0000009"))
    assert code == 1 and err


def warnings_of(desk: Desk, code: str, as_of: str = AS_OF) -> list[dict]:
    return [i for i in desk.json("--as-of", as_of, "cases", "warnings")["items"] if i["code"] == code]


def test_a_lenient_band_for_a_repeat_party_is_warned(desk: Desk, tmp_path: Path) -> None:
    rows = [
        case("重复1", date(2025, 10, 1), "罚款", 90000, "P001", "一般", filed=date(2025, 9, 1)),
        case(
            "重复2", date(2026, 9, 30), "罚款", 60000, "P001", "从轻", filed=date(2026, 9, 1)
        ),  # 1 year less a day later
        case("重复3", date(2026, 10, 2), "罚款", 60000, "P001", "从轻", filed=date(2026, 9, 1)),
    ]
    desk.json("cases", "import", str(book(tmp_path / "c.xlsx", CASE_HEADERS, rows)))
    assert {w["case_no"] for w in warnings_of(desk, "repeat_offender_lenient")} == {"重复2", "重复3"}
    # 重复2: 重复1 (2025-10-01) is within the 12 months before 2026-09-30; 重复3: 重复2 is
    single = case("单次", date(2026, 10, 2), "罚款", 60000, "P001", "从轻", filed=date(2026, 9, 1))
    desk.json("cases", "import", str(book(tmp_path / "c2.xlsx", CASE_HEADERS, [single])))
    assert {w["case_no"] for w in warnings_of(desk, "repeat_offender_lenient")} == {"重复2", "重复3"}


def test_an_unpublished_inspection_result_and_an_undecided_lead_are_warned(
    desk: Desk, tmp_path: Path
) -> None:
    desk.json("targets", "import", str(book(tmp_path / "t.xlsx", TARGET_HEADERS, targets(10))))
    plan = desk.json(
        "inspections",
        "plan",
        "--name",
        "W",
        "--seed",
        "1",
        "--agency",
        "县市场监管局",
        "--count",
        "2",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
    )
    drawn = [i["credit_code"] for i in plan["items"]]
    results = book(
        tmp_path / "r.xlsx",
        ["统一社会信用代码", "检查结果", "检查日期"],
        [[drawn[0], "未发现问题", date(2026, 10, 12)], [drawn[1], "未检查", None]],
    )
    desk.json("inspections", "results", "--name", "W", str(results))
    # 20 working days after Monday 2026-10-12 is Monday 2026-11-09
    assert warnings_of(desk, "inspection_publicity_overdue", "2026-11-09") == []
    late = warnings_of(desk, "inspection_publicity_overdue", "2026-11-10")
    assert [(w["case_no"], w["due"], w["level"]) for w in late] == [("", "2026-11-09", "red")]
    headers = ["执法主体", "案源编号", "来源", "登记日期", "内容"]
    desk.json(
        "leads",
        "import",
        str(book(tmp_path / "l.xlsx", headers, [["县市场监管局", "AY-9", "投诉", date(2026, 11, 2), "x"]])),
    )
    assert warnings_of(desk, "lead_undecided", "2026-11-23") == []
    assert [w["due"] for w in warnings_of(desk, "lead_undecided", "2026-11-24")] == ["2026-11-23"]


def test_an_edit_keeps_the_cases_power_and_band(desk: Desk, migrated_store, tmp_path: Path) -> None:
    from dataclasses import replace

    from sqlalchemy import select

    from desktop.accounts.service import authenticate
    from desktop.cases.corrections import case_input, edit_case
    from desktop.models import Case

    row = case("编辑后", D, "罚款", 60000, "P001", "从轻")
    desk.json("cases", "import", str(book(tmp_path / "c.xlsx", CASE_HEADERS, [row])))
    admin = authenticate(migrated_store, "admin", "Chief-2026")
    with migrated_store.reading() as session:
        stored = session.execute(select(Case).where(Case.case_no == "编辑后")).scalar_one()
        data, case_id, version = case_input(stored), stored.id, stored.version
    edited = edit_case(
        migrated_store, admin, case_id, version, replace(data, party="改名后的当事人"), "当事人名称录入有误"
    )
    assert edited.party == "改名后的当事人"
    assert edited.power is not None and (edited.power.code, edited.power.band) == ("P001", "从轻")
