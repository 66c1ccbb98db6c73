"""Issue 13's figures over the 1,000,000-case register of ``bench.case_register``, each beside the
bare SQL aggregate measured in the same run (one pass over the register: cases counted by agency
and category):

- the dashboard (驾驶舱) of the twelve months up to the register's day, every agency: ≤ 1 s;
- the assessment (执法考核) of 50 agencies for the last full year on the default indicator set: ≤ 2 s;
- the annual statistics (统计年报) of the last full year: ≤ 10 s.

Each figure is a computation with nothing kept in memory from an earlier one (the store's memo is
emptied before every call), the median of ``repeat`` runs, with the store's kept warnings
(``warning_snapshots``) in one of three states: none (the first computation ever, or after a
change to every case: the register's warnings decided whole and kept — informative, no target);
the day before kept (the supervisor's morning: the snapshot carried to the day, the cases due,
dated or changed since decided again — the dashboard, whose day is today); the day kept. Each
baseline is timed before and after each run (the median of those), so that a change of the
machine's load moves both.

The register is made ready once per run: its certificates get the validity intervals the program
derives from a certificate's history (the generator writes certificates without events; without
intervals every officer would count as uncertified and every case would carry a warning), and 38
more agencies (50 in all) take over every fourth case.
"""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, select, text

from bench.case_register import AS_OF, sqlite_register
from bench.timing import Result, timed
from desktop.cases.warning_summary import warning_summary
from desktop.core.identifiers import make_credit_code
from desktop.core.security import Actor
from desktop.models import Agency, Case, Certificate, CertificateValidity, WarningSnapshot
from desktop.models.base import table_of
from desktop.models.db import Store
from desktop.reports.annual import annual_report
from desktop.reports.assessment import assess
from desktop.reports.dashboard import dashboard, default_period
from desktop.reports.indicators import default_set

DASHBOARD_TARGET = 1.0
ASSESSMENT_TARGET = 2.0
ANNUAL_TARGET = 10.0
AGENCIES = 50
BASELINE = "SELECT agency_id, category, count(*) FROM cases GROUP BY agency_id, category (one pass)"


def run(folder: Path, cases: int = 1_000_000, repeat: int = 3) -> list[Result]:
    """The three figures on a SQLite copy of the register (made and cached the first time)."""
    store, actor, _county = sqlite_register(folder, cases)
    try:
        prepare(store)
        year = AS_OF.year - 1
        start, end = default_period(AS_OF)

        def baseline() -> object:
            with store.engine.connect() as conn:
                return conn.execute(
                    select(Case.agency_id, Case.category, func.count()).group_by(
                        Case.agency_id, Case.category
                    )
                ).all()

        def fresh(fn):  # type: ignore[no-untyped-def]
            def call() -> object:
                store.memo.clear()
                return fn()

            return call

        def without(days):  # type: ignore[no-untyped-def]
            """Before each call: the snapshots of ``days`` dropped (None: every one)."""

            def wrap(fn):  # type: ignore[no-untyped-def]
                def call() -> object:
                    with store.engine.begin() as conn:
                        drop = delete(WarningSnapshot)
                        conn.execute(drop if days is None else drop.where(WarningSnapshot.as_of.in_(days)))
                    store.memo.clear()
                    return fn()

                return call

            return wrap

        figures = {
            "dashboard": fresh(lambda: dashboard(store, actor, start, end, as_of=AS_OF)),
            "assessment": fresh(
                lambda: assess(
                    store, actor, date(year, 1, 1), date(year, 12, 31), default_set(), as_of=AS_OF, rows=False
                )
            ),
            "annual": fresh(lambda: annual_report(store, actor, year, as_of=AS_OF)),
        }
        timed(baseline)  # the register's pages in the cache, as for the figures after it
        out = []
        kept = "the day's warnings kept"
        whole = "no day kept: the register's warnings decided whole, then kept"
        carried = "the day before kept: carried to the day (the cases due, dated or changed decided again)"
        runs = (
            ("dashboard", f"dashboard, {cases:,} cases, 12 months", DASHBOARD_TARGET, [AS_OF]),
            ("assessment", f"assessment, {AGENCIES} agencies, {year}", ASSESSMENT_TARGET, None),
            ("annual", f"annual statistics {year}, {cases:,} cases", ANNUAL_TARGET, None),
        )
        for key, name, target, carry in runs:
            print(f"  {name} …", flush=True)
            seconds, base = _interleaved(without(None)(figures[key]), baseline, repeat)
            out.append(Result(f"{name}, first computation", seconds, None, base, BASELINE, whole))
            if carry is not None:
                restore = _the_day_before(store, actor)
                seconds, base = _interleaved(figures[key], baseline, repeat, before=restore)
                out.append(Result(f"{name}, first of a day", seconds, target, base, BASELINE, carried))
            seconds, base = _interleaved(figures[key], baseline, repeat)
            out.append(Result(f"{name}, day kept", seconds, target, base, BASELINE, kept))
        return out
    finally:
        store.dispose()


def _interleaved(fn, baseline, repeat: int, before=None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The median of ``repeat`` runs of ``fn`` (each after ``before``, untimed), and of the
    baseline timed before and after each (the machine's load moves while a figure runs)."""
    figures, bases = [], [timed(baseline)[0]]
    for _ in range(repeat):
        if before is not None:
            before()
        figures.append(timed(fn)[0])
        bases.append(timed(baseline)[0])
    return statistics.median(figures), statistics.median(bases)


_KEPT_TABLES = ("warning_snapshots", "warning_snapshot_rows", "warning_snapshot_watch", "warning_stale")


def _the_day_before(store: Store, actor: Actor):  # type: ignore[no-untyped-def]
    """The warnings of the day before the register's kept alone (decided whole once, saved aside);
    the function that puts them back (a carried day moves its snapshot to the new day)."""
    with store.engine.begin() as conn:
        conn.execute(delete(WarningSnapshot))
    warning_summary(store, actor, AS_OF - timedelta(days=1))
    with store.engine.begin() as conn:
        for t in _KEPT_TABLES:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS bench_{t}")
            conn.exec_driver_sql(f"CREATE TABLE bench_{t} AS SELECT * FROM {t}")

    def restore() -> None:
        with store.engine.begin() as conn:
            for t in _KEPT_TABLES:
                conn.exec_driver_sql(f"DELETE FROM {t}")
                conn.exec_driver_sql(f"INSERT INTO {t} SELECT * FROM bench_{t}")
        store.memo.clear()

    return restore


def prepare(store: Store) -> None:
    """Validity intervals for the certificates (issue to expiry; suspended ones until a year
    before the register's day) and 50 agencies, each fourth case moved to the added ones."""
    with store.engine.begin() as conn:
        if conn.execute(select(func.count()).select_from(table_of(CertificateValidity))).scalar_one():
            return
        certs = conn.execute(
            select(
                Certificate.id,
                Certificate.officer_id,
                Certificate.issued_on,
                Certificate.expires_on,
                Certificate.status,
            )
        ).all()
        suspended_from = AS_OF - timedelta(days=365)
        conn.execute(
            insert(table_of(CertificateValidity)),
            [
                {
                    "certificate_id": c.id,
                    "officer_id": c.officer_id,
                    "valid_from": c.issued_on,
                    "valid_to": min(c.expires_on, suspended_from) if c.status != "active" else c.expires_on,
                }
                for c in certs
                if c.status == "active" or c.issued_on < suspended_from
            ],
        )
        have = conn.execute(select(func.count()).select_from(table_of(Agency))).scalar_one()
        first = conn.execute(select(func.max(Agency.id))).scalar_one() + 1
        added = AGENCIES - have
        conn.execute(
            insert(table_of(Agency)),
            [
                {
                    "name": f"示范县第{n}执法单位",
                    "short_name": f"单位{n}",
                    "credit_code": make_credit_code(f"11341199{n:09d}"),
                    "field": "其他",
                    "level": "县",
                }
                for n in range(1, added + 1)
            ],
        )
        conn.execute(text(f"UPDATE cases SET agency_id = {first} + (id / 4) % {added} WHERE id % 4 = 0"))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
