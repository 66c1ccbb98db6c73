"""Child process of bench/startup.py: show a window, print ``SHOWN <epoch seconds>``, quit at once.

``baseline``: an empty QMainWindow (the least any PySide6 program pays).
``app``: the program (``main.py --smoke-test``), stopped when its MainWindow is first shown.
``login``: the program as a user starts it (``main.py``), stopped when its login dialog is first
shown: the first window a user sees on a store that has accounts.
"""

import os
import sys
import time


def shown_then_quit() -> None:
    """After the show event, let the event loop turn once (the first paint), then report and leave."""
    from PySide6.QtCore import QTimer

    def report() -> None:
        print(f"SHOWN {time.time():.6f}", flush=True)
        os._exit(0)  # no teardown: it is not part of what is measured

    QTimer.singleShot(0, report)


def baseline() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    shown_then_quit()
    return app.exec()


def app() -> int:
    from desktop.views.shell.main_window import MainWindow

    original = MainWindow.showEvent

    def show_event(self, event):  # type: ignore[no-untyped-def]
        original(self, event)
        shown_then_quit()

    MainWindow.showEvent = show_event
    from desktop.app import main

    code = main(["--smoke-test"])
    print(f"the program exited ({code}) without showing its main window", file=sys.stderr)
    return 3


def login() -> int:
    from desktop.views.shell.login import LoginDialog

    original = LoginDialog.showEvent

    def show_event(self, event):  # type: ignore[no-untyped-def]
        original(self, event)
        shown_then_quit()

    LoginDialog.showEvent = show_event
    from desktop.app import main

    code = main([])
    print(f"the program exited ({code}) without showing its login dialog", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit({"baseline": baseline, "app": app, "login": login}[sys.argv[1]]())
