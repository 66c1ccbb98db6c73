"""Correcting a campaign on both databases: voiding it before scoring starts (refused once a score is
saved, kept on record, its draw still verifiable, counted nowhere), and giving a reviewer's sheets to
another reviewer (the reviewer role, the conflict rule, submitted sheets refused, work kept, audited)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.core.errors import Conflict, PermissionDenied, ValidationError
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.review import sheets
from desktop.review.campaigns import create_campaign, get_campaign, list_campaigns, verify_draw
from desktop.review.corrections import reassign_reviewer, void_campaign
from desktop.review.dto import CampaignSpec
from desktop.review.exchange import export_results
from desktop.review.feedback import close_campaign, send_feedback
from desktop.review.results import campaign_results
from tests.helpers.review_county import AGENCIES, County, draw, first_code, make_county, sheet_version


@pytest.fixture
def county(store: Store, admin: Actor, tmp_path) -> County:
    return make_county(store, admin, tmp_path, dossier_every=1)


def audit_of(county: County, action: str) -> list:  # type: ignore[type-arg]
    query = ListQuery(filters=(("action", action),), limit=None)
    return list(list_audit(county.store, county.admin, query).items)


# -- 作废 -----------------------------------------------------------------------------------------------


def test_a_campaign_is_voided_before_scoring_and_stays_on_record(county: County, tmp_path: Path) -> None:
    result = draw(county)
    row = result.campaign
    with pytest.raises(PermissionDenied):
        void_campaign(county.store, county.reviewers["r_bureau"], row.id, row.version, "重复建立")
    with pytest.raises(ValidationError, match="Give a reason"):
        void_campaign(county.store, county.supervisor, row.id, row.version, "  ")
    # opening a sheet and turning its pages is not scoring
    reviewer = county.reviewers["r_bureau"]
    task = sheets.my_tasks(county.store, reviewer)[0]
    sheets.remember_page(county.store, reviewer, task.scoring_id, 3)
    voided = void_campaign(county.store, county.supervisor, row.id, row.version, "活动名称与范围设置错误")
    assert voided.state == "voided" and voided.voided and voided.void_reason == "活动名称与范围设置错误"
    assert voided.voided_by == "jiandu" and voided.voided_at
    # on record, listed, verifiable from its seed
    assert [c.state for c in list_campaigns(county.store, county.supervisor)] == ["voided"]
    check = verify_draw(county.store, county.supervisor, row.name)
    assert check.matches and check.population_unchanged
    # counted nowhere, scored no more, nobody's task
    results = campaign_results(county.store, county.supervisor, row.id)
    assert results.agencies == () and results.deductions == () and len(results.files) == len(result.items)
    assert sheets.my_tasks(county.store, reviewer) == ()
    with pytest.raises(ValidationError, match="voided"):
        sheets.take(
            county.store,
            reviewer,
            task.scoring_id,
            sheet_version(county, reviewer, task.scoring_id),
            first_code(county, "per_occurrence"),
            1,
        )
    assert not sheets.open_sheet(county.store, county.supervisor, task.scoring_id).editable
    with pytest.raises(ValidationError, match="voided"):
        void_campaign(county.store, county.supervisor, row.id, voided.version, "再次")
    with pytest.raises(ValidationError, match="voided"):  # no 通报, no feedback
        close_campaign(county.store, county.supervisor, row.id, voided.version)
    with pytest.raises(ValidationError, match="voided"):
        send_feedback(
            county.store, county.supervisor, row.id, county.agency_ids[AGENCIES[0]], None, tmp_path / "fb"
        )
    # its results workbook is still written
    out = tmp_path / "voided.xlsx"
    assert export_results(county.store, county.supervisor, row.id, out) == len(result.items)
    assert openpyxl.load_workbook(out).sheetnames[:2] == ["案卷", "扣分"]
    # audited, with the reason
    [record] = audit_of(county, "void_campaign")
    assert record.entity == "campaign" and record.entity_id == str(row.id) and record.summary == row.name
    assert record.before == {"state": "scoring"}
    assert record.after["state"] == "voided" and record.after["reason"] == "活动名称与范围设置错误"
    assert verify_chain(county.store).ok


def test_voiding_is_refused_once_a_score_is_saved_and_names_how_many(county: County) -> None:
    result = draw(county)
    reviewer = county.reviewers["r_bureau"]
    task = sheets.my_tasks(county.store, reviewer)[0]
    per = first_code(county, "per_occurrence")
    sheets.take(
        county.store, reviewer, task.scoring_id, sheet_version(county, reviewer, task.scoring_id), per, 1
    )
    row = get_campaign(county.store, county.supervisor, result.campaign.id)
    with pytest.raises(ValidationError, match="1 of the 6 files already have a score saved"):
        void_campaign(county.store, county.supervisor, row.id, row.version, "设置错误")
    # the deduction taken back: nothing saved on that sheet; a sheet submitted without deductions counts
    sheets.drop(
        county.store, reviewer, task.scoring_id, sheet_version(county, reviewer, task.scoring_id), per
    )
    other = sheets.my_tasks(county.store, county.reviewers["r_market"])[0]
    market = county.reviewers["r_market"]
    sheets.submit(county.store, market, other.scoring_id, sheet_version(county, market, other.scoring_id))
    with pytest.raises(ValidationError, match="1 of the 6 files"):
        void_campaign(county.store, county.supervisor, row.id, row.version, "设置错误")
    assert get_campaign(county.store, county.supervisor, row.id).state == "scoring"
    assert audit_of(county, "void_campaign") == []


def test_voiding_a_stale_campaign_is_a_conflict(county: County) -> None:
    row = draw(county).campaign
    void_campaign(county.store, county.supervisor, row.id, row.version, "设置错误")
    with pytest.raises(Conflict):
        void_campaign(county.store, county.admin, row.id, row.version, "设置错误")


def test_a_voided_campaign_reviewed_nothing_so_later_draws_may_take_its_files(county: County) -> None:
    def spec(name: str) -> CampaignSpec:
        return CampaignSpec(
            name=name,
            seed="s1",
            closed_from=draw_period[0],
            closed_to=draw_period[1],
            reviewers=("r_bureau", "r_bureau2"),
            agency_ids=(county.agency_ids[AGENCIES[0]],),
            per_agency=100,
            exclude_recent=1,
        )

    draw_period = (date(2025, 1, 1), date(2025, 12, 31))
    first = create_campaign(county.store, county.supervisor, spec("第一次"))
    void_campaign(county.store, county.supervisor, first.campaign.id, first.campaign.version, "范围错误")
    again = create_campaign(county.store, county.supervisor, spec("第二次"))
    assert len(again.items) == len(first.items) == 12  # nothing left out: the voided one counts for nothing
    # the first draw still verifies as it was
    assert verify_draw(county.store, county.supervisor, "第一次").matches


# -- 更换评查员 ------------------------------------------------------------------------------------------


def test_a_reviewers_open_sheets_go_to_another_reviewer_with_their_work(county: County) -> None:
    result = draw(county)
    old = county.reviewers["r_bureau"]
    tasks = sheets.my_tasks(county.store, old)
    assert len(tasks) == 2
    per = first_code(county, "per_occurrence")
    sheets.take(
        county.store, old, tasks[0].scoring_id, sheet_version(county, old, tasks[0].scoring_id), per, 2
    )
    with pytest.raises(PermissionDenied):
        reassign_reviewer(county.store, old, result.campaign.id, "r_bureau", "r_bureau2", "生病")
    with pytest.raises(ValidationError, match="Give a reason"):
        reassign_reviewer(county.store, county.supervisor, result.campaign.id, "r_bureau", "r_bureau2", "")
    moved = reassign_reviewer(
        county.store, county.supervisor, result.campaign.id, "R_BUREAU", "r_bureau2", "评查员生病住院"
    )
    assert (moved.old_reviewer, moved.new_reviewer, moved.with_work) == ("r_bureau", "r_bureau2", 1)
    assert sorted(moved.case_nos) == sorted(t.case_no for t in tasks)
    new = county.reviewers["r_bureau2"]
    assert sheets.my_tasks(county.store, old) == ()
    taken_over = {t.scoring_id: t for t in sheets.my_tasks(county.store, new)}
    assert set(taken_over) == {t.scoring_id for t in tasks}
    # the saved deduction moved with the sheet, and the new reviewer continues it
    sheet = sheets.open_sheet(county.store, new, tasks[0].scoring_id)
    assert sheet.editable and [(e.code, e.count) for e in sheet.entries] == [(per, 2)]
    sheets.submit(county.store, new, tasks[0].scoring_id, sheet.version)
    # the old reviewer can no longer change it
    with pytest.raises((ValidationError, PermissionDenied)):
        sheets.take(
            county.store, old, tasks[1].scoring_id, sheet_version(county, new, tasks[1].scoring_id), per, 1
        )
    # one audit record per sheet, with the reason and what was on it
    records = audit_of(county, "reassign_reviewer")
    assert len(records) == 2 and {r.entity for r in records} == {"scoring"}
    by_sheet = {int(r.entity_id): r for r in records}
    first = by_sheet[tasks[0].scoring_id]
    assert first.before == {"reviewer": "r_bureau"}
    assert first.after == {
        "reviewer": "r_bureau2",
        "reason": "评查员生病住院",
        "entries": 1,
        "marks": 0,
        "note": False,
    }
    assert "r_bureau → r_bureau2" in first.summary
    assert verify_chain(county.store).ok


def test_reassignment_checks_the_role_and_the_conflict_rule(county: County) -> None:
    result = draw(county)
    cid = result.campaign.id
    files = campaign_results(county.store, county.supervisor, cid).files
    market_file = next(f for f in files if f.agency == AGENCIES[0])
    transport_file = next(f for f in files if f.agency == AGENCIES[1])
    holder = market_file.reviewers[0]
    # an administrator or a supervisor does not hold the reviewer role; a trainer neither
    for name in ("admin", "jiandu", "trainer"):
        with pytest.raises(ValidationError, match="is not a reviewer"):
            reassign_reviewer(county.store, county.supervisor, cid, holder, name, "冲突", (market_file.id,))
    with pytest.raises(ValidationError, match="No active user"):
        reassign_reviewer(county.store, county.supervisor, cid, holder, "nobody", "冲突", (market_file.id,))
    # never a file of the reviewer's own agency
    with pytest.raises(ValidationError, match=f"r_market may not score {market_file.case_no}"):
        reassign_reviewer(county.store, county.supervisor, cid, holder, "r_market", "冲突", (market_file.id,))
    # a file the old reviewer does not hold
    other = next(f for f in files if holder not in f.reviewers)
    with pytest.raises(ValidationError, match="holds no score sheet of 1 of these files"):
        reassign_reviewer(county.store, county.supervisor, cid, holder, "r_bureau2", "冲突", (other.id,))
    with pytest.raises(ValidationError, match="already holds"):
        reassign_reviewer(county.store, county.supervisor, cid, holder, holder, "冲突", (market_file.id,))
    # a submitted sheet stays its reviewer's
    [sheet] = transport_file.sheets
    reviewer = county.reviewers[sheet.reviewer]
    sheets.submit(county.store, reviewer, sheet.scoring_id, sheet_version(county, reviewer, sheet.scoring_id))
    with pytest.raises(ValidationError, match="1 of these sheets are submitted"):
        reassign_reviewer(
            county.store, county.supervisor, cid, sheet.reviewer, "r_bureau2", "冲突", (transport_file.id,)
        )
    assert audit_of(county, "reassign_reviewer") == []
    # one file, by the supervisor: done
    moved = reassign_reviewer(
        county.store, county.supervisor, cid, holder, "r_bureau2", "发现利害关系", (market_file.id,)
    )
    assert moved.case_nos == (market_file.case_no,) and moved.with_work == 0


def test_double_scoring_never_gives_both_sheets_to_one_reviewer(county: County) -> None:
    result = draw(county, double=True)
    cid = result.campaign.id
    f = campaign_results(county.store, county.supervisor, cid).files[0]
    assert set(f.reviewers) == {"r_bureau", "r_bureau2"}
    with pytest.raises(ValidationError, match="may not score"):
        reassign_reviewer(county.store, county.supervisor, cid, "r_bureau", "r_bureau2", "生病", (f.id,))
    # a reviewer of another agency may take it (when the file is not of their agency)
    outsider = "r_transport" if f.agency != AGENCIES[1] else "r_market"
    moved = reassign_reviewer(county.store, county.supervisor, cid, "r_bureau", outsider, "生病", (f.id,))
    assert moved.new_reviewer == outsider


def test_no_reassignment_in_a_voided_campaign(county: County) -> None:
    row = draw(county).campaign
    void_campaign(county.store, county.supervisor, row.id, row.version, "设置错误")
    with pytest.raises(ValidationError, match="voided"):
        reassign_reviewer(county.store, county.supervisor, row.id, "r_bureau", "r_bureau2", "生病")
