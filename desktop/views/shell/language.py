"""The program's language (its catalog and Qt's own translations) and the application object.

Light on purpose: ``desktop.views.shell.launch`` uses it before SQLAlchemy and the areas load.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

import desktop
from desktop.core import i18n, paths
from desktop.views.common.look import STYLESHEET, icon

log = logging.getLogger(__name__)


class CatalogTranslator(QTranslator):
    """Qt's translations from ``desktop.core.i18n.catalog`` (the same ``.ts`` the command line reads)."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._catalog = i18n.catalog(language)
        self.misses: set[tuple[str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        """The translation, or None so that Qt falls back to the English source ("" would blank it).

        Lookups that find nothing are remembered in ``misses`` (Qt's own strings among them),
        so a test can tell a string asked for under a context the catalog does not know."""
        found = self._catalog.get((context, source))
        if found is None and self.language != "en":
            self.misses.add((context, source))
        return found

    def isEmpty(self) -> bool:
        """Whether the catalog has no finished translation."""
        return not self._catalog

    def language_name(self) -> str:
        """The language this translator answers in."""
        return self.language


def qt_translator(language: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own ``qtbase_<language>.qm`` (Chinese buttons in message boxes and file dialogs)."""
    if language == "en":
        return None
    translator = QTranslator(parent)
    for folder in (
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(paths.resources_dir() / "translations"),
    ):
        if translator.load(f"qtbase_{language}", folder):
            return translator
    log.warning("no qtbase_%s.qm found; Qt's own dialogs stay in English", language)
    return None


@contextmanager
def installed_language(app: QApplication, language: str) -> Iterator[list[QTranslator]]:
    """Install the program's and Qt's translators for ``language``; remove them afterwards."""
    i18n.set_language(language)
    previous_locale = QLocale()
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English)
    )
    translators = [t for t in (CatalogTranslator(language, app), qt_translator(language, app)) if t]
    for translator in translators:
        app.installTranslator(translator)
    try:
        yield translators
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)


def application() -> QApplication:
    """The QApplication (created once) with the program's names, icon and stylesheet."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([desktop.APP_ID])
    app.setOrganizationName(desktop.ORG_NAME)
    app.setApplicationName(desktop.APP_ID)
    app.setApplicationVersion(desktop.__version__)
    app.setWindowIcon(icon("app"))
    app.setStyleSheet(STYLESHEET)
    app.setQuitOnLastWindowClosed(False)  # the dialogs before the main window come and go
    return app
