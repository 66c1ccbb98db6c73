"""The command line (CLI.md): headless subcommands through the same services as the window.

Exit codes: 0 done; 1 refused or failed (the reason on stderr); 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from typing import Any

from desktop.cli import (
    accounts,
    cases,
    certs,
    demo,
    exam,
    footage,
    organisation,
    powers,
    report,
    review,
    work_calendar,
)
from desktop.cli.output import EXIT_USAGE
from desktop.cli.parser import UsageError, base_parser
from desktop.cli.runner import execute


@functools.cache
def build_parser() -> argparse.ArgumentParser:
    """The command line of CLI.md, each area adding its subcommands (in the order of --help);
    built once per process (≈ 15 ms; a parser is not changed by parsing)."""
    p, sub = base_parser()
    accounts.add_init_parser(sub)
    demo.add_parsers(sub)
    accounts.add_users_parsers(sub)
    organisation.add_parsers(sub)
    certs.add_parsers(sub)
    cases.add_parsers(sub)
    work_calendar.add_parsers(sub)
    review.add_parsers(sub)
    powers.add_parsers(sub)
    exam.add_parsers(sub)
    footage.add_parsers(sub)
    report.add_parsers(sub)
    accounts.add_audit_parsers(sub)
    return p


def main(argv: Sequence[str], out: Any = None, err: Any = None) -> int:
    """Run one subcommand; return the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        args = build_parser().parse_args(list(argv))
    except UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    if not getattr(args, "command", None):
        err.write("main.py: a subcommand is required here (see --help)\n")
        return EXIT_USAGE
    return execute(args, out, err)
