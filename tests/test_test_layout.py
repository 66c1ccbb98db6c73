"""The tests mirror the code (qutebrowser's layout): tests/unit/<package>/test_<module>.py for a module
of desktop/, tests/integration/<area>/ for an area of desktop/, tests/gui/<area>/ for a folder of
desktop/views/; helpers live in tests/helpers/ and no test module imports another; no test sleeps;
Qt's offscreen platform is chosen once, in tests/conftest.py."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DESKTOP = ROOT / "desktop"
TOP_LEVEL = {"__init__.py", "conftest.py", "test_architecture.py", "test_bundle.py", "test_test_layout.py"}


def python_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def packages(folder: Path) -> set[str]:
    """The sub-packages of ``folder`` (folders with an __init__.py)."""
    return {p.parent.name for p in folder.glob("*/__init__.py")}


def is_test_module(name: str) -> bool:
    """Whether a dotted module name under ``tests`` is a test module or a conftest."""
    last = name.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def imported_modules(path: Path) -> list[str]:
    """Every module ``path`` imports, relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base]) if base else ".".join(parent)
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]
    return found


def local_names() -> set[str]:
    """Module names a test could import from its own folder without ``tests.`` (old style)."""
    return {p.stem for p in python_files() if p.stem != "__init__"} - {"conftest"}


def test_no_test_module_imports_another_test_module_and_helpers_are_imported_as_tests_helpers() -> None:
    stray = local_names()
    problems = []
    for path in python_files():
        for name in imported_modules(path):
            top = name.split(".")[0]
            if name.startswith("tests.") or name == "tests":
                if is_test_module(name):
                    problems.append(f"{rel(path)} imports the test module {name}")
                elif not (name == "tests.helpers" or name.startswith("tests.helpers.")):
                    problems.append(f"{rel(path)} imports {name}: only tests.helpers is shared")
            elif top in stray and top not in {"desktop"}:
                problems.append(f"{rel(path)} imports {name} from its own folder: use tests.helpers.…")
    assert not problems, "\n".join(problems)


def test_no_test_sleeps() -> None:
    """Wait for a condition (qtbot.waitUntil, qtbot.waitSignal) or let events run (qtbot.wait)."""
    problems = []
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "time":
                if any(alias.name == "sleep" for alias in node.names):
                    problems.append(f"{rel(path)}:{node.lineno} imports time.sleep")
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "sleep"
                and isinstance(node.value, ast.Name)
                and node.value.id == "time"
            ):
                problems.append(f"{rel(path)}:{node.lineno} calls time.sleep")
    assert not problems, "\n".join(problems)


def test_test_files_sit_in_the_mirrored_folders() -> None:
    areas = packages(DESKTOP)
    views = packages(DESKTOP / "views")
    problems = []
    for path in python_files():
        parts = path.relative_to(TESTS).parts
        if len(parts) == 1:
            if path.name not in TOP_LEVEL:
                problems.append(f"{rel(path)}: at the top only {sorted(TOP_LEVEL)}")
            continue
        kind, inner, name = parts[0], parts[1:-1], parts[-1]
        if name in {"__init__.py", "conftest.py"}:
            continue
        if kind == "helpers":
            if name.startswith("test_") or inner:
                problems.append(f"{rel(path)}: tests/helpers/ holds helpers, no tests and no folders")
            continue
        if not name.startswith("test_"):
            problems.append(f"{rel(path)}: a helper belongs in tests/helpers/")
            continue
        if kind == "unit":
            module = DESKTOP.joinpath(*inner, name.removeprefix("test_"))
            if not module.is_file():
                problems.append(f"{rel(path)}: no module {rel(module)} to mirror")
        elif kind == "integration":
            if len(inner) != 1 or inner[0] not in areas:
                problems.append(
                    f"{rel(path)}: tests/integration/<area>/ with an area of desktop/ {sorted(areas)}"
                )
        elif kind == "gui":
            if len(inner) != 1 or inner[0] not in views:
                problems.append(
                    f"{rel(path)}: tests/gui/<area>/ with a folder of desktop/views/ {sorted(views)}"
                )
        else:
            problems.append(f"{rel(path)}: tests/unit, tests/integration, tests/gui or tests/helpers")
    assert not problems, "\n".join(problems)


def test_every_test_folder_is_a_package() -> None:
    """Test modules are imported by their full name (tests.gui.review.test_tabs): same file names
    in two folders do not collide, and tests.helpers imports from anywhere."""
    folders = {p.parent for p in python_files()}
    missing = sorted(rel(f) for f in folders if not (f / "__init__.py").is_file())
    assert not missing, f"folders without __init__.py: {missing}"


def test_qt_offscreen_is_chosen_once_in_the_top_conftest() -> None:
    setters = [
        rel(p)
        for p in python_files()
        if "QT_QPA_PLATFORM" in p.read_text(encoding="utf-8")
        and p.name not in {"test_bundle.py", "test_test_layout.py"}  # the bundle sets its child's
    ]
    assert setters == ["tests/conftest.py"]
