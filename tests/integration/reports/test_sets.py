"""Indicator sets (both databases): the shipped default until one is stored, a changed set stored
as a new version, a published result keeping the version it was computed with, audited."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.accounts.audit import list_audit
from desktop.core.errors import NotFound, PermissionDenied, ValidationError
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Role
from desktop.models.db import Store
from desktop.reports.assessment import assess
from desktop.reports.indicators import default_set, set_document
from desktop.reports.sets import (
    find_set,
    list_set_versions,
    list_sets,
    publish,
    published,
    save_edited_set,
    save_set,
)
from tests.helpers.pages import make_actor
from tests.helpers.report_county import make_report_county


def test_default_then_versions_then_published(store: Store, admin: Actor) -> None:
    make_report_county(store, admin)
    assert find_set(store, admin) == default_set()
    with pytest.raises(NotFound):
        find_set(store, admin, "2026版")
    doc = set_document(default_set())
    result = assess(store, admin, date(2025, 1, 1), date(2025, 12, 31), find_set(store, admin))
    first = publish(store, admin, result)
    assert [s.version for s in list_sets(store, admin)] == [1]
    doc["indicators"][0]["weight"] = "10"
    changed = save_set(store, admin, doc)
    assert (changed.name, changed.version) == ("default", 2)
    assert save_set(store, admin, doc).version == 2  # unchanged: no new version
    assert find_set(store, admin).indicators[0].weight == 10
    again = publish(
        store, admin, assess(store, admin, date(2025, 1, 1), date(2025, 12, 31), find_set(store, admin))
    )
    assert published(store, admin, first)["set"]["version"] == 1
    assert published(store, admin, again)["set"]["version"] == 2
    actions = {r.action for r in list_audit(store, admin, ListQuery(limit=None)).items}
    assert {"save_indicator_set", "publish_assessment"} <= actions


def test_bad_sets_and_who_may_store(store: Store, admin: Actor) -> None:
    doc = set_document(default_set())
    doc["indicators"][0]["measure"] = "no_such_measure"
    with pytest.raises(ValidationError):
        save_set(store, admin, doc)
    with pytest.raises(ValidationError):
        save_set(store, admin, {"name": "x"})
    make_report_county(store, admin)
    reviewer = make_actor(store, admin, "pingcha01", Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        save_set(store, reviewer, set_document(default_set()))


def test_a_set_edited_in_the_window(store: Store, admin: Actor) -> None:
    make_report_county(store, admin)
    doc = set_document(default_set())
    doc["indicators"][0]["weight"] = "10"  # 104 in all: refused, nothing stored
    with pytest.raises(ValidationError, match="add up to 104"):
        save_edited_set(store, admin, doc)
    assert [(v.indicator_set.version, v.created_by) for v in list_set_versions(store, admin)] == [(1, "")]
    doc["indicators"][1]["weight"] = "2"
    saved = save_edited_set(store, admin, doc)
    versions = list_set_versions(store, admin)
    assert [v.indicator_set.version for v in versions] == [1, 2]  # the shipped default kept as v1
    assert versions[0].indicator_set.sha256 == default_set().sha256
    assert versions[1].indicator_set == saved and versions[1].created_by == admin.display_name
    reviewer = make_actor(store, admin, "pingcha02", Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        save_edited_set(store, reviewer, doc)
