"""Issue 16 (hardening), on both databases: one namespace for agency names and short names, every
value checked against what the store holds (sheet, row and column named; no traceback, no
person's data in one), dossiers that are PDFs in the right folders, rubric files that are refused
clearly, plausible dates and plain amounts, no invisible characters in names and 案号, refusals in
words and in Chinese."""

from __future__ import annotations

import io
import json
import logging
import os
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.cases.dto import CaseInput
from desktop.cases.entry import create_case
from desktop.cases.exchange import import_cases
from desktop.cli.main import main as cli
from desktop.core import i18n
from desktop.core.errors import ImportRefused, PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models import Agency, Case, Officer
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.exchange import import_agencies, import_officers
from desktop.personnel.service import create_agency, create_officer, list_officers, update_agency

SCJ, SCJ_SHORT = "示范县市场监督管理局", "县市场监管局"
SLJ = "示范县水利局"
ZWSP, RLO = "\u200b", "\u202e"
PASSWORD = "Strong-Pass-2026!"


def person(n: int) -> str:
    return make_resident_id("341122", date(1980, 1, 1), n)


def write_book(path: Path, headers: list[str], rows: list[dict[str, Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "导入"
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    book.save(path)
    return path


def places(exc: ImportRefused) -> set[tuple[str, int, str]]:
    return {(e.sheet, e.row, e.column) for e in exc.errors}


def count(store: Store, model: Any) -> int:
    with store.reading() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


@pytest.fixture
def county(store: Store, admin: Actor) -> Store:
    """Two agencies, two certified officers of the first; the schema stamped as the newest, so
    the command line opens the store as it is."""
    from alembic import command

    from desktop.models.db import alembic_config

    with store.engine.begin() as conn:
        command.stamp(alembic_config(conn), "head")
    create_agency(store, admin, AgencyInput(SCJ, SCJ_SHORT))
    create_agency(store, admin, AgencyInput(SLJ, "县水利局"))
    for n, cert in ((1, "A-001"), (2, "A-002")):
        create_officer(
            store,
            admin,
            OfficerInput(
                f"执法{n}",
                person(n),
                SCJ_SHORT,
                cert_number=cert,
                cert_issued_on=date(2020, 1, 1),
                cert_expires_on=date(2030, 1, 1),
            ),
        )
    return store


# ------------------------------------------------------------------------------ 1. one namespace

AGENCY_HEADERS = ["名称", "简称"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"名称": "测试县甲局", "简称": SLJ}], {(2, "简称")}),  # a short name that is another's name
        ([{"名称": "县水利局", "简称": "县甲局"}], {(2, "名称")}),  # a name that is another's short name
        ([{"名称": "测试县甲局", "简称": "县水利局"}], {(2, "简称")}),  # two equal short names
        ([{"名称": "测试县甲局", "简称": "甲局"}, {"名称": "甲局"}], {(3, "名称")}),  # within the file
        ([{"名称": "测试县甲局", "简称": "甲局"}, {"名称": "测试县乙局", "简称": "甲局"}], {(3, "简称")}),
    ],
)
def test_agency_names_and_short_names_share_one_namespace_on_import(
    county: Store, admin: Actor, tmp_path: Path, rows: list[dict], expected: set
) -> None:
    before = count(county, Agency)
    with pytest.raises(ImportRefused) as info:
        import_agencies(county, admin, write_book(tmp_path / "主体.xlsx", AGENCY_HEADERS, rows))
    assert {(row, column) for _sheet, row, column in places(info.value)} == expected
    assert all(e.sheet == "导入" and e.file == "主体.xlsx" for e in info.value.errors)
    assert count(county, Agency) == before


def test_an_agency_may_keep_or_change_its_own_short_name_on_import(
    county: Store, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        {"名称": SLJ, "简称": SLJ},
        {"名称": SCJ, "简称": "县市场局"},
        {"名称": "测试县甲局", "简称": SCJ_SHORT},
    ]
    result = import_agencies(county, admin, write_book(tmp_path / "主体.xlsx", AGENCY_HEADERS, rows))
    assert result.imported == 3


def test_agency_names_and_short_names_share_one_namespace_on_entry(county: Store, admin: Actor) -> None:
    for data, field in (
        (AgencyInput("测试县甲局", SLJ), "short_name"),
        (AgencyInput("县水利局"), "name"),
        (AgencyInput("测试县甲局", "县水利局"), "short_name"),
    ):
        with pytest.raises(ValidationError) as info:
            create_agency(county, admin, data)
        assert info.value.field == field
    row = create_agency(county, admin, AgencyInput("测试县甲局", "甲局"))
    with pytest.raises(ValidationError) as info:
        update_agency(county, admin, row.id, row.version, AgencyInput("测试县甲局", SCJ))
    assert info.value.field == "short_name"
    update_agency(county, admin, row.id, row.version, AgencyInput("测试县甲局", "测试县甲局"))


def test_a_store_with_a_clash_from_before_finds_the_full_name_and_never_crashes(
    county: Store, admin: Actor, store_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with county.unit_of_work() as uow:  # as an older version let it in
        uow.session.add(Agency(name="测试县甲局", short_name=SLJ))
        uow.commit()
    officers = [{"姓名": "王五", "身份证号": person(9), "执法主体": SLJ}]
    import_officers(
        county, admin, write_book(tmp_path / "人员.xlsx", ["姓名", "身份证号", "执法主体"], officers)
    )
    with county.reading() as s:
        landed = s.execute(select(Agency.name).join(Officer).where(Officer.name == "王五")).scalar_one()
    assert landed == SLJ
    desk = Desk(store_url, monkeypatch)
    for command in ("cases", "officers"):
        code, out, err = desk("--json", command, "list", "--agency", SLJ)
        assert code == 0, err
        assert {i["agency"] for i in json.loads(out)["items"]} <= {SLJ}
    assert json.loads(desk("--json", "officers", "list", "--agency", SLJ)[1])["total"] == 1


# ------------------------------------------------------------------------------ 3. store limits

CASE_HEADERS = [
    "案号",
    "执法主体",
    "案件类别",
    "案由",
    "当事人",
    "证件号码",
    "立案日期",
    "罚没金额",
    "承办人员",
    "卷宗",
]


def case_row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "案号": "X市监检〔2026〕1号",
        "执法主体": SCJ_SHORT,
        "案件类别": "行政检查",
        "案由": "日常检查",
        "当事人": "某某商店",
        "立案日期": date(2026, 6, 1),
        "承办人员": "A-001、A-002",
    }
    row.update(values)
    return row


def refused_cases(store: Store, admin: Actor, folder: Path, rows: list[dict]) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        import_cases(
            store, admin, write_book(folder / "案件.xlsx", CASE_HEADERS, rows), dossier_folder=folder / "x"
        )
    assert count(store, Case) == 0
    return info.value


def test_values_longer_or_larger_than_the_store_holds_are_refused_in_their_place(
    county: Store, admin: Actor, tmp_path: Path
) -> None:
    secret_party = "某" * 100_000
    rows = [
        case_row(**{"案号": "号" * 5_000}),
        case_row(**{"案号": "X2", "案由": "由" * 32_000}),
        case_row(**{"案号": "X3", "当事人": secret_party, "证件号码": person(5)}),
        case_row(**{"案号": "X4", "罚没金额": "100000000000000000000"}),
        case_row(**{"案号": "X5", "罚没金额": 1e20}),
    ]
    exc = refused_cases(county, admin, tmp_path, rows)
    assert places(exc) == {
        ("导入", 2, "案号"),
        ("导入", 3, "案由"),
        ("导入", 4, "当事人"),
        ("导入", 5, "罚没金额"),
        ("导入", 6, "罚没金额"),
    }
    assert all(len(e.message) < 200 for e in exc.errors)


def test_long_agency_and_officer_values_are_refused_in_their_place(
    county: Store, admin: Actor, tmp_path: Path
) -> None:
    with pytest.raises(ImportRefused) as info:
        import_agencies(
            county, admin, write_book(tmp_path / "a.xlsx", AGENCY_HEADERS, [{"名称": "局" * 100_000}])
        )
    assert places(info.value) == {("导入", 2, "名称")}
    rows = [{"姓名": "张" * 100_000, "身份证号": person(7), "执法主体": SCJ_SHORT, "职务": "职" * 41}]
    with pytest.raises(ImportRefused) as info:
        import_officers(
            county, admin, write_book(tmp_path / "o.xlsx", ["姓名", "身份证号", "执法主体", "职务"], rows)
        )
    assert places(info.value) == {("导入", 2, "姓名"), ("导入", 2, "职务")}
    assert count(county, Officer) == 2


def test_a_long_case_number_is_refused_on_entry(county: Store, admin: Actor) -> None:
    data = CaseInput(
        "号" * 5_000, SCJ_SHORT, "行政检查", "日常检查", "某某商店", date(2026, 6, 1), ("A-001",)
    )
    with pytest.raises(ValidationError) as info:
        create_case(county, admin, data)
    assert info.value.field == "case_no" and "60" in info.value.english()


def test_a_value_the_store_refuses_is_a_generic_refusal_without_the_row(
    store: Store, admin: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever slips past the checks: the driver's DataError never reaches the user or a log
    with the row's values (SQLite holds any length, so only PostgreSQL refuses)."""
    if store.kind != "postgresql":
        pytest.skip("SQLite stores any length")
    secret = "张三" + "某" * 200 + "341122198001010012"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ValidationError) as info:
        with store.unit_of_work() as uow:
            uow.session.add(Agency(name=secret))
            uow.session.flush()
    exc = info.value
    assert exc.field == "store" and secret not in str(exc) and "341122" not in exc.localized()
    assert exc.__cause__ is None and exc.__suppress_context__
    assert "341122198001010012" not in caplog.text and "某某某" not in caplog.text
    with pytest.raises(ValidationError) as info:
        with store.unit_of_work() as uow:
            uow.session.add(Agency(name="局\x00" + secret))
            uow.session.flush()
    assert info.value.field == "store" and "341122" not in str(info.value)


def test_a_schema_rule_broken_by_a_bug_is_reported_without_the_row(store: Store) -> None:
    """Still a bug (the crash dialog), but PostgreSQL's "Failing row contains (…)" stays out."""
    from desktop.models.db import StoreRuleBroken

    secret = "张三341122198001010012"
    with pytest.raises(StoreRuleBroken) as info:
        with store.unit_of_work() as uow:
            uow.session.add(Agency(name=None, short_name=secret, credit_code="x"))
            uow.session.flush()
    assert secret not in str(info.value) and "agencies" in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


# ------------------------------------------------------------------------------ 4. dossiers


def test_a_dossier_must_be_a_pdf_in_the_workbook_folder_or_the_dossier_folder(
    county: Store, admin: Actor, tmp_path: Path
) -> None:
    book_dir, dossiers, elsewhere = tmp_path / "book", tmp_path / "dossiers", tmp_path / "elsewhere"
    for folder in (book_dir / "卷宗", dossiers, elsewhere):
        folder.mkdir(parents=True)
    (book_dir / "卷宗" / "a.pdf").write_bytes(b"%PDF-1.7\n")
    (dossiers / "b.pdf").write_bytes(b"%PDF-1.4\n")
    (elsewhere / "c.pdf").write_bytes(b"%PDF-1.4\n")
    (book_dir / "卷宗" / "d.pdf").write_bytes(b"MZ not a pdf")
    try:
        os.symlink(elsewhere / "c.pdf", book_dir / "卷宗" / "link.pdf")
    except OSError:  # Windows without the right to make links: a link leading out is not possible
        (book_dir / "卷宗" / "link.pdf").write_bytes(b"not a pdf")
    depth = "../" * len(book_dir.resolve().parts)
    bad = [
        f"{depth}etc/passwd",
        "../elsewhere/c.pdf",
        str(elsewhere / "c.pdf"),
        "卷宗/d.pdf",
        "卷宗/link.pdf",
        "卷宗",
    ]
    rows = [case_row(**{"案号": f"X{i}", "卷宗": path}) for i, path in enumerate(bad)]
    with pytest.raises(ImportRefused) as info:
        import_cases(
            county, admin, write_book(book_dir / "案件.xlsx", CASE_HEADERS, rows), dossier_folder=dossiers
        )
    assert places(info.value) == {("导入", row, "卷宗") for row in range(2, 2 + len(bad))}
    messages = [e.message for e in info.value.errors]
    assert "is not a PDF file" in messages[3] and "outside" in messages[1]
    assert count(county, Case) == 0
    good = [
        case_row(**{"案号": "G1", "卷宗": "卷宗/a.pdf"}),
        case_row(**{"案号": "G2", "卷宗": str(dossiers / "b.pdf")}),
    ]
    path = write_book(book_dir / "好.xlsx", CASE_HEADERS, good)
    assert import_cases(county, admin, path, dossier_folder=dossiers).imported == 2


def test_the_dossier_folder_comes_from_the_settings(
    county: Store, admin: Actor, tmp_path: Path, data_dir
) -> None:
    from desktop.core.settings import Settings, save_settings

    dossiers = tmp_path / "共享卷宗"
    dossiers.mkdir()
    (dossiers / "b.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "book").mkdir()
    path = write_book(
        tmp_path / "book" / "案件.xlsx", CASE_HEADERS, [case_row(**{"卷宗": str(dossiers / "b.pdf")})]
    )
    with pytest.raises(ImportRefused):
        import_cases(county, admin, path)
    save_settings(Settings(dossier_dir=str(dossiers)))
    assert import_cases(county, admin, path).imported == 1


# ------------------------------------------------------------------------------ 6. dates, amounts


def test_implausible_dates_and_amounts_are_refused_on_import(
    county: Store, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        case_row(**{"案号": "X1", "立案日期": "9999-12-31"}),
        case_row(**{"案号": "X2", "立案日期": date(1900, 1, 1)}),
        case_row(**{"案号": "X3", "罚没金额": "1,2,3,4"}),
        case_row(**{"案号": "X4", "罚没金额": "1e3"}),
        case_row(**{"案号": "X5", "罚没金额": "-0"}),
        case_row(**{"案号": "X6", "罚没金额": "12,500.00"}),
    ]
    exc = refused_cases(county, admin, tmp_path, rows)
    assert places(exc) == {
        ("导入", 2, "立案日期"),
        ("导入", 3, "立案日期"),
        ("导入", 4, "罚没金额"),
        ("导入", 5, "罚没金额"),
        ("导入", 6, "罚没金额"),
    }
    officers = [
        {
            "姓名": "王五",
            "身份证号": person(9),
            "执法主体": SLJ,
            "执法证号": "W-1",
            "发证日期": "0001-01-01",
            "有效期至": "9999-12-31",
        }
    ]
    headers = ["姓名", "身份证号", "执法主体", "执法证号", "发证日期", "有效期至"]
    with pytest.raises(ImportRefused) as info:
        import_officers(county, admin, write_book(tmp_path / "o.xlsx", headers, officers))
    assert places(info.value) == {("导入", 2, "发证日期"), ("导入", 2, "有效期至")}


def test_implausible_dates_of_a_stage_or_a_suspended_period_are_refused(county: Store, admin: Actor) -> None:
    from desktop.cases.dto import StageInput
    from desktop.cases.periods import add_suspension
    from desktop.cases.stages import record_stage

    data = CaseInput(
        "X1",
        SCJ_SHORT,
        "行政处罚",
        "日常检查",
        "某某商店",
        date(2026, 6, 1),
        ("A-001",),
        procedure="普通程序",
    )
    case = create_case(county, admin, data)
    with pytest.raises(ValidationError) as info:
        record_stage(county, admin, case.id, case.version, StageInput("decided", date(1, 1, 1)))
    assert info.value.field == "decided_on" and "outside the years" in info.value.english()
    with pytest.raises(ValidationError) as info:
        add_suspension(county, admin, case.id, case.version, "鉴定", date(2026, 7, 1), date(9999, 12, 31))
    assert info.value.field == "end_on"
    with pytest.raises(ValidationError) as info:
        add_suspension(county, admin, case.id, case.version, "鉴定", date(2026, 7, 1), note="注" * 201)
    assert info.value.field == "note"


# ------------------------------------------------------------------------------ 7. invisible characters


def test_invisible_characters_in_names_and_case_numbers_are_refused(
    county: Store, admin: Actor, tmp_path: Path
) -> None:
    rows = [
        case_row(**{"案号": f"X市监检〔2026〕{ZWSP}1号"}),
        case_row(**{"案号": "X2", "当事人": f"某某{RLO}商店"}),
        case_row(**{"案号": "X3", "当事人": "某某\x7f商店"}),
    ]
    exc = refused_cases(county, admin, tmp_path, rows)
    assert places(exc) == {("导入", 2, "案号"), ("导入", 3, "当事人"), ("导入", 4, "当事人")}
    with pytest.raises(ImportRefused) as info:
        import_agencies(
            county,
            admin,
            write_book(
                tmp_path / "a.xlsx", AGENCY_HEADERS, [{"名称": f"示范县{ZWSP}水利局", "简称": f"县{RLO}局"}]
            ),
        )
    assert places(info.value) == {("导入", 2, "名称"), ("导入", 2, "简称")}
    rows = [{"姓名": f"张{ZWSP}三", "身份证号": person(8), "执法主体": SCJ_SHORT}]
    with pytest.raises(ImportRefused) as info:
        import_officers(
            county, admin, write_book(tmp_path / "o.xlsx", ["姓名", "身份证号", "执法主体"], rows)
        )
    assert places(info.value) == {("导入", 2, "姓名")}
    with pytest.raises(ValidationError) as error:
        create_officer(county, admin, OfficerInput(f"张{RLO}三", person(8), SCJ_SHORT))
    assert error.value.field == "name"
    with pytest.raises(ValidationError) as error:
        create_agency(county, admin, AgencyInput(f"测试县{ZWSP}局"))
    assert error.value.field == "name"
    data = CaseInput("X1", SCJ_SHORT, "行政检查", "日常检查", f"某某{ZWSP}商店", date(2026, 6, 1), ("A-001",))
    with pytest.raises(ValidationError) as error:
        create_case(county, admin, data)
    assert error.value.field == "party"


# ------------------------------------------------------------------------------ 10. scope and words


def test_an_agency_user_naming_another_agencys_officers_is_refused(county: Store, admin: Actor) -> None:
    with county.reading() as s:
        scj, slj = (s.execute(select(Agency.id).where(Agency.name == n)).scalar_one() for n in (SCJ, SLJ))
    create_user(county, admin, UserInput("shuili", "agency", "水利局用户", slj), PASSWORD)
    actor = authenticate(county, "shuili", PASSWORD)
    with pytest.raises(PermissionDenied):
        list_officers(county, actor, ListQuery(filters=(("agency_id", scj),)))
    assert list_officers(county, actor, ListQuery(filters=(("agency_id", slj),))).total == 0


# ------------------------------------------------------------------------------ the command line


class Desk:
    """Runs ``main.py`` subcommands in-process against one store."""

    def __init__(self, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.url, self.monkeypatch = url, monkeypatch

    def __call__(
        self, *args: str, user: str = "admin", password: str = "Chief-2026", lang: str = "en"
    ) -> tuple[int, str, str]:
        self.monkeypatch.setenv("DESK_PASSWORD", password)
        out, err = io.StringIO(), io.StringIO()
        code = cli(["--store", self.url, "--user", user, "--lang", lang, *args], out, err)
        return code, out.getvalue(), err.getvalue()


@pytest.fixture
def desk(county: Store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    return Desk(store_url, monkeypatch)


def test_as_of_outside_the_plausible_years_is_a_usage_error(desk: Desk) -> None:
    for day in ("0001-01-01", "9999-12-31", "1989-12-31"):
        for command in (("cases", "warnings"), ("cases", "list")):
            code, _out, err = desk("--as-of", day, *command)
            assert code == 2 and "outside the years 1990 to" in err and "Traceback" not in err
    assert desk("--as-of", "1990-01-01", "cases", "warnings")[0] == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"code": "X", "total": ' + "9" * 5_000 + "}", "a number with too many digits"),
        ('{"code": "X", "name": "a", "code": "Y"}', "the key code is given twice at code"),
        (
            '{"code": "X", "sections": [{"code": "1", "items": [{"points": 1, "points": 2}]}]}',
            "the key points is given twice at sections[0].items[0].points",
        ),
        (None, "is a folder"),
        ("nul", "U+0000"),
        ("long", "has 10000 characters; at most 40"),
    ],
)
def test_rubric_files_that_break_the_reader_are_refused_clearly(
    desk: Desk, tmp_path: Path, content: str | None, expected: str
) -> None:
    from desktop.review.rubrics import default_rubric_files, read_rubric_file

    path = tmp_path / "标准.json"
    if content is None:
        path.mkdir()
    elif content in ("nul", "long"):
        doc = read_rubric_file(default_rubric_files()[0])
        doc["code"] = "XZCF\x00-2026" if content == "nul" else "X" * 10_000
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(content, encoding="utf-8")
    code, _out, err = desk("rubric", "import", str(path))
    assert code == 1 and expected in err and "Traceback" not in err, err


def test_officers_list_for_another_agency_is_refused_like_cases_list(
    desk: Desk, county: Store, admin: Actor
) -> None:
    with county.reading() as s:
        slj = s.execute(select(Agency.id).where(Agency.name == SLJ)).scalar_one()
    create_user(county, admin, UserInput("shuili", "agency", "水利局用户", slj), PASSWORD)
    refusals = [
        desk(command, "list", "--agency", SCJ_SHORT, user="shuili", password=PASSWORD)
        for command in ("cases", "officers")
    ]
    assert [code for code, _out, _err in refusals] == [1, 1]
    assert refusals[0][2] == refusals[1][2] and "own agency" in refusals[0][2]
    assert desk("officers", "list", "--agency", SLJ, user="shuili", password=PASSWORD)[0] == 0


def test_refusals_in_the_chinese_interface_are_in_chinese(
    desk: Desk, tmp_path: Path, county: Store, admin: Actor
) -> None:
    path = write_book(tmp_path / "人员.xlsx", ["姓名", "姓名"], [{"姓名": "张三"}])
    code, _out, err = desk("officers", "import", str(path), lang="zh_CN")
    assert code == 1 and "缺少必填列" in err and "列重复" in err
    assert "missing required column" not in err and "duplicate column" not in err
    i18n.set_language("zh_CN")
    with pytest.raises(ImportRefused) as info:
        import_officers(county, admin, path)
    assert {e.message for e in info.value.errors} == {"缺少必填列", "列重复"}
    with county.reading() as s:
        slj = s.execute(select(Agency.id).where(Agency.name == SLJ)).scalar_one()
    create_user(county, admin, UserInput("shuili", "agency", "水利局用户", slj), PASSWORD)
    code, _out, err = desk("users", "list", user="shuili", password=PASSWORD, lang="zh_CN")
    assert code == 1 and "管理用户账号" in err and "manage_users" not in err and "agency" not in err
