"""(e) The seeded draw of a review campaign from the 1,000,000-case register: 3 files per agency from
every closed 行政处罚 file, reviewers assigned, the campaign with its population stored — through
``desktop.review.campaigns.create_campaign`` — against the bare SQL that reads the same eligible
files on the same engine.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.case_register import AS_OF, postgresql_register, sqlite_register
from bench.data import postgresql_url
from bench.timing import Result, cold_and_median
from desktop.accounts.service import UserInput, create_user
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.review.campaigns import create_campaign
from desktop.review.dto import CampaignSpec
from desktop.review.rubrics import install_default_rubrics

TARGET = 2.0
REVIEWERS = ("bench_r1", "bench_r2", "bench_r3", "bench_r4")
BARE = (
    "SELECT id, agency_id, case_no FROM cases WHERE category = '行政处罚' "
    "AND closed_on >= :start AND closed_on <= :end"
)


def _prepare(store: Store, actor: Actor) -> None:
    install_default_rubrics(store, actor)
    for name in REVIEWERS:
        create_user(store, actor, UserInput(name, "reviewer", name), "Timing-2026")


def measure_draw(store: Store, actor: Actor, label: str, repeat: int) -> list[Result]:
    """Draw ``repeat`` campaigns (each a new name, the same seed) and read the eligible files bare."""
    from sqlalchemy import text

    _prepare(store, actor)
    counter = iter(range(10_000))

    def draw() -> object:
        return create_campaign(
            store,
            actor,
            CampaignSpec(
                name=f"bench-{next(counter)}",
                seed="20261123",
                closed_from=date(2000, 1, 1),
                closed_to=AS_OF,
                reviewers=REVIEWERS,
                per_agency=3,
            ),
            as_of=AS_OF,
        )

    def bare() -> list:
        with store.engine.connect() as conn:
            return conn.execute(text(BARE), {"start": date(2000, 1, 1), "end": AS_OF}).all()

    eligible = len(bare())
    cold, figure = cold_and_median(draw, repeat)
    _, baseline = cold_and_median(bare, repeat)
    return [
        Result(
            f"{label}: draw 3 per agency from {eligible:,} closed files",
            figure,
            TARGET,
            baseline,
            "bare SQL reading the eligible files",
            f"first call {cold * 1000:.0f} ms",
        )
    ]


def run_sqlite(folder: Path, count: int, repeat: int) -> list[Result]:
    store, actor, _county = sqlite_register(folder, count)
    try:
        return measure_draw(store, actor, "SQLite", repeat)
    finally:
        store.dispose()


def run_postgresql(url: str, count: int, repeat: int) -> list[Result]:
    with postgresql_url(url) as big_url:
        store, actor, _county, seconds = postgresql_register(big_url, count)
        print(f"  PostgreSQL: {count:,} cases loaded (COPY) in {seconds:.0f} s")
        try:
            return measure_draw(store, actor, "PostgreSQL", repeat)
        finally:
            store.dispose()
