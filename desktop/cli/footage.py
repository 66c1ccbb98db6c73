"""The footage commands of the command line (CLI.md): ``footage import | list | verify | link |
export``, the evidence folder from ``--evidence-dir`` / env DESK_EVIDENCE_DIR / the store's setting
/ the user data folder, an HTTP station's token from the keyring or env DESK_STATION_TOKEN."""

from __future__ import annotations

from typing import Any

from desktop.cli import footage_retention
from desktop.cli.output import EXIT_OK, EXIT_REFUSED, table, total_line
from desktop.cli.parser import actions, list_parser, list_query
from desktop.cli.runner import Run
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor


def add_parsers(sub: Any) -> None:
    """``footage import | list | verify | link | export`` and the retention actions."""
    footage = actions(sub, "footage", "body-camera footage: import, the evidence library, verify, case links")
    fi = footage.add_parser(
        "import", help="import a station's files (FORMATS.md §5 folder or §6 http(s):// station)"
    )
    fi.add_argument("source", help="an export folder or an http(s):// station")
    fi.add_argument("--pattern", help="the vendor's file-name pattern (a regular expression, FORMATS.md §5)")
    fi.add_argument("--station", help="the station's name (its last import is kept under it)")
    fi.set_defaults(handler=cmd_import, needs_user=True)
    fa = footage.add_parser(
        "import-all", help="import every saved station, at most the parallel-transfer limit at once in all"
    )
    fa.set_defaults(handler=cmd_import_all, needs_user=True)
    fl = list_parser(footage, "list", cmd_list, "stored files with their case link")
    fl.add_argument("--case", help="only the files linked to this case (案号)")
    fl.add_argument("--unlinked", action="store_true", help="only files not yet linked to a case")
    fl.add_argument("--agency", help="the agency of --case, when two agencies use the same 案号")
    fl.add_argument("--deleted", action="store_true", help="the tombstones of deleted files instead")
    fv = footage.add_parser(
        "verify", help="hash every stored file again; exit 1 when any is missing or altered"
    )
    fv.set_defaults(handler=cmd_verify, needs_user=True)
    link = footage.add_parser("link", help="link a stored file to a case")
    link.add_argument("sha256", help="the file's SHA-256 (8 or more leading digits will do)")
    link.add_argument("case_no", help="the case's 案号")
    link.add_argument("--agency", help="the agency, when two agencies use the same 案号")
    link.set_defaults(handler=cmd_link, needs_user=True)
    fe = footage.add_parser("export", help="copy a case's footage with a hash manifest and the audit extract")
    fe.add_argument("--case", required=True, help="the case's 案号")
    fe.add_argument("--out", required=True, help="the folder to write")
    fe.add_argument("--agency", help="the agency, when two agencies use the same 案号")
    fe.set_defaults(handler=cmd_export, needs_user=True)
    footage_retention.add_parsers(footage)


def _evidence(run: Run) -> Any:
    from desktop.devices.custody import evidence_dir
    from desktop.devices.evidence import EvidenceStore

    return EvidenceStore(evidence_dir(run.store, run.args.evidence_dir))


def cmd_import(run: Run, actor: Actor) -> int:
    """Import every file of a station; exit 1 when any file was reported."""
    from desktop.devices.dto import StationInput
    from desktop.devices.importer import import_footage
    from desktop.devices.station_service import find_station, open_station, save_station

    known = find_station(run.store, actor, run.args.station) if run.args.station else None
    pattern = run.args.pattern or (known.pattern if known else None)
    station = open_station(run.args.source, pattern)
    if run.args.station and known is None:  # the first import of a station names it for the window
        save_station(run.store, actor, StationInput(run.args.station, run.args.source, run.args.pattern))
    result = import_footage(run.store, actor, station, _evidence(run), station_name=run.args.station)

    def lines() -> list[str]:
        done = translate(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli", "Imported {imported}, skipped {skipped} (already stored), {errors} error(s)."
            ),
        )
        out = [f"{e.file}: {e.message}" for e in result.errors]
        out.append(done.format(imported=result.imported, skipped=result.skipped, errors=len(result.errors)))
        if result.unknown_officers or result.unknown_devices:
            unknown = translate(
                "cli", QT_TRANSLATE_NOOP("cli", "Numbers to map: officers {officers}; devices {devices}.")
            )
            out.append(
                unknown.format(
                    officers="、".join(result.unknown_officers) or "-",
                    devices="、".join(result.unknown_devices) or "-",
                )
            )
        return out

    run.emit(result.as_dict(), lines)
    return EXIT_REFUSED if result.errors else EXIT_OK


def cmd_import_all(run: Run, actor: Actor) -> int:
    """Import every saved station; exit 1 when a file was reported or a station failed."""
    from desktop.devices.import_all import import_all

    outcomes = import_all(run.store, actor, _evidence(run))
    stations = [
        {"station": o.station, **(o.result.as_dict() if o.result else {}), "failed": o.failure}
        for o in outcomes
    ]

    def lines() -> list[str]:
        done = translate(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli",
                "{station}: imported {imported}, skipped {skipped} (already stored), {errors} error(s).",
            ),
        )
        out = []
        for o in outcomes:
            if o.result is None:
                out.append(f"{o.station}: {o.failure}")
                continue
            out += [f"{o.station} · {e.file}: {e.message}" for e in o.result.errors]
            out.append(
                done.format(
                    station=o.station,
                    imported=o.result.imported,
                    skipped=o.result.skipped,
                    errors=len(o.result.errors),
                )
            )
        return out

    run.emit({"stations": stations}, lines)
    bad = any(o.result is None or o.result.errors for o in outcomes)
    return EXIT_REFUSED if bad else EXIT_OK


def footage_json(f: Any) -> dict[str, Any]:
    """One stored file as ``footage list --json`` prints it."""
    return {
        "sha256": f.sha256,
        "officer": f.officer,
        "officer_name": f.officer_name,
        "device": f.device,
        "start": f.start.isoformat(),
        "duration_s": f.duration_s,
        "size": f.size,
        "kind": f.kind,
        "important": f.important,
        "verified": f.verified,
        "source_name": f.source_name,
        "station": f.station,
        "agency": f.agency_name,
        "case_no": f.case_no,
        "case": f.case_no,
        "retention_class": f.retention_class,
        "retain_until": f.retain_until.isoformat() if f.retain_until else None,
    }


def cmd_list(run: Run, actor: Actor) -> int:
    """The evidence library."""
    from desktop.cases.service import find_case
    from desktop.devices.library import list_footage

    case_id = find_case(run.store, actor, run.args.case, run.args.agency).id if run.args.case else None
    page = list_footage(
        run.store,
        actor,
        list_query(run.args, case_id=case_id, unlinked=run.args.unlinked, deleted=run.args.deleted),
    )
    items = [footage_json(f) for f in page.items]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["SHA-256", "警号", "设备", "开始时间", "大小", "重要", "文件名", "案号"],
                [
                    [
                        f.sha256[:16],
                        f.officer,
                        f.device,
                        f"{f.start:%Y-%m-%d %H:%M:%S}",
                        f"{f.size:,}",
                        "是" if f.important else "",
                        f.source_name,
                        f.case_no or "",
                    ]
                    for f in page.items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


def cmd_verify(run: Run, actor: Actor) -> int:
    """Hash every stored file again; exit 1 when anything is missing, altered or unrecorded."""
    from desktop.devices.custody import verify_footage

    report = verify_footage(run.store, actor, _evidence(run))

    def lines() -> list[str]:
        out = []
        for label, shas in (
            (QT_TRANSLATE_NOOP("cli", "missing"), report.missing),
            (QT_TRANSLATE_NOOP("cli", "altered"), report.altered),
            (QT_TRANSLATE_NOOP("cli", "stored but not recorded"), report.unrecorded),
        ):
            out += [f"{translate('cli', label)}: {sha}" for sha in shas]
        summary = QT_TRANSLATE_NOOP("cli", "{checked} file(s) checked: {state}.")
        state = translate(
            "cli",
            QT_TRANSLATE_NOOP("cli", "all intact")
            if report.clean
            else QT_TRANSLATE_NOOP("cli", "problems found"),
        )
        out.append(translate("cli", summary).format(checked=report.checked, state=state))
        return out

    run.emit(
        {
            "ok": report.clean,
            "checked": report.checked,
            "missing": list(report.missing),
            "altered": list(report.altered),
            "unrecorded": list(report.unrecorded),
        },
        lines,
    )
    return EXIT_OK if report.clean else EXIT_REFUSED


def cmd_link(run: Run, actor: Actor) -> int:
    """Link a stored file to a case."""
    from desktop.devices.library import link_footage

    row = link_footage(run.store, actor, run.args.sha256, run.args.case_no, run.args.agency)
    done = translate("cli", QT_TRANSLATE_NOOP("cli", "{sha256} linked to {case_no}."))
    run.emit(footage_json(row), lambda: [done.format(sha256=row.sha256, case_no=row.case_no)])
    return EXIT_OK


def cmd_export(run: Run, actor: Actor) -> int:
    """Copy a case's footage with its manifest and audit extract."""
    from desktop.devices.custody import export_case_footage

    result = export_case_footage(
        run.store, actor, _evidence(run), run.args.case, run.args.out, agency=run.args.agency
    )
    done = translate(
        "cli",
        QT_TRANSLATE_NOOP("cli", "{files} file(s) of {case_no} written to {out}; manifest SHA-256 {sha}."),
    )
    run.emit(
        {
            "case_no": result.case_no,
            "out": result.folder,
            "files": result.files,
            "manifest": result.manifest,
            "manifest_sha256": result.manifest_sha256,
        },
        lambda: [
            done.format(
                files=result.files, case_no=result.case_no, out=result.folder, sha=result.manifest_sha256
            )
        ],
    )
    return EXIT_OK
