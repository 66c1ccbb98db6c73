"""A 执法证 as its dated history: the events, the transition table and the state on any date.

Pure (no store, no Qt). Every question about a certificate's validity — the register's
``uncertified_officer`` warning, the case detail, the certificate warnings, the card's state —
is answered from the events by ``state_on``; ``valid_periods`` is the same answer written as
date intervals, which the store keeps for its queries (``CertificateValidity``).

An event takes effect on its date: on the day of a suspension the certificate is not valid, on
the day of its restoration it is again, and it is valid up to and including its expiry date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core.errors import Term, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

EVENT_KINDS = (
    "apply",  # 申领
    "vet",  # 审核 (pass / fail)
    "issue",  # 发证
    "change",  # 变更 (agency, field, photo)
    "review",  # 年审 (pass / fail)
    "suspend",  # 暂停
    "restore",  # 恢复
    "renew",  # 换发 (expiry, damage): this number closed, a new one issued
    "replace",  # 补发 (loss): this number declared void, a new one issued
    "cancel",  # 注销
    "revoke",  # 吊销
    "record",  # 备案 (a certificate issued by a ministry)
)

EVENT_TITLES = {
    "apply": QT_TRANSLATE_NOOP("certs", "Application"),
    "vet": QT_TRANSLATE_NOOP("certs", "Vetting"),
    "issue": QT_TRANSLATE_NOOP("certs", "Issue"),
    "change": QT_TRANSLATE_NOOP("certs", "Change"),
    "review": QT_TRANSLATE_NOOP("certs", "Annual review"),
    "suspend": QT_TRANSLATE_NOOP("certs", "Suspension"),
    "restore": QT_TRANSLATE_NOOP("certs", "Restoration"),
    "renew": QT_TRANSLATE_NOOP("certs", "Renewal"),
    "replace": QT_TRANSLATE_NOOP("certs", "Replacement"),
    "cancel": QT_TRANSLATE_NOOP("certs", "Cancellation"),
    "revoke": QT_TRANSLATE_NOOP("certs", "Revocation"),
    "record": QT_TRANSLATE_NOOP("certs", "Filing"),
}

PERSONNEL_WARNING_CODES = ("cert_invalid_on_open_case", "cert_expiring", "cert_review_due", "training_short")
"""The warning codes of the personnel area (CLI.md), listed with the register's."""

STATES = (
    "none",  # before its first event
    "applied",  # 申领中
    "approved",  # 审核通过, not yet issued
    "refused",  # 审核不通过
    "valid",  # 正常
    "expired",  # 过期 (derived from the expiry date, never an event)
    "suspended",  # 暂停
    "superseded",  # 换发 / 补发: this number closed
    "cancelled",  # 注销
    "revoked",  # 吊销
)

STATE_TITLES = {
    "none": QT_TRANSLATE_NOOP("certs", "not yet applied for"),
    "applied": QT_TRANSLATE_NOOP("certs", "applied for"),
    "approved": QT_TRANSLATE_NOOP("certs", "approved, not yet issued"),
    "refused": QT_TRANSLATE_NOOP("certs", "refused"),
    "valid": QT_TRANSLATE_NOOP("certs", "valid"),
    "expired": QT_TRANSLATE_NOOP("certs", "expired"),
    "suspended": QT_TRANSLATE_NOOP("certs", "suspended"),
    "superseded": QT_TRANSLATE_NOOP("certs", "superseded by a new number"),
    "cancelled": QT_TRANSLATE_NOOP("certs", "cancelled"),
    "revoked": QT_TRANSLATE_NOOP("certs", "revoked"),
}

STORED_STATUS = {"valid": "active"}
"""How the certificate row's ``status`` names a state (``active`` as before histories)."""

TERMINAL = frozenset({"refused", "superseded", "cancelled", "revoked"})

CANCEL_REASONS = ("离岗", "退休", "死亡", "辞职", "辞退", "受刑事处罚")
"""注销's statutory reasons (REFERENCE §4): left the post, retired, died, resigned, dismissed,
criminal penalty (a reason may add words after one of these)."""

NEED_REASON = frozenset({"change", "suspend", "restore", "renew", "replace", "cancel", "revoke"})
"""Events that need a reason (an issue, a filing, an application or a passed review need none)."""

_FROM: dict[str, frozenset[str]] = {
    "apply": frozenset({"none"}),
    "vet": frozenset({"applied"}),
    "issue": frozenset({"none", "approved"}),
    "record": frozenset({"none"}),
    "change": frozenset({"valid", "suspended", "expired"}),
    "review": frozenset({"valid", "suspended"}),
    "suspend": frozenset({"valid"}),
    "restore": frozenset({"suspended"}),
    "renew": frozenset({"valid", "suspended", "expired"}),
    "replace": frozenset({"valid", "suspended", "expired"}),
    "cancel": frozenset({"valid", "suspended", "expired"}),
    "revoke": frozenset({"valid", "suspended", "expired"}),
}
"""The transition table: the states (on the event's date) from which each event may happen."""


@dataclass(frozen=True)
class Event:
    """One dated event of a certificate (``result``: ``pass`` or ``fail`` for 审核 and 年审)."""

    kind: str
    on: date
    reason: str = ""
    result: str | None = None
    document_no: str | None = None
    decided_by: str | None = None


def _after(state: str, event: Event) -> str:
    return _next(state, event.kind, event.result)


def _next(state: str, kind: str, result: str | None) -> str:
    if kind == "apply":
        return "applied"
    if kind == "vet":
        return "approved" if result == "pass" else "refused"
    if kind in ("issue", "record", "restore"):
        return "valid"
    if kind == "suspend":
        return "suspended"
    if kind in ("renew", "replace"):
        return "superseded"
    if kind == "cancel":
        return "cancelled"
    if kind == "revoke":
        return "revoked"
    return state  # change, review: the state stays


def _with_expiry(state: str, day: date, expires_on: date | None) -> str:
    if state == "valid" and expires_on is not None and day > expires_on:
        return "expired"
    return state


def state_on(events: Sequence[Event], day: date, expires_on: date | None) -> str:
    """The certificate's state on ``day`` (one of ``STATES``) from its events in order."""
    state = "none"
    for event in events:
        if event.on > day:
            break
        state = _after(state, event)
    return _with_expiry(state, day, expires_on)


def states_on(
    rows: Iterable[tuple[int, date | None, str | None, date | None, str | None]], day: date
) -> dict[int, str]:
    """The state on ``day`` of many certificates in one pass, the same answer as ``state_on`` for
    each without an ``Event`` built a row: ``rows`` are (certificate id, expiry date, event kind,
    event date, result), each certificate's events together and in order (a certificate without
    events: one row with kind and date None, state ``none``)."""
    states: dict[int, str] = {}
    expiry: dict[int, date | None] = {}
    current: int | None = None
    state, done = "none", False
    for cert_id, expires_on, kind, on, result in rows:
        if cert_id != current:
            if current is not None:
                states[current] = state
            current, state, done = cert_id, "none", False
            expiry[cert_id] = expires_on
        if done or kind is None or on is None:
            continue
        if on > day:
            done = True
            continue
        state = _next(state, kind, result)
    if current is not None:
        states[current] = state
    for cert_id, state in states.items():
        if state == "valid":
            expires_on = expiry[cert_id]
            if expires_on is not None and day > expires_on:
                states[cert_id] = "expired"
    return states


def is_valid_on(events: Sequence[Event], day: date, expires_on: date | None) -> bool:
    """Whether the certificate was valid (正常, not expired) on ``day``."""
    return state_on(events, day, expires_on) == "valid"


def last_state(events: Sequence[Event]) -> str:
    """The state the last event left (expiry aside)."""
    state = "none"
    for event in events:
        state = _after(state, event)
    return state


def stored_status(events: Sequence[Event]) -> str:
    """The certificate row's ``status`` for these events."""
    state = last_state(events)
    return STORED_STATUS.get(state, state)


def check_event(events: Sequence[Event], new: Event, expires_on: date | None) -> None:
    """Refuse an impossible event with a message naming the certificate's state on its date."""
    if new.kind not in _FROM:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown certificate event: {kind}."), kind=new.kind
        )
    if new.kind in ("vet", "review") and new.result not in ("pass", "fail"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Say whether the review was passed or failed."), field="result"
        )
    if new.kind in NEED_REASON and not (new.reason or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give the reason for the event."), field="reason")
    if events and new.on < events[-1].on:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "An event on {date} comes before the certificate's last event ({last}); "
                "the certificate was {state} on {date}.",
            ),
            field="date",
            date=new.on.isoformat(),
            last=events[-1].on.isoformat(),
            state=_state_term(state_on(events, new.on, expires_on)),
        )
    state = state_on(events, new.on, expires_on)
    if state not in _FROM[new.kind]:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A {event} is not possible on {date}: the certificate was {state} then."
            ),
            field="kind",
            event=_event_term(new.kind),
            date=new.on.isoformat(),
            state=_state_term(state),
        )


def valid_periods(events: Sequence[Event], expires_on: date | None) -> list[tuple[date, date]]:
    """The date intervals (both ends included) in which ``state_on`` says ``valid``."""
    periods: list[tuple[date, date]] = []
    state, start = "none", None
    for event in events:
        new = _after(state, event)
        if start is None and new == "valid":
            start = event.on
        elif start is not None and new != "valid":
            if event.on > start:
                periods.append((start, event.on - timedelta(days=1)))
            start = None
        state = new
    if start is not None:
        periods.append((start, expires_on or date.max))
    out = []
    for a, b in periods:
        if expires_on is not None:
            b = min(b, expires_on)
        if a <= b:
            out.append((a, b))
    # Events on one date: the last one speaks for the day (a suspension and a restoration the same
    # day leave the certificate valid from that day on).
    merged: list[tuple[date, date]] = []
    for a, b in out:
        if merged and a <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _event_term(kind: str) -> Term:
    return Term("certs", EVENT_TITLES[kind])


def _state_term(state: str) -> Term:
    return Term("certs", STATE_TITLES[state])
