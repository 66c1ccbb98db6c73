"""The demo's qualifications: a drawn photo of every officer (stored through the import, small
JPEGs), the training ledger's courses with their kinds, applications in every state and one
handled officer warning, and a second load storing nothing new."""

from __future__ import annotations

from collections import Counter

import pymupdf
import pytest
from sqlalchemy import func, select

from desktop.cases.supervision import list_warnings
from desktop.core.paging import ListQuery
from desktop.demo.cert_workflow import add_demo_applications, add_demo_officer_disposition
from desktop.demo.photos import add_demo_photos
from desktop.models import Officer, OfficerPhoto, TrainingRecord
from desktop.models.db import Store
from desktop.personnel.applications import list_applications
from desktop.personnel.certificates import get_certificate
from desktop.personnel.photos import PHOTO_H, PHOTO_W
from tests.helpers.stores import DemoTemplate


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
def test_every_demo_officer_has_a_photo_and_courses_have_kinds(
    demo_store: tuple[Store, DemoTemplate],
) -> None:
    store, template = demo_store
    with store.reading() as session:
        officers = session.execute(select(func.count()).select_from(Officer)).scalar_one()
        photos = session.execute(select(OfficerPhoto.jpeg)).scalars().all()
        kinds = set(session.execute(select(TrainingRecord.kind).distinct()).scalars())
    assert officers and len(photos) == officers
    pix = pymupdf.Pixmap(photos[0])
    assert (pix.width, pix.height) == (PHOTO_W, PHOTO_H) and max(len(p) for p in photos) < 40_000
    assert {"通用法律知识", "执法技能"} <= kinds
    if store.kind == "sqlite":  # the PostgreSQL demo store is shared: read it only
        assert add_demo_photos(store, template.admin) == 0  # the same drawings: nothing new


@pytest.mark.xdist_group("demo")
def test_the_demo_shows_applications_in_every_state_and_one_handled_officer_warning(
    demo_store: tuple[Store, DemoTemplate],
) -> None:
    store, template = demo_store
    apps = list_applications(store, template.admin)
    states = Counter(a.state for a in apps)
    assert states == {"applied": 2, "approved": 2, "refused": 1, "issued": 3}
    refused = next(a for a in apps if a.state == "refused")
    assert refused.vet_reason and refused.vetted_by == "王监督"
    for app in (a for a in apps if a.state == "issued"):
        assert app.number and app.exam.startswith("示司考")
        detail = get_certificate(store, template.admin, app.number)
        assert detail.row.state == "valid" and detail.row.current
        assert [e.kind for e in detail.events] == ["apply", "vet", "issue"]
    query = ListQuery(limit=None, filters=(("state", "handled"),))
    handled = [r for r in list_warnings(store, template.admin, query).items if r.subject]
    assert [(r.code, r.kind, r.handled_by) for r in handled] == [("cert_expiring", "责令整改", "jiandu")]
    assert handled[0].follow_up_on and handled[0].follow_up_on > store.clock.today()
    if store.kind == "sqlite":  # a second load adds nothing
        assert add_demo_applications(store, template.admin, store.clock.today()) == 0
        assert add_demo_officer_disposition(store, template.admin, store.clock.today()) == 0
