"""The synthetic case register for the benchmarks: a county of 12 agencies, about 1,000 officers
with their certificate histories and cases filed 2017–2026 with 2–3 officers each (a few
percent of them warned about), bulk-loaded through the driver: ``executemany`` on SQLite,
``COPY`` on PostgreSQL, with the secondary indexes dropped during the load and rebuilt after it.
The SQLite file is kept in bench/out/, keyed by size, schema revision and generator version, and
copied for each run.
"""

from __future__ import annotations

import random
import shutil
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any

from bench.data import (
    ADMIN,
    ADMIN_PASSWORD,
    AREAS,
    STAMP,
    TODAY,
    TOWNS,
    new_store,
    officer_name,
)
from bench.timing import timed
from desktop.accounts.service import authenticate
from desktop.cases.checks import stage_of
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.core.security import Actor
from desktop.demo.personnel import AGENCIES, POSITIONS
from desktop.models import bigrams
from desktop.models.db import Store, head_revision, sqlite_url

FIRST_SCREEN_TARGET = 0.100
FILTER_TARGET = 0.200
SEARCH_TARGET = 0.050
"""Issue 9: a search over 1,000,000 cases in at most 50 ms on both databases."""
WARNINGS_TARGET = 2.0
IMPORT_TARGET = 20.0

GENERATOR = 3
"""Bump when the synthetic register changes: the cached SQLite files are keyed by it."""
SEED = 2026
AS_OF = TODAY
START = date(2017, 1, 1)
OUT = Path(__file__).resolve().parent / "out"

CODES = ("市监", "环", "交", "城管", "农", "文旅", "应急", "卫健", "自然资源", "水", "城关", "临河")
"""Each demo agency's 案号 abbreviation, in the order of ``desktop.demo.personnel.AGENCIES``."""
OFFICERS_PER_DEMO_OFFICER = 6
BRANDS = (
    "鑫源",
    "恒通",
    "宏达",
    "永盛",
    "华联",
    "金穗",
    "同福",
    "瑞丰",
    "德润",
    "兴隆",
    "汇通",
    "天和",
    "嘉禾",
    "万家",
    "顺发",
    "富民",
    "康泰",
    "新世纪",
    "百佳",
    "惠民",
    "长青",
    "利群",
    "红星",
    "佳美",
)
TRADES = (
    "商贸有限公司",
    "超市",
    "饭店",
    "建材经营部",
    "运输有限公司",
    "农资店",
    "网吧",
    "药房",
    "诊所",
    "建筑工程有限公司",
    "养殖场",
    "砂石厂",
    "便利店",
    "五金店",
    "物流有限公司",
    "餐饮管理有限公司",
)
SEARCH = "鑫源"
"""A party-name fragment: one brand in 24, in about 60 % of the parties (≈ 2.5 % of the cases).
Two characters: no trigram, so the search goes through the index of pairs (migration 0015)."""
ONE_CHARACTER_SEARCH = "鑫"
"""One character (the index of pairs' prefix query)."""
INDEXED_SEARCH = "鑫源超市"
"""A fragment long enough for the trigram index (≈ 0.2 % of the cases)."""
INDEXED_SEARCH_TARGET = 0.050
CAUSES = {
    "市场监管": (
        "销售过期食品",
        "未按规定公示经营信息",
        "销售不合格产品",
        "虚假宣传",
        "无照经营",
        "未建立进货查验记录",
    ),
    "生态环境": ("未批先建", "超标排放大气污染物", "未按规定贮存危险废物", "噪声扰民", "私设暗管排污"),
    "交通运输": ("超限运输", "非法营运", "未按规定进行车辆年审", "擅自改装车辆", "道路货运超载"),
    "城市管理": ("违规占道经营", "擅自设置户外广告", "违法建设", "乱倒建筑垃圾", "露天焚烧"),
    "农业农村": ("经营假劣农药", "违规使用兽药", "无证收购生猪", "非法捕捞"),
    "文化市场": ("网吧接纳未成年人", "未经许可经营演出", "擅自从事出版物发行"),
    "应急管理": ("未按规定开展安全培训", "未落实安全生产责任", "违规储存危险化学品"),
    "卫生健康": ("非法行医", "未取得健康证明从业", "公共场所卫生不合格"),
    "自然资源": ("非法占用耕地", "未经批准擅自采砂", "违法批准用地"),
    "其他": ("违反河道管理规定", "违规取水", "未按规定申报"),
}
BASES = (
    "《中华人民共和国行政处罚法》第二十八条",
    "《中华人民共和国食品安全法》第一百二十四条",
    "《中华人民共和国道路运输条例》第六十三条",
    "《城市市容和环境卫生管理条例》第三十六条",
)
CASE_COLUMNS = [
    "id",
    "agency_id",
    "case_no",
    "category",
    "procedure",
    "source",
    "cause",
    "party",
    "party_type",
    "party_id_number",
    "stage",
    "discovered_on",
    "filed_on",
    "investigated_on",
    "legal_review_on",
    "decided_on",
    "served_on",
    "published_on",
    "executed_on",
    "closed_on",
    "measures",
    "measure_on",
    "measure_released_on",
    "measure_extended",
    "decision_extension_days",
    "penalty_kinds",
    "amount",
    "major",
    "legal_basis",
    "officer_count",
    "version",
    "updated_at",
    "updated_by",
]
"""The columns of the generated rows, in their order (a column the schema adds fails the load loudly)."""
OFFICER_COLUMNS = [
    "id",
    "name",
    "id_number",
    "gender",
    "agency_id",
    "position",
    "category",
    "region",
    "version",
    "updated_at",
    "updated_by",
]
CERT_COLUMNS = ["id", "officer_id", "number", "issued_on", "expires_on", "status", "current"]
SUSPENSION_COLUMNS = ["id", "case_id", "kind", "start_on", "end_on", "note"]
DISPOSITION_COLUMNS = ["id", "case_id", "code", "note", "handled_at", "handled_by"]


# ---------------------------------------------------------------------------- the synthetic county


@dataclass
class County:
    """What the generator made, for the measurements and the import workbook."""

    agencies: list[tuple[int, str, str]] = field(default_factory=list)
    """(id, name, short name)."""
    officers: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict)
    """agency id → (officer id, name, current certificate number)."""


def _days(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(days=rng.randint(low, high))


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _pick(rng: random.Random, table: Sequence[tuple[float, Any]]) -> Any:
    roll = rng.random()
    for share, value in table:
        if roll < share:
            return value
        roll -= share
    return table[-1][1]


def county_people(rng: random.Random) -> tuple[County, list[dict], list[tuple], list[tuple]]:
    """12 agencies, ~1,000 officers and their certificate histories (five-year terms renewed,
    a few late; a few not renewed at all)."""
    county = County()
    agencies, officers, certs = [], [], []
    oid = cid = 0
    for i, (name, short, fld, level, n) in enumerate(AGENCIES, 1):
        agencies.append(
            {
                "id": i,
                "name": name,
                "short_name": short,
                "credit_code": make_credit_code(f"11341122{i:09d}"),
                "field": fld,
                "level": level,
                "version": 1,
                "updated_at": STAMP,
                "updated_by": ADMIN,
            }
        )
        county.agencies.append((i, name, short))
        county.officers[i] = []
        for _ in range(n * OFFICERS_PER_DEMO_OFFICER):
            oid += 1
            birth = date(1966, 1, 1) + timedelta(days=oid * 7)
            id_number = make_resident_id(AREAS[oid % len(AREAS)], birth, oid % 1000)
            name_ = officer_name(rng)
            officers.append(
                (
                    oid,
                    name_,
                    id_number,
                    "男" if int(id_number[16]) % 2 else "女",
                    i,
                    rng.choice(POSITIONS),
                    fld,
                    TOWNS[oid % len(TOWNS)],
                    1,
                    STAMP,
                    ADMIN,
                )
            )
            issued = date(2012, 1, 1) + _days(rng, 0, 1500)
            lapsed = rng.random() < 0.03
            history = []
            while issued <= AS_OF:
                expires = _years_later(issued, 5) - timedelta(days=1)
                history.append((issued, expires))
                if lapsed and expires > AS_OF - timedelta(days=700):
                    break
                issued = expires + (_days(rng, 20, 150) if rng.random() < 0.05 else timedelta(days=1))
            for k, (issued_on, expires_on) in enumerate(history):
                cid += 1
                current = k == len(history) - 1
                status = "suspended" if current and rng.random() < 0.015 else "active"
                certs.append((cid, oid, f"34112201{cid:07d}", issued_on, expires_on, status, current))
            county.officers[i].append((oid, name_, f"34112201{cid:07d}"))
    return county, agencies, officers, certs


def party_pool(rng: random.Random, size: int = 30_000) -> list[tuple[str, str, str | None]]:
    """(当事人, 当事人类型, 证件号码): people and businesses of the county, many seen more than once."""
    pool = []
    for n in range(size):
        if rng.random() < 0.4:
            birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 20_000))
            number = make_resident_id(AREAS[n % len(AREAS)], birth, n % 1000) if rng.random() < 0.5 else None
            pool.append((officer_name(rng), "自然人", number))
        else:
            name = f"示范县{rng.choice(TOWNS)}{rng.choice(BRANDS)}{rng.choice(TRADES)}"
            number = make_credit_code(f"92341122{n:09d}") if rng.random() < 0.6 else None
            pool.append(
                (name, "其他组织" if name.endswith(("店", "部", "场", "厂", "吧")) else "法人", number)
            )
    return pool


def _filed_dates(rng: random.Random, count: int) -> list[date]:
    """``count`` 立案 dates from 2017 to a few days before the as-of date, growing over time, sorted."""
    span = (AS_OF - timedelta(days=3) - START).days
    return sorted(START + timedelta(days=int(span * rng.random() ** 0.8)) for _ in range(count))


class CaseMaker:
    """One synthetic case at a time: its row, its officers, a suspension and a disposition."""

    def __init__(
        self, rng: random.Random, county: County, parties: list[tuple[str, str, str | None]]
    ) -> None:
        self.rng, self.county, self.parties = rng, county, parties
        self.weights = list(accumulate(n for *_, n in AGENCIES))
        self.fields = {i: f for i, (_n, _s, f, _l, _c) in enumerate(AGENCIES, 1)}
        self.numbers: dict[tuple[int, str, int], int] = {}
        self.suspension_id = self.disposition_id = 0

    def make(self, case_id: int, filed: date) -> tuple[tuple, list[tuple], list[tuple], list[tuple]]:
        rng = self.rng
        agency = bisect(self.weights, rng.random() * self.weights[-1]) + 1
        category, procedure = _pick(
            rng,
            (
                (0.27, ("行政处罚", "简易程序")),
                (0.33, ("行政处罚", "普通程序")),
                (0.30, ("行政检查", None)),
                (0.10, ("行政强制", None)),
            ),
        )
        party, party_type, party_id = rng.choice(self.parties)
        d: dict[str, Any] = dict.fromkeys(
            (
                "discovered_on",
                "investigated_on",
                "legal_review_on",
                "decided_on",
                "served_on",
                "published_on",
                "executed_on",
                "closed_on",
                "measure_on",
                "measure_released_on",
            )
        )
        if rng.random() < 0.7:
            d["discovered_on"] = filed - _days(rng, 0, 5)
        c: dict[str, Any] = {
            "measures": None,
            "measure_extended": False,
            "penalty_kinds": None,
            "amount": None,
            "major": False,
            "legal_basis": None,
            "decision_extension_days": 0,
        }
        suspensions: list[tuple] = []
        if procedure == "普通程序":
            self._ordinary(filed, d, c, case_id, suspensions)
        elif procedure == "简易程序":
            self._summary(filed, d, c, party_type)
        elif category == "行政强制":
            self._coercion(filed, d, c)
        elif filed + timedelta(days=20) <= AS_OF:
            d["closed_on"] = filed + _days(rng, 1, 20)
        for key, value in d.items():
            if value is not None and value > AS_OF:
                d[key] = None
        if d["decided_on"] is None:
            for key in ("served_on", "published_on", "executed_on"):
                d[key] = None
        if d["measure_on"] is None:
            d["measure_released_on"] = None
        stage = stage_of(d)
        kind = {"行政处罚": "罚", "行政强制": "强", "行政检查": "检"}[category]
        key = (agency, kind, filed.year)
        self.numbers[key] = self.numbers.get(key, 0) + 1
        case_no = f"示{CODES[agency - 1]}{kind}〔{filed.year}〕{self.numbers[key]}号"
        pool = self.county.officers[agency]
        n = 1 if rng.random() < 0.01 else (2 if rng.random() < 0.6 else 3)
        officers = [(case_id, o[0], k) for k, o in enumerate(rng.sample(pool, n))]
        row = (
            case_id,
            agency,
            case_no,
            category,
            procedure,
            rng.choice(("监督检查", "监督检查", "投诉举报", "移送", "上级交办", "其他")),
            rng.choice(CAUSES[self.fields[agency]]),
            party,
            party_type,
            party_id,
            stage,
            d["discovered_on"],
            filed,
            d["investigated_on"],
            d["legal_review_on"],
            d["decided_on"],
            d["served_on"],
            d["published_on"],
            d["executed_on"],
            d["closed_on"],
            c["measures"],
            d["measure_on"],
            d["measure_released_on"],
            c["measure_extended"],
            c["decision_extension_days"],
            c["penalty_kinds"],
            c["amount"],
            c["major"],
            c["legal_basis"],
            n,
            1,
            STAMP,
            ADMIN,
        )
        dispositions = []
        if n == 1 and rng.random() < 0.3:
            self.disposition_id += 1
            dispositions.append(
                (self.disposition_id, case_id, "single_officer", "已约谈承办机构负责人", STAMP, ADMIN)
            )
        return row, officers, suspensions, dispositions

    def _ordinary(self, filed: date, d: dict, c: dict, case_id: int, suspensions: list[tuple]) -> None:
        rng = self.rng
        lag = _pick(rng, ((0.96, (15, 88)), (0.03, (91, 130)), (0.01, (5000, 5000))))
        decided = filed + _days(rng, *lag)
        d["decided_on"] = decided
        d["investigated_on"] = decided - _days(rng, 3, 10)
        c["major"] = rng.random() < 0.06
        if (c["major"] and rng.random() < 0.97) or rng.random() < 0.3:
            d["legal_review_on"] = decided - _days(rng, 0, 4)
        d["served_on"] = decided + _days(
            rng, *_pick(rng, ((0.98, (0, 6)), (0.015, (8, 20)), (0.005, (9000, 9000))))
        )
        d["published_on"] = decided + _days(
            rng, *_pick(rng, ((0.97, (0, 7)), (0.025, (15, 30)), (0.005, (9000, 9000))))
        )
        d["executed_on"] = decided + _days(rng, 5, 60)
        d["closed_on"] = d["executed_on"] + _days(rng, 1, 30)
        kinds = _pick(rng, ((0.7, "罚款"), (0.15, "警告"), (0.15, "罚款、没收违法所得")))
        c["penalty_kinds"] = kinds
        if "罚款" in kinds:
            c["amount"] = Decimal(int(10 ** rng.uniform(2.7, 5.3)) // 100 * 100)
        c["legal_basis"] = rng.choice(BASES)
        if rng.random() < 0.005:
            self.suspension_id += 1
            start = filed + _days(rng, 5, 30)
            suspensions.append(
                (
                    self.suspension_id,
                    case_id,
                    rng.choice(("检测", "鉴定")),
                    start,
                    start + _days(rng, 5, 30),
                    None,
                )
            )

    def _summary(self, filed: date, d: dict, c: dict, party_type: str) -> None:
        rng = self.rng
        d["decided_on"] = d["served_on"] = filed
        d["closed_on"] = filed + _days(rng, 0, 3)
        c["penalty_kinds"] = "罚款"
        person = party_type == "自然人"
        if rng.random() < 0.01:
            c["amount"] = Decimal(rng.randint(3, 5) * 100 if person else rng.randint(35, 50) * 100)
        else:
            c["amount"] = Decimal(rng.choice((50, 100, 200)) if person else rng.randint(5, 30) * 100)

    def _coercion(self, filed: date, d: dict, c: dict) -> None:
        rng = self.rng
        c["measures"] = _pick(rng, ((0.45, "查封"), (0.45, "扣押"), (0.05, "冻结"), (0.05, "查封、扣押")))
        d["measure_on"] = filed
        c["measure_extended"] = rng.random() < 0.02
        held = (
            (31, 59)
            if c["measure_extended"]
            else _pick(rng, ((0.97, (3, 29)), (0.025, (31, 45)), (0.005, (9000, 9000))))
        )
        d["measure_released_on"] = filed + _days(rng, *held)
        d["closed_on"] = d["measure_released_on"] + _days(rng, 0, 10)


def generate(
    count: int, chunk: int = 20_000
) -> tuple[County, list[dict], list[tuple], list[tuple], Iterator[tuple[list, list, list, list]]]:
    """The county's people, and its ``count`` cases in chunks (deterministic for a size)."""
    rng = random.Random(SEED)
    county, agencies, officers, certs = county_people(rng)
    maker = CaseMaker(rng, county, party_pool(rng))
    filed = _filed_dates(rng, count)

    def chunks() -> Iterator[tuple[list, list, list, list]]:
        for start in range(0, count, chunk):
            cases, links, suspensions, dispositions = [], [], [], []
            for case_id in range(start + 1, min(count, start + chunk) + 1):
                row, officers_, susp, disp = maker.make(case_id, filed[case_id - 1])
                cases.append(row)
                links += officers_
                suspensions += susp
                dispositions += disp
            yield cases, links, suspensions, dispositions

    return county, agencies, officers, certs, chunks()


# ---------------------------------------------------------------------------- bulk load

TABLES = (
    "agencies",
    "officers",
    "certificates",
    "cases",
    "case_officers",
    "case_suspensions",
    "warning_dispositions",
)


def _secondary_indexes(store: Store) -> list[tuple[str, str]]:
    """(name, CREATE INDEX …) of the ``ix_`` indexes of the tables the load fills."""
    names = ", ".join(f"'{t}'" for t in TABLES)
    with store.engine.connect() as conn:
        if store.kind == "sqlite":
            rows = conn.exec_driver_sql(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                f"AND tbl_name IN ({names}) AND substr(name, 1, 3) = 'ix_'"
            ).all()
        else:
            rows = conn.exec_driver_sql(
                f"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                f"current_schema() AND tablename IN ({names}) AND left(indexname, 3) = 'ix_'"
            ).all()
    return [(r[0], r[1]) for r in rows]


def _sqlite_value(v: Any) -> Any:
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, bool):
        return int(v)
    return v


def load(store: Store, count: int, log: Callable[[str], None] = print) -> County:
    """Bulk-load the synthetic county with ``count`` cases (secondary indexes rebuilt after)."""
    county, agencies, officers, certs, chunks = generate(count)
    indexes = _secondary_indexes(store)
    raw = store.engine.raw_connection()
    pg = store.kind == "postgresql"
    try:
        cur = raw.cursor()
        if not pg:
            cur.execute("PRAGMA foreign_keys=OFF")
            cur.execute("BEGIN")
        for name, _sql in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        triggers = [] if pg else _drop_search_triggers(cur)
        write = _copy_writer(cur) if pg else _sqlite_writer(cur)
        write("agencies", list(agencies[0]), [tuple(a.values()) for a in agencies])
        write("officers", OFFICER_COLUMNS, officers)
        write("certificates", CERT_COLUMNS, certs)
        done = 0
        for cases, links, suspensions, dispositions in chunks:
            write("cases", CASE_COLUMNS, cases)
            write("case_officers", ["case_id", "officer_id", "position"], links)
            write("case_suspensions", SUSPENSION_COLUMNS, suspensions)
            write("warning_dispositions", DISPOSITION_COLUMNS, dispositions)
            done += len(cases)
            if done % 200_000 == 0:
                log(f"    {done:,} cases")
        for _name, sql in indexes:
            cur.execute(sql)
        if triggers:  # the FTS tables of the search, filled once instead of row by row
            cur.execute("INSERT INTO cases_fts (cases_fts) VALUES ('rebuild')")
            cur.execute(
                f"INSERT INTO {bigrams.FTS_TABLE} (rowid, grams) SELECT id, grams FROM {bigrams.SOURCE_VIEW}"
            )
            for sql in triggers:
                cur.execute(sql)
        if pg:
            for table in (
                "agencies",
                "officers",
                "certificates",
                "cases",
                "case_suspensions",
                "warning_dispositions",
            ):
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"GREATEST((SELECT max(id) FROM {table}), 1))"
                )
            raw.commit()
        else:
            cur.execute("COMMIT")
            cur.execute("PRAGMA foreign_keys=ON")
        cur.close()
    finally:
        raw.close()
    _analyze(store)
    return county


def _drop_search_triggers(cur: Any) -> list[str]:
    """Drop the triggers that keep the search's FTS table in step with ``cases``; their SQL."""
    cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases'")
    triggers = cur.fetchall()
    for name, _sql in triggers:
        cur.execute(f'DROP TRIGGER "{name}"')
    return [sql for _name, sql in triggers]


def _sqlite_writer(cur: Any) -> Callable[[str, list[str], list[tuple]], None]:
    def write(table: str, columns: list[str], rows: list[tuple]) -> None:
        if rows:
            sql = f"INSERT INTO {table} ({', '.join(f'{c}' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
            cur.executemany(sql, [tuple(_sqlite_value(v) for v in row) for row in rows])

    return write


def _copy_writer(cur: Any) -> Callable[[str, list[str], list[tuple]], None]:
    def write(table: str, columns: list[str], rows: list[tuple]) -> None:
        if rows:
            quoted = ", ".join(f'"{c}"' for c in columns)
            with cur.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    return write


def _analyze(store: Store) -> None:
    """Planner statistics (and, on PostgreSQL, the visibility map) as a store in use would have."""
    if store.kind == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM ANALYZE {', '.join(TABLES)}")
    else:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def county_of(store: Store) -> County:
    """The county of a loaded store (a cached file) for the measurements."""
    county = County()
    with store.engine.connect() as conn:
        county.agencies = [
            tuple(r) for r in conn.exec_driver_sql("SELECT id, name, short_name FROM agencies ORDER BY id")
        ]
        for agency_id, officer_id, name, number in conn.exec_driver_sql(
            "SELECT o.agency_id, o.id, o.name, c.number FROM officers o JOIN certificates c "
            'ON c.officer_id = o.id AND c."current" = {} ORDER BY o.id'.format(
                "true" if store.kind == "postgresql" else "1"
            )
        ):
            county.officers.setdefault(agency_id, []).append((officer_id, name, number))
    return county


def sqlite_register(
    folder: Path, count: int, log: Callable[[str], None] = print
) -> tuple[Store, Actor, County]:
    """A copy of the cached SQLite register of ``count`` cases (made and cached the first time)."""
    OUT.mkdir(exist_ok=True)
    cached = OUT / f"cases-{count}-rev{head_revision()}-g{GENERATOR}.sqlite3"
    if not cached.exists():
        partial = cached.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        store, _actor = new_store(sqlite_url(partial))
        try:
            seconds, _ = timed(lambda: load(store, count, log))
        finally:
            store.dispose()
        for extra in ("-wal", "-shm"):
            Path(str(partial) + extra).unlink(missing_ok=True)
        partial.rename(cached)
        log(f"  SQLite: {count:,} cases generated in {seconds:.0f} s (cached as bench/out/{cached.name})")
    target = folder / f"cases-{count}.sqlite3"
    shutil.copyfile(cached, target)
    store = Store(sqlite_url(target))
    actor = authenticate(store, ADMIN, ADMIN_PASSWORD)
    return store, actor, county_of(store)


def postgresql_register(
    url: str, count: int, log: Callable[[str], None] = print
) -> tuple[Store, Actor, County, float]:
    """A new store on the schema ``url`` names, loaded with ``count`` cases (COPY); the seconds taken."""
    store, actor = new_store(url)
    seconds, county = timed(lambda: load(store, count, log))
    return store, actor, county, seconds
