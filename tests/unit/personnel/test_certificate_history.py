"""The certificate's transition table and its state on a date (pure)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core.errors import ValidationError
from desktop.personnel.certificate_history import (
    Event,
    check_event,
    is_valid_on,
    last_state,
    state_on,
    states_on,
    stored_status,
    valid_periods,
)

ISSUED, EXPIRES = date(2024, 1, 10), date(2029, 1, 9)
SUSPENDED, RESTORED = date(2025, 3, 1), date(2025, 4, 15)
ISSUE = Event("issue", ISSUED)
HISTORY = [ISSUE, Event("suspend", SUSPENDED, "立案调查"), Event("restore", RESTORED, "调查结束")]
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (ISSUED - DAY, "none"),
        (ISSUED, "valid"),
        (SUSPENDED - DAY, "valid"),
        (SUSPENDED, "suspended"),  # the day of suspension
        (RESTORED - DAY, "suspended"),
        (RESTORED, "valid"),  # the day of restoration
        (EXPIRES, "valid"),  # the last valid day
        (EXPIRES + DAY, "expired"),
    ],
)
def test_state_on_every_boundary(day: date, state: str) -> None:
    assert state_on(HISTORY, day, EXPIRES) == state
    assert is_valid_on(HISTORY, day, EXPIRES) == (state == "valid")


def test_valid_periods_agree_with_state_on_every_day() -> None:
    periods = valid_periods(HISTORY, EXPIRES)
    assert periods == [(ISSUED, SUSPENDED - DAY), (RESTORED, EXPIRES)]
    day = ISSUED - 3 * DAY
    while day <= EXPIRES + 3 * DAY:
        inside = any(a <= day <= b for a, b in periods)
        assert inside == is_valid_on(HISTORY, day, EXPIRES), day
        day += DAY


def test_events_on_one_day_the_last_speaks() -> None:
    same = [ISSUE, Event("suspend", SUSPENDED, "x"), Event("restore", SUSPENDED, "y")]
    assert state_on(same, SUSPENDED, EXPIRES) == "valid"
    assert valid_periods(same, EXPIRES) == [(ISSUED, EXPIRES)]
    both = [ISSUE, Event("suspend", ISSUED, "迁移")]
    assert valid_periods(both, EXPIRES) == [] and stored_status(both) == "suspended"


ALLOWED = [
    ([], Event("apply", ISSUED)),
    ([], Event("issue", ISSUED)),
    ([], Event("record", ISSUED)),
    ([Event("apply", ISSUED)], Event("vet", ISSUED, result="pass")),
    ([Event("apply", ISSUED), Event("vet", ISSUED, result="pass")], Event("issue", ISSUED)),
    ([ISSUE], Event("change", SUSPENDED, "调动")),
    ([ISSUE], Event("review", SUSPENDED, result="pass")),
    ([ISSUE], Event("review", SUSPENDED, "考核不合格", result="fail")),
    ([ISSUE], Event("suspend", SUSPENDED, "x")),
    (HISTORY[:2], Event("restore", RESTORED, "x")),
    (HISTORY[:2], Event("revoke", RESTORED, "出借")),
    ([ISSUE], Event("renew", EXPIRES + DAY, "到期")),
    ([ISSUE], Event("replace", SUSPENDED, "遗失")),
    ([ISSUE], Event("cancel", EXPIRES + DAY, "退休")),
    ([ISSUE], Event("revoke", SUSPENDED, "涂改")),
]


@pytest.mark.parametrize(("events", "new"), ALLOWED)
def test_allowed_transitions(events: list[Event], new: Event) -> None:
    check_event(events, new, EXPIRES)


REFUSED = [
    ([ISSUE], Event("restore", SUSPENDED, "x"), "was valid"),  # never suspended
    ([ISSUE, Event("revoke", SUSPENDED, "x")], Event("restore", RESTORED, "x"), "was revoked"),
    ([ISSUE, Event("revoke", SUSPENDED, "x")], Event("review", RESTORED, result="pass"), "was revoked"),
    ([ISSUE, Event("cancel", SUSPENDED, "退休")], Event("suspend", RESTORED, "x"), "was cancelled"),
    (HISTORY[:2], Event("suspend", RESTORED, "x"), "was suspended"),
    ([ISSUE], Event("suspend", ISSUED - DAY, "x"), "comes before"),  # before the previous event
    (HISTORY, Event("suspend", SUSPENDED + DAY, "x"), "comes before"),  # out of order
    ([ISSUE], Event("suspend", EXPIRES + DAY, "x"), "was expired"),
    ([ISSUE], Event("issue", SUSPENDED), "was valid"),
    ([], Event("suspend", ISSUED, "x"), "not yet applied for"),
    ([Event("apply", ISSUED), Event("vet", ISSUED, result="fail")], Event("issue", ISSUED), "was refused"),
    ([ISSUE, Event("renew", SUSPENDED, "到期")], Event("cancel", RESTORED, "x"), "superseded"),
]


@pytest.mark.parametrize(("events", "new", "words"), REFUSED)
def test_refused_transitions_name_the_state_on_that_date(events: list[Event], new: Event, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_event(events, new, EXPIRES)
    assert words in info.value.localized()


def test_a_reason_and_a_result_are_required() -> None:
    with pytest.raises(ValidationError) as info:
        check_event([ISSUE], Event("suspend", SUSPENDED), EXPIRES)
    assert info.value.field == "reason"
    with pytest.raises(ValidationError) as info:
        check_event([ISSUE], Event("review", SUSPENDED), EXPIRES)
    assert info.value.field == "result"


def test_last_state_and_stored_status() -> None:
    assert last_state(HISTORY) == "valid" and stored_status(HISTORY) == "active"
    assert stored_status([ISSUE, Event("renew", SUSPENDED, "到期")]) == "superseded"


def test_states_on_many_certificates_in_one_pass_agree_with_state_on() -> None:
    histories = {
        1: HISTORY,
        2: [ISSUE, Event("revoke", SUSPENDED, "出借")],
        3: [Event("apply", ISSUED), Event("vet", ISSUED + DAY, result="fail")],
        4: [],
        5: [ISSUE],
    }
    expiries = {1: EXPIRES, 2: EXPIRES, 3: None, 4: EXPIRES, 5: ISSUED + 10 * DAY}
    rows = [
        (cid, expiries[cid], e.kind, e.on, e.result)
        for cid, events in histories.items()
        for e in events or [None]  # type: ignore[list-item]
        if e is not None
    ] + [(4, EXPIRES, None, None, None)]
    rows.sort(key=lambda r: r[0])
    for day in (ISSUED - DAY, ISSUED, SUSPENDED, RESTORED, ISSUED + 11 * DAY, EXPIRES, EXPIRES + DAY):
        found = states_on(rows, day)
        for cid, events in histories.items():
            assert found[cid] == state_on(events, day, expiries[cid]), (cid, day)
