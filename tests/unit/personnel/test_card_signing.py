"""The card's signed payload: round trip; a changed byte, another key or garbage fail."""

from __future__ import annotations

from datetime import date

from desktop.personnel.card_signing import (
    CardFacts,
    key_id,
    new_key_pair,
    open_payload,
    public_of,
    sign_payload,
)

FACTS = CardFacts("341122202600001", "张三", "341122********1234", date(2026, 1, 5), date(2031, 1, 4), "k1")


def test_round_trip() -> None:
    private, public = new_key_pair()
    assert public_of(private) == public and len(key_id(public)) == 12
    payload = sign_payload(FACTS, private)
    assert payload.startswith("ZFZ1.") and len(payload) < 300
    assert open_payload(payload, public) == FACTS
    assert open_payload("  " + payload + "\n", public) == FACTS  # a scanner's trailing newline


def test_forgeries_fail() -> None:
    private, public = new_key_pair()
    payload = sign_payload(FACTS, private)
    for i in range(5, len(payload)):
        changed = payload[:i] + ("A" if payload[i] != "A" else "B") + payload[i + 1 :]
        assert open_payload(changed, public) is None, i
    other_private, other_public = new_key_pair()
    assert open_payload(payload, other_public) is None
    assert open_payload(sign_payload(FACTS, other_private), public) is None
    for junk in ("", "ZFZ1", "ZFZ1.a.b", "hello", "ZFZ2." + payload[5:]):
        assert open_payload(junk, public) is None
