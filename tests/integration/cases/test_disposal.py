"""处置 on both databases: the kinds setting, the follow-up that becomes a warning of its own once
its date has passed, several warnings at once (all or nothing), the attachment kept with its
SHA-256, and reopening by a supervisor with a reason (others refused)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.cases import disposal, entry, supervision, supervision_settings
from desktop.cases import service as cs
from desktop.cases.dto import AttachmentUpload, CaseInput, Disposal, WarningKey
from desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Role
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer
from tests.helpers.pages import make_actor

TODAY = date(2026, 11, 23)  # the clock's day


@pytest.fixture
def cases(store: Store, admin: Actor) -> dict[str, int]:
    """Three cases of one officer each (one ``single_officer`` warning each, nothing else yet)."""
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    create_officer(
        store,
        admin,
        OfficerInput(
            "张三",
            make_resident_id("341122", date(1980, 1, 1), 1),
            "县市场监管局",
            cert_number="A001",
            cert_issued_on=date(2020, 1, 1),
            cert_expires_on=date(2030, 1, 1),
        ),
    )
    out = {}
    for n in (1, 2, 3):
        data = CaseInput(
            f"市监罚〔2026〕{n}号",
            "县市场监管局",
            "行政处罚",
            "销售过期食品",
            "某超市",
            date(2026, 11, 2),
            ("A001",),
            procedure="普通程序",
        )
        out[str(n)] = entry.create_case(store, admin, data).id
    return out


def warnings(store: Store, actor: Actor, state: str = "all", as_of: date = TODAY):  # type: ignore[no-untyped-def]
    """The cases' warnings (the officers' certificate and training warnings left out)."""
    query = ListQuery(filters=(("state", state), ("scope", "cases")))
    return supervision.list_warnings(store, actor, query, as_of).items


def audited(store: Store, admin: Actor, action: str):  # type: ignore[no-untyped-def]
    return list_audit(store, admin, ListQuery(filters=(("action", action),))).items


def test_the_kinds_are_a_setting_with_defaults_audited_and_checked(store: Store, admin: Actor, cases) -> None:  # type: ignore[no-untyped-def]
    shown = supervision_settings.disposal_kinds(store, admin)
    assert shown.kinds == ("约谈", "责令整改", "通报", "移送", "其他") and shown.version == 0
    saved = supervision_settings.save_disposal_kinds(store, admin, 0, [" 约谈 ", "责令整改", "督办", ""])
    assert saved.kinds == ("约谈", "责令整改", "督办") and saved.updated_by == "admin" and saved.version == 1
    with pytest.raises(Conflict):
        supervision_settings.save_disposal_kinds(store, admin, 0, ["约谈"])
    for bad in ([], ["约谈", "约谈"], ["很" * 21]):
        with pytest.raises(ValidationError):
            supervision_settings.save_disposal_kinds(store, admin, saved.version, bad)
    clerk = make_actor(store, admin, "clerk01", Role.CLERK, "县市场监管局")
    with pytest.raises(PermissionDenied):
        supervision_settings.save_disposal_kinds(store, clerk, saved.version, ["约谈"])
    record = audited(store, admin, "update")[0]
    assert record.entity == "disposal_kinds" and record.after == {"kinds": ["约谈", "责令整改", "督办"]}
    row = supervision.handle_warning(store, admin, cases["1"], "single_officer", None, "已督办", kind="督办")
    assert row.kind == "督办" and row.handled
    with pytest.raises(ValidationError):  # 通报 is no longer a kind
        supervision.handle_warning(store, admin, cases["2"], "single_officer", None, "已通报", kind="通报")


def test_a_follow_up_that_passes_its_date_is_a_warning_of_its_own(store: Store, admin: Actor, cases) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):  # not before the day it is set
        supervision.handle_warning(
            store,
            admin,
            cases["1"],
            "single_officer",
            None,
            "责令补派",
            kind="责令整改",
            follow_up_on=date(2026, 11, 22),
        )
    row = supervision.handle_warning(
        store,
        admin,
        cases["1"],
        "single_officer",
        None,
        "责令补派执法人员",
        kind="责令整改",
        follow_up_on=date(2026, 11, 30),
    )
    assert row.follow_up_on == date(2026, 11, 30)
    for day in (TODAY, date(2026, 11, 30)):  # on its date it has not passed yet
        assert "disposal_follow_up_due" not in {w.code for w in warnings(store, admin, "all", day)}
    due = [w for w in warnings(store, admin, "open", date(2026, 12, 1)) if w.code == "disposal_follow_up_due"]
    assert len(due) == 1
    w = due[0]
    assert (w.case_no, w.level, w.due, w.handled) == ("市监罚〔2026〕1号", "red", date(2026, 11, 30), False)
    assert w.message == "The follow-up of the handling of Fewer than two officers was due on 2026-11-30."
    shown = cs.get_case(store, admin, cases["1"], date(2026, 12, 1)).warnings
    assert [(w.code, w.handled) for w in shown] == [
        ("single_officer", True),
        ("disposal_follow_up_due", False),
    ]
    listed = cs.list_cases(store, admin, ListQuery(filters=(("warnings", True),)), date(2026, 12, 1)).items
    assert [(r.case_no, r.warnings) for r in listed if r.id == cases["1"]] == [
        ("市监罚〔2026〕1号", ("disposal_follow_up_due",))
    ]
    counts = supervision.warning_counts(store, admin, date(2026, 12, 1))
    assert ("disposal_follow_up_due", 1, 0) in [(c.code, c.open, c.handled) for c in counts]
    # handled as of 12-01: gone from the open list; a later follow-up date raises it again
    followed = supervision.handle_warning(
        store, admin, cases["1"], "disposal_follow_up_due", None, "已补派，待复查", date(2026, 12, 1)
    )
    assert followed.handled
    assert "disposal_follow_up_due" not in {w.code for w in warnings(store, admin, "open", date(2026, 12, 2))}
    original = next(w for w in warnings(store, admin, "all", date(2026, 12, 1)) if w.code == "single_officer")
    supervision.handle_warning(
        store,
        admin,
        cases["1"],
        "single_officer",
        original.version,
        "再次责令",
        date(2026, 12, 1),
        kind="责令整改",
        follow_up_on=date(2026, 12, 10),
    )
    later = [
        w for w in warnings(store, admin, "open", date(2026, 12, 11)) if w.code == "disposal_follow_up_due"
    ]
    assert [w.due for w in later] == [date(2026, 12, 10)]
    # a reopened 处置 no longer asks for its follow-up
    shown = next(w for w in warnings(store, admin, "all", date(2026, 12, 11)) if w.code == "single_officer")
    disposal.reopen_warning(
        store, admin, cases["1"], "single_officer", shown.version, "整改未落实", date(2026, 12, 11)
    )
    assert "disposal_follow_up_due" not in {w.code for w in warnings(store, admin, "all", date(2026, 12, 11))}


def test_several_warnings_are_handled_together_or_not_at_all(store: Store, admin: Actor, cases) -> None:  # type: ignore[no-untyped-def]
    keys = [WarningKey(cases[n], "single_officer") for n in ("1", "2", "3")]
    bad = [*keys[:2], WarningKey(cases["3"], "decision_overdue")]  # case 3 has no such warning
    with pytest.raises(NotFound):
        supervision.handle_warnings(store, admin, bad, Disposal("统一约谈", "约谈"))
    assert [w.handled for w in warnings(store, admin)] == [False, False, False]
    assert audited(store, admin, "handle_warning") == ()
    rows = supervision.handle_warnings(
        store, admin, keys, Disposal("统一约谈三个案件的承办人员", "约谈", date(2026, 12, 7))
    )
    assert [r.case_id for r in rows] == [cases["1"], cases["2"], cases["3"]]
    assert all(r.handled and r.kind == "约谈" and r.follow_up_on == date(2026, 12, 7) for r in rows)
    assert warnings(store, admin, "open") == ()
    records = audited(store, admin, "handle_warning")
    assert len(records) == 3
    assert {r.entity_id for r in records} == {str(cases[n]) for n in ("1", "2", "3")}
    assert all(r.after["kind"] == "约谈" for r in records)
    # a stale version for one of them refuses the whole batch
    fresh = {w.case_id: w for w in warnings(store, admin)}
    stale = [
        WarningKey(cases["1"], "single_officer", fresh[cases["1"]].version),
        WarningKey(cases["2"], "single_officer", None),
    ]
    with pytest.raises(Conflict):
        supervision.handle_warnings(store, admin, stale, Disposal("改为通报", "通报"))
    assert {w.kind for w in warnings(store, admin)} == {"约谈"}
    assert verify_chain(store).ok


def test_an_attachment_is_stored_with_its_hash_and_read_back(store: Store, admin: Actor, cases) -> None:  # type: ignore[no-untyped-def]
    content = "约谈笔录：已责令补派执法人员。".encode() * 50
    keys = [WarningKey(cases["1"], "single_officer"), WarningKey(cases["2"], "single_officer")]
    upload = AttachmentUpload(r"C:\扫描\约谈笔录.pdf", content)
    rows = supervision.handle_warnings(store, admin, keys, Disposal("约谈", "约谈", attachment=upload))
    sha = hashlib.sha256(content).hexdigest()
    assert {(r.attachment_name, r.attachment_sha256) for r in rows} == {("约谈笔录.pdf", sha)}
    assert rows[0].attachment_id == rows[1].attachment_id  # one file for the batch
    listed = warnings(store, admin, "handled")[0]
    assert (listed.attachment_name, listed.attachment_sha256) == ("约谈笔录.pdf", sha)
    kept = disposal.disposal_attachment(store, admin, listed.attachment_id)
    assert (kept.name, kept.sha256, kept.size, kept.content) == ("约谈笔录.pdf", sha, len(content), content)
    assert audited(store, admin, "handle_warning")[0].after["attachment"] == {
        "name": "约谈笔录.pdf",
        "sha256": sha,
    }
    kept_one = supervision.handle_warnings(
        store,
        admin,
        [WarningKey(cases["1"], "single_officer", listed.version)],
        Disposal("补充说明", "约谈", keep_attachment=True),
    )[0]
    assert kept_one.attachment_sha256 == sha and kept_one.handled_note == "补充说明"
    dropped = supervision.handle_warnings(
        store,
        admin,
        [WarningKey(cases["1"], "single_officer", kept_one.version)],
        Disposal("不附文件", "约谈"),
    )[0]
    assert dropped.attachment_id is None
    too_big = AttachmentUpload("big.pdf", b"0" * (disposal.ATTACHMENT_MAX_BYTES + 1))
    with pytest.raises(ValidationError):
        supervision.handle_warnings(
            store, admin, [WarningKey(cases["3"], "single_officer")], Disposal("约谈", attachment=too_big)
        )
    with pytest.raises(ValidationError):
        supervision.handle_warnings(
            store,
            admin,
            [WarningKey(cases["3"], "single_officer")],
            Disposal("约谈", attachment=AttachmentUpload("空.pdf", b"")),
        )
    with pytest.raises(NotFound):
        disposal.disposal_attachment(store, admin, 9999)


def test_a_supervisor_reopens_a_handling_with_a_reason(store: Store, admin: Actor, cases) -> None:  # type: ignore[no-untyped-def]
    handled = supervision.handle_warning(
        store, admin, cases["1"], "single_officer", None, "已约谈", kind="约谈"
    )
    supervisor = make_actor(store, admin, "jiandu01", Role.SUPERVISOR)
    clerk = make_actor(store, admin, "clerk01", Role.CLERK, "县市场监管局")
    reviewer = make_actor(store, admin, "pingcha01", Role.REVIEWER)
    for someone in (clerk, reviewer):
        with pytest.raises(PermissionDenied):
            disposal.reopen_warning(store, someone, cases["1"], "single_officer", handled.version, "不同意")
    with pytest.raises(ValidationError):
        disposal.reopen_warning(store, supervisor, cases["1"], "single_officer", handled.version, "  ")
    with pytest.raises(Conflict):
        disposal.reopen_warning(
            store, supervisor, cases["1"], "single_officer", handled.version + 1, "不同意"
        )
    with pytest.raises(ValidationError):  # never handled
        disposal.reopen_warning(store, supervisor, cases["2"], "single_officer", 1, "不同意")
    row = disposal.reopen_warning(
        store, supervisor, cases["1"], "single_officer", handled.version, "约谈记录不全"
    )
    assert not row.handled and row.reopened_by == "jiandu01" and row.reopen_reason == "约谈记录不全"
    assert (row.kind, row.handled_note, row.handled_by) == ("约谈", "已约谈", "admin")  # the history kept
    assert (row.handled_by_name, row.reopened_by_name) == ("系统管理员", "jiandu01")  # display names
    listed = next(w for w in warnings(store, admin, "open") if w.case_id == cases["1"])
    assert listed.reopened_by == "jiandu01" and listed.handled_note == "已约谈"
    record = audited(store, admin, "reopen_warning")[0]
    assert record.actor == "jiandu01" and record.entity_id == str(cases["1"])
    assert record.after == {"code": "single_officer", "reason": "约谈记录不全"}
    assert record.before["note"] == "已约谈" and record.before["kind"] == "约谈"
    with pytest.raises(ValidationError):  # already open
        disposal.reopen_warning(store, supervisor, cases["1"], "single_officer", row.version, "再开")
    again = supervision.handle_warning(
        store, supervisor, cases["1"], "single_officer", row.version, "补全约谈记录", kind="约谈"
    )
    assert again.handled and again.reopened_by is None and again.handled_by == "jiandu01"
    assert audited(store, admin, "handle_warning")[0].before["reopen_reason"] == "约谈记录不全"
