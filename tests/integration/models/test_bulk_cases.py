"""Issue 16 item 12: an import's cases written with their search entries in bulk on SQLite.

The pairs computed in Python are exactly those the trigger's view writes; rows inserted with the
insert triggers set aside are found by every search as LIKE finds them, the trigram index passes
SQLite's own integrity check, and the triggers are back afterwards — also after a rollback.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.models import Agency, Case, bigrams, bulk_cases
from desktop.models.db import Store
from desktop.models.queries import dialect_of, indexed_search_clause, search_clause

pytestmark = pytest.mark.sqlite_only

PARTIES = (
    "示范县城关鑫源超市",
    "XINYUAN 鑫源 Trading",
    "Ärger GmbH",
    "100%纯净水厂_甲",
    "路径C:\\temp\\鑫源",
    "王",
    "😀表情符号店",
    "ＡＢＣ全角",
    "",
    "长" * 5000,
)
QUERIES = (
    "鑫",
    "鑫源",
    "xin",
    "XI",
    "ärger",
    "gmbh",
    "%",
    "_甲",
    "\\t",
    "王",
    "😀",
    "😀表",
    "ＡＢ",
    "长长",
    "〔2026〕",
    "a",
)


def _agency(store: Store) -> int:
    with store.unit_of_work() as uow:
        agency = Agency(name="示范县市场监督管理局", short_name="县市场监管局")
        uow.session.add(agency)
        uow.session.flush()
        uow.commit()
        return agency.id


def _case(agency_id: int, n: int, party: str) -> Case:
    return Case(
        agency_id=agency_id,
        case_no=f"示市监罚〔2026〕{n}号" if n % 3 else f"AB-{n}",
        category="行政处罚",
        cause="销售过期食品" if n % 2 else "Xx虚假宣传",
        party=party,
        stage="filed",
        filed_on=date(2026, 11, 1 + n % 28),
        measure_extended=False,
        decision_extension_days=0,
        major=False,
        officer_count=2,
    )


def _values(case: Case) -> dict:
    """The columns the case object has (the others take their defaults, as in an import)."""
    return {c.key: case.__dict__[c.key] for c in Case.__table__.columns if c.key in case.__dict__}


def _triggers(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _found(store: Store, text: str, indexed: bool) -> list[int]:
    columns = [Case.case_no, Case.party, Case.cause]
    with store.reading() as session:
        if indexed:
            clause = indexed_search_clause(session, text, columns, Case.id)
        else:
            clause = search_clause(text, columns, dialect_of(session))
        stmt = select(Case.id).order_by(Case.id)
        return list(session.execute(stmt.where(clause) if clause is not None else stmt).scalars())


def test_the_pairs_computed_in_python_are_the_views(migrated_store: Store) -> None:
    store = migrated_store
    agency_id = _agency(store)
    with store.unit_of_work() as uow:  # through the triggers
        uow.session.add_all(_case(agency_id, n, party) for n, party in enumerate(PARTIES, 1))
        uow.commit()
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT c.case_no, c.party, c.cause, v.grams FROM cases c JOIN {bigrams.SOURCE_VIEW} v ON v.id = c.id"
        ).all()
    assert len(rows) == len(PARTIES)
    for case_no, party, cause, grams in rows:
        assert sorted(bulk_cases.sqlite_grams(case_no, party, cause).split()) == sorted(
            (grams or "").split()
        ), party[:20]


def _bulk_insert(store: Store, agency_id: int, start: int, fail: bool = False) -> list[int]:
    cases = [_case(agency_id, n, party) for n, party in enumerate(PARTIES, start)]
    prepared = bulk_cases.prepare(store.engine.dialect, [_values(c) for c in cases])
    with store.unit_of_work() as uow:
        first = (uow.session.execute(select(Case.id).order_by(Case.id.desc()).limit(1)).scalar() or 0) + 1
        ids = bulk_cases.insert(uow.session, prepared, first)
        if fail:
            raise RuntimeError("the import failed after its rows were written")
        uow.commit()
    return ids


def test_bulk_rows_are_found_as_like_finds_them_and_the_triggers_are_back(migrated_store: Store) -> None:
    store = migrated_store
    agency_id = _agency(store)
    triggers = _triggers(store)
    assert {"cases_fts_insert", "cases_bigrams_insert"} <= {name for name, _ in triggers}
    with store.unit_of_work() as uow:  # one case through the triggers, then the bulk ones
        uow.session.add(_case(agency_id, 100, "鑫源先来的"))
        uow.commit()
    ids = _bulk_insert(store, agency_id, 1)
    assert ids == list(range(2, 2 + len(PARTIES)))
    assert _triggers(store) == triggers
    for text in QUERIES:
        assert _found(store, text, True) == _found(store, text, False), text
    assert len(_found(store, "鑫", True)) == 4
    with store.engine.begin() as conn:  # SQLite's own check of the external-content trigram index
        conn.exec_driver_sql("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')")
    with store.unit_of_work() as uow:  # the triggers still follow later changes
        uow.session.add(_case(agency_id, 200, "后来的鑫源"))
        uow.commit()
    assert len(_found(store, "鑫", True)) == 5 == len(_found(store, "鑫", False))


def test_a_failed_bulk_insert_leaves_nothing_and_the_triggers_in_place(migrated_store: Store) -> None:
    store = migrated_store
    agency_id = _agency(store)
    triggers = _triggers(store)
    with pytest.raises(RuntimeError):
        _bulk_insert(store, agency_id, 1, fail=True)
    assert _triggers(store) == triggers
    assert _found(store, "鑫", True) == [] == _found(store, "鑫", False)
    _bulk_insert(store, agency_id, 1)
    assert _found(store, "鑫", True) == _found(store, "鑫", False) != []


def test_bulk_rows_are_marked_for_the_kept_warnings_as_the_trigger_marks_them(migrated_store: Store) -> None:
    """The bulk import sets the stale-marking insert trigger aside too and marks in two statements:
    the same cases as row by row (the new ones, and their parties' earlier 从轻/减轻 decisions)."""
    store = migrated_store
    agency_id = _agency(store)
    earlier = _case(agency_id, 300, "甲")
    earlier.party_id_number, earlier.discretion_band, earlier.decided_on = (
        "91341122MA2N000001",
        "从轻",
        date(2026, 1, 5),
    )
    with store.unit_of_work() as uow:
        uow.session.add(earlier)
        uow.commit()
        earlier_id = earlier.id
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM warning_stale")
    cases = [_case(agency_id, n, party) for n, party in enumerate(PARTIES, 1)]
    cases[0].party_id_number = "91341122MA2N000001"
    prepared = bulk_cases.prepare(store.engine.dialect, [_values(c) for c in cases])
    with store.unit_of_work() as uow:
        ids = bulk_cases.insert(uow.session, prepared, earlier_id + 1)
        uow.commit()
    with store.engine.connect() as conn:
        marked = {r[0] for r in conn.exec_driver_sql("SELECT case_id FROM warning_stale")}
    assert marked == {*ids, earlier_id}
    assert "warning_stale_cases_insert" in {name for name, _ in _triggers(store)}
