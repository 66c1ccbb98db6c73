"""The command line's parser (CLI.md): the global options, a parser whose mistakes exit 2, the
argument types every area uses, and the shapes of the list and import subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from desktop import __version__
from desktop.core import i18n
from desktop.core.clock import is_plausible, plausible_years
from desktop.core.paging import ListQuery


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class Parser(argparse.ArgumentParser):
    """A parser that raises ``UsageError`` instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def as_of(text: str) -> date:
    """A date argument (YYYY-MM-DD); the runner checks it against the plausible years the store's
    settings allow (``check_as_of``) once the store is open."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text} (use YYYY-MM-DD)") from None


def check_as_of(day: date | None, today: date) -> None:
    """``--as-of`` within the plausible years in force (``core.clock.plausible_years``: the
    store's setting, default 1990 to 5 years after today); else the command line is wrong."""
    if day is not None and not is_plausible(day, today):
        first, last = plausible_years(today)
        raise UsageError(
            f"main.py: argument --as-of: {day.isoformat()} is outside the years {first} to {last}"
        )


def non_negative(text: str) -> int:
    """A count argument: 0 or more."""
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def base_parser() -> tuple[Parser, Any]:
    """The parser with the global options, and its subcommands for the areas to add to."""
    p = Parser(
        prog="main.py",
        description="执法监督工作台 — Enforcement Supervision Desk. Without a subcommand the window opens.",
    )
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--store", help="SQLAlchemy URL of the store (default: env DESK_STORE, else the settings)")
    p.add_argument(
        "--user",
        default=None,
        help="acting user (default: env DESK_USER); password from env DESK_PASSWORD or a prompt",
    )
    p.add_argument("--json", action="store_true", help="print one JSON document instead of tables")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help="language of messages")
    p.add_argument("--evidence-dir", help="where footage is stored (default: env DESK_EVIDENCE_DIR)")
    p.add_argument("--as-of", type=as_of, help="evaluate deadlines and warnings as of this date")
    return p, p.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")


def actions(sub: Any, name: str, help_text: str) -> Any:
    """A subcommand with actions (``cases list``, ``cases show`` …), one of them required."""
    return sub.add_parser(name, help=help_text).add_subparsers(
        dest="action", parser_class=Parser, required=True
    )


def list_parser(sub: Any, name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
    """A list action: ``--search``, ``--limit``, ``--offset``."""
    lp = sub.add_parser(name, help=help_text)
    lp.add_argument("--search", default="", help="text to look for")
    lp.add_argument("--limit", type=non_negative, help="at most this many items")
    lp.add_argument("--offset", type=non_negative, default=0, help="skip this many items")
    lp.set_defaults(handler=handler, needs_user=True)
    return lp


def import_parser(sub: Any, handler: Callable, help_text: str) -> None:
    """An import action: one workbook."""
    ip = sub.add_parser("import", help=help_text)
    ip.add_argument("file", help="the .xlsx workbook")
    ip.set_defaults(handler=handler, needs_user=True)


def list_query(args: argparse.Namespace, **filters: Any) -> ListQuery:
    """The page a list action asks for, with the filters that have a value."""
    return ListQuery(
        search=args.search,
        filters=tuple((k, v) for k, v in filters.items() if v),
        offset=args.offset,
        limit=args.limit,
    )
