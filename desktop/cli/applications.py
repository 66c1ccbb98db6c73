"""The application commands under ``certs``: ``certs apply OFFICER_ID_NUMBER [--exam-doc TEXT]
[--date D]`` (申领; exit 1 saying what the gate misses), ``certs approve|refuse APPLICATION``
(审核 by a supervisor; a refusal needs ``--reason``), ``certs issue APPLICATION`` (发证 with the next
number) and ``certs applications [--state S]``. APPLICATION is the application's number, or the
officer's 身份证号 (their latest application)."""

from __future__ import annotations

from typing import Any

from desktop.cli.output import EXIT_OK, table, total_line
from desktop.cli.parser import as_of
from desktop.cli.runner import Run
from desktop.core.security import Actor

STATE_WORDS = {"applied": "待审核", "approved": "审核通过", "refused": "不予通过", "issued": "已发证"}


def add_parsers(certs: Any) -> None:
    """Add the application commands to ``certs``' subcommands."""
    ap = certs.add_parser("apply", help="申领: an officer applies (a passed exam and the year's hours)")
    ap.add_argument("officer", help="the officer's 身份证号")
    ap.add_argument(
        "--exam-doc", default="", help="the exam's document number (文号) when it is not on record"
    )
    ap.add_argument("--date", type=as_of, help="the application's date (default: today)")
    ap.set_defaults(handler=cmd_certs_apply, needs_user=True)
    for name, help_text in (
        ("approve", "审核: pass an application (supervisors)"),
        ("refuse", "审核: refuse an application with --reason (supervisors)"),
    ):
        vp = certs.add_parser(name, help=help_text)
        vp.add_argument("application", help="the application's number, or the officer's 身份证号")
        vp.add_argument("--reason", default="", required=name == "refuse", help="the 审核's reason")
        vp.add_argument("--date", type=as_of, help="the 审核's date (default: today)")
        vp.set_defaults(handler=cmd_certs_vet, passed=name == "approve", needs_user=True)
    ip = certs.add_parser("issue", help="发证: issue an approved application with the next number")
    ip.add_argument("application", help="the application's number, or the officer's 身份证号")
    ip.add_argument("--date", type=as_of, help="the issue date (default: today)")
    ip.set_defaults(handler=cmd_certs_issue, needs_user=True)
    lp = certs.add_parser("applications", help="applications and their state")
    lp.add_argument("--state", choices=list(STATE_WORDS), help="only applications in this state")
    lp.set_defaults(handler=cmd_certs_applications, needs_user=True)


def application_json(r: Any) -> dict[str, Any]:
    """An application as the commands print it."""
    return {
        "application": r.id,
        "officer": r.officer,
        "id_number": r.id_number,
        "agency": r.agency,
        "applied": r.applied_on,
        "state": r.state,
        "exam": r.exam,
        "hours": r.hours,
        "gate": r.gate_hours,
        "vetted": r.vetted_on,
        "vet_reason": r.vet_reason,
        "vetted_by": r.vetted_by,
        "number": r.number,
    }


def _lines(items: list[dict[str, Any]]) -> list[str]:
    return table(
        [
            "申领号",
            "姓名",
            "身份证号",
            "执法主体",
            "申领日期",
            "状态",
            "考试",
            "学时",
            "审核意见",
            "执法证号",
        ],
        [
            [
                i["application"],
                i["officer"],
                i["id_number"],
                i["agency"],
                i["applied"],
                STATE_WORDS.get(i["state"], i["state"]),
                i["exam"],
                f"{i['hours']:g}/{i['gate']}",
                i["vet_reason"] or "",
                i["number"] or "",
            ]
            for i in items
        ],
    )


def _emit_one(run: Run, row: Any) -> int:
    item = application_json(row)
    run.emit(item, lambda: _lines([item]))
    return EXIT_OK


def cmd_certs_apply(run: Run, actor: Actor) -> int:
    """申领; exit 1 with what the gate misses."""
    from desktop.personnel.applications import apply_for_certificate

    a = run.args
    return _emit_one(run, apply_for_certificate(run.store, actor, a.officer, exam_doc=a.exam_doc, on=a.date))


def cmd_certs_vet(run: Run, actor: Actor) -> int:
    """审核: pass or refuse."""
    from desktop.personnel.applications import find_application, vet_application

    a = run.args
    current = find_application(run.store, actor, a.application)
    row = vet_application(run.store, actor, current.id, current.version, a.passed, a.reason, a.date)
    return _emit_one(run, row)


def cmd_certs_issue(run: Run, actor: Actor) -> int:
    """发证 of an approved application."""
    from desktop.personnel.applications import find_application, issue_application

    a = run.args
    current = find_application(run.store, actor, a.application)
    return _emit_one(run, issue_application(run.store, actor, current.id, current.version, a.date))


def cmd_certs_applications(run: Run, actor: Actor) -> int:
    """The applications, waiting ones first."""
    from desktop.personnel.applications import list_applications

    items = [application_json(r) for r in list_applications(run.store, actor, run.args.state)]
    run.emit(
        {"items": items, "total": len(items)}, lambda: [*_lines(items), total_line(len(items), len(items))]
    )
    return EXIT_OK
