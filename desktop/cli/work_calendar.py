"""The working-day calendar on the command line (CLI.md): ``calendar import-notice FILE.txt
[--dry-run]`` reads the State Council's holiday notice of a year and, unless ``--dry-run``, keeps
its rest days and worked weekend days in the store's local calendar (audited)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.output import EXIT_OK
from desktop.cli.parser import actions
from desktop.cli.runner import Run
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor

MAX_FILE = 200_000
"""Bytes: a notice is a few kilobytes; a larger file is not one (and is not read)."""


class _DryRun(argparse.Action):
    """``--dry-run``: only read the notice, so no login is needed."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, values: Any, option: Any = None) -> None:
        namespace.dry_run = True
        namespace.needs_user = False


def add_parsers(sub: Any) -> None:
    """``calendar import-notice FILE.txt [--dry-run]``."""
    cal = actions(sub, "calendar", "the working-day calendar: holidays and worked weekend days")
    imp = cal.add_parser(
        "import-notice",
        help="read the State Council's holiday notice of a year (a text file) and keep its rest days "
        "and worked weekend days in the local calendar",
    )
    imp.add_argument("file", help="the notice's text (UTF-8 or GB18030), title included")
    imp.add_argument(
        "--dry-run",
        nargs=0,
        action=_DryRun,
        default=False,
        help="only print what the notice says; store nothing",
    )
    imp.set_defaults(handler=cmd_calendar_import_notice, needs_user=True)


def read_notice_file(path: Path) -> str:
    """The file's text: UTF-8 (with or without a BOM), else GB18030 (Notepad's ANSI in China)."""
    try:
        if not path.is_file():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{file} is not a file."), field="file", file=str(path)
            )
        if path.stat().st_size > MAX_FILE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{file} is too large to be a holiday notice."),
                field="file",
                file=str(path),
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{file} cannot be read ({reason})."),
            field="file",
            file=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "{file} is not text (UTF-8 or GB18030)."), field="file", file=str(path)
    )


def cmd_calendar_import_notice(run: Run, actor: Actor | None) -> int:
    """Parse the notice; store it unless ``--dry-run``."""
    from desktop.cases.holiday_notice import parse_notice
    from desktop.cases.supervision_settings import import_holiday_notice

    notice = parse_notice(read_notice_file(Path(run.args.file)))
    stored = not run.args.dry_run
    if stored:
        assert actor is not None
        import_holiday_notice(run.store, actor, notice)

    def lines() -> list[str]:
        said = [
            translate("cli", QT_TRANSLATE_NOOP("cli", "Rest days ({n}): {days}")).format(
                n=len(notice.rest_days), days=_days(notice.rest_days)
            ),
            translate("cli", QT_TRANSLATE_NOOP("cli", "Worked weekend days ({n}): {days}")).format(
                n=len(notice.work_days), days=_days(notice.work_days)
            ),
        ]
        done = (
            QT_TRANSLATE_NOOP("cli", "The {year} schedule is stored in the local calendar.")
            if stored
            else QT_TRANSLATE_NOOP("cli", "The {year} schedule was read (dry run): nothing was stored.")
        )
        return [*said, translate("cli", done).format(year=notice.year)]

    run.emit(notice.as_json(), lines)
    return EXIT_OK


def _days(days: Sequence[date]) -> str:
    return ", ".join(d.isoformat() for d in days) or "—"
