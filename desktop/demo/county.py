"""The demo county (示范县): agencies, officers with certificates and one account per role.

Deterministic (seeded) and idempotent: running it again adds only what is missing. Later
areas add their own parts (cases, dossiers, rubrics, question bank, footage).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.service import USER_AUDITED_FIELDS as USER_FIELDS
from desktop.core.clock import utc_iso
from desktop.core.errors import Cancelled
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.core.security import Actor, Permission, Role, hash_password, require
from desktop.models import Agency, Certificate, Officer, User
from desktop.models.db import Store
from desktop.personnel.service import AGENCY_FIELDS_AUDITED, officer_snapshot

DEMO_SEED = 2026
DEMO_PASSWORD = "Demo-2026"
"""The password of every demo account (documented in the README; change it in real use)."""

COUNTY_CODE = "341122"
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
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉鹏飞玉兰海燕波宁晨凯琳欣悦浩然宇轩子涵梓萱一诺俊杰思远雨桐晓东春梅学文永庆长江卫东"
POSITIONS = ("科员", "副科长", "科长", "执法队员", "中队长", "副局长", "大队长", "四级主任科员")


@dataclass(frozen=True)
class DemoSummary:
    """What the demo added (zero everywhere on a second run)."""

    agencies: int
    officers: int
    accounts: int
    cases: int = 0
    dossiers: int = 0
    campaigns: int = 0

    def as_dict(self) -> dict:
        """The JSON shape of ``demo --json``."""
        return {
            "agencies": self.agencies,
            "officers": self.officers,
            "accounts": self.accounts,
            "cases": self.cases,
            "dossiers": self.dossiers,
            "campaigns": self.campaigns,
            "password": DEMO_PASSWORD if self.accounts else None,
        }

    def lines(self) -> list[str]:
        """What ``demo`` prints."""
        text = translate(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli", "Demo county: {agencies} agencies, {officers} officers and {accounts} accounts added."
            ),
        )
        lines = [
            text.format(agencies=self.agencies, officers=self.officers, accounts=self.accounts),
            translate(
                "cli",
                QT_TRANSLATE_NOOP("cli", "Demo cases: {cases} cases and {dossiers} dossier PDFs added."),
            ).format(cases=self.cases, dossiers=self.dossiers),
            translate("cli", QT_TRANSLATE_NOOP("cli", "Demo review campaigns added: {n}.")).format(
                n=self.campaigns
            ),
        ]
        if self.accounts:
            lines.append(
                translate(
                    "cli", QT_TRANSLATE_NOOP("cli", "Demo accounts {names} have the password {password}.")
                ).format(names=", ".join(a[0] for a in ACCOUNTS), password=DEMO_PASSWORD)
            )
        return lines


def load_demo(
    store: Store,
    actor: Actor,
    *,
    dossier_dir: Path | None = None,
    dossier_limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Add the demo county to the store (administrators only; idempotent).

    Agencies, officers, accounts and the case register go in one unit of work; then, when
    ``dossier_dir`` is given, the missing dossier PDFs are written there (outside the
    transaction, ``progress(done, total)`` after each) and recorded in a second one. Cancel
    before the first commit changes nothing; cancel during the PDFs keeps those written.
    """
    from desktop.demo import cases as demo_cases

    require(actor, Permission.LOAD_DEMO)
    require(actor, Permission.MANAGE_USERS)
    today = store.clock.today()
    with store.unit_of_work() as uow:
        session = uow.session
        changes: list[audit.Change] = []
        agencies = _agencies(session, store, actor, changes)
        officers = _officers(session, store, actor, agencies, today, changes)
        accounts = _accounts(session, store, actor, agencies, changes)
        if cancelled is not None and cancelled():
            raise Cancelled()
        cases = demo_cases.add_demo_cases(
            session, store, actor, agencies, today, changes, rng=random.Random(f"{DEMO_SEED}-cases")
        )
        audit.record_many(session, store, actor.name, changes)
        if cancelled is not None and cancelled():
            raise Cancelled()
        uow.commit()
    dossiers = 0
    if dossier_dir is not None:
        dossiers = demo_cases.add_demo_dossiers(
            store,
            actor,
            dossier_dir,
            progress=progress,
            cancelled=cancelled,
            limit=demo_cases.DOSSIER_COUNT if dossier_limit is None else dossier_limit,
        )
    from desktop.core.paths import user_data_dir
    from desktop.demo.review import add_demo_review

    campaigns = 0
    if cancelled is None or not cancelled():
        feedback_dir = (dossier_dir.parent if dossier_dir is not None else user_data_dir()) / "feedback"
        campaigns = add_demo_review(store, actor, feedback_dir, today).campaigns
    return DemoSummary(
        sum(1 for c in changes if c.entity == "agency"), officers, accounts, cases, dossiers, campaigns
    )


def _agencies(session: Session, store: Store, actor: Actor, changes: list[audit.Change]) -> dict[str, Agency]:
    existing = {a.name: a for a in session.execute(select(Agency)).scalars()}
    for index, (name, short, field, level, _n) in enumerate(AGENCIES, 1):
        if name in existing:
            continue
        code = make_credit_code(f"1134{COUNTY_CODE[2:]}{index:03d}0{index:05d}"[:17].ljust(17, "0"))
        agency = Agency(
            name=name,
            short_name=short,
            credit_code=code,
            field=field,
            level=level,
            updated_at=utc_iso(store.clock.now()),
            updated_by=actor.name,
        )
        session.add(agency)
        session.flush()
        existing[name] = agency
        changes.append(
            audit.Change(
                "create", "agency", agency.id, None, audit.snapshot(agency, AGENCY_FIELDS_AUDITED), name
            )
        )
    return {a.short_name or a.name: a for a in existing.values()}


def _officers(
    session: Session,
    store: Store,
    actor: Actor,
    agencies: dict[str, Agency],
    today: date,
    changes: list[audit.Change],
) -> int:
    known = set(session.execute(select(Officer.id_number)).scalars())
    added, seq = 0, 0
    for index, (_name, short, field, _level, count) in enumerate(AGENCIES, 1):
        agency = agencies[short]
        for n in range(count):
            seq += 1
            rng = random.Random(f"{DEMO_SEED}-{index}-{n}")  # each officer the same on every run
            birth = date(1966, 1, 1) + timedelta(days=rng.randrange(0, 365 * 32))
            id_number = make_resident_id(COUNTY_CODE, birth, seq % 1000)
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            if id_number in known:
                continue
            gender = "男" if int(id_number[16]) % 2 else "女"
            officer = Officer(
                name=name,
                id_number=id_number,
                gender=gender,
                agency_id=agency.id,
                position=rng.choice(POSITIONS),
                category=field,
                region="示范县" if agency.level == "县" else agency.short_name,
                updated_at=utc_iso(store.clock.now()),
                updated_by=actor.name,
            )
            officer.certificates.append(_certificate(rng, today, index, n))
            session.add(officer)
            session.flush()
            known.add(id_number)
            added += 1
            changes.append(
                audit.Change("create", "officer", officer.id, None, officer_snapshot(officer), name)
            )
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


def _certificate(rng: random.Random, today: date, agency_index: int, n: int) -> Certificate:
    issued, expires, status = certificate_terms(rng, today)
    return Certificate(
        number=f"{COUNTY_CODE}{agency_index:02d}{n + 1:05d}",
        issued_on=issued,
        expires_on=expires,
        status=status,
        current=True,
    )


def _accounts(
    session: Session,
    store: Store,
    actor: Actor,
    agencies: dict[str, Agency],
    changes: list[audit.Change],
) -> int:
    known = set(session.execute(select(User.name)).scalars())
    password_hash = hash_password(DEMO_PASSWORD)
    added = 0
    for name, display, role, agency_short in ACCOUNTS:
        if name in known:
            continue
        user = User(
            name=name,
            display_name=display,
            role=role.value,
            agency_id=agencies[agency_short].id if agency_short else None,
            password_hash=password_hash,
            updated_at=utc_iso(store.clock.now()),
            updated_by=actor.name,
        )
        session.add(user)
        session.flush()
        added += 1
        changes.append(audit.Change("create", "user", user.id, None, audit.snapshot(user, USER_FIELDS), name))
    return added
