"""The ``demo`` command of the command line (CLI.md): fill the store with the demo county."""

from __future__ import annotations

from typing import Any

from desktop.cli.output import EXIT_OK
from desktop.cli.runner import Run
from desktop.core.security import Actor


def add_parsers(sub: Any) -> None:
    """``demo``."""
    demo = sub.add_parser("demo", help="fill the store with a realistic demo county (idempotent)")
    demo.set_defaults(handler=cmd_demo, needs_user=True)


def cmd_demo(run: Run, actor: Actor) -> int:
    """Fill the store with the demo county."""
    from desktop.core.paths import user_data_dir
    from desktop.demo import load_demo

    summary = load_demo(
        run.store, actor, dossier_dir=user_data_dir() / "dossiers", evidence_dir=run.args.evidence_dir
    )
    run.emit(summary.as_dict(), summary.lines)
    return EXIT_OK
