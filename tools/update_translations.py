"""Refresh resources/translations/desk_zh_CN.ts from the source with pyside6-lupdate.

New strings appear as unfinished; strings no longer in the source are dropped. Then fill in
the Chinese (Qt Linguist, or any editor) — the test suite fails while any entry is unfinished.

    python tools/update_translations.py [--ts PATH]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "desk_zh_CN.ts"


def source_files() -> list[str]:
    """Every Python file of the program, relative to the repository."""
    return sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py") if "migrations" not in p.parts
    )


def lupdate(ts: Path) -> None:
    """Run pyside6-lupdate over the source into ``ts`` (created when missing)."""
    tool = shutil.which("pyside6-lupdate")
    if tool is None:
        sys.exit("pyside6-lupdate not found (it comes with PySide6)")
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            tool,
            *source_files(),
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            "-silent",
        ],
        cwd=ROOT,
        check=True,
    )


def fill(ts: Path, mapping: dict[str, str]) -> int:
    """Fill unfinished entries from ``mapping`` (keys ``source`` or ``context|source``)."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    filled = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            source = msg.findtext("source") or ""
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            if tr is not None and tr.get("type") == "unfinished" and text:
                tr.text = text
                del tr.attrib["type"]
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """The (context, source) pairs still without a translation."""
    import xml.etree.ElementTree as ET

    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in ET.parse(ts).getroot().iter("context")
        for msg in ctx.iter("message")
        if (msg.find("translation") is None or msg.find("translation").get("type") == "unfinished")
    ]


def main() -> None:
    """Update the catalog in place (or the one named by --ts); optionally fill it from JSON."""
    import json

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ts", type=Path, default=TS)
    parser.add_argument("--fill", type=Path, help="JSON object: source (or context|source) → translation")
    parser.add_argument("--list-unfinished", action="store_true", help="print what is left as JSON")
    args = parser.parse_args()
    lupdate(args.ts)
    if args.fill:
        print(f"filled {fill(args.ts, json.loads(args.fill.read_text(encoding='utf-8')))}")
        lupdate(args.ts)  # lupdate's own formatting
    if args.list_unfinished:
        print(json.dumps([f"{c}|{s}" for c, s in unfinished(args.ts)], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
