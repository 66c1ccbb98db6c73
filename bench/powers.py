"""Issue 15's figures: a 双随机 plan drawing 10 % of 200,000 targets (≤ 2 s), the discretion checks
over a 1,000,000-case register (≤ 2 s), and one party's cases found among 1,000,000 (≤ 50 ms), each
beside a bare baseline measured in the same run.

- The plan: ``create_plan`` on a SQLite store with 200,000 targets of one field and 400 certified
  officers, against the bare SELECT of the candidates plus one SHA-256 each (the least any seeded
  draw by the public rule must do).
- The discretion checks, as the warning centre runs them: the SQL pre-filter
  (``power_facts.power_candidates``) over a store of 1,000,000 decided 行政处罚 citing a power
  with bands, then the exact rules (``findings``) on the cases it keeps, against a bare SELECT
  reading each case's amount.
- The party: ``show_party`` among the same 1,000,000 cases (the 证件号码 index), against the
  bare indexed SELECT of the same rows.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select, text

from bench.timing import Result, cold_and_median, timed
from desktop.accounts.service import create_first_admin
from desktop.cases.power_facts import power_candidates
from desktop.cases.repository import load_facts
from desktop.cases.rules import findings
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.core.paths import sqlite_url
from desktop.core.security import Actor
from desktop.models import (
    Agency,
    Certificate,
    CertificateValidity,
    InspectionTarget,
    Officer,
    Power,
    PowerBand,
)
from desktop.models.base import table_of
from desktop.models.db import Store, open_store
from desktop.models.queries import dialect_of
from desktop.powers.inspections import create_plan
from desktop.powers.parties import show_party

TARGETS = 200_000
CASES = 1_000_000
OFFICERS = 400
"""Enough for 20,000 targets with no pair of inspectors repeated (400 officers make 79,800 pairs)."""
PARTY = make_credit_code("91341122MA0000001")
OUT_OF_BAND = 50
"""One case in this many has a fine outside its band."""


def run(folder: Path, targets: int = TARGETS, cases: int = CASES, repeat: int = 3) -> list[Result]:
    """The three figures (SQLite stores in ``folder``)."""
    out = [_plan(folder, targets)]
    store, actor = _register(folder, cases)
    try:
        return [*out, _discretion(store, cases), _party(store, actor, cases, repeat)]
    finally:
        store.dispose()


def _plan(folder: Path, targets: int) -> Result:
    store = open_store(sqlite_url(folder / "powers-plan.sqlite3"))
    try:
        actor = create_first_admin(store, "bench", "Timing-2026", "基准")
        with store.engine.begin() as conn:
            conn.execute(
                insert(table_of(Agency)), [{"name": "基准局", "short_name": "基准", "field": "市场监管"}]
            )
            agency_id = conn.execute(select(table_of(Agency).c.id)).scalar_one()
            conn.execute(
                insert(table_of(Officer)),
                [
                    {
                        "name": f"检查员{n}",
                        "id_number": make_resident_id(
                            "341122", date(1980 + n // 1000, 1, 1 + n % 28), n % 1000
                        ),
                        "agency_id": agency_id,
                    }
                    for n in range(OFFICERS)
                ],
            )
            officer_ids = list(conn.execute(select(table_of(Officer).c.id)).scalars())
            conn.execute(
                insert(table_of(Certificate)),
                [
                    {
                        "officer_id": oid,
                        "number": f"JZ{oid:06d}",
                        "issued_on": date(2020, 1, 1),
                        "expires_on": date(2030, 1, 1),
                    }
                    for oid in officer_ids
                ],
            )
            certs = dict(
                conn.execute(select(table_of(Certificate).c.officer_id, table_of(Certificate).c.id)).all()
            )
            conn.execute(
                insert(table_of(CertificateValidity)),
                [
                    {
                        "certificate_id": certs[oid],
                        "officer_id": oid,
                        "valid_from": date(2020, 1, 1),
                        "valid_to": date(2030, 1, 1),
                    }
                    for oid in officer_ids
                ],
            )
            risks = ("低", "中", "中", "高")
            conn.execute(
                insert(table_of(InspectionTarget)),
                [
                    {
                        "name": f"对象{n}",
                        "credit_code": make_credit_code(f"92341122MA{n:07d}"),
                        "kind": "企业",
                        "field": "市场监管",
                        "risk": risks[n % 4],
                    }
                    for n in range(targets)
                ],
            )

        def bare() -> int:
            with store.engine.connect() as conn:
                rows = conn.execute(
                    text("SELECT credit_code, risk FROM inspection_targets WHERE field = '市场监管'")
                ).all()
            return len([hashlib.sha256(f"s|{code}".encode()).hexdigest() for code, _ in rows])

        base, _ = timed(bare)
        took, plan = timed(
            lambda: create_plan(
                store,
                actor,
                name="基准计划",
                seed="s",
                agency="基准",
                start_on=date(2026, 12, 1),
                end_on=date(2026, 12, 31),
                percent=Decimal(10),
            )
        )
        return Result(
            f"powers: a plan drawing 10 % of {targets:,} targets (stored)",
            took,
            2.0,
            base,
            "bare SELECT of the candidates + one SHA-256 each",
            f"{len(plan.items):,} targets drawn, two inspectors each",
        )
    finally:
        store.dispose()


def _register(folder: Path, cases: int) -> tuple[Store, Actor]:
    """A SQLite store of ``cases`` decided 行政处罚 of one agency, each citing power P1 with a band
    (从轻 or 一般), decided, served and published in time, two officers: one in ``OUT_OF_BAND``
    has a fine a cent outside its band (above or below), the others keep within it, many at its
    limits exactly. ``PARTY`` is the party of one case in 100,000."""
    store = open_store(sqlite_url(folder / "powers-register.sqlite3"))
    actor = create_first_admin(store, "bench", "Timing-2026", "基准")
    rng = random.Random(2026)
    bands = {"从轻": (Decimal(50000), Decimal(80000)), "一般": (Decimal(80000), Decimal(120000))}
    with store.engine.begin() as conn:
        conn.execute(insert(table_of(Agency)), [{"name": "基准局", "short_name": "基准"}])
        agency_id = conn.execute(select(table_of(Agency).c.id)).scalar_one()
        conn.execute(
            insert(table_of(Power)),
            [
                {
                    "code": "P1",
                    "agency_id": agency_id,
                    "name": "基准事项",
                    "category": "行政处罚",
                    "legal_basis": "基准条款",
                    "effective_on": date(2020, 1, 1),
                }
            ],
        )
        power_id = conn.execute(select(table_of(Power).c.id)).scalar_one()
        conn.execute(
            insert(table_of(PowerBand)),
            [
                {
                    "power_id": power_id,
                    "position": n,
                    "band": band,
                    "penalty_kinds": kinds,
                    "fine_min": bands[band][0],
                    "fine_max": bands[band][1],
                }
                for n, (band, kinds) in enumerate((("从轻", "警告、罚款"), ("一般", "罚款")))
            ],
        )
        raw = conn.connection.driver_connection
        triggers = raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases'"
        ).fetchall()
        for trigger, _ in triggers:  # the search index is not measured here: not kept during the load
            raw.execute(f'DROP TRIGGER "{trigger}"')
        columns = (
            "agency_id, case_no, category, procedure, cause, party, party_type, party_id_number, stage, "
            "filed_on, legal_review_on, decided_on, served_on, published_on, penalty_kinds, amount, "
            "officer_count, power_code, discretion_band, measure_extended, decision_extension_days, major, "
            "version, updated_at, updated_by"
        )
        sql = f"INSERT INTO cases ({columns}) VALUES ({', '.join('?' * (columns.count(',') + 1))})"
        chunk = 50_000
        for start in range(0, cases, chunk):
            rows = []
            for n in range(start, min(cases, start + chunk)):
                band = "从轻" if n % 2 else "一般"
                low, high = bands[band]
                if n % OUT_OF_BAND == 3:
                    amount = high + Decimal("0.01") if n % 4 == 3 else low - Decimal("0.01")
                else:
                    amount = rng.choice((low, high, Decimal(rng.randrange(int(low), int(high)))))
                filed = date(2026, 1, 1) + timedelta(days=n % 300)
                party = PARTY if n % 100_000 == 7 else make_credit_code(f"91341122MA{n:07d}")
                rows.append(
                    (
                        agency_id,
                        f"罚{n}",
                        "行政处罚",
                        "普通程序",
                        "基准",
                        f"当事人{n}",
                        "法人",
                        party,
                        "published",
                        *(str(filed + timedelta(days=d)) for d in (0, 5, 10, 11, 12)),
                        "罚款",
                        str(amount),
                        2,
                        "P1",
                        band,
                        0,
                        0,
                        0,
                        1,
                        "2026-12-01T00:00:00Z",
                        "bench",
                    )
                )
            raw.executemany(sql, rows)
        for _, trigger_sql in triggers:
            raw.execute(trigger_sql)
    return store, actor


def _discretion(store: Store, cases: int) -> Result:
    """The power checks the warning centre runs: the SQL pre-filter, then the exact rules on the
    cases it keeps, against a bare SELECT reading each decided penalty's amount."""
    as_of = date(2026, 12, 31)

    def checks() -> int:
        with store.reading() as session:
            limits, cal = load_limits(session), load_calendar(session)
            facts = load_facts(session, [power_candidates(as_of, dialect_of(session))])
            return sum(
                1
                for f in facts
                for w in findings(f, as_of, limits, cal)
                if w.code == "discretion_out_of_range"
            )

    def bare() -> int:
        with store.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT amount FROM cases WHERE power_code IS NOT NULL AND decided_on IS NOT NULL")
            ).all()
        return sum(1 for (amount,) in rows if amount is not None and amount > 0)

    bare()  # the store's pages read once, so neither figure pays for a cold file
    base, _ = timed(bare)
    took, warned = timed(checks)
    return Result(
        f"powers: discretion checks over {cases:,} decided penalties citing a power",
        took,
        2.0,
        base,
        "bare SELECT of each decided penalty's amount",
        f"{warned:,} outside their band (1 in {OUT_OF_BAND}); SQL pre-filter, then the exact rules on those",
    )


def _party(store: Store, actor: Actor, cases: int, repeat: int) -> Result:
    def bare() -> int:
        with store.engine.connect() as conn:
            return len(
                conn.execute(text("SELECT * FROM cases WHERE party_id_number = :p"), {"p": PARTY}).all()
            )

    _, base = cold_and_median(bare, repeat)
    _, took = cold_and_median(lambda: show_party(store, actor, PARTY), repeat)
    found = show_party(store, actor, PARTY)
    return Result(
        f"powers: one party's cases among {cases:,}",
        took,
        0.05,
        base,
        "bare indexed SELECT of the same rows",
        f"{len(found.cases)} cases; median of {repeat}",
    )
