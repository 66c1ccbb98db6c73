"""The powers commands of the command line (CLI.md, issue 15): ``powers import | list`` (执法事项
and 裁量基准), ``targets import | list`` (检查对象名录), ``inspections plan | results`` (双随机),
``leads import | list`` (案源) and ``parties show`` (行政相对人)."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.cli.output import EXIT_OK, EXIT_REFUSED, import_lines, table, total_line
from desktop.cli.parser import UsageError, actions, as_of, import_parser, list_parser, list_query
from desktop.cli.runner import Run
from desktop.core.security import Actor


def _percent(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a percentage: {text}") from None
    if not (0 < value <= 100):
        raise argparse.ArgumentTypeError("must be above 0 and at most 100")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_parsers(sub: Any) -> None:
    """``powers``, ``targets``, ``inspections``, ``leads`` and ``parties``."""
    powers = actions(sub, "powers", "执法事项 and their discretion benchmarks")
    import_parser(powers, cmd_powers_import, "import the catalogue of powers (FORMATS.md §10)")
    pl = list_parser(powers, "list", cmd_powers_list, "list powers with their bands")
    pl.add_argument("--agency", help="only this agency's powers")

    targets = actions(sub, "targets", "检查对象名录")
    import_parser(targets, cmd_targets_import, "import inspection targets (FORMATS.md §11)")
    tl = list_parser(targets, "list", cmd_targets_list, "list inspection targets")
    tl.add_argument("--field", help="only this enforcement field")
    tl.add_argument("--risk", choices=["低", "中", "高"])

    inspections = actions(sub, "inspections", "双随机 inspection plans")
    plan = inspections.add_parser("plan", help="draw a plan (seeded), or re-check one with --verify")
    plan.add_argument("--name", required=True, help="the plan's name")
    plan.add_argument("--seed", help="the seed of the draw (public)")
    plan.add_argument("--agency", help="the inspecting agency")
    size = plan.add_mutually_exclusive_group()
    size.add_argument("--count", type=_count, help="how many targets")
    size.add_argument("--percent", type=_percent, help="which share of the field's targets, in %%")
    plan.add_argument("--from", dest="start", type=as_of, help="first day (YYYY-MM-DD)")
    plan.add_argument("--to", dest="end", type=as_of, help="last day (YYYY-MM-DD)")
    plan.add_argument("--items", help="what to check, as text")
    plan.add_argument("--verify", action="store_true", help="draw the stored plan again and compare")
    plan.set_defaults(handler=cmd_inspections_plan, needs_user=True)
    results = inspections.add_parser("results", help="record a plan's results from a workbook")
    results.add_argument("--name", required=True, help="the plan's name")
    results.add_argument("file", help="the .xlsx workbook")
    results.set_defaults(handler=cmd_inspections_results, needs_user=True)
    show = inspections.add_parser("show", help="a stored plan with its items and results")
    show.add_argument("--name", required=True)
    show.set_defaults(handler=cmd_inspections_show, needs_user=True)

    leads = actions(sub, "leads", "案源")
    import_parser(leads, cmd_leads_import, "import case sources")
    ll = list_parser(leads, "list", cmd_leads_list, "list case sources with their due dates")
    ll.add_argument("--agency", help="only this agency's leads")
    ll.add_argument("--undecided", action="store_true", help="only leads not yet decided")

    parties = actions(sub, "parties", "行政相对人")
    ps = parties.add_parser("show", help="one party's cases across agencies")
    ps.add_argument("id_number", metavar="ID_NUMBER", help="身份证号 or 统一社会信用代码")
    ps.set_defaults(handler=cmd_parties_show, needs_user=True)


def cmd_powers_import(run: Run, actor: Actor) -> int:
    """Import the catalogue of powers."""
    from desktop.powers.catalogue import import_powers

    result = import_powers(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_powers_list(run: Run, actor: Actor) -> int:
    """List powers with their bands."""
    from desktop.powers.catalogue import list_powers

    page = list_powers(run.store, actor, list_query(run.args), agency=run.args.agency)
    items = [p.as_dict() for p in page.items]
    rows = [
        [
            p.code,
            p.agency,
            p.name,
            p.effective_on.isoformat(),
            p.expires_on.isoformat() if p.expires_on else "",
            "、".join(b.band for b in p.bands),
        ]
        for p in page.items
    ]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(["事项编码", "执法主体", "事项名称", "生效日期", "失效日期", "裁量档次"], rows),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


def cmd_targets_import(run: Run, actor: Actor) -> int:
    """Import inspection targets."""
    from desktop.powers.targets import import_targets

    result = import_targets(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_targets_list(run: Run, actor: Actor) -> int:
    """List inspection targets."""
    from desktop.powers.targets import list_targets

    page = list_targets(run.store, actor, list_query(run.args, field=run.args.field, risk=run.args.risk))
    items = [t.as_dict() for t in page.items]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["名称", "统一社会信用代码", "类型", "所属领域", "风险等级"],
                [[t.name, t.credit_code, t.kind, t.field, t.risk] for t in page.items],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


def _plan_lines(document: dict[str, Any]) -> list[str]:
    lines = [f"{document['plan']}  seed={document['seed']}  {document['agency']}  {document['field']}"]
    lines += table(
        ["检查对象", "统一社会信用代码", "风险等级", "检查人员", "检查结果"],
        [
            [i["target"], i["credit_code"], i["risk"], "、".join(i["inspectors"]), i["result"] or ""]
            for i in document["items"]
        ],
    )
    if "matches" in document:
        lines.append(
            "matches" if document["matches"] else "DOES NOT MATCH: " + "; ".join(document["differences"])
        )
    return lines


def cmd_inspections_plan(run: Run, actor: Actor) -> int:
    """Draw and store a plan, or ``--verify`` a stored one (exit 1 when it does not repeat)."""
    from desktop.powers.inspections import create_plan, verify_plan

    a = run.args
    if a.verify:
        result = verify_plan(run.store, actor, a.name)
        document = result.as_dict()
        run.emit(document, lambda: _plan_lines(document))
        return EXIT_OK if result.matches else EXIT_REFUSED
    missing = [
        flag
        for flag, value in (("--seed", a.seed), ("--agency", a.agency), ("--from", a.start), ("--to", a.end))
        if not value
    ]
    if missing or (a.count is None and a.percent is None):
        raise UsageError("inspections plan needs " + ", ".join(missing or ["--count N or --percent P"]))
    result = create_plan(
        run.store,
        actor,
        name=a.name,
        seed=a.seed,
        agency=a.agency,
        start_on=a.start,
        end_on=a.end,
        count=a.count,
        percent=a.percent,
        items_to_check=a.items,
    )
    document = result.as_dict()
    run.emit(document, lambda: _plan_lines(document))
    return EXIT_OK


def cmd_inspections_show(run: Run, actor: Actor) -> int:
    """A stored plan."""
    from desktop.powers.inspections import get_plan

    document = get_plan(run.store, actor, run.args.name).as_dict()
    run.emit(document, lambda: _plan_lines(document))
    return EXIT_OK


def cmd_inspections_results(run: Run, actor: Actor) -> int:
    """Record a plan's results."""
    from desktop.powers.inspection_results import import_results

    result = import_results(run.store, actor, run.args.name, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_leads_import(run: Run, actor: Actor) -> int:
    """Import case sources."""
    from desktop.powers.leads import import_leads

    result = import_leads(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_leads_list(run: Run, actor: Actor) -> int:
    """List case sources."""
    from desktop.powers.leads import list_leads

    page = list_leads(
        run.store,
        actor,
        list_query(run.args, undecided=run.args.undecided),
        agency=run.args.agency,
        as_of=run.args.as_of,
    )
    items = [lead.as_dict() for lead in page.items]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["执法主体", "案源编号", "来源", "登记日期", "处理结果", "期限"],
                [
                    [i["agency"], i["number"], i["source"], i["received_on"], i["decision"] or "", i["due"]]
                    for i in items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


def cmd_parties_show(run: Run, actor: Actor) -> int:
    """One party's cases across agencies."""
    from desktop.powers.parties import show_party

    record = show_party(run.store, actor, run.args.id_number, as_of=run.args.as_of)
    document = record.as_dict()
    run.emit(
        document,
        lambda: [
            f"{record.id_number}  {'、'.join(record.names)}" + ("  (repeat)" if record.repeat else ""),
            *table(
                ["案号", "执法主体", "案件类别", "立案日期", "决定日期", "处罚种类", "罚没金额"],
                [
                    [
                        c["case_no"],
                        c["agency"],
                        c["category"],
                        c["filed_on"],
                        c["decided_on"] or "",
                        "、".join(c["penalty_kinds"]),
                        c["amount"] or "",
                    ]
                    for c in document["cases"]
                ],
            ),
        ],
    )
    return EXIT_OK
