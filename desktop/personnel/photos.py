"""Officers' photos for the card and 证件验证: imported from a folder of files named by 身份证号
(``341122199001011234.jpg`` or ``.png``), each cropped to the card's 5:7 and shrunk to a small JPEG
(295 × 413 px, the 1-inch photo at 300 dpi) in the store. Files whose name matches no officer (or
another agency's, for a scoped user) are reported, never guessed; an unreadable image is reported
with its reason. One import is one unit of work and one audit record."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import normalize_id
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import Officer, OfficerPhoto
from desktop.models.db import Store

PHOTO_W, PHOTO_H = 295, 413
"""The stored photo's size in pixels (5:7, as on the card)."""
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
JPEG_QUALITY = 85
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class PhotoProblem:
    """A file the import left out, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class PhotoImport:
    """What a photo import did: photos stored (new or replaced), unchanged ones skipped, file
    names matching no officer, and files that could not be read."""

    imported: int
    skipped: int
    unmatched: tuple[str, ...]
    problems: tuple[PhotoProblem, ...]

    def as_dict(self) -> dict:
        """The JSON ``certs photos`` prints."""
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "unmatched": list(self.unmatched),
            "errors": [{"file": p.file, "message": p.reason} for p in self.problems],
        }


def shrink_photo(data: bytes) -> bytes:
    """A JPEG or PNG as the stored photo: centre-cropped to 5:7 and scaled to 295 × 413 px, RGB,
    no transparency. Raises ``ValueError`` for what is not a readable image."""
    try:
        src = pymupdf.Pixmap(data)
    except Exception as exc:  # noqa: BLE001 - MuPDF raises its own error classes for bad files
        raise ValueError(str(exc).split(": ", 1)[-1] or "not an image") from exc
    if src.width < 1 or src.height < 1:
        raise ValueError("empty image")
    if src.alpha:
        src = pymupdf.Pixmap(src, 0)
    if src.colorspace is None or src.colorspace.n != 3:
        src = pymupdf.Pixmap(pymupdf.csRGB, src)
    scale = max(PHOTO_W / src.width, PHOTO_H / src.height)
    width, height = max(PHOTO_W, round(src.width * scale)), max(PHOTO_H, round(src.height * scale))
    left, top = (width - PHOTO_W) // 2, (height - PHOTO_H) // 2
    small = pymupdf.Pixmap(src, width, height, pymupdf.IRect(left, top, left + PHOTO_W, top + PHOTO_H))
    return small.tobytes("jpeg", jpg_quality=JPEG_QUALITY)


def photo_files(folder: Path) -> list[Path]:
    """The image files of ``folder`` (not its subfolders), by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES)


def import_photos(store: Store, actor: Actor, folder: str | Path) -> PhotoImport:
    """Store the photos of ``folder`` for the officers their file names name (身份证号)."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Not a folder: {path}"), field="folder", path=str(folder)
        )
    files = photo_files(folder)
    with store.reading() as session:
        officers = {
            normalize_id(id_number): (officer_id, agency_id)
            for officer_id, id_number, agency_id in session.execute(
                select(Officer.id, Officer.id_number, Officer.agency_id)
            )
        }
    unmatched: list[str] = []
    problems: list[PhotoProblem] = []
    shrunk: dict[int, tuple[str, bytes]] = {}
    for path in files:
        found = officers.get(normalize_id(path.stem))
        if found is None or (actor.scope_agency_id is not None and found[1] != actor.scope_agency_id):
            unmatched.append(path.name)
            continue
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(translate("errors", QT_TRANSLATE_NOOP("errors", "larger than 20 MB")))
            jpeg = shrink_photo(path.read_bytes())
        except (OSError, ValueError) as exc:
            problems.append(PhotoProblem(path.name, _unreadable(exc)))
            continue
        if found[0] in shrunk:
            problems.append(
                PhotoProblem(
                    path.name,
                    translate("errors", QT_TRANSLATE_NOOP("errors", "another file names the same officer")),
                )
            )
            continue
        shrunk[found[0]] = (path.name, jpeg)
    imported, skipped = _store_photos(store, actor, shrunk)
    return PhotoImport(imported, skipped, tuple(unmatched), tuple(problems))


def _unreadable(exc: BaseException) -> str:
    return translate(
        "errors", QT_TRANSLATE_NOOP("errors", "not a readable JPEG or PNG image ({reason})")
    ).format(reason=str(exc) or type(exc).__name__)


def _store_photos(store: Store, actor: Actor, shrunk: dict[int, tuple[str, bytes]]) -> tuple[int, int]:
    imported = skipped = 0
    with store.unit_of_work() as uow:
        session = uow.session
        now = utc_iso(store.clock.now())
        have = {officer_id: session.get(OfficerPhoto, officer_id) for officer_id in shrunk}
        files = []
        for officer_id, (name, jpeg) in shrunk.items():
            digest = hashlib.sha256(jpeg).hexdigest()
            row = have.get(officer_id)
            if row is not None and row.sha256 == digest:
                skipped += 1
                continue
            if row is None:
                session.add(
                    OfficerPhoto(
                        officer_id=officer_id, jpeg=jpeg, sha256=digest, updated_at=now, updated_by=actor.name
                    )
                )
            else:
                row.jpeg, row.sha256, row.updated_at, row.updated_by = jpeg, digest, now, actor.name
            files.append({"officer_id": officer_id, "file": name, "sha256": digest})
            imported += 1
        if files:
            audit.record(
                session,
                store,
                actor.name,
                "import",
                "officer_photo",
                after={"photos": files},
                summary=translate("audit", QT_TRANSLATE_NOOP("audit", "{n} officers' photos")).format(
                    n=len(files)
                ),
            )
        uow.commit()
    return imported, skipped


def officer_photo(store: Store, actor: Actor, officer_id: int) -> bytes | None:
    """The officer's stored photo (JPEG), or None."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        agency_id = session.execute(
            select(Officer.agency_id).where(Officer.id == officer_id)
        ).scalar_one_or_none()
        if agency_id is None:
            return None
        require_agency(actor, agency_id)
        return photos_of(session, [officer_id]).get(officer_id)


def photos_of(session: Session, officer_ids: Iterable[int]) -> dict[int, bytes]:
    """The stored photos of these officers (those with one)."""
    ids = list(set(officer_ids))
    out: dict[int, bytes] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for officer_id, jpeg in session.execute(
            select(OfficerPhoto.officer_id, OfficerPhoto.jpeg).where(OfficerPhoto.officer_id.in_(chunk))
        ):
            out[officer_id] = jpeg
    return out
