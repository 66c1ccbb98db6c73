"""Dossier PDFs (卷宗) for the demo register: which closed 普通程序 penalty cases get one and
how many pages, the files written outside any transaction, then recorded as case documents through
``desktop.cases.documents.attach_dossiers`` (one ``attach_document`` audit record each)."""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.cases import terms
from desktop.cases.documents import attach_dossiers
from desktop.cases.dto import DossierFile
from desktop.core.security import Actor
from desktop.demo.dossier.facts import DossierFacts
from desktop.demo.officers import Cert, PoolOfficer
from desktop.demo.profiles import case_prefix
from desktop.demo.seed import DEMO_SEED
from desktop.models import Agency, Case, CaseDocument, CaseOfficer, Certificate, Officer
from desktop.models.db import Store

DOSSIER_TITLE = "卷宗"


@dataclass(frozen=True)
class _DossierJob:
    case_id: int
    case_no: str
    path: Path
    pages: int
    seed: int
    facts: DossierFacts


def dossier_pages(case_no: str) -> int:
    """How many pages a case's dossier has: most 8–40, some up to 120, a few up to 300."""
    rng = random.Random(f"{DEMO_SEED}-pages-{case_no}")
    roll = rng.random()
    if roll < 0.82:
        return rng.randint(8, 40)
    if roll < 0.96:
        return rng.randint(41, 120)
    return rng.randint(121, 300)


def _dossier_key(case_no: str) -> str:
    return hashlib.sha256(f"{DEMO_SEED}-dossier-{case_no}".encode()).hexdigest()


def add_demo_dossiers(
    store: Store,
    actor: Actor,
    folder: Path,
    *,
    limit: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the missing dossier PDFs into ``folder`` and record them; returns how many were written.

    ``limit`` cases get a dossier (``demo_cases.DOSSIER_COUNT`` in the demo).

    The files are written outside any transaction; the documents are recorded afterwards in one
    unit of work (also when cancelled or failed half-way: what was written is kept).
    """
    from desktop.demo.dossier.document import write_dossier

    jobs = _dossier_jobs(store, folder, limit)
    written: list[tuple[_DossierJob, int]] = []
    try:
        if progress is not None:
            progress(0, len(jobs))
        for n, job in enumerate(jobs, 1):
            if cancelled is not None and cancelled():
                break
            job.path.parent.mkdir(parents=True, exist_ok=True)
            pages = write_dossier(job.path, job.facts, pages=job.pages, seed=job.seed)
            written.append((job, pages))
            if progress is not None:
                progress(n, len(jobs))
    finally:
        if written:
            _record_dossiers(store, actor, written)
    return len(written)


def _dossier_jobs(store: Store, folder: Path, limit: int) -> list[_DossierJob]:
    with store.reading() as session:
        rows = session.execute(
            select(
                Case.id,
                Case.case_no,
                Agency.name,
                Agency.short_name,
                Case.category,
                Case.cause,
                Case.party,
                Case.party_type,
                Case.filed_on,
                Case.decided_on,
                Case.served_on,
                Case.penalty_kinds,
                Case.amount,
                Case.legal_basis,
            )
            .join(Agency, Agency.id == Case.agency_id)
            .where(
                Case.category == terms.PENALTY,
                Case.procedure == terms.ORDINARY,
                Case.closed_on.is_not(None),
                Case.decided_on.is_not(None),
            )
        ).all()
        rows = [
            r for r in rows if (prefix := case_prefix(r.short_name or "")) and r.case_no.startswith(prefix)
        ]
        rows.sort(key=lambda r: _dossier_key(r.case_no))
        rows = rows[: max(0, limit)]
        if not rows:
            return []
        ids = [r.id for r in rows]
        documents = {
            case_id: (doc_id, path)
            for doc_id, case_id, path in session.execute(
                select(CaseDocument.id, CaseDocument.case_id, CaseDocument.path)
                .where(CaseDocument.case_id.in_(ids), CaseDocument.kind == "dossier")
                .order_by(CaseDocument.id)
            )
        }
        people: dict[int, list[tuple[str, str]]] = defaultdict(list)
        officer_rows = session.execute(
            select(CaseOfficer.case_id, CaseOfficer.officer_id, Officer.name)
            .join(Officer, Officer.id == CaseOfficer.officer_id)
            .where(CaseOfficer.case_id.in_(ids))
            .order_by(CaseOfficer.case_id, CaseOfficer.position)
        ).all()
        certs: dict[int, list[Cert]] = defaultdict(list)
        for officer_id, number, issued, expires, status in session.execute(
            select(
                Certificate.officer_id,
                Certificate.number,
                Certificate.issued_on,
                Certificate.expires_on,
                Certificate.status,
            )
            .where(Certificate.officer_id.in_({r.officer_id for r in officer_rows}))
            .order_by(Certificate.issued_on)
        ):
            certs[officer_id].append(Cert(number, issued, expires, status))
        filed = {r.id: r.filed_on for r in rows}
        for case_id, officer_id, name in officer_rows:
            officer = PoolOfficer(officer_id, name, tuple(certs.get(officer_id, ())))
            people[case_id].append((name, officer.cert_number(filed[case_id])))
    jobs = []
    for r in rows:
        existing = documents.get(r.id)
        if existing is not None and Path(existing[1]).is_file():
            continue
        facts = DossierFacts(
            case_no=r.case_no,
            agency=r.name,
            category=r.category,
            cause=r.cause,
            party=r.party,
            party_type=r.party_type,
            officers=tuple(n for n, _c in people[r.id]),
            cert_numbers=tuple(c for _n, c in people[r.id]),
            filed_on=r.filed_on,
            decided_on=r.decided_on,
            served_on=r.served_on,
            penalty_kinds=terms.split_multi(r.penalty_kinds),
            amount=r.amount,
            legal_basis=r.legal_basis,
        )
        path = folder / (r.short_name or r.name) / f"{r.case_no}.pdf"
        jobs.append(
            _DossierJob(
                r.id,
                r.case_no,
                path,
                dossier_pages(r.case_no),
                int(_dossier_key(r.case_no)[:8], 16),
                facts,
            )
        )
    return jobs


def _record_dossiers(store: Store, actor: Actor, written: list[tuple[_DossierJob, int]]) -> None:
    files = [
        DossierFile(job.case_id, str(job.path.resolve()), pages, DOSSIER_TITLE) for job, pages in written
    ]
    attach_dossiers(store, actor, files)
