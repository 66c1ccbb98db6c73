"""The account commands of the command line (CLI.md): ``init``, ``users add | list``,
``audit verify [--anchors DIR] [--data]`` and ``audit anchor --out DIR``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.cli.output import EXIT_OK, EXIT_REFUSED, table, total_line
from desktop.cli.parser import actions, list_parser, list_query
from desktop.cli.runner import Run, new_password
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor


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
    """``audit verify [--anchors DIR] [--data]`` and ``audit anchor --out DIR``."""
    audit = actions(sub, "audit", "the audit record")
    verify = audit.add_parser("verify", help="walk the hash chain; exit 1 at the first broken record")
    verify.add_argument(
        "--anchors", metavar="DIR", help="also prove the chain still holds every anchored head in DIR"
    )
    verify.add_argument(
        "--data",
        action="store_true",
        help="also compare every audited row with the last change recorded for it",
    )
    verify.set_defaults(handler=cmd_audit_verify, needs_user=True, audit_damaged_ok=True)
    anchor = audit.add_parser(
        "anchor", help="write the chain's head (id, hash, time), signed with a key from the keyring, to DIR"
    )
    anchor.add_argument("--out", metavar="DIR", required=True, help="folder for the anchor file")
    anchor.set_defaults(handler=cmd_audit_anchor, needs_user=True)


def cmd_init(run: Run, _actor: Actor | None) -> int:
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


def cmd_users_add(run: Run, actor: Actor) -> int:
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


def cmd_audit_verify(run: Run, actor: Actor) -> int:
    """Walk the audit chain (and, when asked, the anchors and the data rows); exit 1 at the first
    broken record, a failed anchor or a row changed outside the program."""
    from desktop.accounts.anchors import verify_anchors
    from desktop.accounts.audit import verify_chain
    from desktop.accounts.audit_data import verify_data
    from desktop.core.security import Permission, require

    require(actor, Permission.VIEW_AUDIT)
    report = verify_chain(run.store)
    anchors = verify_anchors(run.store, Path(run.args.anchors)) if run.args.anchors else None
    mismatches = verify_data(run.store, actor) if run.args.data else None
    no_anchors = anchors is not None and not anchors
    anchors_ok = anchors is None or (bool(anchors) and all(a.ok for a in anchors))
    ok = report.ok and anchors_ok and not mismatches
    document: dict[str, Any] = {
        "ok": ok,
        "checked": report.checked,
        "broken": report.broken_id,
        "reason": report.english() if not report.ok else "",
    }
    if anchors is not None:
        document["anchors"] = [
            {
                "file": a.file,
                "id": a.head_id,
                "hash": a.head_hash,
                "at": a.at,
                "ok": a.ok,
                "reason": a.reason.format(id=a.head_id),
            }
            for a in anchors
        ]
    if mismatches is not None:
        document["data_mismatches"] = [m.as_dict() for m in mismatches]

    def lines() -> list[str]:
        said = []
        if report.ok:
            said.append(
                translate(
                    "cli", QT_TRANSLATE_NOOP("cli", "Audit record intact: {n} records checked.")
                ).format(n=report.checked)
            )
        if anchors:
            held = sum(a.ok for a in anchors)
            said.append(
                translate(
                    "cli", QT_TRANSLATE_NOOP("cli", "Anchors: {held} of {n} still held by the chain.")
                ).format(held=held, n=len(anchors))
            )
        if mismatches is not None and not mismatches:
            said.append(
                translate("cli", QT_TRANSLATE_NOOP("cli", "Data rows: every audited row matches the record."))
            )
        return said

    run.emit(document, lines)
    problems = []
    if not report.ok:
        problems.append(
            translate("cli", QT_TRANSLATE_NOOP("cli", "Audit record {id} is broken: {reason}.")).format(
                id=report.broken_id, reason=report.localized()
            )
        )
    if no_anchors:
        problems.append(
            translate(
                "cli", QT_TRANSLATE_NOOP("cli", "No anchor files in {folder}: nothing was proven.")
            ).format(folder=run.args.anchors)
        )
    for a in anchors or ():
        if not a.ok:
            problems.append(
                translate("cli", QT_TRANSLATE_NOOP("cli", "Anchor {file} fails: {reason}.")).format(
                    file=a.file, reason=translate("errors", a.reason).format(id=a.head_id)
                )
            )
    for m in mismatches or ():
        problems.append(_mismatch_line(m))
    for line in problems:
        run.err.write(line + "\n")
    return EXIT_OK if ok else EXIT_REFUSED


def _mismatch_line(m: Any) -> str:
    if not m.field:
        template = (
            QT_TRANSLATE_NOOP("cli", "Changed outside the program: {entity} {id} is gone (record {record}).")
            if m.current == "(missing)"
            else QT_TRANSLATE_NOOP(
                "cli", "Changed outside the program: {entity} {id} is back though deleted (record {record})."
            )
        )
        return translate("cli", template).format(entity=m.entity, id=m.entity_id, record=m.record_id)
    return translate(
        "cli",
        QT_TRANSLATE_NOOP(
            "cli",
            "Changed outside the program: {entity} {id} {field} is {current}, the record says {recorded} (record {record}).",
        ),
    ).format(
        entity=m.entity,
        id=m.entity_id,
        field=m.field,
        current=json.dumps(m.current, ensure_ascii=False),
        recorded=json.dumps(m.recorded, ensure_ascii=False),
        record=m.record_id,
    )


def cmd_audit_anchor(run: Run, actor: Actor) -> int:
    """Write the chain's head, signed, to a file in ``--out``; print it (for a printout)."""
    from desktop.accounts.anchors import write_anchor

    anchor = write_anchor(run.store, actor, Path(run.args.out))
    doc = anchor.document
    run.emit(
        {**doc, "file": str(anchor.path)},
        lambda: [
            translate("cli", QT_TRANSLATE_NOOP("cli", "Audit anchor written to {file}:")).format(
                file=anchor.path
            ),
            *(
                f"  {name}: {doc[name]}"
                for name in ("store", "head_id", "head_hash", "at", "key_id", "signature")
            ),
        ],
    )
    return EXIT_OK
