"""Published results (both databases): the list says which set and version, which period, when and
by whom; a result opens as it was published (every number and its working, not recomputed after
the store changed or the set got a new version) and exports to a workbook."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.core.errors import NotFound, PermissionDenied
from desktop.core.security import Actor, Role
from desktop.models import Agency
from desktop.models.db import Store
from desktop.reports.assessment import assess
from desktop.reports.indicators import default_set, set_document
from desktop.reports.published import export_published, list_published, open_published
from desktop.reports.sets import find_set, publish, save_set
from tests.helpers.pages import make_actor
from tests.helpers.report_county import MARKET, TRANSPORT, make_report_county


def year(store: Store, admin: Actor) -> int:
    result = assess(store, admin, date(2025, 1, 1), date(2025, 12, 31), find_set(store, admin))
    return publish(store, admin, result)


def test_the_list_and_a_result_as_published(store: Store, admin: Actor, tmp_path: Path) -> None:
    make_report_county(store, admin)
    assert list_published(store, admin) == ()
    first = year(store, admin)
    doc = set_document(default_set())
    doc["indicators"][0]["weight"] = "10"
    save_set(store, admin, doc)
    second = year(store, admin)
    rows = list_published(store, admin)
    assert [r.id for r in rows] == [second, first]  # the newest first
    assert [(r.set_name, r.set_version) for r in rows] == [("default", 2), ("default", 1)]
    assert rows[1].period_from == date(2025, 1, 1) and rows[1].period_to == date(2025, 12, 31)
    assert rows[1].published_by == admin.name and rows[1].agencies == 2
    assert rows[1].set_sha256 == default_set().sha256
    found = open_published(store, admin, first)
    a = found.assessment
    assert (a.indicator_set.name, a.indicator_set.version) == ("default", 1)
    assert a.indicator_set.sha256 == default_set().sha256  # the set it was computed with
    assert [(g.agency, g.total, g.rank) for g in a.agencies] == [
        (TRANSPORT, Decimal("87.76"), 1),
        (MARKET, Decimal("18.84"), 2),
    ]
    cert = next(s for s in a.agencies[1].indicators if s.key == "cert_rate")
    assert (cert.numerator, cert.denominator, cert.value) == (Decimal(1), 3, Decimal("33.33"))
    assert "1 / 3 = 33.33%" in cert.working
    assert [(b.ref, b.label, b.counted) for b in cert.rows][:1] == [("A001", "张三", True)]
    assert export_published(store, admin, first, tmp_path / "发布.xlsx") == 2
    book = openpyxl.load_workbook(tmp_path / "发布.xlsx")
    assert book.sheetnames == ["封面", "考核排名", "计算过程", "明细"]
    cover = {r[0]: r[1] for r in book["封面"].iter_rows(values_only=True) if r and r[0]}
    assert cover["指标体系"] == "default v1" and cover["发布人"]


def test_who_may_read_and_a_missing_result(store: Store, admin: Actor) -> None:
    make_report_county(store, admin)
    with pytest.raises(NotFound):
        open_published(store, admin, 99)
    first = year(store, admin)
    trainer = make_actor(store, admin, "peixun01", Role.TRAINER)
    with pytest.raises(PermissionDenied):
        list_published(store, trainer)
    with pytest.raises(PermissionDenied):
        open_published(store, trainer, first)


def test_an_agency_user_sees_their_row_only(store: Store, admin: Actor) -> None:
    make_report_county(store, admin)
    first = year(store, admin)
    with store.reading() as session:
        market = session.execute(select(Agency.id).where(Agency.name == MARKET)).scalar_one()
    user = make_actor(store, admin, "danwei01", Role.AGENCY, market)
    a = open_published(store, user, first).assessment
    assert [(g.agency, g.rank) for g in a.agencies] == [(MARKET, 2)]
