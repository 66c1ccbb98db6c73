"""Stored Chinese values in the interface's language: English titles in the English window, the
value itself in the Chinese one; free text as it is."""

from __future__ import annotations

from desktop.cases import terms
from desktop.core import i18n
from desktop.personnel.dto import AGENCY_FIELDS, AGENCY_LEVELS
from desktop.views.common.value_titles import VALUE_TITLES, value_title


def test_english_titles_for_the_stored_values() -> None:
    assert value_title("监督检查") == "Supervisory inspection"
    assert value_title("优秀") == "Excellent"
    assert value_title("行政处罚") == "Administrative penalty"
    assert value_title("警告、罚款") == "Warning, Fine"
    assert value_title("某某超市") == "某某超市"
    assert value_title(None) == value_title("") == ""


def test_every_register_value_has_a_title() -> None:
    values = [
        *terms.SOURCES,
        *terms.PARTY_TYPES,
        *terms.MEASURES,
        *terms.PENALTY_KINDS,
        *terms.SUSPENSION_KINDS,
    ]
    values += [*AGENCY_FIELDS, *AGENCY_LEVELS]
    assert [v for v in values if v not in VALUE_TITLES and v not in terms.TERM_TITLES] == []


def test_the_chinese_window_shows_the_values_as_stored() -> None:
    i18n.set_language("zh_CN")
    try:
        assert value_title("监督检查") == "监督检查"
        assert value_title("警告、罚款") == "警告、罚款"
    finally:
        i18n.set_language("en")
