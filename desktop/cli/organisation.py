"""The organisation commands of the command line (CLI.md): ``agencies import | list`` (执法主体) and
``officers import | list`` (执法人员, with their certificates)."""

from __future__ import annotations

from typing import Any

from desktop.cli.output import EXIT_OK, import_lines, table, total_line
from desktop.cli.parser import actions, import_parser, list_parser, list_query
from desktop.cli.runner import Run
from desktop.core.security import Actor


def add_parsers(sub: Any) -> None:
    """``agencies`` and ``officers`` with their actions."""
    agencies = actions(sub, "agencies", "执法主体")
    import_parser(agencies, cmd_agencies_import, "import agencies (FORMATS.md §0)")
    list_parser(agencies, "list", cmd_agencies_list, "list agencies")

    officers = actions(sub, "officers", "执法人员")
    import_parser(officers, cmd_officers_import, "import officers (FORMATS.md §2)")
    ol = list_parser(officers, "list", cmd_officers_list, "list officers")
    ol.add_argument("--agency", help="only this agency's officers")
    ol.add_argument(
        "--cert-state", choices=["valid", "expiring", "expired", "suspended", "cancelled", "revoked", "none"]
    )


def cmd_agencies_import(run: Run, actor: Actor) -> int:
    """Import agencies."""
    from desktop.personnel.exchange import import_agencies

    result = import_agencies(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_agencies_list(run: Run, actor: Actor) -> int:
    """List agencies."""
    from desktop.personnel.service import list_agencies

    page = list_agencies(run.store, actor, list_query(run.args))
    items = [
        {
            "id": a.id,
            "name": a.name,
            "short_name": a.short_name,
            "credit_code": a.credit_code,
            "field": a.field,
            "level": a.level,
            "officers": a.officer_count,
        }
        for a in page.items
    ]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["名称", "简称", "统一社会信用代码", "执法领域", "层级", "人员"],
                [
                    [i["name"], i["short_name"], i["credit_code"], i["field"], i["level"], i["officers"]]
                    for i in items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


def cmd_officers_import(run: Run, actor: Actor) -> int:
    """Import officers."""
    from desktop.personnel.exchange import import_officers

    result = import_officers(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_officers_list(run: Run, actor: Actor) -> int:
    """List officers with their certificates (身份证号 masked)."""
    from desktop.personnel.lookup import find_agency
    from desktop.personnel.service import list_officers

    agency_id = None
    if run.args.agency:
        with run.store.reading() as session:
            agency_id = find_agency(session, run.args.agency).id
    page = list_officers(
        run.store, actor, list_query(run.args, agency_id=agency_id, cert_state=run.args.cert_state)
    )
    items = [
        {
            "id": o.id,
            "name": o.name,
            "id_number": o.id_number,
            "gender": o.gender,
            "agency": o.agency_name,
            "position": o.position,
            "cert_number": o.cert_number,
            "cert_issued_on": o.cert_issued_on,
            "cert_expires_on": o.cert_expires_on,
            "cert_state": o.cert_state,
            "category": o.category,
            "region": o.region,
        }
        for o in page.items
    ]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["姓名", "身份证号", "执法主体", "执法证号", "有效期至", "状态"],
                [
                    [
                        i["name"],
                        i["id_number"],
                        i["agency"],
                        i["cert_number"],
                        i["cert_expires_on"],
                        i["cert_state"],
                    ]
                    for i in items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK
