"""The made-up details of a demo dossier: people (names, resident ID numbers, phones, addresses),
credit codes, the cast of one case drawn once so that its documents agree; and how dates, times
and amounts are written (人民币大写)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from desktop.demo.dossier.facts import DossierFacts
from desktop.io.pdf.layout import written_date

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万"
)
_MALE = "伟强磊军洋勇杰涛明超刚建国志文斌海波辉鹏飞宇浩晓东峰新宏林俊凯德福荣胜正永庆忠成亮泽瑞华平"
_FEMALE = "芳娜敏静丽艳娟秀霞桂英玉兰萍红春梅燕雪婷慧丹颖琳佳欣雨莉"
_FEMALE_MARKS = set("芳娜静丽艳娟秀霞桂英兰萍梅燕婷慧丹颖琳莉")
_TOWNS = (
    "城关镇",
    "新安镇",
    "河口镇",
    "东升镇",
    "石桥镇",
    "青龙镇",
    "白沙镇",
    "清溪镇",
    "龙泉镇",
    "柳林镇",
    "双河镇",
    "太平镇",
    "永丰镇",
    "长乐镇",
    "金山街道",
    "城南街道",
    "城北街道",
)
_ROADS = (
    "人民路",
    "解放路",
    "建设路",
    "中山路",
    "和平路",
    "新华路",
    "文化路",
    "胜利路",
    "朝阳路",
    "滨河路",
    "迎宾大道",
    "工业园路",
    "幸福街",
    "商贸街",
    "府前街",
    "站前路",
)
_ORG_MARKS = (
    "公司",
    "厂",
    "店",
    "超市",
    "中心",
    "合作社",
    "馆",
    "部",
    "行",
    "场",
    "院",
    "所",
    "酒店",
    "餐厅",
    "药房",
)
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def person_name(rng: random.Random, male: bool | None = None) -> str:
    """A made-up full name (a man's or a woman's as asked, else a man's a little more often)."""
    if male is None:
        male = rng.random() < 0.55
    pool = _MALE if male else _FEMALE
    return rng.choice(_SURNAMES) + "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))


def _looks_female(name: str) -> bool:
    return any(ch in _FEMALE_MARKS for ch in name[1:])


def phone_number(rng: random.Random) -> str:
    """A made-up mobile number."""
    prefix = rng.choice(("138", "139", "135", "137", "150", "151", "158", "187", "188", "133", "180", "199"))
    return prefix + "".join(rng.choice("0123456789") for _ in range(8))


def _id_number(rng: random.Random, born: date, male: bool) -> str:
    """An 18-character resident ID with a valid check character (made up)."""
    body = f"{rng.randint(330100, 532999):06d}{born:%Y%m%d}{rng.randint(0, 99):02d}"
    body += str(rng.choice((1, 3, 5, 7, 9)) if male else rng.choice((0, 2, 4, 6, 8)))
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]
    return body + check


def _credit_code(rng: random.Random) -> str:
    """An 18-character unified social credit code with a valid check character (made up)."""
    body = rng.choice(("91", "92", "52", "93")) + f"{rng.randint(330100, 532999):06d}"
    body += "".join(rng.choice(_CREDIT_CHARS) for _ in range(9))
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return body + _CREDIT_CHARS[(31 - total % 31) % 31]


def rmb_upper(amount: Decimal) -> str:
    """人民币大写: 12050.5 → 壹万贰仟零伍拾元伍角."""
    cents = int((amount * 100).quantize(Decimal(1)))
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10

    def four(n: int) -> str:
        out, zero = "", False
        for unit, value in (("仟", n // 1000), ("佰", n // 100 % 10), ("拾", n // 10 % 10), ("", n % 10)):
            if value:
                out += ("零" if zero and out else "") + _DIGITS[value] + unit
                zero = False
            else:
                zero = True
        return out

    text = ""
    groups = [(yuan // 10**8, "亿"), (yuan // 10**4 % 10**4, "万"), (yuan % 10**4, "")]
    for value, unit in groups:
        if value:
            if text and value < 1000:
                text += "零"
            text += four(value) + unit
    text = (text or "零") + "元"
    if not jiao and not fen:
        return text + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    return text


def money_text(amount: Decimal) -> str:
    """An amount in figures: 12050, or 12050.50 when it has cents."""
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def clock_time(rng: random.Random) -> tuple[int, int]:
    """A made-up time in office hours: (hour, minute)."""
    return rng.choice((8, 9, 9, 10, 10, 14, 14, 15, 15, 16)), rng.choice(range(0, 60, 5))


def time_span(rng: random.Random, day: date, minutes: int) -> str:
    """2026年3月5日9时30分至10时45分."""
    h, m = clock_time(rng)
    end = h * 60 + m + minutes
    return f"{written_date(day)}{h}时{m:02d}分至{end // 60}时{end % 60:02d}分"


@dataclass
class Person:
    """A made-up person in the case."""

    name: str
    male: bool
    age: int
    id_no: str
    phone: str
    address: str
    role: str
    """What the person is to the case: 当事人, 法定代表人, 店长, 证人 …"""


@dataclass
class Cast:
    """Everything made up once per dossier, so that the documents agree with each other."""

    county: str
    is_person: bool
    party_kind: str
    party_id: str
    party_addr: str
    party_phone: str
    head: Person
    """The party itself (自然人) or its legal representative / person in charge."""
    agent: Person
    """Who answers for the party (the head, or an authorised employee)."""
    head_title: str
    we: str
    """How the party speaks of itself: 我 / 我们公司 / 我们店."""
    source: str
    inspected_on: date
    notice_on: date | None
    chief: str
    director: str
    since: tuple[int, int]
    months: int
    quantity: int
    unit: str
    revenue: int
    profit: int
    photos: int
    term: str
    fonds: str
    volume: int
    mitigation: str
    statement: bool
    hearing: bool


def make_cast(f: DossierFacts, rng: random.Random) -> Cast:
    """The cast of one dossier: everything made up once, from ``rng``, for all its documents."""
    match = re.match(r"^(.{2,8}?[县区旗])", f.agency) or re.match(r"^(.{2,8}?市)", f.agency)
    county = match.group(1) if match else f.agency[:3]
    kind = f.party_type or (
        "法人"
        if "公司" in f.party
        else "其他组织"
        if len(f.party) > 4 and any(m in f.party for m in _ORG_MARKS)
        else "自然人"
    )
    is_person = kind == "自然人"

    def address() -> str:
        if rng.random() < 0.5:
            return f"{county}{rng.choice(_TOWNS)}{rng.choice(_ROADS)}{rng.randint(1, 288)}号"
        village = f"{rng.choice(_SURNAMES)}家村{rng.randint(1, 12)}组"
        return f"{county}{rng.choice(_TOWNS)}{village}{rng.randint(1, 60)}号"

    def person(role: str, name: str = "") -> Person:
        male = not _looks_female(name) if name else rng.random() < 0.6
        name = name or person_name(rng, male)
        age = rng.randint(24, 62)
        born = date(f.filed_on.year - age, rng.randint(1, 12), rng.randint(1, 28))
        return Person(name, male, age, _id_number(rng, born, male), phone_number(rng), address(), role)

    party_addr = address()
    if is_person:
        head = person("当事人", f.party)
        head.address = party_addr
        agent, head_title, we = head, "当事人", "我"
    else:
        head_title = "法定代表人" if kind == "法人" else "负责人"
        head = person(head_title)
        if rng.random() < 0.55:
            agent = head
        else:
            agent = person(rng.choice(("店长", "经理", "办公室主任", "现场负责人", "副总经理")))
        we = "我们" + ("公司" if "公司" in f.party else "店" if "店" in f.party else "单位")
    filed = f.filed_on
    inspected = filed - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5)))
    notice = None
    if f.decided_on:
        notice = max(filed, f.decided_on - timedelta(days=rng.randint(7, 15)))
    months = rng.randint(1, 14)
    start = (filed.year * 12 + filed.month - 1) - months
    quantity = rng.randint(6, 480)
    revenue = quantity * rng.choice((8, 12, 15, 20, 25, 35, 48, 60, 85, 120))
    amount = f.amount or Decimal(0)
    hearing = amount >= (10000 if is_person else 100000) or any(
        k for k in f.penalty_kinds if re.search("停产|停业|吊销|降低资质|限制", k)
    )
    return Cast(
        county=county,
        is_person=is_person,
        party_kind=kind,
        party_id=head.id_no if is_person else _credit_code(rng),
        party_addr=party_addr,
        party_phone=head.phone if is_person else phone_number(rng),
        head=head,
        agent=agent,
        head_title=head_title,
        we=we,
        source=rng.choice(("监督检查", "监督检查", "投诉举报", "投诉举报", "上级交办", "其他部门移送")),
        inspected_on=inspected,
        notice_on=notice,
        chief=person_name(rng),
        director=person_name(rng),
        since=(start // 12, start % 12 + 1),
        months=months,
        quantity=quantity,
        unit=rng.choice(("件", "箱", "份", "批次", "单")),
        revenue=revenue,
        profit=max(1, revenue * rng.randint(12, 35) // 100),
        photos=rng.randint(4, 16),
        term=rng.choice(("长期", "长期", "定期30年", "永久")),
        fonds=f"J{rng.randint(1, 99):03d}",
        volume=rng.randint(1, 480),
        mitigation=rng.choice(
            (
                "系初次违法，违法行为持续时间较短，且积极配合调查、主动改正",
                "主动消除违法行为危害后果，积极配合调查",
                "违法行为轻微，未造成危害后果，且能主动配合调查",
                "在调查期间如实陈述违法事实，主动提供证据材料",
            )
        ),
        statement=rng.random() < 0.35,
        hearing=hearing,
    )


def make_witness(rng: random.Random, c: Cast, filed_on: date) -> Person:
    """Someone questioned besides the party: an employee, a neighbour, the complainant …"""
    role = rng.choice(
        (
            "店员",
            "收银员",
            "仓库保管员",
            "会计",
            "送货人员",
            "周边商户",
            "举报人",
            "厨师",
            "现场负责人",
            "采购员",
        )
    )
    male = rng.random() < 0.5
    age = rng.randint(20, 60)
    born = date(filed_on.year - age, rng.randint(1, 12), rng.randint(1, 28))
    addr = f"{c.county}{rng.choice(_TOWNS)}{rng.choice(_ROADS)}{rng.randint(1, 300)}号"
    return Person(
        person_name(rng, male), male, age, _id_number(rng, born, male), phone_number(rng), addr, role
    )
