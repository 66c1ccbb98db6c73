"""Words of the warning centre's banner (the year's holidays not loaded) and of its scope filter
(the cases' warnings, the officers' certificate and training warnings, or both)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.cases.calendar import CALENDAR_WARNING_CODES
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.views.warnings.titles import short_title

CONTEXT = "WarningsPage"

SCOPES = (None, "cases", "officers")
"""The scope filter's values (``list_warnings``' ``scope``): both, the cases', the officers'."""

SCOPE_TITLES = {
    None: QT_TRANSLATE_NOOP("WarningsPage", "Cases and officers"),
    "cases": QT_TRANSLATE_NOOP("WarningsPage", "Cases"),
    "officers": QT_TRANSLATE_NOOP("WarningsPage", "Officers' certificates"),
}

_MISSING = QT_TRANSLATE_NOOP(
    "WarningsPage",
    "The {year} holiday schedule is not loaded: deadlines in {year} count weekends only. "
    "An administrator can add that year's holidays in Settings › Work calendar.",
)
_AFFECTS = QT_TRANSLATE_NOOP("WarningsPage", "It affects: {warnings}.")


def scope_title(scope: str | None) -> str:
    """全部 / 案件 / 人员证件."""
    return QCoreApplication.translate(CONTEXT, SCOPE_TITLES.get(scope, scope or ""))


def calendar_banner(gap: tuple[int, ...]) -> str:
    """The banner's text for the years the national schedule misses ("" when none)."""
    if not gap:
        return ""
    affected = "、".join(short_title(code) for code in CALENDAR_WARNING_CODES)
    years = "、".join(str(y) for y in gap)
    return (
        "⚠ "
        + QCoreApplication.translate(CONTEXT, _MISSING).format(year=years)
        + "\n"
        + QCoreApplication.translate(CONTEXT, _AFFECTS).format(warnings=affected)
    )
