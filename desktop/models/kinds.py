"""The kind of record each table holds: what a commit announces and the pages subscribe to."""

from __future__ import annotations

from collections.abc import Iterable

TABLE_KINDS: dict[str, str] = {
    "cases": "cases",
    "case_officers": "cases",
    "case_suspensions": "cases",
    "case_documents": "cases",
    "warning_dispositions": "warnings",
    "warning_attachments": "warnings",
    "calendar_overrides": "calendar",
    "store_settings": "settings",
    "agencies": "agencies",
    "officers": "officers",
    "certificates": "officers",
    "certificate_events": "officers",
    "certificate_applications": "officers",
    "certificate_validity": "officers",
    "training_records": "training",
    "users": "users",
    "audit_records": "audit",
    "audit_head": "audit",
    "rubrics": "rubrics",
    "campaigns": "campaigns",
    "campaign_files": "campaigns",
    "scorings": "sheets",
    "score_entries": "sheets",
    "score_marks": "sheets",
    "review_feedback": "feedback",
    "rechecks": "rechecks",
    "recheck_items": "rechecks",
    "footage_files": "footage",
    "footage_journal": "footage",
    "footage_numbers": "footage",
    "footage_deletions": "footage",
    "footage_deletion_items": "footage",
    "footage_counts": "footage",
    "powers": "powers",
    "power_bands": "powers",
    "inspection_targets": "inspections",
    "inspection_plans": "inspections",
    "inspection_items": "inspections",
    "leads": "leads",
}
"""The kind of record each table holds, as the views subscribe to them (a table not named here
is its own kind)."""


def kinds_of(tables: Iterable[str]) -> frozenset[str]:
    """The kinds of record these tables hold."""
    return frozenset(TABLE_KINDS.get(t, t) for t in tables)
