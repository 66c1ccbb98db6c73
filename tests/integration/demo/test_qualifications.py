"""The demo's qualifications: a drawn photo of every officer (stored through the import, small
JPEGs), the training ledger's courses with their kinds, and a second load storing nothing new."""

from __future__ import annotations

import pymupdf
import pytest
from sqlalchemy import func, select

from desktop.demo.photos import add_demo_photos
from desktop.models import Officer, OfficerPhoto, TrainingRecord
from desktop.models.db import Store
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
