"""The warnings kept per day (warning snapshots, both databases): a summary read from the day's
snapshot counts what the warning centre lists, after changes made through the services and
behind their back (plain SQL: the triggers see every path); a change to what every case is
decided by drops the snapshots; a change made while a snapshot was being taken is not lost."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import delete, func, select, text, update

from desktop.cases import entry, supervision_settings, warning_snapshot, warning_summary
from desktop.cases.dto import CaseInput, Disposal, WarningKey
from desktop.cases.exchange import import_cases
from desktop.cases.supervision import handle_warnings
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.cases.warning_decide import decide_all
from desktop.core.security import Actor
from desktop.models import (
    Case,
    CaseOfficer,
    CertificateValidity,
    WarningSnapshot,
    WarningSnapshotRow,
    WarningStale,
)
from desktop.models.db import Store
from tests.helpers.report_county import make_report_county
from tests.helpers.stores import DemoTemplate
from tests.helpers.warning_checks import assert_same

DAY = date(2026, 2, 1)


@pytest.mark.xdist_group("demo")
def test_a_day_carried_forward_counts_what_the_rules_decide_that_day(
    demo_store: tuple[Store, DemoTemplate], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo county (deadlines approaching, falling due and met, suspensions, seizures,
    follow-ups of 处置, footage lead times, facts dated ahead): one day decided whole, then
    carried by a day and by leaps up to the longest carried (88 days); every day equal to the warning centre's list."""
    store, template = demo_store
    admin = template.admin
    with store.engine.begin() as conn:
        conn.execute(delete(WarningSnapshot))
    start = date(2025, 9, 1)
    assert_same(store, admin, start)

    def refuse(*_args: object) -> None:
        raise AssertionError("the whole register decided again")

    monkeypatch.setattr(warning_summary, "decide_all", refuse)
    day = start
    for step in (1, 1, 3, 7, 13, 30, 88):
        day += timedelta(days=step)
        assert_same(store, admin, day)
        assert snapshots(store)[-1][0] == day


@pytest.fixture
def county(store: Store, admin: Actor) -> Iterator[dict[str, int]]:
    ids = make_report_county(store, admin)
    assert_same(store, admin, DAY)  # decided once and kept
    yield ids


@pytest.fixture
def kept_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deciding the whole register again fails the test: the summary must come from the snapshot."""

    def refuse(*_args: object) -> None:
        raise AssertionError("the whole register decided again")

    monkeypatch.setattr(warning_summary, "decide_all", refuse)


def snapshots(store: Store) -> list[tuple[date, int, int]]:
    """(as of, stale mark, rows) of each kept snapshot."""
    with store.reading() as session:
        return [
            (
                s.as_of,
                s.stale_mark,
                session.execute(
                    select(func.count())
                    .select_from(WarningSnapshotRow)
                    .where(WarningSnapshotRow.snapshot_id == s.id)
                ).scalar_one(),
            )
            for s in session.execute(select(WarningSnapshot).order_by(WarningSnapshot.as_of)).scalars()
        ]


def _triggers(store: Store) -> list[str]:
    """The store's triggers (SQLite's; PostgreSQL's by name)."""
    sql = (
        "SELECT name || sql FROM sqlite_master WHERE type = 'trigger'"
        if store.engine.dialect.name == "sqlite"
        else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    )
    with store.engine.connect() as conn:
        return sorted(conn.exec_driver_sql(sql).scalars())


def write(store: Store, *statements: object) -> None:
    """Change the store behind the services' back (another program, a hand-made SQL)."""
    with store.unit_of_work() as uow:
        for stmt in statements:
            uow.session.execute(stmt)  # type: ignore[call-overload]
        uow.commit()


def test_the_day_is_kept_and_read_back(
    store: Store, admin: Actor, county: dict[str, int], kept_only: None
) -> None:
    (kept,) = snapshots(store)
    assert kept[0] == DAY and kept[2] > 0
    assert_same(store, admin, DAY)
    assert_same(store, admin, DAY, filed_from=date(2025, 3, 1), filed_to=date(2025, 12, 31))
    assert snapshots(store) == [kept]


def test_changes_through_the_services_and_behind_them_are_counted(
    store: Store, admin: Actor, county: dict[str, int], kept_only: None
) -> None:
    s = assert_same(store, admin, DAY)
    open_warning = next(w for w in s.ruled if w.case_id and not w.handled)
    handle_warnings(
        store,
        admin,
        [WarningKey(open_warning.case_id, open_warning.code)],
        Disposal("已责令整改", "责令整改"),
        DAY,
    )
    assert_same(store, admin, DAY)
    write(store, update(Case).where(Case.id == county["M2"]).values(decided_on=None, served_on=None))
    assert_same(store, admin, DAY)
    write(store, delete(CaseOfficer).where(CaseOfficer.case_id == county["T1"], CaseOfficer.position > 0))
    assert_same(store, admin, DAY)
    entry.create_case(
        store,
        admin,
        CaseInput(
            "交罚〔2025〕9号",
            "县交通局",
            "行政处罚",
            "超限运输",
            "辛物流",
            date(2025, 11, 3),
            ("B001",),
            procedure="普通程序",
        ),
    )
    assert_same(store, admin, DAY)
    write(
        store,
        delete(CaseOfficer).where(CaseOfficer.case_id == county["M5"]),
        delete(Case).where(Case.id == county["M5"]),
    )
    assert_same(store, admin, DAY)
    ((_day, mark, _rows),) = snapshots(store)
    with store.reading() as session:  # folded in: the marks it took in are no longer kept
        assert mark > 0 and session.execute(select(func.count()).select_from(WarningStale)).scalar_one() == 0


@pytest.mark.parametrize("change", ["limits", "calendar"])
def test_a_change_to_every_case_drops_the_snapshots(
    store: Store, admin: Actor, county: dict[str, int], change: str
) -> None:
    assert snapshots(store)
    if change == "limits":
        current = supervision_settings.supervision_settings(store, admin)
        limits = replace(current.limits, decision_days=60)
        supervision_settings.save_limits(store, admin, current.version, limits)
    else:
        supervision_settings.set_calendar_override(store, admin, date(2025, 5, 6), None, False, "调休")
    assert snapshots(store) == []
    assert_same(store, admin, DAY)
    assert [s[0] for s in snapshots(store)] == [DAY]


def test_a_certificate_change_marks_the_officers_cases(
    store: Store, admin: Actor, county: dict[str, int], kept_only: None
) -> None:
    """A certificate's validity is read for its officer's cases only: those are decided again, the
    day stays kept, and the uncertified-officer warnings follow."""
    before = assert_same(store, admin, DAY)
    write(store, update(CertificateValidity).values(valid_to=date(2025, 1, 1)))
    after = assert_same(store, admin, DAY)
    uncertified = sum(t.total for t in after.tallies if t.code == "uncertified_officer")
    assert uncertified > sum(t.total for t in before.tallies if t.code == "uncertified_officer")
    assert [s[0] for s in snapshots(store)] == [DAY]


def test_an_imported_workbook_is_counted_from_the_kept_day(
    store: Store, admin: Actor, county: dict[str, int], kept_only: None, tmp_path: Path
) -> None:
    """The register import (SQLite's bulk path sets the marking triggers aside and marks in bulk):
    its cases, one officer each, counted with the kept day."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["案号", "执法主体", "案件类别", "案由", "当事人", "立案日期", "承办人员"])
    for n in range(5):
        sheet.append(
            [
                f"交检〔2025〕{n + 1}号",
                "县交通局",
                "行政检查",
                "日常检查",
                "某某物流",
                date(2025, 6, 2),
                "B001",
            ]
        )
    book.save(tmp_path / "cases.xlsx")
    before = assert_same(store, admin, DAY)
    triggers = _triggers(store)
    import_cases(store, admin, tmp_path / "cases.xlsx", dossier_folder=tmp_path)
    assert _triggers(store) == triggers  # set aside and back
    after = assert_same(store, admin, DAY)
    single = [sum(t.total for t in s.tallies if t.code == "single_officer") for s in (before, after)]
    assert single[1] == single[0] + 5


def test_a_change_made_while_the_day_was_decided_is_not_lost(
    store: Store, admin: Actor, county: dict[str, int]
) -> None:
    other = date(2026, 3, 2)
    mark = warning_snapshot.safe_mark(store)
    with store.reading() as session:
        rows = decide_all(session, other, load_limits(session), load_calendar(session))
    write(store, update(Case).where(Case.id == county["T2"]).values(legal_review_on=None))  # meanwhile
    warning_snapshot.keep(store, other, mark.id, rows)
    assert other in [s[0] for s in snapshots(store)]
    assert_same(store, admin, other)


def test_the_newest_days_are_kept(store: Store, admin: Actor, county: dict[str, int]) -> None:
    """Days before every kept one are decided whole and kept; the newest ``KEPT`` taken stay; a
    day carried forward moves its snapshot (the day it left is decided whole if asked again)."""
    days = [DAY - timedelta(days=n) for n in range(1, warning_snapshot.KEPT + 2)]
    for day in days:
        assert_same(store, admin, day)
    assert [s[0] for s in snapshots(store)] == sorted(days[-warning_snapshot.KEPT :])
    later = days[0] + timedelta(days=3)
    assert_same(store, admin, later)  # carried from days[0], which moves
    assert [s[0] for s in snapshots(store)] == sorted([*days[-warning_snapshot.KEPT :][1:], later])
    assert_same(store, admin, days[0])
    with store.reading() as session:
        orphans = session.execute(
            select(func.count())
            .select_from(WarningSnapshotRow)
            .where(WarningSnapshotRow.snapshot_id.not_in(select(WarningSnapshot.id)))
        ).scalar_one()
        kept_marks = session.execute(select(func.min(WarningSnapshot.stale_mark))).scalar_one()
        old_marks = session.execute(
            select(func.count()).select_from(WarningStale).where(WarningStale.id <= kept_marks)
        ).scalar_one()
    assert orphans == 0 and old_marks == 0


def test_every_path_that_changes_a_case_marks_it(store: Store, admin: Actor, county: dict[str, int]) -> None:
    def marked() -> set[int]:
        with store.reading() as session:
            return set(session.execute(select(WarningStale.case_id)).scalars())

    write(store, delete(WarningStale))
    write(store, text("UPDATE cases SET cause = cause || '。' WHERE id = :id").bindparams(id=county["M1"]))
    assert marked() == {county["M1"]}
    write(
        store,
        update(CaseOfficer).where(CaseOfficer.case_id == county["T1"]).values(position=CaseOfficer.position),
    )
    assert marked() == {county["M1"], county["T1"]}
    write(
        store, delete(WarningStale), update(CertificateValidity).values(valid_to=CertificateValidity.valid_to)
    )
    with store.reading() as session:
        on_cases = set(session.execute(select(CaseOfficer.case_id)).scalars())
    assert marked() == on_cases  # every case some officer is on
    write(store, delete(WarningStale))
    supervision_settings.set_calendar_override(store, admin, date(2025, 5, 6), None, False, "调休")
    assert marked() == {warning_snapshot.EVERYTHING}


def test_a_long_transaction_elsewhere_neither_blocks_nor_misleads(
    store: Store, admin: Actor, county: dict[str, int]
) -> None:
    """Another workstation's long transaction (an import) has marked a case and not committed:
    the summary comes back at once with what is committed, and keeps nothing it cannot vouch for."""
    before = snapshots(store)
    with store.engine.connect() as other:
        with other.begin():
            other.execute(update(Case).where(Case.id == county["T2"]).values(legal_review_on=None))
            started = time.monotonic()
            assert_same(store, admin, DAY)
            assert_same(store, admin, DAY + timedelta(days=1))
            assert time.monotonic() - started < 20  # not the import's minutes
            assert snapshots(store) == before  # nothing kept meanwhile
            other.rollback()
    assert_same(store, admin, DAY + timedelta(days=1))
