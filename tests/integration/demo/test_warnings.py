"""The demo's 处置: batches handled two weeks ago with kinds, one with the interview record
attached and a follow-up date that has passed (the follow-up warnings show), two reopened with a
reason; seeded and idempotent."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.cases.disposal import disposal_attachment
from desktop.cases.supervision import list_warnings
from desktop.core.paging import ListQuery
from desktop.demo import load_demo
from desktop.models.db import Store
from tests.helpers.stores import DemoTemplate


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
def test_the_demo_handles_warnings_in_batches_with_follow_ups_and_reopens_two(
    demo_store: tuple[Store, DemoTemplate],
) -> None:
    store, template = demo_store
    admin = template.admin
    every = list_warnings(store, admin, ListQuery(filters=(("state", "all"),), limit=None)).items
    handled = [w for w in every if w.handled and not w.subject]  # the cases' (an officer's: cert_workflow)
    assert Counter(w.kind for w in handled) == {"约谈": 7, "责令整改": 7, "通报": 6, "其他": 4}
    assert {w.handled_by for w in handled} == {"jiandu"}
    reopened = [w for w in every if w.reopened_by]
    assert len(reopened) == 2 and all(w.reopen_reason and not w.handled for w in reopened)
    follow_ups = [w for w in every if w.code == "disposal_follow_up_due"]
    assert len(follow_ups) == len({w.case_id for w in handled if w.kind == "约谈"})
    assert all(not w.handled and w.level == "red" for w in follow_ups)
    attached = [w for w in handled if w.attachment_id is not None]
    assert len(attached) == 7 and len({w.attachment_id for w in attached}) == 1
    record = disposal_attachment(store, admin, attached[0].attachment_id)
    assert hashlib.sha256(record.content).hexdigest() == attached[0].attachment_sha256
    assert record.content.decode("utf-8").startswith("约谈笔录")
    audit = list_audit(store, admin, ListQuery(filters=(("action", "handle_warning"),), limit=None))
    assert audit.total == 26 + 1  # and the officer warning the demo's qualifications handle
    load_demo(store, admin, dossier_dir=template.dossiers)
    again = list_warnings(store, admin, ListQuery(filters=(("state", "all"),), limit=None)).items
    assert sum(w.handled for w in again) == len(handled) + 1
    assert verify_chain(store).ok
