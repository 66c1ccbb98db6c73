"""Composition root: a subcommand runs headless (``desktop.cli.main``); otherwise the window opens.

Window options: ``--store URL``, ``--lang zh_CN|en``, ``--as-of YYYY-MM-DD`` (evaluate deadlines
and warnings as of that date), ``--smoke-test`` (open the main window on the configured store,
visit every page, quit with exit 0).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from logging.handlers import RotatingFileHandler

from desktop.core import paths
from desktop.core.i18n import LANGUAGES


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's options, or None when ``argv`` asks for a subcommand (or help)."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--store")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--as-of", type=date.fromisoformat)
    parser.add_argument("--smoke-test", action="store_true")
    try:
        options, rest = parser.parse_known_args(list(argv))
    except (SystemExit, argparse.ArgumentError):
        return None
    return None if rest else options


def setup_logging() -> None:
    """Log to a rotating file in the user data folder (never passwords)."""
    handler = RotatingFileHandler(
        paths.log_dir() / "desk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def attach_console() -> None:
    """Give the windowed Windows program the console it was started from, so a subcommand run
    through EnforcementDesk.exe still prints (desk-cli.exe has one of its own)."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    if sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # type: ignore[attr-defined]
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
            sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
            return
    import os

    sys.stdout = sys.stdout or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stderr = sys.stderr or open(paths.log_dir() / "cli-errors.log", "a", encoding="utf-8")  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    """Start the program; return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    options = window_options(argv)
    if options is None:
        from desktop.cli.main import main as cli_main

        attach_console()
        return cli_main(argv)
    setup_logging()
    from desktop.views.shell.launch import run_window

    return run_window(options)
