"""The input limits as a store-wide setting (issue 16): an administrator changes them (audited,
bounded, version-checked), and what is changed is obeyed — by an import's row and problem
limits, by the plausible years of a date entered, and by ``--as-of`` — on both databases."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.accounts.input_settings import (
    apply_input_limits,
    input_settings,
    load_input_limits,
    save_input_limits,
)
from desktop.accounts.service import create_first_admin
from desktop.cli.main import main as cli
from desktop.core.errors import Conflict, ImportRefused, PermissionDenied, ValidationError
from desktop.core.input_limits import InputLimits, in_force, put_in_force
from desktop.core.security import Role
from desktop.models import AuditRecord, StoreSetting
from desktop.personnel.dto import OfficerInput
from desktop.personnel.exchange import import_agencies
from desktop.personnel.service import create_officer
from tests.helpers.pages import make_actor, resident_id, seed_agencies


def agencies_book(path: Path, names: list[str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "层级"])
    for name in names:
        sheet.append([name, "星球" if name.startswith("坏") else "县"])
    book.save(path)
    return path


def change(store, admin, **values: int):
    return save_input_limits(store, admin, input_settings(store, admin).version, InputLimits(**values))


def test_defaults_until_changed_then_who_and_when_and_one_audit_record(store, admin) -> None:
    shown = input_settings(store, admin)
    assert shown.limits == InputLimits() and shown.updated_by == "" and shown.version == 0
    saved = change(store, admin, import_rows=5000, years_ahead=10)
    assert saved.limits == InputLimits(import_rows=5000, years_ahead=10)
    assert saved.updated_by == "admin" and saved.version > shown.version
    assert in_force() == saved.limits  # obeyed here at once
    with store.reading() as session:
        (record,) = session.execute(select(AuditRecord).where(AuditRecord.entity == "input_limits")).scalars()
        assert '"import_rows":5000' in record.after and '"import_rows":200000' in record.before


def test_only_an_administrator_changes_them_within_bounds_on_the_version_shown(store, admin) -> None:
    supervisor = make_actor(store, admin, "jiandu", Role.SUPERVISOR)
    version = input_settings(store, admin).version
    with pytest.raises(PermissionDenied):
        save_input_limits(store, supervisor, version, InputLimits(import_rows=10))
    for bad in ({"import_rows": 0}, {"import_rows": 2_000_000}, {"earliest_year": 1800}, {"years_ahead": -1}):
        with pytest.raises(ValidationError) as info:
            save_input_limits(store, admin, version, InputLimits(**bad))
        assert info.value.field == next(iter(bad))
    change(store, admin, import_rows=10)
    with pytest.raises(Conflict):
        save_input_limits(store, admin, version, InputLimits(import_rows=20))
    assert input_settings(store, admin).limits.import_rows == 10


def test_an_import_obeys_the_stored_row_and_problem_limits(store, admin, tmp_path: Path) -> None:
    change(store, admin, import_rows=3)
    put_in_force(InputLimits())  # another workstation: the import reads the store's limits itself
    with pytest.raises(ValidationError) as info:
        import_agencies(store, admin, agencies_book(tmp_path / "a.xlsx", [f"甲局{i}" for i in range(4)]))
    assert "has more than 3 rows" in info.value.english()
    assert (
        import_agencies(store, admin, agencies_book(tmp_path / "b.xlsx", ["甲局", "乙局", "丙局"])).imported
        == 3
    )
    change(store, admin, import_rows=100, import_errors=2)
    put_in_force(InputLimits())
    with pytest.raises(ImportRefused) as refused:
        import_agencies(store, admin, agencies_book(tmp_path / "c.xlsx", [f"坏局{i}" for i in range(6)]))
    assert (
        len(refused.value.errors) == 3
        and refused.value.errors[-1].message == "Checking stopped after 2 problems."
    )


def test_the_plausible_years_follow_the_setting(store, admin, clock) -> None:
    agency = seed_agencies(store, admin)[0]
    far = OfficerInput(
        "远期", resident_id(41), agency.id, cert_number="Y-1",
        cert_issued_on=date(2026, 1, 1), cert_expires_on=date(2036, 1, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as info:
        create_officer(store, admin, far)
    assert "outside the years 1990 to 2031" in info.value.english()
    change(store, admin, years_ahead=10)
    assert create_officer(store, admin, far).cert_expires_on == date(2036, 1, 1)


def test_as_of_follows_the_stored_years(migrated_store, store_url: str, monkeypatch) -> None:
    admin = create_first_admin(migrated_store, "admin", "Chief-2026", "管理员")
    change(migrated_store, admin, earliest_year=2000, years_ahead=10)
    put_in_force(InputLimits())
    monkeypatch.setenv("DESK_PASSWORD", "Chief-2026")

    def run(day: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        code = cli(
            ["--store", store_url, "--user", "admin", "--lang", "en", "--as-of", day, "cases", "warnings"],
            out,
            err,
        )
        return code, err.getvalue()

    code, err = run("1995-06-01")
    assert code == 2 and "outside the years 2000 to" in err
    assert run("2034-06-01")[0] == 0  # beyond the default five years, within the ten set


def test_unreadable_stored_values_fall_back_to_the_defaults(store, admin) -> None:
    with store.unit_of_work() as uow:
        uow.session.add(StoreSetting(key="input.import_rows", value="lots", updated_at="", updated_by="x"))
        uow.session.add(StoreSetting(key="input.years_ahead", value="999", updated_at="", updated_by="x"))
        uow.commit()
    with store.reading() as session:
        assert load_input_limits(session) == InputLimits()
    assert apply_input_limits(store) == InputLimits()
