"""Import and export of a page's workbook (FORMATS.md): pick the file, run the work, say what it did.

The file pickers and messages go through ``ctx.dialogs``; the work through ``ctx.tasks`` with
progress and Cancel. A refused import shows every row error (``Dialogs.import_errors``) and
nothing is written; a finished import says how many rows it wrote and skipped, with warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery
from desktop.io.templates import Template, write_template
from desktop.personnel.dto import ImportResult
from desktop.views.common.widgets import PageHeader

Importer = Callable[..., ImportResult]
Exporter = Callable[..., int]


@dataclass(frozen=True)
class WorkbookTexts:
    """What one page calls its import and export (already translated by the page)."""

    import_title: str
    importing: str
    export_title: str
    exporting: str
    file_stem: str


class WorkbookFlow(QObject):
    """Import and export for one page: file picker → task runner → message."""

    imported = Signal(object)
    exported = Signal(int, str)

    def __init__(
        self,
        ctx: AppContext,
        page: QWidget,
        texts: WorkbookTexts,
        *,
        importer: Importer | None = None,
        exporter: Exporter,
        template: Template | None = None,
    ) -> None:
        super().__init__(page)
        self.ctx, self.page, self.texts = ctx, page, texts
        self._importer, self._exporter = importer, exporter
        self.template = template
        """The import's empty workbook (FORMATS.md headers and 填写说明), offered by 下载模板."""
        self.template_action: QAction | None = None

    def file_filter(self) -> str:
        """The file-picker filter for workbooks."""
        return self.tr("Excel workbooks (*.xlsx)")

    # -- import -------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Ask for a workbook and import it in the background (export-only flows have no import)."""
        if self._importer is None:
            return
        path = self.ctx.dialogs.open_file(self.page, self.texts.import_title, self.file_filter())
        if not path:
            return
        ctx, importer = self.ctx, self._importer
        self.ctx.tasks.run(
            lambda progress, cancelled: importer(
                ctx.store, ctx.user, path, progress=progress, cancelled=cancelled
            ),
            on_done=self.on_import_done,
            on_error=self.on_task_failed,
            label=self.texts.importing,
            parent_widget=self.page,
        )

    def on_import_done(self, result: ImportResult) -> None:
        """Say what the import did, then let the page refresh."""
        text = self.tr("Imported {imported}, skipped {skipped} (already present).").format(
            imported=f"{result.imported:,}", skipped=f"{result.skipped:,}"
        )
        if result.updated:
            text += "\n" + self.tr("Changed {updated} known record(s): {fields}.").format(
                updated=f"{result.updated:,}", fields="、".join(result.fields)
            )
        if result.warnings:
            text += "\n\n" + self.tr("Warnings:") + "\n" + "\n".join(result.warnings)
        self.imported.emit(result)
        self.ctx.dialogs.info(self.page, self.texts.import_title, text)

    # -- template -----------------------------------------------------------------------------

    def add_template_action(self, header: PageHeader, import_action: QAction) -> QAction | None:
        """下载模板 right after 导入 in the page's toolbar, shown with it."""
        if self.template is None:
            return None
        action = header.add_action(
            self.tr("Template"),
            self.start_template_download,
            rank=header.rank_of(import_action),
            tooltip=self.tr(
                "Save an empty import workbook with its column headers and a sheet explaining them"
            ),
        )
        action.setVisible(import_action.isVisible())
        import_action.visibleChanged.connect(lambda: action.setVisible(import_action.isVisible()))
        self.template_action = action
        return action

    def start_template_download(self) -> None:
        """Ask where to save the template, write it, say where it went."""
        template = self.template
        if template is None:
            return
        title = self.tr("Save the import template")
        name = self.tr("{format} template.xlsx").format(format=template.sheet)
        path = self.ctx.dialogs.save_file(self.page, title, name, self.file_filter())
        if not path:
            return
        self.ctx.tasks.run(
            lambda _progress, _cancelled: write_template(path, template),
            on_done=lambda written: self.ctx.dialogs.info(
                self.page,
                title,
                self.tr(
                    "Saved {path}.\nFill in one row per record under the headers (red ones are required; "
                    "the sheet 填写说明 explains each column), then use Import."
                ).format(path=written),
            ),
            on_error=self.on_task_failed,
            label=title,
            parent_widget=self.page,
            io=True,
        )

    # -- export -------------------------------------------------------------------------------

    def start_export(self, query: ListQuery) -> None:
        """Ask where to save, then write every row ``query`` finds in the background."""
        name = f"{self.texts.file_stem} {self.ctx.today().isoformat()}.xlsx"
        path = self.ctx.dialogs.save_file(self.page, self.texts.export_title, name, self.file_filter())
        if not path:
            return
        if Path(path).suffix.lower() != ".xlsx":
            path += ".xlsx"
        ctx, exporter = self.ctx, self._exporter
        self.ctx.tasks.run(
            lambda progress, cancelled: exporter(
                ctx.store, ctx.user, query.window(0, None), path, progress=progress, cancelled=cancelled
            ),
            on_done=lambda count: self.on_export_done(count, path),
            on_error=self.on_task_failed,
            label=self.texts.exporting,
            parent_widget=self.page,
        )

    def on_export_done(self, count: int, path: str) -> None:
        """Say how many rows went where."""
        self.exported.emit(count, path)
        self.ctx.dialogs.info(
            self.page,
            self.texts.export_title,
            self.tr("Exported {count} rows to {path}.").format(count=f"{count:,}", path=path),
        )

    def on_task_failed(self, exc: BaseException) -> None:
        """A refused import lists its row errors; anything else the way its kind asks."""
        self.ctx.dialogs.show_error(self.page, exc)
