"""Words and small pieces the campaign views share: states, quotas, periods, scores, rates, grade
tones, and a page over rows already in memory (a campaign's files, its agencies)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from desktop.cases import terms
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.review.dto import CampaignRow, FileRow, SheetState
from desktop.views.common.lazy_table import format_score
from desktop.views.common.value_titles import value_title

CONTEXT = "CampaignTitles"
T = TypeVar("T")
NOT_SCORED = "—"
"""What a score or a grade shows while the file is not scored (never "100.0 优秀")."""

CAMPAIGN_STATES = {
    "scoring": QT_TRANSLATE_NOOP("CampaignTitles", "Scoring"),
    "closed": QT_TRANSLATE_NOOP("CampaignTitles", "Announced"),
    "voided": QT_TRANSLATE_NOOP("CampaignTitles", "Voided"),
}
SHEET_STATES = {
    "open": QT_TRANSLATE_NOOP("CampaignTitles", "In progress"),
    "submitted": QT_TRANSLATE_NOOP("CampaignTitles", "Submitted"),
}
RECHECK_STATES = {
    "requested": QT_TRANSLATE_NOOP("CampaignTitles", "Requested"),
    "assigned": QT_TRANSLATE_NOOP("CampaignTitles", "Under recheck"),
    "decided": QT_TRANSLATE_NOOP("CampaignTitles", "Rechecked"),
}
FILE_STATES = ("open", "done")
FILE_STATE_TITLES = {
    "open": QT_TRANSLATE_NOOP("CampaignTitles", "Not finished"),
    "done": QT_TRANSLATE_NOOP("CampaignTitles", "Finished"),
}
QUOTA_BOTH = QT_TRANSLATE_NOOP("CampaignTitles", "{count} per agency or {percent}%, whichever is more")
QUOTA_PERCENT = QT_TRANSLATE_NOOP("CampaignTitles", "{percent}% per agency")
QUOTA_COUNT = QT_TRANSLATE_NOOP("CampaignTitles", "{count} per agency")
SINGLE = QT_TRANSLATE_NOOP("CampaignTitles", "Single scoring")
DOUBLE = QT_TRANSLATE_NOOP("CampaignTitles", "Double scoring, weighted {first}% / {second}%")
PAPER = QT_TRANSLATE_NOOP("CampaignTitles", "Paper")
ELECTRONIC = QT_TRANSLATE_NOOP("CampaignTitles", "Electronic")
COMMA = QT_TRANSLATE_NOOP("CampaignTitles", ", ")
SEMICOLON = QT_TRANSLATE_NOOP("CampaignTitles", "; ")
BAND_GREEN, BAND_BLUE, BAND_LIGHT_BLUE, BAND_RED = "#188038", "#1A73E8", "#7BAAF7", "#D93025"
CJK_FAMILIES = (
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)
"""Fonts with Chinese glyphs, in order of preference (Windows first)."""


def tr(text: str) -> str:
    """Translate a string of this module's context."""
    return QCoreApplication.translate(CONTEXT, text)


def campaign_state(state: str) -> str:
    """评分中, 已通报 or 作废."""
    return tr(CAMPAIGN_STATES.get(state, state))


def sheet_state(state: str) -> str:
    """A score sheet's state in words."""
    return tr(SHEET_STATES.get(state, state))


def recheck_state(state: str | None) -> str:
    """A file's recheck in words ("" when none was asked for)."""
    return tr(RECHECK_STATES.get(state, state)) if state else ""


def file_state_title(state: str) -> str:
    """未完成 / 已完成 (the file filter)."""
    return tr(FILE_STATE_TITLES[state])


def score_or_dash(value: Decimal | float | None) -> str:
    """A score with one decimal, "—" while there is none (the file is not scored yet)."""
    return NOT_SCORED if value is None else format_score(value)


def format_rate(value: Decimal | float | None) -> str:
    """A rate as ``85.0%``, "" when none."""
    return "" if value is None else f"{Decimal(value):.1f}%"


def format_day(value: date | None) -> str:
    """``YYYY-MM-DD``, "" when none."""
    return value.isoformat() if value else ""


def period_text(start: date, end: date) -> str:
    """``2025-01-01 – 2025-12-31``."""
    return f"{start.isoformat()} – {end.isoformat()}"


def quota_text(per_agency: int | None, percent: Decimal | None) -> str:
    """每单位 3 件 · 10% · or both (the larger counts)."""
    share = f"{Decimal(percent).normalize():f}" if percent else ""
    if per_agency and share:
        return tr(QUOTA_BOTH).format(count=per_agency, percent=share)
    if share:
        return tr(QUOTA_PERCENT).format(percent=share)
    return tr(QUOTA_COUNT).format(count=per_agency or 0)


def categories_text(categories: Iterable[str]) -> str:
    """The case categories in the user's language."""
    return tr(COMMA).join(terms.term_title(c) for c in categories)


def weights_text(row: CampaignRow) -> str:
    """单人评分, or 双人评分 60% / 40%."""
    if not row.double:
        return tr(SINGLE)
    return tr(DOUBLE).format(first=row.first_weight, second=100 - row.first_weight)


def paper_text(paper: bool) -> str:
    """纸质 or 电子 (the dossier a file is scored from)."""
    return tr(PAPER) if paper else tr(ELECTRONIC)


def sheet_text(sheet: SheetState) -> str:
    """``r_bureau 已提交 92.0`` — one score sheet with its state and, when visible, its score."""
    score = format_score(sheet.total) if sheet.state == "submitted" else ""
    who = sheet.reviewer_name or sheet.reviewer
    return " ".join(part for part in (who, sheet_state(sheet.state), score) if part)


def sheets_text(row: FileRow) -> str:
    """Every sheet of a file, ``；``-separated."""
    return tr(SEMICOLON).join(sheet_text(s) for s in row.sheets)


def grade_tone(grade: str | None, bands: Sequence[str]) -> str | None:
    """Green for the top band, red for the last one (the word is always there too)."""
    if not grade or not bands:
        return None
    if grade == bands[0]:
        return "green"
    return "red" if grade == bands[-1] else None


def band_colours(bands: Sequence[str]) -> dict[str, str]:
    """The chart colour of each band: top green, last red, those between blue."""
    colours: dict[str, str] = {}
    middle = (BAND_BLUE, BAND_LIGHT_BLUE)
    for n, band in enumerate(bands):
        if n == 0:
            colours[band] = BAND_GREEN
        elif n == len(bands) - 1:
            colours[band] = BAND_RED
        else:
            colours[band] = middle[(n - 1) % len(middle)]
    return colours


def grades_text(grades: Iterable[tuple[str, int]]) -> str:
    """``优秀 3 · 合格 5 · 不合格 0``."""
    return " · ".join(f"{value_title(band)} {count}" for band, count in grades)


def cjk_font(base: QFont, scale: float = 1.0) -> QFont:
    """``base`` with families that have Chinese glyphs behind it (chart axes draw with their own font)."""
    font = QFont(base)
    font.setFamilies([base.family(), *CJK_FAMILIES])
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def short_names(names: Mapping[str, str]) -> Callable[[str], str]:
    """A formatter giving an agency's short name (its full name when it has none)."""
    return lambda name: names.get(name, name) if name else ""


# -- pages over rows in memory -------------------------------------------------------------------
