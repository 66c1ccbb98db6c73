"""Use cases of the 执法证 card: the bureau's signing key (made once, its private part kept in
the keyring of the workstation that made it, its public part in the store), a card PDF with the
signed QR code, and 证件验证 (a payload checked against the public key; a genuine one shows the
certificate's state on the day asked, a card of a revoked certificate verifies as genuine and
吊销)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import mask_resident_id
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import Agency, Certificate, Officer, StoreSetting
from desktop.models.db import Store
from desktop.personnel import certificate_history as history
from desktop.personnel import certificate_store as cstore
from desktop.personnel.card_signing import (
    PUBLIC_KEY_SETTING,
    CardFacts,
    CardKeyUnavailable,
    keep_private_key,
    key_id,
    keyring_private_key,
    new_key_pair,
    open_payload,
    public_of,
    sign_payload,
)
from desktop.personnel.certificates import find_certificate
from desktop.personnel.documents.card import CardFace, write_card_sheets, write_cards
from desktop.personnel.photos import photos_of
from desktop.personnel.repository import find_agency


@dataclass(frozen=True)
class CardKeyInfo:
    """The store's public card key (hex) and its id; whether this workstation can sign."""

    public_key: str | None
    key_id: str | None
    can_sign: bool


@dataclass(frozen=True)
class CardWritten:
    """A card written: its number, payload and holder."""

    number: str
    payload: str
    officer: str = ""


@dataclass(frozen=True)
class CardSheet:
    """A batch of cards written on A4 sheets: the file, its pages and the cards."""

    out: str
    pages: int
    cards: tuple[CardWritten, ...]


@dataclass(frozen=True)
class Verification:
    """What 证件验证 says of a payload."""

    genuine: bool
    reason: str = ""
    number: str | None = None
    officer: str | None = None
    agency: str | None = None
    state: str | None = None
    expires: date | None = None
    photo: bytes | None = None


def card_key(store: Store, actor: Actor) -> CardKeyInfo:
    """The public card key as the store holds it, and whether this workstation holds its pair."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        public = _public(session)
    private = keyring_private_key()
    can = bool(public and private and public_of(private) == public)
    return CardKeyInfo(public.hex() if public else None, key_id(public) if public else None, can)


def make_card_key(store: Store, actor: Actor) -> CardKeyInfo:
    """Make the bureau's card key pair (an administrator or supervisor): the private key into this
    workstation's keyring, the public key into the store; audited. Cards signed with an earlier
    key no longer verify."""
    require(actor, Permission.EDIT_SETTINGS)
    private, public = new_key_pair()
    with store.unit_of_work() as uow:
        _store_public(uow.session, store, actor, public)
        uow.commit()
    keep_private_key(private)
    return CardKeyInfo(public.hex(), key_id(public), True)


def _public(session: Session) -> bytes | None:
    text = session.execute(
        select(StoreSetting.value).where(StoreSetting.key == PUBLIC_KEY_SETTING)
    ).scalar_one_or_none()
    return bytes.fromhex(text) if text else None


def _store_public(session: Session, store: Store, actor: Actor, public: bytes) -> None:
    row = session.get(StoreSetting, PUBLIC_KEY_SETTING)
    before = {"public_key": row.value} if row else None
    if row is None:
        row = StoreSetting(key=PUBLIC_KEY_SETTING, value=public.hex())
        session.add(row)
    else:
        row.value = public.hex()
        row.version += 1
    row.updated_at, row.updated_by = utc_iso(store.clock.now()), actor.name
    audit.record(
        session,
        store,
        actor.name,
        "update",
        "setting",
        PUBLIC_KEY_SETTING,
        before=before,
        after={"public_key": public.hex(), "key_id": key_id(public)},
        summary=translate("audit", QT_TRANSLATE_NOOP("audit", "card signing key {id}")).format(
            id=key_id(public)
        ),
    )


def _signing_key(session: Session, store: Store, actor: Actor) -> tuple[bytes, str]:
    """The private key to sign with: this workstation's pair of the store's public key; the first
    card of a store without a key makes one (when the actor may)."""
    public = _public(session)
    private = keyring_private_key()
    if public is None:
        require(actor, Permission.MANAGE_CERTIFICATES)
        if private is None:
            private, public = new_key_pair()
            keep_private_key(private)
        else:
            public = public_of(private)
        _store_public(session, store, actor, public)
        return private, key_id(public)
    if private is None or public_of(private) != public:
        raise CardKeyUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "This workstation does not hold the card signing key {id}; print cards where the key was made.",
            ),
            id=key_id(public),
        )
    return private, key_id(public)


def write_card(store: Store, actor: Actor, number: str, out: str | Path) -> CardWritten:
    """Write one card's PDF."""
    return write_card_batch(store, actor, [number], out)[0]


def write_card_batch(
    store: Store, actor: Actor, numbers: Sequence[str], out: str | Path
) -> list[CardWritten]:
    """Write the cards of ``numbers`` into one PDF (front and back pages per card)."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    with store.unit_of_work() as uow:
        session = uow.session
        private, kid = _signing_key(session, store, actor)
        certs = [_numbered(session, actor, number) for number in numbers]
        faces, written = _faces(session, certs, private, kid)
        write_cards(faces, Path(out))
        uow.commit()
    return written


def write_card_sheet(
    store: Store,
    actor: Actor,
    out: str | Path,
    *,
    numbers: Sequence[str] = (),
    agency: str | int | None = None,
    issued_from: date | None = None,
    issued_to: date | None = None,
) -> CardSheet:
    """Write a batch of cards on A4 sheets (2 × 5 a sheet, crop marks, backs mirrored for duplex
    printing): the certificates ``numbers``, else every current certificate valid today — an
    agency's, or those issued between ``issued_from`` and ``issued_to`` (both included)."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    with store.unit_of_work() as uow:
        session = uow.session
        if numbers:
            certs = [_numbered(session, actor, number) for number in numbers]
        else:
            certs = _valid_batch(session, actor, store.clock.today(), agency, issued_from, issued_to)
        if not certs:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "No certificate valid today matches: there is no card to print.")
            )
        private, kid = _signing_key(session, store, actor)
        faces, written = _faces(session, certs, private, kid)
        pages = write_card_sheets(faces, Path(out))
        uow.commit()
    return CardSheet(str(out), pages, tuple(written))


def _numbered(session: Session, actor: Actor, number: str) -> Certificate:
    cert = find_certificate(session, number)
    require_agency(actor, cert.officer.agency_id)
    return cert


def _valid_batch(
    session: Session,
    actor: Actor,
    today: date,
    agency: str | int | None,
    issued_from: date | None,
    issued_to: date | None,
) -> list[Certificate]:
    stmt = (
        select(Certificate)
        .join(Officer, Officer.id == Certificate.officer_id)
        .join(Agency, Agency.id == Officer.agency_id)
        .where(Certificate.current.is_(True))
        .order_by(Agency.name, Officer.name, Certificate.number)
    )
    if agency not in (None, ""):
        agency_id = find_agency(session, agency).id
        require_agency(actor, agency_id)
        stmt = stmt.where(Officer.agency_id == agency_id)
    if actor.scope_agency_id is not None:
        stmt = stmt.where(Officer.agency_id == actor.scope_agency_id)
    if issued_from is not None:
        stmt = stmt.where(Certificate.issued_on >= issued_from)
    if issued_to is not None:
        stmt = stmt.where(Certificate.issued_on <= issued_to)
    return [
        cert
        for cert in session.execute(stmt).scalars()
        if history.state_on(cstore.events_of(cert), today, cert.expires_on) == "valid"
    ]


def _faces(
    session: Session, certs: Sequence[Certificate], private: bytes, kid: str
) -> tuple[list[CardFace], list[CardWritten]]:
    """The cards' faces (each payload signed with the key read once) and what was written."""
    photos = photos_of(session, [cert.officer_id for cert in certs])
    faces, written = [], []
    for cert in certs:
        officer = cert.officer
        facts = CardFacts(
            cert.number,
            officer.name,
            mask_resident_id(officer.id_number),
            cert.issued_on,
            cert.expires_on,
            kid,
        )
        payload = sign_payload(facts, private)
        faces.append(
            CardFace(
                cert.number,
                officer.name,
                officer.agency.name,
                officer.agency.field,
                cert.issued_on,
                cert.expires_on,
                payload,
                photos.get(officer.id),
            )
        )
        written.append(CardWritten(cert.number, payload, officer.name))
    return faces, written


def verify_payload(store: Store, actor: Actor, payload: str, *, as_of: date | None = None) -> Verification:
    """Check a scanned or pasted payload: forged, altered, signed with another key, or naming a
    certificate it does not describe → not genuine; else the certificate's state on ``as_of``."""
    require(actor, Permission.VIEW_OFFICERS)
    as_of = as_of or store.clock.today()
    with store.reading() as session:
        public = _public(session)
        if public is None:
            return Verification(
                False, translate("errors", QT_TRANSLATE_NOOP("errors", "no card key has been made"))
            )
        facts = open_payload(payload, public)
        if facts is None:
            return Verification(
                False, translate("errors", QT_TRANSLATE_NOOP("errors", "the signature does not match"))
            )
        cert = session.execute(
            select(Certificate).where(Certificate.number == facts.number)
        ).scalar_one_or_none()
        officer = cert.officer if cert else None
        if (
            cert is None
            or officer is None
            or officer.name != facts.name
            or mask_resident_id(officer.id_number) != facts.id_masked
            or cert.expires_on != facts.expires
            or cert.issued_on != facts.issued
        ):
            return Verification(
                False,
                translate(
                    "errors", QT_TRANSLATE_NOOP("errors", "the card does not match the certificate register")
                ),
            )
        state = history.state_on(cstore.events_of(cert), as_of, cert.expires_on)
        return Verification(
            True,
            "",
            cert.number,
            officer.name,
            officer.agency.name,
            state,
            cert.expires_on,
            photos_of(session, [officer.id]).get(officer.id),
        )
