"""Render every page and the main dialogs on the demo store to PNG (offscreen, CJK font).

    python tools/screenshots.py [--out docs/screenshots] [--lang zh_CN]

The pictures in the README come from here. ``render_all`` is also what the interface test
uses to find strings that show in English in the Chinese window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.core import i18n  # noqa: E402

Save = Callable[[QWidget, str], None]


def demo_context(folder: Path):  # type: ignore[no-untyped-def]
    """A demo store in ``folder`` and a context for its administrator (synchronous work)."""
    from desktop.accounts.service import create_first_admin
    from desktop.context import AppContext
    from desktop.core.errors import ImportRefused, RowError  # noqa: F401 - used by render_all
    from desktop.core.settings import Settings
    from desktop.demo import load_demo
    from desktop.models.db import open_store, sqlite_url
    from desktop.views.common.messages import FakeDialogs
    from desktop.views.common.tasks import SyncTaskRunner

    store = open_store(sqlite_url(folder / "demo.sqlite3"))
    admin = create_first_admin(store, "admin", "Chief-2026", "赵管理")
    load_demo(store, admin, dossier_dir=folder / "dossiers")
    dialogs = FakeDialogs()
    settings = Settings(sqlite_path=str(folder / "demo.sqlite3"))
    return AppContext(
        settings, store, store.clock, actor=admin, tasks=SyncTaskRunner(dialogs), dialogs=dialogs
    )


def render_all(ctx, save: Save) -> None:  # type: ignore[no-untyped-def]
    """Every page (a row selected), the login, first-run and edit dialogs, the import report."""
    from desktop.core.errors import ImportRefused, RowError
    from desktop.views.common.messages import ImportErrorsDialog
    from desktop.views.shell.first_run import FirstRunDialog
    from desktop.views.shell.login import LoginDialog
    from desktop.views.shell.main_window import MainWindow

    window = MainWindow(ctx)
    window.resize(1366, 768)
    for key in window.page_keys():
        page = window.show_page(key)
        page.refresh()
        table = getattr(page, "table", None)
        if table is not None and hasattr(table, "select_row"):
            table.select_row(0)
        QApplication.processEvents()
        QApplication.processEvents()  # a detail panel that scrolls is laid out on the second pass
        save(window, key)
    for key, opener in (
        ("cases", "new_case"),
        ("cases", "record_current"),
        ("warnings", "handle_current"),
        ("agencies", "new_agency"),
        ("officers", "edit_current"),
        ("users", "new_account"),
    ):
        dialog = getattr(window.show_page(key), opener)()
        if dialog is not None:
            save(dialog, f"{key}_{opener}" if key in ("cases", "warnings") else f"{key}_dialog")
            dialog.close()
    cases = window.show_page("cases")  # the corrections: 编辑案件, 更正日期 and 撤回 on the first case
    for name, opener in (
        ("cases_edit_case", lambda: cases.edit_case(cases.current_case())),
        ("cases_correct_stage", lambda: cases.correct_stage("filed")),
        ("cases_withdraw_stage", lambda: cases.correct_stage("filed", withdraw=True)),
    ):
        dialog = opener() if cases.current_case() is not None else None
        if dialog is not None:
            save(dialog, name)
            dialog.close()
    render_review(ctx, window, save)
    save(LoginDialog(ctx, user_name="jiandu"), "login")
    save(FirstRunDialog(ctx), "first_run")
    errors = [
        RowError(
            "执法人员.xlsx",
            "Sheet1",
            3,
            "身份证号",
            i18n.translate(
                "errors", "{number} is not a valid resident ID number (18 characters, checksum per GB 11643)."
            ).format(number="34112219800101001"),
        ),
        RowError(
            "执法人员.xlsx",
            "Sheet1",
            7,
            "执法主体",
            i18n.translate("errors", "unknown agency {agency}: import it first or use its exact name").format(
                agency="县公安局"
            ),
        ),
    ]
    save(ImportErrorsDialog(ImportRefused(errors, "执法人员.xlsx"), ctx.dialogs), "import_report")
    window.close()


def render_review(ctx, window, save: Save) -> None:  # type: ignore[no-untyped-def]
    """The 案卷评查 area: each tab, the finished campaign's results, the new-campaign dialog, the
    agency's recheck request, and a reviewer's scoring window on the open campaign."""
    from dataclasses import replace

    from desktop.accounts.service import authenticate
    from desktop.demo.personnel import DEMO_PASSWORD
    from desktop.review.campaigns import list_campaigns
    from desktop.review.sheets import my_tasks
    from desktop.views.review.campaigns_tab import FILES, RESULTS
    from desktop.views.review.workspace import open_scoring_window

    page = window.show_page("review")
    campaigns = {c.state: c for c in list_campaigns(ctx.store, ctx.user)}
    tab = page.show_tab("campaigns")
    shown = campaigns.get("closed") or next(iter(campaigns.values()), None)
    for sub, name in ((RESULTS, "review_results"), (FILES, "review_files")) if shown else ():
        tab.show_campaign(shown.id, sub)
        settle()
        save(window, name)
    dialog = tab.new_campaign()
    if dialog is not None:
        settle()
        save(dialog, "review_new_campaign")
        dialog.reviewer_picker.set_chosen(["pingcha", "pingcha2", "pingcha3"])
        dialog.on_draw_button_clicked()  # the preview: nothing stored
        settle()
        save(dialog, "review_draw_preview")
        dialog.close()
    for key in ("rechecks", "rubrics"):
        page.show_tab(key).refresh()
        settle()
        save(window, f"review_{key}")
    reviewer = authenticate(ctx.store, "pingcha", DEMO_PASSWORD)
    as_reviewer = replace(ctx, actor=reviewer, scoring_windows={})
    tasks = [t for t in my_tasks(ctx.store, reviewer) if t.state == "open"]
    if not tasks:
        return
    # a dossier with deductions taken, if any
    task = min(tasks, key=lambda t: (t.paper, t.total is None, t.total or 0))
    workspace = open_scoring_window(as_reviewer, task.scoring_id)
    workspace.resize(1366, 768)  # the most common office screen (issue 10)
    workspace.show()
    settle(2.0)
    save(workspace, "review_workspace")
    workspace.close()
    settle()


def settle(seconds: float = 0.3) -> None:
    """Let background rendering and layout finish (the viewer renders pages on its own thread)."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> None:
    """Render into --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="zh_CN", choices=i18n.LANGUAGES)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="desk-shots-"))
    os.environ["DESK_DATA_DIR"] = str(folder)
    from desktop.views.shell.startup import application, installed_language

    app = application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("DeskScreenshots")
    args.out.mkdir(parents=True, exist_ok=True)

    def save(widget: QWidget, name: str) -> None:
        widget.grab().save(str(args.out / f"{name}.png"))
        print(args.out / f"{name}.png")

    with installed_language(app, args.lang):
        ctx = demo_context(folder)
        render_all(ctx, save)
        ctx.store.dispose()


if __name__ == "__main__":
    main()
