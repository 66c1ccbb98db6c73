"""The register's window answers its first page with a count that stops at ``count_cap`` (the
page at once, "more than N"), and counts exactly on request (``count_cases``, read after, off the
GUI thread): the capped answer is right below and above the cap, for the searches of 1–2
characters (index of pairs; SQLite counts those exactly at once), longer searches, filters and
no search, and the exact count is LIKE's."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from desktop.accounts.service import create_first_admin
from desktop.cases.service import count_cases, list_cases
from desktop.core.paging import ListQuery
from desktop.models import Agency, Case
from desktop.models.db import Store
from desktop.models.queries import dialect_of, search_clause

AS_OF = date(2026, 12, 1)
XINYUAN = 25
"""Cases whose party holds 鑫源 (of 40)."""


def _fill(store: Store) -> None:
    with store.unit_of_work() as uow:
        agency = Agency(name="示范县市场监督管理局", short_name="县市场监管局")
        uow.session.add(agency)
        uow.session.flush()
        for n in range(40):
            uow.session.add(
                Case(
                    agency_id=agency.id,
                    case_no=f"示市监罚〔2026〕{n + 1}号",
                    category="行政处罚",
                    cause="销售过期食品",
                    party=f"河西鑫源{n}号店" if n < XINYUAN else f"王{n}",
                    stage="filed" if n % 2 else "closed",
                    filed_on=date(2026, 1, 1) + timedelta(days=n * 7 % 40),
                    measure_extended=False,
                    decision_extension_days=0,
                    major=False,
                    officer_count=2,
                )
            )
        uow.commit()


def _like(store: Store, text: str) -> list[int]:
    """LIKE's rows of ``text`` over 案号, 当事人, 案由, in the register's order."""
    with store.reading() as session:
        clause = search_clause(text, (Case.case_no, Case.party, Case.cause), dialect_of(session))
        stmt = select(Case.id).where(clause).order_by(Case.filed_on.desc(), Case.id.desc())
        return list(session.execute(stmt).scalars())


def test_the_first_page_counts_up_to_the_cap_and_the_exact_count_is_likes(migrated_store: Store) -> None:
    store = migrated_store
    _fill(store)
    actor = create_first_admin(store, "admin", "Chief-2026", "系统管理员")
    for text in ("鑫源", "鑫", "王", "鑫源1", "1号"):
        expected = _like(store, text)
        assert expected, text
        for cap in (1, 3, len(expected) - 1, len(expected), len(expected) + 1, 1000):
            if cap < 1:
                continue
            store.forget()  # nothing kept from the last count
            page = list_cases(store, actor, ListQuery(search=text, limit=2, count_cap=cap), AS_OF)
            assert [r.id for r in page.items] == expected[:2], (text, cap)
            # SQLite counts a short search from its index alone, exactly, at once: cap or not
            exact_anyway = store.kind == "sqlite" and len(text) <= 2
            if len(expected) > cap and not exact_anyway:
                assert (page.total, page.capped) == (cap, True), (text, cap)
            else:
                assert (page.total, page.capped) == (len(expected), False), (text, cap)
            # the pages past the cap are the search's rows as well
            later = list_cases(store, actor, ListQuery(search=text, offset=4, limit=3, count_cap=cap), AS_OF)
            assert [r.id for r in later.items] == expected[4:7], (text, cap)
        assert count_cases(store, actor, ListQuery(search=text, limit=2, count_cap=3), AS_OF) == len(expected)
        # without a cap the count is exact as before
        plain = list_cases(store, actor, ListQuery(search=text, limit=2), AS_OF)
        assert (plain.total, plain.capped) == (len(expected), False), text


def test_filters_and_no_search_are_capped_too(migrated_store: Store) -> None:
    store = migrated_store
    _fill(store)
    actor = create_first_admin(store, "admin", "Chief-2026", "系统管理员")
    everything = ListQuery(limit=5, count_cap=10)
    page = list_cases(store, actor, everything, AS_OF)
    assert (len(page.items), page.total, page.capped) == (5, 10, True)
    assert count_cases(store, actor, everything, AS_OF) == 40
    closed = ListQuery(search="鑫源", filters=(("stage", "closed"),), limit=5, count_cap=10)
    page = list_cases(store, actor, closed, AS_OF)
    assert (page.total, page.capped) == (10, True)  # 13 closed cases of 鑫源
    assert count_cases(store, actor, closed, AS_OF) == 13
    roomy = list_cases(store, actor, ListQuery(filters=(("stage", "filed"),), limit=5, count_cap=100), AS_OF)
    assert (roomy.total, roomy.capped) == (20, False)
    # every row at once (an export) is counted exactly whatever the cap
    every = list_cases(store, actor, ListQuery(limit=None, count_cap=3), AS_OF)
    assert (len(every.items), every.total, every.capped) == (40, 40, False)


def test_only_an_exact_count_is_kept_for_the_next_pages(migrated_store: Store) -> None:
    store = migrated_store
    _fill(store)
    actor = create_first_admin(store, "admin", "Chief-2026", "系统管理员")
    key = ("register_search_count", "鑫源")
    capped = list_cases(store, actor, ListQuery(search="鑫源", limit=2, count_cap=3), AS_OF)
    if store.kind == "sqlite":  # counted exactly from the index at once, and kept
        assert not capped.capped and store.memo.get(key) == XINYUAN
        store.forget()
    else:
        assert capped.capped and store.memo.get(key) is None
    assert count_cases(store, actor, ListQuery(search="鑫源", count_cap=3), AS_OF) == XINYUAN
    assert store.memo.get(key) == XINYUAN
    # the count kept answers the next first page exactly, cap or not
    again = list_cases(store, actor, ListQuery(search="鑫源", limit=2, count_cap=3), AS_OF)
    assert (again.total, again.capped) == (XINYUAN, False)


def test_postgresql_estimates_a_short_search_without_reading_rows(migrated_store: Store) -> None:
    """Past a capped count the walk's density is the planner's estimate (any text, quotes and
    backslashes included); SQLite has none (it counts exactly)."""
    from desktop.models import bigrams

    store = migrated_store
    _fill(store)
    with store.reading() as session:
        for text in ("鑫源", "王", "'", "\\", "a'"):
            guess = bigrams.estimate(session, text)
            if store.kind == "sqlite":
                assert guess is None
            else:
                assert isinstance(guess, int) and guess >= 0, text
