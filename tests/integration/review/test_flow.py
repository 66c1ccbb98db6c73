"""A campaign from draw to 通报 on both databases: score sheets saved as they change, blind double
scoring, submit and reopen, results, feedback with annotated PDFs, a recheck, closing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pymupdf
import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.core.errors import Conflict, PermissionDenied, ValidationError
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.review import sheets
from desktop.review.feedback import close_campaign, list_feedback, send_feedback
from desktop.review.rechecks import (
    Dispute,
    Ruling,
    assign_recheck,
    decide_recheck,
    list_rechecks,
    request_recheck,
)
from desktop.review.results import campaign_results
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


def test_a_reviewer_scores_marks_and_submits_and_every_change_is_saved(county: County) -> None:
    draw(county)
    reviewer = county.reviewers["r_bureau"]
    task = sheets.my_tasks(county.store, reviewer)[0]
    per = first_code(county, "per_occurrence")
    shown = sheets.open_sheet(county.store, reviewer, task.scoring_id)
    sheet = sheets.take(county.store, reviewer, task.scoring_id, shown.version, per, 2, note="目录页码缺失")
    assert sheet.score.total < 100 and sheet.entries[0].note == "目录页码缺失"
    sheet, mark_id = sheets.add_mark(
        county.store,
        reviewer,
        task.scoring_id,
        sheet.version,
        2,
        (72.0, 100.0, 300.0, 140.0),
        "rect",
        code=per,
    )
    assert [(m.page, m.code) for m in sheet.marks] == [(2, per)]
    sheets.remember_page(county.store, reviewer, task.scoring_id, 2)
    # another session (a crash, a new window) sees everything
    again = sheets.open_sheet(county.store, reviewer, task.scoring_id)
    assert again.last_page == 2 and again.entries == sheet.entries and again.marks == sheet.marks
    veto = again.rubric.vetoes[0].code
    failed = sheets.take(county.store, reviewer, task.scoring_id, again.version, veto)
    assert failed.score.failed and failed.score.grade == "不合格" and failed.score.total == sheet.score.total
    dropped = sheets.drop(county.store, reviewer, task.scoring_id, failed.version, veto)
    submitted = sheets.submit(county.store, reviewer, task.scoring_id, dropped.version)
    assert submitted.state == "submitted" and not submitted.editable
    with pytest.raises(ValidationError, match="locked"):
        sheets.take(county.store, reviewer, task.scoring_id, submitted.version, per, 1)
    with pytest.raises(PermissionDenied):
        sheets.reopen(county.store, reviewer, task.scoring_id, submitted.version, "改")
    with pytest.raises(ValidationError):
        sheets.reopen(county.store, county.supervisor, task.scoring_id, submitted.version, " ")
    reopened = sheets.reopen(county.store, county.supervisor, task.scoring_id, submitted.version, "评分有误")
    assert reopened.state == "open"
    actions = [r.action for r in list_audit(county.store, county.admin, ListQuery(limit=None)).items]
    assert {"take_deduction", "add_mark", "drop_deduction", "submit_score", "reopen_score"} <= set(actions)
    assert verify_chain(county.store).ok


def test_a_sheet_belongs_to_its_reviewer(county: County) -> None:
    draw(county)
    task = sheets.my_tasks(county.store, county.reviewers["r_bureau"])[0]
    with pytest.raises(PermissionDenied):
        sheets.open_sheet(county.store, county.reviewers["r_market"], task.scoring_id)
    version = sheets.open_sheet(county.store, county.supervisor, task.scoring_id).version
    with pytest.raises(PermissionDenied):
        sheets.take(
            county.store, county.reviewers["r_market"], task.scoring_id, version, first_code(county, "full")
        )
    with pytest.raises(ValidationError):
        sheets.take(county.store, county.reviewers["r_bureau"], task.scoring_id, version, "no-such-code")
    assert sheets.open_sheet(county.store, county.supervisor, task.scoring_id).editable is False


def test_double_scoring_is_blind_until_both_submit_and_is_weighted(county: County) -> None:
    result = draw(county, double=True, per_agency=1)
    a, b = county.reviewers["r_bureau"], county.reviewers["r_bureau2"]
    file_id = result.items[0].file_id
    ta = next(t for t in sheets.my_tasks(county.store, a) if t.file_id == file_id)
    tb = next(t for t in sheets.my_tasks(county.store, b) if t.file_id == file_id)
    per = first_code(county, "per_occurrence")
    full = first_code(county, "full")
    taken = sheets.take(county.store, a, ta.scoring_id, sheet_version(county, a, ta.scoring_id), full)
    sheets.submit(county.store, a, ta.scoring_id, taken.version)
    seen = sheets.open_sheet(county.store, b, tb.scoring_id).file
    assert [s.total for s in seen.sheets if s.reviewer == "r_bureau"] == [None]  # still hidden from b
    taken = sheets.take(county.store, b, tb.scoring_id, sheet_version(county, b, tb.scoring_id), per, 1)
    sheets.submit(county.store, b, tb.scoring_id, taken.version)
    seen = sheets.open_sheet(county.store, b, tb.scoring_id).file
    assert all(s.total is not None and s.total < 100 for s in seen.sheets)
    slot1, slot2 = sorted(seen.sheets, key=lambda s: s.slot)
    assert (slot1.weight, slot2.weight) == (60, 40)
    assert seen.final.total == (slot1.total * 60 + slot2.total * 40) / 100


def test_two_reviewers_saving_at_once_never_overwrite_each_other(county: County) -> None:
    result = draw(county, double=True, per_agency=1)
    a, b = county.reviewers["r_bureau"], county.reviewers["r_bureau2"]
    file_id = result.items[0].file_id
    ta = next(t for t in sheets.my_tasks(county.store, a) if t.file_id == file_id)
    tb = next(t for t in sheets.my_tasks(county.store, b) if t.file_id == file_id)
    held_a = sheets.open_sheet(county.store, a, ta.scoring_id)
    held_b = sheets.open_sheet(county.store, b, tb.scoring_id)
    per, full = first_code(county, "per_occurrence"), first_code(county, "full")
    after_a = sheets.take(county.store, a, held_a.scoring_id, held_a.version, per, 1)
    after_b = sheets.take(county.store, b, held_b.scoring_id, held_b.version, full)
    sheets.add_mark(county.store, a, held_a.scoring_id, after_a.version, 0, (10, 10, 50, 50))
    sheets.add_mark(county.store, b, held_b.scoring_id, after_b.version, 0, (20, 20, 60, 60))
    assert len(sheets.open_sheet(county.store, a, ta.scoring_id).entries) == 1
    assert len(sheets.open_sheet(county.store, b, tb.scoring_id).entries) == 1
    assert len(sheets.open_sheet(county.store, a, ta.scoring_id).marks) == 1


def test_stale_writes_from_another_workstation_are_conflicts(county: County, store_url: str) -> None:
    draw(county, per_agency=1)
    reviewer = county.reviewers["r_bureau"]
    task = sheets.my_tasks(county.store, reviewer)[0]
    per, full = first_code(county, "per_occurrence"), first_code(county, "full")
    other = Store(store_url, clock=county.store.clock)  # the same reviewer on a second workstation
    try:
        here = sheets.open_sheet(county.store, reviewer, task.scoring_id)
        there = sheets.open_sheet(other, reviewer, task.scoring_id)
        sheets.take(other, reviewer, task.scoring_id, there.version, per, 2, note="第3页")
        with pytest.raises(Conflict, match="r_bureau"):
            sheets.take(county.store, reviewer, task.scoring_id, here.version, per, 1)
        for stale in (
            lambda: sheets.take(county.store, reviewer, task.scoring_id, here.version, full),
            lambda: sheets.set_note(county.store, reviewer, task.scoring_id, here.version, "改"),
            lambda: sheets.add_mark(county.store, reviewer, task.scoring_id, here.version, 0, (1, 1, 9, 9)),
            lambda: sheets.submit(county.store, reviewer, task.scoring_id, here.version),
        ):
            with pytest.raises(Conflict):
                stale()
    finally:
        other.dispose()
    kept = sheets.open_sheet(county.store, reviewer, task.scoring_id)
    assert [(e.code, e.count, e.note) for e in kept.entries] == [(per, 2, "第3页")]
    assert kept.state == "open" and kept.note == "" and kept.marks == ()


def test_feedback_or_a_recheck_changed_meanwhile_is_a_conflict(county: County, tmp_path) -> None:
    result = draw(county, per_agency=1)
    score_all(county)
    market = county.agency_ids[AGENCIES[0]]
    sent = send_feedback(county.store, county.supervisor, result.campaign.id, market, None, tmp_path / "a")
    with pytest.raises(Conflict):  # a second supervisor, still showing it unsent
        send_feedback(county.store, county.supervisor, result.campaign.id, market, None, tmp_path / "b")
    again = send_feedback(
        county.store, county.supervisor, result.campaign.id, market, sent.version, tmp_path / "c"
    )
    with pytest.raises(Conflict):  # still showing the first sending
        send_feedback(
            county.store, county.supervisor, result.campaign.id, market, sent.version, tmp_path / "d"
        )
    [kept] = list_feedback(county.store, county.supervisor, result.campaign.id)
    assert (kept.folder, kept.version) == (again.folder, sent.version + 1) and "/c/" in kept.folder + "/"
    assert not (tmp_path / "b").exists() and not (tmp_path / "d").exists()  # refused before writing
    user = county.agency_users["u_market"]
    file_row = campaign_results(county.store, user, result.campaign.id).files[0]
    entry = sheets.open_sheet(county.store, county.supervisor, file_row.sheets[0].scoring_id).entries[0]
    asked = request_recheck(county.store, user, file_row.id, [Dispute(entry.id, "见第2页")])
    free = [n for n in ("r_bureau2", "r_bureau", "r_transport") if n not in file_row.reviewers]
    assigned = assign_recheck(county.store, county.supervisor, asked.id, asked.version, free[0])
    with pytest.raises(Conflict):  # a second supervisor, still showing the request
        assign_recheck(county.store, county.supervisor, asked.id, asked.version, free[-1])
    assert list_rechecks(county.store, county.supervisor, result.campaign.id)[0].reviewer == free[0]
    assert assigned.version > asked.version


def test_results_feedback_recheck_and_close(county: County, tmp_path) -> None:
    result = draw(county)
    per = first_code(county, "per_occurrence")
    # mark the first file's dossier
    market_item = next(i for i in result.items if i.agency == AGENCIES[0])
    for actor in county.reviewers.values():
        for task in sheets.my_tasks(county.store, actor):
            if task.file_id == market_item.file_id:
                shown = sheets.open_sheet(county.store, actor, task.scoring_id)
                taken = sheets.take(county.store, actor, task.scoring_id, shown.version, per, 1, note="页码")
                sheets.add_mark(
                    county.store,
                    actor,
                    task.scoring_id,
                    taken.version,
                    1,
                    (72, 60, 320, 90),
                    "rect",
                    code=per,
                )
    score_all(county)
    results = campaign_results(county.store, county.supervisor, result.campaign.id)
    assert all(f.final is not None for f in results.files) and len(results.agencies) == 3
    assert results.agencies[0].pass_rate == Decimal("100.0")
    assert results.deductions[0].code == per and results.deductions[0].files == len(results.files)
    market = county.agency_ids[AGENCIES[0]]
    user = county.agency_users["u_market"]
    # nothing for the agency before feedback
    assert campaign_results(county.store, user, result.campaign.id).files == ()
    dossier = county.dossiers[market_item.case_no]
    before = dossier.read_bytes()
    fb = send_feedback(
        county.store,
        county.supervisor,
        result.campaign.id,
        market,
        None,
        tmp_path / "out",
        issued_on=date(2026, 11, 23),
    )
    assert dossier.read_bytes() == before
    assert fb.recheck_until == date(2026, 11, 30)  # 5 working days
    pdfs = [p for p in fb.files if p.endswith("_评查.pdf")]
    doc = pymupdf.open(next(p for p in pdfs if market_item.case_no.replace("〔", "〔") in p))
    marked_page = doc[1]  # (an annotation needs its page alive)
    annots = list(marked_page.annots())
    assert annots and per in annots[0].info["content"]
    # the mark round-trips: the same page, the same place (PDF points), the deduction's text
    from desktop.review.documents.feedback_pdf import marked_rect

    assert all(abs(a - b) < 0.5 for a, b in zip(marked_rect(annots[0]), (72, 60, 320, 90), strict=True))
    assert "案卷评查评分表" in doc[doc.page_count - 1].get_text()
    doc.close()
    assert any(p.endswith(".xlsx") for p in fb.files) and any(p.endswith("整改通知书.pdf") for p in fb.files)
    assert [f.agency for f in list_feedback(county.store, user, result.campaign.id)] == [AGENCIES[0]]
    mine = campaign_results(county.store, user, result.campaign.id).files
    assert {f.agency for f in mine} == {AGENCIES[0]}
    # the recheck
    file_row = next(f for f in mine if f.id == market_item.file_id)
    entry_ids = []
    for s in file_row.sheets:
        sheet = sheets.open_sheet(county.store, county.supervisor, s.scoring_id)
        entry_ids += [e.id for e in sheet.entries if e.code == per]
    with pytest.raises(ValidationError, match="window"):
        request_recheck(
            county.store, user, file_row.id, [Dispute(entry_ids[0], "页码完整")], as_of=date(2026, 12, 1)
        )
    with pytest.raises(ValidationError):
        request_recheck(county.store, user, file_row.id, [Dispute(entry_ids[0], " ")])
    with pytest.raises(PermissionDenied):
        request_recheck(
            county.store, county.agency_users["u_transport"], file_row.id, [Dispute(entry_ids[0], "x")]
        )
    asked = request_recheck(county.store, user, file_row.id, [Dispute(entry_ids[0], "页码完整，见第2页")])
    assert asked.state == "requested" and asked.items[0].reason == "页码完整，见第2页"
    original = file_row.sheets[0].reviewer
    with pytest.raises(ValidationError, match="scored this file"):
        assign_recheck(county.store, county.supervisor, asked.id, asked.version, original)
    with pytest.raises(ValidationError, match="scored this file"):  # a name in another case is the same user
        assign_recheck(county.store, county.supervisor, asked.id, asked.version, original.upper())
    other = next(n for n in ("r_bureau2", "r_bureau") if n not in file_row.reviewers)
    assigned = assign_recheck(county.store, county.supervisor, asked.id, asked.version, other.upper())
    assert assigned.reviewer == other  # stored by the account's own name
    with pytest.raises(PermissionDenied):
        decide_recheck(
            county.store,
            county.reviewers[original],
            asked.id,
            assigned.version,
            [Ruling(assigned.items[0].id, "upheld", "x")],
        )
    with pytest.raises(ValidationError):
        with_reason_missing = [Ruling(assigned.items[0].id, "changed", " ", new_count=0)]
        decide_recheck(county.store, county.reviewers[other], asked.id, assigned.version, with_reason_missing)
    before_total = file_row.final.total
    decided = decide_recheck(
        county.store,
        county.reviewers[other],
        asked.id,
        assigned.version,
        [Ruling(assigned.items[0].id, "changed", "页码齐全", new_count=0)],
    )
    assert decided.state == "decided" and decided.items[0].decision == "changed"
    after = next(
        f for f in campaign_results(county.store, user, result.campaign.id).files if f.id == file_row.id
    )
    assert after.final.total > before_total
    # nothing the original reviewer wrote is lost
    kept = sheets.open_sheet(county.store, county.supervisor, file_row.sheets[0].scoring_id)
    assert any(e.code == per and e.note == "页码" for e in kept.entries)
    assert len(list_rechecks(county.store, county.supervisor, result.campaign.id)) == 1
    # the workbook says what the ruling changed, on both sheets
    import openpyxl

    from desktop.review.exchange import export_results

    export_results(county.store, county.supervisor, result.campaign.id, tmp_path / "results.xlsx")
    book = openpyxl.load_workbook(tmp_path / "results.xlsx")
    [recheck_line] = list(book["复核"].iter_rows(min_row=2, values_only=True))
    assert recheck_line[11:13] == ("变更", "撤销")
    assert "变更为 撤销" in [row[-1] for row in book["扣分"].iter_rows(min_row=2, values_only=True)]
    with pytest.raises(ValidationError, match="No feedback"):
        close_campaign(county.store, county.supervisor, result.campaign.id, result.campaign.version)
    for name in AGENCIES[1:]:
        send_feedback(
            county.store,
            county.supervisor,
            result.campaign.id,
            county.agency_ids[name],
            None,
            tmp_path / "out",
        )
    closed = close_campaign(county.store, county.supervisor, result.campaign.id, result.campaign.version)
    assert closed.state == "closed"
    assert verify_chain(county.store).ok


def test_feedback_waits_for_every_score(county: County, tmp_path) -> None:
    result = draw(county)
    with pytest.raises(ValidationError, match="Not every file"):
        send_feedback(
            county.store,
            county.supervisor,
            result.campaign.id,
            county.agency_ids[AGENCIES[0]],
            None,
            tmp_path,
        )


def test_the_notice_names_the_bureau_used_last(county: County, tmp_path) -> None:
    from desktop.review.feedback import notice_issuer

    result = draw(county, per_agency=1)
    score_all(county)
    assert notice_issuer(county.store, county.supervisor) == "县司法局"
    first = send_feedback(
        county.store,
        county.supervisor,
        result.campaign.id,
        county.agency_ids[AGENCIES[0]],
        None,
        tmp_path,
        bureau="示范县司法局",
    )
    notice = next(p for p in first.files if p.endswith("整改通知书.pdf"))
    assert "示范县司法局" in "".join(page.get_text() for page in pymupdf.open(notice))
    assert notice_issuer(county.store, county.agency_users["u_market"]) == "示范县司法局"
    with pytest.raises(ValidationError):
        send_feedback(
            county.store,
            county.supervisor,
            result.campaign.id,
            county.agency_ids[AGENCIES[1]],
            None,
            tmp_path,
            bureau=" ",
        )
    second = send_feedback(
        county.store, county.supervisor, result.campaign.id, county.agency_ids[AGENCIES[1]], None, tmp_path
    )
    notice = next(p for p in second.files if p.endswith("整改通知书.pdf"))
    assert "示范县司法局" in "".join(page.get_text() for page in pymupdf.open(notice))
