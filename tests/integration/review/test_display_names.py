"""People are shown by their names, not their logins: the sheet's reviewer, the files' reviewers,
who drew a campaign, who sent the feedback, who asked for, assigned and rechecks a recheck, who
scored a disputed deduction — each list reading the names once, the audit keeping the login."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.accounts.audit import list_audit
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models import User
from desktop.models.db import Store
from desktop.review import rechecks as rechecks_module
from desktop.review import sheets
from desktop.review.campaigns import get_campaign, list_campaigns
from desktop.review.corrections import void_campaign
from desktop.review.feedback import list_feedback, send_feedback
from desktop.review.file_entries import file_entries
from desktop.review.rechecks import Dispute, assign_recheck, list_rechecks, request_recheck
from desktop.review.results import campaign_results
from tests.helpers.review_county import AGENCIES, County, draw, make_county, score_all


@pytest.fixture
def county(store: Store, admin: Actor, tmp_path) -> County:
    county = make_county(store, admin, tmp_path, dossier_every=4)
    with store.unit_of_work() as uow:  # everyone's name differs from their login
        for user in uow.session.execute(select(User)).scalars():
            user.display_name = f"{user.name}姓名"
        uow.commit()
    return county


def name(login: str) -> str:
    return f"{login}姓名"


def test_the_sheet_the_files_and_the_campaign_show_names(county: County) -> None:
    result = draw(county)
    reviewer = county.reviewers["r_bureau"]
    task = sheets.my_tasks(county.store, reviewer)[0]
    sheet = sheets.open_sheet(county.store, reviewer, task.scoring_id)
    assert (sheet.reviewer, sheet.reviewer_name) == ("r_bureau", name("r_bureau"))
    assert [s.reviewer_name for s in sheet.file.sheets] == [name(s.reviewer) for s in sheet.file.sheets]
    files = campaign_results(county.store, county.supervisor, result.campaign.id).files
    assert all(f.reviewers_shown == tuple(name(r) for r in f.reviewers) for f in files)
    (row,) = list_campaigns(county.store, county.supervisor)
    assert row.reviewer_names == tuple(name(r) for r in row.reviewers)
    assert row.drawn_by_name == name(county.supervisor.name) and row.drawn_by == county.supervisor.name
    assert get_campaign(county.store, county.supervisor, row.id).drawn_by_name == row.drawn_by_name
    sheets.submit(county.store, reviewer, task.scoring_id, sheet.version)
    audit = list_audit(county.store, county.admin, ListQuery(limit=None)).items
    assert any(a.actor == "r_bureau" and a.action == "submit_score" for a in audit)  # the login, in the audit


def test_feedback_and_rechecks_show_names_read_once_per_list(county: County, tmp_path, monkeypatch) -> None:
    result = draw(county, per_agency=1)
    score_all(county)
    market = county.agency_ids[AGENCIES[0]]
    sent = send_feedback(county.store, county.supervisor, result.campaign.id, market, None, tmp_path / "a")
    assert sent.sent_by == county.supervisor.name
    [listed] = list_feedback(county.store, county.supervisor, result.campaign.id)
    assert listed.sent_by_name == name(county.supervisor.name)
    user = county.agency_users["u_market"]
    file_row = campaign_results(county.store, user, result.campaign.id).files[0]
    original = file_row.sheets[0].reviewer
    entry = sheets.open_sheet(county.store, county.supervisor, file_row.sheets[0].scoring_id).entries[0]
    assert file_entries(county.store, user, file_row.id).entries[0].reviewer_name == name(original)
    asked = request_recheck(county.store, user, file_row.id, [Dispute(entry.id, "见第2页")])
    assert (asked.requested_by_name, asked.reviewer_name) == (name("u_market"), "")
    assert asked.items[0].reviewer_name == name(original)
    free = next(n for n in ("r_bureau2", "r_bureau", "r_transport") if n not in file_row.reviewers)
    assigned = assign_recheck(county.store, county.supervisor, asked.id, asked.version, free)
    assert (assigned.reviewer, assigned.reviewer_name) == (free, name(free))
    assert assigned.assigned_by_name == name(county.supervisor.name)
    calls: list[int] = []
    real = rechecks_module.display_names
    monkeypatch.setattr(
        rechecks_module, "display_names", lambda session, names: calls.append(1) or real(session, names)
    )
    [row] = list_rechecks(county.store, county.supervisor, result.campaign.id)
    assert (row.requested_by_name, row.reviewer_name, row.items[0].reviewer_name) == (
        name("u_market"),
        name(free),
        name(original),
    )
    assert len(calls) == 1  # one lookup for the list, not one per row


def test_a_voided_campaign_names_who_voided_it(county: County) -> None:
    row = draw(county).campaign
    voided = void_campaign(county.store, county.supervisor, row.id, row.version, "范围设置错误")
    assert (voided.voided_by, voided.voided_by_name) == (county.supervisor.name, name(county.supervisor.name))
    (listed,) = list_campaigns(county.store, county.supervisor)
    assert listed.voided_by_name == name(county.supervisor.name)
