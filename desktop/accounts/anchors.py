"""Anchors of the audit record outside the store: the chain's head (id, hash, time) signed with
an HMAC key kept in the system keyring, written as a small JSON file to a folder the store does
not control (a USB stick, a share, a printout).

``verify_anchors`` proves the chain still holds every anchored head: a rewritten tail (even
with every later hash recomputed and the head row updated) or an emptied record no longer
contains the anchored record with its hash. Until the bureau key of the personnel area exists,
the key is a random 256-bit secret the keyring keeps per workstation user (made on first use).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop import APP_ID
from desktop.accounts.audit import verify_chain
from desktop.core.clock import utc_iso
from desktop.core.errors import AuditDamaged, SecretStoreUnavailable, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import AuditHead, AuditRecord
from desktop.models.db import Store

KEY_ACCOUNT = "audit-anchor-key"
"""The keyring entry (service ``APP_ID``) that holds the anchor key, hex."""
KIND = "desk-audit-anchor"
FIELDS = ("kind", "version", "store", "head_id", "head_hash", "at", "key_id")


@dataclass(frozen=True)
class Anchor:
    """One written anchor: the file and what it holds."""

    path: Path
    document: dict[str, Any]


@dataclass(frozen=True)
class AnchorCheck:
    """One anchor file checked against the chain; ``reason`` is an English template (``errors``
    context) with ``{id}``, empty when the anchor holds."""

    file: str
    head_id: int | None
    head_hash: str
    at: str
    ok: bool
    reason: str = ""


def anchor_key(*, create: bool) -> bytes | None:
    """The anchor key from the keyring; made and kept on first use when ``create``."""
    # keyring on first use (≈ 0.2 s to import on a loaded machine): the window does not need it to start
    import keyring
    from keyring.errors import KeyringError

    try:
        text = keyring.get_password(APP_ID, KEY_ACCOUNT)
        if text is None and create:
            text = secrets.token_hex(32)
            keyring.set_password(APP_ID, KEY_ACCOUNT, text)
    except KeyringError as exc:
        raise SecretStoreUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The system keyring is not available ({reason}); audit anchors need their key from it.",
            ),
            reason=type(exc).__name__,
        ) from exc
    return bytes.fromhex(text) if text else None


def key_id(key: bytes) -> str:
    """A short public name of a key (which key signed an anchor), not the key."""
    return hashlib.sha256(b"desk-anchor-key-id:" + key).hexdigest()[:16]


def sign(document: dict[str, Any], key: bytes) -> str:
    """HMAC-SHA256 over the anchor's fields in one canonical JSON text."""
    body = json.dumps(
        {name: document.get(name) for name in FIELDS},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def write_anchor(store: Store, actor: Actor, folder: Path) -> Anchor:
    """Check the chain, then write its head, signed, as ``audit-anchor-<time>-<id>.json`` in
    ``folder``; refused when the chain does not hold (an anchor would bless the damage)."""
    require(actor, Permission.VIEW_AUDIT)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{folder} is not a folder."), field="out", folder=str(folder)
        )
    report = verify_chain(store)
    if not report.ok:
        raise AuditDamaged(
            QT_TRANSLATE_NOOP(
                "errors",
                "The audit record does not hold at record {id}; no anchor was written. "
                "See: main.py --user NAME audit verify",
            ),
            id=report.broken_id,
        )
    with store.reading() as session:
        head = session.execute(
            select(AuditHead.last_id, AuditHead.last_hash).where(AuditHead.id == 1)
        ).first()
    if head is None or not head.last_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The audit record is empty; there is nothing to anchor.")
        )
    key = anchor_key(create=True)
    assert key is not None
    now = store.clock.now()
    document: dict[str, Any] = {
        "kind": KIND,
        "version": 1,
        "store": store.describe(),
        "head_id": head.last_id,
        "head_hash": head.last_hash,
        "at": utc_iso(now),
        "key_id": key_id(key),
    }
    document["signature"] = sign(document, key)
    path = folder / f"audit-anchor-{now.strftime('%Y%m%dT%H%M%SZ')}-{head.last_id}.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return Anchor(path, document)


def verify_anchors(store: Store, folder: Path) -> tuple[AnchorCheck, ...]:
    """Check every ``*.json`` anchor in ``folder``: signed with this keyring's key, and its
    record still in the chain with the same hash (the chain itself is ``verify_chain``'s job)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{folder} is not a folder."), field="anchors", folder=str(folder)
        )
    key = anchor_key(create=False)
    checks = []
    with store.reading() as session:
        for path in sorted(folder.glob("*.json")):
            checks.append(_check(session, path, key))
    return tuple(checks)


def _check(session: Any, path: Path, key: bytes | None) -> AnchorCheck:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        head_id, head_hash, at = int(document["head_id"]), str(document["head_hash"]), str(document["at"])
        if document.get("kind") != KIND:
            raise ValueError
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return AnchorCheck(
            path.name, None, "", "", False, QT_TRANSLATE_NOOP("errors", "not a readable audit anchor")
        )

    def failed(reason: str) -> AnchorCheck:
        return AnchorCheck(path.name, head_id, head_hash, at, False, reason)

    if key is None or document.get("key_id") != key_id(key):
        return failed(QT_TRANSLATE_NOOP("errors", "signed with a key this workstation does not hold"))
    if not hmac.compare_digest(str(document.get("signature", "")), sign(document, key)):
        return failed(
            QT_TRANSLATE_NOOP("errors", "the anchor file was altered (its signature does not match)")
        )
    held = session.execute(select(AuditRecord.hash).where(AuditRecord.id == head_id)).scalar_one_or_none()
    if held is None:
        return failed(
            QT_TRANSLATE_NOOP("errors", "record {id} is no longer in the audit record (removed or emptied)")
        )
    if held != head_hash:
        return failed(QT_TRANSLATE_NOOP("errors", "record {id} was rewritten since it was anchored"))
    return AnchorCheck(path.name, head_id, head_hash, at, True)
