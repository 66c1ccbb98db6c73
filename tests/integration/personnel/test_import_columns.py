"""Issue 16 item 2, on both databases: a re-import with fewer columns leaves the fields of absent
columns as they are; an empty cell in a present column clears a free field; the summary says how
many rows changed and which columns; the audit holds the changed fields only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select

from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models import AuditRecord
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.exchange import import_agencies, import_officers
from desktop.personnel.service import create_agency, create_officer, get_officer, list_agencies

SCJ = "示范县市场监督管理局"
CODE = "91350100M000100Y43"


def write_book(path: Path, headers: list[str], rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def last_audit(store: Store, entity: str) -> tuple[str, Any, Any]:
    with store.reading() as s:
        r = s.execute(
            select(AuditRecord).where(AuditRecord.entity == entity).order_by(AuditRecord.id.desc()).limit(1)
        ).scalar_one()
        return r.action, json.loads(r.before), json.loads(r.after)


def officer_setup(store: Store, admin: Actor) -> tuple[str, int]:
    create_agency(store, admin, AgencyInput(SCJ, "县市场监管局", field="市场监管", level="县"))
    number = make_resident_id("341122", date(1980, 1, 1), 1)
    row = create_officer(
        store,
        admin,
        OfficerInput(
            "张三",
            number,
            SCJ,
            position="科长",
            category="市场监管",
            region="城关镇",
            cert_number="A-001",
            cert_issued_on=date(2020, 1, 1),
            cert_expires_on=date(2030, 1, 1),
        ),
    )
    return number, row.id


def test_an_officers_sheet_with_fewer_columns_keeps_the_rest(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    number, officer_id = officer_setup(store, admin)
    path = write_book(tmp_path / "人员.xlsx", ["姓名", "身份证号", "执法主体"], [["张三", number, SCJ]])
    result = import_officers(store, admin, path)
    assert (result.imported, result.skipped, result.updated, result.fields) == (0, 1, 0, ())
    o = get_officer(store, admin, officer_id)
    assert (o.position, o.category, o.region, o.cert_number) == ("科长", "市场监管", "城关镇", "A-001")
    assert (o.cert_issued_on, o.cert_expires_on, o.cert_state) == (
        date(2020, 1, 1),
        date(2030, 1, 1),
        "valid",
    )


def test_an_officers_empty_cells_clear_free_fields_and_keep_the_certificate(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    number, officer_id = officer_setup(store, admin)
    headers = ["姓名", "身份证号", "执法主体", "职务", "执法证号", "执法区域"]
    path = write_book(tmp_path / "人员.xlsx", headers, [["张三", number, SCJ, None, None, "城南"]])
    result = import_officers(store, admin, path)
    assert (result.imported, result.updated, result.fields) == (1, 1, ("职务", "执法区域"))
    assert result.as_dict() == {
        "imported": 1,
        "skipped": 0,
        "errors": [],
        "updated": 1,
        "fields": ["职务", "执法区域"],
    }
    o = get_officer(store, admin, officer_id)
    assert (o.position, o.category, o.region, o.cert_number) == (None, "市场监管", "城南", "A-001")
    assert last_audit(store, "officer") == (
        "update",
        {"position": "科长", "region": "城关镇"},
        {"position": None, "region": "城南"},
    )


def test_an_officers_new_expiry_without_the_issue_column(store: Store, admin: Actor, tmp_path: Path) -> None:
    number, officer_id = officer_setup(store, admin)
    headers = ["姓名", "身份证号", "执法主体", "执法证号", "有效期至"]
    path = write_book(tmp_path / "人员.xlsx", headers, [["张三", number, SCJ, "A-001", "2031-01-01"]])
    result = import_officers(store, admin, path)
    assert (result.updated, result.fields) == (1, ("有效期至",))
    o = get_officer(store, admin, officer_id)
    assert (o.cert_number, o.cert_issued_on, o.cert_expires_on) == (
        "A-001",
        date(2020, 1, 1),
        date(2031, 1, 1),
    )


def test_an_agencies_sheet_with_only_names_keeps_the_rest(store: Store, admin: Actor, tmp_path: Path) -> None:
    create_agency(store, admin, AgencyInput(SCJ, "县市场监管局", CODE, "市场监管", "县"))
    result = import_agencies(store, admin, write_book(tmp_path / "主体.xlsx", ["名称"], [[SCJ]]))
    assert (result.imported, result.skipped, result.updated) == (0, 1, 0)
    a = list_agencies(store, admin).items[0]
    assert (a.short_name, a.credit_code, a.field, a.level) == ("县市场监管局", CODE, "市场监管", "县")


def test_an_agencies_present_column_changes_only_its_field(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    create_agency(store, admin, AgencyInput(SCJ, "县市场监管局", CODE, "市场监管", "县"))
    path = write_book(
        tmp_path / "主体.xlsx", ["名称", "简称", "层级"], [[SCJ, None, "市"], ["示范县水利局", None, None]]
    )
    result = import_agencies(store, admin, path)
    assert (result.imported, result.skipped, result.updated, result.fields) == (2, 0, 1, ("简称", "层级"))
    a = next(a for a in list_agencies(store, admin).items if a.name == SCJ)
    assert (a.short_name, a.credit_code, a.field, a.level) == (None, CODE, "市场监管", "市")
    with store.reading() as s:
        update = s.execute(
            select(AuditRecord.before, AuditRecord.after).where(
                AuditRecord.entity == "agency", AuditRecord.action == "update"
            )
        ).one()
    assert json.loads(update.before) == {"short_name": "县市场监管局", "level": "县"}
    assert json.loads(update.after) == {"short_name": None, "level": "市"}
