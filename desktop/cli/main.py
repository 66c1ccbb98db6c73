"""The command line (CLI.md): headless subcommands through the same services as the window.

Exit codes: 0 done; 1 refused or failed (the reason on stderr); 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

from desktop import __version__
from desktop.core import i18n
from desktop.core.errors import ImportRefused, UserFacingError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.paging import ListQuery
from desktop.core.security import Actor

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


@dataclass
class Run:
    """One invocation: parsed options, the store once opened, and where output goes."""

    args: argparse.Namespace
    out: Any = sys.stdout
    err: Any = sys.stderr
    store: Any = None

    @property
    def json(self) -> bool:
        """Whether to print one JSON document."""
        return bool(self.args.json)

    def emit(self, document: dict[str, Any], lines: Callable[[], Sequence[str]]) -> None:
        """Print ``document`` as JSON, or the human-readable lines."""
        if self.json:
            self.out.write(json.dumps(document, ensure_ascii=False, default=str, indent=2) + "\n")
        else:
            for line in lines():
                self.out.write(line + "\n")


# ---------------------------------------------------------------------------- parser


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text} (use YYYY-MM-DD)") from None


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    """The command line of CLI.md."""
    p = _Parser(
        prog="main.py",
        description="执法监督工作台 — Enforcement Supervision Desk. Without a subcommand the window opens.",
    )
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--store", help="SQLAlchemy URL of the store (default: env DESK_STORE, else the settings)")
    p.add_argument(
        "--user",
        default=None,
        help="acting user (default: env DESK_USER); password from env DESK_PASSWORD or a prompt",
    )
    p.add_argument("--json", action="store_true", help="print one JSON document instead of tables")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages")
    p.add_argument("--evidence-dir", help="where footage is stored (default: env DESK_EVIDENCE_DIR)")
    p.add_argument("--as-of", type=_as_of, help="evaluate deadlines and warnings as of this date")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    init = sub.add_parser("init", help="create or migrate the store; create the first administrator")
    init.add_argument(
        "--admin", help="name of the first administrator (password from env DESK_NEW_PASSWORD or a prompt)"
    )
    init.add_argument("--display-name", default="", help="the administrator's full name")
    init.set_defaults(handler=cmd_init, needs_user=False)

    demo = sub.add_parser("demo", help="fill the store with a realistic demo county (idempotent)")
    demo.set_defaults(handler=cmd_demo, needs_user=True)

    users = sub.add_parser("users", help="accounts").add_subparsers(
        dest="action", parser_class=_Parser, required=True
    )
    add = users.add_parser("add", help="create an account (password from env DESK_NEW_PASSWORD or a prompt)")
    add.add_argument("name")
    add.add_argument("--role", required=True, help="admin, supervisor, reviewer, trainer, clerk or agency")
    add.add_argument("--agency", help="the account's agency (required for clerk and agency)")
    add.add_argument("--display-name", default="")
    add.set_defaults(handler=cmd_users_add, needs_user=True)
    _list_parser(users, "list", cmd_users_list, "list accounts")

    agencies = sub.add_parser("agencies", help="执法主体").add_subparsers(
        dest="action", parser_class=_Parser, required=True
    )
    _import_parser(agencies, cmd_agencies_import, "import agencies (FORMATS.md §0)")
    _list_parser(agencies, "list", cmd_agencies_list, "list agencies")

    officers = sub.add_parser("officers", help="执法人员").add_subparsers(
        dest="action", parser_class=_Parser, required=True
    )
    _import_parser(officers, cmd_officers_import, "import officers (FORMATS.md §2)")
    ol = _list_parser(officers, "list", cmd_officers_list, "list officers")
    ol.add_argument("--agency", help="only this agency's officers")
    ol.add_argument(
        "--cert-state", choices=["valid", "expiring", "expired", "suspended", "cancelled", "revoked", "none"]
    )

    _cases_parser(sub)
    from desktop.cli.review import add_parsers as review_parsers

    review_parsers(sub, _Parser, _as_of)

    audit = sub.add_parser("audit", help="the audit record").add_subparsers(
        dest="action", parser_class=_Parser, required=True
    )
    verify = audit.add_parser("verify", help="walk the hash chain; exit 1 at the first broken record")
    verify.set_defaults(handler=cmd_audit_verify, needs_user=True)
    return p


def _cases_parser(sub: Any) -> None:
    from desktop.cases.rules import WARNING_CODES
    from desktop.cli.cases import cmd_cases_import, cmd_cases_list, cmd_cases_show, cmd_cases_warnings

    cases = sub.add_parser("cases", help="the case register and its supervision warnings").add_subparsers(
        dest="action", parser_class=_Parser, required=True
    )
    _import_parser(cases, cmd_cases_import, "import the case register (FORMATS.md §1)")
    cl = _list_parser(cases, "list", cmd_cases_list, "list cases with their open warnings (as of --as-of)")
    cl.add_argument("--agency", help="only this agency's cases (name or short name)")
    cl.add_argument("--overdue", action="store_true", help="only cases with a missed deadline")
    show = cases.add_parser("show", help="one case: stages, officers, deadlines and warnings (as of --as-of)")
    show.add_argument("case_no", help="the 案号")
    show.add_argument("--agency", help="the agency, when two agencies use the same 案号")
    show.set_defaults(handler=cmd_cases_show, needs_user=True)
    cw = _list_parser(
        cases,
        "warnings",
        cmd_cases_warnings,
        "every supervision warning as of --as-of, handled or not (see 'handled')",
    )
    cw.add_argument("--agency", help="only this agency's warnings (name or short name)")
    cw.add_argument("--code", choices=WARNING_CODES, help="only warnings with this code")


def _list_parser(sub: Any, name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
    lp = sub.add_parser(name, help=help_text)
    lp.add_argument("--search", default="", help="text to look for")
    lp.add_argument("--limit", type=_non_negative, help="at most this many items")
    lp.add_argument("--offset", type=_non_negative, default=0, help="skip this many items")
    lp.set_defaults(handler=handler, needs_user=True)
    return lp


def _import_parser(sub: Any, handler: Callable, help_text: str) -> None:
    ip = sub.add_parser("import", help=help_text)
    ip.add_argument("file", help="the .xlsx workbook")
    ip.set_defaults(handler=handler, needs_user=True)


# ---------------------------------------------------------------------------- entry


def main(argv: Sequence[str], out: Any = None, err: Any = None) -> int:
    """Run one subcommand; return the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        args = build_parser().parse_args(list(argv))
    except UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    if not getattr(args, "command", None):
        err.write("main.py: a subcommand is required here (see --help)\n")
        return EXIT_USAGE
    from desktop.core.settings import load_settings

    settings = load_settings()
    i18n.set_language(args.lang or settings.language)
    run = Run(args, out, err)
    try:
        return _dispatch(run, settings)
    except ImportRefused as exc:
        _report_import_errors(run, exc)
        return EXIT_REFUSED
    except UserFacingError as exc:
        err.write(exc.localized() + "\n")
        return EXIT_REFUSED
    except UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("\n")
        return EXIT_REFUSED
    finally:
        if run.store is not None:
            run.store.dispose()


def _dispatch(run: Run, settings: Any) -> int:
    from desktop.models.connection import resolve_store_url
    from desktop.models.db import open_store

    run.store = open_store(resolve_store_url(settings, run.args.store))
    actor = _login(run) if run.args.needs_user else None
    return run.args.handler(run, actor)


def _login(run: Run) -> Actor:
    from desktop.accounts.service import authenticate

    name = run.args.user or os.environ.get("DESK_USER")
    if not name:
        raise UsageError("main.py: --user NAME (or env DESK_USER) is required for this command")
    password = os.environ.get("DESK_PASSWORD")
    if password is None:
        password = _prompt(
            translate("cli", QT_TRANSLATE_NOOP("cli", "Password for {user}: ")).format(user=name)
        )
    return authenticate(run.store, name, password)


def _prompt(label: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "No password given: set DESK_PASSWORD (or DESK_NEW_PASSWORD) or run in a terminal."
            )
        )
    return getpass.getpass(label)


def _new_password(name: str) -> str:
    password = os.environ.get("DESK_NEW_PASSWORD")
    if password is not None:
        return password
    first = _prompt(translate("cli", QT_TRANSLATE_NOOP("cli", "New password for {user}: ")).format(user=name))
    if _prompt(translate("cli", QT_TRANSLATE_NOOP("cli", "Repeat the password: "))) != first:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The two passwords differ."), field="password")
    return first


def _report_import_errors(run: Run, exc: ImportRefused) -> None:
    if run.json:
        run.emit({"imported": 0, "skipped": 0, "errors": [e.as_dict() for e in exc.errors]}, list)
    run.err.write(exc.localized() + "\n")
    where = translate(
        "cli", QT_TRANSLATE_NOOP("cli", "{file} sheet {sheet} row {row} column {column}: {message}")
    )
    for e in exc.errors:
        run.err.write(
            where.format(file=e.file, sheet=e.sheet, row=e.row, column=e.column, message=e.message) + "\n"
        )


def list_query(args: argparse.Namespace, **filters: Any) -> ListQuery:
    return ListQuery(
        search=args.search,
        filters=tuple((k, v) for k, v in filters.items() if v),
        offset=args.offset,
        limit=args.limit,
    )


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Rows as aligned text columns (CJK characters count double)."""
    cells = [[("" if v is None else str(v)) for v in row] for row in [list(headers), *rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    return [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
    ]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def import_lines(result: Any) -> Callable[[], list[str]]:
    def lines() -> list[str]:
        done = translate(
            "cli", QT_TRANSLATE_NOOP("cli", "Imported {imported}, skipped {skipped} (already present).")
        )
        return [*result.warnings, done.format(imported=result.imported, skipped=result.skipped)]

    return lines


def total_line(total: int, shown: int) -> str:
    return translate("cli", QT_TRANSLATE_NOOP("cli", "{shown} of {total} shown")).format(
        shown=shown, total=total
    )


# ---------------------------------------------------------------------------- commands


def cmd_init(run: Run, _actor: Actor | None) -> int:
    """Create or migrate the store; create the first administrator when asked."""
    from desktop.accounts.service import create_first_admin, has_users
    from desktop.models.db import head_revision

    admin = None
    if run.args.admin:
        if has_users(run.store):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The store already has accounts; ask an administrator for one."),
                field="admin",
            )
        admin = create_first_admin(
            run.store, run.args.admin, _new_password(run.args.admin), run.args.display_name
        ).name
    revision = head_revision()
    run.emit(
        {"store": run.store.describe(), "revision": revision, "admin": admin},
        lambda: (
            [
                translate("cli", QT_TRANSLATE_NOOP("cli", "Store {store} is at schema {revision}.")).format(
                    store=run.store.describe(), revision=revision
                )
            ]
            + (
                [
                    translate("cli", QT_TRANSLATE_NOOP("cli", "Administrator {name} created.")).format(
                        name=admin
                    )
                ]
                if admin
                else []
            )
        ),
    )
    return EXIT_OK


def cmd_demo(run: Run, actor: Actor) -> int:
    """Fill the store with the demo county."""
    from desktop.core.paths import user_data_dir
    from desktop.demo.county import load_demo

    summary = load_demo(run.store, actor, dossier_dir=user_data_dir() / "dossiers")
    run.emit(summary.as_dict(), summary.lines)
    return EXIT_OK


def cmd_users_add(run: Run, actor: Actor) -> int:
    """Create an account."""
    from desktop.accounts.service import UserInput, create_user
    from desktop.core.security import Permission, require

    require(actor, Permission.MANAGE_USERS)  # before asking for a password
    data = UserInput(run.args.name, run.args.role, run.args.display_name, run.args.agency)
    row = create_user(run.store, actor, data, _new_password(run.args.name))
    run.emit(
        _user_json(row),
        lambda: [
            translate("cli", QT_TRANSLATE_NOOP("cli", "Account {name} ({role}) created.")).format(
                name=row.name, role=row.role.value
            )
        ],
    )
    return EXIT_OK


def _user_json(u: Any) -> dict[str, Any]:
    return {
        "id": u.id,
        "name": u.name,
        "display_name": u.display_name,
        "role": u.role.value,
        "agency": u.agency_name,
        "active": u.active,
        "locked_until": u.locked_until,
        "last_login_at": u.last_login_at,
    }


def cmd_users_list(run: Run, actor: Actor) -> int:
    """List accounts."""
    from desktop.accounts.service import list_users

    page = list_users(run.store, actor, list_query(run.args))
    items = [_user_json(u) for u in page.items]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["name", "display_name", "role", "agency", "active"],
                [
                    [i["name"], i["display_name"], i["role"], i["agency"], "yes" if i["active"] else "no"]
                    for i in items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


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
    from desktop.personnel.repository import find_agency
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


def cmd_audit_verify(run: Run, actor: Actor) -> int:
    """Walk the audit chain; exit 1 at the first broken record."""
    from desktop.accounts.audit import verify_chain
    from desktop.core.security import Permission, require

    require(actor, Permission.VIEW_AUDIT)
    report = verify_chain(run.store)
    run.emit(
        {
            "ok": report.ok,
            "checked": report.checked,
            "broken": report.broken_id,
            "reason": report.english() if not report.ok else "",
        },
        lambda: (
            [
                translate(
                    "cli", QT_TRANSLATE_NOOP("cli", "Audit record intact: {n} records checked.")
                ).format(n=report.checked)
            ]
            if report.ok
            else []
        ),
    )
    if not report.ok:
        run.err.write(
            translate("cli", QT_TRANSLATE_NOOP("cli", "Audit record {id} is broken: {reason}.")).format(
                id=report.broken_id, reason=report.localized()
            )
            + "\n"
        )
        return EXIT_REFUSED
    return EXIT_OK
