"""The demo's review: the default standards, a finished campaign (scored, marked, feedback sent to
every agency, one recheck decided, 通报) and an open double-scored one; idempotent."""

from __future__ import annotations

import pytest

from desktop.accounts.audit import verify_chain
from desktop.demo import load_demo
from desktop.models.db import Store
from desktop.review.campaigns import list_campaigns, verify_draw
from desktop.review.feedback import list_feedback
from desktop.review.rechecks import list_rechecks
from desktop.review.results import campaign_results
from desktop.review.rubrics import list_rubrics
from tests.helpers.stores import DemoTemplate


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
def test_the_demo_runs_a_campaign_from_draw_to_the_notice_and_keeps_one_open(
    demo_store: tuple[Store, DemoTemplate],
) -> None:
    store, template = demo_store  # loaded once for the test process (read only on PostgreSQL)
    summary, admin = template.summary, template.admin
    assert summary.campaigns == 2
    assert {r.code for r in list_rubrics(store, admin)} == {"XZCF-DEFAULT", "XZQZ-DEFAULT"}
    finished, running = sorted(list_campaigns(store, admin), key=lambda c: c.state)
    assert (finished.state, running.state) == ("closed", "scoring")
    assert finished.submitted == finished.files > 0 and not finished.double
    assert running.double and running.submitted < running.files
    results = campaign_results(store, admin, finished.id)
    assert all(f.final is not None for f in results.files)
    assert {f.agency for f in list_feedback(store, admin, finished.id)} == {f.agency for f in results.files}
    rechecks = list_rechecks(store, admin, finished.id)
    assert len(rechecks) == 1 and rechecks[0].state == "decided" and rechecks[0].requested_by == "danwei"
    assert verify_draw(store, admin, finished.name).matches
    assert results.deductions  # reviewers found something
    again = load_demo(store, admin, dossier_dir=template.dossiers)
    assert again.campaigns == 0 and len(list_campaigns(store, admin)) == 2
    assert verify_chain(store).ok
