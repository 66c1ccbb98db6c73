"""``calendar import-notice FILE.txt [--dry-run]`` as CLI.md writes it, on both databases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import CalendarOverride
from desktop.models.db import open_store
from tests.helpers.cli import Desk
from tests.helpers.holiday_notices import NOTICE_2026, NOTICE_2027, package_days


@pytest.fixture
def desk(migrated_store, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    d = Desk(store_url, monkeypatch)
    code, _out, err = d("init", "--admin", "admin", user=None, new_password="Chief-2026")
    assert code == 0, err
    return d


def overrides(desk: Desk) -> tuple[tuple[date, bool], ...]:
    """The local calendar as the store now holds it: (day, working)."""
    store = open_store(desk.url)
    try:
        with store.reading() as session:
            rows = session.execute(
                select(CalendarOverride.day, CalendarOverride.working).order_by(CalendarOverride.day)
            )
            return tuple((r.day, r.working) for r in rows)
    finally:
        store.dispose()


def notice_file(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_dry_run_prints_the_year_and_its_days_and_stores_nothing(desk: Desk, tmp_path: Path) -> None:
    code, out, err = desk(
        "--json", "calendar", "import-notice", notice_file(tmp_path, NOTICE_2026), "--dry-run", user=None
    )
    assert code == 0, err
    document = json.loads(out)
    holidays, workdays = package_days(2026)
    assert document == {
        "year": 2026,
        "rest_days": [d.isoformat() for d in holidays],
        "work_days": [d.isoformat() for d in workdays],
    }
    assert overrides(desk) == ()


def test_import_stores_the_year_and_the_warnings_count_with_it(desk: Desk, tmp_path: Path) -> None:
    document = desk.json("calendar", "import-notice", notice_file(tmp_path, NOTICE_2027, "gb18030"))
    assert document["year"] == 2027 and len(document["work_days"]) == 4
    stored = overrides(desk)
    assert [day.isoformat() for day, working in stored if working] == document["work_days"]
    code, out, _err = desk("calendar", "import-notice", notice_file(tmp_path, NOTICE_2027))
    assert code == 0 and "2027" in out and "stored" in out


@pytest.mark.parametrize(
    "text",
    ["不是通知", "关于2026年部分节假日安排的通知\n元旦：1月1日（周五）放假"],
    ids=["no-year", "weekday"],
)
def test_text_it_cannot_read_exits_1_with_a_reason(desk: Desk, tmp_path: Path, text: str) -> None:
    code, out, err = desk("calendar", "import-notice", notice_file(tmp_path, text))
    assert code == 1 and out == ""
    assert "year" in err and "Traceback" not in err


def test_a_missing_file_exits_1(desk: Desk, tmp_path: Path) -> None:
    code, _out, err = desk("calendar", "import-notice", str(tmp_path / "none.txt"), "--dry-run", user=None)
    assert code == 1 and "not a file" in err
