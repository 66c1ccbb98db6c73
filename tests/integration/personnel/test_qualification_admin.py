"""The qualification settings (both databases): read with their version, saved for every
workstation (permission, audit, a stale version refused), checked field by field, and the preview
of the next number a pattern gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.accounts.audit import list_audit, verify_chain
from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.errors import Conflict, PermissionDenied, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.qualification_admin import (
    preview_number,
    qualification_settings,
    save_qualification_settings,
)
from desktop.personnel.qualification_settings import QualificationSettings
from desktop.personnel.service import create_agency, create_officer

pytestmark = pytest.mark.both_databases


def test_defaults_then_a_saved_change_audited_and_version_checked(store: Store, admin: Actor) -> None:
    first = qualification_settings(store, admin)
    assert first.settings == QualificationSettings() and first.updated_by == ""
    wanted = replace(first.settings, validity_years=6, training_gate=40, training_short_from="09-01")
    saved = save_qualification_settings(store, admin, first.version, wanted)
    assert saved.settings == wanted and saved.updated_by == admin.name
    assert saved.version != first.version
    with pytest.raises(Conflict):
        save_qualification_settings(store, admin, first.version, replace(wanted, validity_years=4))
    records = list_audit(store, admin, ListQuery(filters=(("action", "update"),))).items
    assert any(r.entity == "qualification_settings" for r in records)
    assert verify_chain(store).ok


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("validity_years", 0),
        ("training_target", 0),
        ("training_short_from", "02-30"),
        ("training_short_from", "7月1日"),
        ("number_template", "{region:6}{year:4}"),
        ("number_template", "{region:6}{seq:5}{month}"),
        ("region", ""),
    ],
)
def test_an_unusable_value_is_refused_naming_its_field(
    store: Store, admin: Actor, field: str, value: object
) -> None:
    state = qualification_settings(store, admin)
    with pytest.raises(ValidationError) as refused:
        save_qualification_settings(store, admin, state.version, replace(state.settings, **{field: value}))
    assert refused.value.field == field


def test_only_those_who_manage_certificates_may_change_them(store: Store, admin: Actor) -> None:
    create_user(store, admin, UserInput("reviewer1", "reviewer", "评查员"), "Chief-2026x")
    clerk = authenticate(store, "reviewer1", "Chief-2026x")
    state = qualification_settings(store, clerk)
    with pytest.raises(PermissionDenied):
        save_qualification_settings(store, clerk, state.version, replace(state.settings, validity_years=3))


def test_the_preview_is_the_next_free_number_of_the_pattern(store: Store, admin: Actor) -> None:
    settings = replace(QualificationSettings(), region="341122")
    assert preview_number(store, admin, settings, 2026) == "341122202600001"
    create_agency(
        store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局", field="市场监管", level="县")
    )
    create_officer(
        store,
        admin,
        OfficerInput(
            "张三",
            make_resident_id("341122", date(1980, 5, 17), 11),
            "县市场监管局",
            cert_number="341122202600001",
            cert_issued_on=date(2026, 1, 5),
            cert_expires_on=date(2031, 1, 4),
        ),
    )
    assert preview_number(store, admin, settings, 2026) == "341122202600002"
    other = replace(settings, number_template="ZF-{year:4}-{seq:3}")
    assert preview_number(store, admin, other, 2026) == "ZF-2026-001"
    with pytest.raises(ValidationError):
        preview_number(store, admin, replace(settings, number_template="{year:4}"), 2026)
