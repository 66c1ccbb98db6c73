"""The demo county's powers, inspections and case sources (issue 15), through the services: a
catalogue of plausible powers for the agencies of four fields (written for the demo, with their
bands), 2,000 inspection targets, two 双随机 plans (one with its results, some published late),
and case sources (some undecided past their limit). The year from which a penalty needs its
power is set to next year, as a county introducing its catalogue would (no history flooded).

Seeded and idempotent: nothing is added when the store already holds a catalogue.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from desktop.cases.corrections import case_input, edit_case
from desktop.cases.supervision_settings import save_limits, supervision_settings
from desktop.core.identifiers import make_credit_code
from desktop.core.security import Actor
from desktop.demo.seed import DEMO_SEED
from desktop.io.xlsx import write_workbook
from desktop.models import Agency, Case, Power
from desktop.models.db import Store
from desktop.powers.catalogue import POWER_COLUMNS, import_powers
from desktop.powers.inspection_results import RESULT_COLUMNS, import_results
from desktop.powers.inspections import create_plan
from desktop.powers.leads import LEAD_COLUMNS, import_leads
from desktop.powers.targets import TARGET_COLUMNS, import_targets

FINE = "罚款"
Band = tuple[str, str, int | None, int | None]
CATALOGUE: dict[str, list[tuple[str, str, str, list[Band]]]] = {
    # agency short name: [(code, name, legal basis, bands: [(band, kinds, low, high)])]
    "县市场监管局": [
        (
            "341122-SC-001",
            "对未取得食品经营许可从事食品经营活动的处罚",
            "《中华人民共和国食品安全法》第一百二十二条",
            [
                ("不予处罚", "", None, None),
                ("减轻", "警告、罚款", 1000, 5000),
                ("从轻", "罚款、没收违法所得", 5000, 50000),
                ("一般", "罚款、没收违法所得", 50000, 100000),
                ("从重", "罚款、没收违法所得、没收非法财物", 100000, 200000),
            ],
        ),
        (
            "341122-SC-002",
            "对经营超过保质期的食品的处罚",
            "《中华人民共和国食品安全法》第一百二十四条",
            [
                ("从轻", "罚款、没收违法所得", 50000, 80000),
                ("一般", "罚款、没收违法所得", 80000, 120000),
                ("从重", "罚款、没收违法所得、吊销许可证件", 120000, 200000),
            ],
        ),
        (
            "341122-SC-003",
            "对虚假宣传的处罚",
            "《中华人民共和国反不正当竞争法》第二十条",
            [
                ("从轻", "罚款", 100000, 300000),
                ("一般", "罚款", 300000, 700000),
                ("从重", "罚款、吊销许可证件", 700000, 2000000),
            ],
        ),
    ],
    "县交通局": [
        (
            "341122-JT-001",
            "对未取得道路运输经营许可擅自从事道路运输经营的处罚",
            "《中华人民共和国道路运输条例》第六十三条",
            [
                ("从轻", "罚款、没收违法所得", 10000, 30000),
                ("一般", "罚款、没收违法所得", 30000, 70000),
                ("从重", "罚款、没收违法所得", 70000, 100000),
            ],
        ),
        (
            "341122-JT-002",
            "对超限运输车辆擅自行驶公路的处罚",
            "《公路安全保护条例》第六十四条",
            [("从轻", "罚款", 500, 10000), ("一般", "罚款", 10000, 20000), ("从重", "罚款", 20000, 30000)],
        ),
    ],
    "县环境分局": [
        (
            "341122-HJ-001",
            "对超过大气污染物排放标准排放大气污染物的处罚",
            "《中华人民共和国大气污染防治法》第九十九条",
            [
                ("从轻", "罚款", 100000, 300000),
                ("一般", "罚款", 300000, 700000),
                ("从重", "罚款、责令停产停业", 700000, 1000000),
            ],
        ),
    ],
    "县城管执法局": [
        (
            "341122-CG-001",
            "对擅自占用城市道路的处罚",
            "《城市道路管理条例》第四十二条",
            [
                ("不予处罚", "", None, None),
                ("从轻", "警告、罚款", 0, 5000),
                ("一般", "罚款", 5000, 15000),
                ("从重", "罚款", 15000, 20000),
            ],
        ),
    ],
}
"""Plausible powers of four fields, written for the demo (not a real county's catalogue)."""

TARGETS = 2_000
FIELDS = ("市场监管", "市场监管", "市场监管", "交通运输", "生态环境", "城市管理")
KINDS = ("企业", "企业", "个体工商户", "个体工商户", "其他组织")
RISKS = ("低", "中", "中", "中", "高")
WORDS = ("鑫源", "恒通", "华盛", "宏达", "永兴", "瑞丰", "金穗", "康宁", "长运", "万家", "惠民", "百味")
TRADES = ("食品店", "超市", "餐馆", "运输有限公司", "物流中心", "建材厂", "化工有限公司", "商贸行", "养殖场")


def add_demo_powers(store: Store, actor: Actor, today: date, folder: Path) -> int:
    """Add the catalogue, the directory, two plans and case sources; returns the powers added."""
    with store.reading() as session:
        if session.execute(select(func.count()).select_from(Power)).scalar_one():
            return 0
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{DEMO_SEED}-powers")
    settings = supervision_settings(store, actor)
    save_limits(store, actor, settings.version, replace(settings.limits, power_required_year=today.year + 1))
    powers = _catalogue(store, actor, folder)
    _cite_powers(store, actor)
    _targets(store, actor, folder, rng)
    _plans(store, actor, folder, today)
    _leads(store, actor, folder, today, rng)
    return powers


def _catalogue(store: Store, actor: Actor, folder: Path) -> int:
    rows = []
    for agency, powers in CATALOGUE.items():
        for code, name, basis, bands in powers:
            for band, kinds, low, high in bands:
                rows.append(
                    [
                        code,
                        agency,
                        name,
                        "行政处罚",
                        basis,
                        band,
                        None,
                        kinds or None,
                        low,
                        high,
                        date(2024, 1, 1),
                        None,
                    ]
                )
    path = folder / "执法事项.xlsx"
    write_workbook(path, "执法事项", [c.header for c in POWER_COLUMNS], rows)
    return import_powers(store, actor, path).imported


PLANTED = (
    # (band, amount) given to the latest decided fines: most inside their band; some outside it by
    # their amount or by a penalty kind the case already has that the band does not allow
    ("从轻", Decimal("6000")),
    ("从轻", Decimal("48000")),
    ("一般", Decimal("60000")),
    ("一般", Decimal("100000")),
    ("从重", Decimal("150000")),
    ("减轻", Decimal("3000")),
    ("从轻", Decimal("52000")),
    ("一般", Decimal("120000")),
    ("从重", Decimal("250000")),
)
"""Decisions given the market regulator's first power (the demo has three outside their band)."""


def _cite_powers(store: Store, actor: Actor) -> None:
    """Record the power and band of a few decided fines of the market regulator, as its legal
    officer would when the catalogue arrives (through the register's edit, with a reason)."""
    with store.reading() as session:
        rows = session.execute(
            select(Case)
            .join(Agency, Agency.id == Case.agency_id)
            .where(
                Agency.short_name == "县市场监管局",
                Case.category == "行政处罚",
                Case.procedure == "普通程序",
                Case.decided_on >= date(2024, 1, 1),
                Case.penalty_kinds.contains(FINE),
            )
            .order_by(Case.decided_on.desc(), Case.id)
            .limit(len(PLANTED))
        ).scalars()
        chosen = [(c.id, c.version, case_input(c)) for c in rows]
    for (case_id, version, data), (band, amount) in zip(chosen, PLANTED, strict=False):
        cited = replace(data, power_code="341122-SC-001", discretion_band=band, amount=amount)
        edit_case(store, actor, case_id, version, cited, "录入执法事项与裁量档次（示范数据）")


def _targets(store: Store, actor: Actor, folder: Path, rng: random.Random) -> None:
    rows = []
    for n in range(TARGETS):
        name = f"示范县{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(TRADES)}"
        code = make_credit_code(f"92341122MA{n:07d}")
        rows.append(
            [
                name,
                code,
                rng.choice(KINDS),
                rng.choice(FIELDS),
                rng.choice(RISKS),
                f"示范县城关镇{n % 97 + 1}号",
            ]
        )
    path = folder / "检查对象名录.xlsx"
    write_workbook(path, "检查对象名录", [c.header for c in TARGET_COLUMNS], rows)
    import_targets(store, actor, path)


def _plans(store: Store, actor: Actor, folder: Path, today: date) -> None:
    first_start = today - timedelta(days=75)
    first = create_plan(
        store,
        actor,
        name=f"{first_start.year}年食品经营者双随机抽查（第一批）",
        seed=f"{DEMO_SEED}-plan-1",
        agency="县市场监管局",
        start_on=first_start,
        end_on=first_start + timedelta(days=30),
        count=30,
        items_to_check="食品经营许可、进货查验记录、过期食品",
    )
    rows = []
    for n, item in enumerate(first.items):
        checked = first_start + timedelta(days=2 + n % 20)
        result = "未发现问题" if n % 6 else "发现问题已责令整改"
        published = None if n % 10 == 7 else checked + timedelta(days=5 + n % 4)
        rows.append([item.credit_code, result, checked, None, published])
    path = folder / "抽查结果.xlsx"
    write_workbook(path, "抽查结果", [c.header for c in RESULT_COLUMNS], rows)
    import_results(store, actor, first.plan, path)
    second_start = today - timedelta(days=10)
    create_plan(
        store,
        actor,
        name=f"{second_start.year}年道路运输经营者双随机抽查",
        seed=f"{DEMO_SEED}-plan-2",
        agency="县交通局",
        start_on=second_start,
        end_on=second_start + timedelta(days=45),
        count=15,
        items_to_check="道路运输经营许可、车辆技术档案",
    )


def _leads(store: Store, actor: Actor, folder: Path, today: date, rng: random.Random) -> None:
    sources = ("投诉", "举报", "移送", "检查发现", "上级交办")
    agencies = ("县市场监管局", "县交通局", "县环境分局", "县城管执法局")
    rows = []
    for n in range(40):
        received = today - timedelta(days=3 + 2 * n)
        agency = agencies[n % len(agencies)]
        decided = n % 5 != 0
        rows.append(
            [
                agency,
                f"AY{received:%Y%m%d}{n:03d}",
                rng.choice(sources),
                received,
                f"示范县{rng.choice(WORDS)}{rng.choice(TRADES)}",
                rng.choice(("无证经营", "销售过期食品", "超限运输", "占道经营", "噪声扰民", "违规排放")),
                "不予立案" if decided else None,
                received + timedelta(days=4 + n % 10) if decided else None,
                None,
                "经核查，反映问题不属实" if decided else None,
            ]
        )
    path = folder / "案源.xlsx"
    write_workbook(path, "案源导入", [c.header for c in LEAD_COLUMNS], rows)
    import_leads(store, actor, path)
