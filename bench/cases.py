"""(d) The case register over 1,000,000 cases: the register's first screen, a filter by agency
and stage, a party search, the warnings of a 100,000-case register and its export to Excel
(``bench.export``), and the Excel import of 10,000 cases, each through the service against the bare SQL for the same page on the same engine.
The register itself comes from ``bench.case_register``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.case_register import (
    AS_OF,
    CAUSES,
    CODES,
    FILTER_TARGET,
    FIRST_SCREEN_TARGET,
    IMPORT_TARGET,
    INDEXED_SEARCH,
    INDEXED_SEARCH_TARGET,
    ONE_CHARACTER_SEARCH,
    SEARCH,
    SEARCH_TARGET,
    SEED,
    WARNINGS_TARGET,
    County,
    party_pool,
    postgresql_register,
    sqlite_register,
)
from bench.data import (
    postgresql_url,
)
from bench.export import measure_export
from bench.timing import Result, cold_and_median, timed
from desktop.cases.service import count_cases, list_cases
from desktop.cases.supervision import forget_computed_warnings, list_warnings
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.views.cases.page_parts import COUNT_CAP

# ---------------------------------------------------------------------------- the bare SQL

PAGE_COLUMNS = (
    "c.id, c.case_no, c.agency_id, a.name, c.category, c.procedure, c.stage, c.cause, c.party, "
    "c.filed_on, c.decided_on, c.closed_on, c.amount, c.officer_count, c.major, c.version"
)
BARE_PAGE = (
    "SELECT " + PAGE_COLUMNS + " FROM cases c JOIN agencies a ON a.id = c.agency_id {where} "
    "ORDER BY c.filed_on DESC, c.id DESC LIMIT 100"
)
FACT_COLUMNS = (
    "c.id, c.case_no, c.agency_id, a.name, c.category, c.procedure, c.party_type, c.party_id_number, "
    "c.filed_on, c.legal_review_on, c.decided_on, c.served_on, c.published_on, c.measures, c.measure_on, "
    "c.measure_released_on, c.measure_extended, c.decision_extension_days, c.amount, c.major, "
    "c.officer_count"
)
CANDIDATES = """c.filed_on <= :as_of AND (
  c.officer_count < 2
  OR (c.category = '行政处罚' AND c.procedure = '普通程序' AND (
        ((c.decided_on IS NULL OR c.decided_on > :as_of) AND c.filed_on <= :decision_cutoff)
        OR c.decided_on > {filed_plus_90}
        OR (c.decided_on <= :as_of AND (c.published_on IS NULL OR c.published_on > {decided_plus_7}))))
  OR (c.decided_on <= :as_of AND (c.served_on IS NULL OR c.served_on > {decided_plus_7}))
  OR (c.measure_on <= :seizure_cutoff AND (c.measure_released_on IS NULL OR c.measure_released_on > :as_of
                                           OR c.measure_released_on > {measure_plus_30}))
  OR (c.major = {true} AND c.decided_on <= :as_of AND (c.legal_review_on IS NULL OR c.legal_review_on > c.decided_on))
  OR (c.category = '行政处罚' AND c.procedure = '简易程序' AND (c.amount > 3000
        OR (c.amount > 200 AND (c.party_type IS NULL OR c.party_type = '自然人'))))
  OR c.id IN (SELECT case_id FROM uncertified))"""
UNCERTIFIED = """WITH uncertified AS (
  SELECT co.case_id, o.name FROM case_officers co
  JOIN cases k ON k.id = co.case_id JOIN officers o ON o.id = co.officer_id
  WHERE k.filed_on <= :as_of AND NOT EXISTS (
    SELECT 1 FROM certificates ce WHERE ce.officer_id = co.officer_id AND ce.issued_on <= k.filed_on
    AND ce.expires_on >= k.filed_on AND ce.status = 'active'))
"""


def bare_query(store: Store, sql: str, **params: Any) -> Callable[[], list]:
    """The hand-written SQL through ``text()`` on the store's engine, rows fetched."""
    from sqlalchemy import text

    statement = text(sql)

    def run() -> list:
        with store.engine.connect() as conn:
            return list(conn.execute(statement, params))

    return run


def bare_page(store: Store, where: str = "", **params: Any) -> Callable[[], list]:
    """The register's page by hand: the same columns, join and order, LIMIT 100, no count."""
    return bare_query(store, BARE_PAGE.format(where=where), **params)


def bare_search(store: Store, fragment: str) -> Callable[[], list]:
    """The search page by hand: 当事人, 案由 or 案号 containing the fragment."""
    like = "ILIKE" if store.kind == "postgresql" else "LIKE"
    where = " OR ".join(f"c.{col} {like} :pattern ESCAPE '\\'" for col in ("party", "cause", "case_no"))
    return bare_page(store, f"WHERE {where}", pattern=f"%{fragment}%")


def bare_warnings(store: Store, limits: Any) -> Callable[[], list]:
    """What the rules read, by hand: the candidate cases' facts and the uncertified officers' names."""
    if store.kind == "postgresql":
        plus = {
            "filed_plus_90": f"c.filed_on + {limits.decision_days}",
            "decided_plus_7": f"c.decided_on + {limits.service_days}",
            "measure_plus_30": f"c.measure_on + {limits.seizure_days}",
            "true": "true",
        }
    else:
        plus = {
            "filed_plus_90": f"date(c.filed_on, '+{limits.decision_days} days')",
            "decided_plus_7": f"date(c.decided_on, '+{limits.service_days} days')",
            "measure_plus_30": f"date(c.measure_on, '+{limits.seizure_days} days')",
            "true": "1",
        }
    cutoff = AS_OF - timedelta(days=limits.decision_days - limits.decision_lead_days)
    facts = bare_query(
        store,
        UNCERTIFIED + f"SELECT {FACT_COLUMNS} FROM cases c JOIN agencies a ON "
        f"a.id = c.agency_id WHERE " + CANDIDATES.format(**plus),
        as_of=AS_OF,
        decision_cutoff=cutoff,
        seizure_cutoff=AS_OF - timedelta(days=limits.seizure_days),
    )
    names = bare_query(store, UNCERTIFIED + "SELECT case_id, name FROM uncertified", as_of=AS_OF)
    return lambda: facts() + names()


# ---------------------------------------------------------------------------- measurements


def measure_register(store: Store, actor: Actor, county: County, label: str, repeat: int) -> list[Result]:
    """First screen, agency + stage filter and party search over the big register."""
    results = []
    agency_id = county.agencies[0][0]
    stage = "closed"  # the largest stage: the count has the most to count
    n = f"{_count(store):,} cases"

    def page(query: ListQuery) -> Callable[[], Any]:
        return lambda: list_cases(store, actor, query, AS_OF)

    first = page(ListQuery(limit=100))
    _, bare = cold_and_median(bare_page(store), repeat)
    cold, warm = cold_and_median(first, repeat)
    shown = first()
    assert len(shown.items) == 100, shown.total
    what = f"bare SQL page (text(), LIMIT 100, no count); {n}"
    results.append(
        Result(f"{label}: register first screen, first call", cold, FIRST_SCREEN_TARGET, bare, what)
    )
    results.append(
        Result(
            f"{label}: register first screen",
            warm,
            FIRST_SCREEN_TARGET,
            bare,
            what,
            f"median of {repeat}; count + page + open warnings of 100 rows",
        )
    )

    filtered = page(ListQuery(filters=(("agency_id", agency_id), ("stage", stage)), limit=100))
    _, bare = cold_and_median(
        bare_page(store, "WHERE c.agency_id = :a AND c.stage = :s", a=agency_id, s=stage), repeat
    )
    _, warm = cold_and_median(filtered, repeat)
    results.append(
        Result(
            f"{label}: filter agency + stage",
            warm,
            FILTER_TARGET,
            bare,
            "bare SQL filtered page (text(), LIMIT 100, no count)",
            f"median of {repeat}; {filtered().total:,} matches",
        )
    )

    results += measure_indexed_search(
        store, actor, page, label, repeat, SEARCH, "index of pairs", SEARCH_TARGET
    )
    results += measure_indexed_search(
        store, actor, page, label, repeat, ONE_CHARACTER_SEARCH, "index of pairs", SEARCH_TARGET
    )
    results += measure_indexed_search(
        store, actor, page, label, repeat, INDEXED_SEARCH, "trigram index", INDEXED_SEARCH_TARGET
    )
    return results


def measure_indexed_search(
    store: Store,
    actor: Actor,
    page: Callable[[ListQuery], Callable[[], Any]],
    label: str,
    repeat: int,
    fragment: str,
    index: str,
    target: float | None,
) -> list[Result]:
    """A search through its index (pairs for 1–2 characters, trigrams for more), and the same
    search with the indexes left out (the plain scan, as before migrations 0004 and 0015)."""
    search = page(ListQuery(search=fragment, limit=100))
    _, bare = cold_and_median(bare_search(store, fragment), repeat)
    what = "bare SQL search page (text(), LIKE, LIMIT 100, no count)"
    results = measure_window_search(store, actor, page, label, repeat, fragment, bare, what, target)
    store.forget()  # the exact search below counts afresh too
    cold, warm = cold_and_median(search, repeat)
    found = search()
    with without_search_index(store):
        _, scan = cold_and_median(search, repeat)
        assert search().items == found.items
    note = f"median of {repeat}; {found.total:,} matches; count + page + open warnings of 100 rows"
    return results + [
        Result(
            f"{label}: search {fragment} ({index}), first call",
            cold,
            None,
            bare,
            what,
            "counted afresh; the median's calls find the count kept a moment (Store.memo) as the "
            "window's next pages do",
        ),
        Result(f"{label}: search {fragment} ({index})", warm, target, bare, what, note),
        Result(
            f"{label}: search {fragment} by plain scan",
            scan,
            None,
            bare,
            what,
            note + "; index left out",
        ),
    ]


def measure_window_search(
    store: Store,
    actor: Actor,
    page: Callable[[ListQuery], Callable[[], Any]],
    label: str,
    repeat: int,
    fragment: str,
    bare: float,
    what: str,
    target: float | None,
) -> list[Result]:
    """What the window waits for: the first page with a count that stops at ``COUNT_CAP`` (the
    exact count follows off the GUI thread), each call a first search (nothing kept from the
    last count); the process's first search (statements compiled, pages read) apart, after the
    register's first screen as in the window (where one cannot search before it is shown)."""
    capped = page(ListQuery(search=fragment, limit=100, count_cap=COUNT_CAP))
    page(ListQuery(limit=100, count_cap=COUNT_CAP))()  # the window's first screen

    def afresh() -> Any:
        store.forget()
        return capped()

    first, median = cold_and_median(afresh, repeat)
    shown = afresh()
    exact = count_cases(store, actor, ListQuery(search=fragment, count_cap=COUNT_CAP), AS_OF)

    def count_afresh() -> int:
        store.forget()
        return count_cases(store, actor, ListQuery(search=fragment), AS_OF)

    _, counting = cold_and_median(count_afresh, repeat)
    said = f"{'more than ' if shown.capped else ''}{shown.total:,} shown, {exact:,} counted after"
    note = f"median of {repeat}, each a first search (count not kept); {said}"
    return [
        Result(
            f"{label}: search {fragment}, page + count to {COUNT_CAP:,} (window), first call",
            first,
            None,
            bare,
            what,
            "the process's first search, after the register's first screen: its statements "
            "compiled and pages read the first time",
        ),
        Result(
            f"{label}: search {fragment}, page + count to {COUNT_CAP:,} (window)",
            median,
            target,
            bare,
            what,
            note,
        ),
        Result(
            f"{label}: search {fragment}, exact count (after, off the GUI thread)",
            counting,
            None,
            bare,
            what,
            f"median of {repeat}; count_cases, count not kept",
        ),
    ]


@contextmanager
def without_search_index(store: Store) -> Iterator[None]:
    """Searches as before migrations 0004 and 0015: no FTS table on SQLite, no bitmap (GIN) scans
    on PostgreSQL."""
    from sqlalchemy import event

    from desktop.models import bigrams, search

    if store.kind == "sqlite":
        original, pairs = search.fts_available, bigrams.available
        search.fts_available = lambda _session: False  # type: ignore[assignment]
        bigrams.available = lambda _session: False  # type: ignore[assignment]
        try:
            yield
        finally:
            search.fts_available, bigrams.available = original, pairs
        return

    def no_bitmaps(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cur:
            cur.execute("SET enable_bitmapscan = off")
        dbapi_connection.commit()

    pairs = bigrams.available
    bigrams.available = lambda _session: False  # type: ignore[assignment]  # nor counts from it
    store.engine.dispose()
    event.listen(store.engine, "connect", no_bitmaps)
    try:
        yield
    finally:
        event.remove(store.engine, "connect", no_bitmaps)
        store.engine.dispose()
        bigrams.available = pairs


def measure_warnings(store: Store, actor: Actor, label: str, repeat: int) -> list[Result]:
    """Every warning of a register as of the benchmark's day, against reading the facts by hand."""
    from desktop.cases.rules import Limits

    bare_fn = bare_warnings(store, Limits())
    _, bare = cold_and_median(bare_fn, max(1, repeat // 2))
    found = None

    def warnings() -> None:
        nonlocal found
        forget_computed_warnings(store)  # the computation itself, not the answer kept for paging
        found = list_warnings(store, actor, ListQuery(limit=100), AS_OF)

    _, warm = cold_and_median(warnings, max(1, repeat // 2))
    assert found is not None
    return [
        Result(
            f"{label}: warnings of {_count(store):,} cases",
            warm,
            WARNINGS_TARGET,
            bare,
            "bare SQL reading the candidate cases' facts and uncertified officers (text())",
            f"median of {max(1, repeat // 2)}; {found.total:,} open warnings, "
            f"{len(bare_fn()):,} rows read by hand",
        )
    ]


def measure_import(
    store: Store, actor: Actor, county: County, folder: Path, rows: int, label: str
) -> list[Result]:
    """Import ``rows`` new cases into the big register, against openpyxl merely reading the file."""
    from bench.excel import read_only_rows
    from desktop.cases.exchange import import_cases

    path = write_case_workbook(folder / f"cases-{rows}.xlsx", county, rows)
    baseline, read = timed(lambda: read_only_rows(path))
    assert read == rows + 1, read
    before = _count(store)
    seconds, result = timed(lambda: import_cases(store, actor, path))
    assert result.imported == rows and _count(store) == before + rows, result
    return [
        Result(
            f"{label}: import {rows:,} cases",
            seconds,
            IMPORT_TARGET,
            baseline,
            "openpyxl read_only reading every row of the same file",
            f"into the register of {before:,} cases; every row checked, written and audited",
        )
    ]


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()


def write_case_workbook(path: Path, county: County, count: int) -> Path:
    """``count`` new cases in the import layout (FORMATS.md §1), officers by 执法证号, written with
    xlsxwriter: the same mix of categories and stages as the register, filed in 2026."""
    import xlsxwriter

    from desktop.cases.exchange import CASE_COLUMNS as COLUMNS

    rng = random.Random(SEED + 2)
    parties = party_pool(rng, 2_000)
    headers = [c.header for c in COLUMNS]
    at = {h: i for i, h in enumerate(headers)}
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("案件导入")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, headers)
    for n in range(count):
        agency_id, name, _short = county.agencies[n % len(county.agencies)]
        filed = date(2026, 1, 5) + timedelta(days=rng.randrange(0, 300))
        party, party_type, party_id = rng.choice(parties)
        officers = "、".join(o[2] for o in rng.sample(county.officers[agency_id], rng.choice((2, 2, 3))))
        cells: dict[str, Any] = {
            "案号": f"示{CODES[agency_id - 1]}导〔2026〕{n + 1}号",
            "执法主体": name,
            "案由": rng.choice(CAUSES["其他"]),
            "当事人": party,
            "当事人类型": party_type,
            "证件号码": party_id,
            "承办人员": officers,
            "案件来源": "监督检查",
            "立案日期": filed,
        }
        kind = rng.random()
        if kind < 0.6:
            ordinary = kind < 0.33
            cells.update(
                {
                    "案件类别": "行政处罚",
                    "程序类型": "普通程序" if ordinary else "简易程序",
                    "处罚种类": "罚款",
                    "罚没金额": rng.choice((100, 200)) if not ordinary else 5000,
                }
            )
            decided = filed + timedelta(days=rng.randrange(0, 60) if ordinary else 0)
            if decided <= AS_OF:
                cells.update({"决定日期": decided, "送达日期": decided})
                if ordinary:
                    cells.update({"公示日期": decided + timedelta(days=3), "法制审核日期": decided})
        elif kind < 0.9:
            cells.update({"案件类别": "行政检查", "结案日期": filed + timedelta(days=5)})
        else:
            cells.update(
                {
                    "案件类别": "行政强制",
                    "强制措施": "扣押",
                    "强制措施日期": filed,
                    "强制措施解除日期": filed + timedelta(days=20),
                }
            )
        row = n + 1
        for header, value in cells.items():
            if value is None:
                continue
            if isinstance(value, date):
                if value > AS_OF:
                    continue
                sheet.write_datetime(row, at[header], value, day)
            else:
                sheet.write(row, at[header], value)
    book.close()
    return path


# ---------------------------------------------------------------------------- the part


def measure_searches(store: Store, actor: Actor, label: str, repeat: int) -> list[Result]:
    """Only the searches of ``measure_register`` (``python -m bench --only search``)."""

    def page(query: ListQuery) -> Callable[[], Any]:
        return lambda: list_cases(store, actor, query, AS_OF)

    results = measure_indexed_search(
        store, actor, page, label, repeat, SEARCH, "index of pairs", SEARCH_TARGET
    )
    results += measure_indexed_search(
        store, actor, page, label, repeat, ONE_CHARACTER_SEARCH, "index of pairs", SEARCH_TARGET
    )
    return results


def run_search_sqlite(folder: Path, count: int, repeat: int) -> list[Result]:
    """The 1–2-character searches over the cached SQLite register."""
    store, actor, _county = sqlite_register(folder, count)
    try:
        return measure_searches(store, actor, "SQLite", repeat)
    finally:
        store.dispose()


def run_search_postgresql(url: str, count: int, repeat: int) -> list[Result]:
    """The 1–2-character searches over a register loaded into a temporary schema."""
    with postgresql_url(url) as big_url:
        store, actor, _county, seconds = postgresql_register(big_url, count)
        print(f"  PostgreSQL: {count:,} cases loaded (COPY) in {seconds:.0f} s")
        try:
            return measure_searches(store, actor, "PostgreSQL", repeat)
        finally:
            store.dispose()


def run_sqlite(folder: Path, count: int, warning_count: int, import_rows: int, repeat: int) -> list[Result]:
    """(d) on SQLite files (cached in bench/out/ and copied)."""
    results = []
    store, actor, county = sqlite_register(folder, count)
    try:
        results += measure_register(store, actor, county, "SQLite", repeat)
        small, small_actor, _ = sqlite_register(folder, warning_count)
        try:
            results += measure_warnings(small, small_actor, "SQLite", repeat)
            results += measure_export(small, small_actor, folder, "SQLite")
        finally:
            small.dispose()
        results += measure_import(store, actor, county, folder, import_rows, "SQLite")
    finally:
        store.dispose()
    return results


def run_postgresql(
    url: str, folder: Path, count: int, warning_count: int, import_rows: int, repeat: int
) -> list[Result]:
    """(d) on temporary schemas of the PostgreSQL server at ``url`` (dropped afterwards)."""
    results = []
    with postgresql_url(url) as big_url:
        store, actor, county, seconds = postgresql_register(big_url, count)
        print(f"  PostgreSQL: {count:,} cases loaded (COPY) in {seconds:.0f} s")
        try:
            results += measure_register(store, actor, county, "PostgreSQL", repeat)
            with postgresql_url(url) as small_url:
                small, small_actor, _, seconds = postgresql_register(small_url, warning_count)
                try:
                    results += measure_warnings(small, small_actor, "PostgreSQL", repeat)
                finally:
                    small.dispose()
            results += measure_import(store, actor, county, folder, import_rows, "PostgreSQL")
        finally:
            store.dispose()
    return results
