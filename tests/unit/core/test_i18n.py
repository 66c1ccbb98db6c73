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


@pytest.fixture
def own_catalog(tmp_path, monkeypatch):
    """A resources folder with a copy of the shipped catalog, and a fresh data folder."""
    from desktop.core import i18n

    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "translations" / "desk_zh_CN.ts", resources / "translations")
    monkeypatch.setenv("DESK_RESOURCES_DIR", str(resources))
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    i18n.catalog.cache_clear()
    yield resources / "translations" / "desk_zh_CN.ts"
    i18n.catalog.cache_clear()


WRONG_LOGIN = ("errors", "Wrong user name or password.")


def test_the_parsed_catalog_is_kept_and_read_back_while_the_ts_is_the_same(own_catalog) -> None:
    import json

    from desktop.core import i18n

    parsed = i18n.catalog("zh_CN")
    cache = i18n.catalog_cache_path("zh_CN")
    assert parsed[WRONG_LOGIN] and cache.is_file()
    kept = json.loads(cache.read_text(encoding="utf-8"))
    kept["entries"] = [[*WRONG_LOGIN, "从缓存读出"]]
    cache.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    i18n.catalog.cache_clear()
    assert i18n.catalog("zh_CN") == {WRONG_LOGIN: "从缓存读出"}  # read back, not parsed again


def test_a_changed_ts_or_a_broken_cache_is_parsed_again(own_catalog) -> None:
    from desktop.core import i18n

    first = i18n.catalog("zh_CN")
    text = own_catalog.read_text(encoding="utf-8")
    own_catalog.write_text(text.replace(f">{first[WRONG_LOGIN]}<", ">用户名或密码不对。<"), encoding="utf-8")
    i18n.catalog.cache_clear()
    assert i18n.catalog("zh_CN")[WRONG_LOGIN] == "用户名或密码不对。"
    i18n.catalog_cache_path("zh_CN").write_text("{not json", encoding="utf-8")
    i18n.catalog.cache_clear()
    assert i18n.catalog("zh_CN")[WRONG_LOGIN] == "用户名或密码不对。"
    assert i18n.catalog_cache_path("zh_CN").read_text(encoding="utf-8").startswith('{"source_sha256"')


def test_a_cache_folder_that_cannot_be_written_is_passed_by(own_catalog, monkeypatch, tmp_path) -> None:
    from desktop.core import i18n

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setattr(i18n, "catalog_cache_path", lambda language: blocked / f"catalog-{language}.json")
    assert i18n.catalog("zh_CN")[WRONG_LOGIN]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "resources"]
