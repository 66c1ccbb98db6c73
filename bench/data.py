"""Synthetic, valid-looking data for the benchmarks: a county's agencies, 100,000 officers with
certificates (bulk-inserted with SQLAlchemy Core), and officer workbooks in the import layout."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

from desktop.accounts.service import create_first_admin
from desktop.core.clock import Clock
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.core.security import Actor
from desktop.demo.personnel import POSITIONS, certificate_terms
from desktop.demo.seed import GIVEN, SURNAMES
from desktop.models import Agency, Certificate, CertificateEvent, CertificateValidity, Officer
from desktop.models.db import Store, open_store, sqlite_url
from desktop.personnel.certificate_store import FORM_EVENT
from desktop.personnel.dto import AGENCY_FIELDS

SEED = 2026
ADMIN, ADMIN_PASSWORD = "bench", "Timing-2026"
AREAS = ("341122", "341124", "341125", "341126", "341181", "341182", "341102", "341103")
TOWNS = ("城关镇", "临河镇", "汊河镇", "大柳镇", "张铺镇", "黄泥岗镇", "大英乡", "西王集镇")
# the most common surnames with their share of the population (王 ≈ 7 %), then the rest evenly
COMMON = {
    "王": 7.1,
    "李": 7.0,
    "张": 6.5,
    "刘": 5.3,
    "陈": 4.5,
    "杨": 3.1,
    "黄": 2.2,
    "赵": 2.0,
    "吴": 2.0,
    "周": 1.9,
}
REST = [s for s in SURNAMES if s not in COMMON]
SURNAME_POOL = list(COMMON) + REST
SURNAME_WEIGHTS = list(COMMON.values()) + [(100 - sum(COMMON.values())) / len(REST)] * len(REST)
TODAY = date(2026, 11, 23)
STAMP = "2026-11-23T02:00:00Z"


@dataclass(frozen=True)
class Agencies:
    """The agencies inserted: (id, full name) in order."""

    rows: tuple[tuple[int, str], ...]


def agency_rows(count: int = 60) -> list[dict]:
    """``count`` agencies: county bureaus and township governments with valid credit codes."""
    rows = []
    for i in range(1, count + 1):
        field = AGENCY_FIELDS[i % len(AGENCY_FIELDS)]
        level = "乡镇" if i % 5 == 0 else "县"
        name = (
            f"示范县{TOWNS[i % len(TOWNS)]}人民政府第{i}所"
            if level == "乡镇"
            else f"示范县{field}执法第{i}局"
        )
        code = make_credit_code(f"11341122{i:09d}")
        rows.append(
            {
                "id": i,
                "name": name,
                "short_name": f"执法{i}",
                "credit_code": code,
                "field": field,
                "level": level,
                "version": 1,
                "updated_at": STAMP,
                "updated_by": ADMIN,
            }
        )
    return rows


def officer_name(rng: random.Random) -> str:
    """A name drawn with realistic surname frequencies."""
    surname = rng.choices(SURNAME_POOL, SURNAME_WEIGHTS)[0]
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def officer(i: int, rng: random.Random, agency_ids: list[int], fields: dict[int, str]) -> dict:
    """Officer number ``i`` (unique 身份证号: birth day × sequence number)."""
    birth = date(1966, 1, 1) + timedelta(days=i % 10_000)
    id_number = make_resident_id(AREAS[(i // 10_000) % len(AREAS)], birth, i // 10_000 * 37 % 1000)
    agency_id = agency_ids[i % len(agency_ids)]
    return {
        "id": i + 1,
        "name": officer_name(rng),
        "id_number": id_number,
        "gender": "男" if int(id_number[16]) % 2 else "女",
        "agency_id": agency_id,
        "position": rng.choice(POSITIONS),
        "category": fields[agency_id],
        "region": TOWNS[i % len(TOWNS)],
        "version": 1,
        "updated_at": STAMP,
        "updated_by": ADMIN,
    }


def certificate(i: int, officer_id: int, rng: random.Random, *, current: bool) -> dict:
    """A 执法证 as the demo county makes them; a superseded one lies five years earlier."""
    issued, expires, status = certificate_terms(rng, TODAY)
    if not current:
        issued, expires = issued - timedelta(days=365 * 5), expires - timedelta(days=365 * 5)
    return {
        "id": i,
        "officer_id": officer_id,
        "number": f"34112201{i:07d}",
        "issued_on": issued,
        "expires_on": expires,
        "status": status,
        "current": current,
    }


def history_events(cert: dict) -> list[dict]:
    """A certificate's history as migration 0010 writes it: 发证 on the issue date and, for a status
    other than active, that state's event on the same date (invalid on every date)."""
    events = [
        {
            "certificate_id": cert["id"],
            "seq": 1,
            "kind": "issue",
            "on": cert["issued_on"],
            "reason": "",
            "recorded_by": "bench",
            "recorded_at": "",
        }
    ]
    kind = FORM_EVENT.get(cert["status"])
    if kind and kind != "restore":
        events.append(events[0] | {"seq": 2, "kind": kind, "reason": "基准数据"})
    return events


def validity(cert: dict) -> dict:
    """An active certificate's validity interval."""
    return {
        "certificate_id": cert["id"],
        "officer_id": cert["officer_id"],
        "valid_from": cert["issued_on"],
        "valid_to": cert["expires_on"],
    }


def fill_officers(store: Store, count: int, *, agencies: int = 60, chunk: int = 10_000) -> Agencies:
    """Bulk-insert ``agencies`` agencies and ``count`` officers, each with a current certificate
    and one in ten with an older, superseded one (Core executemany in chunks, then ANALYZE)."""
    rng = random.Random(SEED)
    a_rows = agency_rows(agencies)
    fields = {a["id"]: a["field"] for a in a_rows}
    ids = list(fields)
    cert_id = 0
    with store.engine.begin() as conn:
        conn.execute(Agency.__table__.insert(), a_rows)
        for start in range(0, count, chunk):
            officers = [officer(i, rng, ids, fields) for i in range(start, min(count, start + chunk))]
            certs = []
            for o in officers:
                if o["id"] % 10 == 0:
                    cert_id += 1
                    certs.append(certificate(cert_id, o["id"], rng, current=False))
                cert_id += 1
                certs.append(certificate(cert_id, o["id"], rng, current=True))
            conn.execute(Officer.__table__.insert(), officers)
            conn.execute(Certificate.__table__.insert(), certs)
            conn.execute(CertificateEvent.__table__.insert(), [e for c in certs for e in history_events(c)])
            valid = [validity(c) for c in certs if c["status"] == "active"]
            if valid:
                conn.execute(CertificateValidity.__table__.insert(), valid)
        if store.kind == "postgresql":
            # explicit ids: move the sequences past them, as the program's own inserts need
            for table in ("agencies", "officers", "certificates"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")  # planner statistics, as a store in use would have
    return Agencies(tuple((a["id"], a["name"]) for a in a_rows))


def new_store(url: str) -> tuple[Store, Actor]:
    """A store migrated to the newest schema, with the benchmark's administrator."""
    store = open_store(url, clock=Clock())
    return store, create_first_admin(store, ADMIN, ADMIN_PASSWORD, "基准测试")


def sqlite_store(folder: Path, name: str) -> tuple[Store, Actor]:
    """A new SQLite store in ``folder``."""
    return new_store(sqlite_url(folder / f"{name}.sqlite3"))


@contextmanager
def postgresql_url(url: str) -> Iterator[str]:
    """A temporary schema on the server of ``url`` (dropped afterwards); yields its URL."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def write_officer_workbook(path: Path, count: int, agency_names: list[str], *, offset: int = 500_000) -> Path:
    """``count`` new officers in the import layout (FORMATS.md §2), written with xlsxwriter."""
    import xlsxwriter

    from desktop.personnel.exchange import OFFICER_COLUMNS

    rng = random.Random(SEED + 1)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("执法人员")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, [c.header for c in OFFICER_COLUMNS])
    for n in range(count):
        i = offset + n
        birth = date(1966, 1, 1) + timedelta(days=i % 10_000)
        id_number = make_resident_id(AREAS[(i // 10_000) % len(AREAS)], birth, i // 10_000 * 37 % 1000)
        cert = certificate(i, 0, rng, current=True)
        agency = agency_names[n % len(agency_names)]
        row = n + 1
        sheet.write_row(
            row,
            0,
            [
                officer_name(rng),
                id_number,
                "男" if int(id_number[16]) % 2 else "女",
                agency,
                rng.choice(POSITIONS),
                cert["number"],
            ],
        )
        sheet.write_datetime(row, 6, cert["issued_on"], day)
        sheet.write_datetime(row, 7, cert["expires_on"], day)
        sheet.write_row(row, 8, [AGENCY_FIELDS[n % len(AGENCY_FIELDS)], TOWNS[n % len(TOWNS)]])
    book.close()
    return path
