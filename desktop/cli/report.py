"""The report commands of the command line (CLI.md): ``report annual``, ``report assess``,
``report dashboard`` and the indicator sets (``report sets``, ``report set-save``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.output import EXIT_OK, table
from desktop.cli.parser import actions, as_of
from desktop.cli.runner import Run
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor


def add_parsers(sub: Any) -> None:
    """``report`` with its actions."""
    report = actions(
        sub, "report", "the dashboard, the assessment (执法考核) and the annual statistics (统计年报)"
    )
    a = report.add_parser("annual", help="the annual statistics workbook of a year, by agency")
    a.add_argument("--year", type=int, required=True, help="the year (e.g. last year)")
    a.add_argument("--out", required=True, help="the .xlsx to write")
    a.set_defaults(handler=cmd_annual, needs_user=True)

    s = report.add_parser("assess", help="score every agency on an indicator set for a period, ranked")
    s.add_argument("--from", dest="start", type=as_of, required=True, help="first day (YYYY-MM-DD)")
    s.add_argument("--to", dest="end", type=as_of, required=True, help="last day (YYYY-MM-DD)")
    s.add_argument("--set", dest="set_name", help="the indicator set's name (default: default)")
    s.add_argument("--out", help="the .xlsx to write (ranking, working, rows behind)")
    s.add_argument(
        "--publish", action="store_true", help="keep the result as published, with its set's version"
    )
    s.set_defaults(handler=cmd_assess, needs_user=True)

    d = report.add_parser("dashboard", help="the dashboard's numbers (default: the last twelve months)")
    d.add_argument("--from", dest="start", type=as_of, help="first day (default: a year before --to)")
    d.add_argument("--to", dest="end", type=as_of, help="last day (default: today or --as-of)")
    d.add_argument("--agency", help="only this agency (name or short name)")
    d.add_argument("--out", help="also write every figure as a workbook")
    d.set_defaults(handler=cmd_dashboard, needs_user=True)

    ls = report.add_parser("sets", help="the indicator sets and their versions")
    ls.set_defaults(handler=cmd_sets, needs_user=True)
    ss = report.add_parser(
        "set-save", help="store an indicator set from JSON (a changed one gets a new version)"
    )
    ss.add_argument(
        "file",
        help="the .json file: {name, indicators: [{key, name, measure, weight, rule, low, high, per, cap}]}",
    )
    ss.set_defaults(handler=cmd_set_save, needs_user=True)


def _today(run: Run) -> date:
    return run.args.as_of or run.store.clock.today()


def cmd_annual(run: Run, actor: Actor) -> int:
    from desktop.reports.annual import annual_report
    from desktop.reports.documents import annual_document
    from desktop.reports.workbook import write_annual

    report = annual_report(run.store, actor, run.args.year, run.args.as_of)
    write_annual(run.args.out, report)
    doc = {**annual_document(report), "out": str(run.args.out)}
    run.emit(
        doc,
        lambda: [
            translate(
                "cli", QT_TRANSLATE_NOOP("cli", "Wrote the {year} statistics ({n} tables) to {out}.")
            ).format(year=report.year, n=len(report.tables), out=run.args.out)
        ],
    )
    return EXIT_OK


def cmd_assess(run: Run, actor: Actor) -> int:
    from desktop.reports.assessment import assess
    from desktop.reports.documents import assessment_document
    from desktop.reports.sets import find_set, publish
    from desktop.reports.workbook import write_assessment

    chosen = find_set(run.store, actor, run.args.set_name)
    result = assess(run.store, actor, run.args.start, run.args.end, chosen, run.args.as_of)
    if run.args.out:
        write_assessment(run.args.out, result)
    doc = assessment_document(result)
    if run.args.publish:
        doc["published"] = publish(run.store, actor, result)
    if run.args.out:
        doc["out"] = str(run.args.out)

    def lines() -> list[str]:
        rows = [
            [g.rank or "", g.agency, g.total if g.total is not None else "", g.weight_counted]
            for g in result.agencies
        ]
        return [*table(["名次", "执法主体", "总分", "计入权重"], rows), *result.notes]

    run.emit(doc, lines)
    return EXIT_OK


def cmd_dashboard(run: Run, actor: Actor) -> int:
    from desktop.core.security import require_agency
    from desktop.personnel.lookup import find_agency
    from desktop.reports.dashboard import dashboard, default_period
    from desktop.reports.documents import dashboard_document
    from desktop.reports.workbook import write_dashboard

    end = run.args.end or _today(run)
    start = run.args.start or default_period(end)[0]
    agency_id = None
    if run.args.agency:
        with run.store.reading() as session:
            agency_id = find_agency(session, run.args.agency).id
        require_agency(actor, agency_id)
    d = dashboard(run.store, actor, start, end, agency_id, run.args.as_of)
    if run.args.out:
        write_dashboard(run.args.out, d)
    doc = dashboard_document(d)

    def lines() -> list[str]:
        out: list[str] = []
        for t in d.tables:
            out += [f"== {t.key}", *table(list(t.headers), [list(r) for r in t.rows])]
        return out

    run.emit(doc, lines)
    return EXIT_OK


def cmd_sets(run: Run, actor: Actor) -> int:
    from desktop.reports.indicators import set_document
    from desktop.reports.sets import list_sets

    found = list_sets(run.store, actor)
    items = [{**set_document(s), "sha256": s.sha256} for s in found]
    run.emit(
        {"items": items, "total": len(items)},
        lambda: table(["名称", "版本", "指标数"], [[s.name, s.version, len(s.indicators)] for s in found]),
    )
    return EXIT_OK


def cmd_set_save(run: Run, actor: Actor) -> int:
    from desktop.core.errors import ValidationError
    from desktop.reports.sets import save_set

    try:
        document = json.loads(Path(run.args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Cannot read {file}: {reason}"),
            field="file",
            file=run.args.file,
            reason=str(exc),
        ) from exc
    s = save_set(run.store, actor, document)
    run.emit(
        {"name": s.name, "version": s.version, "sha256": s.sha256},
        lambda: [f"{s.name} v{s.version}"],
    )
    return EXIT_OK
