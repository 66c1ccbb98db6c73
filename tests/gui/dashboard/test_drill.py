"""Where each dashboard bar leads (one function for every chart): the area and the filters of the
list behind it, for the page's period and agency."""

from __future__ import annotations

from datetime import date

from desktop.views.dashboard.drill import month_span, request

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def test_a_month_inside_the_period() -> None:
    assert month_span("2025-02", *YEAR) == (date(2025, 2, 1), date(2025, 2, 28))
    assert month_span("2025-03", date(2025, 3, 10), date(2025, 3, 20)) == (
        date(2025, 3, 10),
        date(2025, 3, 20),
    )


def test_every_chart_names_its_list() -> None:
    assert request("cases", "2025-07", "行政处罚", YEAR, 4) == (
        "cases",
        {
            "agency_id": 4,
            "category": "行政处罚",
            "filed_from": date(2025, 7, 1),
            "filed_to": date(2025, 7, 31),
        },
    )
    assert request("grades", 3, "优秀", YEAR, None, "2025年度评查") == (
        "review",
        {"campaign": "2025年度评查", "agency_id": 3},
    )
    assert request("grades", 3, "优秀", YEAR, None, "") is None  # no campaign: nothing behind
    assert request("certificates", 3, "吊销", YEAR, None) == (
        "qualifications",
        {"tab": "certificates", "agency_id": 3, "state": "revoked"},
    )
    assert request("expiring", 3, "expiring", YEAR, None)[1]["expires_by"] == date(2026, 3, 1)  # type: ignore[index]
    assert request("training", 3, "reached", YEAR, None) == (
        "qualifications",
        {"tab": "training", "agency_id": 3, "short_only": False, "year": 2025},
    )
    assert request("exams", 3, "failed", YEAR, None) == (
        "exams",
        {"agency_id": 3, "graded_from": YEAR[0], "graded_to": YEAR[1]},
    )
    assert request("footage", None, "linked", YEAR, None) == (
        "footage",
        {"unlinked": False, "agency_id": None, "imported": YEAR},
    )
    assert request("nothing", 1, "x", YEAR, None) is None
