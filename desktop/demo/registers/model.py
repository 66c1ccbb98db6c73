"""What a demo agency's register is made of: its 案由 (``Cause``), its volume and mix of cases
(``Profile``), and the 处罚种类 alternatives many 案由 share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cause:
    """One 案由 of a field: its 法律依据, who commits it, the fine range and the 处罚种类.

    ``parties``: ``p`` a person, ``g`` an individual business (个体工商户), ``c`` a company,
    ``o`` a cooperative. ``kinds`` are alternatives (one is drawn).
    """

    text: str
    basis: str
    parties: str
    low: int
    high: int
    kinds: tuple[tuple[str, ...], ...] = (("罚款",),)


@dataclass(frozen=True)
class Profile:
    """What one agency's register looks like."""

    prefix: str
    volume: int
    shares: tuple[float, float, float]
    """行政处罚, 行政检查, 行政强制."""
    summary_share: float
    """简易程序 among its penalties."""
    ordinary: tuple[Cause, ...]
    summary: tuple[Cause, ...]
    inspections: tuple[str, ...]
    coercions: tuple[tuple[str, tuple[str, ...], str], ...]
    """(案由, 强制措施, parties)."""
    companies: tuple[str, ...]
    shops: tuple[str, ...]
    suspension: str = "检测"


FINE = (("罚款",),)
FINE_OR_WARN = (("罚款",), ("警告", "罚款"))
CONFISCATE = (("没收违法所得", "罚款"), ("罚款",), ("没收违法所得", "没收非法财物", "罚款"))
GOODS = (("没收非法财物", "罚款"), ("罚款",))
