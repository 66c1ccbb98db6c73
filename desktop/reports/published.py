"""Published assessment results: the list (which set and version, which period, when, by whom),
one result read back as it was published (every number with its working, never recomputed), and
its workbook."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from desktop.accounts.names import display_names
from desktop.core.errors import NotFound
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import IndicatorSetRecord, PublishedAssessment
from desktop.models.db import Store
from desktop.reports.dto import AgencyAssessment, Assessment, Behind, Period, Scored
from desktop.reports.indicators import read_set
from desktop.reports.workbook import assessment_tables, write_tables


@dataclass(frozen=True)
class PublishedRow:
    """One published result as the list shows it."""

    id: int
    set_name: str
    set_version: int
    set_sha256: str
    period_from: date
    period_to: date
    published_at: str
    published_by: str
    published_by_name: str
    agencies: int
    sha256: str


@dataclass(frozen=True)
class PublishedResult:
    """A published result read back: the list's row and the assessment as it was published."""

    row: PublishedRow
    assessment: Assessment


def _row(p: PublishedAssessment, s: IndicatorSetRecord, names: dict[str, str]) -> PublishedRow:
    doc = json.loads(p.document)
    return PublishedRow(
        p.id,
        s.name,
        s.version,
        s.sha256,
        p.period_from,
        p.period_to,
        p.published_at,
        p.published_by,
        names.get(p.published_by, p.published_by),
        len(doc.get("agencies", [])),
        p.sha256,
    )


def list_published(store: Store, actor: Actor) -> tuple[PublishedRow, ...]:
    """Every published result, the newest first."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        pairs = session.execute(
            select(PublishedAssessment, IndicatorSetRecord)
            .join(IndicatorSetRecord, IndicatorSetRecord.id == PublishedAssessment.set_id)
            .order_by(PublishedAssessment.published_at.desc(), PublishedAssessment.id.desc())
        ).all()
        names = display_names(session, {p.published_by for p, _s in pairs})
        return tuple(_row(p, s, names) for p, s in pairs)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _scored(x: dict[str, Any]) -> Scored:
    working = x["working"]
    return Scored(
        x["key"],
        x["name"],
        x["measure"],
        Decimal(str(x["weight"])),
        _decimal(x["value"]),
        _decimal(x["score"]),
        Decimal(str(working["numerator"])),
        working["denominator"],
        working["text"],
        tuple(Behind(b["ref"], b["label"], b["counted"]) for b in working["rows"]),
        x["counted"],
        x.get("note", ""),
    )


def assessment_of(doc: dict[str, Any]) -> Assessment:
    """The assessment a published document holds (its set, its agencies' numbers and working)."""
    s = doc["set"]
    indicator_set = read_set({"name": s["name"], "indicators": s["indicators"]}, s["version"])
    agencies = tuple(
        AgencyAssessment(
            n,
            g["agency"],
            tuple(_scored(x) for x in g["indicators"]),
            _decimal(g["total"]),
            Decimal(str(g["weight_counted"])),
            g["rank"],
        )
        for n, g in enumerate(doc["agencies"], start=1)
    )
    period = Period(date.fromisoformat(doc["from"]), date.fromisoformat(doc["to"]))
    return Assessment(period, indicator_set, agencies, tuple(doc.get("notes", ())))


def open_published(store: Store, actor: Actor, publication_id: int) -> PublishedResult:
    """One published result with its numbers and working, as published (an agency user: their
    agency's row only)."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        p = session.get(PublishedAssessment, publication_id)
        if p is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No published assessment {id}."), id=publication_id)
        s = session.get(IndicatorSetRecord, p.set_id)
        assert s is not None  # a foreign key
        row = _row(p, s, display_names(session, {p.published_by}))
        doc = json.loads(p.document)
    found = assessment_of(doc)
    if actor.scope_agency_id is not None:  # an agency sees its own scores and rank
        own = tuple(g for g in found.agencies if g.agency == actor.agency_name)
        found = Assessment(found.period, found.indicator_set, own, found.notes)
    return PublishedResult(row, found)


def export_published(store: Store, actor: Actor, publication_id: int, path: str | os.PathLike[str]) -> int:
    """A published result as the assessment workbook (its cover says who published it when);
    returns the number of agencies."""
    found = open_published(store, actor, publication_id)
    a, row = found.assessment, found.row
    cover = [
        ("考核期间", f"{a.period.start.isoformat()} 至 {a.period.end.isoformat()}"),
        ("指标体系", f"{row.set_name} v{row.set_version}"),
        ("指标体系指纹", row.set_sha256),
        ("发布时间", row.published_at),
        ("发布人", row.published_by_name),
        ("结果指纹", row.sha256),
        *(("说明", n) for n in a.notes),
    ]
    write_tables(path, cover, "行政执法考核结果（已发布）", assessment_tables(a))
    return len(a.agencies)
