"""Words for the warning centre: levels, short code names for the count grid, states, handling."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication

from desktop.cases.dto import WarningRow
from desktop.cases.officer_warnings import CENTRE_TITLES
from desktop.cases.rules import LEVEL_TITLES
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.views.common.page_tools import local_time

CONTEXT = "WarningTitles"

LEVELS = ("red", "yellow")
"""Red first: missed or broken before approaching."""

LEVEL_WORDS = LEVEL_TITLES
"""The word shown with a level's colour (the service's words, context ``warnings``)."""

SHORT_TITLES = {
    "decision_overdue": QT_TRANSLATE_NOOP("WarningTitles", "Decision overdue"),
    "decision_due_soon": QT_TRANSLATE_NOOP("WarningTitles", "Decision due soon"),
    "service_overdue": QT_TRANSLATE_NOOP("WarningTitles", "Service overdue"),
    "publicity_overdue": QT_TRANSLATE_NOOP("WarningTitles", "Publication overdue"),
    "seizure_overdue": QT_TRANSLATE_NOOP("WarningTitles", "Seizure overdue"),
    "single_officer": QT_TRANSLATE_NOOP("WarningTitles", "Under two officers"),
    "uncertified_officer": QT_TRANSLATE_NOOP("WarningTitles", "Uncertified officer"),
    "missing_legal_review": QT_TRANSLATE_NOOP("WarningTitles", "No legal review"),
    "summary_over_limit": QT_TRANSLATE_NOOP("WarningTitles", "Summary over limit"),
    "disposal_follow_up_due": QT_TRANSLATE_NOOP("WarningTitles", "Follow-up due"),
    "footage_missing": QT_TRANSLATE_NOOP("WarningTitles", "No footage"),
    "power_not_held": QT_TRANSLATE_NOOP("WarningTitles", "Power not held"),
    "discretion_out_of_range": QT_TRANSLATE_NOOP("WarningTitles", "Outside band"),
    "power_missing": QT_TRANSLATE_NOOP("WarningTitles", "No power"),
    "repeat_offender_lenient": QT_TRANSLATE_NOOP("WarningTitles", "Lenient repeat"),
    "inspection_publicity_overdue": QT_TRANSLATE_NOOP("WarningTitles", "Result unpublished"),
    "lead_undecided": QT_TRANSLATE_NOOP("WarningTitles", "Lead undecided"),
    "cert_expiring": QT_TRANSLATE_NOOP("WarningTitles", "Certificate expiring"),
    "cert_review_due": QT_TRANSLATE_NOOP("WarningTitles", "Review due"),
    "cert_invalid_on_open_case": QT_TRANSLATE_NOOP("WarningTitles", "Invalid on a case"),
    "training_short": QT_TRANSLATE_NOOP("WarningTitles", "Training short"),
}
"""A code's name short enough for a column of the count grid (办案超期, 少于2人 …)."""


HANDLED = QT_TRANSLATE_NOOP("WarningTitles", "{who} {when}: {note}")
REOPENED = QT_TRANSLATE_NOOP("WarningTitles", "Reopened by {who} {when}: {reason}")
FOLLOW_UP = QT_TRANSLATE_NOOP("WarningTitles", "follow up by {date}")

STATES = {
    "open": QT_TRANSLATE_NOOP("WarningTitles", "Not handled"),
    "handled": QT_TRANSLATE_NOOP("WarningTitles", "Handled"),
    "all": QT_TRANSLATE_NOOP("WarningTitles", "Handled or not"),
}
"""The state filter: ``list_warnings``'s ``state`` values (未处置 / 已处置 / 全部)."""


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def level_word(level: str | None) -> str:
    """红色 / 黄色 (Red / Yellow)."""
    return (
        QCoreApplication.translate("warnings", LEVEL_WORDS[level]) if level in LEVEL_WORDS else (level or "")
    )


def code_title(code: str) -> str:
    """A code's full name (the service's words, context ``warnings``)."""
    source = CENTRE_TITLES.get(code)
    return QCoreApplication.translate("warnings", source) if source else code


def short_title(code: str) -> str:
    """A code's short name for a grid column."""
    return _translate(SHORT_TITLES[code]) if code in SHORT_TITLES else code


def state_title(state: str) -> str:
    """未处置 / 已处置 / 全部."""
    return _translate(STATES[state]) if state in STATES else state


def handled_text(row: WarningRow) -> str:
    """ "约谈 · 张三 2026-11-23 10:02: 已约谈承办人 (follow up by 2026-12-01)" for a handled
    warning; "Reopened by …: reason" for a reopened one; else ""."""
    if row.handled:
        text = _translate(HANDLED).format(
            who=row.handled_by_name or row.handled_by or "",
            when=local_time(row.handled_at),
            note=row.handled_note or "",
        )
        if row.kind:
            text = f"{row.kind} · {text}"
        if row.follow_up_on is not None:
            text += f" ({_translate(FOLLOW_UP).format(date=row.follow_up_on.isoformat())})"
        return text
    if row.reopened_by:
        return reopened_text(row)
    return ""


def reopened_text(row: WarningRow) -> str:
    """ "Reopened by 李四 2026-11-25 09:00: reason" ("" when not reopened)."""
    if not row.reopened_by:
        return ""
    return _translate(REOPENED).format(
        who=row.reopened_by_name or row.reopened_by,
        when=local_time(row.reopened_at),
        reason=row.reopen_reason or "",
    )


def level_tone(row: WarningRow) -> str | None:
    """The colour name of a row's level (``red`` / ``yellow``)."""
    return row.level if row.level in LEVEL_WORDS else None


@dataclass(frozen=True)
class ListedWarning(WarningRow):
    """A warning in the list, with its handling in words (the 处置 column)."""

    @property
    def handling(self) -> str:
        """ "张三 2026-11-23 10:02: note", or "" while not handled."""
        return handled_text(self)

    @classmethod
    def of(cls, row: WarningRow) -> ListedWarning:
        """The service's row as a listed one."""
        return cls(**{f.name: getattr(row, f.name) for f in fields(row)})
