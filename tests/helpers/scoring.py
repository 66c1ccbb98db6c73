"""Helpers of the scoring workspace tests: the county and its campaign (built once, copied for each
test), opening a window, reading the store, keys and clicks in the standard, a runner that answers
later."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from sqlalchemy import func, update

from desktop.accounts.service import create_first_admin
from desktop.core.clock import FixedClock
from desktop.core.security import Actor
from desktop.models import Base, CaseDocument
from desktop.models.db import Store, sqlite_url
from desktop.review import sheets
from desktop.review.campaigns import create_campaign
from desktop.review.dto import CampaignSpec, Sheet
from desktop.views.common.pdf.viewer import DossierViewer
from desktop.views.common.tasks import SyncTaskRunner
from desktop.views.review.rubric_panel import COL_TEXT, RubricModel
from desktop.views.review.workspace import ScoringWindow, open_scoring_window
from tests.helpers.review_county import County, make_county

TIMEOUT = 5000
PER, RANGE, FIXED, VETO = "1.2.b", "1.4.b", "3.2.b", "V1"
"""In the default 行政处罚 standard: the 2nd deduction of 1.2 (2 each), the 2nd of 1.4 (1–3), the
2nd of 3.2 (2), and a veto that fails the file."""


OPENED: list[ScoringWindow] = []
"""The windows a test opened, closed afterwards by the test module's ``close_windows``."""


def draw(county: County, **spec: Any) -> None:
    """A campaign (2 files per agency, three reviewers unless ``spec`` says otherwise)."""
    create_campaign(
        county.store,
        county.supervisor,
        CampaignSpec(
            **{
                "name": "2026 评查",
                "seed": "s1",
                "closed_from": date(2025, 1, 1),
                "closed_to": date(2025, 12, 31),
                "reviewers": ("r_market", "r_transport", "r_bureau"),
                "per_agency": 2,
                **spec,
            }
        ),
    )


def build_county(folder: Path) -> County:
    """Three agencies, every case with a 5-page dossier, a campaign drawn for three reviewers."""
    store = Store(
        sqlite_url(folder / "store.sqlite3"), clock=FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    )
    Base.metadata.create_all(store.engine)
    county = make_county(
        store, create_first_admin(store, "admin", "Chief-2026", "系统管理员"), folder, dossier_every=1
    )
    draw(county)
    store.dispose()
    return county


def copy_county(source: Path, built: County, folder: Path, clock: FixedClock) -> County:
    """A copy of a county built in ``source``, its dossiers moved along."""
    shutil.copytree(source, folder)
    store = Store(sqlite_url(folder / "store.sqlite3"), clock=clock)
    with store.unit_of_work() as uow:
        moved = func.replace(CaseDocument.path, str(source), str(folder))
        uow.session.execute(update(CaseDocument).values(path=moved))
        uow.commit()
    return replace(built, store=store, dossiers={k: folder / v.name for k, v in built.dossiers.items()})


def open_window(qtbot: Any, ctx: Any, scoring_id: int) -> ScoringWindow:
    """Open the workspace, shown and active (window shortcuts need an active window)."""
    window = open_scoring_window(ctx, scoring_id)
    OPENED.append(window)
    window.resize(1400, 900)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def wait_page(qtbot: Any, viewer: DossierViewer, page: int) -> None:
    """Until the dossier is open at ``page``."""
    qtbot.waitUntil(lambda: viewer.page_count > 0 and viewer.current_page == page, timeout=TIMEOUT)


def stored(county: County, actor: Actor, scoring_id: int) -> Sheet:
    """The sheet as the store has it."""
    return sheets.open_sheet(county.store, actor, scoring_id)


def entry(sheet: Sheet, code: str) -> Any:
    """The entry taken for ``code`` (None)."""
    return next((e for e in sheet.entries if e.code == code), None)


def model(window: ScoringWindow) -> RubricModel:
    """The window's standard."""
    assert window.model is not None
    return window.model


def focus_item(window: ScoringWindow, code: str) -> None:
    """Put the standard's focus on a row."""
    window.tree.setCurrentIndex(model(window).index_of(code))
    window.tree.setFocus()


def key(
    qtbot: Any, window: ScoringWindow, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key where the focus is."""
    qtbot.keyClick(window.focusWidget() or window.tree, k, mods)


def click_check(qtbot: Any, window: ScoringWindow, code: str) -> None:
    """Click a deduction's check box in the tree."""
    tree, index = window.tree, model(window).index_of(code, COL_TEXT)
    tree.scrollTo(index)
    option = QStyleOptionViewItem()
    tree.itemDelegate().initStyleOption(option, index)
    option.rect = tree.visualRect(index)
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def is_checked(window: ScoringWindow, code: str) -> bool:
    """Whether a deduction's box is checked."""
    index = model(window).index_of(code)
    return model(window).data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


class LaterRunner(SyncTaskRunner):
    """Runs each task only when told, one at a time (a slow store)."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting: list[Callable[[], None]] = []

    def run(self, fn: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Keep the work for later."""
        self.waiting.append(lambda: SyncTaskRunner.run(self, fn, **kwargs))

    def run_all(self) -> None:
        """Run what waits, and what that queues."""
        while self.waiting:
            self.waiting.pop(0)()
