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


# ------------------------------------------------------------------ the layout (issue 9)

AREAS = ("accounts", "cases", "review", "personnel", "exam", "devices", "reports")
"""Service areas: each sees the others only through their public modules (below)."""

PUBLIC = {
    "accounts": {"service", "audit", "dto", "names", "input_settings", "daily_anchor"},
    "cases": {
        "dto",
        "service",
        "entry",
        "stages",
        "periods",
        "supervision",
        "supervision_settings",
        "terms",
        "rules",
        "calendar",
        "source_warnings",
        "warning_summary",
    },
    "personnel": {
        "dto",
        "service",
        "lookup",
        "certificate_history",
        "qualification_settings",
        "cert_warnings",
    },
    "review": {"dto", "campaigns", "rubrics", "results", "feedback", "rechecks", "sheets", "files"},
}
"""What an area offers the others: its services and DTOs (``cases.terms``, ``rules`` and
``calendar`` are the register's pure vocabulary, read by the review's standards;
``personnel.certificate_history`` answers a certificate's state on a date for the register)."""

MAX_LINES = 500

KNOWN_CYCLES: set[frozenset[str]] = set()
"""Import cycles still to break (empty when the layout is done)."""

KNOWN_CROSS_AREA: set[tuple[str, str]] = set()
"""(importer, imported) pairs that reach into another area's internals, still to fix."""

KNOWN_CORE_IMPORTS: set[tuple[str, str]] = set()
"""(core module, non-core module) imports still to remove."""

KNOWN_LONG: set[str] = set()
"""Modules over MAX_LINES still to split."""


def module_name(path: Path) -> str:
    """``desktop/cases/rules.py`` → ``desktop.cases.rules`` (a package is its ``__init__``)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    """Every module under desktop/, by dotted name."""
    return {module_name(p): p for p in DESKTOP.rglob("*.py")}


def desktop_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The desktop modules ``path`` imports anywhere (also in functions and ``TYPE_CHECKING``):
    ``from desktop.a import b`` is an import of ``desktop.a.b`` when that is a module."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("desktop")}
        elif (
            isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("desktop")
        ):
            module = node.module or ""
            subs = {f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in modules}
            names = {a.name for a in node.names if f"{module}.{a.name}" not in modules}
            found |= subs
            if names or not subs:
                found.add(module)
    return {m for m in found if m in modules and m != "desktop"}


def import_graph() -> dict[str, set[str]]:
    """Module → the desktop modules it imports (package ``__init__`` files with code count)."""
    modules = all_modules()
    return {name: desktop_imports(path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def area_of(module: str) -> str | None:
    """The service area a module belongs to (``desktop.cases.entry`` → ``cases``), or None."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in AREAS else None


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [frozenset({"a", "b", "c"})]


def test_no_import_cycles() -> None:
    found = set(cycles(import_graph()))
    new = [sorted(c) for c in found - KNOWN_CYCLES]
    assert not new, f"import cycles (type-only ones count; move what both need to a third module): {new}"
    fixed = [sorted(c) for c in KNOWN_CYCLES - found]
    assert not fixed, f"these cycles are gone: remove them from KNOWN_CYCLES: {fixed}"


def test_core_imports_no_area() -> None:
    found = {
        (name, imported)
        for name, imports in import_graph().items()
        if name.startswith("desktop.core")
        for imported in imports
        if not imported.startswith("desktop.core")
    }
    assert not found - KNOWN_CORE_IMPORTS, (
        f"desktop.core imports outside the kernel: {sorted(found - KNOWN_CORE_IMPORTS)}"
    )
    assert not KNOWN_CORE_IMPORTS - found, (
        f"fixed: remove from KNOWN_CORE_IMPORTS: {sorted(KNOWN_CORE_IMPORTS - found)}"
    )


def cross_area_imports() -> set[tuple[str, str]]:
    """(importer, imported) where one area reaches past another's services and DTOs."""
    found = set()
    for name, imports in import_graph().items():
        mine = area_of(name)
        if mine is None:
            continue
        for imported in imports:
            theirs = area_of(imported)
            if theirs is None or theirs == mine:
                continue
            rest = imported.split(".")[2:]
            if not rest:
                continue  # the area package itself (its docstring)
            public = PUBLIC.get(theirs, {"dto", "service"})
            if rest[0] not in public and rest[0] != "services":
                found.add((name, imported))
    return found


def test_areas_see_each_other_through_services_and_dtos() -> None:
    found = cross_area_imports()
    assert not found - KNOWN_CROSS_AREA, (
        f"an area imports another's internals (use its service or DTOs): {sorted(found - KNOWN_CROSS_AREA)}"
    )
    assert not KNOWN_CROSS_AREA - found, (
        f"fixed: remove from KNOWN_CROSS_AREA: {sorted(KNOWN_CROSS_AREA - found)}"
    )


def test_no_module_over_500_lines() -> None:
    long = {
        module_name(p)
        for p in DESKTOP.rglob("*.py")
        if "migrations" not in p.parts and len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES
    }
    assert not long - KNOWN_LONG, (
        f"modules over {MAX_LINES} lines (split by job): {sorted(long - KNOWN_LONG)}"
    )
    assert not KNOWN_LONG - long, f"fixed: remove from KNOWN_LONG: {sorted(KNOWN_LONG - long)}"


def test_nothing_is_left_at_the_top_of_the_package() -> None:
    """Every module lives in a package that says what it is; the top keeps only the entry."""
    top = sorted(p.name for p in DESKTOP.glob("*.py"))
    assert top == ["__init__.py", "app.py", "context.py"], top


LAYERS_ABOVE = {
    "desktop.views": ("desktop.app",),
    "desktop.cli": ("desktop.app", "desktop.views"),
    "desktop.demo": ("desktop.app", "desktop.views", "desktop.cli"),
}
"""A package and who alone may import it: the window, the command line and the demo sit on top."""

KNOWN_UPWARD: set[tuple[str, str]] = set()
"""(importer, imported) pairs that import a layer above them, still to fix."""


def upward_imports() -> set[tuple[str, str]]:
    """(importer, imported) where a module imports the window, the command line or the demo
    without being above them (a real feature never imports demo code)."""
    found = set()
    for name, imports in import_graph().items():
        for imported in imports:
            for layer, allowed in LAYERS_ABOVE.items():
                inside = imported == layer or imported.startswith(layer + ".")
                mine = name == layer or name.startswith(layer + ".")
                if inside and not mine and not any(name == a or name.startswith(a + ".") for a in allowed):
                    found.add((name, imported))
    return found


def test_nothing_imports_the_layers_above_it() -> None:
    found = upward_imports()
    assert not found - KNOWN_UPWARD, (
        f"imports of the window, command line or demo from below: {sorted(found - KNOWN_UPWARD)}"
    )
    assert not KNOWN_UPWARD - found, f"fixed: remove from KNOWN_UPWARD: {sorted(KNOWN_UPWARD - found)}"
