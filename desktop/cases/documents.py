"""Recording dossier PDFs (卷宗) for cases already on the register: a case's dossier document is
added, or its path and page count replaced when the file was written again. One unit of work for
the whole batch, one ``attach_document`` audit record a file (before and after)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from desktop.accounts import audit
from desktop.cases.dto import DossierFile
from desktop.core.errors import NotFound
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import Case, CaseDocument
from desktop.models.db import Store

DOSSIER = "dossier"
"""The kind of a case's dossier document."""


def attach_dossiers(store: Store, actor: Actor, files: Sequence[DossierFile]) -> int:
    """Record the dossier files (see the module docstring); returns how many were recorded."""
    require(actor, Permission.EDIT_CASES)
    if not files:
        return 0
    with store.unit_of_work() as uow:
        session = uow.session
        ids = sorted({f.case_id for f in files})
        cases = {c.id: c for c in session.execute(select(Case).where(Case.id.in_(ids))).scalars()}
        current: dict[int, CaseDocument] = {}
        for document in session.execute(
            select(CaseDocument)
            .where(CaseDocument.case_id.in_(ids), CaseDocument.kind == DOSSIER)
            .order_by(CaseDocument.id)
        ).scalars():
            current[document.case_id] = document  # the latest when there are several
        changes = []
        for f in files:
            case = cases.get(f.case_id)
            if case is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=f.case_id)
            require_agency(actor, case.agency_id)
            found = current.get(f.case_id)
            before = None
            if found is None:
                document = current[f.case_id] = CaseDocument(
                    case_id=f.case_id, kind=DOSSIER, title=f.title, path=f.path, pages=f.pages
                )
                session.add(document)
            else:
                document = found
                before = {"path": document.path, "pages": document.pages}
                document.path, document.pages = f.path, f.pages
            changes.append(
                audit.Change(
                    "attach_document",
                    "case",
                    f.case_id,
                    before=before,
                    after={"kind": DOSSIER, "title": f.title, "path": f.path, "pages": f.pages},
                    summary=f"{case.case_no} {f.title}",
                )
            )
        session.flush()
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return len(files)
