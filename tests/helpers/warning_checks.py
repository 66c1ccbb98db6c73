"""The warning summary checked against the warning centre's list (``list_warnings``): the counts
per agency, code, handled and counting period, the rules' rows one by one, their 处置 days."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from desktop.cases.supervision import list_warnings
from desktop.cases.warning_summary import SQL_CODES, WarningSummary, warning_summary
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models import WarningDisposition
from desktop.models.db import Store


def listed(
    store: Store,
    actor: Actor,
    as_of: date,
    filed_from: date | None = None,
    filed_to: date | None = None,
    agency_id: int | None = None,
) -> tuple:
    filters: list[tuple[str, object]] = [("state", "all"), ("scope", "cases")]  # the register's
    for name, value in (("filed_from", filed_from), ("filed_to", filed_to), ("agency_id", agency_id)):
        if value is not None:
            filters.append((name, value))
    return list_warnings(store, actor, ListQuery(limit=None, filters=tuple(filters)), as_of).items


def assert_same(store: Store, actor: Actor, as_of: date, **window: date | int | None) -> WarningSummary:
    """The summary's counts and rows equal the warning centre's list."""
    period = (date(as_of.year, 1, 1), as_of)
    s = warning_summary(store, actor, as_of, counted_from=period[0], counted_to=period[1], **window)
    rows = listed(store, actor, as_of, **window)  # type: ignore[arg-type]
    expected: Counter = Counter()
    for w in rows:
        within = period[0] <= (w.due or w.filed_on) <= period[1]
        expected[(w.agency_id, w.code, "handled" if w.handled else "open", within)] += 1
    got: Counter = Counter()
    for t in s.tallies:
        got[(t.agency_id, t.code, "open", True)] += t.open_in_period
        got[(t.agency_id, t.code, "open", False)] += t.open - t.open_in_period
        got[(t.agency_id, t.code, "handled", True)] += t.handled_in_period
        got[(t.agency_id, t.code, "handled", False)] += t.handled - t.handled_in_period
        assert t.level == next(w.level for w in rows if w.code == t.code)
    assert +got == +expected
    ruled = [
        (w.case_id, w.case_no, w.agency_id, w.code, w.level, w.due, w.filed_on, w.handled) for w in s.ruled
    ]
    assert ruled == [
        (w.case_id, w.case_no, w.agency_id, w.code, w.level, w.due, w.filed_on, w.handled)
        for w in rows
        if w.code not in SQL_CODES
    ]
    with store.reading() as session:
        days = {
            (d.case_id, d.code): d.handled_on or date.fromisoformat(d.handled_at[:10])
            for d in session.execute(select(WarningDisposition)).scalars()
        }
    for w in s.ruled:
        assert w.handled_on == (days[(w.case_id, w.code)] if w.handled else None)
    return s
