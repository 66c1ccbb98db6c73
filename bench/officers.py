"""(b) The officers table over 100,000 officers: the first screen and a search, through the service
(and the window's lazy model), against the bare SQL for the same page."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.data import fill_officers, new_store, postgresql_url, sqlite_store
from bench.timing import Result, cold_and_median, timed
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel.service import list_officers

FIRST_SCREEN_TARGET = 0.100
SEARCH_TARGET = 0.200
SEARCH = "王"
VISIBLE_ROWS = 40  # what a maximised table shows at once

# the service's page, written by hand: the same columns, joins and order, no count, no objects
BARE_PAGE = """
SELECT o.id, o.name, o.id_number, o.gender, o.agency_id, a.name, o.position, o.category, o.region,
       c.number, c.issued_on, c.expires_on, c.status, o.version, o.updated_at, o.updated_by
FROM officers o
JOIN agencies a ON a.id = o.agency_id
LEFT JOIN certificates c ON c.officer_id = o.id AND c."current" = {true}
{where}
ORDER BY o.id
LIMIT 100
"""


def bare_page(store: Store, search: str = "") -> Callable[[], list]:
    """The bare SQL for the page through the driver (DB-API cursor, no SQLAlchemy in the loop)."""
    pg = store.kind == "postgresql"
    where = ""
    params: tuple = ()
    if search:
        like = "ILIKE" if pg else "LIKE"  # SQLite's LIKE ignores case for ASCII already
        mark = "%s" if pg else "?"
        where = f"WHERE o.name {like} {mark} OR o.id_number {like} {mark} OR c.number {like} {mark}"
        params = (f"%{search}%",) * 3
    sql = BARE_PAGE.format(true="true" if pg else "1", where=where)
    raw = store.engine.raw_connection()

    def run() -> list:
        cur = raw.cursor()
        cur.execute(sql, params)
        rows = cur.fetchall()
        cur.close()
        return rows

    run.close = raw.close  # type: ignore[attr-defined]
    return run


def lazy_model_first_page(store: Store, actor: Actor) -> Callable[[], Any] | None:
    """What the officers page does when it opens: count + first page, then paint the visible cells.
    None when the window's lazy model is not there (desktop/views/common/lazy_table.py)."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QModelIndex, Qt
        from PySide6.QtWidgets import QApplication

        from desktop.views.common.lazy_table import ColumnSpec, LazyTableModel
    except ImportError:
        return None
    QApplication.instance() or QApplication([])
    columns = [
        ColumnSpec(key, key, key)
        for key in (
            "name",
            "id_number",
            "gender",
            "agency_name",
            "position",
            "cert_number",
            "cert_issued_on",
            "cert_expires_on",
            "cert_state",
            "category",
        )
    ]

    def run() -> int:
        model = LazyTableModel(columns, lambda q: list_officers(store, actor, q))
        model.reload()
        cells = 0
        for row in range(min(VISIBLE_ROWS, model.rowCount(QModelIndex()))):
            for col in range(len(columns)):
                cells += model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole) is not None
        model.deleteLater()
        return cells

    return run


def measure(store: Store, actor: Actor, label: str, repeat: int) -> list[Result]:
    """First screen, search and the lazy model's first page on one filled store."""
    results = []
    bare = bare_page(store)
    bare_search = bare_page(store, SEARCH)
    _, bare_time = cold_and_median(bare, repeat)
    _, bare_search_time = cold_and_median(bare_search, repeat)
    bare.close()  # type: ignore[attr-defined]
    bare_search.close()  # type: ignore[attr-defined]

    page = None

    def first() -> None:
        nonlocal page
        page = list_officers(store, actor, ListQuery(limit=100))

    cold, warm = cold_and_median(first, repeat)
    assert page is not None and len(page.items) == 100, page
    what = f"bare SQL page (LIMIT 100, no count) via the driver; {page.total:,} officers"
    results.append(Result(f"{label}: first screen, first call", cold, FIRST_SCREEN_TARGET, bare_time, what))
    results.append(
        Result(f"{label}: first screen", warm, FIRST_SCREEN_TARGET, bare_time, what, f"median of {repeat}")
    )

    found = None

    def search() -> None:
        nonlocal found
        found = list_officers(store, actor, ListQuery(search=SEARCH, limit=100))

    _, warm = cold_and_median(search, repeat)
    results.append(
        Result(
            f"{label}: search 王",
            warm,
            SEARCH_TARGET,
            bare_search_time,
            "bare SQL search page (LIMIT 100, no count)",
            f"median of {repeat}; {found.total:,} matches" if found else "",
        )
    )

    lazy = lazy_model_first_page(store, actor)
    if lazy is None:
        results.append(
            Result(
                f"{label}: lazy model first page",
                None,
                FIRST_SCREEN_TARGET,
                bare_time,
                "bare SQL page",
                "desktop/views/common/lazy_table.py not importable",
            )
        )
    else:
        _, warm = cold_and_median(lazy, repeat)
        results.append(
            Result(
                f"{label}: lazy model first page",
                warm,
                FIRST_SCREEN_TARGET,
                bare_time,
                "bare SQL page",
                f"reload() + {VISIBLE_ROWS} rows painted; median of {repeat}",
            )
        )
    return results


def run_sqlite(folder: Path, count: int, repeat: int) -> list[Result]:
    """(b) on a SQLite file."""
    store, actor = sqlite_store(folder, "officers")
    try:
        fill, _ = timed(lambda: fill_officers(store, count))
        print(f"  SQLite: {count:,} officers inserted in {fill:.1f} s")
        return measure(store, actor, "SQLite", repeat)
    finally:
        store.dispose()


def run_postgresql(url: str, count: int, repeat: int) -> list[Result]:
    """(b) on a temporary schema of the PostgreSQL server at ``url`` (dropped afterwards)."""
    with postgresql_url(url) as schema_url:
        store, actor = new_store(schema_url)
        try:
            fill, _ = timed(lambda: fill_officers(store, count))
            print(f"  PostgreSQL: {count:,} officers inserted in {fill:.1f} s")
            return measure(store, actor, "PostgreSQL", repeat)
        finally:
            store.dispose()
