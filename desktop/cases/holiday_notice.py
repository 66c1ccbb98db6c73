"""The State Council's holiday notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) read into a year's
rest days and worked weekend days — pure text work, no store.

What the notice says, and what this reads from it:

- ``rest_days``: every day off the notice declares, weekend days inside a holiday block included
  ("1月1日（周四）至3日（周六）放假调休" gives 1, 2 and 3 January);
- ``work_days``: the weekend days it declares worked ("1月4日（周日）上班").

In a clause (up to 。；or a line end), the dates before 放假 (or 连休: "6月10日与周末连休") are days
off and the dates before 上班 are days worked (from the previous keyword on). Dates are ``[YYYY年]M月D日`` or ``D日`` (the month and year carry
on from the date before, and a range that runs past December enters the next year); ranges join
with 至, 到, -, — or ~. Parentheses (农历除夕、周二) are read only to check the weekday they name.
A range that runs from December into January without
the years written (real notices write them: "2022年12月31日至2023年1月2日") ends in the next year.
Full-width digits and punctuation are read like ASCII. The year comes from the title ("关于2026年部分
节假日安排"), else from the dates (written with a year; the year most days off fall in).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_TEXT = 20_000
"""A notice is about 1,000 characters; anything much longer is not one."""
WEEKDAYS = "一二三四五六日"
_TITLE_YEAR = re.compile(r"(?:关于|现将)(\d{4})年|(\d{4})年(?:部分)?节假日")
_DATED_YEAR = re.compile(r"(\d{4})年\d{1,2}月\d{1,2}日")
_CLAUSE = re.compile(r"[。;；\n]")
_PAREN = re.compile(r"\(([^()]*)\)")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日")
_RANGE = re.compile(r"\s*(?:至|到|-|—|–|~|～)\s*")
_WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
_KEYWORD = re.compile(r"放假|连休|上班")
_BLANK = re.compile(r"[ \t\u3000\u00a0]+")


@dataclass(frozen=True)
class NoticeHoliday:
    """One holiday of the notice: its name, its days off and its worked weekend days."""

    name: str
    rest_days: tuple[date, ...]
    work_days: tuple[date, ...]


@dataclass(frozen=True)
class HolidayNotice:
    """A year's schedule as the notice declares it."""

    year: int
    rest_days: tuple[date, ...]
    work_days: tuple[date, ...]
    holidays: tuple[NoticeHoliday, ...]

    def as_json(self) -> dict[str, object]:
        """CLI.md's shape: ``{"year", "rest_days", "work_days"}`` with ISO dates."""
        return {
            "year": self.year,
            "rest_days": [d.isoformat() for d in self.rest_days],
            "work_days": [d.isoformat() for d in self.work_days],
        }


def _refuse(template: str, **params: object) -> ValidationError:
    return ValidationError(template, field="notice", **params)


def normalized(text: str) -> str:
    """Full-width digits, letters and punctuation as ASCII (NFKC), blanks within a line removed."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _BLANK.sub("", text)


def notice_year(text: str) -> int:
    """The year of the notice: its title's, else the first date written with a year."""
    title = _TITLE_YEAR.search(text)
    if title is not None:
        return int(title.group(1) or title.group(2))
    found = _DATED_YEAR.search(text)
    if found is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors",
                "The notice names no year: paste it with its title "
                "(国务院办公厅关于2027年部分节假日安排的通知).",
            )
        )
    return int(found.group(1))


def parse_notice(text: str) -> HolidayNotice:
    """Read the notice; a ``ValidationError`` says what could not be read."""
    if len(text) > MAX_TEXT:
        raise _refuse(
            QT_TRANSLATE_NOOP("errors", "The text is longer than a holiday notice ({limit} characters)."),
            limit=f"{MAX_TEXT:,}",
        )
    text = normalized(text)
    year = notice_year(text)
    titled = _TITLE_YEAR.search(text) is not None
    holidays: list[NoticeHoliday] = []
    name = ""
    for line in text.split("\n"):
        heading = re.match(r"^(?:[一二三四五六七八九十]+、|\d+[.、])?([^:：\d]{1,12})[:：]", line)
        if heading:
            name = heading.group(1)
        for clause in _CLAUSE.split(line):
            rest, work = _clause_days(clause, year)
            if rest or work:
                holidays.append(NoticeHoliday(name, tuple(rest), tuple(work)))
    if not titled:  # no title: the year most days off fall in (the later one on a tie)
        counts = Counter(d.year for h in holidays for d in h.rest_days)
        year = max(counts, key=lambda y: (counts[y], y), default=year)
    return _checked(year, _merged(holidays))


def _merged(holidays: list[NoticeHoliday]) -> tuple[NoticeHoliday, ...]:
    """One entry per holiday name (its 放假 and its 上班 clauses together), in notice order."""
    by_name: dict[str, NoticeHoliday] = {}
    for h in holidays:
        was = by_name.get(h.name)
        by_name[h.name] = (
            h
            if was is None
            else NoticeHoliday(h.name, was.rest_days + h.rest_days, was.work_days + h.work_days)
        )
    return tuple(by_name.values())


def _clause_days(clause: str, year: int) -> tuple[list[date], list[date]]:
    """The days a clause declares off (the dates before 放假, or 连休: "6月10日与周末连休") or
    worked (before 上班)."""
    rest: list[date] = []
    work: list[date] = []
    start = 0
    for keyword in _KEYWORD.finditer(clause):
        days = _dates(clause[start : keyword.start()], year)
        (work if keyword.group(0) == "上班" else rest).extend(days)
        start = keyword.end()
    return rest, work


def _dates(text: str, year: int) -> list[date]:
    """Every date and range in ``text`` (parentheses checked for their weekday, then dropped)."""
    out: list[date] = []
    month: int | None = None
    pending: date | None = None  # a range's first day, waiting for its last
    cursor = 0
    masked = _PAREN.sub(lambda p: " " * len(p.group(0)), text)  # a date in a parenthesis is a remark
    for m in _DATE.finditer(masked):
        between = masked[cursor : m.start()]
        cursor = m.end()
        if m.group(1):
            year = int(m.group(1))
        if m.group(2):
            month = int(m.group(2))
        elif month is None:
            raise _refuse(QT_TRANSLATE_NOOP("errors", "{text}: a day without its month."), text=m.group(0))
        day = _date(year, month, int(m.group(3)), m.group(0))
        if pending is not None and pending.month == 12 and month == 1 and day.year == pending.year:
            year += 1  # 12月31日至1月2日: the range enters the next year
            day = _date(year, month, day.day, m.group(0))
        _check_weekday(text[m.end() :], day, m.group(0))
        if pending is not None and _RANGE.fullmatch(between):
            if day < pending:
                raise _refuse(
                    QT_TRANSLATE_NOOP("errors", "{text}: the range ends before it starts."), text=m.group(0)
                )
            out.extend(pending + timedelta(days=n) for n in range(1, (day - pending).days + 1))
        else:
            out.append(day)
        pending = day
    return out


def _date(year: int, month: int, day: int, written: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _refuse(
            QT_TRANSLATE_NOOP("errors", "{text} is not a date of {year}."), text=written, year=year
        ) from None


def _check_weekday(after: str, day: date, written: str) -> None:
    """A parenthesis right after the date that names a weekday must name ``day``'s (a wrong year
    shows here first)."""
    paren = _PAREN.match(after)
    if paren is None:
        return
    named = _WEEKDAY.search(paren.group(1))
    if named is None:
        return
    said = WEEKDAYS.index(named.group(1).replace("天", "日"))
    if said != day.weekday():
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors",
                "{text} is a 周{actual} in {year}, but the notice says 周{said}: is the year right?",
            ),
            text=written,
            year=day.year,
            actual=WEEKDAYS[day.weekday()],
            said=WEEKDAYS[said],
        )


def _checked(year: int, holidays: tuple[NoticeHoliday, ...]) -> HolidayNotice:
    rest = sorted({d for h in holidays for d in h.rest_days})
    work = sorted({d for h in holidays for d in h.work_days})
    if not rest:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "errors",
                "No holiday found in the text: paste the notice's items "
                "(元旦：1月1日至3日放假调休，共3天。…上班。).",
            )
        )
    both = sorted(set(rest) & set(work))
    if both:
        raise _refuse(
            QT_TRANSLATE_NOOP("errors", "{day} is declared both a day off and a working day."),
            day=both[0].isoformat(),
        )
    for day in (*rest, *work):
        if abs(day.year - year) > 1:
            raise _refuse(
                QT_TRANSLATE_NOOP("errors", "{day} lies outside the notice's year {year}."),
                day=day.isoformat(),
                year=year,
            )
    for day in work:
        if day.weekday() < 5:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "errors", "{day} is a weekday: a notice declares only weekend days worked (上班)."
                ),
                day=day.isoformat(),
            )
    return HolidayNotice(year, tuple(rest), tuple(work), holidays)
