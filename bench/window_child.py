"""Child process of bench/startup.py: show a window, print ``SHOWN <epoch seconds>``, quit at once.

``baseline``: an empty QMainWindow (the least any PySide6 program pays).
``login``: the program as a user starts it (``main.py``), stopped when its login dialog is first
shown: the first window a user sees on a store that has accounts.
``app``: the program (``main.py --smoke-test``, logged in from ``DESK_USER``/``DESK_PASSWORD``),
stopped when its MainWindow is first shown (the frame: the first page is built after its paint).
``page``: the same, stopped when the first page (a widget named ``page_…``) is first shown.
``press``: the program as a user starts it; once the login dialog is shown and the store behind it
is open (as when the user has typed while it opened), the name and password are filled in and 登录
is pressed (``PRESSED <epoch seconds>``); stopped when the MainWindow is first shown.

The child watches the windows through an event filter on the application it creates first (as
the program would), so it imports nothing of the program before the program does.
"""

import os
import sys
import time
from collections.abc import Callable


def shown_then_quit() -> None:
    """After the show event, let the event loop turn once (the first paint), then report and leave."""
    from PySide6.QtCore import QTimer

    def report() -> None:
        print(f"SHOWN {time.time():.6f}", flush=True)
        os._exit(0)  # no teardown: it is not part of what is measured

    QTimer.singleShot(0, report)


def class_named(name: str) -> Callable[[object], bool]:
    """A test of a widget: an instance of the program's class ``name``."""
    return lambda widget: widget.metaObject().className() == name  # type: ignore[attr-defined]


def watched_application(wanted: Callable[[object], bool], then: Callable[[object], None]) -> None:
    """Create the program's QApplication with a filter that calls ``then`` on the first Show of a
    widget that is ``wanted``."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    import desktop

    show = QEvent.Type.Show

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == show and isinstance(watched, QWidget) and wanted(watched):
                then(watched)
            return False

    app = QApplication([desktop.APP_ID])
    watch = Watch(app)
    app.installEventFilter(watch)


def baseline() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    shown_then_quit()
    return app.exec()


def run_program(argv: list[str], wanted: Callable[[object], bool], then: Callable[[object], None]) -> int:
    once = _Switchable(wanted, then)
    watched_application(once, once.call)
    from desktop.app import main

    code = main(argv)
    print(f"the program exited ({code}) without showing the window measured", file=sys.stderr)
    return 3


def app() -> int:
    return run_program(["--smoke-test"], class_named("MainWindow"), lambda _w: shown_then_quit())


def page() -> int:
    def first_page(widget: object) -> bool:
        return widget.objectName().startswith("page_")  # type: ignore[attr-defined]

    return run_program(["--smoke-test"], first_page, lambda _w: shown_then_quit())


def login() -> int:
    return run_program([], class_named("LoginDialog"), lambda _w: shown_then_quit())


def press() -> int:
    """Log in as a user would once the store is open; SHOWN when the main window is."""
    from PySide6.QtCore import QTimer

    name, password = os.environ["DESK_USER"], os.environ["DESK_PASSWORD"]
    watching: list[_Switchable] = []

    def log_in_when_open(dialog) -> None:  # type: ignore[no-untyped-def]
        if dialog.ctx is None:  # the store is still opening: the user is still typing
            QTimer.singleShot(5, lambda: log_in_when_open(dialog))
            return
        dialog.user.setText(name)
        dialog.password.setText(password)
        dialog.on_field_edited(password)
        print(f"PRESSED {time.time():.6f}", flush=True)
        watching[0].watch(class_named("MainWindow"), lambda _w: shown_then_quit())
        dialog.login_button.click()

    def login_shown(dialog: object) -> None:
        QTimer.singleShot(0, lambda: log_in_when_open(dialog))

    state = _Switchable(class_named("LoginDialog"), login_shown)
    watching.append(state)
    watched_application(state, state.call)
    from desktop.app import main

    code = main([])
    print(f"the program exited ({code}) without showing its main window", file=sys.stderr)
    return 3


class _Switchable:
    """A ``wanted``/``then`` pair that can change once the first window has been seen."""

    def __init__(self, wanted: Callable[[object], bool], then: Callable[[object], None]) -> None:
        self.wanted, self.then, self.done = wanted, then, False

    def watch(self, wanted: Callable[[object], bool], then: Callable[[object], None]) -> None:
        """Wait for another window."""
        self.wanted, self.then, self.done = wanted, then, False

    def __call__(self, widget: object) -> bool:
        return not self.done and self.wanted(widget)

    def call(self, widget: object) -> None:
        self.done = True
        self.then(widget)


if __name__ == "__main__":
    modes = {"baseline": baseline, "app": app, "page": page, "login": login, "press": press}
    sys.exit(modes[sys.argv[1]]())
