"""The fast-read helpers: a driver's date value (ISO text or ``date``) as a date and its ISO text,
worked out once per value; the cycle collector paused and left as it was found."""

from __future__ import annotations

import gc
from datetime import date

from desktop.personnel.bulk_reads import as_date, collector_paused, day_memo


def test_a_driver_date_is_a_date_either_way() -> None:
    assert as_date("2026-12-07") == date(2026, 12, 7)
    assert as_date(date(2026, 12, 7)) == date(2026, 12, 7)


def test_the_memo_gives_the_same_pair_for_text_and_date() -> None:
    day = day_memo()
    first = day("2026-02-28")
    assert first == (date(2026, 2, 28), "2026-02-28")
    assert day("2026-02-28") is first  # remembered
    assert day(date(2026, 2, 28)) == first


def test_the_collector_is_paused_and_restored() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had paused it keeps it paused
    finally:
        gc.enable()
