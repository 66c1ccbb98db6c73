"""The demo's question bank: every question passes the bank's rules, a second run adds nothing,
and a blueprint over it can be generated."""

from __future__ import annotations

from collections import Counter

from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.demo.exam import add_demo_bank, demo_questions
from desktop.exam.bank import list_questions
from desktop.models.db import Store


def test_the_demo_bank_is_added_once(store: Store, admin: Actor) -> None:
    assert add_demo_bank(store, admin) == len(demo_questions()) >= 1000
    assert add_demo_bank(store, admin) == 0
    items = list_questions(store, admin, ListQuery(limit=None)).items
    counts = Counter(q.type for q in items)
    assert counts["单选题"] >= 300 and counts["多选题"] >= 150 and counts["判断题"] >= 300
    assert {q.category for q in items} >= {"行政处罚法", "行政强制法", "行政许可法", "行政复议法"}
