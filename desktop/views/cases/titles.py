"""Words for a case's coded values in the user's language: lists, category and procedure, warning
names and levels, certificate states on the filing date, document kinds (shared by the page, the
detail panel and the dialogs)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from desktop.cases import terms
from desktop.cases.rules import WARNING_TITLES
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.views.personnel.officers.titles import cert_state_title

CONTEXT = "CaseTitles"

_TEXTS = {
    "separator": QT_TRANSLATE_NOOP("CaseTitles", ", "),
    "not_yet": QT_TRANSLATE_NOOP("CaseTitles", "Not yet issued"),
    "superseded": QT_TRANSLATE_NOOP("CaseTitles", "Replaced by a new number"),
    "dossier": QT_TRANSLATE_NOOP("CaseTitles", "Dossier"),
    "red": QT_TRANSLATE_NOOP("CaseTitles", "Red warning"),
    "yellow": QT_TRANSLATE_NOOP("CaseTitles", "Yellow warning"),
}
CERT_TONES = {"valid": "green"}
"""A certificate valid on the filing date is green; any other state is red (a warning)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def joined(values: Iterable[str]) -> str:
    """Values as a list in the user's language ("a、b" in Chinese, "a, b" in English)."""
    return _tr(_TEXTS["separator"]).join(v for v in values if v)


def category_text(category: str | None, procedure: str | None = None) -> str:
    """ "行政处罚 · 普通程序" (the procedure only where there is one)."""
    parts = [terms.term_title(category), terms.term_title(procedure)]
    return " · ".join(p for p in parts if p)


def warning_title(code: str) -> str:
    """A warning code's name in the user's language."""
    source = WARNING_TITLES.get(code)
    return translate("warnings", source) if source else code


def warning_titles(codes: Iterable[str]) -> str:
    """The names of several warnings, as a list."""
    return joined(warning_title(code) for code in codes)


def cert_text(state: str) -> str:
    """An officer's certificate state on the filing date, in words."""
    return _tr(_TEXTS[state]) if state in ("not_yet", "superseded") else cert_state_title(state)


def cert_tone(state: str) -> str:
    """Green for a certificate valid on the filing date, red for anything else."""
    return CERT_TONES.get(state, "red")


def document_kind(kind: str) -> str:
    """A document kind in words (卷宗 …)."""
    return _tr(_TEXTS[kind]) if kind == "dossier" else kind


def level_title(level: str) -> str:
    """A warning level in words (红色预警, 黄色预警)."""
    return _tr(_TEXTS.get(level, level))
