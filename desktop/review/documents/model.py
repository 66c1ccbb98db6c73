"""What the review's documents are made from: plain frozen dataclasses that the feedback service
fills in and the document modules lay out (a mark on a dossier page, a score sheet and its lines,
a rectification notice). No Qt, no database, no PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal


@dataclass(frozen=True)
class MarkOut:
    """A reviewer's mark on a dossier page: a box (``rect``) or a text selection (``text``)."""

    page: int
    """0-based page number."""
    rect: tuple[float, float, float, float]
    """x0, y0, x1, y1 in points of the unrotated page (see the module docstring)."""
    kind: Literal["rect", "text"]
    text: str
    """The selected text (kind ``text``)."""
    label: str
    """The deduction it supports, e.g. "2.2.a 漏项、内容不完整、表述不清 −1分"."""
    note: str
    reviewer: str


@dataclass(frozen=True)
class SheetLine:
    """One deduction on the score sheet; ``points`` as the caller formats it ("−1×3=−3")."""

    code: str
    section: str
    item: str
    text: str
    points: str
    note: str
    reviewer: str
    recheck: str = ""
    """The recheck decision, e.g. "复核：维持" ("" when none was asked for)."""


@dataclass(frozen=True)
class ScoreSheetOut:
    """What the 案卷评查评分表 of one file shows."""

    campaign: str
    agency: str
    case_no: str
    cause: str
    party: str
    rubric: str
    """The standard's name and code."""
    reviewers: tuple[str, ...]
    weights: str
    """e.g. "50% / 50%", or "" when the reviewers' scores are not weighted."""
    lines: tuple[SheetLine, ...]
    vetoes: tuple[tuple[str, str], ...]
    """(code, text) of each veto item found."""
    total: str
    grade: str
    paper: bool
    """A paper file (纸质卷宗): the sheet is printed alone."""
    scored_on: str


@dataclass(frozen=True)
class NoticeOut:
    """What the 整改通知书 to one agency says."""

    bureau: str
    agency: str
    campaign: str
    notice_no: str
    issued_on: date
    rectify_by: date
    recheck_until: date
    files: tuple[tuple[str, str, str], ...]
    """(case_no, total, grade) of each reviewed file."""
    common_problems: tuple[tuple[str, int], ...]
    """(deduction text, times found), in the order to print them."""
    summary: dict[str, str]
    """``count``, ``average``, ``pass_rate``, ``excellent_rate`` as they should read ("92.5%")."""
