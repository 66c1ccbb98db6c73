"""Translation without Qt: the same ``.ts`` catalog the window uses, read for the command line
and for messages raised by services.

Strings are English in the source. ``QT_TRANSLATE_NOOP(context, text)`` marks a string for
``pyside6-lupdate`` and returns it unchanged; ``translate(context, text)`` looks it up in the
current language.
"""

from __future__ import annotations

import hashlib
import json
import os
from contextlib import suppress
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
    """Every finished translation of ``language``, keyed by (context, source).

    Parsing the ``.ts`` (XML) takes ≈ 20 ms at every start; what it gave is kept in the user data
    folder (``cache/catalog-<language>.json``, with the SHA-256 of the ``.ts`` it came from) and
    read back in ≈ 4 ms while the ``.ts`` is the same. A cache that cannot be read or written is
    only passed by.
    """
    path = catalog_path(language)
    if not path.exists():
        return {}
    source = path.read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    cache = catalog_cache_path(language)
    entries = _read_cache(cache, digest)
    if entries is None:
        entries = parse_catalog(source)
        _write_cache(cache, digest, entries)
    return entries


def catalog_cache_path(language: str) -> Path:
    """Where the parsed catalog of ``language`` is kept."""
    from desktop.core.paths import user_data_dir

    return user_data_dir() / "cache" / f"catalog-{language}.json"


def parse_catalog(source: bytes) -> dict[tuple[str, str], str]:
    """The finished translations in a ``.ts`` file's text (unfinished and obsolete ones left out)."""
    import xml.etree.ElementTree as ET  # only when the kept catalog is out of date

    entries: dict[tuple[str, str], str] = {}
    for ctx in ET.fromstring(source).iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                entries[(name, msg.findtext("source") or "")] = tr.text
    return entries


def _read_cache(cache: Path, digest: str) -> dict[tuple[str, str], str] | None:
    try:
        kept = json.loads(cache.read_text(encoding="utf-8"))
        if kept.get("source_sha256") != digest:
            return None
        return {(context, text): translation for context, text, translation in kept["entries"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cache(cache: Path, digest: str, entries: dict[tuple[str, str], str]) -> None:
    rows = [[context, text, translation] for (context, text), translation in entries.items()]
    body = json.dumps({"source_sha256": digest, "entries": rows}, ensure_ascii=False)
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.part")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(body, encoding="utf-8")
        os.replace(partial, cache)  # whole or not at all, whoever writes it at the same time
    except OSError:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
