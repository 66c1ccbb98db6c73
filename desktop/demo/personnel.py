"""The demo county's people: its agencies (执法主体), their officers with a 执法证 each, and one
account per role (``DEMO_PASSWORD``).

Written through the services a person would use (``personnel.service.create_agency`` and
``create_officer``, ``accounts.service.create_user``), one audited unit of work each, so the demo
passes the same checks as anything entered by hand. Deterministic from ``DEMO_SEED`` and
idempotent: an agency, officer (by ID number) or account already there is left alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from desktop.accounts.service import UserInput, create_user
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.core.security import Actor, Role
from desktop.demo.seed import COUNTY_CODE, DEMO_SEED, GIVEN, SURNAMES
from desktop.models import Officer, User
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, AgencyRow, OfficerInput
from desktop.personnel.service import create_agency, create_officer, list_agencies

DEMO_PASSWORD = "Demo-2026!x"
"""The password of every demo account (documented in the README; change it in real use)."""

AGENCIES = (
    # name, short name, field, level, officers
    ("示范县市场监督管理局", "县市场监管局", "市场监管", "县", 26),
    ("示范县生态环境分局", "县环境分局", "生态环境", "县", 14),
    ("示范县交通运输局", "县交通局", "交通运输", "县", 16),
    ("示范县城市管理综合行政执法局", "县城管执法局", "城市管理", "县", 24),
    ("示范县农业农村局", "县农业农村局", "农业农村", "县", 15),
    ("示范县文化旅游体育局", "县文旅体局", "文化市场", "县", 11),
    ("示范县应急管理局", "县应急局", "应急管理", "县", 12),
    ("示范县卫生健康委员会", "县卫健委", "卫生健康", "县", 13),
    ("示范县自然资源和规划局", "县自然资源局", "自然资源", "县", 14),
    ("示范县水利局", "县水利局", "其他", "县", 9),
    ("示范县城关镇人民政府", "城关镇政府", "其他", "乡镇", 8),
    ("示范县临河镇人民政府", "临河镇政府", "其他", "乡镇", 7),
)
ACCOUNTS = (
    # name, display name, role, agency short name
    ("guanli", "赵管理", Role.ADMIN, None),
    ("jiandu", "王监督", Role.SUPERVISOR, None),
    ("pingcha", "李评查", Role.REVIEWER, "县环境分局"),
    ("pingcha2", "周评审", Role.REVIEWER, None),
    ("pingcha3", "吴评审", Role.REVIEWER, "县交通局"),
    ("peixun", "陈培训", Role.TRAINER, None),
    ("caiji", "刘采集", Role.CLERK, "县城管执法局"),
    ("danwei", "孙联络", Role.AGENCY, "县市场监管局"),
)
POSITIONS = ("科员", "副科长", "科长", "执法队员", "中队长", "副局长", "大队长", "四级主任科员")


@dataclass(frozen=True)
class PeopleAdded:
    """What ``add_demo_people`` added, and the demo agencies by short name (with their ids)."""

    agencies: int
    officers: int
    accounts: int
    by_short_name: dict[str, AgencyRow]


def add_demo_people(store: Store, actor: Actor, today: date) -> PeopleAdded:
    """Add the missing demo agencies, officers and accounts (see the module docstring)."""
    existing = {a.name: a for a in list_agencies(store, actor).items}
    added_agencies = 0
    for index, (name, short, field, level, _n) in enumerate(AGENCIES, 1):
        if name in existing:
            continue
        code = make_credit_code(f"1134{COUNTY_CODE[2:]}{index:03d}0{index:05d}"[:17].ljust(17, "0"))
        existing[name] = create_agency(store, actor, AgencyInput(name, short, code, field, level))
        added_agencies += 1
    agencies = {a.short_name or a.name: a for a in existing.values()}
    officers = _officers(store, actor, agencies, today)
    accounts = _accounts(store, actor, agencies)
    return PeopleAdded(added_agencies, officers, accounts, agencies)


def _officers(store: Store, actor: Actor, agencies: dict[str, AgencyRow], today: date) -> int:
    with store.reading() as session:
        known = set(session.execute(select(Officer.id_number)).scalars())
    added, seq = 0, 0
    for index, (_name, short, field, level, count) in enumerate(AGENCIES, 1):
        agency = agencies[short]
        for n in range(count):
            seq += 1
            rng = random.Random(f"{DEMO_SEED}-{index}-{n}")  # each officer the same on every run
            birth = date(1966, 1, 1) + timedelta(days=rng.randrange(0, 365 * 32))
            id_number = make_resident_id(COUNTY_CODE, birth, seq % 1000)
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            if id_number in known:
                continue
            position = rng.choice(POSITIONS)
            issued, expires, status = certificate_terms(rng, today)
            data = OfficerInput(
                name=name,
                id_number=id_number,
                agency=agency.id,
                gender="男" if int(id_number[16]) % 2 else "女",
                position=position,
                category=field,
                region="示范县" if level == "县" else agency.short_name,
                cert_number=f"{COUNTY_CODE}{index:02d}{n + 1:05d}",
                cert_issued_on=issued,
                cert_expires_on=expires,
                cert_status=status,
            )
            create_officer(store, actor, data)
            known.add(id_number)
            added += 1
    return added


def certificate_terms(rng: random.Random, today: date) -> tuple[date, date, str]:
    """Issue date, expiry and status of a plausible 执法证 (five years' validity): mostly valid for
    years, about one in twelve expiring within 60 days, one in fifteen expired, a few suspended."""
    roll = rng.random()
    if roll < 0.08:
        expires = today + timedelta(days=rng.randrange(5, 60))
    elif roll < 0.15:
        expires = today - timedelta(days=rng.randrange(10, 400))
    else:
        expires = today + timedelta(days=rng.randrange(90, 365 * 4))
    return expires - timedelta(days=365 * 5), expires, "suspended" if roll > 0.985 else "active"


def _accounts(store: Store, actor: Actor, agencies: dict[str, AgencyRow]) -> int:
    with store.reading() as session:
        known = set(session.execute(select(User.name)).scalars())
    added = 0
    for name, display, role, agency_short in ACCOUNTS:
        if name in known:
            continue
        agency = agencies[agency_short].id if agency_short else None
        create_user(store, actor, UserInput(name, role, display, agency), DEMO_PASSWORD)
        added += 1
    return added
