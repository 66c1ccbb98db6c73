"""The case commands of the command line (CLI.md): ``cases import | list | show | warnings``,
with ``--as-of``, and the corrections ``cases correct-stage | withdraw-stage`` (with a reason);
JSON shapes as CLI.md, tables in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from desktop.cases.rules import ALL_WARNING_CODES
from desktop.cases.terms import STAGES
from desktop.cli.output import EXIT_OK, import_lines, table, total_line
from desktop.cli.parser import actions, as_of, import_parser, list_parser, list_query
from desktop.cli.runner import Run
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor
from desktop.personnel.certificate_history import PERSONNEL_WARNING_CODES

_STAGES = ("discovered", *STAGES, "measure", "measure_released")
"""The stages a correction names (``corrections.CORRECTABLE``)."""


def add_parsers(sub: Any) -> None:
    """``cases import | list | show | warnings``."""
    cases = actions(sub, "cases", "the case register and its supervision warnings")
    import_parser(cases, cmd_cases_import, "import the case register (FORMATS.md §1)")
    cl = list_parser(cases, "list", cmd_cases_list, "list cases with their open warnings (as of --as-of)")
    cl.add_argument("--agency", help="only this agency's cases (name or short name)")
    cl.add_argument("--overdue", action="store_true", help="only cases with a missed deadline")
    show = cases.add_parser("show", help="one case: stages, officers, deadlines and warnings (as of --as-of)")
    show.add_argument("case_no", help="the 案号")
    show.add_argument("--agency", help="the agency, when two agencies use the same 案号")
    show.set_defaults(handler=cmd_cases_show, needs_user=True)
    cw = list_parser(
        cases,
        "warnings",
        cmd_cases_warnings,
        "every supervision warning as of --as-of, handled or not (see 'handled')",
    )
    cw.add_argument("--agency", help="only this agency's warnings (name or short name)")
    cw.add_argument(
        "--code", choices=(*ALL_WARNING_CODES, *PERSONNEL_WARNING_CODES), help="only warnings with this code"
    )
    for name, handler, text in (
        ("correct-stage", cmd_cases_correct_stage, "correct the date of a recorded stage, with a reason"),
        ("withdraw-stage", cmd_cases_withdraw_stage, "withdraw a stage recorded by mistake, with a reason"),
    ):
        fix = cases.add_parser(name, help=text + "; prints the case as 'cases show' does")
        fix.add_argument("case_no", help="the 案号")
        fix.add_argument("--stage", required=True, choices=_STAGES, help="the stage")
        if name == "correct-stage":
            fix.add_argument("--date", required=True, type=as_of, help="the corrected date (YYYY-MM-DD)")
        fix.add_argument("--reason", required=True, help="why (kept in the audit record)")
        fix.add_argument("--agency", help="the agency, when two agencies use the same 案号")
        fix.set_defaults(handler=handler, needs_user=True)


def _as_of_date(run: Run) -> date:
    """``--as-of``, else today on the store's clock."""
    return run.args.as_of or run.store.clock.today()


def _agency_filter(run: Run, actor: Actor) -> int | None:
    """The id of ``--agency`` (name or short name); a scoped user may name only their own."""
    from desktop.core.security import require_agency
    from desktop.personnel.lookup import find_agency

    if not run.args.agency:
        return None
    with run.store.reading() as session:
        agency_id = find_agency(session, run.args.agency).id
    require_agency(actor, agency_id)
    return agency_id


def _money(value: Any) -> float | None:
    return None if value is None else float(value)


def _note_calendar(run: Run, years: Sequence[int]) -> None:
    """In table mode, say on stderr which years' deadlines count weekends only."""
    if years and not run.json:
        run.err.write(
            translate(
                "cli",
                QT_TRANSLATE_NOOP(
                    "cli",
                    "Note: the holidays of {years} are not loaded; deadlines in those years count "
                    "weekends only (update the chinese-calendar package or add local overrides).",
                ),
            ).format(years=", ".join(str(y) for y in years))
            + "\n"
        )


def cmd_cases_import(run: Run, actor: Actor) -> int:
    """Import the case register (all rows or none)."""
    from desktop.cases.exchange import import_cases

    result = import_cases(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_cases_list(run: Run, actor: Actor) -> int:
    """List cases with their open warnings as of ``--as-of``."""
    from desktop.cases.service import list_cases

    as_of = _as_of_date(run)
    page = list_cases(
        run.store,
        actor,
        list_query(run.args, agency_id=_agency_filter(run, actor), overdue=run.args.overdue),
        as_of,
    )
    items = [
        {
            "case_no": c.case_no,
            "agency": c.agency_name,
            "category": c.category,
            "procedure": c.procedure,
            "stage": c.stage,
            "cause": c.cause,
            "party": c.party,
            "filed_on": c.filed_on,
            "decided_on": c.decided_on,
            "closed_on": c.closed_on,
            "amount": _money(c.amount),
            "officers": c.officer_count,
            "warnings": list(c.warnings),
        }
        for c in page.items
    ]
    notes = list(page.notes)
    document: dict[str, Any] = {"items": items, "total": page.total}
    if notes:
        document["calendar_notes"] = notes
    run.emit(
        document,
        lambda: [
            *table(
                [
                    "案号",
                    "执法主体",
                    "案件类别",
                    "程序类型",
                    "阶段",
                    "当事人",
                    "立案日期",
                    "决定日期",
                    "预警",
                ],
                [
                    [
                        c.case_no,
                        c.agency_name,
                        c.category,
                        c.procedure,
                        _stage(c.stage),
                        c.party,
                        c.filed_on,
                        c.decided_on,
                        "、".join(_warning_title(code) for code in c.warnings),
                    ]
                    for c in page.items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    _note_calendar(run, notes)
    return EXIT_OK


def _cert_state(state: str) -> str:
    from desktop.personnel.exchange import CERT_STATE_TITLES

    return {**CERT_STATE_TITLES, "not_yet": "尚未发证"}.get(state, state)


def _warning_title(code: str) -> str:
    from desktop.cases.rules import WARNING_TITLES

    return translate("warnings", WARNING_TITLES.get(code, code))


def _level_word(level: str) -> str:
    from desktop.cases.rules import LEVEL_TITLES

    return translate("warnings", LEVEL_TITLES.get(level, level))


def _stage(stage: str) -> str:
    from desktop.cases.terms import stage_title

    return stage_title(stage)


def cmd_cases_warnings(run: Run, actor: Actor) -> int:
    """Every supervision warning as of ``--as-of``, handled (处置) or not: the register's, then the
    personnel area's (certificates and training; ``officer`` and ``number`` added), as the warning
    centre lists them."""
    from desktop.cases.supervision import list_warnings

    as_of = _as_of_date(run)
    code = run.args.code
    agency_id = _agency_filter(run, actor)
    query = list_query(run.args, agency_id=agency_id, code=code, state="all")
    page = list_warnings(run.store, actor, replace(query, offset=0, limit=None), as_of)
    rows: list[Any] = list(page.items)
    notes: list[int] = list(page.notes)
    end = None if run.args.limit is None else run.args.offset + run.args.limit
    shown = rows[run.args.offset : end]
    items = [_warning_json(w) for w in shown]
    document: dict[str, Any] = {"items": items, "total": len(rows)}
    if notes:
        document["calendar_notes"] = notes
    handled = translate("cli", QT_TRANSLATE_NOOP("cli", "handled"))
    run.emit(
        document,
        lambda: [
            *table(
                ["案号", "执法主体", "预警", "级别", "期限", "说明", "处置"],
                [
                    [
                        w.reference,
                        w.agency,
                        w.title,
                        _level_word(w.level),
                        w.due,
                        w.message,
                        handled if getattr(w, "handled", False) else "",
                    ]
                    for w in shown
                ],
            ),
            total_line(len(rows), len(items)),
        ],
    )
    _note_calendar(run, notes)
    return EXIT_OK


def _warning_json(w: Any) -> dict[str, Any]:
    document = {
        "case_no": w.case_no,
        "agency": w.agency,
        "code": w.code,
        "level": w.level,
        "due": w.due,
        "message": w.message,
        "handled": getattr(w, "handled", False),
    }
    if getattr(w, "officer", ""):
        document |= {"officer": w.officer, "number": w.number}
    return document


def cmd_cases_show(run: Run, actor: Actor) -> int:
    """One case with its stages, officers, deadlines and warnings as of ``--as-of``."""
    from desktop.cases.service import find_case

    agency_id = _agency_filter(run, actor)  # an unknown agency, or another agency's, says so
    case = find_case(run.store, actor, run.args.case_no, agency_id, _as_of_date(run))
    run.emit(_case_json(case), lambda: _case_lines(case))
    _note_calendar(run, case.calendar_notes)
    return EXIT_OK


def cmd_cases_correct_stage(run: Run, actor: Actor) -> int:
    """Correct the date of a recorded stage (audited with the reason); the case as it is now."""
    from desktop.cases.corrections import correct_stage_date
    from desktop.cases.service import find_case

    case = find_case(run.store, actor, run.args.case_no, _agency_filter(run, actor))
    a = run.args
    fixed = correct_stage_date(run.store, actor, case.id, case.version, a.stage, a.date, a.reason)
    return _show_corrected(run, actor, fixed.id)


def cmd_cases_withdraw_stage(run: Run, actor: Actor) -> int:
    """Withdraw a recorded stage (audited with the reason); the case as it is now."""
    from desktop.cases.corrections import withdraw_stage
    from desktop.cases.service import find_case

    case = find_case(run.store, actor, run.args.case_no, _agency_filter(run, actor))
    fixed = withdraw_stage(run.store, actor, case.id, case.version, run.args.stage, run.args.reason)
    return _show_corrected(run, actor, fixed.id)


def _show_corrected(run: Run, actor: Actor, case_id: int) -> int:
    from desktop.cases.service import get_case

    case = get_case(run.store, actor, case_id, _as_of_date(run))
    run.emit(_case_json(case), lambda: _case_lines(case))
    _note_calendar(run, case.calendar_notes)
    return EXIT_OK


def _case_json(c: Any) -> dict[str, Any]:
    return {
        "case_no": c.case_no,
        "agency": c.agency_name,
        "category": c.category,
        "procedure": c.procedure,
        "source": c.source,
        "stage": c.stage,
        "cause": c.cause,
        "party": c.party,
        "party_type": c.party_type,
        "party_id_number": c.party_id_number,
        **c.dates,
        "measures": list(c.measures),
        "measure_extended": c.measure_extended,
        "decision_extension_days": c.decision_extension_days,
        "penalty_kinds": list(c.penalty_kinds),
        "amount": _money(c.amount),
        "major": c.major,
        "legal_basis": c.legal_basis,
        "power_code": c.power.code if c.power else None,
        "discretion_band": c.power.band if c.power else None,
        "target_code": c.target_code,
        "power": None
        if c.power is None
        else {
            "code": c.power.code,
            "name": c.power.name,
            "in_force": c.power.in_force,
            "band": c.power.band,
            "penalty_kinds": list(c.power.band_kinds),
            "fine_min": _money(c.power.fine_min),
            "fine_max": _money(c.power.fine_max),
        },
        "officers": [
            {"name": o.name, "cert_number": o.cert_number, "cert_state": o.cert_state} for o in c.officers
        ],
        "suspensions": [
            {"kind": s.kind, "start_on": s.start_on, "end_on": s.end_on, "note": s.note}
            for s in c.suspensions
        ],
        "deadlines": [
            {"kind": d.kind, "due": d.due, "met_on": d.met_on, "status": d.status} for d in c.deadlines
        ],
        "warnings": [
            {"code": w.code, "level": w.level, "due": w.due, "message": w.message, "handled": w.handled}
            for w in c.warnings
        ],
        "documents": [
            {"kind": d.kind, "title": d.title, "path": d.path, "pages": d.pages, "exists": d.exists}
            for d in c.documents
        ],
        "as_of": c.as_of,
        "calendar_notes": list(c.calendar_notes),
    }


def _case_lines(c: Any) -> list[str]:
    from desktop.cases.checks import FIELD_TITLES
    from desktop.cases.rules import DEADLINE_STATUS_TITLES, DEADLINE_TITLES

    def term(titles: dict[str, str], key: str) -> str:
        return translate("terms", titles[key]) if key in titles else key

    yes, no = (
        translate("cli", QT_TRANSLATE_NOOP("cli", "yes")),
        translate("cli", QT_TRANSLATE_NOOP("cli", "no")),
    )
    handled = translate("cli", QT_TRANSLATE_NOOP("cli", "handled"))
    extended = f" ({FIELD_TITLES['measure_extended']})" if c.measure_extended else ""
    fields = [
        ("案号", c.case_no),
        ("执法主体", c.agency_name),
        ("案件类别", " · ".join(v for v in (c.category, c.procedure) if v)),
        ("案件来源", c.source),
        ("阶段", _stage(c.stage)),
        ("案由", c.cause),
        ("当事人", " · ".join(v for v in (c.party, c.party_type, c.party_id_number) if v)),
        *[(FIELD_TITLES.get(name, name), day) for name, day in c.dates.items() if day is not None],
        ("强制措施", "、".join(c.measures) + extended if c.measures else None),
        ("处罚种类", "、".join(c.penalty_kinds)),
        ("罚没金额", None if c.amount is None else f"{c.amount:,.2f}"),
        ("重大执法决定", yes if c.major else no),
        ("法律依据", c.legal_basis),
    ]
    lines = [f"{label}：{value}" for label, value in fields if value not in (None, "")]
    lines += [
        "",
        "承办人员",
        *table(
            ["姓名", "执法证号", "立案日持证"],
            [[o.name, o.cert_number, _cert_state(o.cert_state)] for o in c.officers],
        ),
    ]
    if c.suspensions:
        lines += [
            "",
            "中止期间",
            *table(
                ["类型", "开始", "结束", "说明"],
                [[s.kind, s.start_on, s.end_on, s.note] for s in c.suspensions],
            ),
        ]
    as_of = translate("cli", QT_TRANSLATE_NOOP("cli", "as of {date}")).format(date=c.as_of.isoformat())
    lines += [
        "",
        f"期限（{as_of}）",
        *table(
            ["期限", "到期日", "完成日", "状态"],
            [
                [term(DEADLINE_TITLES, d.kind), d.due, d.met_on, term(DEADLINE_STATUS_TITLES, d.status)]
                for d in c.deadlines
            ],
        ),
    ]
    lines += [
        "",
        f"预警（{as_of}）",
        *(
            [
                f"[{_level_word(w.level)}] {w.title}  {w.message}" + (f"  ({handled})" if w.handled else "")
                for w in c.warnings
            ]
            or ["—"]
        ),
    ]
    if c.documents:
        missing = translate("cli", QT_TRANSLATE_NOOP("cli", "missing"))
        lines += [
            "",
            "卷宗",
            *[f"{d.title}  {d.path}" + ("" if d.exists else f"  ({missing})") for d in c.documents],
        ]
    return lines
