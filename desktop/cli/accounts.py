"""The account commands of the command line (CLI.md): ``init``, ``users add | list`` and
``audit verify``."""

from __future__ import annotations

from typing import Any

from desktop.cli.output import EXIT_OK, EXIT_REFUSED, table, total_line
from desktop.cli.parser import actions, list_parser, list_query
from desktop.cli.runner import Run, new_password
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate


def add_init_parser(sub: Any) -> None:
    """``init``: the store and its first administrator."""
    init = sub.add_parser("init", help="create or migrate the store; create the first administrator")
    init.add_argument(
        "--admin", help="name of the first administrator (password from env DESK_NEW_PASSWORD or a prompt)"
    )
    init.add_argument("--display-name", default="", help="the administrator's full name")
    init.set_defaults(handler=cmd_init, needs_user=False)


def add_users_parsers(sub: Any) -> None:
    """``users add | list``."""
    users = actions(sub, "users", "accounts")
    add = users.add_parser("add", help="create an account (password from env DESK_NEW_PASSWORD or a prompt)")
    add.add_argument("name")
    add.add_argument("--role", required=True, help="admin, supervisor, reviewer, trainer, clerk or agency")
    add.add_argument("--agency", help="the account's agency (required for clerk and agency)")
    add.add_argument("--display-name", default="")
    add.set_defaults(handler=cmd_users_add, needs_user=True)
    list_parser(users, "list", cmd_users_list, "list accounts")


def add_audit_parsers(sub: Any) -> None:
    """``audit verify``."""
    audit = actions(sub, "audit", "the audit record")
    verify = audit.add_parser("verify", help="walk the hash chain; exit 1 at the first broken record")
    verify.set_defaults(handler=cmd_audit_verify, needs_user=True)


def cmd_init(run: Run, _actor: Any) -> int:
    """Create or migrate the store; create the first administrator when asked, who installs the
    shipped review standards (so the first draw has one)."""
    from desktop.accounts.service import create_first_admin, has_users
    from desktop.models.db import head_revision
    from desktop.review.rubrics import install_default_rubrics

    admin, installed = None, []
    if run.args.admin:
        if has_users(run.store):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The store already has accounts; ask an administrator for one."),
                field="admin",
            )
        actor = create_first_admin(
            run.store, run.args.admin, new_password(run.args.admin), run.args.display_name
        )
        admin = actor.name
        installed = [
            r.rubric.code for r in install_default_rubrics(run.store, actor) if r.outcome != "unchanged"
        ]
    revision = head_revision()

    def lines() -> list[str]:
        said = [
            translate("cli", QT_TRANSLATE_NOOP("cli", "Store {store} is at schema {revision}.")).format(
                store=run.store.describe(), revision=revision
            )
        ]
        if admin:
            said.append(
                translate("cli", QT_TRANSLATE_NOOP("cli", "Administrator {name} created.")).format(name=admin)
            )
        if installed:
            said.append(
                translate(
                    "cli", QT_TRANSLATE_NOOP("cli", "Default review standards installed: {codes}.")
                ).format(codes=", ".join(installed))
            )
        return said

    run.emit(
        {"store": run.store.describe(), "revision": revision, "admin": admin, "rubrics": installed}, lines
    )
    return EXIT_OK


def cmd_users_add(run: Run, actor: Any) -> int:
    """Create an account."""
    from desktop.accounts.service import UserInput, create_user
    from desktop.core.security import Permission, require

    require(actor, Permission.MANAGE_USERS)  # before asking for a password
    data = UserInput(run.args.name, run.args.role, run.args.display_name, run.args.agency)
    row = create_user(run.store, actor, data, new_password(run.args.name))
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


def cmd_users_list(run: Run, actor: Any) -> int:
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


def cmd_audit_verify(run: Run, actor: Any) -> int:
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
