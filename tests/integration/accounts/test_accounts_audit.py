"""Accounts, lockout, the audit chain and optimistic locking, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.accounts.audit import count_records, list_audit, verify_chain
from desktop.accounts.service import (
    UserInput,
    authenticate,
    create_first_admin,
    create_user,
    has_users,
    list_users,
    reset_password,
    update_user,
)
from desktop.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    ValidationError,
)
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Role
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput
from desktop.personnel.service import create_agency, get_agency, update_agency


def test_first_admin_only_on_an_empty_store(store: Store) -> None:
    assert not has_users(store)
    admin = create_first_admin(store, "admin", "Chief-2026")
    assert admin.role is Role.ADMIN and has_users(store)
    with pytest.raises(PermissionDenied):
        create_first_admin(store, "second", "Chief-2026")


def test_wrong_password_refused_and_five_failures_lock_for_fifteen_minutes(
    store: Store, admin: Actor, clock
) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as info:
            authenticate(store, "admin", "wrong-1")
        assert not isinstance(info.value, AccountLocked)
    with pytest.raises(AccountLocked):
        authenticate(store, "admin", "wrong-1")
    with pytest.raises(AccountLocked):  # even the right password waits
        authenticate(store, "admin", "Chief-2026")
    clock.advance(minutes=16)
    assert authenticate(store, "admin", "Chief-2026").name == "admin"
    actions = [r.action for r in list_audit(store, admin, ListQuery(limit=None)).items]
    assert actions.count("login_failed") == 5 and "account_locked" in actions


def test_unknown_user_is_refused_like_a_wrong_password(store: Store, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed) as info:
        authenticate(store, "nobody", "whatever-1")
    assert "Wrong user name or password" in info.value.localized()


def test_admin_creates_accounts_reviewer_cannot(store: Store, admin: Actor) -> None:
    row = create_user(store, admin, UserInput("pingcha", "reviewer", "李评查"), "Review-2026")
    reviewer = authenticate(store, "pingcha", "Review-2026")
    assert reviewer.role is Role.REVIEWER and row.display_name == "李评查"
    with pytest.raises(PermissionDenied):
        create_user(store, reviewer, UserInput("x", "admin"), "Whatever-1")
    with pytest.raises(PermissionDenied):
        list_users(store, reviewer)


def test_scoped_roles_need_an_agency(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        create_user(store, admin, UserInput("caiji", "clerk"), "Clerk-2026")
    assert info.value.field == "agency"
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    row = create_user(store, admin, UserInput("caiji", "clerk", agency="县市场监管局"), "Clerk-2026")
    assert row.agency_name == "示范县市场监督管理局"


def test_reset_password_lifts_a_lock(store: Store, admin: Actor) -> None:
    user = create_user(store, admin, UserInput("jiandu", "supervisor"), "Super-2026")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            authenticate(store, "jiandu", "bad-pass-1")
    locked = next(u for u in list_users(store, admin).items if u.id == user.id)  # the row the admin sees
    reset_password(store, admin, user.id, locked.version, "Fresh-2026")
    assert authenticate(store, "jiandu", "Fresh-2026").name == "jiandu"


def test_admin_cannot_demote_themself(store: Store, admin: Actor) -> None:
    me = list_users(store, admin).items[0]
    with pytest.raises(ValidationError):
        update_user(store, admin, me.id, me.version, UserInput("admin", "supervisor"))


def test_every_change_is_audited_with_before_and_after(store: Store, admin: Actor) -> None:
    agency = create_agency(store, admin, AgencyInput("示范县交通运输局"))
    update_agency(store, admin, agency.id, agency.version, AgencyInput("示范县交通运输局", "县交通局"))
    last = list_audit(store, admin, ListQuery(limit=1)).items[0]
    assert (last.action, last.entity, last.entity_id) == ("update", "agency", str(agency.id))
    assert last.before["short_name"] is None and last.after["short_name"] == "县交通局"
    assert verify_chain(store).ok


@pytest.mark.parametrize(
    "tamper, broken",
    [
        ("UPDATE audit_records SET summary = 'nothing happened' WHERE id = 2", 2),
        ("DELETE FROM audit_records WHERE id = 2", 2),
        ("UPDATE audit_records SET id = id + 100 WHERE id = 2", 2),
        ("DELETE FROM audit_records WHERE id = (SELECT max(id) FROM audit_records)", None),
    ],
)
def test_an_edited_removed_or_reordered_record_is_detected(
    store: Store, admin: Actor, tamper: str, broken: int | None
) -> None:
    for name in ("甲局", "乙局", "丙局"):
        create_agency(store, admin, AgencyInput(name))
    total = count_records(store)
    assert verify_chain(store).ok
    with store.engine.begin() as conn:
        conn.execute(text(tamper))
    report = verify_chain(store)
    assert not report.ok
    assert report.broken_id == (broken if broken is not None else total)


def test_a_stale_write_from_another_workstation_is_a_conflict(
    store: Store, admin: Actor, store_url: str, clock
) -> None:
    agency = create_agency(store, admin, AgencyInput("示范县水利局"))
    other = Store(store_url, clock=clock)  # a second workstation
    try:
        seen_here = get_agency(store, admin, agency.id)
        seen_there = get_agency(other, admin, agency.id)
        update_agency(other, admin, agency.id, seen_there.version, AgencyInput("示范县水利局", "县水利局"))
        with pytest.raises(Conflict) as info:
            update_agency(store, admin, agency.id, seen_here.version, AgencyInput("示范县水利局", "水利"))
        assert "admin" in info.value.localized()
    finally:
        other.dispose()
    assert get_agency(store, admin, agency.id).short_name == "县水利局"


def test_a_stale_account_edit_from_another_workstation_is_a_conflict(
    store: Store, admin: Actor, store_url: str, clock
) -> None:  # type: ignore[no-untyped-def]
    user = create_user(store, admin, UserInput("jiandu", "supervisor", "监督员"), "Super-2026")
    other = Store(store_url, clock=clock)  # a second administrator's workstation
    try:
        seen_here = next(u for u in list_users(store, admin).items if u.id == user.id)
        seen_there = next(u for u in list_users(other, admin).items if u.id == user.id)
        update_user(other, admin, user.id, seen_there.version, UserInput("jiandu", "supervisor", "监督科"))
        with pytest.raises(Conflict, match="admin"):
            update_user(store, admin, user.id, seen_here.version, UserInput("jiandu", "reviewer", "评查员"))
        with pytest.raises(Conflict):
            reset_password(store, admin, user.id, seen_here.version, "Fresh-2026")
    finally:
        other.dispose()
    kept = next(u for u in list_users(store, admin).items if u.id == user.id)
    assert (kept.display_name, kept.role.value, kept.version) == (
        "监督科",
        "supervisor",
        seen_here.version + 1,
    )
    assert authenticate(store, "jiandu", "Super-2026").name == "jiandu"  # the password stayed


def test_logins_do_not_make_an_administrators_view_of_the_account_stale(store: Store, admin: Actor) -> None:
    user = create_user(store, admin, UserInput("jiandu", "supervisor"), "Super-2026")
    seen = next(u for u in list_users(store, admin).items if u.id == user.id)
    for _ in range(5):  # meanwhile the user fails five times and is locked out
        with pytest.raises(AuthenticationFailed):
            authenticate(store, "jiandu", "bad-pass-1")
    locked = next(u for u in list_users(store, admin).items if u.id == user.id)
    assert locked.locked_until and locked.version == seen.version
    reset_password(store, admin, user.id, seen.version, "Fresh-2026")  # not refused as stale
    assert authenticate(store, "jiandu", "Fresh-2026").name == "jiandu"
    assert next(u for u in list_users(store, admin).items if u.id == user.id).version == seen.version + 1


def test_concurrent_audit_writers_keep_one_chain(store: Store, admin: Actor, store_url: str, clock) -> None:
    import threading

    stores = [Store(store_url, clock=clock) for _ in range(2)]
    errors: list[BaseException] = []

    def work(st: Store, prefix: str) -> None:
        try:
            for i in range(10):
                create_agency(st, admin, AgencyInput(f"{prefix}局{i}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(st, p)) for st, p in zip(stores, "AB", strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for st in stores:
        st.dispose()
    assert not errors
    report = verify_chain(store)
    assert report.ok and report.checked == 21
