"""The demo's qualifications: a drawn photo of every officer (stored through the import, small
JPEGs), the training ledger's courses with their kinds, applications in every state and one
handled officer warning, and a second load storing nothing new (a photo a user replaced is kept)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import delete, func, select

from desktop.cases.supervision import list_warnings
from desktop.core.paging import ListQuery
from desktop.demo.cert_workflow import add_demo_applications, add_demo_officer_disposition
from desktop.demo.photos import add_demo_photos, portrait
from desktop.models import Officer, OfficerPhoto, TrainingRecord
from desktop.models.db import Store
from desktop.personnel.applications import list_applications
from desktop.personnel.certificates import get_certificate
from desktop.personnel.photos import PHOTO_H, PHOTO_W, import_photos
from tests.helpers.stores import DemoTemplate


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
def test_every_demo_officer_has_a_photo_and_courses_have_kinds(
    demo_store: tuple[Store, DemoTemplate], tmp_path: Path
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
        first, second = session_photos(store)[:2]
        folder = tmp_path / "photos"
        folder.mkdir()
        (folder / f"{first.id_number}.png").write_bytes(portrait(random.Random("a user's own")))
        assert import_photos(store, template.admin, folder).imported == 1  # a user replaces one
        with store.unit_of_work() as uow:
            uow.session.execute(delete(OfficerPhoto).where(OfficerPhoto.officer_id == second.officer_id))
            uow.commit()
        assert add_demo_photos(store, template.admin) == 1  # the missing one drawn again, the user's kept
        again = session_photos(store)[:2]
        assert again[0].sha256 != first.sha256 and again[1].sha256 == second.sha256


def session_photos(store: Store) -> list:
    with store.reading() as session:
        return list(
            session.execute(
                select(Officer.id.label("officer_id"), Officer.id_number, OfficerPhoto.sha256)
                .join(OfficerPhoto, OfficerPhoto.officer_id == Officer.id)
                .order_by(Officer.id)
            ).all()
        )


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
