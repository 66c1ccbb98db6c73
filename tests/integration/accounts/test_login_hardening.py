"""Issue 16, accounts: logins of one account never conflict, strong passwords (a store setting),
unknown names kept out of the audit, user names one account in any case and nothing invisible,
and masked 身份证号 that cannot be searched for. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from desktop.accounts import service
from desktop.accounts.audit import list_audit, verify_chain
from desktop.accounts.service import (
    UserInput,
    authenticate,
    change_own_password,
    create_user,
    list_users,
    reset_password,
    update_user,
)
from desktop.core.errors import AuthenticationFailed, ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, hash_password
from desktop.models import StoreSetting, User
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer, list_officers

PASSWORD = "Chief-2026"  # the ``admin`` fixture's


def account(store: Store, admin: Actor, name: str):
    return next(u for u in list_users(store, admin).items if u.name == name)


# -- 11: login bookkeeping ---------------------------------------------------------------------


def test_two_logins_of_one_account_at_once_both_succeed_and_keep_its_version(
    store: Store, admin: Actor, monkeypatch
) -> None:
    before = account(store, admin, "admin")
    # PostgreSQL: both logins have read the account before either writes (SQLite writers take
    # the write lock when they begin, so there the two run one after the other by design).
    barrier = threading.Barrier(2) if store.kind == "postgresql" else None
    real_verify = service.verify_password

    def verify_then_meet(password: str, stored: str) -> bool:
        ok = real_verify(password, stored)
        if barrier is not None:
            barrier.wait(timeout=60)
        return ok

    monkeypatch.setattr(service, "verify_password", verify_then_meet)
    done: list[Actor] = []
    failed: list[BaseException] = []

    def log_in() -> None:
        try:
            done.append(authenticate(store, "admin", PASSWORD))
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            failed.append(exc)

    threads = [threading.Thread(target=log_in) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert failed == [] and len(done) == 2
    after = account(store, admin, "admin")
    assert after.version == before.version and after.last_login_at is not None
    # an administrator's edit made with the version read before the logins still saves
    update_user(store, admin, after.id, before.version, UserInput("admin", "admin", "系统管理员 甲"))
    assert verify_chain(store).ok


def test_failed_logins_count_and_lock_without_moving_the_version(store: Store, admin: Actor) -> None:
    before = account(store, admin, "admin")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            authenticate(store, "admin", "Wrong-pass-1")
    locked = account(store, admin, "admin")
    assert locked.locked_until is not None and locked.version == before.version


# -- 13: passwords -----------------------------------------------------------------------------


def test_weak_passwords_are_refused_naming_the_rule(store: Store, admin: Actor) -> None:
    cases = {
        " " * 12: "only spaces",
        "." * 8: "at least 10 characters",
        "." * 12: "at least 3 of these",
        "abcdefghijk": "at least 3 of these",
        "Xiaoming-2026": "must not contain the user name",
        "P@ssw0rd123": "well-known passwords",
    }
    for password, words in cases.items():
        with pytest.raises(ValidationError) as info:
            create_user(store, admin, UserInput("XiaoMing", "supervisor"), password)
        assert words in info.value.localized() and info.value.field == "password", password
    with pytest.raises(ValidationError, match="user name"):
        reset_password(store, admin, admin.id, _version(store, admin), "Admin-2026x")
    with pytest.raises(ValidationError, match="user name"):
        change_own_password(store, admin, PASSWORD, "ADMIN-2026x")
    create_user(store, admin, UserInput("xiaoming", "supervisor"), "Zhifa-2026")


def test_the_password_rule_is_a_store_setting_and_old_passwords_still_log_in(
    store: Store, admin: Actor
) -> None:
    with store.unit_of_work() as uow:
        uow.session.add(StoreSetting(key="security.password_min_length", value="14", updated_by="admin"))
        uow.session.add(
            User(name="old", display_name="old", role="supervisor", password_hash=hash_password("weak"))
        )
        uow.commit()
    with pytest.raises(ValidationError, match="at least 14 characters"):
        create_user(store, admin, UserInput("jiandu", "supervisor"), "Zhifa-2026")
    create_user(store, admin, UserInput("jiandu", "supervisor"), "Zhifa-2026-long")
    assert authenticate(store, "old", "weak").name == "old"  # the rule applies when one is set


def test_the_password_messages_are_translated() -> None:
    from desktop.core import i18n
    from desktop.core.security import check_password_rules

    i18n.set_language("zh_CN")
    try:
        for password in (" " * 12, "short", "abcdefghijk", "Admin-2026x", "P@ssw0rd123"):
            with pytest.raises(ValidationError) as info:
                check_password_rules(password, "admin")
            assert info.value.localized() != info.value.english(), password
    finally:
        i18n.set_language("en")


# -- 14: an unknown name in the audit ----------------------------------------------------------


def test_an_unknown_name_is_audited_shortened_and_marked_unknown(store: Store, admin: Actor) -> None:
    typed = "S3cret-Pa55word-typed-into-the-name-field" * 3  # 123 characters
    with pytest.raises(AuthenticationFailed):
        authenticate(store, typed, "whatever-1")
    with pytest.raises(AuthenticationFailed):
        authenticate(store, "x" * 5000, "whatever-1")
    records = [r for r in list_audit(store, admin, ListQuery(limit=None)).items if r.action == "login_failed"]
    assert len(records) == 2
    first = records[-1]
    assert first.actor == "?" and first.summary == f"S3…({len(typed)})"
    assert first.after == {"known_account": False, "name_hint": first.summary, "active": False}
    for rec in records:
        assert "cret" not in rec.actor + rec.summary + str(rec.after) and "xxx" not in rec.summary
    assert verify_chain(store).ok


# -- 7: user names -----------------------------------------------------------------------------


def test_user_names_are_one_account_in_any_case(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="already exists") as info:
        create_user(store, admin, UserInput("Admin", "supervisor"), "Zhifa-2026")
    assert info.value.field == "name"
    assert authenticate(store, "ADMIN", PASSWORD).name == "admin"
    create_user(store, admin, UserInput("LiMing", "supervisor"), "Zhifa-2026")
    assert authenticate(store, "liming", "Zhifa-2026").name == "LiMing"


@pytest.mark.parametrize(
    "bad", ["li\u200bming", "li\u202eming", "li\x07ming", "\ufeffliming", "li\u2066ming"]
)
def test_invisible_characters_in_names_are_refused(store: Store, admin: Actor, bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        create_user(store, admin, UserInput(bad, "supervisor"), "Zhifa-2026")
    assert info.value.field == "name"
    with pytest.raises(ValidationError) as info:
        create_user(store, admin, UserInput("liming", "supervisor", display_name=f"李{bad}明"), "Zhifa-2026")
    assert info.value.field == "display_name"
    row = account(store, admin, "admin")
    with pytest.raises(ValidationError) as info:
        update_user(store, admin, row.id, row.version, UserInput("admin", "admin", display_name=bad))
    assert info.value.field == "display_name"


# -- 15: masked 身份证号 ------------------------------------------------------------------------


def test_a_role_that_sees_the_id_number_masked_cannot_search_by_its_digits(
    store: Store, admin: Actor
) -> None:
    number = make_resident_id("341122", date(1976, 5, 29), 1)
    create_agency(store, admin, AgencyInput("示范县市场监督管理局", "县市场监管局"))
    create_officer(
        store,
        admin,
        OfficerInput(
            "张三",
            number,
            "县市场监管局",
            cert_number="JD-7001",
            cert_issued_on=date(2023, 1, 1),
            cert_expires_on=date(2028, 1, 1),
        ),
    )
    create_user(store, admin, UserInput("danwei", "agency", agency="县市场监管局"), "Lianluo-2026")
    create_user(store, admin, UserInput("peixun", "trainer"), "Training-2026")
    agency_user = authenticate(store, "danwei", "Lianluo-2026")
    trainer = authenticate(store, "peixun", "Training-2026")

    def names(actor: Actor, search: str, sort: str | None = None) -> list[str]:
        return [o.name for o in list_officers(store, actor, ListQuery(search=search, sort=sort)).items]

    assert list_officers(store, agency_user).items[0].id_number == number[:6] + "********" + number[-4:]
    for digits in ("19760529", "0529", number, number[:10]):
        assert names(agency_user, digits) == [], digits
    assert names(agency_user, "张三") == ["张三"] and names(agency_user, "JD-7001") == ["张三"]
    assert names(trainer, "19760529") == ["张三"] and names(admin, "19760529") == ["张三"]


def _version(store: Store, admin: Actor) -> int:
    """The administrator's own account version, as the users page shows it."""
    return next(u.version for u in list_users(store, admin).items if u.id == admin.id)
