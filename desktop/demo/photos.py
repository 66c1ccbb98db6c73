"""The demo county's officers' photos: a drawn 证件照 each (a plain background, a face and the
shoulders of a uniform, the colours varied by a seeded draw per officer), written to a temporary
folder named by 身份证号 and imported through ``personnel.photos.import_photos`` as a user would.
Deterministic; a second run draws only for officers still without a photo (a photo a user has
replaced since is kept)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pymupdf
from sqlalchemy import exists, select

from desktop.core.security import Actor
from desktop.demo.seed import DEMO_SEED
from desktop.models import Officer, OfficerPhoto
from desktop.models.db import Store
from desktop.personnel.photos import PHOTO_H, PHOTO_W, import_photos

BACKGROUNDS = ((0.84, 0.90, 0.97), (0.98, 0.98, 0.98), (0.80, 0.86, 0.95))
SKINS = ((0.96, 0.84, 0.72), (0.93, 0.78, 0.64), (0.89, 0.74, 0.60))
HAIR = ((0.10, 0.09, 0.08), (0.18, 0.14, 0.11), (0.25, 0.22, 0.20))
UNIFORM = (0.10, 0.16, 0.30)


def portrait(rng: random.Random) -> bytes:
    """One drawn portrait as a PNG of the stored size."""
    doc = pymupdf.open()
    page = doc.new_page(width=PHOTO_W, height=PHOTO_H)
    shape = page.new_shape()
    shape.draw_rect(page.rect)
    shape.finish(color=None, fill=rng.choice(BACKGROUNDS))
    cx = PHOTO_W / 2 + rng.uniform(-6, 6)
    shape.draw_oval(pymupdf.Rect(cx - 120, 300, cx + 120, 520))  # shoulders
    shape.finish(color=None, fill=UNIFORM)
    shape.draw_polyline([(cx - 22, 300), (cx, 345), (cx + 22, 300)])  # collar
    shape.finish(color=None, fill=(0.95, 0.95, 0.95), closePath=True)
    skin = rng.choice(SKINS)
    shape.draw_rect(pymupdf.Rect(cx - 22, 230, cx + 22, 305))  # neck
    shape.finish(color=None, fill=skin)
    hair = rng.choice(HAIR)
    shape.draw_oval(pymupdf.Rect(cx - 72, 70, cx + 72, 210 + rng.uniform(-20, 10)))
    shape.finish(color=None, fill=hair)
    shape.draw_oval(pymupdf.Rect(cx - 62, 95, cx + 62, 265))  # face
    shape.finish(color=None, fill=skin)
    shape.draw_rect(pymupdf.Rect(cx - 64, 80, cx + 64, 120 + rng.uniform(0, 15)))  # fringe
    shape.finish(color=None, fill=hair)
    shape.commit()
    png = page.get_pixmap(dpi=72, alpha=False).tobytes("png")
    doc.close()
    return png


def add_demo_photos(store: Store, actor: Actor) -> int:
    """A photo for every officer who has none (through the import); returns how many were stored."""
    with store.reading() as session:
        without_photo = select(Officer.id_number).where(
            ~exists().where(OfficerPhoto.officer_id == Officer.id)
        )
        id_numbers = list(session.execute(without_photo.order_by(Officer.id)).scalars())
    if not id_numbers:
        return 0
    with tempfile.TemporaryDirectory(prefix="desk-demo-photos-") as folder:
        for id_number in id_numbers:
            rng = random.Random(f"{DEMO_SEED}-photo-{id_number}")
            (Path(folder) / f"{id_number}.png").write_bytes(portrait(rng))
        return import_photos(store, actor, folder).imported
