"""Writing a checked register import in one short transaction (issue 16, item 12).

On SQLite a write transaction holds the store's only write lock: every other workstation's
write — a login's audit row included — waits for it. So everything that needs no lock is done
before the transaction begins: each case's column values, its officers, its dossier and its audit
snapshot. The transaction then inserts them in a few multi-row statements (the cases, their
officers, their dossiers, the audit records) and commits: still all rows or none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.cases import entry
from desktop.cases.entry import ResolvedCase
from desktop.core.security import Actor
from desktop.models import Case, CaseDocument, CaseOfficer
from desktop.models.base import table_of
from desktop.models.db import Store

_CHUNK = 2_000
_CASES = table_of(Case)
_COLUMNS = tuple(c.key for c in _CASES.columns if c.key != "id")


@dataclass(frozen=True)
class PreparedCase:
    """A case ready to insert: its columns, officers (in order), dossier documents and the audit
    record's ``after`` (its id is known only once inserted)."""

    values: dict[str, Any]
    officers: tuple[int, ...]
    documents: tuple[dict[str, Any], ...]
    snapshot: dict[str, Any]
    summary: str


def prepare(
    store: Store, actor: Actor, items: Sequence[ResolvedCase], tick: Callable[[int], None]
) -> list[PreparedCase]:
    """Every case built outside any transaction (``tick(done)`` now and then)."""
    out = []
    for done, resolved in enumerate(items, 1):
        case = entry.new_case(store, actor, resolved)
        values = {k: case.__dict__[k] for k in _COLUMNS if k in case.__dict__}
        values["version"] = 1
        documents = tuple(
            {"kind": d.kind, "title": d.title, "path": d.path, "pages": d.pages} for d in case.documents
        )
        out.append(
            PreparedCase(
                values,
                tuple(o.officer_id for o in case.officers),
                documents,
                entry.case_snapshot(case),
                f"{case.case_no} {case.party}",
            )
        )
        tick(done)
    return out


def insert_prepared(session: Session, store: Store, actor: Actor, cases: Sequence[PreparedCase]) -> None:
    """Insert prepared cases with their officers, dossiers and audit records (the caller commits)."""
    changes: list[audit.Change] = []
    for start in range(0, len(cases), _CHUNK):
        chunk = cases[start : start + _CHUNK]
        ids = (
            session.execute(
                insert(_CASES).returning(_CASES.c.id, sort_by_parameter_order=True), [c.values for c in chunk]
            )
            .scalars()
            .all()
        )
        officers = [
            {"case_id": case_id, "officer_id": officer_id, "position": position}
            for case_id, c in zip(ids, chunk, strict=True)
            for position, officer_id in enumerate(c.officers)
        ]
        if officers:
            session.execute(insert(table_of(CaseOfficer)), officers)
        documents = [
            {**d, "case_id": case_id} for case_id, c in zip(ids, chunk, strict=True) for d in c.documents
        ]
        if documents:
            session.execute(insert(table_of(CaseDocument)), documents)
        changes.extend(
            audit.Change("import", "case", case_id, after=c.snapshot, summary=c.summary)
            for case_id, c in zip(ids, chunk, strict=True)
        )
    audit.record_many(session, store, actor.name, changes)
