"""The footage retention commands (README): ``footage retention [--due]``, ``footage
propose-deletion``, ``footage deletions``, ``footage approve-deletion``, ``footage
reject-deletion`` and ``footage settings`` (the retention periods, the free-space warning, the
parallel transfers). ``--as-of`` sets the day retention is judged on."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.cli.output import EXIT_OK, table, total_line
from desktop.cli.parser import non_negative
from desktop.cli.runner import Run
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor

SETTING_OPTIONS = (
    ("normal_months", "--normal-months", "months an ordinary (普通) file is kept, at least 6"),
    ("important_months", "--important-months", "months an important (重要) file is kept"),
    ("evidence_years", "--evidence-years", "years a file linked to a case is kept after the case closed"),
    ("min_free_gb", "--min-free-gb", "warn when the evidence folder has less free space (GB)"),
    ("parallel_transfers", "--parallel-transfers", "files an import transfers at once"),
)


def add_parsers(footage: Any) -> None:
    """The retention actions of ``footage``."""
    fr = footage.add_parser("retention", help="each stored file's retention class and last day kept")
    fr.add_argument("--due", action="store_true", help="only the files whose retention has passed")
    fr.add_argument("--limit", type=non_negative, help="at most this many items")
    fr.set_defaults(handler=cmd_retention, needs_user=True)
    fp = footage.add_parser(
        "propose-deletion", help="propose a deletion list of files whose retention passed"
    )
    fp.add_argument("sha256", nargs="*", help="the files (8 or more leading digits); none: every file due")
    fp.add_argument("--reason", required=True, help="why the files are to be deleted")
    fp.set_defaults(handler=cmd_propose, needs_user=True)
    fd = footage.add_parser(
        "deletions", help="the deletion lists: who proposed, who decided, what was deleted"
    )
    fd.add_argument("--state", choices=("proposed", "approved", "rejected", "deleted"))
    fd.add_argument("--list", type=int, dest="list_id", help="show one list's files")
    fd.set_defaults(handler=cmd_deletions, needs_user=True)
    fa = footage.add_parser(
        "approve-deletion", help="approve a proposed list and delete its files (supervisor)"
    )
    fa.add_argument("list_id", type=int, help="the list's number")
    fa.add_argument("--note", default="", help="a note on the decision")
    fa.set_defaults(handler=cmd_approve, needs_user=True)
    fj = footage.add_parser("reject-deletion", help="reject a proposed list (supervisor)")
    fj.add_argument("list_id", type=int, help="the list's number")
    fj.add_argument("--note", required=True, help="why the list is rejected")
    fj.set_defaults(handler=cmd_reject, needs_user=True)
    fs = footage.add_parser("settings", help="show or change the retention periods and footage limits")
    for name, option, text in SETTING_OPTIONS:
        fs.add_argument(option, dest=name, type=non_negative, help=text)
    fs.set_defaults(handler=cmd_settings, needs_user=True)


def _as_of(run: Run) -> date:
    return run.args.as_of or run.store.clock.today()


def _evidence(run: Run) -> Any:
    from desktop.devices.custody import evidence_dir
    from desktop.devices.evidence import EvidenceStore

    return EvidenceStore(evidence_dir(run.store, run.args.evidence_dir))


def cmd_retention(run: Run, actor: Actor) -> int:
    """Every stored file's retention, or only those due for deletion."""
    from desktop.core.paging import ListQuery
    from desktop.devices.library import list_footage
    from desktop.devices.retention import due_for_deletion

    as_of = _as_of(run)
    items: list[dict[str, Any]]
    if run.args.due:
        due = due_for_deletion(run.store, actor, as_of)
        total = len(due)
        items = [
            {
                "sha256": d.sha256,
                "officer": d.officer,
                "device": d.device,
                "start": d.start.isoformat(),
                "size": d.size,
                "important": d.important,
                "case_no": None,
                "retention_class": d.retention_class,
                "retain_until": d.retain_until.isoformat(),
                "due": True,
            }
            for d in due[: run.args.limit]
        ]
    else:
        page = list_footage(run.store, actor, ListQuery(limit=run.args.limit))
        total = page.total
        items = [
            {
                "sha256": f.sha256,
                "officer": f.officer,
                "device": f.device,
                "start": f.start.isoformat(),
                "size": f.size,
                "important": f.important,
                "case_no": f.case_no,
                "retention_class": f.retention_class,
                "retain_until": f.retain_until.isoformat() if f.retain_until else None,
                "due": f.case_no is None and f.retain_until is not None and f.retain_until < as_of,
            }
            for f in page.items
        ]
    run.emit(
        {"as_of": as_of.isoformat(), "items": items, "total": total},
        lambda: [
            *table(
                ["SHA-256", "警号", "开始时间", "重要", "案号", "保留类别", "保留至", "到期"],
                [
                    [
                        i["sha256"][:16],
                        i["officer"],
                        i["start"].replace("T", " "),
                        "是" if i["important"] else "",
                        i["case_no"] or "",
                        i["retention_class"],
                        i["retain_until"] or "—",
                        "是" if i["due"] else "",
                    ]
                    for i in items
                ],
            ),
            total_line(total, len(items)),
        ],
    )
    return EXIT_OK


def deletion_json(d: Any) -> dict[str, Any]:
    """One deletion list as the commands print it."""
    return {
        "list": d.id,
        "state": d.state,
        "reason": d.reason,
        "proposed_by": d.proposed_by,
        "proposed_at": d.proposed_at,
        "decided_by": d.decided_by,
        "decided_at": d.decided_at,
        "note": d.decision_note,
        "deleted_at": d.deleted_at,
        "files": d.files,
        "size": d.size,
        "deleted": d.deleted,
        "kept": d.kept,
    }


def _list_lines(d: Any) -> list[str]:
    text = translate(
        "cli",
        QT_TRANSLATE_NOOP(
            "cli", "Deletion list {id}: {state}; {files} file(s), {deleted} deleted, {kept} kept."
        ),
    )
    return [text.format(id=d.id, state=d.state, files=d.files, deleted=d.deleted, kept=d.kept)]


def cmd_propose(run: Run, actor: Actor) -> int:
    """A new deletion list for a supervisor to decide."""
    from desktop.devices.deletion import propose_deletion

    d = propose_deletion(run.store, actor, run.args.reason, _as_of(run), run.args.sha256 or None)
    run.emit(deletion_json(d), lambda: _list_lines(d))
    return EXIT_OK


def cmd_deletions(run: Run, actor: Actor) -> int:
    """The deletion lists, or one list's files."""
    from desktop.devices.deletion import deletion_items, list_deletions

    if run.args.list_id is not None:
        files = deletion_items(run.store, actor, run.args.list_id)
        items: list[dict[str, Any]] = [
            {
                "sha256": i.sha256,
                "officer": i.officer,
                "start": i.start.isoformat(),
                "size": i.size,
                "source_name": i.source_name,
                "retention_class": i.retention_class,
                "retain_until": i.retain_until,
                "outcome": i.outcome,
            }
            for i in files
        ]
        run.emit(
            {"list": run.args.list_id, "items": items, "total": len(items)},
            lambda: table(
                ["SHA-256", "警号", "开始时间", "文件名", "保留至", "结果"],
                [
                    [
                        i["sha256"][:16],
                        i["officer"],
                        i["start"],
                        i["source_name"],
                        i["retain_until"],
                        i["outcome"] or "",
                    ]
                    for i in items
                ],
            ),
        )
        return EXIT_OK
    lists = list_deletions(run.store, actor, run.args.state)
    run.emit(
        {"items": [deletion_json(d) for d in lists], "total": len(lists)},
        lambda: table(
            ["编号", "状态", "理由", "提出人", "决定人", "文件", "已删除", "保留"],
            [
                [
                    str(d.id),
                    d.state,
                    d.reason,
                    d.proposed_by,
                    d.decided_by or "",
                    str(d.files),
                    str(d.deleted),
                    str(d.kept),
                ]
                for d in lists
            ],
        ),
    )
    return EXIT_OK


def cmd_approve(run: Run, actor: Actor) -> int:
    """Approve a list and delete its files."""
    from desktop.devices.deletion import approve_deletion

    d = approve_deletion(run.store, actor, _evidence(run), run.args.list_id, _as_of(run), run.args.note)
    run.emit(deletion_json(d), lambda: _list_lines(d))
    return EXIT_OK


def cmd_reject(run: Run, actor: Actor) -> int:
    """Reject a list."""
    from desktop.devices.deletion import reject_deletion

    d = reject_deletion(run.store, actor, run.args.list_id, run.args.note)
    run.emit(deletion_json(d), lambda: _list_lines(d))
    return EXIT_OK


def cmd_settings(run: Run, actor: Actor) -> int:
    """Show the footage settings, changing those given."""
    from dataclasses import asdict

    from desktop.devices.retention import change_settings, footage_settings

    changes = {
        name: getattr(run.args, name)
        for name, _o, _t in SETTING_OPTIONS
        if getattr(run.args, name) is not None
    }
    settings = change_settings(run.store, actor, **changes) if changes else footage_settings(run.store, actor)
    document = asdict(settings)
    run.emit(document, lambda: [f"{k}: {v}" for k, v in document.items()])
    return EXIT_OK
