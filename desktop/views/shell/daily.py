"""What the window does once when it opens: put the store's input limits in force, and write the
day's audit anchor when it is due (``accounts.daily_anchor``) — both in the background; a folder
out of reach is said in the status bar, never in a dialog, and tried again at the next start.

It reads the store's services: the main window loads it with its first page, not with its frame
(the status bar's line itself is ``desktop.views.shell.daily_note``)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.accounts.daily_anchor import FAILED, WRITTEN, DailyAnchor, may_anchor, write_daily_anchor
from desktop.accounts.input_settings import apply_input_limits
from desktop.context import AppContext
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)
MESSAGE_MS = 60_000
"""How long the status bar shows what the start of the day did."""


WRITTEN_TEXT = QT_TRANSLATE_NOOP("DailyWork", "Today's audit anchor was written to {folder}.")
FAILED_TEXT = QT_TRANSLATE_NOOP(
    "DailyWork", "Today's audit anchor was not written: {reason}. It is tried again at the next start."
)
WRITING_TEXT = QT_TRANSLATE_NOOP("DailyWork", "Writing today's audit anchor")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DailyWork", text)


def anchor_message(result: DailyAnchor) -> str:
    """The status bar's line for what the daily anchor did ("" when there is nothing to say)."""
    if result.state == WRITTEN:
        return _tr(WRITTEN_TEXT).format(folder=result.folder)
    if result.state == FAILED:
        reason = translate("errors", result.reason).format(folder=result.folder)
        return _tr(
            "Today's audit anchor was not written: {reason}. It is tried again at the next start."
        ).format(reason=reason)
    return ""


def start_daily_work(ctx: AppContext, show: Callable[[str, int], None]) -> None:
    """Queue the start-of-day work; ``show(text, ms)`` puts a line in the status bar."""
    store, user = ctx.store, ctx.user
    if ctx.tasks is None or store is None or user is None:
        return
    ctx.tasks.load(
        lambda: apply_input_limits(store),
        lambda _limits: None,
        on_error=lambda exc: log.warning("input limits not read at start (%s); the defaults hold", exc),
        key="daily-input-limits",
    )
    if not (may_anchor(user) and ctx.settings.anchor_dir):
        return
    folder, today = ctx.settings.anchor_dir, ctx.today()

    def done(result: DailyAnchor) -> None:
        text = anchor_message(result)
        if text:
            show(text, MESSAGE_MS)

    ctx.tasks.run(
        lambda _progress, _cancelled: write_daily_anchor(store, user, folder, today),
        on_done=done,
        on_error=lambda exc: show(anchor_message(DailyAnchor(FAILED, folder, reason=str(exc))), MESSAGE_MS),
        label=_tr(WRITING_TEXT),
        cancellable=False,
        key="daily-anchor",
        show_progress=False,
    )
