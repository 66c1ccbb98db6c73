"""The footage work the page hands to the task runner: importing a station (progress in bytes
and files, rate and time left, Cancel) and verifying the evidence folder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.devices.custody import evidence_dir, verify_footage
from desktop.devices.dto import StationRow, VerifyReport
from desktop.devices.evidence import EvidenceStore
from desktop.devices.import_all import StationOutcome, import_all
from desktop.devices.importer import FootageImportResult, import_footage
from desktop.devices.station_service import open_station


def start_import(
    ctx: AppContext,
    parent: QWidget,
    station: StationRow,
    on_done: Callable[[FootageImportResult], None],
    on_error: Callable[[BaseException], None],
) -> Any:
    """Import one station through the task runner (a progress dialog with Cancel)."""

    def work(progress: Any, cancelled: Callable[[], bool]) -> FootageImportResult:
        evidence = EvidenceStore(evidence_dir(ctx.store))
        adapter = open_station(station.location, station.pattern)
        return import_footage(
            ctx.store,
            ctx.user,
            adapter,
            evidence,
            station_name=station.name,
            progress=progress,
            cancelled=cancelled,
        )

    return ctx.tasks.run(
        work,
        on_done=on_done,
        on_error=on_error,
        label=QCoreApplication.translate("FootageWork", "Importing {name}: {done} of {total} bytes").replace(
            "{name}", station.name
        ),
        parent_widget=parent,
        cancellable=True,
    )


def start_import_all(
    ctx: AppContext,
    parent: QWidget,
    on_done: Callable[[tuple[StationOutcome, ...]], None],
    on_error: Callable[[BaseException], None],
) -> Any:
    """Import every station at once (the parallel-transfer limit over all of them), Cancel."""

    def work(_progress: Any, cancelled: Callable[[], bool]) -> tuple[StationOutcome, ...]:
        return import_all(ctx.store, ctx.user, EvidenceStore(evidence_dir(ctx.store)), cancelled=cancelled)

    return ctx.tasks.run(
        work,
        on_done=on_done,
        on_error=on_error,
        label=QCoreApplication.translate("FootageWork", "Importing every station"),
        parent_widget=parent,
        cancellable=True,
    )


def import_all_summary(outcomes: tuple[StationOutcome, ...]) -> str:
    """Each station's import in a line, or why it could not be read."""
    lines = []
    for o in outcomes:
        if o.result is None:
            lines.append(f"{o.station}: {o.failure}")
        else:
            lines.append(f"{o.station}: {import_summary(o.result).splitlines()[0]}")
    return "\n".join(lines) or QCoreApplication.translate("FootageWork", "No stations to import.")


def start_verify(
    ctx: AppContext,
    parent: QWidget,
    on_done: Callable[[VerifyReport], None],
    on_error: Callable[[BaseException], None],
) -> Any:
    """Hash every stored file again through the task runner."""

    def work(progress: Any, cancelled: Callable[[], bool]) -> VerifyReport:
        return verify_footage(
            ctx.store,
            ctx.user,
            EvidenceStore(evidence_dir(ctx.store)),
            progress=progress,
            cancelled=cancelled,
        )

    return ctx.tasks.run(
        work,
        on_done=on_done,
        on_error=on_error,
        label=QCoreApplication.translate(
            "FootageWork", "Verifying the evidence folder: {done} of {total} bytes"
        ),
        parent_widget=parent,
        cancellable=True,
    )


def import_summary(result: FootageImportResult) -> str:
    """What an import did, in words, with what it left unresolved."""
    lines = [
        QCoreApplication.translate(
            "FootageWork", "Imported {imported}, skipped {skipped} (already stored), {errors} problem(s)."
        ).format(imported=result.imported, skipped=result.skipped, errors=len(result.errors))
    ]
    lines += [f"{e.file}: {e.message}" for e in result.errors[:20]]
    if result.unknown_officers:
        lines.append(
            QCoreApplication.translate("FootageWork", "Officer numbers to map: {numbers}").format(
                numbers="、".join(result.unknown_officers)
            )
        )
    return "\n".join(lines)


def verify_summary(report: VerifyReport) -> str:
    """What a verification found."""
    if report.clean:
        return QCoreApplication.translate("FootageWork", "All {n} stored files are intact.").format(
            n=report.checked
        )
    lines = [
        QCoreApplication.translate("FootageWork", "{n} stored files checked; problems found:").format(
            n=report.checked
        )
    ]
    lines += [
        QCoreApplication.translate("FootageWork", "Missing: {sha}").format(sha=s) for s in report.missing
    ]
    lines += [
        QCoreApplication.translate("FootageWork", "Altered: {sha}").format(sha=s) for s in report.altered
    ]
    lines += [
        QCoreApplication.translate("FootageWork", "Stored but not recorded: {sha}").format(sha=s)
        for s in report.unrecorded
    ]
    return "\n".join(lines)
