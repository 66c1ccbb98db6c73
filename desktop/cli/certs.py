"""The qualification commands of the command line (CLI.md): ``certs list | show | events``, a
dated event (``certs suspend | restore | renew | replace | cancel | revoke | review``),
``certs card | cards | photos | verify``, and ``training import | hours | agencies``."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.cli import applications
from desktop.cli.output import EXIT_OK, EXIT_REFUSED, import_lines, table, total_line
from desktop.cli.parser import actions, as_of, import_parser, non_negative
from desktop.cli.runner import Run
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor
from desktop.personnel.certificate_history import EVENT_TITLES, STATE_TITLES

_RESULT_WORDS = {"pass": "合格", "fail": "不合格"}

EVENT_COMMANDS = {
    "suspend": "暂停 (suspend) a certificate",
    "restore": "恢复 (restore) a suspended certificate",
    "renew": "换发 (renew): close this number and issue the next one",
    "replace": "补发 (replace a lost card): declare this number void and issue the next one",
    "cancel": "注销 (cancel): left the post, retired, died, resigned, dismissed, criminal penalty",
    "revoke": "吊销 (revoke): the card was altered or lent",
}


def add_parsers(sub: Any) -> None:
    """``certs`` and ``training`` with their actions."""
    certs = actions(sub, "certs", "执法证: certificates and their dated history")
    cl = certs.add_parser("list", help="certificates with their state (as of --as-of)")
    cl.add_argument("--agency", help="only this agency's certificates")
    cl.add_argument("--state", help="valid, expired, suspended, superseded, cancelled, revoked …")
    cl.add_argument("--search", default="", help="part of a name or number")
    cl.add_argument("--current", action="store_true", help="only the certificates officers hold now")
    cl.add_argument("--limit", type=non_negative, help="at most this many items")
    cl.add_argument("--offset", type=non_negative, default=0, help="skip this many items")
    cl.set_defaults(handler=cmd_certs_list, needs_user=True)
    for name, help_text in (
        ("show", "one certificate with its events"),
        ("events", "a certificate's events"),
    ):
        sp = certs.add_parser(name, help=help_text)
        sp.add_argument("number", help="执法证号")
        sp.set_defaults(handler=cmd_certs_show if name == "show" else cmd_certs_events, needs_user=True)
    for kind, help_text in EVENT_COMMANDS.items():
        ep = certs.add_parser(kind, help=help_text)
        ep.add_argument("number", help="执法证号")
        ep.add_argument("--reason", required=True, help="why (recorded with the event)")
        _event_options(ep)
        ep.set_defaults(handler=cmd_certs_event, kind=kind, result=None, needs_user=True)
    rp = certs.add_parser("review", help="年审: record an annual review's result")
    rp.add_argument("number", help="执法证号")
    rp.add_argument("--result", required=True, choices=["pass", "fail"])
    rp.add_argument("--reason", default="", help="why (a failed review needs one)")
    _event_options(rp)
    rp.set_defaults(handler=cmd_certs_event, kind="review", needs_user=True)

    cp = certs.add_parser("card", help="the card as a PDF with its signed QR code (several: one PDF)")
    cp.add_argument("number", nargs="+", help="执法证号 (one or more)")
    cp.add_argument("--out", required=True, help="the PDF file to write")
    cp.set_defaults(handler=cmd_certs_card, needs_user=True)
    sp = certs.add_parser(
        "cards", help="a batch of cards on A4 sheets (2 × 5, crop marks, backs mirrored for duplex printing)"
    )
    sp.add_argument("--agency", help="only this agency's certificates")
    sp.add_argument("--from", dest="issued_from", type=as_of, help="issued on or after this date")
    sp.add_argument("--to", dest="issued_to", type=as_of, help="issued on or before this date")
    sp.add_argument("--number", action="append", default=[], help="this certificate (repeatable)")
    sp.add_argument("--out", required=True, help="the PDF file to write")
    sp.set_defaults(handler=cmd_certs_cards, needs_user=True)
    pp = certs.add_parser("photos", help="import officers' photos from a folder of files named by 身份证号")
    pp.add_argument("folder", help="the folder of .jpg / .png files")
    pp.set_defaults(handler=cmd_certs_photos, needs_user=True)
    vp = certs.add_parser("verify", help="check a card's QR payload: exit 0 genuine, 1 forged")
    vp.add_argument("payload", help="the text of the QR code")
    vp.set_defaults(handler=cmd_certs_verify, needs_user=True)
    applications.add_parsers(certs)  # 申领 · 审核 · 发证

    training = actions(sub, "training", "培训: the training ledger")
    import_parser(training, cmd_training_import, "import attendance (all rows or none)")
    hp = training.add_parser("hours", help="training hours per officer in a year against the target")
    hp.add_argument("--year", type=int, required=True)
    hp.add_argument("--agency", help="only this agency's officers")
    hp.add_argument("--short", action="store_true", help="only those below the target")
    hp.set_defaults(handler=cmd_training_hours, needs_user=True)
    ap = training.add_parser("agencies", help="training per agency in a year against the target")
    ap.add_argument("--year", type=int, required=True)
    ap.set_defaults(handler=cmd_training_agencies, needs_user=True)


def _event_options(p: Any) -> None:
    p.add_argument("--date", type=as_of, help="the event's date (default: today)")
    p.add_argument("--document", help="the decision's document number (文号)")
    p.add_argument("--decided-by", help="who decided (default: the acting user)")


def _day(run: Run) -> date:
    return run.args.as_of or run.store.clock.today()


def _state_word(state: str | None) -> str:
    return translate("certs", STATE_TITLES[state]) if state in STATE_TITLES else (state or "")


def _event_word(kind: str) -> str:
    return translate("certs", EVENT_TITLES[kind]) if kind in EVENT_TITLES else kind


def cert_json(r: Any) -> dict[str, Any]:
    """A certificate as ``certs list`` prints it."""
    return {
        "number": r.number,
        "officer": r.officer,
        "id_number": r.id_number,
        "agency": r.agency,
        "state": r.state,
        "issued": r.issued,
        "expires": r.expires,
        "next_review": r.next_review,
        "current": r.current,
    }


def event_json(e: Any) -> dict[str, Any]:
    """An event as ``certs show`` prints it."""
    return {
        "date": e.on,
        "kind": e.kind,
        "result": e.result,
        "reason": e.reason,
        "document_no": e.document_no,
        "by": e.decided_by or e.recorded_by,
    }


def cmd_certs_list(run: Run, actor: Actor) -> int:
    """List certificates with their state on ``--as-of``."""
    from desktop.personnel.certificates import list_certificates

    a = run.args
    page = list_certificates(
        run.store,
        actor,
        agency=a.agency,
        state=a.state,
        as_of=_day(run),
        search=a.search,
        current_only=a.current,
        offset=a.offset,
        limit=a.limit,
    )
    items = [cert_json(r) for r in page.items]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["执法证号", "姓名", "身份证号", "执法主体", "状态", "发证日期", "有效期至", "下次年审"],
                [
                    [
                        i["number"],
                        i["officer"],
                        i["id_number"],
                        i["agency"],
                        _state_word(i["state"]),
                        i["issued"],
                        i["expires"],
                        i["next_review"],
                    ]
                    for i in items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


def _detail_json(d: Any) -> dict[str, Any]:
    return cert_json(d.row) | {"successor": d.successor, "events": [event_json(e) for e in d.events]}


def _detail_lines(d: Any) -> list[str]:
    r = d.row
    lines = [f"{r.number}  {r.officer}  {r.agency}  {_state_word(r.state)}  {r.issued} – {r.expires}"]
    if d.successor:
        lines.append(f"→ {d.successor}")
    lines += table(
        ["日期", "事项", "结果", "事由", "文号", "决定人"],
        [
            [
                e.on,
                _event_word(e.kind),
                _RESULT_WORDS.get(e.result or "", ""),
                e.reason,
                e.document_no,
                e.decided_by or e.recorded_by,
            ]
            for e in d.events
        ],
    )
    return lines


def cmd_certs_show(run: Run, actor: Actor) -> int:
    """One certificate with its events."""
    from desktop.personnel.certificates import get_certificate

    d = get_certificate(run.store, actor, run.args.number, as_of=_day(run))
    run.emit(_detail_json(d), lambda: _detail_lines(d))
    return EXIT_OK


def cmd_certs_events(run: Run, actor: Actor) -> int:
    """A certificate's events as a list."""
    from desktop.personnel.certificates import get_certificate

    d = get_certificate(run.store, actor, run.args.number, as_of=_day(run))
    items = [event_json(e) for e in d.events]
    run.emit({"items": items, "total": len(items)}, lambda: _detail_lines(d)[1:])
    return EXIT_OK


def cmd_certs_event(run: Run, actor: Actor) -> int:
    """Record one dated event; exit 1 naming the state on that date when it is impossible."""
    from desktop.personnel.certificates import get_certificate, record_event

    a = run.args
    d = record_event(
        run.store,
        actor,
        a.number,
        a.kind,
        a.date,
        a.reason,
        result=a.result,
        document_no=a.document,
        decided_by=a.decided_by,
    )
    d = get_certificate(run.store, actor, a.number, as_of=_day(run))
    run.emit(_detail_json(d), lambda: _detail_lines(d))
    return EXIT_OK


def cmd_certs_card(run: Run, actor: Actor) -> int:
    """Write the card PDF (several numbers: their cards in one PDF, two pages a card)."""
    from desktop.personnel.cards import write_card_batch

    written = write_card_batch(run.store, actor, run.args.number, run.args.out)
    document: dict[str, Any] = {
        "number": written[0].number,
        "out": str(run.args.out),
        "payload": written[0].payload,
    }
    if len(written) > 1:
        document["cards"] = [{"number": w.number, "payload": w.payload} for w in written]
    run.emit(
        document,
        lambda: [
            translate("cli", QT_TRANSLATE_NOOP("cli", "Card written: {path}")).format(path=run.args.out)
        ],
    )
    return EXIT_OK


def cmd_certs_cards(run: Run, actor: Actor) -> int:
    """Write a batch of cards on A4 sheets: the numbers given, else the current certificates
    valid today (an agency's, issued in a period)."""
    from desktop.personnel.cards import write_card_sheet

    a = run.args
    sheet = write_card_sheet(
        run.store,
        actor,
        a.out,
        numbers=a.number,
        agency=a.agency,
        issued_from=a.issued_from,
        issued_to=a.issued_to,
    )
    document = {
        "out": sheet.out,
        "pages": sheet.pages,
        "total": len(sheet.cards),
        "cards": [{"number": c.number, "officer": c.officer, "payload": c.payload} for c in sheet.cards],
    }
    run.emit(
        document,
        lambda: [
            translate("cli", QT_TRANSLATE_NOOP("cli", "{n} cards on {pages} pages written: {path}")).format(
                n=len(sheet.cards), pages=sheet.pages, path=sheet.out
            )
        ],
    )
    return EXIT_OK


def cmd_certs_photos(run: Run, actor: Actor) -> int:
    """Import photos named by 身份证号; the names matching no officer are listed."""
    from desktop.personnel.photos import import_photos

    result = import_photos(run.store, actor, run.args.folder)
    lines = [
        translate("cli", QT_TRANSLATE_NOOP("cli", "Photos stored: {imported}, unchanged: {skipped}.")).format(
            imported=result.imported, skipped=result.skipped
        )
    ]
    if result.unmatched:
        lines.append(
            translate("cli", QT_TRANSLATE_NOOP("cli", "No officer has these ID numbers: {names}")).format(
                names=", ".join(result.unmatched)
            )
        )
    lines += [f"{p.file}: {p.reason}" for p in result.problems]
    run.emit(result.as_dict(), lambda: lines)
    return EXIT_OK


def cmd_certs_verify(run: Run, actor: Actor) -> int:
    """Verify a card's payload: 0 genuine (number, officer, state today), 1 forged."""
    from desktop.personnel.cards import verify_payload

    result = verify_payload(run.store, actor, run.args.payload, as_of=_day(run))
    if not result.genuine:
        message = translate("cli", QT_TRANSLATE_NOOP("cli", "Not genuine: {reason}")).format(
            reason=result.reason
        )
        run.emit({"genuine": False, "reason": result.reason}, list)
        run.err.write(message + "\n")
        return EXIT_REFUSED
    document = {
        "genuine": True,
        "number": result.number,
        "officer": result.officer,
        "agency": result.agency,
        "state": result.state,
        "photo": result.photo is not None,
    }
    run.emit(
        document,
        lambda: [f"{result.number}  {result.officer}  {result.agency}  {_state_word(result.state)}"],
    )
    return EXIT_OK


def cmd_training_import(run: Run, actor: Actor) -> int:
    """Import attendance."""
    from desktop.personnel.training import import_training

    result = import_training(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_training_hours(run: Run, actor: Actor) -> int:
    """Hours per officer in a year against the target."""
    from desktop.personnel.training import training_hours

    a = run.args
    rows = training_hours(run.store, actor, a.year, agency=a.agency, short_only=a.short)
    items = [
        {
            "officer": r.officer,
            "id_number": r.id_number,
            "agency": r.agency,
            "hours": r.hours,
            "target": r.target,
            "short": r.short,
        }
        for r in rows
    ]
    run.emit(
        {"items": items, "total": len(items)},
        lambda: [
            *table(
                ["姓名", "执法主体", "学时", "目标", "不足"],
                [
                    [i["officer"], i["agency"], i["hours"], i["target"], "是" if i["short"] else ""]
                    for i in items
                ],
            ),
            total_line(len(items), len(items)),
        ],
    )
    return EXIT_OK


def cmd_training_agencies(run: Run, actor: Actor) -> int:
    """Per agency: officers, hours in all and on average, how many reached the target, how many short."""
    from desktop.personnel.training import agency_training

    rows = agency_training(run.store, actor, run.args.year)
    items = [
        {
            "agency": r.agency,
            "officers": r.officers,
            "hours": r.hours,
            "average": r.average,
            "reached": r.reached,
            "short": r.short,
            "target": r.target,
        }
        for r in rows
    ]
    run.emit(
        {"items": items, "total": len(items)},
        lambda: [
            *table(
                ["执法主体", "人数", "总学时", "人均学时", "达标", "未达标", "目标"],
                [
                    [
                        i["agency"],
                        i["officers"],
                        i["hours"],
                        i["average"],
                        i["reached"],
                        i["short"],
                        i["target"],
                    ]
                    for i in items
                ],
            ),
            total_line(len(items), len(items)),
        ],
    )
    return EXIT_OK
