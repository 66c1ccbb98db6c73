"""The register's search through the trigram index (migration 0004) on both databases: the same
rows as LIKE over the columns, for short and long text, Latin case and LIKE's special characters;
the indexes follow inserts, updates and deletes; one or two characters go through the index of
character pairs (migration 0015)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy import text as sql_text

from desktop.models import Agency, Case, bigrams, search
from desktop.models.db import Store
from desktop.models.queries import dialect_of, indexed_search_clause, search_clause

PARTIES = (
    "示范县城关鑫源超市",
    "鑫源",
    "河西鑫源建材经营部",
    "Xinyuan Trading Co.",
    "XINYUAN 鑫源",
    "王小明",
    "100%纯净水厂",
    "100_纯净水厂",
    "路径C:\\temp\\鑫源",
    "Ärger GmbH",
    "ärger gmbh",
    '引号"商店"',
    "鑫源超",
)
QUERIES = (
    "鑫",
    "鑫源",
    "鑫源超",
    "鑫源超市",
    "xinyuan",
    "XinYuan Trad",
    "Co.",
    "%",
    "0%纯",
    "_",
    "0_纯",
    "\\temp\\",
    "C:\\",
    "ärger",
    "ÄRGER",
    '"商店"',
    "市监罚〔2026〕",
    "罚〔2026〕1",
    "过期食品",
    "  鑫源超市  ",
    "没有这个",
)


def _fill(store: Store) -> None:
    with store.unit_of_work() as uow:
        agency = Agency(name="示范县市场监督管理局", short_name="县市场监管局")
        uow.session.add(agency)
        uow.session.flush()
        for n, party in enumerate(PARTIES, 1):
            uow.session.add(
                Case(
                    agency_id=agency.id,
                    case_no=f"示市监罚〔2026〕{n}号",
                    category="行政处罚",
                    cause="销售过期食品" if n % 2 else "虚假宣传",
                    party=party,
                    stage="filed",
                    filed_on=date(2026, 11, n),
                    measure_extended=False,
                    decision_extension_days=0,
                    major=False,
                    officer_count=2,
                )
            )
        uow.commit()


def _found(store: Store, text: str, indexed: bool) -> list[int]:
    columns = [Case.case_no, Case.party, Case.cause]
    with store.reading() as session:
        if indexed:
            clause = indexed_search_clause(session, text, columns, Case.id)
        else:
            clause = search_clause(text, columns, dialect_of(session))
        stmt = select(Case.id).order_by(Case.id)
        if clause is not None:
            stmt = stmt.where(clause)
        return list(session.execute(stmt).scalars())


def _uses_index(store: Store) -> bool:
    with store.engine.connect() as conn:
        if store.kind == "sqlite":
            sql = "SELECT count(*) FROM sqlite_master WHERE name = 'cases_fts'"
        else:
            sql = "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN ('ix_cases_case_no_trgm', 'ix_cases_party_trgm', 'ix_cases_cause_trgm')"
        return conn.exec_driver_sql(sql).scalar_one() > 0


def test_the_index_finds_the_rows_like_finds(migrated_store: Store) -> None:
    store = migrated_store
    _fill(store)
    assert _uses_index(store)
    for text in QUERIES:
        assert _found(store, text, True) == _found(store, text, False), text
    assert len(_found(store, "鑫源", True)) == 6
    assert len(_found(store, "xinyuan", True)) == 2  # Latin letters in any case
    assert len(_found(store, "0%纯", True)) == 1 and len(_found(store, "0_纯", True)) == 1
    assert len(_found(store, "\\temp\\", True)) == 1


def test_a_search_of_three_characters_or_more_uses_the_trigram_index(migrated_store: Store) -> None:
    """SQLite: the clause goes through the FTS5 table (not for 1–2 characters); PostgreSQL: the
    pg_trgm GIN indexes are there, and LIKE uses them as it is."""
    with migrated_store.reading() as session:
        long = indexed_search_clause(session, "鑫源超", [Case.party], Case.id)
        short = indexed_search_clause(session, "鑫源", [Case.party], Case.id)
        if migrated_store.kind == "postgresql":
            names = set(
                session.execute(
                    sql_text("SELECT indexname FROM pg_indexes WHERE tablename = 'cases'")
                ).scalars()
            )
    if migrated_store.kind == "sqlite":
        assert search.FTS_TABLE in str(long) and search.FTS_TABLE not in str(short)
    else:
        assert set(search.PG_INDEXES) <= names
        assert search.FTS_TABLE not in str(long)


def test_the_index_follows_changes(migrated_store: Store) -> None:
    store = migrated_store
    _fill(store)
    first = _found(store, "鑫源超市", True)
    with store.engine.begin() as conn:
        conn.execute(update(Case).where(Case.id == first[0]).values(party="城东便利店", version=2))
        conn.exec_driver_sql("DELETE FROM cases WHERE party = '鑫源超'")
    assert _found(store, "鑫源超市", True) == _found(store, "鑫源超市", False) == []
    assert _found(store, "城东便利", True) == first
    assert _found(store, "鑫源超", True) == _found(store, "鑫源超", False)
    if store.kind == "sqlite":
        with store.engine.connect() as conn:
            check = "INSERT INTO cases_fts (cases_fts, rank) VALUES ('integrity-check', 1)"
            conn.exec_driver_sql(check)  # raises when the index and the table disagree


SHORT_PARTIES = ("鑫", "源鑫", "A鑫源", "a鑫", "王b", "ÄB", "äb", "x", "XY", "Ab1", "鑫源鑫源")
SHORT_QUERIES = (
    "鑫",
    "源",
    "鑫源",
    "源鑫",
    "a",
    "A",
    "a鑫",
    "A鑫",
    "b",
    "B",
    "王b",
    "王B",
    "ä",
    "Ä",
    "äb",
    "ÄB",
    "x",
    "xy",
    "XY",
    "1",
    "b1",
    "%",
    "_",
    "\\",
    "号",
    "〔",
    "罚〔",
    "品",
    "宣",
    "示",
    "没",
)


def _fill_short(store: Store) -> None:
    _fill(store)
    with store.unit_of_work() as uow:
        agency_id = uow.session.execute(select(Agency.id)).scalar_one()
        for n, party in enumerate(SHORT_PARTIES, 50):
            uow.session.add(
                Case(
                    agency_id=agency_id,
                    case_no=f"B{n}",
                    category="行政处罚",
                    cause="品" if n % 2 else "x鑫",
                    party=party,
                    stage="filed",
                    filed_on=date(2026, 11, 1),
                    measure_extended=False,
                    decision_extension_days=0,
                    major=False,
                    officer_count=2,
                )
            )
        uow.commit()


def _short_queries_agree(store: Store) -> None:
    for text in (*QUERIES, *SHORT_QUERIES):
        assert _found(store, text, True) == _found(store, text, False), text


def test_one_and_two_characters_find_the_rows_like_finds(migrated_store: Store) -> None:
    """1 and 2 characters (Chinese, Latin in any case, mixed, LIKE's wildcards, a column's last
    character, a one-character column) go through the index of pairs with LIKE's rows."""
    store = migrated_store
    _fill_short(store)
    _short_queries_agree(store)
    assert len(_found(store, "鑫", True)) == 14
    assert len(_found(store, "a鑫", True)) == 2  # "A鑫源" and "a鑫": ASCII in any case
    assert _found(store, "ab", True) == _found(store, "AB", True) != []


def test_a_short_search_uses_the_index_of_pairs(migrated_store: Store) -> None:
    store = migrated_store
    _fill_short(store)
    columns = [Case.case_no, Case.party, Case.cause]
    with store.reading() as session:
        for text in ("鑫", "鑫源", "a"):
            clause = indexed_search_clause(session, text, columns, Case.id)
            assert clause is not None
            stmt = select(Case.id).where(clause)
            if store.kind == "sqlite":
                assert bigrams.FTS_TABLE in str(stmt)
                continue
            session.execute(sql_text("SET LOCAL enable_seqscan = off"))
            compiled = stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
            plan = "\n".join(session.execute(sql_text(f"EXPLAIN {compiled}")).scalars())
            assert bigrams.PG_INDEX in plan, plan


def test_the_index_of_pairs_follows_changes(migrated_store: Store) -> None:
    store = migrated_store
    _fill_short(store)
    with store.engine.begin() as conn:
        conn.execute(update(Case).where(Case.party == "源鑫").values(party="甲乙", version=2))
        conn.execute(update(Case).where(Case.party == "王b").values(cause="丙", version=2))
        conn.exec_driver_sql("DELETE FROM cases WHERE party = 'a鑫'")
        conn.exec_driver_sql(
            "INSERT INTO cases (agency_id, case_no, category, cause, party, stage, filed_on, "
            "measure_extended, decision_extension_days, major, officer_count, version, updated_at, updated_by) "
            "SELECT agency_id, 'C1', category, '丁', 'Q', stage, filed_on, measure_extended, "
            "decision_extension_days, major, officer_count, 1, updated_at, updated_by FROM cases WHERE party = 'x'"
        )
    for text, count in (
        ("源鑫", 1),
        ("甲乙", 1),
        ("甲", 1),
        ("乙", 1),
        ("丙", 1),
        ("a鑫", 1),
        ("丁", 1),
        ("q", 1),
    ):
        assert _found(store, text, True) == _found(store, text, False), text
        assert len(_found(store, text, True)) == count, text
    _short_queries_agree(store)
    if store.kind == "sqlite":
        with store.engine.connect() as conn:
            check = "INSERT INTO cases_bigrams (cases_bigrams, rank) VALUES ('integrity-check', 0)"
            conn.exec_driver_sql(check)


def _short_page(store: Store, text: str, walk_factor: int, monkeypatch, **window) -> tuple[list[int], int]:
    from desktop.cases import repository as repo
    from desktop.core.paging import ListQuery

    monkeypatch.setattr(repo, "WALK_FACTOR", walk_factor)
    with store.reading() as session:
        found = repo.short_search_page(session, ListQuery(search=text, **window), None)
        assert found is not None, text
        rows, total, exact = found
        assert exact, text
        return [r.id for r in rows], total


def _like_in_order(store: Store, text: str) -> list[int]:
    columns = [Case.case_no, Case.party, Case.cause]
    with store.reading() as session:
        clause = search_clause(text, columns, dialect_of(session))
        stmt = select(Case.id).where(clause).order_by(Case.filed_on.desc(), Case.id.desc())
        return list(session.execute(stmt).scalars())


def test_a_short_search_counts_from_the_index_alone_and_pages_like_rows(migrated_store: Store, monkeypatch):
    """The register's 1–2-character search: the count from the index of pairs is LIKE's count,
    and the window holds LIKE's rows in the register's order, whether it walks the index of
    filing dates (dense matches) or fetches the matches and sorts them (rare ones)."""
    store = migrated_store
    _fill_short(store)
    short = [
        t
        for t in (*QUERIES, *SHORT_QUERIES)
        if 0 < len(t.strip()) <= bigrams.MAX_LENGTH and bigrams.counts_exactly(t.strip())
    ]
    assert len(short) > 25
    for text in short:
        expected = _like_in_order(store, text)
        with store.reading() as session:
            assert bigrams.count(session, text.strip()) == len(expected), text
        for factor in (0, 10**9):  # never walk / always walk
            assert _short_page(store, text, factor, monkeypatch, limit=100) == (expected, len(expected)), text
            assert _short_page(store, text, factor, monkeypatch, offset=2, limit=3) == (
                expected[2:5],
                len(expected),
            ), text


def test_the_index_counts_only_what_it_counts_exactly(migrated_store: Store):
    """Characters whose case folding the databases might not share go the plain way (LIKE counts)."""
    from desktop.cases import repository as repo
    from desktop.core.paging import ListQuery

    store = migrated_store
    _fill_short(store)
    with store.reading() as session:
        assert bigrams.count(session, "ä") is None and bigrams.count(session, "鑫源超") is None
        assert repo.short_search_page(session, ListQuery(search="ä"), None) is None
        assert (
            repo.short_search_page(session, ListQuery(search="鑫", filters=(("stage", "filed"),)), None)
            is None
        )
        assert repo.short_search_page(session, ListQuery(search="鑫", sort="party"), None) is None
        assert repo.short_search_page(session, ListQuery(search="鑫"), 1) is None  # an agency's scope
        assert repo.short_search_page(session, ListQuery(search="鑫", filters=(("stage", None),)), None)


def test_the_register_counts_a_short_search_once_until_cases_change(migrated_store: Store):
    """The window's pages of one search reuse its count; a committed change of the register
    counts again (and the rows are LIKE's, newest first)."""
    from desktop.accounts.service import create_first_admin
    from desktop.cases.service import list_cases
    from desktop.core.paging import ListQuery

    store = migrated_store
    _fill_short(store)
    actor = create_first_admin(store, "admin", "Chief-2026", "系统管理员")
    expected = _like_in_order(store, "鑫")
    first = list_cases(store, actor, ListQuery(search="鑫", limit=5), date(2026, 12, 1))
    assert first.total == len(expected) and [r.id for r in first.items] == expected[:5]
    assert store.memo.get(("register_search_count", "鑫")) == len(expected)
    second = list_cases(store, actor, ListQuery(search="鑫", offset=5, limit=5), date(2026, 12, 1))
    assert second.total == len(expected) and [r.id for r in second.items] == expected[5:10]
    with store.unit_of_work() as uow:
        agency_id = uow.session.execute(select(Agency.id)).scalar_one()
        uow.session.add(
            Case(
                agency_id=agency_id,
                case_no="N1",
                category="行政处罚",
                cause="品",
                party="新鑫",
                stage="filed",
                filed_on=date(2026, 11, 30),
                measure_extended=False,
                decision_extension_days=0,
                major=False,
                officer_count=2,
            )
        )
        uow.commit()
    again = list_cases(store, actor, ListQuery(search="鑫", limit=5), date(2026, 12, 1))
    assert again.total == len(expected) + 1 and again.items[0].party == "新鑫"
