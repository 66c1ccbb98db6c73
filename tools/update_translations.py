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
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py")
                  if "migrations" not in p.parts)


def lupdate(ts: Path) -> None:
    """Run pyside6-lupdate over the source into ``ts`` (created when missing)."""
    tool = shutil.which("pyside6-lupdate")
    if tool is None:
        sys.exit("pyside6-lupdate not found (it comes with PySide6)")
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, *source_files(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "zh_CN", "-silent"],
                   cwd=ROOT, check=True)


def main() -> None:
    """Update the catalog in place (or the one named by --ts)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ts", type=Path, default=TS)
    lupdate(parser.parse_args().ts)


if __name__ == "__main__":
    main()
