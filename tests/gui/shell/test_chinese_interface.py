"""The window in Simplified Chinese: every page and the main dialogs on the demo store ask
for no string the catalog lacks (a wrong context, a string built at run time, a forgotten tr)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.context import AppContext
from desktop.core import i18n
from desktop.core.settings import Settings
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.tasks import SyncTaskRunner
from desktop.views.shell.startup import CatalogTranslator, installed_language

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
import screenshots  # noqa: E402


def demo_context(demo_store):  # type: ignore[no-untyped-def]
    """screenshots.demo_context on a copy of the demo store the test process loaded once."""
    store, template = demo_store
    dialogs = FakeDialogs()
    settings = Settings(sqlite_path=str(store.sqlite_path()))
    return AppContext(
        settings, store, store.clock, actor=template.admin, tasks=SyncTaskRunner(dialogs), dialogs=dialogs
    )


PYQTGRAPH_CONTEXTS = frozenset(
    {
        "Form",
        "Exporter",
        "PlotItem",
        "ViewBox",
        "TableWidget",
        "ROI",
        "ScatterPlot",
        "ParameterItem",
        "ImageView",
        "ImageItem",
        "GradientEditorItem",
        "GradiantEditorItem",
        "GraphicsScene",
    }
)
"""The charts' own menus (pyqtgraph) look up their words under these contexts: not ours to translate."""


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.xdist_group("demo")  # one process builds the demo store once
def test_every_page_and_dialog_is_chinese(qtbot, tmp_path, monkeypatch, demo_store) -> None:
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path))
    app = QApplication.instance()
    shown: list[str] = []
    with installed_language(app, "zh_CN") as translators:
        ctx = demo_context(demo_store)
        try:
            screenshots.render_all(ctx, lambda widget, name: shown.append(name))
        finally:
            ctx.store.dispose()
    catalog = i18n.catalog("zh_CN")
    ours = {ctx_name for ctx_name, _ in catalog} | {"errors", "roles"}
    sources = {source for _, source in catalog}
    recorder = next(t for t in translators if isinstance(t, CatalogTranslator))
    assert recorder.misses, "the recorder sees Qt's own lookups too"
    missed = sorted(
        (c, s) for c, s in recorder.misses if c not in PYQTGRAPH_CONTEXTS and (c in ours or s in sources)
    )
    assert not missed, f"asked for but not translated: {missed[:15]}"
    assert {"agencies", "officers", "users", "audit", "settings", "login"} <= set(shown)


@pytest.mark.xdist_group("demo")
def test_a_page_title_reads_in_chinese(qtbot, tmp_path, monkeypatch, demo_store) -> None:
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path))
    with installed_language(QApplication.instance(), "zh_CN"):
        ctx = demo_context(demo_store)
        try:
            from desktop.views.shell.main_window import MainWindow

            window = MainWindow(ctx)
            qtbot.addWidget(window)
            page: QWidget = window.show_page("officers")
            page.refresh()
            assert window.windowTitle() == "执法人员"
            texts = [label.text() for label in page.findChildren(QLabel)]
            assert "共 169 条" in texts
        finally:
            ctx.store.dispose()
