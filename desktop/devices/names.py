"""Recorder file names (FORMATS.md §5): the default pattern, a vendor's own pattern (a regular
expression with the named groups ``officer``, ``device``, ``start``, ``seq``, ``important``),
and what a name says of its recording. Pure: no store, no files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

DEFAULT_PATTERN = (
    r"^(?P<officer>[^_/\\]+)_(?P<device>[^_/\\]+)_(?P<start>\d{14})_(?P<seq>\d+)(?P<important>_IMP)?"
    r"\.(?P<ext>[A-Za-z0-9]+)$"
)
"""``<警号>_<设备编号>_<YYYYMMDDHHMMSS>_<序号>[_IMP].<ext>``."""

KINDS = {
    "mp4": "video",
    "mov": "video",
    "avi": "video",
    "wav": "audio",
    "mp3": "audio",
    "jpg": "photo",
}
"""The extensions of §5 (case-insensitive) and the kind of recording each holds."""

REQUIRED_GROUPS = ("officer", "device", "start")


@dataclass(frozen=True)
class NameFacts:
    """What a recorder's file name says."""

    officer: str
    device: str
    start: datetime
    seq: str | None
    important: bool
    ext: str
    kind: str


def compile_pattern(pattern: str | None) -> re.Pattern[str]:
    """The vendor's pattern (None: the default), checked for the groups §5 requires."""
    text = pattern or DEFAULT_PATTERN
    try:
        compiled = re.compile(text, re.IGNORECASE)
    except re.error as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The file-name pattern is not a regular expression: {reason}."),
            field="pattern",
            reason=str(exc),
        ) from None
    missing = [g for g in REQUIRED_GROUPS if g not in compiled.groupindex]
    if missing:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The file-name pattern lacks the named groups {groups}."),
            field="pattern",
            groups=", ".join(missing),
        )
    return compiled


def parse_name(name: str, pattern: re.Pattern[str]) -> NameFacts | None:
    """The facts of a file name, or None when it does not match or names no known kind."""
    stem, dot, suffix = name.rpartition(".")
    ext = suffix.lower() if dot else ""
    if ext not in KINDS:
        return None
    m = pattern.search(name)
    if m is None:
        return None
    groups = m.groupdict()
    digits = re.sub(r"\D", "", groups.get("start") or "")
    if len(digits) != 14:
        return None
    try:
        start = datetime.strptime(digits, "%Y%m%d%H%M%S")
    except ValueError:
        return None
    officer, device = (groups.get("officer") or "").strip(), (groups.get("device") or "").strip()
    if not officer or not device:
        return None
    return NameFacts(
        officer=officer,
        device=device,
        start=start,
        seq=groups.get("seq") or None,
        important=bool(groups.get("important")),
        ext=ext,
        kind=KINDS[ext],
    )
