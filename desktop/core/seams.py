"""The window's seams as the code outside the views sees them: the task runner, the dialogs and
the top-level windows a context keeps open.

``desktop/views/common`` implements them (``TaskRunner``/``SyncTaskRunner``, ``Dialogs``/
``FakeDialogs``) and tests hand in fakes; ``AppContext`` is typed with these Protocols, so it
never imports Qt. A widget parameter is typed ``Any``: the core cannot name ``QWidget``, and a
narrower type would make every Qt implementation incompatible (parameters are contravariant).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from desktop.core.errors import ImportRefused

T = TypeVar("T")


class Progress(Protocol):
    """What a service calls to report progress."""

    def __call__(self, done: int, total: int | None = None, text: str = "") -> None: ...


Cancelled = Callable[[], bool]
"""What a service calls to learn that the user pressed Cancel."""


class Tasks(Protocol):
    """Background work: ``run(fn)`` calls ``fn(progress, cancelled)`` off the GUI thread (database
    work in order on one worker, ``io=True`` on a pool) and hands its result or error back."""

    def run(
        self,
        fn: Callable[[Progress, Cancelled], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str = "",
        parent_widget: Any = None,
        cancellable: bool = True,
        key: str | None = None,
        io: bool = False,
        show_progress: bool = True,
    ) -> object:
        """Queue ``fn``; ``on_done``/``on_error`` run later on the GUI thread."""
        ...


class Dialogs(Protocol):
    """Messages, questions and file pickers (never a blocking ``exec()`` in a test)."""

    def info(self, parent: Any, title: str, text: str) -> None:
        """Tell something."""
        ...

    def warn(self, parent: Any, title: str, text: str) -> None:
        """Warn about something."""
        ...

    def confirm(self, parent: Any, title: str, text: str, ok_text: str) -> bool:
        """Ask once; True for ``ok_text``."""
        ...

    def ask_reload(self, parent: Any, title: str, text: str) -> bool:
        """Offer to reload after a conflict; True to reload."""
        ...

    def open_file(self, parent: Any, title: str, filter: str) -> str | None:
        """A file to read, or None."""
        ...

    def save_file(self, parent: Any, title: str, default_name: str, filter: str) -> str | None:
        """A file to write, or None."""
        ...

    def choose_folder(self, parent: Any, title: str, start: str = "") -> str | None:
        """A folder, or None."""
        ...

    def import_errors(self, parent: Any, exc: ImportRefused) -> None:
        """A refused import with its row errors."""
        ...

    def crash(self, parent: Any, exc: BaseException) -> None:
        """An unexpected error (a bug), with its details to copy."""
        ...

    def show_error(
        self, parent: Any, exc: BaseException, on_reload: Callable[[], None] | None = None
    ) -> None:
        """Any error, shown as its kind asks (a conflict offers ``on_reload``)."""
        ...


class Window(Protocol):
    """A top-level window a context keeps open beside the main window (a scoring window)."""

    @property
    def is_closed(self) -> bool:
        """Whether it has closed."""
        ...

    def close(self) -> bool:
        """Ask it to close (it may wait for its work to be saved)."""
        ...
