"""工作日历: the years of the national holiday schedule (package ``chinese-calendar``, with 调休) and
the local override table — a holiday added, a weekend made a working day — that deadlines count with.
Roles with ``Permission.EDIT_SETTINGS`` add and remove overrides (audited by the service)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.calendar import WorkCalendar, missing_years, national_years
from desktop.cases.dto import CalendarOverrideRow, NoticeImported
from desktop.cases.supervision_settings import (
    list_calendar_overrides,
    remove_calendar_override,
    set_calendar_override,
)
from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.views.common.forms import FormDialog, combo_data, select_data, to_qdate
from desktop.views.common.look import GREY, InlineMessage, note_label
from desktop.views.settings.notice_import import NoticeDialog

MAX_NOTE = 200
GAP_STYLE = (
    "QLabel#calendarGap { background: #FEF7E0; border: 1px solid #F2A900; border-radius: 3px; "
    "padding: 6px 8px; color: #5C4300; }"
)
MIN_ROWS, MAX_ROWS = 3, 12
"""The override table grows with its rows between these (then it scrolls)."""


def year_ranges(years: Iterable[int]) -> str:
    """``2004–2026`` (or ``2004–2010、2012``) for a set of years."""
    ordered = sorted(set(years))
    parts: list[str] = []
    start = prev = None
    for year in ordered:
        if start is None:
            start = prev = year
        elif year == prev + 1:  # type: ignore[operator]
            prev = year
        else:
            parts.append(_span(start, prev))  # type: ignore[arg-type]
            start = prev = year
    if start is not None:
        parts.append(_span(start, prev))  # type: ignore[arg-type]
    return "、".join(parts)


def _span(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def day_text(day: date) -> str:
    """``2026-10-10 周六`` (the weekday in the user's language)."""
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{day.isoformat()} {weekday}"


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CalendarSection(QGroupBox):
    """The national years in words, a warning when this year is not loaded, and the override table."""

    overrides_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Work calendar"), parent)
        self.setObjectName("calendarSection")
        self.ctx = ctx
        self.can_edit = ctx.user.can(Permission.EDIT_SETTINGS)
        self.rows: tuple[CalendarOverrideRow, ...] = ()
        self.dialog: OverrideDialog | None = None
        self.notice_dialog: NoticeDialog | None = None
        layout = QVBoxLayout(self)
        self.years_label = QLabel(self)
        self.years_label.setObjectName("nationalYears")
        self.years_label.setWordWrap(True)
        layout.addWidget(self.years_label)
        layout.addWidget(
            note_label(
                self.tr(
                    "Deadlines count working days with the national schedule, its holidays and its adjusted "
                    "working weekends. Other years count weekends only: when the State Council announces a new "
                    "year's schedule, or a local day differs, add it below."
                ),
                self,
            )
        )
        self.gap = QLabel(self)
        self.gap.setObjectName("calendarGap")
        self.gap.setStyleSheet(GAP_STYLE)
        self.gap.setWordWrap(True)
        self.gap.hide()
        layout.addWidget(self.gap)
        self.table = self._make_table()
        layout.addWidget(self.table)
        self.empty_label = note_label(
            self.tr("No local overrides: every day follows the national schedule."), self
        )
        self.empty_label.setObjectName("noOverrides")
        layout.addWidget(self.empty_label)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self.refresh()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 3, self)
        table.setObjectName("overrides")
        table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Counts as"), self.tr("Note")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        table.setColumnWidth(0, 130)
        table.setColumnWidth(1, 90)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        return table

    def _buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setObjectName("addOverride")
        self.add_button.clicked.connect(self.add_override)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeOverride")
        self.remove_button.clicked.connect(self.remove_current)
        self.notice_button = QPushButton(self.tr("Import the holiday notice…"), self)
        self.notice_button.setObjectName("importNotice")
        self.notice_button.setToolTip(
            self.tr(
                "Paste the State Council's notice of a year: its days off and worked weekends, shown to confirm"
            )
        )
        self.notice_button.clicked.connect(self.import_notice)
        self.read_only_note = note_label(self.tr("Read only: your role may not change these settings."), self)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.notice_button)
        row.addWidget(self.read_only_note, 1)
        row.addStretch(1)
        self.add_button.setVisible(self.can_edit)
        self.remove_button.setVisible(self.can_edit)
        self.notice_button.setVisible(self.can_edit)
        self.read_only_note.setVisible(not self.can_edit)
        return row

    # -- showing ------------------------------------------------------------------------------

    def refresh(self, keep: date | None = None) -> None:
        """Read the overrides again through the task runner (``keep``: the day to make current)."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: list_calendar_overrides(ctx.store, ctx.user),
            partial(self.on_overrides_loaded, keep),
            parent_widget=self,
            key=f"calendar-overrides-{id(self)}",
        )

    def on_overrides_loaded(self, keep: date | None, rows: list[CalendarOverrideRow]) -> None:
        """Show the overrides read, and what the national schedule covers."""
        self.rows = list(rows)
        years = national_years()
        self.years_label.setText(
            self.tr("National holiday schedule: {years}.").format(years=year_ranges(years))
            if years
            else self.tr("No national holiday schedule is installed.")
        )
        self._show_gap()
        self._fill(keep)

    def _show_gap(self) -> None:
        gap = missing_years(self.ctx.today(), {r.day.year for r in self.rows})
        self.gap.setVisible(bool(gap))
        self.gap.setText(
            "⚠ "
            + self.tr(
                "The {year} holiday schedule is not loaded: deadlines in {year} count weekends only until its "
                "holidays are added here."
            ).format(year="、".join(str(y) for y in gap))
            if gap
            else ""
        )

    def _fill(self, keep: date | None) -> None:
        table = self.table
        table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            kind = QTableWidgetItem(self.kind_title(row.working))
            kind.setForeground(Qt.GlobalColor.darkGreen if row.working else Qt.GlobalColor.darkRed)
            for c, item in enumerate(
                (QTableWidgetItem(day_text(row.day)), kind, QTableWidgetItem(row.note or ""))
            ):
                item.setData(Qt.ItemDataRole.UserRole, row.day)
                item.setToolTip(item.text())
                table.setItem(r, c, item)
            if row.day == keep:
                table.selectRow(r)
        shown = min(max(len(self.rows), MIN_ROWS), MAX_ROWS)
        table.setFixedHeight(
            table.verticalHeader().defaultSectionSize() * shown
            + table.horizontalHeader().sizeHint().height()
            + 2 * table.frameWidth()
        )
        self.table.setVisible(bool(self.rows))
        self.empty_label.setVisible(not self.rows)
        self._update_buttons()

    def kind_title(self, working: bool) -> str:
        """工作日 / 休息日."""
        return self.tr("Working day") if working else self.tr("Rest day")

    def current_day(self) -> date | None:
        """The day of the selected override."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def select_day(self, day: date) -> None:
        """Make the override of ``day`` current."""
        for r, row in enumerate(self.rows):
            if row.day == day:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.can_edit and self.current_day() is not None)

    # -- actions ------------------------------------------------------------------------------

    def add_override(self) -> OverrideDialog | None:
        """添加: open the dialog (it returns at once)."""
        if not self.can_edit:
            return None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        existing = {r.day: r for r in self.rows}
        self.dialog = OverrideDialog(self.ctx, existing, self)
        self.dialog.override_saved.connect(self.on_dialog_override_saved)
        self.dialog.open()
        return self.dialog

    def import_notice(self) -> NoticeDialog | None:
        """导入放假通知: open the paste box with its preview (it returns at once)."""
        if not self.can_edit:
            return None
        if self.notice_dialog is not None:
            self.notice_dialog.close()
            self.notice_dialog.deleteLater()
        self.notice_dialog = NoticeDialog(self.ctx, self)
        self.notice_dialog.notice_saved.connect(self.on_notice_dialog_notice_saved)
        self.notice_dialog.open()
        return self.notice_dialog

    def remove_current(self) -> None:
        """删除: ask once, naming the date, then return it to the national schedule."""
        day = self.current_day()
        if not self.can_edit or day is None:
            return
        if not self.ctx.dialogs.confirm(
            self,
            self.tr("Remove local override"),
            self.tr(
                "Remove the local override of {day}? The day then counts as the national schedule says."
            ).format(day=day_text(day)),
            self.tr("Remove"),
        ):
            return
        ctx, version = self.ctx, next(r.version for r in self.rows if r.day == day)
        ctx.tasks.run(
            lambda _progress, _cancelled: remove_calendar_override(ctx.store, ctx.user, day, version),
            on_done=lambda _result: self.on_remove_done(day),
            on_error=self.on_change_failed,
            label=self.tr("Removing the override"),
            parent_widget=self,
            cancellable=False,
        )

    # -- slots --------------------------------------------------------------------------------

    def on_table_item_selection_changed(self) -> None:
        """Remove needs a row."""
        self._update_buttons()

    def on_dialog_override_saved(self, row: CalendarOverrideRow) -> None:
        """Added: show the table with the day current."""
        self.refresh(keep=row.day)
        text = (
            self.tr("{day} now counts as a working day.")
            if row.working
            else self.tr("{day} now counts as a rest day.")
        )
        self.message.show_ok(text.format(day=day_text(row.day)))
        self.overrides_changed.emit()

    def on_notice_dialog_notice_saved(self, result: NoticeImported) -> None:
        """Stored: show the table, and say what now counts."""
        self.refresh()
        self.message.show_ok(
            self.tr("The {year} holidays are stored: {rest} days off, {work} weekend days worked.").format(
                year=result.year, rest=len(result.rest_days), work=len(result.work_days)
            )
        )
        self.overrides_changed.emit()

    def on_remove_done(self, day: date) -> None:
        """Removed: say so."""
        self.refresh()
        self.message.show_ok(self.tr("{day} follows the national schedule again.").format(day=day_text(day)))
        self.overrides_changed.emit()

    def on_change_failed(self, exc: BaseException) -> None:
        """Refused or failed: the dialogs say why."""
        self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)
        self.refresh()


class OverrideDialog(FormDialog):
    """添加本地调整: a date, whether it is worked or a rest day, and a note — then 保存."""

    override_saved = Signal(object)

    def __init__(
        self, ctx: AppContext, existing: dict[date, CalendarOverrideRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Add local override"), parent)
        self.existing = existing
        self.national = WorkCalendar()
        self._kind_touched = False
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("day")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(to_qdate(ctx.today()))
        self.date_edit.dateChanged.connect(self.on_date_edit_date_changed)
        self.marks.add_row("day", self.tr("Date"), self.date_edit)
        self.national_label = QLabel(self)
        self.national_label.setObjectName("nationalDay")
        self.national_label.setWordWrap(True)
        self.national_label.setStyleSheet(f"color: {GREY};")
        self.form.addRow("", self.national_label)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("working")
        self.kind_combo.addItem(self.tr("Rest day (holiday)"), False)
        self.kind_combo.addItem(self.tr("Working day (adjusted weekend or local)"), True)
        self.kind_combo.activated.connect(self.on_kind_combo_activated)
        self.marks.add_row("working", self.tr("Counts as"), self.kind_combo)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(self.tr("e.g. Spring Festival 2027, county government notice"))
        self.marks.add_row("note", self.tr("Note"), self.note_edit)
        self.on_date_edit_date_changed(self.date_edit.date())

    def day(self) -> date:
        """The date chosen."""
        return _pydate(self.date_edit.date())

    def working(self) -> bool:
        """Whether the day is to count as a working day."""
        return bool(combo_data(self.kind_combo))

    def set_input(self, day: date, working: bool, note: str = "") -> None:
        """Fill the fields (tests and callers that know the day)."""
        self.date_edit.setDate(to_qdate(day))
        select_data(self.kind_combo, working)
        self._kind_touched = True
        self.note_edit.setText(note)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        """An override that says what the national schedule already says changes nothing."""
        day = self.day()
        if self.working() == self.national.is_working(day) and day not in self.existing:
            return {
                "working": self.tr("The national schedule already counts {day} as a {kind}.").format(
                    day=day.isoformat(), kind=self._kind_word(self.working())
                )
            }
        return {}

    def save_work(self) -> Callable[[], CalendarOverrideRow]:
        """Keep the override for every deadline."""
        ctx, day, working, note = self.ctx, self.day(), self.working(), self.note_edit.text()
        shown = self.existing.get(day)
        version = None if shown is None else shown.version
        return lambda: set_calendar_override(ctx.store, ctx.user, day, version, working, note)

    def saved(self, result: CalendarOverrideRow) -> None:
        """Tell the section."""
        self.override_saved.emit(result)

    def _kind_word(self, working: bool) -> str:
        return self.tr("working day") if working else self.tr("rest day")

    # -- slots --------------------------------------------------------------------------------

    def on_date_edit_date_changed(self, _value: QDate) -> None:
        """Say how the national schedule counts the day; offer the other kind unless one was chosen."""
        day = self.day()
        national = self.national.is_working(day)
        if day.year in national_years():
            text = self.tr("The national schedule counts {day} as a {kind}.")
        else:
            text = self.tr("The {year} holiday schedule is not loaded: {day} counts as a {kind} by weekends.")
        text = text.format(day=day_text(day), kind=self._kind_word(national), year=day.year)
        if day in self.existing:
            text += " " + self.tr("It already has a local override ({kind}); saving replaces it.").format(
                kind=self._kind_word(self.existing[day].working)
            )
        self.national_label.setText(text)
        if not self._kind_touched:
            select_data(self.kind_combo, not national)
        self.touch("day")

    def on_kind_combo_activated(self, _index: int) -> None:
        """The user chose the kind: keep it when the date changes."""
        self._kind_touched = True
        self.touch("working")
