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


RUBRIC_FILE_LIMIT = 2 * 1024 * 1024
"""The largest rubric file read (the shipped ones are a few kilobytes)."""
RUBRIC_DEPTH_LIMIT = 16
"""The deepest nesting of a rubric document (the format needs six levels)."""


def read_rubric_file(path: Path) -> dict[str, Any]:
    """A rubric file's JSON, or a clear refusal naming the file: not a file, too large, not JSON,
    nested too deeply, a number with thousands of digits, a key given twice in one object."""
    path = Path(path)

    def refuse(template: str, **params: Any) -> ValidationError:
        return ValidationError(template, field="file", path=str(path), **params)

    try:
        if path.is_dir():
            raise refuse(QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a standard's JSON file."))
        with open(path, "rb") as stream:
            raw = stream.read(RUBRIC_FILE_LIMIT + 1)
    except FileNotFoundError:
        raise refuse(QT_TRANSLATE_NOOP("errors", "No such file: {path}.")) from None
    except OSError as exc:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}"),
            reason=exc.strerror or type(exc).__name__,
        ) from None
    if len(raw) > RUBRIC_FILE_LIMIT:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{path} is larger than {limit} MB; a standard is a small JSON file."),
            limit=RUBRIC_FILE_LIMIT // (1024 * 1024),
        )
    try:
        doc = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_Keys)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{path} is not a JSON file: {problem}"), problem=str(exc)
        ) from None
    except RecursionError:
        raise refuse(_TOO_DEEP, limit=RUBRIC_DEPTH_LIMIT) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise refuse(QT_TRANSLATE_NOOP("errors", "{path} holds a number with too many digits.")) from None
    _check_shape(doc, path)
    if not isinstance(doc, dict):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{path}: a standard is one JSON object."),
            field="file",
            path=str(path),
        )
    return doc


_TOO_DEEP = QT_TRANSLATE_NOOP("errors", "{path} is nested too deeply (more than {limit} levels).")


class _Keys(dict):
    """A JSON object that remembers the keys its text gave more than once (``json`` keeps the last
    silently: a standard whose second ``points`` wins unseen)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.twice: list[str] = []
        for key, _value in pairs:
            if key in seen:
                self.twice.append(key)
            seen.add(key)


def _check_shape(doc: Any, path: Path) -> None:
    """Refuse a document nested deeper than ``RUBRIC_DEPTH_LIMIT`` or with a key given twice in one
    object (named with its JSON path); walked without recursion."""
    stack: list[tuple[Any, str, int]] = [(doc, "", 1)]
    while stack:
        value, where, depth = stack.pop()
        if depth > RUBRIC_DEPTH_LIMIT:
            raise ValidationError(_TOO_DEEP, field="file", path=str(path), limit=RUBRIC_DEPTH_LIMIT)
        if isinstance(value, _Keys):
            if value.twice:
                key = value.twice[0]
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "{path}: the key {key} is given twice at {where}."),
                    field="file",
                    path=str(path),
                    key=key,
                    where=f"{where}.{key}" if where else key,
                )
            stack.extend((v, f"{where}.{k}" if where else str(k), depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value))


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
