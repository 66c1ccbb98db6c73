"""The card's QR payload, signed with the bureau's Ed25519 key (pure, plus the keyring).

The private key never goes into the shared store: it is kept in the system keyring of the
workstation that made it (service ``APP_ID``, account ``card-signing-key``); the public key is in
the store (setting ``certs.card_public_key``) for anyone to check a card with.

A payload is ``ZFZ1.<body>.<signature>`` (base64url without padding): the body is compact JSON
with the certificate's number, the holder's name, the masked ID number, the issue and expiry
dates and the key's id; the signature covers ``ZFZ1.<body>``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import keyring
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from keyring.errors import KeyringError

from desktop import APP_ID
from desktop.core.errors import UserFacingError
from desktop.core.i18n import QT_TRANSLATE_NOOP

PREFIX = "ZFZ1"
KEY_ACCOUNT = "card-signing-key"
PUBLIC_KEY_SETTING = "certs.card_public_key"


class CardKeyUnavailable(UserFacingError):
    """This workstation has no private card key (or no keyring)."""

    code = "card_key"


@dataclass(frozen=True)
class CardFacts:
    """What a card's payload carries."""

    number: str
    name: str
    id_masked: str
    issued: date
    expires: date
    key_id: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_key_pair() -> tuple[bytes, bytes]:
    """A new key pair: (private raw 32 bytes, public raw 32 bytes)."""
    private = Ed25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def key_id(public: bytes) -> str:
    """A short id of a public key (shown with it, carried in payloads)."""
    return hashlib.sha256(public).hexdigest()[:12]


def public_of(private: bytes) -> bytes:
    """The public key of a raw private key."""
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def keyring_private_key() -> bytes | None:
    """This workstation's private card key, or None."""
    try:
        text = keyring.get_password(APP_ID, KEY_ACCOUNT)
    except KeyringError as exc:
        raise CardKeyUnavailable(
            QT_TRANSLATE_NOOP(
                "errors", "The system keyring is not available ({reason}); cards need their key from it."
            ),
            reason=str(exc),
        ) from exc
    return bytes.fromhex(text) if text else None


def keep_private_key(private: bytes) -> None:
    """Keep the private card key in this workstation's keyring."""
    try:
        keyring.set_password(APP_ID, KEY_ACCOUNT, private.hex())
    except KeyringError as exc:
        raise CardKeyUnavailable(
            QT_TRANSLATE_NOOP(
                "errors", "The system keyring is not available ({reason}); cards need their key from it."
            ),
            reason=str(exc),
        ) from exc


def sign_payload(facts: CardFacts, private: bytes) -> str:
    """The signed payload of a card."""
    body = {
        "n": facts.number,
        "o": facts.name,
        "i": facts.id_masked,
        "f": facts.issued.isoformat(),
        "e": facts.expires.isoformat(),
        "k": facts.key_id,
    }
    head = f"{PREFIX}.{_b64(json.dumps(body, ensure_ascii=False, separators=(',', ':')).encode('utf-8'))}"
    signature = Ed25519PrivateKey.from_private_bytes(private).sign(head.encode("ascii"))
    return f"{head}.{_b64(signature)}"


def open_payload(payload: str, public: bytes) -> CardFacts | None:
    """The facts of a payload whose signature ``public`` confirms, else None (forged, altered,
    another key's, or not a payload at all)."""
    parts = payload.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    try:
        if any(_b64(_unb64(p)) != p for p in parts[1:]):  # one text per payload: no spare bits
            return None
        Ed25519PublicKey.from_public_bytes(public).verify(
            _unb64(parts[2]), f"{parts[0]}.{parts[1]}".encode("ascii")
        )
        body: dict[str, Any] = json.loads(_unb64(parts[1]).decode("utf-8"))
        return CardFacts(
            str(body["n"]),
            str(body["o"]),
            str(body["i"]),
            date.fromisoformat(body["f"]),
            date.fromisoformat(body["e"]),
            str(body["k"]),
        )
    except (InvalidSignature, ValueError, KeyError, TypeError, UnicodeError, binascii.Error):
        return None
