"""The case register in and out of Excel: import (all or nothing, every error in its place),
the register export that re-imports, and the 双公示 行政处罚 export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.accounts.service import UserInput, authenticate, create_first_admin, create_user
from desktop.cases import entry
from desktop.cases.exchange import (
    CASE_COLUMNS,
    PUBLICITY_HEADERS,
    export_cases,
    export_publicity,
    import_cases,
)
from desktop.cases.service import find_case, get_case, list_cases
from desktop.cases.supervision import list_warnings
from desktop.core.errors import Cancelled, ImportRefused, PermissionDenied
from desktop.core.identifiers import is_valid_credit_code, is_valid_resident_id, make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models import Base
from desktop.models.db import Store, sqlite_url
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer

HEADERS = [c.header for c in CASE_COLUMNS]
CREDIT = "91350100M000100Y43"
PARTY_ID = make_resident_id("341122", date(1975, 6, 1), 21)
BAD_PARTY_ID = PARTY_ID[:-1] + ("0" if PARTY_ID[-1] != "0" else "1")


def setup_register(store: Store, admin: Actor) -> None:
    """Two agencies; officers with and without certificates, two of them called 王五."""
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局", credit_code=CREDIT))
    create_agency(store, admin, AgencyInput("示范县交通运输局", "县交通局"))
    cert = {"cert_issued_on": date(2020, 1, 1), "cert_expires_on": date(2030, 1, 1)}
    for i, (name, agency, number) in enumerate(
        [
            ("张三", "县市场监管局", "A-001"),
            ("李四", "县市场监管局", "A-002"),
            ("王五", "县市场监管局", None),
            ("王五", "县市场监管局", None),
            ("赵六", "县交通局", "B-001"),
            ("钱七", "县交通局", None),
        ]
    ):
        extra = {"cert_number": number, **cert} if number else {}
        create_officer(
            store, admin, OfficerInput(name, make_resident_id("341122", date(1980, 1, 1), i), agency, **extra)
        )


@pytest.fixture
def register(store: Store, admin: Actor) -> Store:
    setup_register(store, admin)
    return store


def case(**values) -> dict:
    """A valid 行政检查 row, changed by ``values`` (keys are the workbook's headers)."""
    row = {
        "案号": "X市监检〔2026〕1号",
        "执法主体": "县市场监管局",
        "案件类别": "行政检查",
        "案由": "日常检查",
        "当事人": "某某商店",
        "立案日期": date(2026, 6, 1),
        "承办人员": "A-001、A-002",
    }
    row.update(values)
    return row


def workbook(path, rows, extra=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "案件"
    headers = [*HEADERS, *extra]
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    book.save(path)
    return path


def count(store: Store, admin: Actor) -> int:
    return list_cases(store, admin, ListQuery(limit=0)).total


def good_rows() -> list[dict]:
    return [
        case(
            **{
                "案号": "X市监罚〔2026〕12号",
                "案件类别": "行政处罚",
                "程序类型": "普通程序",
                "案件来源": "投诉举报",
                "案由": "销售过期食品",
                "当事人": "某某超市有限公司",
                "当事人类型": "法人",
                "证件号码": CREDIT,
                "发现日期": "2026-01-05",
                "立案日期": date(2026, 1, 10),
                "调查终结日期": "2026/02/20",
                "法制审核日期": "2026年3月1日",
                "决定日期": "2026-03-05",
                "送达日期": "2026-03-08",
                "公示日期": "2026-03-10",
                "执行完毕日期": "2026-04-01",
                "结案日期": "2026-04-10",
                "处罚种类": "警告，罚款",
                "罚没金额": 5000,
                "重大执法决定": "否",
                "承办人员": "A-001; 李四",
                "法律依据": "《食品安全法》第一百二十四条",
                "卷宗": "卷宗/罚12.pdf",
                "备注": "不导入",
            }
        ),
        case(
            **{
                "案号": "X交强〔2026〕3号",
                "执法主体": "示范县交通运输局",
                "案件类别": "行政强制",
                "当事人": "李某",
                "当事人类型": "自然人",
                "证件号码": PARTY_ID,
                "立案日期": "2026-05-01",
                "强制措施": "扣押",
                "强制措施日期": "2026-05-02",
                "强制措施解除日期": "2026-05-20",
                "延长期限": "是",
                "承办人员": "赵六,钱七",
                "案由": "非法营运",
            }
        ),
        case(
            **{
                "案号": "X市监罚〔2025〕7号",
                "案件类别": "行政处罚",
                "程序类型": "普通程序",
                "立案日期": "2025-03-01",
                "决定日期": "2025-05-01",
                "重大执法决定": "是",
                "处罚种类": "罚款、没收违法所得",
                "罚没金额": "120000.50",
                "承办人员": "张三、李四",
                "当事人": "某某公司",
            }
        ),
        case(**{"案号": "X市监检〔2026〕9号", "承办人员": "A-001"}),
    ]


def dossier(folder) -> None:
    """The dossier the first of ``good_rows`` names, relative to the workbook in ``folder``."""
    (folder / "卷宗").mkdir()
    (folder / "卷宗" / "罚12.pdf").write_bytes(b"%PDF-1.4\n")


def test_a_good_register_imports_every_row(register: Store, admin: Actor, tmp_path) -> None:
    dossier(tmp_path)
    path = workbook(tmp_path / "案件.xlsx", good_rows(), extra=["备注"])
    progress: list[tuple[int, int | None]] = []
    result = import_cases(register, admin, path, progress=lambda d, t: progress.append((d, t)))
    assert (result.imported, result.skipped) == (4, 0)
    assert any("备注" in w for w in result.warnings)
    assert progress and progress[-1][0] == progress[-1][1]
    assert count(register, admin) == 4

    penalty = find_case(register, admin, "X市监罚〔2026〕12号")
    assert (penalty.agency_name, penalty.category, penalty.procedure, penalty.source) == (
        "示范县市场监督管理局",
        "行政处罚",
        "普通程序",
        "投诉举报",
    )
    assert (penalty.party, penalty.party_type, penalty.party_id_number) == (
        "某某超市有限公司",
        "法人",
        CREDIT,
    )
    assert penalty.dates["discovered_on"] == date(2026, 1, 5)
    assert penalty.dates["investigated_on"] == date(2026, 2, 20)
    assert penalty.dates["legal_review_on"] == date(2026, 3, 1)
    assert penalty.dates["closed_on"] == date(2026, 4, 10) and penalty.stage == "closed"
    assert penalty.penalty_kinds == ("警告", "罚款") and penalty.amount == Decimal("5000.00")
    assert [o.name for o in penalty.officers] == ["张三", "李四"]
    assert not penalty.major and penalty.legal_basis == "《食品安全法》第一百二十四条"
    assert len(penalty.documents) == 1 and penalty.documents[0].exists
    assert penalty.documents[0].path == str((tmp_path / "卷宗" / "罚12.pdf").resolve())

    coercion = find_case(register, admin, "X交强〔2026〕3号")
    assert coercion.measures == ("扣押",) and coercion.measure_extended
    assert (coercion.dates["measure_on"], coercion.dates["measure_released_on"]) == (
        date(2026, 5, 2),
        date(2026, 5, 20),
    )
    assert [o.name for o in coercion.officers] == ["赵六", "钱七"] and coercion.party_id_number == PARTY_ID

    major = find_case(register, admin, "X市监罚〔2025〕7号")
    assert major.major and major.amount == Decimal("120000.50")
    assert get_case(register, admin, major.id).penalty_kinds == ("罚款", "没收违法所得")


def test_the_import_is_audited(register: Store, admin: Actor, tmp_path) -> None:
    dossier(tmp_path)
    rows = good_rows()
    import_cases(register, admin, workbook(tmp_path / "a.xlsx", rows))
    audited = list_audit(register, admin, ListQuery(filters=(("entity", "case"),), limit=None)).items
    assert [r.action for r in audited] == ["import"] * len(rows)
    assert {r.summary.split()[0] for r in audited} == {r["案号"] for r in rows}
    assert audited[0].after["officers"]
    assert verify_chain(register).ok


def test_a_historical_major_decision_without_review_is_imported_and_warned(
    register: Store, admin: Actor, tmp_path
) -> None:
    row = case(
        **{
            "案号": "X市监罚〔2024〕1号",
            "案件类别": "行政处罚",
            "程序类型": "普通程序",
            "立案日期": "2024-03-01",
            "决定日期": "2024-04-01",
            "送达日期": "2024-04-02",
            "公示日期": "2024-04-03",
            "重大执法决定": "是",
        }
    )
    import_cases(register, admin, workbook(tmp_path / "h.xlsx", [row]))
    warned = list_warnings(register, admin, ListQuery(filters=(("code", "missing_legal_review"),)))
    assert [w.case_no for w in warned.items] == ["X市监罚〔2024〕1号"]


def test_every_bad_row_gets_its_own_message_and_nothing_is_written(
    register: Store, admin: Actor, tmp_path
) -> None:
    import_cases(register, admin, workbook(tmp_path / "first.xlsx", [case(**{"案号": "已有〔2026〕1号"})]))
    rows = [
        case(**{"案号": "B1", "执法主体": "不存在的局"}),
        case(**{"案号": "B2", "承办人员": "A-001、无名氏"}),
        case(**{"案号": "B3", "承办人员": "A-001、王五"}),
        case(**{"案号": "B4", "案件类别": "行政处罚", "程序类型": "简易程序", "决定日期": "2026-05-31"}),
        case(**{"案号": "B5", "当事人类型": "自然人", "证件号码": BAD_PARTY_ID}),
        case(**{"案号": "已有〔2026〕1号"}),
        case(**{"案号": "B7"}),
        case(**{"案号": "B7", "执法主体": "示范县市场监督管理局"}),
        case(**{"案号": "B9", "案由": None}),
        case(**{"案号": "B10", "案件类别": "行政许可"}),
        case(
            **{
                "案号": "B11",
                "案件类别": "行政强制",
                "强制措施": "查封",
                "强制措施日期": "2026-06-10",
                "强制措施解除日期": "2026-06-09",
            }
        ),
        case(**{"案号": "B12", "卷宗": "不在这里.pdf"}),
        case(**{"案号": "B13", "立案日期": "2026-02-30"}),
        case(**{"案号": "B7", "执法主体": "县交通局", "承办人员": "B-001"}),  # another agency's B7: fine
    ]
    with pytest.raises(ImportRefused) as info:
        import_cases(register, admin, workbook(tmp_path / "bad.xlsx", rows))
    errors = info.value.errors
    found = {(e.row, e.column): e.message for e in errors}
    expected = {
        (2, "执法主体"): "Unknown agency: 不存在的局",
        (3, "承办人员"): "No officer of 县市场监管局 has the name or certificate number 无名氏",
        (4, "承办人员"): "2 officers of 县市场监管局 are called 王五: give the certificate number",
        (5, "决定日期"): "(2026-05-31) cannot be before",
        (6, "证件号码"): "wrong check digit",
        (7, "案号"): "Case 已有〔2026〕1号 is already on the register of 县市场监管局",
        (9, "案号"): "B7 appears again (first in row 8)",
        (10, "案由"): "案由 is required",
        (11, "案件类别"): "行政许可 is not one of: 行政处罚、行政强制、行政检查",
        (12, "强制措施解除日期"): "(2026-06-09) cannot be before",
        (13, "卷宗"): "No file at",
        (14, "立案日期"): "no such date: 2026-02-30",
    }
    assert set(found) == set(expected), sorted(found)
    for place, text in expected.items():
        assert text in found[place], (place, found[place])
    assert len(errors) == len(expected)  # one message each, nothing reported twice
    assert all(e.file == "bad.xlsx" and e.sheet == "案件" for e in errors)
    assert count(register, admin) == 1


def test_a_missing_required_column_refuses_the_file(register: Store, admin: Actor, tmp_path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["案号", "执法主体", "案件类别", "案由", "当事人", "立案日期"])
    book.active.append(["C1", "县市场监管局", "行政检查", "检查", "某店", "2026-06-01"])
    book.save(tmp_path / "cols.xlsx")
    with pytest.raises(ImportRefused) as info:
        import_cases(register, admin, tmp_path / "cols.xlsx")
    assert [(e.row, e.column) for e in info.value.errors] == [(1, "承办人员")]


def test_a_scoped_clerk_imports_only_their_agency(register: Store, admin: Actor, tmp_path) -> None:
    create_user(register, admin, UserInput("caiji", "clerk", agency="县交通局"), "Clerk-2026")
    clerk = authenticate(register, "caiji", "Clerk-2026")
    rows = [case(**{"案号": "J1", "执法主体": "县交通局", "承办人员": "B-001"}), case(**{"案号": "S1"})]
    with pytest.raises(ImportRefused) as info:
        import_cases(register, clerk, workbook(tmp_path / "c.xlsx", rows))
    assert [(e.row, e.column, e.message) for e in info.value.errors] == [
        (3, "执法主体", "outside your agency")
    ]
    assert import_cases(register, clerk, workbook(tmp_path / "c2.xlsx", rows[:1])).imported == 1
    create_user(register, admin, UserInput("pingcha", "reviewer"), "Review-2026")
    with pytest.raises(PermissionDenied):
        import_cases(register, authenticate(register, "pingcha", "Review-2026"), tmp_path / "c2.xlsx")


def test_cancel_while_writing_writes_nothing(register: Store, admin: Actor, tmp_path, monkeypatch) -> None:
    rows = [case(**{"案号": f"K{i}"}) for i in range(3)]
    inserted: list[int] = []
    real = entry.new_case

    def insert(*args, **kwargs):
        inserted.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(entry, "new_case", insert)
    with pytest.raises(Cancelled):
        import_cases(register, admin, workbook(tmp_path / "k.xlsx", rows), cancelled=lambda: bool(inserted))
    assert inserted and count(register, admin) == 0
    assert list_audit(register, admin, ListQuery(filters=(("entity", "case"),))).total == 0


def fresh_store(tmp_path, clock) -> tuple[Store, Actor]:
    other = Store(sqlite_url(tmp_path / "fresh.sqlite3"), clock=clock)
    Base.metadata.create_all(other.engine)
    admin = create_first_admin(other, "admin", "Chief-2026", "系统管理员")
    setup_register(other, admin)
    return other, admin


def test_export_re_imports_into_a_fresh_store(register: Store, admin: Actor, tmp_path, clock) -> None:
    dossier(tmp_path)
    import_cases(register, admin, workbook(tmp_path / "in.xlsx", good_rows()))
    out = tmp_path / "out.xlsx"
    assert export_cases(register, admin, ListQuery(sort="case_no"), out) == 4
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert list(rows[0]) == [*HEADERS, "阶段", "预警"]
    by_no = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_no["X市监罚〔2026〕12号"]["卷宗"] in ("卷宗/罚12.pdf", "卷宗\\罚12.pdf")
    assert by_no["X市监罚〔2026〕12号"]["承办人员"] == "A-001、A-002"
    assert by_no["X交强〔2026〕3号"]["承办人员"] == "B-001、钱七"
    assert "Major decision without legal review" in by_no["X市监罚〔2025〕7号"]["预警"]
    assert by_no["X市监检〔2026〕9号"]["预警"] == "Fewer than two officers"

    other, other_admin = fresh_store(tmp_path, clock)
    try:
        result = import_cases(other, other_admin, out)
        assert result.imported == 4 and result.warnings == ()
        for no in by_no:
            a, b = find_case(register, admin, no), find_case(other, other_admin, no)
            for name in (
                "agency_name",
                "category",
                "procedure",
                "source",
                "stage",
                "cause",
                "party",
                "party_type",
                "party_id_number",
                "dates",
                "measures",
                "measure_extended",
                "penalty_kinds",
                "amount",
                "major",
                "legal_basis",
            ):
                assert getattr(a, name) == getattr(b, name), (no, name)
            assert [o.name for o in a.officers] == [o.name for o in b.officers]
            assert [d.path for d in a.documents] == [d.path for d in b.documents]
    finally:
        other.dispose()


def test_the_publicity_export_has_the_reference_columns_and_only_decided_penalties(
    register: Store, admin: Actor, tmp_path
) -> None:
    dossier(tmp_path)
    rows = good_rows()
    rows.append(
        case(
            **{
                "案号": "X市监罚〔2026〕20号",
                "案件类别": "行政处罚",
                "程序类型": "简易程序",
                "当事人": "王某",
                "证件号码": PARTY_ID,
                "处罚种类": "警告",
            }
        )
    )  # not decided
    rows.append(
        case(
            **{
                "案号": "X市监罚〔2024〕2号",
                "案件类别": "行政处罚",
                "程序类型": "简易程序",
                "立案日期": "2024-02-29",
                "决定日期": "2024-02-29",
                "当事人": "王某",
                "证件号码": PARTY_ID,
                "处罚种类": "警告",
            }
        )
    )
    both_shapes = make_resident_id("341122", date(1975, 6, 1), 7)
    assert is_valid_resident_id(both_shapes) and is_valid_credit_code(both_shapes)
    rows.append(
        case(
            **{
                "案号": "X市监罚〔2024〕3号",
                "案件类别": "行政处罚",
                "程序类型": "简易程序",
                "立案日期": "2024-03-01",
                "决定日期": "2024-03-01",
                "当事人": "张某",
                "证件号码": both_shapes,
                "处罚种类": "罚款",
                "罚没金额": 200,
            }
        )
    )
    import_cases(register, admin, workbook(tmp_path / "p.xlsx", rows))
    out = tmp_path / "双公示.xlsx"
    assert export_publicity(register, admin, ListQuery(sort="case_no"), out) == 4
    book = openpyxl.load_workbook(out, read_only=True)
    sheet = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert list(sheet[0]) == [
        "行政相对人名称",
        "统一社会信用代码",
        "证件类型",
        "证件号码",
        "法定代表人",
        "行政处罚决定书文号",
        "违法行为类型",
        "违法事实",
        "处罚依据",
        "处罚类别",
        "处罚内容",
        "罚款金额(万元)",
        "没收金额(万元)",
        "暂扣或吊销证照名称及编号",
        "处罚决定日期",
        "处罚有效期",
        "公示截止期",
        "处罚机关",
        "处罚机关统一社会信用代码",
        "数据来源单位",
        "数据来源单位统一社会信用代码",
        "备注",
    ]
    assert list(sheet[0]) == list(PUBLICITY_HEADERS)
    got = {r[5]: dict(zip(sheet[0], r, strict=True)) for r in sheet[1:]}
    assert set(got) == {
        "X市监罚〔2026〕12号",
        "X市监罚〔2025〕7号",
        "X市监罚〔2024〕2号",
        "X市监罚〔2024〕3号",
    }
    firm = got["X市监罚〔2026〕12号"]
    assert (firm["行政相对人名称"], firm["统一社会信用代码"], firm["证件类型"], firm["证件号码"]) == (
        "某某超市有限公司",
        CREDIT,
        None,
        None,
    )
    assert (firm["违法行为类型"], firm["违法事实"], firm["处罚依据"]) == (
        "销售过期食品",
        "销售过期食品",
        "《食品安全法》第一百二十四条",
    )
    assert (firm["处罚类别"], firm["处罚内容"]) == ("警告、罚款", "警告；罚款 5,000.00 元")
    assert (firm["罚款金额(万元)"], firm["没收金额(万元)"]) == ("0.500000", None)
    assert firm["处罚决定日期"].date() == date(2026, 3, 5)
    assert (firm["处罚有效期"].date(), firm["公示截止期"].date()) == (date(2027, 3, 5), date(2029, 3, 5))
    assert (firm["处罚机关"], firm["处罚机关统一社会信用代码"]) == ("示范县市场监督管理局", CREDIT)
    assert (firm["数据来源单位"], firm["数据来源单位统一社会信用代码"]) == ("示范县市场监督管理局", CREDIT)
    assert firm["法定代表人"] is None and firm["备注"] is None
    both = got["X市监罚〔2025〕7号"]
    assert (both["罚款金额(万元)"], both["没收金额(万元)"]) == ("12.000050", None)
    person = got["X市监罚〔2024〕2号"]
    assert (person["统一社会信用代码"], person["证件类型"]) == (None, "身份证")
    assert person["证件号码"] == PARTY_ID[:6] + "********" + PARTY_ID[-4:]
    assert (person["处罚内容"], person["罚款金额(万元)"]) == ("警告", None)
    assert person["处罚有效期"].date() == date(2025, 2, 28)
    unknown_type = got["X市监罚〔2024〕3号"]  # a person's number that is also a valid credit code: masked
    assert (unknown_type["统一社会信用代码"], unknown_type["证件类型"]) == (None, "身份证")
    assert unknown_type["证件号码"] == both_shapes[:6] + "********" + both_shapes[-4:]
    assert (unknown_type["处罚内容"], unknown_type["罚款金额(万元)"]) == ("罚款 200.00 元", "0.020000")
