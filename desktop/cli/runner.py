"""Running one subcommand: the invocation (``Run``), the store it opens, the acting user's login
(password from env or a prompt), the dispatch to the area's handler, and exit codes for errors."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.cli.output import EXIT_REFUSED, EXIT_USAGE, json_text, refusal_document, refusal_lines
from desktop.cli.parser import UsageError, check_as_of
from desktop.core import i18n
from desktop.core.errors import ImportRefused, UserFacingError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor


@dataclass
class Run:
    """One invocation: parsed options, the store once opened, and where output goes."""

    args: argparse.Namespace
    out: Any = sys.stdout
    err: Any = sys.stderr
    store: Any = None

    @property
    def json(self) -> bool:
        """Whether to print one JSON document."""
        return bool(self.args.json)

    def emit(self, document: dict[str, Any], lines: Callable[[], Sequence[str]]) -> None:
        """Print ``document`` as JSON, or the human-readable lines."""
        if self.json:
            self.out.write(json_text(document) + "\n")
        else:
            for line in lines():
                self.out.write(line + "\n")


def execute(args: argparse.Namespace, out: Any, err: Any) -> int:
    """Run the parsed subcommand in the chosen language; return the exit code."""
    from desktop.core.settings import load_settings

    settings = load_settings()
    i18n.set_language(args.lang or settings.language)
    run = Run(args, out, err)
    try:
        return _dispatch(run, settings)
    except ImportRefused as exc:
        if run.json:
            run.emit(refusal_document(exc), list)
        for line in refusal_lines(exc):
            err.write(line + "\n")
        return EXIT_REFUSED
    except UserFacingError as exc:
        err.write(exc.localized() + "\n")
        return EXIT_REFUSED
    except UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("\n")
        return EXIT_REFUSED
    finally:
        if run.store is not None:
            run.store.dispose()


def _dispatch(run: Run, settings: Any) -> int:
    from desktop.accounts.input_settings import apply_input_limits
    from desktop.models.connection import resolve_store_url
    from desktop.models.db import open_store

    run.store = open_store(resolve_store_url(settings, run.args.store))
    apply_input_limits(run.store)  # the store's plausible years and import limits, for --as-of too
    check_as_of(getattr(run.args, "as_of", None), run.store.clock.today())
    actor = _login(run) if run.args.needs_user else None
    return run.args.handler(run, actor)


def _login(run: Run) -> Actor:
    from desktop.accounts.service import authenticate

    name = run.args.user or os.environ.get("DESK_USER")
    if not name:
        raise UsageError("main.py: --user NAME (or env DESK_USER) is required for this command")
    password = os.environ.get("DESK_PASSWORD")
    if password is None:
        password = _prompt(
            translate("cli", QT_TRANSLATE_NOOP("cli", "Password for {user}: ")).format(user=name),
            "DESK_PASSWORD",
        )
    # ``audit verify`` must run on a damaged audit record, where a login cannot be recorded
    return authenticate(
        run.store, name, password, audit_damaged_ok=bool(getattr(run.args, "audit_damaged_ok", False))
    )


def _prompt(label: str, variable: str) -> str:
    """A password typed at the terminal; without one, say which env ``variable`` gives it."""
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "No password given: set {variable} or run in a terminal."),
            variable=variable,
        )
    return getpass.getpass(label)


def new_password(name: str) -> str:
    """A new account's password: env DESK_NEW_PASSWORD, else typed twice at a prompt."""
    password = os.environ.get("DESK_NEW_PASSWORD")
    if password is not None:
        return password
    label = translate("cli", QT_TRANSLATE_NOOP("cli", "New password for {user}: ")).format(user=name)
    first = _prompt(label, "DESK_NEW_PASSWORD")
    again = translate("cli", QT_TRANSLATE_NOOP("cli", "Repeat the password: "))
    if _prompt(again, "DESK_NEW_PASSWORD") != first:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The two passwords differ."), field="password")
    return first
