"""The window's daily audit anchor: when a user whose role may view the audit record opens the
window and the folder an administrator chose holds no anchor written today, one is written there
(``anchors.write_anchor``) — in the background; a folder that is missing (a USB stick not
plugged in) or cannot be written is said plainly and tried again at the next start.

Why those roles: writing an anchor walks the whole audit record first (it refuses to bless a
damaged one), and the anchor shows the record's head, so it is work for the roles that may read
the record (administrators and supervisors); the key comes from this workstation's keyring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.accounts.anchors import write_anchor
from desktop.core.errors import UserFacingError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission
from desktop.models.db import Store

ANCHOR_FILE = re.compile(r"^audit-anchor-(\d{8}T\d{6}Z)-\d+\.json$")
"""The name ``write_anchor`` gives: the UTC time it was written and the head's id."""

WRITTEN, NOT_DUE, NO_FOLDER, NOT_ALLOWED, FAILED = "written", "not_due", "no_folder", "not_allowed", "failed"


@dataclass(frozen=True)
class DailyAnchor:
    """What the start of the day did: ``state`` one of the five above; ``path`` the file written;
    ``reason`` the English template (``errors`` context, ``{folder}``) or localized text of a failure."""

    state: str
    folder: str
    path: str = ""
    reason: str = ""
    detail: str = ""
    """The system's own words for a failed write ("Permission denied")."""


def anchor_days(folder: Path) -> set[date]:
    """The local dates on which the anchors in ``folder`` were written (by their names)."""
    days = set()
    for path in folder.glob("audit-anchor-*.json"):
        m = ANCHOR_FILE.match(path.name)
        if m:
            written = datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            days.add(written.astimezone().date())
    return days


def anchor_due(folder: Path, today: date) -> bool:
    """Whether ``folder`` holds no anchor written ``today`` (local date)."""
    return today not in anchor_days(folder)


def may_anchor(actor: Actor) -> bool:
    """Whether the window writes the daily anchor for this user (the roles that view the audit)."""
    return actor.can(Permission.VIEW_AUDIT)


def write_daily_anchor(store: Store, actor: Actor, folder: str, today: date) -> DailyAnchor:
    """Write today's anchor to ``folder`` unless one is there; never raises for a folder out of
    reach, a damaged record or a missing keyring (the state and reason say it)."""
    if not may_anchor(actor):
        return DailyAnchor(NOT_ALLOWED, folder)
    if not folder.strip():
        return DailyAnchor(NO_FOLDER, folder)
    where = Path(folder)
    try:
        if not where.is_dir():
            return DailyAnchor(
                FAILED,
                folder,
                reason=QT_TRANSLATE_NOOP(
                    "errors", "the folder {folder} is not there (a USB stick not plugged in?)"
                ),
            )
        if not anchor_due(where, today):
            return DailyAnchor(NOT_DUE, folder)
        anchor = write_anchor(store, actor, where)
    except UserFacingError as exc:
        return DailyAnchor(FAILED, folder, reason=exc.localized())
    except OSError as exc:
        return DailyAnchor(
            FAILED,
            folder,
            reason=QT_TRANSLATE_NOOP("errors", "the folder {folder} cannot be written"),
            detail=exc.strerror or type(exc).__name__,
        )
    return DailyAnchor(WRITTEN, folder, path=str(anchor.path))
