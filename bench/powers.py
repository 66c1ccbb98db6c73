"""Issue 15's figures: a 双随机 plan drawing 10 % of 200,000 targets (≤ 2 s), the discretion checks
over a 1,000,000-case register (≤ 2 s), and one party's cases found among 1,000,000 (≤ 50 ms), each
beside a bare baseline measured in the same run.

- The plan: ``create_plan`` on a SQLite store with 200,000 targets of one field and 400 certified
  officers, against the bare SELECT of the candidates plus one SHA-256 each (the least any seeded
  draw by the public rule must do).
- The discretion checks: the register's rules (``findings``) over 1,000,000 decided 行政处罚
  facts citing a power with bands, against a loop that only reads each fact's amount.
- The party: ``show_party`` among 1,000,000 cases (the 证件号码 index), against the bare indexed
  SELECT of the same rows.
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
from desktop.cases.calendar import WorkCalendar
from desktop.cases.discretion import BandLimits, PowerVersion
from desktop.cases.rules import CaseFacts, Limits, findings
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.core.paths import sqlite_url
from desktop.models import Agency, Case, Certificate, CertificateValidity, InspectionTarget, Officer
from desktop.models.base import table_of
from desktop.models.db import open_store
from desktop.powers.inspections import create_plan
from desktop.powers.parties import show_party

TARGETS = 200_000
CASES = 1_000_000
OFFICERS = 400
"""Enough for 20,000 targets with no pair of inspectors repeated (400 officers make 79,800 pairs)."""
PARTY = make_credit_code("91341122MA0000001")


def run(folder: Path, targets: int = TARGETS, cases: int = CASES, repeat: int = 3) -> list[Result]:
    """The three figures (SQLite stores in ``folder``)."""
    return [_plan(folder, targets), _discretion(cases), _party(folder, cases, repeat)]


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


def _discretion(cases: int) -> Result:
    version = PowerVersion(
        "P1",
        1,
        "行政处罚",
        date(2020, 1, 1),
        None,
        (
            BandLimits("从轻", frozenset({"警告", "罚款"}), Decimal(50000), Decimal(80000)),
            BandLimits("一般", frozenset({"罚款"}), Decimal(80000), Decimal(120000)),
        ),
    )
    rng = random.Random(2026)
    start = date(2026, 1, 5)
    facts = [
        CaseFacts(
            id=n,
            case_no=f"罚{n}",
            agency_id=1,
            agency="基准",
            category="行政处罚",
            procedure="普通程序",
            party_type="法人",
            party_id_number=None,
            filed_on=start + timedelta(days=n % 200),
            legal_review_on=start + timedelta(days=n % 200 + 5),
            decided_on=start + timedelta(days=n % 200 + 10),
            served_on=start + timedelta(days=n % 200 + 11),
            published_on=start + timedelta(days=n % 200 + 12),
            amount=Decimal(rng.randrange(40000, 130000)),
            officer_count=2,
            power_code="P1",
            discretion_band="从轻" if n % 2 else "一般",
            penalty_kinds=("罚款",),
            power_versions=(version,),
            agency_has_powers=True,
        )
        for n in range(cases)
    ]
    as_of, limits, cal = date(2026, 12, 31), Limits(), WorkCalendar({})

    def rules() -> int:
        return sum(
            1 for f in facts for w in findings(f, as_of, limits, cal) if w.code == "discretion_out_of_range"
        )

    def bare() -> int:
        return sum(1 for f in facts if f.amount is not None and f.amount > 0)

    base, _ = timed(bare)
    took, warned = timed(rules)
    return Result(
        f"powers: the register's rules over {cases:,} decided penalties citing a power",
        took,
        2.0,
        base,
        "a loop reading each fact's amount",
        f"{warned:,} outside their band (every rule of the register runs, not only the discretion one)",
    )


def _party(folder: Path, cases: int, repeat: int) -> Result:
    store = open_store(sqlite_url(folder / "powers-party.sqlite3"))
    try:
        actor = create_first_admin(store, "bench", "Timing-2026", "基准")
        with store.engine.begin() as conn:
            conn.execute(insert(table_of(Agency)), [{"name": "基准局", "short_name": "基准"}])
            agency_id = conn.execute(select(table_of(Agency).c.id)).scalar_one()
            chunk = 50_000
            for start in range(0, cases, chunk):
                conn.execute(
                    insert(table_of(Case)),
                    [
                        {
                            "agency_id": agency_id,
                            "case_no": f"罚{n}",
                            "category": "行政处罚",
                            "procedure": "普通程序",
                            "cause": "基准",
                            "party": f"当事人{n}",
                            "party_id_number": PARTY
                            if n % 100_000 == 7
                            else make_credit_code(f"91341122MA{n:07d}"),
                            "stage": "filed",
                            "filed_on": date(2026, 1, 1) + timedelta(days=n % 300),
                            "officer_count": 2,
                        }
                        for n in range(start, min(cases, start + chunk))
                    ],
                )

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
    finally:
        store.dispose()
