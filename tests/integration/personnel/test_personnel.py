"""Agencies and officers: rules, uniqueness, scope, paging; Excel in and out."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.errors import Conflict, ImportRefused, PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.exchange import export_officers, import_agencies, import_officers
from desktop.personnel.service import (
    create_agency,
    create_officer,
    get_officer,
    list_agencies,
    list_officers,
    update_officer,
)

ID1 = make_resident_id("341122", date(1980, 5, 17), 11)
ID2 = make_resident_id("341122", date(1985, 3, 2), 12)
ID3 = make_resident_id("341122", date(1990, 8, 9), 13)


@pytest.fixture
def agency(store: Store, admin: Actor):
    return create_agency(
        store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局", field="市场监管", level="县")
    )


def officer(name: str, id_number: str, cert: str | None = None, **kw) -> OfficerInput:
    dates = {"cert_issued_on": date(2023, 1, 1), "cert_expires_on": date(2028, 1, 1)} if cert else {}
    return OfficerInput(
        name=name, id_number=id_number, agency="县市场监管局", cert_number=cert, **dates, **kw
    )


def test_agency_rules_name_the_field(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        create_agency(store, admin, AgencyInput("某局", credit_code="91350100M000100Y44"))
    assert info.value.field == "credit_code"
    create_agency(store, admin, AgencyInput("某局", credit_code="91350100m000100y43"))  # normalised
    with pytest.raises(ValidationError) as info:
        create_agency(store, admin, AgencyInput("某局"))
    assert info.value.field == "name"


def test_officer_rules_and_uniqueness(store: Store, admin: Actor, agency) -> None:
    with pytest.raises(ValidationError) as info:
        create_officer(store, admin, officer("张三", ID1[:-1] + ("0" if ID1[-1] != "0" else "1")))
    assert info.value.field == "id_number"
    create_officer(store, admin, officer("张三", ID1, "A-001"))
    with pytest.raises(ValidationError) as info:
        create_officer(store, admin, officer("张三", ID1))
    assert info.value.field == "id_number"
    with pytest.raises(ValidationError) as info:
        create_officer(store, admin, officer("李四", ID2, "A-001"))
    assert info.value.field == "cert_number"
    bad_dates = OfficerInput(
        "王五",
        ID3,
        "县市场监管局",
        cert_number="A-9",
        cert_issued_on=date(2025, 1, 1),
        cert_expires_on=date(2024, 1, 1),
    )
    with pytest.raises(ValidationError) as info:
        create_officer(store, admin, bad_dates)
    assert info.value.field == "cert_expires_on"


def test_certificate_state_follows_the_clock(store: Store, admin: Actor, agency) -> None:
    today = store.clock.today()
    create_officer(
        store,
        admin,
        OfficerInput(
            "甲",
            ID1,
            "县市场监管局",
            cert_number="C1",
            cert_issued_on=date(2020, 1, 1),
            cert_expires_on=date(2026, 1, 1),
        ),
    )
    create_officer(
        store,
        admin,
        OfficerInput(
            "乙",
            ID2,
            "县市场监管局",
            cert_number="C2",
            cert_issued_on=date(2022, 1, 1),
            cert_expires_on=today.replace(day=28) if today.day < 28 else today,
        ),
    )
    create_officer(store, admin, OfficerInput("丙", ID3, "县市场监管局"))
    states = {o.name: o.cert_state for o in list_officers(store, admin).items}
    assert states == {"甲": "expired", "乙": "expiring", "丙": "none"}
    only = list_officers(store, admin, ListQuery(filters=(("cert_state", "expired"),)))
    assert [o.name for o in only.items] == ["甲"]


def test_id_numbers_are_masked_unless_the_role_may_see_them(store: Store, admin: Actor, agency) -> None:
    create_officer(store, admin, officer("张三", ID1))
    create_user(store, admin, UserInput("pingcha", "reviewer"), "Review-2026")
    reviewer = authenticate(store, "pingcha", "Review-2026")
    assert (
        list_officers(store, reviewer, reveal_ids=True).items[0].id_number == ID1[:6] + "********" + ID1[-4:]
    )
    assert list_officers(store, admin, reveal_ids=True).items[0].id_number == ID1


def test_a_clerk_sees_and_touches_only_their_agency(store: Store, admin: Actor, agency) -> None:
    create_agency(store, admin, AgencyInput("示范县交通运输局", "县交通局"))
    create_officer(store, admin, officer("张三", ID1))
    create_officer(store, admin, OfficerInput("李四", ID2, "县交通局"))
    create_user(store, admin, UserInput("caiji", "clerk", agency="县交通局"), "Clerk-2026")
    clerk = authenticate(store, "caiji", "Clerk-2026")
    assert [o.name for o in list_officers(store, clerk).items] == ["李四"]
    with pytest.raises(PermissionDenied):
        create_officer(store, clerk, officer("王五", ID3))


def test_paging_sorting_and_search_happen_in_sql(store: Store, admin: Actor, agency) -> None:
    for i in range(30):
        create_officer(store, admin, officer(f"测试{i:02d}", make_resident_id("341122", date(1980, 1, 1), i)))
    page = list_officers(store, admin, ListQuery(sort="name", descending=True, offset=5, limit=10))
    assert page.total == 30 and len(page.items) == 10 and page.items[0].name == "测试24"
    found = list_officers(store, admin, ListQuery(search="测试1", limit=100))
    assert found.total == 10
    assert list_officers(store, admin, ListQuery(search="%", limit=5)).total == 0  # wildcards are text


def test_update_replaces_the_certificate_and_audits_both(store: Store, admin: Actor, agency) -> None:
    row = create_officer(store, admin, officer("张三", ID1, "OLD-1"))
    row = update_officer(store, admin, row.id, row.version, officer("张三", ID1, "NEW-1", position="科长"))
    assert (row.cert_number, row.position, row.version) == ("NEW-1", "科长", 2)
    rec = list_audit(store, admin, ListQuery(limit=1)).items[0]
    assert rec.before["certificate"]["number"] == "OLD-1" and rec.after["certificate"]["number"] == "NEW-1"


def test_a_stale_officer_edit_from_another_workstation_is_a_conflict(
    store: Store, admin: Actor, agency, store_url: str, clock
) -> None:  # type: ignore[no-untyped-def]
    row = create_officer(store, admin, officer("张三", ID1, "OLD-1"))
    other = Store(store_url, clock=clock)  # a second workstation
    try:
        seen_here = get_officer(store, admin, row.id)
        seen_there = get_officer(other, admin, row.id)
        # only the certificate changes: the officer's version moves all the same
        update_officer(other, admin, row.id, seen_there.version, officer("张三", ID1, "NEW-1"))
        with pytest.raises(Conflict, match="admin"):
            update_officer(store, admin, row.id, seen_here.version, officer("张三", ID1, "OTHER-1"))
    finally:
        other.dispose()
    kept = get_officer(store, admin, row.id)
    assert (kept.cert_number, kept.version) == ("NEW-1", seen_here.version + 1)


# ---------------------------------------------------------------------------- Excel


def workbook(path, headers, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "人员"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


HEADERS = [
    "姓名",
    "身份证号",
    "性别",
    "执法主体",
    "职务",
    "执法证号",
    "发证日期",
    "有效期至",
    "执法类别",
    "备注",
]


def test_officer_import_writes_all_rows_and_skips_them_the_second_time(
    store: Store, admin: Actor, agency, tmp_path
) -> None:
    path = workbook(
        tmp_path / "o.xlsx",
        HEADERS,
        [
            [
                "张三",
                ID1,
                "男",
                "县市场监管局",
                "科员",
                "X-1",
                date(2024, 1, 1),
                "2029-01-01",
                "市场监管",
                "",
            ],
            ["李四", ID2, None, "示范县市场监督管理局", None, None, None, None, None, "备注不导入"],
        ],
    )
    progress: list[tuple[int, int | None]] = []
    result = import_officers(store, admin, path, progress=lambda d, t: progress.append((d, t)))
    assert (result.imported, result.skipped) == (2, 0)
    assert any("备注" in w for w in result.warnings)
    assert progress and progress[-1][0] == progress[-1][1]
    again = import_officers(store, admin, path)
    assert (again.imported, again.skipped) == (0, 2)
    assert list_officers(store, admin).total == 2
    assert verify_chain(store).ok


def test_a_file_with_one_bad_row_writes_nothing_and_says_where(
    store: Store, admin: Actor, agency, tmp_path
) -> None:
    bad_id = ID2[:-1] + ("0" if ID2[-1] != "0" else "1")
    path = workbook(
        tmp_path / "bad.xlsx",
        HEADERS,
        [
            ["张三", ID1, "男", "县市场监管局", None, "X-1", "2024-01-01", "2029年1月1日", None, None],
            ["李四", bad_id, None, "县市场监管局", None, None, None, None, None, None],
            ["王五", ID3, None, "不存在的局", None, "X-1", "2024/13/01", "2029-01-01", None, None],
            ["赵六", ID1, None, "县市场监管局", None, None, None, None, None, None],
        ],
    )
    with pytest.raises(ImportRefused) as info:
        import_officers(store, admin, path)
    where = {(e.sheet, e.row, e.column) for e in info.value.errors}
    assert ("人员", 3, "身份证号") in where  # checksum
    assert ("人员", 4, "执法主体") in where  # unknown agency
    assert ("人员", 4, "发证日期") in where  # impossible date
    assert ("人员", 4, "执法证号") in where  # certificate twice in the file
    assert ("人员", 5, "身份证号") in where  # ID number twice in the file
    assert all(e.file == "bad.xlsx" for e in info.value.errors)
    assert list_officers(store, admin).total == 0


def test_missing_required_column_and_unreadable_file(store: Store, admin: Actor, agency, tmp_path) -> None:
    path = workbook(tmp_path / "cols.xlsx", ["姓名", "执法主体"], [["张三", "县市场监管局"]])
    with pytest.raises(ImportRefused) as info:
        import_officers(store, admin, path)
    assert [(e.row, e.column) for e in info.value.errors] == [(1, "身份证号")]
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    with pytest.raises(ValidationError) as err:
        import_officers(store, admin, junk)
    assert "junk.xlsx" in err.value.localized()


def test_agency_import_and_officer_export_round_trip(store: Store, admin: Actor, tmp_path) -> None:
    path = workbook(
        tmp_path / "a.xlsx",
        ["名称", "简称", "统一社会信用代码", "执法领域", "层级"],
        [
            ["示范县市场监督管理局", "县市场监管局", "91350100M000100Y43", "市场监管", "县"],
            ["示范县交通运输局", "县交通局", None, "交通运输", "县"],
        ],
    )
    assert import_agencies(store, admin, path).imported == 2
    assert list_agencies(store, admin).total == 2
    create_officer(store, admin, officer("张三", ID1, "X-1"))
    out = tmp_path / "out.xlsx"
    assert export_officers(store, admin, ListQuery(), out) == 1
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[0][:4] == ("姓名", "身份证号", "性别", "执法主体")
    assert rows[1][0] == "张三" and "*" in rows[1][1]


def test_a_reviewer_cannot_import(store: Store, admin: Actor, agency, tmp_path) -> None:
    create_user(store, admin, UserInput("pingcha", "reviewer"), "Review-2026")
    reviewer = authenticate(store, "pingcha", "Review-2026")
    path = workbook(tmp_path / "o.xlsx", HEADERS, [["张三", ID1, None, "县市场监管局"]])
    with pytest.raises(PermissionDenied):
        import_officers(store, reviewer, path)


def test_search_counts_match_the_rows_found(store: Store, admin: Actor, agency) -> None:
    create_officer(store, admin, officer("张三", ID1, "ZX-77"))
    create_officer(store, admin, officer("李四", ID2, "ZX-78"))
    create_officer(store, admin, officer("王五", ID3))
    for search, names in (
        ("ZX-7", {"张三", "李四"}),
        ("zx-78", {"李四"}),
        (ID3[-6:], {"王五"}),
        ("四", {"李四"}),
        ("", {"张三", "李四", "王五"}),
    ):
        page = list_officers(store, admin, ListQuery(search=search))
        assert {o.name for o in page.items} == names and page.total == len(names), search
