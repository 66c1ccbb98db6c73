"""The demo agencies' registers (``PROFILES``: for each agency the volume and mix of its cases, its
案由 with their 法律依据, fines and 处罚种类, its inspections and 强制措施, the kinds of parties it
deals with; the tables are in ``desktop.demo.registers``), and how a demo 案号 is made."""

from __future__ import annotations

from desktop.cases import terms
from desktop.demo.registers.economy import CITY, ENVIRONMENT, FARMING, MARKET, TRANSPORT
from desktop.demo.registers.model import Profile
from desktop.demo.registers.society import CHENGGUAN, CULTURE, HEALTH, LAND, LINHE, SAFETY, WATER

PROFILES: dict[str, Profile] = {
    "县市场监管局": MARKET,
    "县环境分局": ENVIRONMENT,
    "县交通局": TRANSPORT,
    "县城管执法局": CITY,
    "县农业农村局": FARMING,
    "县文旅体局": CULTURE,
    "县应急局": SAFETY,
    "县卫健委": HEALTH,
    "县自然资源局": LAND,
    "县水利局": WATER,
    "城关镇政府": CHENGGUAN,
    "临河镇政府": LINHE,
}
"""Each demo agency (by short name) and its register."""

CATEGORY_MARKS = {terms.PENALTY: "罚", terms.COERCION: "强", terms.INSPECTION: "检"}


def case_prefix(short_name: str) -> str | None:
    """The 案号 prefix of a demo agency (e.g. 示市监), None for another agency."""
    profile = PROFILES.get(short_name)
    return profile.prefix if profile else None


def case_number(prefix: str, category: str, year: int, seq: int) -> str:
    """A 案号 like 示市监罚〔2026〕123号."""
    return f"{prefix}{CATEGORY_MARKS[category]}〔{year}〕{seq}号"
