"""Review standards in the store (评查标准): import with every rule checked, list, read; a standard
that scored a file never changes (an edit becomes a new version); the shipped defaults."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paths import resources_dir
from desktop.core.security import Actor, Permission, require
from desktop.models import CampaignFile, Rubric, Scoring
from desktop.models.db import Store
from desktop.review import rubric as rb
from desktop.review.dto import RubricImport, RubricRow
from desktop.review.rubric_checks import canonical_json, parse_rubric


def default_rubric_files() -> tuple[Path, ...]:
    """The standards shipped with the program (resources/rubrics)."""
    return tuple(sorted((resources_dir() / "rubrics").glob("*.json")))


def read_rubric_file(path: Path) -> dict[str, Any]:
    """A rubric file's JSON, or a clear refusal naming the file."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "No such file: {path}."), field="file", path=str(path)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a JSON file: {problem}"),
            field="file",
            path=str(path),
            problem=str(exc),
        ) from None
    if not isinstance(doc, dict):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{path}: a standard is one JSON object."),
            field="file",
            path=str(path),
        )
    return doc


def import_rubric(
    store: Store,
    actor: Actor,
    path: Path | None = None,
    *,
    doc: dict[str, Any] | None = None,
    is_default: bool = False,
) -> RubricImport:
    """Store a standard from a file (or a document): checked first; a changed standard that scored a
    file becomes a new version, an unused one is replaced; audited."""
    require(actor, Permission.MANAGE_REVIEWS)
    if doc is None:
        assert path is not None
        doc = read_rubric_file(path)
    parsed = parse_rubric(doc)
    text = canonical_json(doc)
    digest = hashlib.sha256(text.encode()).hexdigest()
    with store.unit_of_work() as uow:
        session = uow.session
        latest = session.execute(
            select(Rubric).where(Rubric.code == parsed.code).order_by(Rubric.version.desc()).limit(1)
        ).scalar_one_or_none()
        if latest is not None and latest.sha256 == digest:
            return RubricImport(_row(session, latest), "unchanged")
        now = utc_iso(store.clock.now())
        fields = {
            "name": parsed.name,
            "applies_to": "、".join(parsed.applies_to),
            "document": text,
            "sha256": digest,
            "is_default": is_default,
            "source_name": path.name if path else None,
            "imported_at": now,
            "imported_by": actor.name,
        }
        if latest is not None and not rubric_used(session, latest.id):
            before = {"sha256": latest.sha256, "name": latest.name}
            for k, v in fields.items():
                setattr(latest, k, v)
            row, outcome = latest, "updated"
        else:
            before = None
            row = Rubric(code=parsed.code, version=1 if latest is None else latest.version + 1, **fields)
            session.add(row)
            outcome = "new" if latest is None else "version"
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "import_rubric",
            "rubric",
            row.id,
            before=before,
            after={"code": row.code, "version": row.version, "sha256": digest, "outcome": outcome},
            summary=f"{row.code} v{row.version}",
        )
        answer = RubricImport(_row(session, row), outcome)
        uow.commit()
        return answer


def install_default_rubrics(store: Store, actor: Actor) -> tuple[RubricImport, ...]:
    """Import the shipped standards (labelled defaults: to be checked against the province's)."""
    return tuple(import_rubric(store, actor, p, is_default=True) for p in default_rubric_files())


def list_rubrics(store: Store, actor: Actor, *, latest_only: bool = False) -> tuple[RubricRow, ...]:
    """Every stored standard (or the newest version of each), by code and version."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        rows = session.execute(select(Rubric).order_by(Rubric.code, Rubric.version)).scalars().all()
        if latest_only:
            newest: dict[str, Rubric] = {}
            for r in rows:
                newest[r.code] = r
            rows = list(newest.values())
        return tuple(_row(session, r) for r in rows)


def get_rubric(store: Store, actor: Actor, rubric_id: int) -> tuple[RubricRow, rb.Rubric]:
    """A stored standard and its parsed content."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        row = session.get(Rubric, rubric_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such standard (id {id})."), id=rubric_id)
        return _row(session, row), load_rubric(row)


_PARSED: dict[str, rb.Rubric] = {}


def load_rubric(row: Rubric) -> rb.Rubric:
    """The parsed standard of a stored row (kept by content hash: stored standards never change)."""
    parsed = _PARSED.get(row.sha256)
    if parsed is None:
        parsed = _PARSED[row.sha256] = parse_rubric(row.document)
    return parsed


def rubrics_by_id(session: Session, ids: Iterable[int]) -> dict[int, rb.Rubric]:
    """The parsed standards with these ids (the files of a list name a few)."""
    return {
        r.id: load_rubric(r) for r in session.execute(select(Rubric).where(Rubric.id.in_(set(ids)))).scalars()
    }


def rubric_used(session: Session, rubric_id: int) -> bool:
    """Whether a file was scored (or is being scored) under this standard."""
    return (
        session.execute(
            select(func.count())
            .select_from(Scoring)
            .join(CampaignFile)
            .where(CampaignFile.rubric_id == rubric_id)
        ).scalar_one()
        > 0
    )


def rubric_label(row: Rubric) -> str:
    return f"{row.name} ({row.code} v{row.version})"


def _row(session: Session, r: Rubric) -> RubricRow:
    parsed = load_rubric(r)
    return RubricRow(
        r.id,
        r.code,
        r.version,
        r.name,
        parsed.applies_to,
        parsed.total,
        r.is_default,
        r.imported_at,
        r.imported_by,
        rubric_used(session, r.id),
        len(parsed.sections),
        sum(len(i.deductions) for i in parsed.items()),
        len(parsed.vetoes),
    )
