"""Where a dashboard bar leads: the area and the filters of the list behind it (the page emits
them as ``filter_requested(area, filters)``; the main window shows that area and calls its
``set_filters(**filters)``). One function for every chart, so that the mechanism is one."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from desktop.reports.dashboard import EXPIRING_DAYS

CERT_STATE_KEYS = {
    "正常": "valid",
    "暂停": "suspended",
    "注销": "cancelled",
    "吊销": "revoked",
    "过期": "expired",
}
"""The dashboard's certificate states (as the annual report names them) → the 执法证 tab's."""
NO_CERTIFICATE = "无证"
SHORT, REACHED = "short", "reached"
"""The training chart's series: officers below the target, and those reaching it."""
UNLINKED, LINKED = "unlinked", "linked"
PASSED, FAILED = "passed", "failed"

Request = tuple[str, dict[str, Any]]


def month_span(month: str, start: date, end: date) -> tuple[date, date]:
    """The days of ``month`` (``2025-03``) inside the period."""
    year, number = (int(x) for x in month.split("-"))
    first, last = date(year, number, 1), date(year, number, monthrange(year, number)[1])
    return max(first, start), min(last, end)


def request(
    chart: str,
    key: Any,
    series: str,
    period: tuple[date, date],
    agency_id: int | None,
    campaign: str = "",
) -> Request | None:
    """The list behind the bar of ``chart`` at category ``key`` (a month or an agency id) and
    ``series``, for the page's period and agency; None where there is nothing behind it."""
    start, end = period
    if chart == "cases":
        first, last = month_span(str(key), start, end)
        return "cases", {"agency_id": agency_id, "category": series, "filed_from": first, "filed_to": last}
    if chart == "warnings":
        return "warnings", {"agency_id": key, "code": series}
    if chart == "overdue":
        return "warnings", {"agency_id": agency_id, "code": "decision_overdue", "state": "all"}
    if chart == "grades":
        return ("review", {"campaign": campaign, "agency_id": key}) if campaign else None
    if chart == "certificates":
        if series == NO_CERTIFICATE:
            return "qualifications", {"tab": "officers", "agency_id": key, "cert_state": "none"}
        return "qualifications", {
            "tab": "certificates",
            "agency_id": key,
            "state": CERT_STATE_KEYS.get(series),
        }
    if chart == "expiring":
        horizon = end + timedelta(days=EXPIRING_DAYS)
        return "qualifications", {
            "tab": "certificates",
            "agency_id": key,
            "state": "valid",
            "expires_by": horizon,
        }
    if chart == "training":
        return "qualifications", {
            "tab": "training",
            "agency_id": key,
            "short_only": series == SHORT,
            "year": end.year,
        }
    if chart == "exams":
        return "exams", {"agency_id": key, "graded_from": start, "graded_to": end}
    if chart == "footage":
        return "footage", {"unlinked": series == UNLINKED, "agency_id": key, "imported": (start, end)}
    return None
