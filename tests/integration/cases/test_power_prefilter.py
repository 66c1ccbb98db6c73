"""The SQL pre-filter of the power checks (``power_facts.power_candidates``) and of the lenient
repeat party (``repeat_candidates``, ``prior_penalties`` in one query), on both databases: on a
mixed, seeded register full of near misses (the bands' limits to the cent, versions changing and
expiring around the 立案 date, kinds a band does not allow, 不予处罚 with 0 and 0.01, repeat
parties a year less or more a day apart), the warning centre's path gives exactly the warnings
of the full rules run over every case, and the pre-filter reads only a part of the cases citing
a power."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select

from desktop.cases import repository as repo
from desktop.cases.power_facts import power_candidates, prior_penalties
from desktop.cases.rules import findings
from desktop.cases.supervision import list_warnings
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.core.identifiers import make_credit_code
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models import Agency, Case, Power, PowerBand
from desktop.models.db import Store
from desktop.models.queries import dialect_of

NONE_KINDS: tuple[str, ...] = ()
# (code, agency index, effective, expires, bands: (band, kinds, min, max))
CATALOGUE = [
    (
        "P1",
        0,
        date(2020, 1, 1),
        date(2025, 12, 31),
        [
            ("不予处罚", None, None, None),
            ("从轻", "警告、罚款", 1000, 5000),
            ("一般", "罚款", 5000, 10000),
        ],
    ),
    (
        "P1",
        0,
        date(2026, 1, 1),
        None,
        [
            ("不予处罚", None, None, None),
            ("减轻", "罚款", None, 2000),
            ("从轻", "警告、罚款", 2000, 6000),
            ("一般", "罚款、没收违法所得", 6000, 12000),
            ("从重", "罚款、没收违法所得、责令停产停业", 12000, None),
        ],
    ),
    ("P2", 0, date(2020, 1, 1), date(2026, 2, 28), [("一般", "罚款", 1000, 2000), ("从轻", None, 500, 1000)]),
    ("T1", 1, date(2020, 1, 1), None, [("一般", "罚款", 1000, 3000)]),
]
KINDS = ("警告", "罚款", "没收违法所得", "责令停产停业")
AMOUNTS = (
    None,
    "0",
    "0.01",
    "500",
    "999.99",
    "1000",
    "1000.01",
    "2000",
    "2000.01",
    "4999.99",
    "5000",
    "5000.01",
    "6000",
    "6000.01",
    "10000",
    "11999.99",
    "12000",
    "12000.01",
    "50000",
)
FILED = (
    date(2025, 12, 30),
    date(2025, 12, 31),
    date(2026, 1, 1),
    date(2026, 2, 27),
    date(2026, 2, 28),
    date(2026, 3, 1),
    date(2026, 6, 1),
)
BANDS = (None, "不予处罚", "减轻", "从轻", "一般", "从重")
POWERS = ("P1", "P1", "P1", "P2", "T1", "PX", None)
PARTIES = [make_credit_code(f"91341122MA{n:07d}") for n in range(1, 6)]


def _fill(store: Store, count: int = 600) -> None:
    rng = random.Random(2026)
    with store.unit_of_work() as uow:
        session = uow.session
        agencies = [
            Agency(name="县市场监管局全称", short_name="县市场监管局"),
            Agency(name="县交通局全称", short_name="县交通局"),
        ]
        session.add_all(agencies)
        session.flush()
        for code, agency, effective, expires, bands in CATALOGUE:
            power = Power(
                code=code,
                agency_id=agencies[agency].id,
                name=f"事项{code}",
                category="行政处罚",
                legal_basis="某条",
                effective_on=effective,
                expires_on=expires,
            )
            power.bands = [
                PowerBand(
                    position=n,
                    band=band,
                    penalty_kinds=kinds,
                    fine_min=None if low is None else Decimal(low),
                    fine_max=None if high is None else Decimal(high),
                )
                for n, (band, kinds, low, high) in enumerate(bands)
            ]
            session.add(power)
        session.flush()
        rows = []
        for n in range(count):
            filed = rng.choice(FILED)
            decided = rng.choice(
                (None, filed + timedelta(days=20), filed + timedelta(days=rng.randrange(1, 400)))
            )
            kinds = [k for k in KINDS if rng.random() < 0.3]
            amount = rng.choice(AMOUNTS)
            rows.append(
                {
                    "agency_id": agencies[0 if rng.random() < 0.8 else 1].id,
                    "case_no": f"罚{n:04d}",
                    "category": "行政处罚" if rng.random() < 0.9 else "行政强制",
                    "procedure": "普通程序",
                    "cause": "混合",
                    "party": f"当事人{n}",
                    "party_id_number": rng.choice((*PARTIES, None, None)),
                    "stage": "decided" if decided else "filed",
                    "filed_on": filed,
                    "decided_on": decided,
                    "served_on": decided,
                    "published_on": decided,
                    "penalty_kinds": "、".join(kinds) or None,
                    "amount": None if amount is None else Decimal(amount),
                    "officer_count": 2,
                    "power_code": rng.choice(POWERS),
                    "discretion_band": rng.choice(BANDS),
                }
            )
        grid = [
            (code, band, amount, kinds, filed)
            for code, days in (("P1", FILED[1:3]), ("P2", FILED[4:6]))
            for band in BANDS[1:]
            for amount in AMOUNTS
            for kinds in ("罚款", "警告、罚款", None)
            for filed in days
        ]
        for n, (code, band, amount, kinds, filed) in enumerate(grid):
            rows.append(
                {
                    **rows[0],
                    "agency_id": agencies[0].id,
                    "case_no": f"边界{n:04d}",
                    "party_id_number": None,
                    "stage": "decided",
                    "filed_on": filed,
                    "decided_on": filed + timedelta(days=20),
                    "served_on": filed + timedelta(days=20),
                    "published_on": filed + timedelta(days=20),
                    "penalty_kinds": kinds,
                    "amount": None if amount is None else Decimal(amount),
                    "power_code": code,
                    "discretion_band": band,
                    "category": "行政处罚",
                }
            )
        session.execute(insert(Case), rows)
        uow.commit()


GRID = 2 * 5 * len(AMOUNTS) * 3 * 2


def _full(store: Store, as_of: date) -> set[tuple[int, str, str]]:
    """Every case's warnings by the exact rules, every case read (no pre-filter at all)."""
    with store.reading() as session:
        limits, cal = load_limits(session), load_calendar(session)
        facts = repo.load_facts(session, [])
        assert len(facts) == 600 + GRID
        return {(f.case_id, f.code, f.message()) for c in facts for f in findings(c, as_of, limits, cal)}


@pytest.mark.parametrize("as_of", [date(2026, 11, 30), date(2026, 3, 15)])
def test_the_warning_centre_gives_the_full_rules_warnings(store: Store, admin: Actor, as_of: date) -> None:
    _fill(store)
    full = _full(store, as_of)
    codes = {c for _, c, _ in full}
    assert {"power_not_held", "discretion_out_of_range", "power_missing", "repeat_offender_lenient"} <= codes
    page = list_warnings(store, admin, ListQuery(filters=(("state", "all"),), limit=None), as_of)
    assert {(w.case_id, w.code, w.message) for w in page.items} == full


def test_the_pre_filter_reads_fewer_cases_and_keeps_every_power_warning(store: Store) -> None:
    _fill(store)
    as_of = date(2026, 11, 30)
    warned = {
        case_id
        for case_id, code, _ in _full(store, as_of)
        if code in ("power_not_held", "discretion_out_of_range")
    }
    with store.reading() as session:
        citing = session.execute(select(func.count()).where(Case.power_code.is_not(None))).scalar_one()
        kept = set(
            session.execute(select(Case.id).where(power_candidates(as_of, dialect_of(session)))).scalars()
        )
    assert warned <= kept
    assert len(kept) < citing * 0.8


def test_prior_penalties_in_one_query_count_the_calendar_year(store: Store) -> None:
    with store.unit_of_work() as uow:
        session = uow.session
        agency = Agency(name="县市场监管局全称", short_name="县市场监管局")
        session.add(agency)
        session.flush()
        party = PARTIES[0]
        dates = {
            "前一年零一天": date(2025, 2, 28),
            "前一年": date(2025, 3, 1),
            "本案": date(2026, 2, 28),
            "之后": date(2026, 3, 1),
        }
        session.execute(
            insert(Case),
            [
                {
                    "agency_id": agency.id,
                    "case_no": no,
                    "category": "行政处罚",
                    "cause": "重复",
                    "party": "某公司",
                    "party_id_number": party,
                    "stage": "decided",
                    "filed_on": day - timedelta(days=10),
                    "decided_on": day,
                    "discretion_band": "从轻" if no == "本案" else "一般",
                    "officer_count": 2,
                }
                for no, day in dates.items()
            ],
        )
        uow.commit()
    with store.reading() as session:
        ids = dict(session.execute(select(Case.case_no, Case.id)).all())
        # months_before(2026-02-28, 12) is 2025-02-28: only 前一年 (2025-03-01) is after it
        assert prior_penalties(session, []) == {ids["本案"]: 1}


# The catalogue's edges the pre-filter reads as ranges of the register's indexes: a power filed
# before its first version, in a gap between two versions, in an overlap of two (held), after
# the last one expires; a band to the cent at both limits, open at one end; 不予处罚 with no kind
# stored as NULL or as an empty text, with 0 and 0.01; a band the version lacks with no kind.
EDGES = [
    ("G1", date(2024, 1, 1), date(2024, 12, 31), [("一般", "罚款", "1000", "5000")]),
    ("G1", date(2025, 2, 1), date(2026, 6, 30), [("一般", "罚款", "1000", "5000")]),
    ("G1", date(2026, 3, 1), None, [("一般", "罚款", "2000", None), ("不予处罚", None, None, None)]),
    ("G2", date(2024, 1, 1), None, [("从轻", "警告、罚款", None, "800"), ("不予处罚", None, None, None)]),
]
# (case_no, power, 立案, band, kinds, amount, warned?)
EDGE_CASES = [
    ("首版之前", "G1", date(2023, 12, 31), "一般", "罚款", "3000", True),
    ("首版首日", "G1", date(2024, 1, 1), "一般", "罚款", "3000", False),
    ("首版末日", "G1", date(2024, 12, 31), "一般", "罚款", "3000", False),
    ("空档首日", "G1", date(2025, 1, 1), "一般", "罚款", "3000", True),
    ("空档末日", "G1", date(2025, 1, 31), "一般", "罚款", "3000", True),
    ("次版首日", "G1", date(2025, 2, 1), "一般", "罚款", "3000", False),
    ("下限差一分", "G1", date(2025, 5, 1), "一般", "罚款", "999.99", True),
    ("下限", "G1", date(2025, 5, 1), "一般", "罚款", "1000", False),
    ("上限", "G1", date(2025, 5, 1), "一般", "罚款", "5000", False),
    ("上限多一分", "G1", date(2025, 5, 1), "一般", "罚款", "5000.01", True),
    # in force under both versions from 2026-03-01: judged by the latest (2000 and up)
    ("重叠上限多一分", "G1", date(2026, 4, 1), "一般", "罚款", "5000.01", False),
    ("重叠新下限差一分", "G1", date(2026, 4, 1), "一般", "罚款", "1999.99", True),
    ("次版到期后", "G1", date(2026, 7, 1), "一般", "罚款", "5000.01", False),
    ("不予处罚空种类零", "G1", date(2026, 7, 1), "不予处罚", None, "0", False),
    ("不予处罚空种类一分", "G1", date(2026, 7, 1), "不予处罚", None, "0.01", True),
    ("不予处罚空文本零", "G2", date(2026, 7, 1), "不予处罚", "", "0", False),
    ("不予处罚空文本一分", "G2", date(2026, 7, 1), "不予处罚", "", "0.01", True),
    ("不予处罚警告", "G2", date(2026, 7, 1), "不予处罚", "警告", None, True),
    ("无上限", "G1", date(2026, 7, 1), "一般", "罚款", "99999999", False),
    ("无下限", "G2", date(2026, 7, 1), "从轻", "警告、罚款", "0.01", False),
    ("无下限上限多一分", "G2", date(2026, 7, 1), "从轻", "罚款", "800.01", True),
    ("缺档无种类", "G2", date(2026, 7, 1), "一般", None, None, True),
    ("他局事项", "G3", date(2026, 7, 1), "一般", "罚款", "1", True),
]


def test_the_pre_filter_keeps_the_catalogue_edges_to_the_day_and_the_cent(store: Store) -> None:
    with store.unit_of_work() as uow:
        session = uow.session
        agency = Agency(name="县市场监管局全称", short_name="县市场监管局")
        session.add(agency)
        session.flush()
        for code, effective, expires, bands in EDGES:
            power = Power(
                code=code,
                agency_id=agency.id,
                name=f"事项{code}",
                category="行政处罚",
                legal_basis="某条",
                effective_on=effective,
                expires_on=expires,
            )
            power.bands = [
                PowerBand(
                    position=n,
                    band=band,
                    penalty_kinds=kinds,
                    fine_min=None if low is None else Decimal(low),
                    fine_max=None if high is None else Decimal(high),
                )
                for n, (band, kinds, low, high) in enumerate(bands)
            ]
            session.add(power)
        session.execute(
            insert(Case),
            [
                {
                    "agency_id": agency.id,
                    "case_no": no,
                    "category": "行政处罚",
                    "procedure": "普通程序",
                    "cause": "边界",
                    "party": "某公司",
                    "stage": "decided",
                    "filed_on": filed,
                    "decided_on": filed + timedelta(days=20),
                    "served_on": filed + timedelta(days=20),
                    "published_on": filed + timedelta(days=20),
                    "penalty_kinds": kinds,
                    "amount": None if amount is None else Decimal(amount),
                    "officer_count": 2,
                    "power_code": code,
                    "discretion_band": band,
                }
                for no, code, filed, band, kinds, amount, _ in EDGE_CASES
            ],
        )
        uow.commit()
    as_of = date(2026, 11, 30)
    with store.reading() as session:
        limits, cal = load_limits(session), load_calendar(session)
        names = dict(session.execute(select(Case.id, Case.case_no)).all())
        warned = {
            names[f.case_id]
            for c in repo.load_facts(session, [])
            for f in findings(c, as_of, limits, cal)
            if f.code in ("power_not_held", "discretion_out_of_range")
        }
        kept = {
            names[i]
            for i in session.execute(
                select(Case.id).where(power_candidates(as_of, dialect_of(session)))
            ).scalars()
        }
    assert warned == {no for no, *_, expected in EDGE_CASES if expected}
    # a superset by design only where two versions overlap (any one of them may warn)
    assert kept == warned | {"重叠上限多一分"}


REGISTER = ("cases", "cited", "register")


@pytest.mark.sqlite_only
def test_the_pre_filter_reads_the_register_through_its_indexes_only(store: Store) -> None:
    """No step of the pre-filter scans the register or looks a case up per row: the cases are
    reached through ix_cases_power_band and ix_cases_power_filed (ranges of them), and by id."""
    _fill(store, 50)
    with store.reading() as session:
        stmt = select(Case.id).where(power_candidates(date(2026, 11, 30), "sqlite"))
        sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = [row[3] for row in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    steps = [p for p in plan if p.split(" ")[0] in ("SCAN", "SEARCH") and p.split(" ")[1] in REGISTER]
    assert steps, plan
    assert not [p for p in steps if p.startswith("SCAN")], plan
    assert any("ix_cases_power_band" in p and "amount<?" in p for p in steps), plan
    assert any("ix_cases_power_band" in p and "amount>?" in p for p in steps), plan
    assert any("ix_cases_power_filed" in p and "filed_on<?" in p for p in steps), plan
    assert all("INDEX" in p or "PRIMARY KEY" in p for p in steps), plan
