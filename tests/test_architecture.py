"""The layering rules of ARCHITECTURE.md, checked on the source (no imports, no Qt).

- Only ``desktop/views/**`` and ``desktop/app.py`` may import Qt: services, models and the
  command line stay plain Python, testable without a window and usable headless.
- ``main.py`` stays a thin entry point (≤ 20 lines).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "desktop"
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "pytestqt")
"""Top-level names that mean "this module needs Qt"."""


def may_import_qt(path: Path) -> bool:
    """Whether the rule lets this file import Qt."""
    rel = path.relative_to(DESKTOP).as_posix()
    return rel == "app.py" or rel.startswith("views/")


def is_qt(module: str | None) -> bool:
    """Whether a dotted module name belongs to a Qt binding."""
    return bool(module) and module.split(".")[0] in QT_PACKAGES


def qt_imports(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """Every Qt import in ``source`` with its line: ``import``, ``from … import`` (also inside
    functions and ``if TYPE_CHECKING``), ``importlib.import_module("…")`` and ``__import__("…")``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if is_qt(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and is_qt(node.module):
                found.append((node.lineno, node.module or ""))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            value = node.args[0].value
            if name in ("import_module", "__import__") and isinstance(value, str) and is_qt(value):
                found.append((node.lineno, value))
    return found


def core_modules() -> list[Path]:
    """Every Python file under desktop/ that must not import Qt."""
    return sorted(p for p in DESKTOP.rglob("*.py") if not may_import_qt(p))


def test_the_checker_sees_every_kind_of_qt_import() -> None:
    source = (
        "import os\n"
        "import PySide6\n"
        "from PySide6.QtCore import QObject\n"
        "import PySide6.QtWidgets as w\n"
        "def later():\n"
        "    from PySide6 import QtGui\n"
        "    import importlib\n"
        "    importlib.import_module('PySide6.QtSvg')\n"
        "    __import__('shiboken6')\n"
        "from desktop.views import thing\n"
        "from . import PySide6_like\n"
    )
    assert [line for line, _ in qt_imports(source)] == [2, 3, 4, 6, 8, 9]


def test_the_rule_covers_the_core_and_spares_the_views() -> None:
    modules = {p.relative_to(DESKTOP).as_posix() for p in core_modules()}
    assert {"cli/main.py", "core/paths.py", "models/db.py", "personnel/service.py"} <= modules
    assert "app.py" not in modules
    assert not any(m.startswith("views/") for m in modules)


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(DESKTOP).as_posix())
def test_only_views_and_app_import_qt(path: Path) -> None:
    found = qt_imports(path.read_text(encoding="utf-8"), str(path))
    where = ", ".join(f"line {line}: {name}" for line, name in found)
    assert not found, (
        f"{path.relative_to(ROOT)} imports Qt ({where}); only desktop/views/ and "
        "desktop/app.py may (ARCHITECTURE.md): move the Qt part into a view"
    )


def test_main_py_is_at_most_20_lines() -> None:
    lines = (ROOT / "main.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 20, f"main.py has {len(lines)} lines; keep it a thin entry point (≤ 20)"
