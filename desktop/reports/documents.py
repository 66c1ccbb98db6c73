"""The reports as JSON documents (the command line's ``--json``; the same numbers as the
workbooks and the window)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from desktop.reports.dto import AnnualReport, Assessment, Dashboard, Scored, Table
from desktop.reports.indicators import set_document


def number(value: Any) -> Any:
    """Decimals as numbers (whole ones as integers)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    return value


def table_items(t: Table) -> list[dict[str, Any]]:
    return [{h: number(v) for h, v in zip(t.headers, row, strict=True)} for row in t.rows]


def scored_document(s: Scored) -> dict[str, Any]:
    return {
        "key": s.key,
        "name": s.name,
        "measure": s.measure,
        "weight": number(s.weight),
        "value": number(s.value),
        "score": number(s.score),
        "available": s.denominator is not None or s.counted,
        "counted": s.counted,
        "working": {
            "numerator": number(s.numerator),
            "denominator": s.denominator,
            "text": s.working,
            "rows": [{"ref": b.ref, "label": b.label, "counted": b.counted} for b in s.rows],
        },
        "note": s.note,
    }


def assessment_document(a: Assessment) -> dict[str, Any]:
    s = a.indicator_set
    return {
        "from": a.period.start.isoformat(),
        "to": a.period.end.isoformat(),
        "set": {
            "name": s.name,
            "version": s.version,
            "sha256": s.sha256,
            **{"indicators": set_document(s)["indicators"]},
        },
        "agencies": [
            {
                "agency": g.agency,
                "rank": g.rank,
                "total": number(g.total),
                "weight_counted": number(g.weight_counted),
                "indicators": [scored_document(x) for x in g.indicators],
            }
            for g in a.agencies
        ],
        "notes": list(a.notes),
    }


def dashboard_document(d: Dashboard) -> dict[str, Any]:
    out: dict[str, Any] = {
        "from": d.period.start.isoformat(),
        "to": d.period.end.isoformat(),
        "agency": d.agency,
    }
    for t in d.tables:
        out[t.key] = table_items(t)
    out["not_available"] = list(d.not_available)
    return out


def annual_document(r: AnnualReport) -> dict[str, Any]:
    return {
        "year": r.year,
        "agencies": list(r.agencies),
        "tables": [
            {
                "key": t.key,
                "title": t.title,
                "headers": list(t.headers),
                "rows": [[number(v) for v in row] for row in t.rows],
                "note": t.note,
            }
            for t in r.tables
        ],
    }
