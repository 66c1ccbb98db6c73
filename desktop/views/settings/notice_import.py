"""导入放假通知: paste the State Council's holiday notice, see the year as a calendar (days off and
worked weekend days marked), then keep it in the local calendar (``import_holiday_notice``,
audited). The text is read as it is typed (``holiday_notice.parse_notice``, pure and quick)."""

from __future__ import annotations

import calendar as month_grid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget

from desktop.cases.calendar import national_years
from desktop.cases.dto import NoticeImported
from desktop.cases.holiday_notice import HolidayNotice, parse_notice
from desktop.cases.supervision_settings import import_holiday_notice
from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.views.common.forms import FormDialog
from desktop.views.common.look import GREY, note_label
from desktop.views.common.screen_fit import resize_to_fit

REST_FILL, REST_TEXT = "#FCE8E6", "#A50E0E"
WORK_FILL, WORK_TEXT = "#E6F4EA", "#0D652D"
WEEKEND_TEXT = GREY
CELL_W, CELL_H, MONTH_GAP = 22, 17, 14
COLUMNS = 4
"""Months across (three rows of four)."""


class YearCalendar(QLabel):
    """Twelve small months drawn into a picture: days off filled red, worked weekend days filled
    green and framed, ordinary weekends in grey (words beside the colours: the legend and the
    holiday lines)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearCalendar")
        self.year: int | None = None
        self.rest: frozenset[date] = frozenset()
        self.work: frozenset[date] = frozenset()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(self.picture_size())

    def show_year(self, year: int | None, rest: frozenset[date], work: frozenset[date]) -> None:
        """Draw ``year`` with its days off and worked days (None: an empty calendar)."""
        self.year, self.rest, self.work = year, rest, work
        if year is None:
            self.clear()
            return
        ratio = self.devicePixelRatioF()
        size = self.picture_size()
        image = QImage(
            int(size.width() * ratio), int(size.height() * ratio), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            self._paint(painter)
        finally:
            painter.end()
        self.setPixmap(QPixmap.fromImage(image))

    def month_size(self) -> QSize:
        """One month: a title line, the weekday line and six weeks."""
        line = self.fontMetrics().height() + 4
        return QSize(7 * CELL_W, 2 * line + 6 * CELL_H)

    def picture_size(self) -> QSize:
        """Four months across, three down."""
        m = self.month_size()
        return QSize(COLUMNS * m.width() + (COLUMNS - 1) * MONTH_GAP, 3 * m.height() + 2 * MONTH_GAP)

    def kind(self, day: date) -> str:
        """What ``day`` is (a day off, worked, a weekend, or "") in the user's language."""
        if day in self.rest:
            return self.tr("day off")
        if day in self.work:
            return self.tr("worked")
        return self.tr("weekend") if day.weekday() >= 5 else ""

    def _origin(self, month: int) -> tuple[int, int]:
        m = self.month_size()
        col, row = (month - 1) % COLUMNS, (month - 1) // COLUMNS
        return col * (m.width() + MONTH_GAP), row * (m.height() + MONTH_GAP)

    def _cells(self, year: int, month: int) -> list[tuple[date, QRect]]:
        x0, y0 = self._origin(month)
        top = y0 + 2 * (self.fontMetrics().height() + 4)
        cells = []
        for week, days in enumerate(month_grid.Calendar().monthdatescalendar(year, month)):
            for col, day in enumerate(days):
                if day.month == month:
                    cells.append((day, QRect(x0 + col * CELL_W, top + week * CELL_H, CELL_W, CELL_H)))
        return cells

    def _paint(self, painter: QPainter) -> None:
        """Each month: its name, the weekday initials, the days."""
        assert self.year is not None
        locale, line = QLocale(), self.fontMetrics().height() + 4
        plain = self.font()
        bold = self.font()
        bold.setBold(True)
        text = self.palette().text().color()
        for month in range(1, 13):
            x0, y0 = self._origin(month)
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRect(x0, y0, 7 * CELL_W, line), Qt.AlignmentFlag.AlignLeft, locale.monthName(month)
            )
            painter.setFont(plain)
            painter.setPen(QColor(WEEKEND_TEXT))
            for col in range(7):
                name = locale.dayName(col + 1, QLocale.FormatType.NarrowFormat)
                painter.drawText(
                    QRect(x0 + col * CELL_W, y0 + line, CELL_W, line), Qt.AlignmentFlag.AlignCenter, name
                )
            for day, rect in self._cells(self.year, month):
                self._paint_day(painter, day, rect, text)

    def _paint_day(self, painter: QPainter, day: date, rect: QRect, text: QColor) -> None:
        inner = rect.adjusted(1, 1, -1, -1)
        if day in self.rest:
            painter.fillRect(inner, QColor(REST_FILL))
            painter.setPen(QColor(REST_TEXT))
        elif day in self.work:
            painter.fillRect(inner, QColor(WORK_FILL))
            painter.setPen(QColor(WORK_TEXT))
            painter.drawRect(inner.adjusted(0, 0, -1, -1))
        else:
            painter.setPen(QColor(WEEKEND_TEXT) if day.weekday() >= 5 else text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))


class NoticeDialog(FormDialog):
    """The paste box, what was read (or why not), the year as a calendar, then 保存到工作日历."""

    notice_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Import the holiday notice"), parent, ok_text=self.tr("Store in the calendar")
        )
        self.setObjectName("noticeDialog")
        self.notice: HolidayNotice | None = None
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("noticeText")
        self.text_edit.setPlaceholderText(
            self.tr(
                "Paste the whole notice here, its title included:\n"
                "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日至3日放假……"
            )
        )
        self.text_edit.setMinimumSize(340, 300)
        self.text_edit.textChanged.connect(self.on_text_edit_text_changed)
        self.form.addRow(
            note_label(
                self.tr(
                    "The State Council publishes the next year's schedule each November "
                    "(国务院办公厅关于 YYYY 年部分节假日安排的通知). Copy its text from the government's website."
                ),
                self,
            )
        )
        self.marks.add_row("notice", self.tr("Notice"), self.text_edit)
        preview = self.add_column()
        self.summary = QLabel(self)
        self.summary.setObjectName("noticeSummary")
        self.summary.setWordWrap(True)
        preview.addRow(self.summary)
        self.calendar = YearCalendar(self)
        preview.addRow(self.calendar)
        self.legend = note_label(
            self.tr("Red: a day off. Green, framed: a weekend day worked. Grey: an ordinary weekend."), self
        )
        preview.addRow(self.legend)
        self.holidays = QLabel(self)
        self.holidays.setObjectName("noticeHolidays")
        self.holidays.setWordWrap(True)
        self.holidays.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.holidays)
        self.on_text_edit_text_changed()
        self.setMinimumWidth(self.layout().minimumSize().width())  # the calendar is drawn whole
        resize_to_fit(self, self.sizeHint())

    def set_text(self, text: str) -> None:
        """Put ``text`` in the paste box (tests, and a file read elsewhere)."""
        self.text_edit.setPlainText(text)

    # -- what the form says -------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """The text must be a notice this can read."""
        text = self.text_edit.toPlainText()
        if not text.strip():
            return {"notice": self.tr("Paste the notice's text.")}
        try:
            parse_notice(text)
        except ValidationError as exc:
            return {"notice": exc.localized()}
        return {}

    def confirmed(self) -> bool:
        """Ask once, naming the year and what it replaces."""
        notice = self.notice
        assert notice is not None
        return self.ctx.dialogs.confirm(
            self,
            self.tr("Store the {year} holidays").format(year=notice.year),
            self.tr(
                "Store {rest} days off and {work} worked weekend days of {year} in the local calendar? "
                "Deadlines count with them from now on; an earlier notice of {year} is replaced."
            ).format(rest=len(notice.rest_days), work=len(notice.work_days), year=notice.year),
            self.tr("Store"),
        )

    def save_work(self) -> Callable[[], NoticeImported]:
        """Keep the notice's days for every deadline (audited)."""
        ctx, notice = self.ctx, self.notice
        assert notice is not None
        return lambda: import_holiday_notice(ctx.store, ctx.user, notice)

    def saved(self, result: NoticeImported) -> None:
        """Tell the section."""
        self.notice_saved.emit(result)

    # -- slots --------------------------------------------------------------------------------

    def on_text_edit_text_changed(self) -> None:
        """Read the text again and draw what it says."""
        try:
            self.notice = (
                parse_notice(self.text_edit.toPlainText()) if self.text_edit.toPlainText().strip() else None
            )
        except ValidationError:
            self.notice = None
        notice = self.notice
        self.save_button.setEnabled(notice is not None)
        if notice is None:
            self.calendar.show_year(None, frozenset(), frozenset())
            self.summary.setText(self.tr("Nothing read yet."))
            self.holidays.setText("")
        else:
            self.calendar.show_year(notice.year, frozenset(notice.rest_days), frozenset(notice.work_days))
            self.summary.setText(self._summary(notice))
            self.holidays.setText(self._holiday_lines(notice))
        if self.text_edit.toPlainText().strip():
            self.touch("notice")

    def _summary(self, notice: HolidayNotice) -> str:
        text = self.tr("{year}: {rest} days off, {work} weekend days worked.").format(
            year=notice.year, rest=len(notice.rest_days), work=len(notice.work_days)
        )
        if notice.year in national_years():
            text += " " + self.tr(
                "The national schedule already holds {year}; the notice's days are kept as well."
            ).format(year=notice.year)
        return text

    def _holiday_lines(self, notice: HolidayNotice) -> str:
        lines = []
        for h in notice.holidays:
            line = self.tr("{name}: off {days}").format(name=h.name or "—", days=_spans(h.rest_days))
            if h.work_days:
                line += self.tr("; worked {days}").format(days="、".join(_md(d) for d in h.work_days))
            lines.append(line)
        return "\n".join(lines)


def _md(day: date) -> str:
    return day.strftime("%m-%d")


def _spans(days: tuple[date, ...]) -> str:
    """``01-01–01-03、02-05–02-11``: consecutive days as one span."""
    parts: list[str] = []
    run: list[date] = []
    for day in sorted(days):
        if run and (day - run[-1]).days != 1:
            parts.append(_span(run))
            run = []
        run.append(day)
    if run:
        parts.append(_span(run))
    return "、".join(parts)


def _span(run: list[date]) -> str:
    return _md(run[0]) if len(run) == 1 else f"{_md(run[0])}–{_md(run[-1])}"
