"""Tests for desktop.demo.dossier.document: demo case-file PDFs (page counts, contents, font, determinism)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from desktop.demo.dossier.details import rmb_upper
from desktop.demo.dossier.document import write_dossier
from desktop.demo.dossier.facts import DossierFacts

FACTS = DossierFacts(
    case_no="安平市监罚〔2026〕12号",
    agency="安平县市场监督管理局",
    category="行政处罚",
    cause="销售超过保质期的食品",
    party="安平县鑫源商贸有限公司",
    party_type="法人",
    officers=("李明", "王芳"),
    cert_numbers=("33010012345", "33010012346"),
    filed_on=date(2026, 3, 2),
    decided_on=date(2026, 4, 10),
    served_on=date(2026, 4, 13),
    penalty_kinds=("警告", "罚款"),
    amount=Decimal("12050"),
    legal_basis="《中华人民共和国食品安全法》第一百二十四条第一款",
)
PERSON = replace(
    FACTS,
    party="张桂英",
    party_type=None,
    officers=("赵志强", "陈静", "刘洋"),
    cert_numbers=("51081900231",),
    decided_on=None,
    served_on=None,
    penalty_kinds=(),
    amount=None,
    legal_basis=None,
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory):
    """A dossier per (facts, pages, seed), written once for the module: (path, returned count)."""
    cache: dict[tuple[DossierFacts, int, int], tuple[Path, int]] = {}

    def make(facts: DossierFacts = FACTS, pages: int = 12, seed: int = 1) -> tuple[Path, int]:
        key = (facts, pages, seed)
        if key not in cache:
            path = tmp_path_factory.mktemp("dossier") / "d.pdf"
            cache[key] = path, write_dossier(path, facts, pages=pages, seed=seed)
        return cache[key]

    return make


def texts(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [page.get_text() for page in doc]


def decision_pages(pages: list[str]) -> list[int]:
    """Indexes of the pages that open a 行政处罚决定书 (its title line, not an index entry)."""
    return [
        i
        for i, text in enumerate(pages)
        if re.search(r"^行政处罚决定书$", text, re.M)
        and "问：" not in text
        and not text.startswith("卷内目录")
    ]


@pytest.mark.parametrize("pages", [12, 300])
def test_the_page_count_is_what_was_asked_for_and_what_is_returned(made, pages: int) -> None:
    path, count = made(pages=pages)
    with pymupdf.open(path) as doc:
        assert doc.page_count == count == pages
        assert all(page.rect.width == pytest.approx(595, abs=1) for page in doc)
        assert all(page.rect.height == pytest.approx(842, abs=1) for page in doc)


def test_the_shortest_request_still_gets_every_document(made) -> None:
    path, count = made(pages=5)
    pages = texts(path)
    assert len(pages) == count >= 5
    for heading in (
        "卷宗封面",
        "卷内目录",
        "立案审批表",
        "询问笔录",
        "现场检查笔录",
        "行政处罚决定书",
        "送达回证",
    ):
        assert any(heading in text for text in pages), heading


@pytest.mark.parametrize("pages", [4, 301])
def test_page_counts_outside_5_to_300_are_refused(tmp_path: Path, pages: int) -> None:
    with pytest.raises(ValueError, match="between 5 and 300"):
        write_dossier(tmp_path / "d.pdf", FACTS, pages=pages, seed=1)
    assert not list(tmp_path.iterdir())


def test_the_documents_come_in_order_with_page_numbers(made) -> None:
    path, count = made()
    pages = texts(path)
    assert "卷宗封面" in pages[0] and FACTS.case_no in pages[0] and FACTS.party in pages[0]
    assert "本卷共 12 页" in pages[0] and "2026年3月2日" in pages[0]
    assert pages[1].startswith("卷内目录")
    assert "立案审批表" in pages[2]
    documents = [(i, t) for i, t in enumerate(pages) if not t.startswith("卷内目录")]
    order = [
        next(i for i, t in documents if re.search(rf"^{h}$", t, re.M))
        for h in ("立案审批表", "询问笔录", "现场检查笔录")
    ]
    assert order == sorted(order)
    decision = decision_pages(pages)
    assert len(decision) == 1 and decision[0] > order[-1]
    text = pages[decision[0]] + pages[decision[0] + 1]
    for needed in (
        FACTS.case_no,
        f"当事人：{FACTS.party}",
        "经查",
        "上述事实",
        FACTS.legal_basis,
        "罚款人民币12050元",
        "壹万贰仟零伍拾元整",
        "十五日内",
        "行政复议",
        "行政诉讼",
        FACTS.agency,
        "2026年4月10日",
    ):
        assert needed in text, needed
    assert "送达回证" in pages[-1] and FACTS.case_no in pages[-1] and FACTS.party in pages[-1]
    for n, text in enumerate(pages, 1):
        assert f"第 {n} 页　共 {count} 页" in text


def test_the_index_gives_each_documents_pages(made) -> None:
    path, _ = made(pages=30)
    pages = texts(path)
    index = "".join(t for t in pages if t.startswith("卷内目录"))
    first, last = re.search(r"行政处罚决定书\n[^\n]*12号\n[\d.]+\n(\d+)-?(\d+)?\n", index).groups()
    assert decision_pages(pages) == [int(first) - 1]
    assert re.search(rf"送达回证\n[^\n]*12号\n[\d.]+\n{len(pages)}\n", index)


def test_the_decision_carries_a_red_seal_once_decided(made) -> None:
    def red_rings(path: Path) -> int:
        with pymupdf.open(path) as doc:
            page = doc[decision_pages([p.get_text() for p in doc])[0] + 1]
            colours = [d["color"] for d in page.get_drawings() if d.get("color")]
            return sum(1 for c in colours if c[0] > 0.8 > c[1])

    decided, _ = made()
    pending, _ = made(PERSON, 15)
    assert red_rings(decided) >= 1
    assert red_rings(pending) == 0


def test_a_person_with_missing_facts_still_gets_a_whole_dossier(made) -> None:
    path, count = made(PERSON, 15)
    pages = texts(path)
    assert count == len(pages) == 15
    decision = "".join(pages[i] + pages[i + 1] for i in decision_pages(pages))
    assert "当事人：张桂英" in decision and "性别：女" in decision
    assert "警告" in decision and "\u3000\u3000年\u3000\u3000月\u3000\u3000日" in decision
    assert "证件号码为51081900231" in "".join(pages)


def test_the_cjk_font_is_embedded_once_and_subset(made) -> None:
    path, _ = made(pages=10)
    assert path.stat().st_size < 150_000
    with pymupdf.open(path) as doc:
        assert doc.get_page_fonts(0)
        names = {font[3] for page in doc for font in page.get_fonts()}
        xrefs = {font[0] for page in doc for font in page.get_fonts()}
    assert len(names) == len(xrefs) == 1
    assert re.match(r"[A-Z]{6}\+", names.pop())  # a subset


def test_the_same_seed_gives_the_same_text_and_another_seed_other_inquiries(made, tmp_path: Path) -> None:
    a, _ = made()
    b = tmp_path / "again.pdf"
    write_dossier(b, FACTS, pages=12, seed=1)
    c, _ = made(seed=2)
    assert texts(a) == texts(b)

    def inquiries(path: Path) -> str:
        return "".join(t for t in texts(path) if "问：" in t)

    assert inquiries(a) and inquiries(c)
    assert inquiries(a) != inquiries(c)


def test_the_file_appears_complete_in_new_folders(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "x.pdf"
    assert write_dossier(path, FACTS, pages=8, seed=0) == 8
    assert path.read_bytes().startswith(b"%PDF")
    assert write_dossier(str(path), FACTS, pages=9, seed=0) == 9
    assert [p.name for p in path.parent.iterdir()] == ["x.pdf"]


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("12050", "壹万贰仟零伍拾元整"),
        ("100000", "壹拾万元整"),
        ("10203.04", "壹万零贰佰零叁元零肆分"),
        ("1000.5", "壹仟元伍角"),
        ("100010000", "壹亿零壹万元整"),
        ("200", "贰佰元整"),
    ],
)
def test_amounts_in_capital_figures(amount: str, words: str) -> None:
    assert rmb_upper(Decimal(amount)) == words


def test_no_line_starts_with_a_closing_mark_even_two_in_a_row() -> None:
    from desktop.io.pdf.layout import _NO_LINE_START, Typesetter

    typesetter = Typesetter(lambda _ch, _size: 1.0)
    text = "重大执法决定未经法制审核或情节复杂案件未经负责人集体讨论（1处）；未使用统一封面（1处）。"
    for width in range(6, 30):
        lines = typesetter.wrap(text, 1.0, width)
        assert "".join(lines) == text
        assert not any(line[:1] in _NO_LINE_START for line in lines[1:]), (width, lines)
