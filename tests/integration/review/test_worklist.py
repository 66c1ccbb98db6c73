"""下一份: a reviewer's next file to score in the campaign of the sheet just submitted; a task not
scored yet carries no total or grade ("—" in the list, never "100.0 优秀")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.errors import NotFound, PermissionDenied
from desktop.core.security import Actor, Role
from desktop.models.db import Store
from desktop.review import sheets
from desktop.review.worklist import next_sheet
from tests.helpers.review_county import County, draw, first_code, make_county, sheet_version


@pytest.fixture
def county(store: Store, admin: Actor, tmp_path) -> County:
    return make_county(store, admin, tmp_path, dossier_every=4)


def test_the_next_file_is_the_following_one_not_yet_submitted_then_none(county: County) -> None:
    draw(county, per_agency=3)
    reviewer = county.reviewers["r_bureau"]
    ids = [t.scoring_id for t in sheets.my_tasks(county.store, reviewer)]
    assert len(ids) >= 3
    assert next_sheet(county.store, reviewer, ids[0]) == ids[1]
    assert next_sheet(county.store, reviewer, ids[-1]) == ids[0]  # from the last, back to the first
    sheets.submit(county.store, reviewer, ids[1], sheet_version(county, reviewer, ids[1]))
    assert next_sheet(county.store, reviewer, ids[0]) == ids[2]  # a submitted one is skipped
    for sid in ids:
        if sid != ids[1]:
            sheets.submit(county.store, reviewer, sid, sheet_version(county, reviewer, sid))
    assert next_sheet(county.store, reviewer, ids[0]) is None


def test_the_next_file_is_the_asker_s_own_and_needs_the_scoring_right(county: County) -> None:
    draw(county)
    reviewer, other = county.reviewers["r_bureau"], county.reviewers["r_market"]
    mine = [t.scoring_id for t in sheets.my_tasks(county.store, reviewer)]
    theirs = {t.scoring_id for t in sheets.my_tasks(county.store, other)}
    assert next_sheet(county.store, other, mine[0]) in theirs
    assert next_sheet(county.store, county.admin, mine[0]) is None  # none of theirs in it
    with pytest.raises(PermissionDenied):
        next_sheet(county.store, replace(reviewer, role=Role.CLERK), mine[0])
    with pytest.raises(NotFound):
        next_sheet(county.store, reviewer, 99_999)


def test_a_task_not_scored_yet_has_no_total_or_grade(county: County) -> None:
    draw(county)
    reviewer = county.reviewers["r_bureau"]
    first, second = sheets.my_tasks(county.store, reviewer)[:2]
    assert (first.total, first.grade) == (None, None)
    sheets.take(
        county.store,
        reviewer,
        first.scoring_id,
        sheet_version(county, reviewer, first.scoring_id),
        first_code(county, "per_occurrence"),
    )
    sheets.submit(
        county.store, reviewer, second.scoring_id, sheet_version(county, reviewer, second.scoring_id)
    )
    totals = {t.scoring_id: (t.total, t.grade) for t in sheets.my_tasks(county.store, reviewer)}
    assert totals[first.scoring_id][0] is not None and totals[first.scoring_id][0] < 100
    assert totals[second.scoring_id][0] == 100  # submitted with nothing taken: a score of its own
