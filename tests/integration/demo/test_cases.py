"""The demo county's case register: about 5,000 cases over three years, a few percent of every
warning, idempotent and deterministic; dossier PDFs written outside the transaction."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select

from desktop.accounts.audit import verify_chain
from desktop.cases import terms
from desktop.cases.checks import date_order_problems, input_dates, stage_of
from desktop.cases.rules import WARNING_CODES
from desktop.cases.supervision import warning_counts
from desktop.core.clock import FixedClock
from desktop.core.errors import Cancelled
from desktop.core.identifiers import is_valid_credit_code, is_valid_resident_id
from desktop.core.security import Actor
from desktop.demo import load_demo
from desktop.demo.cases import PROFILES
from desktop.models import Case, CaseDocument, CaseOfficer
from desktop.models.db import Store
from tests.helpers.stores import DEMO_DOSSIERS, DemoTemplate, DemoTemplates


def case_numbers(store: Store) -> list:
    with store.reading() as session:
        return sorted(session.execute(select(Case.case_no, Case.party, Case.filed_on)).all())


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
def test_the_register_is_realistic_and_plants_every_warning(
    demo_store: tuple[Store, DemoTemplate], clock: FixedClock
) -> None:
    store, template = demo_store  # loaded once for the test process (read only on PostgreSQL)
    summary, admin = template.summary, template.admin
    today = clock.today()
    assert 4500 <= summary.cases <= 5500 and summary.dossiers == DEMO_DOSSIERS
    with store.reading() as session:
        cases = session.execute(select(Case)).scalars().all()
        officers = Counter(session.execute(select(CaseOfficer.case_id)).scalars())
        assert len(cases) == summary.cases
        filed = [c.filed_on for c in cases]
        assert today - timedelta(days=3 * 366) <= min(filed) <= today - timedelta(days=3 * 365 - 30)
        assert max(filed) <= today
        by_category = Counter(c.category for c in cases)
        assert 0.55 <= by_category[terms.PENALTY] / len(cases) <= 0.65
        assert 0.25 <= by_category[terms.INSPECTION] / len(cases) <= 0.35
        assert 0.07 <= by_category[terms.COERCION] / len(cases) <= 0.14
        penalties = [c for c in cases if c.category == terms.PENALTY]
        assert 0.28 <= sum(c.procedure == terms.SUMMARY for c in penalties) / len(penalties) <= 0.42
        prefixes = {c.case_no.split("〔")[0] for c in cases}
        assert prefixes == {p.prefix + mark for p in PROFILES.values() for mark in "罚检强"}
        for c in cases:
            dates = {name: getattr(c, name) for name in input_dates(c)}
            assert c.stage == stage_of(dates), c.case_no
            assert not date_order_problems(dates), c.case_no
            assert c.officer_count == officers[c.id] >= 1, c.case_no
            assert (
                is_valid_resident_id(c.party_id_number)
                if c.party_type == "自然人"
                else is_valid_credit_code(c.party_id_number)
            ), c.case_no
            if c.category == terms.COERCION:
                assert c.measures and c.measure_on is not None
        assert any(c.closed_on is None for c in cases) and sum(
            c.closed_on is not None for c in cases
        ) > 0.8 * len(cases)
        assert any(c.major and c.legal_review_on is not None for c in cases)
        assert max(c.amount or Decimal(0) for c in penalties) >= Decimal("100000")

    counts: Counter[str] = Counter()
    for row in warning_counts(store, admin, as_of=today):
        counts[row.code] += row.open + row.handled
    for code in WARNING_CODES:
        assert 0.01 * len(cases) <= counts[code] <= 0.06 * len(cases), (code, counts[code])

    again = load_demo(store, admin)
    assert (again.agencies, again.officers, again.accounts, again.cases, again.dossiers) == (0, 0, 0, 0, 0)
    with store.reading() as session:
        assert session.execute(select(func.count()).select_from(Case)).scalar_one() == len(cases)
    assert verify_chain(store).ok


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
@pytest.mark.sqlite_only  # the load itself is compared on both databases (test_county.py)
def test_deterministic_with_dossiers_written_after_the_cases(
    store: Store, admin: Actor, demo_templates: DemoTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "dossiers"
    reports: list[tuple[int, int]] = []
    calls = iter([False, False, False, True])  # before the cases, the commit, the first PDF; then Cancel

    first = load_demo(
        store,
        admin,
        dossier_dir=folder,
        dossier_limit=3,
        progress=lambda done, total: reports.append((done, total)),
        cancelled=lambda: next(calls, True),
    )
    assert first.cases > 4500 and first.dossiers == 1  # cancelled after the first PDF: that one is kept
    assert reports == [(0, 3), (1, 3)]

    rest = load_demo(store, admin, dossier_dir=folder, dossier_limit=3)
    assert (rest.cases, rest.dossiers) == (0, 2)
    with store.reading() as session:
        documents = session.execute(
            select(
                CaseDocument.kind,
                CaseDocument.title,
                CaseDocument.path,
                CaseDocument.pages,
                Case.case_no,
                Case.category,
                Case.procedure,
                Case.closed_on,
            ).join(Case)
        ).all()
    assert len(documents) == 3
    for kind, title, path, pages, case_no, category, procedure, closed_on in documents:
        assert (kind, title, category, procedure) == ("dossier", "卷宗", terms.PENALTY, terms.ORDINARY)
        assert closed_on is not None
        assert Path(path).is_file() and Path(path).is_relative_to(folder.resolve())
        with pymupdf.open(path) as pdf:
            assert pdf.page_count == pages >= 5
            assert case_no in pdf.metadata["title"]

    Path(documents[0].path).unlink()
    refill = load_demo(store, admin, dossier_dir=folder, dossier_limit=3)
    assert refill.dossiers == 1 and Path(documents[0].path).is_file()
    with store.reading() as session:
        assert session.execute(select(func.count()).select_from(CaseDocument)).scalar_one() == 3
    assert verify_chain(store).ok

    template = demo_templates.get("sqlite", pg=lambda: None)  # loaded on its own, into SQLite
    other = Store(template.url)
    try:
        assert template.summary.cases == first.cases
        assert case_numbers(other) == case_numbers(store)
    finally:
        other.dispose()


def test_cancel_before_the_commit_changes_nothing(store: Store, admin: Actor) -> None:
    with pytest.raises(Cancelled):
        load_demo(store, admin, cancelled=lambda: True)
    with store.reading() as session:
        assert session.execute(select(func.count()).select_from(Case)).scalar_one() == 0
