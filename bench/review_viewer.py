"""The dossier viewer (``desktop.views.common.pdf.viewer``) on a 300-page Chinese dossier written
by the demo's ``write_dossier``: from ``open()`` to page 1 painted on screen, and turning to a page
the viewer has already rendered ahead — each against PyMuPDF alone doing the same rendering.

Runs headless (``QT_QPA_PLATFORM=offscreen``) in this process: the viewer is shown in a
1280 × 860 window at fit width, the time runs from ``open()`` (or ``go_to_page()``) to the
``pageDisplayed`` signal, which the page emits once its image has been painted. The first
open (imports, fonts, the thread's first start) is reported in the note; the figure is the
median of ``repeat`` opens after it.

    python -m bench.review_viewer
    python -c "from pathlib import Path; from bench.review_viewer import run; from bench.timing import table; \\
               print(table(run(Path('/tmp'), 5)))"
"""

from __future__ import annotations

import os
import statistics
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from bench.timing import Result

OPEN_TARGET = 0.150
TURN_TARGET = 0.050
PAGES = 300
WINDOW = (1280, 860)
TIMEOUT_S = 10.0


def write_test_dossier(folder: Path) -> Path:
    """A 300-page dossier of the demo's kind (about 1 s to write)."""
    from desktop.demo.dossier.document import write_dossier
    from desktop.demo.dossier.facts import DossierFacts

    facts = DossierFacts(
        case_no="安平市监罚〔2026〕12号",
        agency="安平县市场监督管理局",
        category="行政处罚",
        cause="销售超过保质期的食品",
        party="安平县鑫源商贸有限公司",
        party_type="法人",
        officers=("李明", "王芳"),
        cert_numbers=("33010012345", "33010012346"),
        filed_on=date(2026, 3, 2),
        decided_on=date(2026, 4, 10),
        served_on=date(2026, 4, 13),
        penalty_kinds=("警告", "罚款"),
        amount=Decimal("12050"),
        legal_basis="《中华人民共和国食品安全法》第一百二十四条第一款",
    )
    path = folder / "viewer-dossier-300.pdf"
    write_dossier(path, facts, pages=PAGES, seed=7)
    return path


def _wait(app, done) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until ``done()``; a timeout is an error (the benchmark could not run)."""
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("the viewer did not show the page in time")
        app.processEvents()
        time.sleep(0.0005)


def _time_to_display(app, viewer, page: int, action) -> float:  # type: ignore[no-untyped-def]
    """Seconds from ``action()`` to ``pageDisplayed(page)``."""
    shown: list[float] = []

    def on_displayed(number: int) -> None:
        if number == page and not shown:
            shown.append(time.perf_counter())

    viewer.pageDisplayed.connect(on_displayed)
    try:
        started = time.perf_counter()
        action()
        _wait(app, lambda: bool(shown))
        return shown[0] - started
    finally:
        viewer.pageDisplayed.disconnect(on_displayed)


def _baselines(path: Path, scale_first: float, scale_next: float, repeat: int) -> tuple[float, float]:
    """PyMuPDF alone: open + render page 1, and render page 2 of an open document (medians)."""
    import pymupdf

    def open_and_render() -> float:
        started = time.perf_counter()
        with pymupdf.open(path) as doc:
            doc.load_page(0).get_pixmap(matrix=pymupdf.Matrix(scale_first, scale_first), alpha=False)
        return time.perf_counter() - started

    with pymupdf.open(path) as doc:

        def render_next() -> float:
            started = time.perf_counter()
            doc.load_page(1).get_pixmap(matrix=pymupdf.Matrix(scale_next, scale_next), alpha=False)
            return time.perf_counter() - started

        open_and_render()
        render_next()
        opens = statistics.median(open_and_render() for _ in range(repeat))
        turns = statistics.median(render_next() for _ in range(repeat))
    return opens, turns


def run(folder: Path, repeat: int) -> list[Result]:
    """Open the dossier ``repeat + 1`` times (the first is the cold one) and turn once after each."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.views.common.pdf.viewer import DossierViewer

    path = write_test_dossier(folder)
    app = QApplication.instance() or QApplication([])
    viewer = DossierViewer()
    viewer.resize(*WINDOW)
    viewer.show()
    _wait(app, viewer.isVisible)
    opens, turns = [], []
    try:
        for _ in range(repeat + 1):
            opens.append(_time_to_display(app, viewer, 0, lambda: viewer.open(path)))
            _wait(app, lambda: (1, viewer._scale(1)) in viewer.cache)  # rendered ahead by the viewer
            turns.append(_time_to_display(app, viewer, 1, viewer.next_page))
        scales = viewer._scale(0), viewer._scale(1)
        zoom = viewer.zoom
    finally:
        viewer.close()
        viewer.deleteLater()
        app.processEvents()
    base_open, base_turn = _baselines(path, *scales, repeat)
    where = f"{PAGES} pages, fit width at {zoom:.0%} in a {WINDOW[0]}×{WINDOW[1]} window"
    return [
        Result(
            "viewer: open a 300-page dossier, page 1 on screen",
            statistics.median(opens[1:]),
            OPEN_TARGET,
            base_open,
            "PyMuPDF alone: open the file, render page 1 at the same zoom",
            f"median of {repeat}; first open {opens[0] * 1000:.0f} ms; {where}",
        ),
        Result(
            "viewer: turn to a page rendered ahead",
            statistics.median(turns[1:]),
            TURN_TARGET,
            base_turn,
            "PyMuPDF alone: render one page of an open document at the same zoom",
            f"median of {repeat}; first turn {turns[0] * 1000:.0f} ms",
        ),
    ]


if __name__ == "__main__":  # python -m bench.review_viewer
    import tempfile

    from bench.timing import table

    with tempfile.TemporaryDirectory(prefix="desk-bench-viewer-") as tmp:
        print(table(run(Path(tmp), 5)))
