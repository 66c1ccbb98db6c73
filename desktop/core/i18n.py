"""Translation without Qt: the same ``.ts`` catalog the window uses, read for the command line
and for messages raised by services.

Strings are English in the source. ``QT_TRANSLATE_NOOP(context, text)`` marks a string for
``pyside6-lupdate`` and returns it unchanged; ``translate(context, text)`` looks it up in the
current language.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_current = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker name
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    return text


def set_language(language: str) -> None:
    """Choose the language of ``translate``: ``zh_CN`` or ``en``."""
    global _current
    _current = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language ``translate`` answers in."""
    return _current


def translate(context: str, text: str) -> str:
    """``text`` in the current language (the English source when none is known)."""
    if _current == "en":
        return text
    return catalog(_current).get((context, text)) or text


def catalog_path(language: str) -> Path:
    """The ``.ts`` file of ``language``."""
    from desktop.core.paths import resources_dir

    return resources_dir() / "translations" / f"desk_{language}.ts"


@lru_cache(maxsize=4)
def catalog(language: str) -> dict[tuple[str, str], str]:
    """Every finished translation of ``language``, keyed by (context, source)."""
    path = catalog_path(language)
    if not path.exists():
        return {}
    entries: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                entries[(name, msg.findtext("source") or "")] = tr.text
    return entries
