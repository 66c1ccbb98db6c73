"""Demo case files (行政处罚案卷) as PDF: cover, index, the usual documents, padded to a page count.

``write_dossier`` first lays every document out in plain Python (measured with the font that
gets embedded), so that the 卷内目录 can give each document's page range, then draws the pages
with PyMuPDF: one ``Font("cjk")`` for the whole file, subset before saving (≈ 120 bytes for
each of the 400–700 distinct characters a dossier uses).
The wording varies with the seed (``random.Random``) and is the same for the same facts and
seed. No Qt and no database: the demo generator hands in the facts of one case.

The parts: ``facts`` is what the register hands in, ``details`` makes up the cast, ``writer`` is
what every document draws on, and one writer a kind of document: ``forms``, ``inquiry``,
``evidence``, ``letters``; ``desktop.io.pdf`` typesets and draws.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desktop.demo.dossier.details import make_witness
from desktop.demo.dossier.evidence import EvidenceWriter
from desktop.demo.dossier.facts import DossierFacts
from desktop.demo.dossier.forms import FormWriter
from desktop.demo.dossier.inquiry import InquiryWriter
from desktop.demo.dossier.letters import LetterWriter
from desktop.demo.dossier.writer import Doc
from desktop.io.pdf.layout import Op
from desktop.io.pdf.render import cjk_typesetter, new_document, save_replacing

MIN_PAGES = 5
MAX_PAGES = 300
"""The page counts ``write_dossier`` accepts; a complete dossier has at least 8 pages (7 when
its 决定书 fits on one page), so smaller requests get that many."""


def write_dossier(path: str | Path, facts: DossierFacts, *, pages: int, seed: int) -> int:
    """Write a dossier of about `pages` pages (at least 5, up to 300); return the page count written.

    Any count from 8 up is met exactly; below that the dossier gets the 7 or 8 pages its
    documents need. The file is replaced only when complete (written to ``path.part`` first).
    """
    if not MIN_PAGES <= pages <= MAX_PAGES:
        raise ValueError(f"pages must be between {MIN_PAGES} and {MAX_PAGES}, not {pages}")
    font, ts = cjk_typesetter()
    layout = _Dossier(facts, seed, ts).build(pages)
    metadata = {
        "title": f"{facts.case_no} {facts.cause}",
        "author": facts.agency,
        "subject": "行政执法案卷",
        "creator": "执法监督工作台（演示数据）",
        "producer": "",
    }
    doc = new_document(layout, font, metadata)
    try:
        save_replacing(doc, Path(path), garbage=3, deflate=True)
        return doc.page_count
    finally:
        doc.close()


# --------------------------------------------------------------------------- the dossier


class _Dossier(FormWriter, InquiryWriter, EvidenceWriter, LetterWriter):
    """Lays out one dossier: ``build`` returns the operations of every page."""

    # ----------------------------------------------------------------------- plan and build

    def build(self, pages: int) -> list[list[Op]]:
        c = self.cast
        fixed: list[tuple[str, Doc]] = [
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
        docs: list[Doc] = [
            fixed[0][1],
            self.inquiry(self.rng("inq0"), c.agent, when[0], first, 1),
            fixed[1][1],
        ]
        seen: dict[str, int] = {c.agent.name: 1}
        asked = 1
        for n, (kind, size) in enumerate(padding, 1):
            rng = self.rng(f"pad{n}")
            if kind == "inq":
                if rng.random() < 0.3:
                    who = c.agent
                else:
                    who = make_witness(rng, c, self.f.filed_on)
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
