"""The Simplified Chinese catalog is complete and up to date with the source."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%\d|%n")


def entries(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> dict:
    """What lupdate finds in the source today, merged with the committed catalog."""
    copy = tmp_path_factory.mktemp("ts") / "desk_zh_CN.ts"
    shutil.copy(update_translations.TS, copy)
    update_translations.lupdate(copy)
    return entries(copy)


def test_the_catalog_holds_exactly_the_strings_in_the_source(fresh) -> None:
    committed = set(entries(update_translations.TS))
    missing = sorted(set(fresh) - committed)
    stale = sorted(committed - set(fresh))
    assert not missing, f"run tools/update_translations.py; new strings: {missing[:10]}"
    assert not stale, f"run tools/update_translations.py; strings gone from the source: {stale[:10]}"


def test_every_entry_is_translated(fresh) -> None:
    unfinished = [
        key
        for key, tr in fresh.items()
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip()
    ]
    assert not unfinished, f"{len(unfinished)} unfinished, e.g. {unfinished[:10]}"


def test_translations_keep_their_placeholders(fresh) -> None:
    wrong = [
        (src, tr.text)
        for (_ctx, src), tr in fresh.items()
        if tr is not None
        and tr.text
        and sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text))
    ]
    assert not wrong, wrong[:10]


def test_the_cli_catalog_reads_the_same_file() -> None:
    from desktop.core import i18n

    i18n.set_language("zh_CN")
    try:
        assert i18n.translate("errors", "Wrong user name or password.") != "Wrong user name or password."
    finally:
        i18n.set_language("en")
