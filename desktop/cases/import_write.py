"""Writing a checked register import in one short transaction (issue 16, item 12).

On SQLite a write transaction holds the store's only write lock: every other workstation's
write — a login's audit row included — waits for it. So everything that needs no lock is done
before the transaction begins: each case's column values, its officers, its dossier and its audit
snapshot in its canonical JSON text. The transaction then inserts them in a few multi-row
statements (the cases, their officers, their dossiers, the audit records) and commits: still all
rows or none.

On SQLite the new cases' ids are taken under the write lock as the register's largest id plus one
onwards (what SQLite itself does for a table without AUTOINCREMENT), so the rows go in with one
``executemany`` — an ``INSERT … RETURNING`` would be sent row by row. PostgreSQL takes them from
its sequence with ``RETURNING`` in batches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.cases import entry
from desktop.cases.entry import ResolvedCase
from desktop.core.security import Actor
from desktop.models import Case, CaseDocument, CaseOfficer, bulk_cases, warning_snapshots
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
    change: audit.PreparedChange


@dataclass(frozen=True)
class PreparedImport:
    """An import's cases ready to insert, and on SQLite their rows as the driver takes them."""

    cases: tuple[PreparedCase, ...]
    sqlite_rows: bulk_cases.PreparedRows | None


def prepare(
    store: Store, actor: Actor, items: Sequence[ResolvedCase], tick: Callable[[int], None]
) -> PreparedImport:
    """Every case built outside any transaction (``tick(done)`` now and then)."""
    out = []
    for done, resolved in enumerate(items, 1):
        case = entry.new_case(store, actor, resolved)
        values = {k: case.__dict__[k] for k in _COLUMNS if k in case.__dict__}
        values["version"] = 1
        documents = tuple(
            {"kind": d.kind, "title": d.title, "path": d.path, "pages": d.pages} for d in case.documents
        )
        change = audit.Change(
            "import", "case", after=entry.case_snapshot(case), summary=f"{case.case_no} {case.party}"
        )
        out.append(
            PreparedCase(values, tuple(o.officer_id for o in case.officers), documents, audit.prepare(change))
        )
        tick(done)
    dialect = store.engine.dialect
    rows = bulk_cases.prepare(dialect, [c.values for c in out]) if dialect.name == "sqlite" else None
    return PreparedImport(tuple(out), rows)


def insert_prepared(session: Session, store: Store, actor: Actor, prepared: PreparedImport) -> None:
    """Insert prepared cases with their officers, dossiers and audit records (the caller commits)."""
    cases = prepared.cases
    if prepared.sqlite_rows is not None:  # the write lock is held: nobody else takes these ids
        first = (session.execute(select(func.max(_CASES.c.id))).scalar() or 0) + 1
        ids = bulk_cases.insert(session, prepared.sqlite_rows, first)
    else:
        ids = []
        for start in range(0, len(cases), _CHUNK):
            statement = insert(_CASES).returning(_CASES.c.id, sort_by_parameter_order=True)
            ids.extend(
                session.execute(statement, [c.values for c in cases[start : start + _CHUNK]]).scalars()
            )
    officers = [
        {"case_id": case_id, "officer_id": officer_id, "position": position}
        for case_id, c in zip(ids, cases, strict=True)
        for position, officer_id in enumerate(c.officers)
    ]
    if officers and prepared.sqlite_rows is not None:  # new cases, marked for the kept warnings
        with warning_snapshots.set_aside(session.connection(), warning_snapshots.OFFICERS_INSERT_TRIGGER):
            session.execute(insert(table_of(CaseOfficer)), officers)
    elif officers:
        session.execute(insert(table_of(CaseOfficer)), officers)
    documents = [
        {**d, "case_id": case_id} for case_id, c in zip(ids, cases, strict=True) for d in c.documents
    ]
    if documents:
        session.execute(insert(table_of(CaseDocument)), documents)
    changes = [replace(c.change, entity_id=str(i)) for i, c in zip(ids, cases, strict=True)]
    audit.append(session, store, actor.name, changes)
