"""Helpers for the frame's GUI tests: a context with the synchronous runner and fake dialogs,
stand-in pages, and startup prompts that answer from queues."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.security import Actor, Role
from desktop.core.settings import Settings, load_settings
from desktop.models.db import Store
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.store_access import store_access
from desktop.views.common.tasks import SyncTaskRunner
from desktop.views.shell.main_window import PAGES, PageSpec


def make_ctx(
    store: Store,
    actor: Actor | None = None,
    *,
    settings: Settings | None = None,
    dialogs: FakeDialogs | None = None,
) -> AppContext:
    """A context on ``store`` with a synchronous task runner and fake dialogs."""
    dialogs = dialogs or FakeDialogs()
    return AppContext(
        settings=settings or load_settings(),
        opened_store=store,
        clock=store.clock,
        actor=actor,
        tasks=SyncTaskRunner(dialogs),
        dialogs=dialogs,
    )


def actor_with(role: Role, agency_id: int | None = None) -> Actor:
    """A user of ``role`` (not stored: enough for what the frame shows)."""
    return Actor(
        id=99,
        name=f"u_{role.value}",
        display_name=f"User {role.value}",
        role=role,
        agency_id=agency_id,
        agency_name="示范县市场监管局" if agency_id else None,
    )


class FakePage(QWidget):
    """A page that counts its refreshes."""

    created: list[str] = []

    def __init__(self, ctx: AppContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.key, self.refreshed = ctx, key, 0
        QVBoxLayout(self).addWidget(QLabel(key, self))
        FakePage.created.append(key)

    def refresh(self) -> None:
        self.refreshed += 1


def fake_pages(keys: Iterable[str] | None = None) -> list[PageSpec]:
    """The real registry with stand-in pages (same keys, titles, icons and permissions)."""
    chosen = set(keys) if keys is not None else None
    return [
        replace(spec, factory=lambda ctx, parent, key=spec.key: FakePage(ctx, key, parent))
        for spec in PAGES
        if chosen is None or spec.key in chosen
    ]


class FakePrompts:
    """Startup prompts answering from queues; every call is recorded. An empty queue raises."""

    def __init__(
        self,
        *,
        problems: Iterable[str] = (),
        connections: Iterable[Any] = (),
        passwords: Iterable[Any] = (),
        first_runs: Iterable[Any] = (),
        logins: Iterable[Any] = (),
    ) -> None:
        self.queues = {
            "store_problem": list(problems),
            "connection_settings": list(connections),
            "store_password": list(passwords),
            "first_run": list(first_runs),
            "login": list(logins),
        }
        self.calls: list[tuple[Any, ...]] = []
        self.notices: list[str] = []  # what each login was asked to say first

    def _answer(self, name: str, *args: Any) -> Any:
        self.calls.append((name, *args))
        queue = self.queues[name]
        if not queue:
            raise AssertionError(f"FakePrompts: no answer queued for {name}{args!r}")
        answer = queue.pop(0)
        if not callable(answer):
            return answer
        with store_access("a prompt's work"):  # the real dialogs do theirs through the task runner
            return answer(*args)

    def names(self) -> list[str]:
        return [call[0] for call in self.calls]

    def store_problem(self, exc: Any, where: str) -> str:
        return self._answer("store_problem", exc, where)

    def connection_settings(self, settings: Settings, tasks: Any, dialogs: Any) -> Any:
        return self._answer("connection_settings", settings)

    def store_password(self, settings: Settings, keyring_ok: bool) -> Any:
        return self._answer("store_password", settings, keyring_ok)

    def first_run(self, ctx: AppContext) -> Any:
        return self._answer("first_run", ctx)

    def login(self, ctx: AppContext, user_name: str | None, notice: str = "") -> Any:
        self.notices.append(notice)
        return self._answer("login", ctx, user_name)
