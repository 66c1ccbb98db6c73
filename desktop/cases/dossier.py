"""Demo case files (行政处罚案卷) as PDF: cover, index, the usual documents, padded to a page count.

``write_dossier`` first lays every document out in plain Python (measured with the font that
gets embedded), so that the 卷内目录 can give each document's page range, then draws the pages
with PyMuPDF: one ``Font("cjk")`` for the whole file, subset before saving (≈ 120 bytes for
each of the 400–700 distinct characters a dossier uses).
The wording varies with the seed (``random.Random``) and is the same for the same facts and
seed. No Qt and no database: the demo generator hands in the facts of one case.
"""

from __future__ import annotations

import math
import os
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymupdf

MIN_PAGES = 5
MAX_PAGES = 300
"""The page counts ``write_dossier`` accepts; a complete dossier has at least 8 pages (7 when
its 决定书 fits on one page), so smaller requests get that many."""

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT = 72.0, PAGE_W - 72.0
TOP, BOTTOM = 72.0, PAGE_H - 84.0
WIDTH = RIGHT - LEFT
BODY = 12.0
LEAD = 21.0
SMALL = 10.5

_RED = (0.86, 0.08, 0.08)
_STYLES: dict[str, tuple[tuple[float, float, float], int]] = {
    "n": ((0.0, 0.0, 0.0), 0),
    "b": ((0.0, 0.0, 0.0), 2),  # fill and stroke: a heavier face for titles
    "r": (_RED, 0),
    "rb": (_RED, 2),
    "s": ((0.08, 0.16, 0.52), 0),  # handwriting (signatures) in blue-black ink
    "g": ((0.42, 0.42, 0.42), 0),
}
_NO_LINE_START = set("，。、；：？！）》」』〕】”’…—%,.;:?!)]")
_NO_LINE_END = set("（《「『〔【“‘([")


@dataclass(frozen=True)
class DossierFacts:
    """What the dossier says about one case; everything else is made up from the seed."""

    case_no: str
    agency: str
    category: str
    cause: str
    party: str
    party_type: str | None
    officers: tuple[str, ...]
    cert_numbers: tuple[str, ...]
    filed_on: date
    decided_on: date | None
    served_on: date | None
    penalty_kinds: tuple[str, ...]
    amount: Decimal | None
    legal_basis: str | None


def write_dossier(path: str | Path, facts: DossierFacts, *, pages: int, seed: int) -> int:
    """Write a dossier of about `pages` pages (at least 5, up to 300); return the page count written.

    Any count from 8 up is met exactly; below that the dossier gets the 7 or 8 pages its
    documents need. The file is replaced only when complete (written to ``path.part`` first).
    """
    if not MIN_PAGES <= pages <= MAX_PAGES:
        raise ValueError(f"pages must be between {MIN_PAGES} and {MAX_PAGES}, not {pages}")
    import pymupdf

    font = pymupdf.Font("cjk")

    def measure(ch: str, size: float) -> float:
        # a character the font lacks is drawn by MuPDF from a fallback font, about 1 em wide
        return font.text_length(ch, size) if font.has_glyph(ord(ch)) else size

    layout = _Dossier(facts, seed, _Typesetter(measure)).build(pages)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    doc = pymupdf.open()
    try:
        _render(pymupdf, doc, font, layout)
        doc.set_metadata({
            "title": f"{facts.case_no} {facts.cause}",
            "author": facts.agency,
            "subject": "行政执法案卷",
            "creator": "执法监督工作台（演示数据）",
            "producer": "",
        })
        doc.subset_fonts()
        doc.save(str(part), garbage=3, deflate=True)
        count = doc.page_count
    except BaseException:
        doc.close()
        part.unlink(missing_ok=True)
        raise
    doc.close()
    os.replace(part, target)
    return count


# --------------------------------------------------------------------------- layout primitives

Op = tuple[Any, ...]
"""A drawing operation in page coordinates (y downwards):
("t", x, baseline, text, size, style), ("l", x0, y0, x1, y1, width),
("r", x0, y0, x1, y1, stroke or None, fill or None, width), ("seal", cx, cy, radius, name)."""


def _shift(op: Op, dy: float) -> Op:
    """The operation moved down by ``dy``."""
    kind = op[0]
    if kind == "t":
        return (kind, op[1], op[2] + dy, *op[3:])
    if kind in ("l", "r"):
        return (kind, op[1], op[2] + dy, op[3], op[4] + dy, *op[5:])
    return (kind, op[1], op[2] + dy, *op[3:])


@dataclass
class _Block:
    """A piece of a flowing document: its height, its operations (y from the block's top)."""

    height: float
    ops: list[Op]
    keep: bool = False
    """Keep on the same page as the next block."""


class _Flow:
    """Pages filled top to bottom with blocks; knows how many pages some more blocks would take."""

    def __init__(self, top: float = TOP, bottom: float = BOTTOM) -> None:
        self.top, self.bottom = top, bottom
        self.pages: list[list[Op]] = [[]]
        self.y = top

    def add(self, blocks: Sequence[_Block]) -> None:
        self._place(blocks, commit=True)

    def pages_if(self, blocks: Sequence[_Block]) -> int:
        """The page count after adding ``blocks``, without adding them."""
        return self._place(blocks, commit=False)

    def _place(self, blocks: Sequence[_Block], *, commit: bool) -> int:
        count, y = len(self.pages), self.y
        i = 0
        while i < len(blocks):
            j = i
            while j < len(blocks) - 1 and blocks[j].keep:
                j += 1
            group = blocks[i:j + 1]
            if y + sum(b.height for b in group) > self.bottom and y > self.top:
                count, y = count + 1, self.top
                if commit:
                    self.pages.append([])
            for block in group:
                if y + block.height > self.bottom and y > self.top:
                    count, y = count + 1, self.top
                    if commit:
                        self.pages.append([])
                if commit:
                    self.pages[-1].extend(_shift(op, y) for op in block.ops)
                y += block.height
            i = j + 1
        if commit:
            self.y = y
        return count


class _Typesetter:
    """Widths, line breaking (no closing mark at a line's start) and paragraph blocks."""

    def __init__(self, measure: Callable[[str, float], float]) -> None:
        self._measure = measure
        self._em: dict[str, float] = {}

    def width(self, text: str, size: float) -> float:
        em = self._em
        total = 0.0
        for ch in text:
            w = em.get(ch)
            if w is None:
                w = em[ch] = self._measure(ch, 1.0)
            total += w
        return total * size

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        """Lines of at most ``width``; Latin words and numbers stay whole, closing marks hang."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            tokens = re.findall(r"[A-Za-z0-9.\-/·]+|.", paragraph)
            line, used = "", 0.0
            for token in tokens:
                w = self.width(token, size)
                if used + w <= width or not line or (token in _NO_LINE_START and used + w <= width + size):
                    line, used = line + token, used + w
                    continue
                carry = ""
                while line and line[-1] in _NO_LINE_END:
                    carry, line = line[-1] + carry, line[:-1]
                lines.append(line)
                line = carry + token
                used = self.width(line, size)
            lines.append(line)
        return lines

    def para(self, text: str, *, size: float = BODY, lead: float = LEAD, indent: int = 2,
             x: float = LEFT, width: float = WIDTH, style: str = "n") -> list[_Block]:
        """One block a line; ``indent`` ideographic spaces before the first line."""
        lines = self.wrap("\u3000" * indent + text, size, width)
        base = lead * 0.5 + size * 0.36
        return [_Block(lead, [("t", x, base, line, size, style)]) for line in lines]

    def line(self, text: str, *, size: float = BODY, lead: float = LEAD, align: str = "left",
             style: str = "n", x: float = LEFT, width: float = WIDTH) -> _Block:
        """A single line, left / centre / right aligned within ``x`` … ``x + width``."""
        w = self.width(text, size)
        if align == "center":
            x = x + (width - w) / 2
        elif align == "right":
            x = x + width - w
        return _Block(lead, [("t", x, lead * 0.5 + size * 0.36, text, size, style)])

    def fit(self, text: str, size: float, width: float) -> float:
        """``size``, or smaller so that ``text`` fits ``width``."""
        w = self.width(text, size)
        return size if w <= width else max(6.0, size * width / w * 0.98)

    def fields(self, items: Sequence[tuple[str, str, float]], *, size: float = BODY,
               lead: float = LEAD) -> _Block:
        """A form line: labels followed by underlined values (``width`` 0: to the right edge)."""
        ops: list[Op] = []
        x = LEFT
        base = lead * 0.5 + size * 0.36
        for label, value, span in items:
            ops.append(("t", x, base, label, size, "n"))
            x += self.width(label, size)
            end = RIGHT if span <= 0 else min(RIGHT, x + span)
            vsize = self.fit(value, size, end - x - 4)
            ops.append(("t", x + 3, base, value, vsize, "n"))
            ops.append(("l", x, base + 3, end, base + 3, 0.5))
            x = end + size * 0.8
        return _Block(lead, ops)


# --------------------------------------------------------------------------- tables


@dataclass
class _Cell:
    text: str = ""
    width: float = 0.0
    align: str = "left"
    size: float = SMALL
    style: str = "n"
    min_h: float = 0.0
    foot: list[tuple[str, str]] = field(default_factory=list)
    """Lines at the cell's bottom right: (text, style), e.g. a signature and its date."""


def _table(ts: _Typesetter, rows: Sequence[Sequence[_Cell]], top: float, *, x: float = LEFT,
           lead: float = 17.0, pad: float = 5.0) -> tuple[list[Op], float]:
    """Ruled table rows from ``top``; returns the operations and the bottom."""
    ops: list[Op] = []
    y = top
    for row in rows:
        wrapped = [ts.wrap(c.text, c.size, c.width - 2 * pad) if c.text else [] for c in row]
        height = max(
            max(len(lines) + len(c.foot), 1) * lead + 2 * pad if c.text or c.foot else lead + 2 * pad
            for c, lines in zip(row, wrapped, strict=True))
        height = max(height, *(c.min_h for c in row))
        cx = x
        for cell, lines in zip(row, wrapped, strict=True):
            n = len(lines)
            if not cell.foot and n <= 2:
                first = y + (height - n * lead) / 2
            else:
                first = y + pad
            for i, line in enumerate(lines):
                base = first + i * lead + lead * 0.5 + cell.size * 0.36
                w = ts.width(line, cell.size)
                lx = cx + pad if cell.align == "left" else cx + (cell.width - w) / 2
                ops.append(("t", lx, base, line, cell.size, cell.style))
            for i, (text, style) in enumerate(reversed(cell.foot)):
                base = y + height - pad - i * lead - lead * 0.5 + cell.size * 0.36
                w = ts.width(text, cell.size)
                ops.append(("t", cx + cell.width - pad - w - 8, base, text, cell.size, style))
            ops.append(("l", cx, y, cx, y + height, 0.6))
            cx += cell.width
        ops.append(("l", cx, y, cx, y + height, 0.6))
        ops.append(("l", x, y, cx, y, 0.6))
        y += height
        ops.append(("l", x, y, cx, y, 0.6))
    return ops, y


# --------------------------------------------------------------------------- made-up details

_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
             "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万")
_MALE = "伟强磊军洋勇杰涛明超刚建国志文斌海波辉鹏飞宇浩晓东峰新宏林俊凯德福荣胜正永庆忠成亮泽瑞华平"
_FEMALE = "芳娜敏静丽艳娟秀霞桂英玉兰萍红春梅燕雪婷慧丹颖琳佳欣雨莉"
_FEMALE_MARKS = set("芳娜静丽艳娟秀霞桂英兰萍梅燕婷慧丹颖琳莉")
_TOWNS = ("城关镇", "新安镇", "河口镇", "东升镇", "石桥镇", "青龙镇", "白沙镇", "清溪镇", "龙泉镇", "柳林镇",
          "双河镇", "太平镇", "永丰镇", "长乐镇", "金山街道", "城南街道", "城北街道")
_ROADS = ("人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "文化路", "胜利路", "朝阳路", "滨河路",
          "迎宾大道", "工业园路", "幸福街", "商贸街", "府前街", "站前路")
_ORG_MARKS = ("公司", "厂", "店", "超市", "中心", "合作社", "馆", "部", "行", "场", "院", "所", "酒店", "餐厅", "药房")
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _d(day: date | None) -> str:
    """2026年3月5日, or blanks to be filled in by hand."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "\u3000\u3000年\u3000\u3000月\u3000\u3000日"


def _name(rng: random.Random, male: bool | None = None) -> str:
    if male is None:
        male = rng.random() < 0.55
    pool = _MALE if male else _FEMALE
    return rng.choice(_SURNAMES) + "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))


def _looks_female(name: str) -> bool:
    return any(ch in _FEMALE_MARKS for ch in name[1:])


def _phone(rng: random.Random) -> str:
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


def _rmb_upper(amount: Decimal) -> str:
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


def _money(amount: Decimal) -> str:
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def _clock(rng: random.Random) -> tuple[int, int]:
    return rng.choice((8, 9, 9, 10, 10, 14, 14, 15, 15, 16)), rng.choice(range(0, 60, 5))


def _span(rng: random.Random, day: date, minutes: int) -> str:
    """2026年3月5日9时30分至10时45分."""
    h, m = _clock(rng)
    end = h * 60 + m + minutes
    return f"{_d(day)}{h}时{m:02d}分至{end // 60}时{end % 60:02d}分"


@dataclass
class _Person:
    name: str
    male: bool
    age: int
    id_no: str
    phone: str
    address: str
    role: str
    """What the person is to the case: 当事人, 法定代表人, 店长, 证人 …"""


@dataclass
class _Cast:
    """Everything made up once per dossier, so that the documents agree with each other."""

    county: str
    is_person: bool
    party_kind: str
    party_id: str
    party_addr: str
    party_phone: str
    head: _Person
    """The party itself (自然人) or its legal representative / person in charge."""
    agent: _Person
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


# --------------------------------------------------------------------------- the dossier


@dataclass
class _Doc:
    title: str
    number: str
    day: date | None
    pages: list[list[Op]]


class _Dossier:
    """Lays out one dossier: ``build`` returns the operations of every page."""

    def __init__(self, facts: DossierFacts, seed: int, ts: _Typesetter) -> None:
        self.f = facts
        self.seed = seed
        self.ts = ts
        self.cause = re.sub(r"(一案|案)$", "", facts.cause.strip()) or facts.cause
        self.cast = self._cast(self.rng("cast"))

    def rng(self, tag: str) -> random.Random:
        return random.Random(f"{self.seed}:{tag}")

    # ----------------------------------------------------------------------- shared facts

    def _cast(self, rng: random.Random) -> _Cast:
        f = self.f
        match = re.match(r"^(.{2,8}?[县区旗])", f.agency) or re.match(r"^(.{2,8}?市)", f.agency)
        county = match.group(1) if match else f.agency[:3]
        kind = f.party_type or ("法人" if "公司" in f.party else
                                "其他组织" if len(f.party) > 4 and any(m in f.party for m in _ORG_MARKS)
                                else "自然人")
        is_person = kind == "自然人"

        def address() -> str:
            if rng.random() < 0.5:
                return f"{county}{rng.choice(_TOWNS)}{rng.choice(_ROADS)}{rng.randint(1, 288)}号"
            village = f"{rng.choice(_SURNAMES)}家村{rng.randint(1, 12)}组"
            return f"{county}{rng.choice(_TOWNS)}{village}{rng.randint(1, 60)}号"

        def person(role: str, name: str = "") -> _Person:
            male = not _looks_female(name) if name else rng.random() < 0.6
            name = name or _name(rng, male)
            age = rng.randint(24, 62)
            born = date(f.filed_on.year - age, rng.randint(1, 12), rng.randint(1, 28))
            return _Person(name, male, age, _id_number(rng, born, male), _phone(rng), address(), role)

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
        hearing = (amount >= (10000 if is_person else 100000)
                   or any(k for k in f.penalty_kinds if re.search("停产|停业|吊销|降低资质|限制", k)))
        return _Cast(
            county=county, is_person=is_person, party_kind=kind,
            party_id=head.id_no if is_person else _credit_code(rng), party_addr=party_addr,
            party_phone=head.phone if is_person else _phone(rng),
            head=head, agent=agent, head_title=head_title, we=we,
            source=rng.choice(("监督检查", "监督检查", "投诉举报", "投诉举报", "上级交办", "其他部门移送")),
            inspected_on=inspected, notice_on=notice,
            chief=_name(rng), director=_name(rng),
            since=(start // 12, start % 12 + 1), months=months, quantity=quantity,
            unit=rng.choice(("件", "箱", "份", "批次", "单")),
            revenue=revenue, profit=max(1, revenue * rng.randint(12, 35) // 100),
            photos=rng.randint(4, 16),
            term=rng.choice(("长期", "长期", "定期30年", "永久")),
            fonds=f"J{rng.randint(1, 99):03d}", volume=rng.randint(1, 480),
            mitigation=rng.choice((
                "系初次违法，违法行为持续时间较短，且积极配合调查、主动改正",
                "主动消除违法行为危害后果，积极配合调查",
                "违法行为轻微，未造成危害后果，且能主动配合调查",
                "在调查期间如实陈述违法事实，主动提供证据材料",
            )),
            statement=rng.random() < 0.35, hearing=hearing,
        )

    def officer(self, i: int) -> str:
        o = self.f.officers
        return o[i] if i < len(o) else ""

    def cert(self, i: int) -> str:
        c = self.f.cert_numbers
        return c[i] if i < len(c) else ""

    def officers_text(self) -> str:
        return "、".join(self.f.officers[:2]) or "\u3000" * 4

    def certs_text(self) -> str:
        return "、".join(self.cert(i) for i in range(min(2, len(self.f.officers))) if self.cert(i))

    def law(self) -> str:
        """The statute the basis cites (《…》), for "违反了…的规定"."""
        found = re.findall(r"《[^》]+》", self.f.legal_basis or "")
        return "、".join(dict.fromkeys(found)) if found else "有关法律、法规"

    def basis(self) -> str:
        return self.f.legal_basis or "有关法律、法规"

    def penalties(self) -> list[str]:
        f = self.f
        kinds = list(f.penalty_kinds) or (["罚款"] if f.amount else ["警告"])
        money_at = next((i for i, k in enumerate(kinds) if "罚款" in k), None)
        if money_at is None and f.amount:
            money_at = next((i for i, k in enumerate(kinds) if "没收" in k), None)
        out = []
        for i, kind in enumerate(kinds):
            if i == money_at and f.amount:
                out.append(f"{kind}人民币{_money(f.amount)}元（大写：{_rmb_upper(f.amount)}）")
            else:
                out.append(kind)
        return out

    def fined(self) -> bool:
        return bool(self.f.amount) and any("罚款" in k for k in (self.f.penalty_kinds or ("罚款",)))

    # ----------------------------------------------------------------------- plan and build

    def build(self, pages: int) -> list[list[Op]]:
        c = self.cast
        fixed: list[tuple[str, _Doc]] = [
            ("lian", self.register()),
            ("check", self.inspection()),
        ]
        if c.notice_on:
            fixed.append(("notice", self.notice()))
        fixed += [("decision", self.decision()), ("service", self.service())]

        rows_per_index = self._index_rows()
        index_pages = 1
        while True:
            used = 2 + (index_pages - 1) + sum(len(d.pages) for _, d in fixed)
            budget = pages - used
            if budget < 1 and any(k == "notice" for k, _ in fixed):
                fixed = [(k, d) for k, d in fixed if k != "notice"]
                continue
            budget = max(budget, 1)
            first, padding = self._plan(budget)
            if len(fixed) + 1 + len(padding) <= index_pages * rows_per_index:
                break
            index_pages += 1

        when = self._inquiry_days(1 + sum(1 for kind, _ in padding if kind == "inq"))
        docs: list[_Doc] = [fixed[0][1], self.inquiry(self.rng("inq0"), c.agent, when[0], first, 1),
                            fixed[1][1]]
        seen: dict[str, int] = {c.agent.name: 1}
        asked = 1
        for n, (kind, size) in enumerate(padding, 1):
            rng = self.rng(f"pad{n}")
            if kind == "inq":
                if rng.random() < 0.3:
                    who = c.agent
                else:
                    who = self._witness(rng)
                seen[who.name] = seen.get(who.name, 0) + 1
                docs.append(self.inquiry(rng, who, when[asked], size, seen[who.name]))
                asked += 1
            elif kind == "photo":
                docs.append(self.photos(rng, size))
            else:
                docs.append(self.papers(rng, size))
        docs += [d for k, d in fixed[2:]]

        start = 2 + index_pages
        entries = []
        for n, doc in enumerate(docs, 1):
            end = start + len(doc.pages) - 1
            entries.append((n, doc, start, end))
            start = end + 1
        total = start - 1
        out = [self.cover(total)]
        out += self.index(entries, index_pages)
        for doc in docs:
            out += doc.pages
        return out

    def _plan(self, budget: int) -> tuple[int, list[tuple[str, int]]]:
        """Pages of the first 询问笔录 and the padding documents (kind, pages) after it."""
        rng = self.rng("plan")
        first = min(budget, rng.choice((2, 2, 3, 3, 4)))
        left = budget - first
        padding = []
        while left > 0:
            kind = rng.choices(("inq", "photo", "paper"), weights=(4, 4, 2))[0]
            size = {"inq": rng.randint(2, 6), "photo": rng.randint(1, 6), "paper": rng.randint(1, 4)}[kind]
            size = min(size, left)
            if kind == "inq" and size < 2:
                kind = "photo"
            padding.append((kind, size))
            left -= size
        return first, padding

    def _inquiry_days(self, count: int) -> list[date]:
        f = self.f
        rng = self.rng("days")
        if self.cast.notice_on:  # the investigation ends before the notice of the intended penalty
            end = self.cast.notice_on - timedelta(days=1)
        else:
            end = (f.decided_on - timedelta(days=3)) if f.decided_on else f.filed_on + timedelta(days=30)
        span = max(0, (end - f.filed_on).days)
        days = sorted(f.filed_on + timedelta(days=rng.randint(0, span)) for _ in range(count - 1))
        return [f.filed_on + timedelta(days=rng.randint(0, min(span, 3)))] + days

    def _witness(self, rng: random.Random) -> _Person:
        c = self.cast
        role = rng.choice(("店员", "收银员", "仓库保管员", "会计", "送货人员", "周边商户", "举报人", "厨师",
                           "现场负责人", "采购员"))
        male = rng.random() < 0.5
        age = rng.randint(20, 60)
        born = date(self.f.filed_on.year - age, rng.randint(1, 12), rng.randint(1, 28))
        addr = f"{c.county}{rng.choice(_TOWNS)}{rng.choice(_ROADS)}{rng.randint(1, 300)}号"
        return _Person(_name(rng, male), male, age, _id_number(rng, born, male), _phone(rng), addr, role)

    # ----------------------------------------------------------------------- page furniture

    def _title(self, text: str, size: float = 20.0) -> list[_Block]:
        return [_Block(12, []), self.ts.line(text, size=size, lead=size * 2.0, align="center", style="b")]

    @staticmethod
    def _number_pages(pages: list[list[Op]], label: str) -> None:
        """A document's own page numbers at the top right of each page (when it has several)."""
        if len(pages) < 2:
            return
        for i, ops in enumerate(pages, 1):
            ops.append(("t", RIGHT - 118, TOP - 24, f"{label}　第 {i} 页　共 {len(pages)} 页", 9.0, "g"))

    # ----------------------------------------------------------------------- 卷宗封面

    def cover(self, total: int) -> list[Op]:
        f, c, ts = self.f, self.cast, self.ts
        ops: list[Op] = []
        kind = f.category if f.category in ("行政处罚", "行政强制", "行政检查") else "行政执法"
        size = ts.fit(f.agency, 18.0, WIDTH)
        ops += _at(ts.line(f.agency, size=size, align="center"), 118)
        title = "\u2002".join(f"{kind}案卷")
        ops += _at(ts.line(title, size=30.0, lead=50, align="center", style="b"), 168)
        ops += _at(ts.line("卷宗封面", size=12.0, align="center", style="g"), 222)
        label = 104.0
        value = WIDTH - label

        def row(name: str, text: str) -> list[_Cell]:
            return [_Cell(name, label, "center", 12.0, min_h=38), _Cell(text, value, "left", 12.0, min_h=38)]

        rows = [
            row("案\u3000\u3000号", f.case_no),
            row("案\u3000\u3000由", f.cause),
            row("当 事 人", f.party),
            row("执法主体", f.agency),
            row("案件类别", kind),
            row("承 办 人", "、".join(f.officers) or ""),
            row("立案日期", _d(f.filed_on)),
            row("决定日期", _d(f.decided_on) if f.decided_on else ""),
            row("送达日期", _d(f.served_on) if f.served_on else ""),
            row("卷内页数", f"本卷共 {total} 页"),
            row("保管期限", c.term),
        ]
        table, bottom = _table(ts, rows, 262, lead=19)
        ops += table
        ops.append(("r", LEFT - 14, 92, RIGHT + 14, BOTTOM + 24, (0.2, 0.2, 0.2), None, 1.6))
        y = max(bottom + 40, BOTTOM - 30)
        ops += _at(ts.fields([("全宗号：", c.fonds, 70), ("目录号：", f"{f.filed_on.year}-{kind[2:]}", 80),
                              ("案卷号：", f"{c.volume:03d}", 0)]), y)
        return ops

    # ----------------------------------------------------------------------- 卷内目录

    def _index_rows(self) -> int:
        return int((BOTTOM - 150 - 28) // 26)

    def index(self, entries: list[tuple[int, _Doc, int, int]], count: int) -> list[list[Op]]:
        ts = self.ts
        widths = (34.0, 180.0, 125.0, 60.0, 52.0)
        per_page = self._index_rows()
        pages = []
        for p in range(count):
            ops: list[Op] = []
            ops += _at(ts.line("卷内目录", size=20.0, lead=40, align="center", style="b"), TOP + 6)
            ops += _at(ts.line(f"案号：{self.f.case_no}", size=SMALL, lead=18), TOP + 56)
            head = [_Cell(t, w, "center", SMALL)
                    for t, w in zip(("序号", "文件名称", "文号", "日期", "页号"), widths, strict=True)]
            rows = [head]
            for n, doc, start, end in entries[p * per_page:(p + 1) * per_page]:
                pages_text = str(start) if start == end else f"{start}-{end}"
                day = f"{doc.day:%Y.%m.%d}" if doc.day else ""
                cells = []
                for text, w, align in ((str(n), widths[0], "center"), (doc.title, widths[1], "left"),
                                       (doc.number, widths[2], "center"), (day, widths[3], "center"),
                                       (pages_text, widths[4], "center")):
                    cells.append(_Cell(text, w, align, ts.fit(text, SMALL, w - 10), min_h=26))
                rows.append(cells)
            table, _ = _table(ts, rows, TOP + 80, lead=16)
            ops += table
            pages.append(ops)
        self._number_pages(pages, "卷内目录")
        return pages

    # ----------------------------------------------------------------------- 立案审批表

    def register(self) -> _Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("lian")
        ops: list[Op] = []
        ops += _at(ts.line(f.agency, size=ts.fit(f.agency, 14.0, WIDTH), align="center"), TOP)
        ops += _at(ts.line("立案审批表", size=20.0, lead=40, align="center", style="b"), TOP + 24)
        ops += _at(ts.line(f"编号：{f.case_no}", size=SMALL, align="right"), TOP + 66)
        lw, vw = 96.0, WIDTH - 96.0

        def row(label: str, text: str, min_h: float = 0,
                foot: list[tuple[str, str]] | None = None) -> list[_Cell]:
            return [_Cell(label, lw, "center", min_h=min_h), _Cell(text, vw, min_h=min_h, foot=foot or [])]

        party = ("姓名：" if c.is_person else "名称：") + f.party
        id_label = "身份证号码：" if c.is_person else "统一社会信用代码："
        who = "" if c.is_person else f"{c.head_title}：{c.head.name}\u3000\u3000"
        facts = (f"{_d(c.inspected_on)}，本机关执法人员{self.officers_text()}在{self._source_clause(rng)}"
                 f"对{f.party}位于{c.party_addr}的经营场所进行检查，发现当事人涉嫌{self.cause}。"
                 f"{rng.choice(self._scene_findings())}当事人的上述行为涉嫌违反{self.law()}的规定。")
        lead_day = f.filed_on - timedelta(days=rng.choice((0, 0, 1)))
        rows = [
            row("案件来源", c.source),
            row("案\u3000\u3000由", f"涉嫌{self.cause}"),
            [_Cell("当事人", lw, "center", min_h=80),
             _Cell(f"{party}\n{id_label}{c.party_id}\n{who}联系电话：{c.party_phone}\n住所（住址）：{c.party_addr}",
                   vw)],
            row("简要案情", facts, min_h=120),
            row("承办人意见",
                f"经初步核查，当事人涉嫌{self.cause}，有违法事实，属于本机关管辖，符合立案条件。根据"
                "《中华人民共和国行政处罚法》第五十四条的规定，建议立案调查。", 96,
                [(f"承办人：{self.officers_text()}", "s"), (_d(lead_day), "n")]),
            row("承办机构\n审核意见", rng.choice((f"同意立案，由{self.officers_text()}承办。",
                                             "同意承办人意见，建议立案调查。",
                                             f"情况属实，同意立案，请{self.officer(0) or '承办人'}等抓紧调查取证。")),
                80, [(f"负责人：{c.chief}", "s"), (_d(lead_day), "n")]),
            row("机关负责人\n审批意见", rng.choice(("同意立案。", "同意。", "同意立案调查，依法办理。")), 80,
                [(f"负责人：{c.director}", "s"), (_d(f.filed_on), "n")]),
        ]
        table, bottom = _table(ts, rows, TOP + 92)
        ops += table
        ops += _at(ts.line(f"立案日期：{_d(f.filed_on)}", size=SMALL), bottom + 6)
        return _Doc("立案审批表", "", f.filed_on, [ops])

    def _source_clause(self, rng: random.Random) -> str:
        return {
            "监督检查": rng.choice(("日常监督检查中", "专项检查中", "“双随机、一公开”抽查中")),
            "投诉举报": "核查群众投诉举报线索时",
            "上级交办": "核查上级机关交办线索时",
            "其他部门移送": "核查有关部门移送线索时",
        }[self.cast.source]

    def _scene_findings(self) -> tuple[str, ...]:
        c = self.cast
        return (
            f"现场负责人{c.agent.name}未能提供相关合法证明材料。",
            "执法人员现场进行了拍照取证，并制作了现场检查笔录。",
            f"经初步清点，涉案数量约{c.quantity}{c.unit}。",
            "现场查见的情况与举报内容基本一致。" if c.source == "投诉举报" else "现场相关台账记录不全。",
        )

    # ----------------------------------------------------------------------- 询问笔录

    def inquiry(self, rng: random.Random, who: _Person, day: date, target: int, nth: int) -> _Doc:
        f, c, ts = self.f, self.cast, self.ts
        flow = _Flow()
        blocks = self._title("询问笔录")
        blocks.append(ts.line(f"（第 {nth} 次）", size=SMALL, lead=16, align="center"))
        blocks.append(ts.fields([("询问时间：", _span(rng, day, rng.randint(35, 110)), 0)]))
        place = rng.choice((f"{f.agency}询问室", f"{f.agency}办公室", f"{f.party}经营场所", f"{f.party}办公室"))
        blocks.append(ts.fields([("询问地点：", place, 0)]))
        blocks.append(ts.fields([("询问人：", self.officers_text(), 150), ("执法证号：", self.certs_text(), 0)]))
        blocks.append(ts.fields([("记录人：", self.officer(1) or self.officer(0), 110),
                                 ("被询问人：", who.name, 90), ("性别：", "男" if who.male else "女", 0)]))
        blocks.append(ts.fields([("年龄：", f"{who.age}岁", 50), ("身份证件号码：", who.id_no, 0)]))
        unit = "" if c.is_person and who is c.agent else f.party
        blocks.append(ts.fields([("工作单位：", unit, 190), ("职务：", "" if c.is_person else who.role, 0)]))
        blocks.append(ts.fields([("住址：", who.address, 270), ("电话：", who.phone, 0)]))
        blocks.append(_Block(8, []))
        flow.add(blocks)
        for q, a in self._opening(rng, who, short=target == 1):
            flow.add(self._qa(q, a))
        closing = self._closing(rng, who, day)
        short_ones = self._short_qas()
        middle = self._middle(rng, who)
        misses = 0
        while misses < 4:
            q, a = next(middle)
            candidate = self._qa(q, a)
            if flow.pages_if(candidate + closing) <= target:
                flow.add(candidate)
            else:
                misses += 1
        for q, a in rng.sample(short_ones, len(short_ones)):
            candidate = self._qa(q, a)
            if flow.pages_if(candidate + closing) > target:
                break
            flow.add(candidate)
        flow.add(closing)
        pages = flow.pages
        for ops in pages:
            y = BOTTOM + 22
            ops.append(("t", LEFT, y, "被询问人签名：", SMALL, "n"))
            ops.append(("t", LEFT + 76, y, who.name, 13.0, "s"))
            ops.append(("t", LEFT + 230, y, "询问人签名：", SMALL, "n"))
            ops.append(("t", LEFT + 295, y, "\u2002".join(f.officers[:2]), 13.0, "s"))
        self._number_pages(pages, "询问笔录")
        title = f"询问笔录（{who.name}）" if nth == 1 else f"询问笔录（{who.name}，第{nth}次）"
        return _Doc(title, "", day, pages)

    def _qa(self, q: str, a: str) -> list[_Block]:
        return self.ts.para("问：" + q, indent=0) + self.ts.para("答：" + a, indent=0)

    def _opening(self, rng: random.Random, who: _Person, *, short: bool) -> list[tuple[str, str]]:
        f, c = self.f, self.cast
        certs = self.certs_text()
        shown = "这是我们的执法证件（出示执法证件）"
        if certs:
            shown += f"，证件号码{'分别' if '、' in certs else ''}为{certs}"
        out = [(
            f"我们是{f.agency}的执法人员{self.officers_text()}，{shown}。现依法就{f.party}涉嫌{self.cause}一案"
            "向你调查了解有关情况，请你如实回答。如果你认为我们与本案有利害关系，可能影响公正执法，"
            "你有权申请我们回避。你是否看清了我们的执法证件？是否申请回避？",
            rng.choice(("看清楚了，不申请回避。", "看清楚了。我不申请回避。", "看清了，不需要回避。")),
        )]
        if not short:
            out.append((
                "你应当如实陈述事实、提供证据，不得隐瞒或者提供虚假情况，否则要承担相应的法律责任；"
                "你也有陈述和申辩的权利。听清楚了吗？",
                rng.choice(("听清楚了。", "清楚了，我会如实说的。", "明白了。")),
            ))
        sex = "男" if who.male else "女"
        out.append((
            rng.choice(("请讲一下你的基本情况。", "请介绍一下你的个人情况。", "你的基本情况？")),
            f"我叫{who.name}，{sex}，{who.age}岁，{rng.choice(('汉族', '汉族', '汉族', '回族', '土家族'))}，"
            f"{rng.choice(('初中', '高中', '中专', '大专', '本科'))}文化，身份证号码{who.id_no}，"
            f"住{who.address}，联系电话{who.phone}。",
        ))
        if not c.is_person and who is c.agent:
            if who is c.head:
                a = f"我是{f.party}的{c.head_title}，{f.party}的事情由我负责。"
            else:
                a = (f"我是{f.party}的{who.role}，受{c.head_title}{c.head.name}委托来接受调查，"
                     "这是授权委托书和我的身份证复印件。")
            out.append((f"你与{f.party}是什么关系？", a))
        elif who is not c.agent:
            since = self._joined(rng, who, 2010)
            if who.role in ("周边商户", "举报人"):
                a = f"我是{who.role}，和{f.party}没有利害关系，{since}年开始在这一带{rng.choice(('做生意', '居住'))}。"
            else:
                a = f"我是{f.party}的{who.role}，{since}年开始在这里上班。"
            out.append((f"你与{f.party}是什么关系？", a))
        return out

    def _middle(self, rng: random.Random, who: _Person) -> Iterator[tuple[str, str]]:
        """Case questions in a seeded order, then endless follow-ups about records and people."""
        f, c = self.f, self.cast
        party_side = who is c.agent
        we = c.we if party_side else f.party
        them = "你" if c.is_person else f.party
        y, m = c.since
        insp = _d(c.inspected_on)
        items: list[tuple[str, str]] = []
        if party_side:
            items += [
                (rng.choice((f"{them}的经营地址在哪里？主要经营什么？", f"请介绍一下{them}的经营情况。",
                             f"{them}是什么时候开始经营的？经营范围是什么？")),
                 f"{'我' if c.is_person else f.party}的经营地址在{c.party_addr}，{rng.randint(2008, y)}年开始经营，"
                 + rng.choice((f"有员工{rng.randint(2, 30)}人，营业面积约{rng.randint(30, 900)}平方米。",
                               f"平时主要由{c.agent.name}负责日常管理，店里有{rng.randint(2, 12)}个员工。",
                               f"一年的营业额大概{rng.randint(20, 600)}万元。"))),
                ("是否办理了营业执照和相关许可证件？",
                 rng.choice(("营业执照办了，相关许可证也都办了，证件都在有效期内，复印件已经交给你们了。",
                             "营业执照办了，其他许可证正在办理当中，还没有下来。",
                             "营业执照办了，许可证到期以后没有及时去续办。"))),
                (f"{insp}你局执法人员到{them}的经营场所检查时，你是否在场？发现了什么问题？",
                 f"{rng.choice(('我在场。', '我当时在场。'))}执法人员检查时发现{we}存在{self.cause}的问题，"
                 "当场拍了照片，制作了现场检查笔录，我看过以后签了字。"),
                (f"{we if c.is_person else '你们'}{self.cause}的具体情况是怎样的？请如实说明。",
                 f"{we}从{y}年{m}月开始就有这种情况，主要是因为"
                 + rng.choice(("生意比较忙，没有注意到相关规定", "对相关规定理解不到位", "图省事，觉得问题不大",
                               "负责的员工刚来不久，业务不熟悉", "听信了别人的说法，以为这样做没有问题"))
                 + "。" + rng.choice(("这个事情主要是我负责的，责任在我。", "一直到你们来检查才知道问题的严重性。",
                                      "平时也没有建立相关的台账记录。"))),
                ("这种情况持续了多长时间？",
                 rng.choice((f"大概从{y}年{m}月开始的，到你们检查的时候差不多有{c.months}个月了。",
                             f"具体时间记不清了，大约{c.months}个月左右。"))),
                ("涉案的数量、经营额和违法所得是多少？有没有记录？",
                 f"一共大概{c.quantity}{c.unit}，收入{c.revenue}元左右，扣除成本，大概赚了{c.profit}元。"
                 + rng.choice(("有手写的记录本，已经交给你们了。", "都有微信和支付宝的收款记录，可以提供。",
                               "没有专门的账本，这个数是我估算的。"))),
                ("涉案物品（服务）的来源是哪里？有没有进货凭证？",
                 rng.choice((f"是从{c.county}{_name(rng)}那里进的货，没有索要发票，只有微信转账记录。",
                             "是从市里的批发市场进的货，有送货单，已经复印给你们了。",
                             "是供货商直接送上门的，票据有一部分找不到了。"))),
                ("你是否知道这种行为违反了法律规定？",
                 rng.choice(("之前不太清楚相关规定，现在知道了。", "知道一点，但是没想到这么严重。",
                             "以前没人跟我们讲过，是我们学习法律法规不够。"))),
                ("检查之后你们采取了哪些整改措施？",
                 rng.choice(("检查当天就停止了，相关物品已经全部下架封存。",
                             "已经组织员工学习了相关规定，建立了台账，以后一定规范经营。",
                             "已经按照执法人员的要求整改完毕，整改情况的照片已经提交。"))),
                ("此前是否因同类违法行为受过行政处罚？",
                 rng.choice(("没有，这是第一次。", "没有受过处罚。", "没有。"))),
                (f"你对{insp}的现场检查笔录和现场照片有无异议？",
                 rng.choice(("没有异议，内容属实。", "没有异议。", "没有意见，都是事实。"))),
                ("你向我们提供的营业执照、身份证复印件等材料是否真实？",
                 "都是真实的，复印件和原件一致，我都签字确认了。"),
                ("是否造成了危害后果？有没有人投诉？",
                 rng.choice(("没有造成什么后果，也没有人投诉过。", "目前没有接到顾客投诉，也没有发生什么事故。",
                             "有一个顾客反映过，已经给他退款了。"))),
            ]
        else:
            items += [
                ("你在这里主要负责什么工作？" if who.role not in ("周边商户", "举报人") else "你是怎么知道这个情况的？",
                 rng.choice((f"我主要负责{self._duty(who.role)}，每个月工资{rng.randint(25, 60)}00元左右。",
                             f"我平时负责{self._duty(who.role)}，{self._joined(rng, who, 2015)}年开始在这里。"))
                 if who.role not in ("周边商户", "举报人") else
                 rng.choice(("我平时就在旁边，经常能看到。", "我去买过东西，觉得有问题就打电话反映了。"))),
                (f"你对{f.party}{self.cause}的情况是否了解？",
                 rng.choice((f"知道一些。大概从{y}年{m}月开始就有这种情况，具体是老板安排的。",
                             "我只知道一部分，具体的情况要问负责人。",
                             f"了解。{c.agent.name}也知道这个事情，我们平时都是按他说的做的。"))),
                (f"{insp}执法人员来检查的时候你在场吗？",
                 rng.choice(("在场，我看到执法人员拍了照片，清点了东西。", "我当时在店里，看到了检查的过程。",
                             "我那天不在，是后来听同事说的。"))),
                ("你知道这些东西（业务）平时是怎么记账的吗？",
                 rng.choice(("有一个记录本，都是手写的。", "主要是收银系统里有记录，具体我不太清楚。",
                             "没有专门记账，都是老板自己管。"))),
                ("你说的这些情况，还有谁能够证明？",
                 f"{_name(rng)}和{_name(rng)}都知道，他们也在这里{rng.choice(('上班', '做事', '帮忙'))}。"),
            ]
        rng.shuffle(items)
        yield from items
        docs = ("销售单据", "进货单", "出库单", "微信转账记录", "收款记录", "台账记录", "送货单", "手写记录本")
        while True:
            pick = rng.randrange(5)
            day = c.inspected_on - timedelta(days=rng.randint(3, max(4, c.months * 30)))
            if pick == 0:
                amount = rng.randint(2, 90) * rng.choice((10, 25, 50, 100))
                yield (f"我们调取的{_d(day)}的{rng.choice(docs)}上记载了{rng.randint(1, 60)}{c.unit}，"
                       f"金额{amount}元，这是什么情况？",
                       rng.choice((f"那是{_name(rng)}经手的，当时是{rng.choice(('现金', '微信', '转账'))}结算的，"
                                   "具体的情况就是单子上记的那样。",
                                   "这笔是卖给一个老客户的，他经常来，具体叫什么我不清楚。",
                                   "这个时间我记不太清楚了，应该就是单子上写的数。",
                                   f"这笔是{rng.choice(('送货上门', '客户自提', '代别人卖的'))}，钱已经收到了。")))
            elif pick == 1:
                yield (f"{day.year}年{day.month}月份的经营情况怎么样？",
                       f"{day.month}月份{rng.choice(('生意一般', '生意还可以', '生意不太好'))}，"
                       f"大概收入{rng.randint(8, 260) * 100}元，"
                       + rng.choice(("主要是零售。", "具体的数要看记录本。", "其中涉案的部分大概占一小半。")))
            elif pick == 2:
                name = _name(rng)
                role = rng.choice(("店员", "收银员", "仓库保管员", "会计", "送货人员", "采购员"))
                yield (f"{name}在{f.party}负责什么工作？",
                       f"{name}是{role}，主要负责{self._duty(role)}，{rng.randint(2012, f.filed_on.year)}年开始在这里工作。")
            elif pick == 3:
                yield (f"这份{rng.choice(docs)}上的签字是谁签的？",
                       rng.choice(("是我签的字，内容是真实的。", f"是{_name(rng)}签的，当时我也在场。",
                                   "是送货的人签的，我们这边是我收的货。")))
            else:
                yield (f"{_d(day)}前后有没有{rng.choice(('其他人来进货', '人来检查过', '顾客反映过问题'))}？",
                       rng.choice(("没有。", "记不太清楚了，应该没有。", "有过一次，当时没有在意。",
                                   "具体的我要回去查一下记录。")))

    def _joined(self, rng: random.Random, who: _Person, earliest: int) -> int:
        """A year the person started there: not before ``earliest`` nor before they were 18."""
        year = self.f.filed_on.year
        return rng.randint(min(year, max(earliest, year - who.age + 18)), year)

    @staticmethod
    def _duty(role: str) -> str:
        return {
            "店员": "接待顾客、整理货架", "收银员": "收银和开票", "仓库保管员": "货物的进出库和保管",
            "会计": "记账和报税", "送货人员": "送货和收款", "厨师": "后厨的食品加工",
            "现场负责人": "现场的日常管理", "采购员": "进货和联系供货商",
        }.get(role, "日常事务")

    @staticmethod
    def _short_qas() -> list[tuple[str, str]]:
        return [
            ("你刚才说的这些情况属实吗？", "属实。"),
            ("这些材料是你提供的吗？", "是的。"),
            ("当时还有其他人在场吗？", "没有其他人。"),
            ("你说的时间准确吗？", "基本准确。"),
            ("还有其他相关的票据吗？", "没有了。"),
            ("以上情况你是否清楚？", "清楚。"),
        ]

    def _closing(self, rng: random.Random, who: _Person, day: date) -> list[_Block]:
        ts = self.ts
        extra = rng.choice(("没有了。", "没有要补充的了。",
                            "我们是初次违法，已经认识到了错误，希望能够从轻处理。",
                            "我们已经在整改了，希望能够从轻处理。"))
        read = rng.choice(("以上笔录请你核对，记录是否与你所说的一致？",
                           "以上笔录已向你宣读，记录是否与你所说的一致？"))
        blocks = self._qa("你还有什么需要补充的吗？", extra) + self._qa(read, "我看过了，和我说的一样。")
        sign = ts.line(f"以上笔录我已看过，与我说的一致。\u3000{who.name}\u3000{day:%Y.%m.%d}",
                       size=13.0, lead=28, style="s", align="right")
        blocks[-1].keep = True
        blocks.append(sign)
        return blocks

    # ----------------------------------------------------------------------- 现场检查笔录

    def inspection(self) -> _Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("check")
        flow = _Flow()
        blocks = self._title("现场检查笔录")
        blocks.append(ts.fields([("检查时间：", _span(rng, c.inspected_on, rng.randint(30, 90)), 0)]))
        blocks.append(ts.fields([("检查地点：", c.party_addr, 0)]))
        blocks.append(ts.fields([("被检查人：", f.party, 0)]))
        blocks.append(ts.fields([("身份证号码：" if c.is_person else "统一社会信用代码：", c.party_id, 0)]))
        if not c.is_person:
            blocks.append(ts.fields([(f"{c.head_title}：", c.head.name, 100), ("现场负责人：", c.agent.name, 100),
                                     ("电话：", c.agent.phone, 0)]))
        blocks.append(ts.fields([("检查人员：", self.officers_text(), 150), ("执法证号：", self.certs_text(), 0)]))
        blocks.append(ts.fields([("记录人：", self.officer(1) or self.officer(0), 110),
                                 ("见证人：", rng.choice(("", _name(rng))), 0)]))
        blocks.append(_Block(6, []))
        flow.add(blocks)
        flow.add(ts.para(
            f"执法人员{self.officers_text()}向被检查人出示了执法证件，表明身份，告知其依法享有陈述、申辩和申请回避"
            f"的权利以及配合检查、如实提供有关材料的义务。被检查人{c.agent.name}表示听清楚了，不申请回避。"
            "执法人员使用执法记录仪对检查过程全程记录。"))
        flow.add(ts.para("现场检查情况如下：", indent=2))
        area = rng.randint(30, 900)
        points = [
            f"当事人经营场所位于{c.party_addr}，营业面积约{area}平方米，检查时正在营业，"
            f"现场有{rng.randint(1, 8)}名工作人员。",
            f"现场发现当事人存在{self.cause}的情况，涉案物品摆放于"
            f"{rng.choice(('货架显眼位置', '店内仓库', '收银台旁', '门口摊位', '后厨操作间'))}，"
            f"经清点共{c.quantity}{c.unit}。",
            rng.choice(("现场负责人未能提供涉案物品的合法来源证明。", "当事人现场未能提供完整的进货台账和票据。",
                        "当事人现场提供了部分进货单据，执法人员已复印留存。")),
            f"执法人员对现场情况进行了拍照取证，共拍摄照片{c.photos}张，并提取了相关票据复印件。",
        ]
        if rng.random() < 0.5:
            points.insert(2, rng.choice(("现场未见相关许可证件公示。", "现场相关制度未上墙，台账记录不全。",
                                         "现场有顾客正在消费。")))
        for i, point in enumerate(points, 1):
            flow.add(ts.para(f"{i}．{point}", indent=2))
        flow.add(ts.para("以上情况，经被检查人核对无误。", indent=2))
        flow.add([_Block(10, [])])
        sign = _Block(30, [
            ("t", LEFT, 20, "被检查人签名：", SMALL, "n"), ("t", LEFT + 76, 20, c.agent.name, 13.0, "s"),
            ("t", LEFT + 230, 20, "检查人员签名：", SMALL, "n"),
            ("t", LEFT + 306, 20, "\u2002".join(f.officers[:2]), 13.0, "s"),
        ], keep=True)
        flow.add([sign, ts.line(f"{c.inspected_on:%Y.%m.%d}", size=13.0, style="s", align="right")])
        self._number_pages(flow.pages, "现场检查笔录")
        return _Doc("现场检查笔录", "", c.inspected_on, flow.pages)

    # ----------------------------------------------------------------------- 证据材料

    def photos(self, rng: random.Random, count: int) -> _Doc:
        c, ts = self.cast, self.ts
        subjects = ["当事人经营场所外景", "经营场所内景", "涉案物品陈列情况", "涉案物品标签特写", "营业执照悬挂情况",
                    "现场检查时当事人在场情况", "涉案物品清点情况", "仓库存放情况", "进货单据", "执法人员现场检查情况",
                    "现场张贴的价目表", "涉案物品外包装", "收银台及收款码", "整改后现场情况"]
        pages = []
        n = rng.randint(1, 6)
        for _ in range(count):
            ops: list[Op] = []
            ops += _at(ts.line("证据材料（照片）", size=16.0, lead=32, align="center", style="b"), TOP - 6)
            y = TOP + 38
            for _slot in range(2):
                h = 228.0
                ops.append(("r", LEFT + 20, y, RIGHT - 20, y + h, (0.55,) * 3, (0.82,) * 3, 0.8))
                horizon = y + h * rng.uniform(0.45, 0.7)
                ops.append(("r", LEFT + 20, horizon, RIGHT - 20, y + h, None, (0.72, 0.72, 0.72), 0))
                bx = rng.uniform(LEFT + 50, RIGHT - 200)
                ops.append(("r", bx, y + h * 0.22, bx + rng.uniform(80, 160), horizon, None, (0.64,) * 3, 0))
                ops.append(("t", (LEFT + RIGHT) / 2 - 18, y + 24, "（照片）", 9.0, "g"))
                day = c.inspected_on if rng.random() < 0.8 else self.f.filed_on
                h1, m1 = _clock(rng)
                ops.append(("t", LEFT + 20, y + h + 18, f"照片{n}：{rng.choice(subjects)}", SMALL, "n"))
                ops.append(("t", LEFT + 20, y + h + 36,
                            f"拍摄时间：{_d(day)} {h1}:{m1:02d}\u3000拍摄人：{self.officer(n % 2) or self.officer(0)}",
                            9.0, "n"))
                n += 1
                y += h + 58
            ops.append(("t", LEFT + 20, BOTTOM + 10, "当事人（见证人）确认：", SMALL, "n"))
            ops.append(("t", LEFT + 140, BOTTOM + 10, c.agent.name, 13.0, "s"))
            ops.append(("t", RIGHT - 90, BOTTOM + 10, f"{c.inspected_on:%Y.%m.%d}", 12.0, "s"))
            pages.append(ops)
        self._number_pages(pages, "证据材料")
        return _Doc("证据材料（照片）", "", c.inspected_on, pages)

    def papers(self, rng: random.Random, count: int) -> _Doc:
        c, ts = self.cast, self.ts
        kinds = (["居民身份证"] if c.is_person else ["营业执照（副本）", "授权委托书", "法定代表人身份证明"]) + [
            "进货单据", "销售台账", "房屋租赁合同", "收款记录截图", "送货单", "检验报告"]
        chosen = rng.sample(kinds, min(count, len(kinds)))
        pages = []
        for i in range(count):
            kind = chosen[i % len(chosen)]
            ops: list[Op] = []
            ops += _at(ts.line("证据材料（书证）", size=16.0, lead=32, align="center", style="b"), TOP - 6)
            top, bottom = TOP + 50, BOTTOM - 120
            ops.append(("r", LEFT + 30, top, RIGHT - 30, bottom, (0.5, 0.5, 0.5), (0.96, 0.96, 0.96), 0.8))
            ops += _at(ts.line(f"{kind}复印件", size=15.0, lead=30, align="center", style="g"), top + 26)
            y = top + 80
            while y < bottom - 40:
                width = rng.uniform(0.45, 1.0) * (WIDTH - 120)
                ops.append(("r", LEFT + 60, y, LEFT + 60 + width, y + 6, None, (0.84, 0.84, 0.84), 0))
                y += rng.choice((16, 16, 16, 28))
            ops.append(("t", LEFT + 30, bottom + 28, "此复印件与原件核对无误。", BODY, "n"))
            ops.append(("t", LEFT + 30, bottom + 56, "提供人签名：", BODY, "n"))
            ops.append(("t", LEFT + 106, bottom + 56, c.agent.name, 14.0, "s"))
            ops.append(("t", LEFT + 230, bottom + 56, "核对人：", BODY, "n"))
            ops.append(("t", LEFT + 280, bottom + 56, self.officer(0), 14.0, "s"))
            ops.append(("t", RIGHT - 90, bottom + 56, f"{self.f.filed_on:%Y.%m.%d}", 12.0, "s"))
            pages.append(ops)
        self._number_pages(pages, "证据材料")
        title = "证据材料（书证）：" + "、".join(dict.fromkeys(chosen))
        return _Doc(title if len(title) <= 26 else title[:24] + "等", "", self.f.filed_on, pages)

    # ----------------------------------------------------------------------- 告知书 and 决定书

    def _letterhead(self, title: str, number: str) -> list[_Block]:
        ts = self.ts
        size = ts.fit(self.f.agency, 22.0, WIDTH)
        head = ts.line(self.f.agency, size=size, lead=40, align="center", style="rb")
        rule = _Block(12, [("r", LEFT, 4, RIGHT, 5.6, None, _RED, 0)])
        return [head, rule, ts.line(title, size=22.0, lead=44, align="center", style="b"),
                ts.line(number, align="right", lead=30), _Block(6, [])]

    def _party_lines(self) -> list[_Block]:
        f, c, ts = self.f, self.cast, self.ts
        if c.is_person:
            text = [f"当事人：{f.party}", f"性别：{'男' if c.head.male else '女'}\u3000\u3000身份证号码：{c.party_id}",
                    f"住址：{c.party_addr}"]
        else:
            text = [f"当事人：{f.party}", f"统一社会信用代码：{c.party_id}", f"住所：{c.party_addr}",
                    f"{c.head_title}：{c.head.name}"]
        return [b for line in text for b in ts.para(line, indent=0)]

    def _seal_block(self, day: date | None) -> list[_Block]:
        ts = self.ts
        agency = self.f.agency
        size = 14.0
        w = ts.width(agency, size)
        x = RIGHT - 24 - w
        date_text = _d(day)
        dw = ts.width(date_text, size)
        ops: list[Op] = [("t", x, 30, agency, size, "n"), ("t", x + (w - dw) / 2, 58, date_text, size, "n")]
        if day:
            ops.append(("seal", x + w / 2, 38, 54.0, agency))
        return [_Block(18, [], keep=True), _Block(86, ops)]

    @staticmethod
    def _tail(blocks: list[_Block]) -> list[_Block]:
        """A paragraph whose last two lines stay on the page of what follows (the seal)."""
        for block in blocks[-2:]:
            block.keep = True
        return blocks

    def notice(self) -> _Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("notice")
        number = f.case_no.replace("罚", "罚告", 1) if "罚" in f.case_no else f"{f.case_no}（告）"
        flow = _Flow()
        flow.add(self._letterhead("行政处罚事先告知书", number))
        flow.add(ts.para(f"{f.party}：", indent=0))
        you = "你" if c.is_person else "你单位"
        flow.add(ts.para(
            f"本机关于{_d(f.filed_on)}对{you}涉嫌{self.cause}一案立案调查。经查，{you}自{c.since[0]}年{c.since[1]}月起"
            f"存在{self.cause}的行为，涉案数量约{c.quantity}{c.unit}，违法经营额{c.revenue}元。"
            f"{you}的上述行为违反了{self.law()}的规定。"))
        flow.add(ts.para(f"依据{self.basis()}的规定，本机关拟对{you}作出如下行政处罚："))
        for i, item in enumerate(self.penalties(), 1):
            flow.add(ts.para(f"{i}．{item}；" if i < len(self.penalties()) else f"{i}．{item}。"))
        rights = "陈述、申辩和要求听证" if c.hearing else "陈述、申辩"
        articles = "第四十四条、第四十五条、第六十三条、第六十四条" if c.hearing else "第四十四条、第四十五条"
        flow.add(ts.para(
            f"根据《中华人民共和国行政处罚法》{articles}的规定，{you}享有{rights}的权利。{you}如对上述拟作出的"
            f"行政处罚有异议，可以在收到本告知书之日起五个工作日内向本机关提出{rights.replace('和要求', '或者要求')}；"
            f"逾期未提出的，视为放弃上述权利。"))
        contact = f"联系人：{self.officer(0)}\u3000\u3000联系电话：{_phone(rng)}"
        flow.add(self._tail(ts.para(contact)) + self._seal_block(c.notice_on))

        self._number_pages(flow.pages, "告知书")
        return _Doc("行政处罚事先告知书", number, c.notice_on, flow.pages)

    def decision(self) -> _Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("decision")
        flow = _Flow()
        title = "行政处罚决定书"
        flow.add(self._letterhead(title, f.case_no))
        flow.add(self._party_lines())
        flow.add([_Block(6, [])])
        you = "当事人"
        flow.add(ts.para(
            f"{_d(c.inspected_on)}，本机关执法人员在{self._source_clause(rng)}发现{you}涉嫌{self.cause}，"
            f"经本机关负责人批准，于{_d(f.filed_on)}立案调查。本案现已调查终结。"))
        flow.add(ts.para(
            f"经查，{you}自{c.since[0]}年{c.since[1]}月起至{_d(c.inspected_on)}被查获时止，存在{self.cause}的行为。"
            f"{_d(c.inspected_on)}，本机关执法人员对{you}位于{c.party_addr}的经营场所进行检查，"
            f"现场发现涉案物品共计{c.quantity}{c.unit}。经调查，{you}违法经营额为{c.revenue}元，"
            f"违法所得{c.profit}元。"))
        flow.add(ts.para("上述事实，主要有以下证据证明："))
        subject = "当事人居民身份证复印件" if c.is_person else f"{you}营业执照复印件、{c.head_title}身份证明"
        evidence = [
            f"{subject}，证明{you}的主体资格；",
            f"{_d(c.inspected_on)}现场检查笔录及现场照片{c.photos}张，证明{you}违法行为的现场情况；",
            f"{you}{'' if c.is_person else c.head_title if c.agent is c.head else '委托代理人'}"
            f"及有关人员的询问笔录，证明{you}{self.cause}的事实及持续时间；",
            f"进货单据、销售记录等复印件，证明{you}的违法经营额和违法所得；",
        ]
        if rng.random() < 0.6:
            evidence.append("执法记录仪视听资料，证明本机关执法程序合法。")
        evidence[-1] = evidence[-1][:-1] + "。"
        for i, item in enumerate(evidence, 1):
            flow.add(ts.para(f"{i}．{item}"))
        if c.notice_on:
            rights = "陈述、申辩和要求听证" if c.hearing else "陈述、申辩"
            said = (f"{you}在法定期限内未提出陈述、申辩意见{'，也未要求听证' if c.hearing else ''}。"
                    if not c.statement else
                    f"{you}在法定期限内提出了陈述、申辩意见，称其{rng.choice(('系初次违法', '经营困难', '已经积极整改'))}，"
                    "请求从轻处罚。经复核，本机关已在裁量时予以考虑。")
            flow.add(ts.para(
                f"本机关于{_d(c.notice_on)}向{you}送达了《行政处罚事先告知书》，告知{you}拟作出行政处罚的"
                f"事实、理由、依据及处罚内容，并告知{you}依法享有{rights}的权利。{said}"))
        flow.add(ts.para(
            f"本机关认为，{you}{self.cause}的行为，违反了{self.law()}的规定。依据{self.basis()}的规定，"
            f"鉴于{you}{c.mitigation}，本机关决定对{you}作出如下行政处罚："))
        items = self.penalties()
        for i, item in enumerate(items, 1):
            flow.add(ts.para(f"{i}．{item}{'；' if i < len(items) else '。'}"))
        if self.fined():
            flow.add(ts.para(
                f"{you}应当自收到本决定书之日起十五日内，持本决定书到指定银行或者通过电子支付系统缴纳罚没款。"
                "逾期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额，"
                "并依法申请人民法院强制执行。"))
        else:
            flow.add(ts.para(f"{you}应当自收到本决定书之日起履行上述处罚决定，并立即改正违法行为。逾期不履行的，"
                             "本机关将依法申请人民法院强制执行。"))
        court = f"{c.county}人民法院"
        remedy = (
            f"{you}如不服本处罚决定，可以在收到本决定书之日起六十日内向{c.county}人民政府申请行政复议，"
            f"也可以在六个月内依法向{court}提起行政诉讼。申请行政复议或者提起行政诉讼的，"
            "行政处罚不停止执行，法律另有规定的除外。")
        flow.add(self._tail(ts.para(remedy)) + self._seal_block(f.decided_on))
        flow.add([_Block(10, [])])
        flow.add(ts.para("（本文书一式三份，一份送达当事人，一份归档，一份交罚没款收缴机构。）",
                         size=9.0, lead=16, indent=0, style="g"))
        self._number_pages(flow.pages, "决定书")
        return _Doc(title, f.case_no, f.decided_on, flow.pages)

    # ----------------------------------------------------------------------- 送达回证

    def service(self) -> _Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("service")
        ops: list[Op] = []
        ops += _at(ts.line(f.agency, size=ts.fit(f.agency, 16.0, WIDTH), align="center"), TOP)
        ops += _at(ts.line("送达回证", size=22.0, lead=44, align="center", style="b"), TOP + 26)
        lw, vw = 128.0, WIDTH - 128.0
        how = rng.choice(("直接送达", "直接送达", "直接送达", "邮寄送达", "留置送达"))
        receiver = c.agent.name
        served = f.served_on
        sign = [(receiver if served and how != "留置送达" else "", "s"), (_d(served), "n")]
        rows = [
            [_Cell("送达文书名称\n及文号", lw, "center", min_h=54),
             _Cell(f"《行政处罚决定书》\n{f.case_no}", vw, min_h=54)],
            [_Cell("受送达人", lw, "center", min_h=40), _Cell(f.party, vw, min_h=40)],
            [_Cell("送达地点", lw, "center", min_h=40), _Cell(c.party_addr, vw, min_h=40)],
            [_Cell("送达方式", lw, "center", min_h=40), _Cell(how, vw, min_h=40)],
            [_Cell("受送达人\n签名或者盖章", lw, "center", min_h=92), _Cell("", vw, min_h=92, foot=sign)],
            [_Cell("代收人及\n代收理由", lw, "center", min_h=56),
             _Cell("" if c.is_person or receiver == c.head.name else f"{receiver}，受{c.head_title}委托代为签收",
                   vw, min_h=56)],
            [_Cell("送达人", lw, "center", min_h=56),
             _Cell("", vw, min_h=56, foot=[("\u2002".join(f.officers[:2]), "s"), (_d(served), "n")])],
            [_Cell("见证人", lw, "center", min_h=56),
             _Cell("", vw, min_h=56, foot=[(_name(rng), "s")] if how == "留置送达" else [])],
            [_Cell("备\u3000\u3000注", lw, "center", min_h=70),
             _Cell("受送达人拒绝签收，已将文书留置于受送达人住所，并采用拍照、录像方式记录送达过程。"
                   if how == "留置送达" else
                   ("已通过中国邮政EMS寄出，邮件号：" + "".join(rng.choice("0123456789") for _ in range(13))
                    if how == "邮寄送达" else ""), vw, min_h=70)],
        ]
        table, bottom = _table(ts, rows, TOP + 84, lead=18)
        ops += table
        ops += _at(ts.line(f"{f.agency}（印章）", size=SMALL, align="right"), bottom + 14)
        return _Doc("送达回证", f.case_no, served, [ops])


def _at(block: _Block, y: float) -> list[Op]:
    """A block's operations placed at ``y``."""
    return [_shift(op, y) for op in block.ops]


# --------------------------------------------------------------------------- drawing


def _render(pm: Any, doc: pymupdf.Document, font: pymupdf.Font, pages: list[list[Op]]) -> None:
    """Draw the laid-out pages; every text goes through ``TextWriter`` with the one ``font``."""
    total = len(pages)
    low = getattr(pm, "mupdf", None)
    if low is not None and hasattr(low, "fz_show_string"):
        # What TextWriter.append does, without re-bounding all of the writer's text on every call
        # (quadratic: a page of 40 lines cost ≈ 2 ms). y is flipped as append's ``ictm`` does.
        language = low.fz_text_language_from_string(None)

        def show(writer: Any, x: float, y: float, text: str, size: float) -> None:
            matrix = low.fz_make_matrix(size, 0, 0, size, x, PAGE_H - y)
            low.fz_show_string(writer.this, font.this, matrix, text, 0, 0, 0, language)
    else:  # pragma: no cover - another binding layout

        def show(writer: Any, x: float, y: float, text: str, size: float) -> None:
            writer.append((x, y), text, font=font, fontsize=size)

    for number, ops in enumerate(pages, 1):
        page = doc.new_page(width=PAGE_W, height=PAGE_H)
        rect = page.rect
        writers: dict[str, Any] = {}
        lines: dict[float, list[Op]] = {}
        rects: list[Op] = []
        seals: list[Op] = []
        for op in ops:
            kind = op[0]
            if kind == "t":
                _, x, y, text, size, style = op
                if text:
                    writer = writers.get(style)
                    if writer is None:
                        writer = writers[style] = pm.TextWriter(rect)
                    show(writer, x, y, text, size)
            elif kind == "l":
                lines.setdefault(op[5], []).append(op)
            elif kind == "r":
                rects.append(op)
            else:
                seals.append(op)
        footer = f"第 {number} 页　共 {total} 页"
        writer = writers.get("n") or writers.setdefault("n", pm.TextWriter(rect))
        x = (PAGE_W - font.text_length(footer, 9.0)) / 2
        show(writer, x, PAGE_H - 40, footer, 9.0)
        if rects or lines:
            shape = page.new_shape()
            for _, x0, y0, x1, y1, stroke, fill, width in rects:
                shape.draw_rect(pm.Rect(x0, y0, x1, y1))
                shape.finish(color=stroke, fill=fill, width=width)
            for width, group in lines.items():
                for op in group:
                    shape.draw_line(pm.Point(op[1], op[2]), pm.Point(op[3], op[4]))
                shape.finish(color=(0, 0, 0), width=width)
            shape.commit()
        for style, writer in writers.items():
            color, mode = _STYLES[style]
            writer.write_text(page, color=color, render_mode=mode)
        for _, cx, cy, radius, name in seals:
            _draw_seal(pm, page, font, cx, cy, radius, name)


def _draw_seal(pm: Any, page: Any, font: Any, cx: float, cy: float, radius: float, name: str) -> None:
    """A round red seal: ring, five-pointed star, the agency's name along the upper arc."""
    shape = page.new_shape()
    shape.draw_circle(pm.Point(cx, cy), radius)
    shape.finish(color=_RED, width=2.8, stroke_opacity=0.85)
    outer, inner = radius * 0.30, radius * 0.30 * 0.382
    star = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + i * 36)
        star.append(pm.Point(cx + r * math.cos(a), cy + r * math.sin(a)))
    shape.draw_polyline(star)
    shape.finish(color=_RED, fill=_RED, closePath=True, width=0.3, fill_opacity=0.85, stroke_opacity=0.85)
    shape.commit()
    n = len(name)
    span = min(math.radians(250), math.radians(24) * max(n - 1, 1))
    ring = radius - 6
    size = min(radius * 0.30, 0.92 * ring * span / max(n - 1, 1))
    text_r = ring - size * 0.55
    for i, ch in enumerate(name):
        theta = -span / 2 + (span * i / (n - 1) if n > 1 else span / 2)
        px, py = cx + text_r * math.sin(theta), cy - text_r * math.cos(theta)
        writer = pm.TextWriter(page.rect)
        writer.append((px - size / 2, py + size * 0.36), ch, font=font, fontsize=size)
        turn = pm.Matrix(-math.degrees(theta))  # upright towards the rim
        writer.write_text(page, color=_RED, opacity=0.85, morph=(pm.Point(px, py), turn))
