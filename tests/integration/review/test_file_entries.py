"""A file's deductions, read only, on both databases: the agency after feedback (to name what it
disputes), supervisors, the assigned recheck reviewer — nobody else; the score before and after a
decided recheck; the reviewers a supervisor may name."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.errors import NotFound, PermissionDenied
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.review import sheets
from desktop.review.feedback import send_feedback
from desktop.review.file_entries import file_entries, recheck_reviewers
from desktop.review.rechecks import Dispute, Ruling, assign_recheck, decide_recheck, request_recheck
from tests.helpers.review_county import (
    AGENCIES,
    County,
    draw,
    first_code,
    make_county,
    score_all,
    sheet_version,
)


@pytest.fixture
def county(store: Store, admin: Actor, tmp_path) -> County:
    return make_county(store, admin, tmp_path, dossier_every=1)


def scored_market_file(county: County) -> tuple[int, int, str]:
    """A drawn 市场监管 file with a noted deduction on its sheet, everything scored: (campaign, file, code)."""
    result = draw(county)
    per = first_code(county, "per_occurrence")
    item = next(i for i in result.items if i.agency == AGENCIES[0])
    for actor in county.reviewers.values():
        for task in sheets.my_tasks(county.store, actor):
            if task.file_id == item.file_id:
                sheets.take(
                    county.store,
                    actor,
                    task.scoring_id,
                    sheet_version(county, actor, task.scoring_id),
                    per,
                    2,
                    note="第3页无页码",
                )
    score_all(county, {name: [] for name in county.reviewers})
    return result.campaign.id, item.file_id, per


def test_the_agency_reads_its_files_deductions_only_after_feedback(county: County, tmp_path) -> None:
    campaign_id, file_id, per = scored_market_file(county)
    user = county.agency_users["u_market"]
    with pytest.raises(PermissionDenied):
        file_entries(county.store, user, file_id)
    send_feedback(
        county.store,
        county.supervisor,
        campaign_id,
        county.agency_ids[AGENCIES[0]],
        None,
        tmp_path / "out",
        issued_on=date(2026, 11, 23),
    )
    seen = file_entries(county.store, user, file_id)
    assert seen.agency == AGENCIES[0] and seen.recheck_until == date(2026, 11, 30)
    [entry] = seen.entries
    assert (entry.code, entry.kind, entry.count, entry.note) == (per, "per_occurrence", 2, "第3页无页码")
    assert entry.taken.endswith("× 2") and "：" in entry.text and entry.reviewer in seen.reviewers
    assert seen.before is not None and seen.before.total < 100 and seen.after is None
    with pytest.raises(PermissionDenied):
        file_entries(county.store, county.agency_users["u_transport"], file_id)
    assert file_entries(county.store, county.supervisor, file_id).entries == seen.entries
    with pytest.raises(NotFound):
        file_entries(county.store, county.supervisor, 999_999)


def test_only_the_assigned_reviewer_reads_it_and_the_score_after_a_recheck(county: County, tmp_path) -> None:
    campaign_id, file_id, _per = scored_market_file(county)
    send_feedback(
        county.store,
        county.supervisor,
        campaign_id,
        county.agency_ids[AGENCIES[0]],
        None,
        tmp_path / "out",
        issued_on=date(2026, 11, 23),
    )
    user = county.agency_users["u_market"]
    seen = file_entries(county.store, user, file_id)
    asked = request_recheck(county.store, user, file_id, [Dispute(seen.entries[0].id, "页码齐全")])
    choices = {c.name: c for c in recheck_reviewers(county.store, county.supervisor, file_id)}
    assert {"r_market", "r_transport", "r_bureau", "r_bureau2"} <= set(choices)
    assert "u_market" not in choices and "trainer" not in choices
    assert choices["r_market"].same_agency and not choices["r_market"].eligible
    assert all(choices[name].scored_file and not choices[name].eligible for name in seen.reviewers)
    other = next(c for c in choices.values() if c.eligible and c.name in county.reviewers)
    with pytest.raises(PermissionDenied):
        recheck_reviewers(county.store, user, file_id)
    with pytest.raises(PermissionDenied):
        file_entries(county.store, county.reviewers[other.name], file_id)
    assigned = assign_recheck(county.store, county.supervisor, asked.id, asked.version, other.name)
    mine = file_entries(county.store, county.reviewers[other.name], file_id)
    assert mine.entries[0].note == "第3页无页码" and mine.after is None
    decide_recheck(
        county.store,
        county.reviewers[other.name],
        asked.id,
        assigned.version,
        [Ruling(assigned.items[0].id, "changed", "页码齐全", new_count=0)],
    )
    after = file_entries(county.store, user, file_id)
    assert after.before == seen.before and after.after is not None and after.after.total == 100
    assert after.entries == seen.entries  # the reviewer's entry stays as written
