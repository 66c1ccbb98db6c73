"""What every document of a demo dossier draws on: the case's facts and its made-up cast, a
seeded random stream per document, the facts as the documents phrase them (officers, law,
penalties), document titles and their own page numbers."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date

from desktop.demo.dossier.details import make_cast, money_text, rmb_upper
from desktop.demo.dossier.facts import DossierFacts
from desktop.io.pdf.layout import RIGHT, TOP, Block, Op, Typesetter


@dataclass
class Doc:
    """One document of the dossier: its 卷内目录 entry (title, number, date) and its pages."""

    title: str
    number: str
    day: date | None
    pages: list[list[Op]]


class DocumentWriter:
    """Base of the document writers (one subclass a kind of document); ``_Dossier`` joins them."""

    def __init__(self, facts: DossierFacts, seed: int, ts: Typesetter) -> None:
        self.f = facts
        self.seed = seed
        self.ts = ts
        self.cause = re.sub(r"(一案|案)$", "", facts.cause.strip()) or facts.cause
        self.cast = make_cast(facts, self.rng("cast"))

    def rng(self, tag: str) -> random.Random:
        return random.Random(f"{self.seed}:{tag}")

    # ----------------------------------------------------------------------- shared facts

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
                out.append(f"{kind}人民币{money_text(f.amount)}元（大写：{rmb_upper(f.amount)}）")
            else:
                out.append(kind)
        return out

    def fined(self) -> bool:
        return bool(self.f.amount) and any("罚款" in k for k in (self.f.penalty_kinds or ("罚款",)))

    def _source_clause(self, rng: random.Random) -> str:
        return {
            "监督检查": rng.choice(("日常监督检查中", "专项检查中", "“双随机、一公开”抽查中")),
            "投诉举报": "核查群众投诉举报线索时",
            "上级交办": "核查上级机关交办线索时",
            "其他部门移送": "核查有关部门移送线索时",
        }[self.cast.source]

    # ----------------------------------------------------------------------- page furniture

    def _title(self, text: str, size: float = 20.0) -> list[Block]:
        return [Block(12, []), self.ts.line(text, size=size, lead=size * 2.0, align="center", style="b")]

    @staticmethod
    def _number_pages(pages: list[list[Op]], label: str) -> None:
        """A document's own page numbers at the top right of each page (when it has several)."""
        if len(pages) < 2:
            return
        for i, ops in enumerate(pages, 1):
            ops.append(("t", RIGHT - 118, TOP - 24, f"{label}　第 {i} 页　共 {len(pages)} 页", 9.0, "g"))
