"""The register's search through the trigram index (migration 0004) on both databases: the same
rows as LIKE over the columns, for short and long text, Latin case and LIKE's special characters;
the index follows inserts, updates and deletes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy import text as sql_text

from desktop.models import Agency, Case, search
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
