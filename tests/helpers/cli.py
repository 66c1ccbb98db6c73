"""The command line run in-process, as the CLI tests drive it."""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli.main import main as cli


class Desk:
    """Runs ``main.py`` subcommands in-process against one store."""

    def __init__(self, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.url, self.monkeypatch = url, monkeypatch

    def __call__(
        self,
        *args: str,
        user: str | None = "admin",
        password: str = "Chief-2026",
        new_password: str | None = None,
    ) -> tuple[int, str, str]:
        self.monkeypatch.setenv("DESK_PASSWORD", password)
        if new_password is None:
            self.monkeypatch.delenv("DESK_NEW_PASSWORD", raising=False)
        else:
            self.monkeypatch.setenv("DESK_NEW_PASSWORD", new_password)
        out, err = io.StringIO(), io.StringIO()
        argv = ["--store", self.url, *(["--user", user] if user else []), "--lang", "en", *args]
        code = cli(argv, out, err)
        return code, out.getvalue(), err.getvalue()

    def json(self, *args: str, **kw) -> dict:  # type: ignore[no-untyped-def]
        code, out, err = self("--json", *args, **kw)
        assert code == 0, err
        return json.loads(out)
