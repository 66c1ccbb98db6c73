"""Reading and writing the exchange workbooks of FORMATS.md (first sheet, header in row 1).

``read_sheet`` maps the header to the expected columns; the cell parsers turn raw values into
typed ones or raise ``CellError``; ``write_workbook`` replaces its target only when complete.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Context, Decimal, InvalidOperation, localcontext
from itertools import chain, islice
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

from desktop.core.errors import Cancelled, RowError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.input_limits import in_force

Progress = Callable[[int, int | None], None]
IsCancelled = Callable[[], bool]

CHUNK = 200
MAX_ROWS = 1_048_576
_READ_ERRORS = (OSError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError, IndexError, EOFError)
"""What a broken workbook raises, besides OverflowError, CalamineError and InvalidFileException."""
_IN_USE = QT_TRANSLATE_NOOP("errors", "permission denied (is it open in another program?)")


@dataclass(frozen=True)
class Column:
    """An expected column: its canonical header, whether it must be present, other names."""

    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SheetRow:
    """A non-blank row: its own row number; values by canonical (or unknown column's) header."""

    number: int
    values: Mapping[str, Any]


@dataclass(frozen=True)
class SheetData:
    """The first sheet of a workbook: its rows, header errors and ignored columns."""

    file: str
    sheet: str
    rows: tuple[SheetRow, ...]
    errors: tuple[RowError, ...]
    unknown_columns: tuple[str, ...]
    present: frozenset[str] = frozenset()
    """The expected columns the header holds: an absent one leaves its field as the store has it."""


class CellError(ValidationError):
    """A cell value that breaks its column's rule; the message names the rule, not the place."""

    code = "cell"

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template, field="cell", **params)


def _header_key(value: Any) -> str:
    return "".join((parse_text(value) or "").split())


def _cannot_read(file: str, reason: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "Cannot read {file}: {reason}"), field="file", file=file, reason=reason
    )


def _read_reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return QT_TRANSLATE_NOOP("errors", "file not found")
    if isinstance(exc, PermissionError):
        return _IN_USE
    from openpyxl.utils.exceptions import InvalidFileException
    from python_calamine import ZipError

    if isinstance(exc, (zipfile.BadZipFile, InvalidFileException, ZipError, KeyError)):
        return QT_TRANSLATE_NOOP("errors", "not an .xlsx workbook")
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return QT_TRANSLATE_NOOP("errors", "the file is damaged")


def _map_header(
    header: Sequence[Any], columns: Sequence[Column], file: str, sheet: str, number: int = 1
) -> tuple[dict[int, str], list[RowError], list[str]]:
    """Column index → key, header errors, unknown headers."""
    names = {_header_key(n): c.header for c in columns for n in (c.header, *c.aliases)}
    mapping: dict[int, str] = {}
    errors: list[RowError] = []
    unknown: list[str] = []
    for index, cell in enumerate(header):
        key = _header_key(cell)
        canonical = names.get(key)
        if not key or (canonical is None and key in unknown):
            continue
        if canonical is None:
            unknown.append(key)
        elif canonical in mapping.values():
            errors.append(
                RowError(file, sheet, number, canonical, QT_TRANSLATE_NOOP("errors", "duplicate column"))
            )
            continue
        mapping[index] = canonical or key
    for column in columns:
        if column.required and column.header not in mapping.values():
            errors.append(
                RowError(
                    file, sheet, number, column.header, QT_TRANSLATE_NOOP("errors", "missing required column")
                )
            )
    return mapping, errors, unknown


def _row_values(
    row: Sequence[Any], mapping: dict[int, str], columns: Sequence[Column]
) -> dict[str, Any] | None:
    """The row's values by key, or None for a blank row."""
    cells = [(v.strip() or None) if isinstance(v, str) else v for v in row]
    if all(v is None for v in cells):
        return None
    values: dict[str, Any] = {c.header: None for c in columns}
    for index, key in mapping.items():
        values[key] = cells[index] if index < len(cells) else None
    return values


def _check(done: int, total: int | None, progress: Progress | None, cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total if total is None or total >= done else None)


def _sheet_rows(
    rows: Iterator[tuple[Any, ...]],
    mapping: dict[int, str],
    columns: Sequence[Column],
    header: int,
    total: int | None,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> tuple[SheetRow, ...]:
    from desktop.io.workbook_parts import TooLarge

    row_limit = in_force().import_rows
    out: list[SheetRow] = []
    number = header
    for number, row in enumerate(rows, start=header + 1):
        if number - header > row_limit:
            raise TooLarge()
        values = _row_values(row, mapping, columns)
        if values is not None:
            out.append(SheetRow(number, MappingProxyType(values)))
        if (number - 1) % CHUNK == 0:
            _check(number - 1, total, progress, cancelled)
    _check(number - 1, total, progress, None)
    return tuple(out)


def read_sheet(
    path: str | os.PathLike[str],
    columns: Sequence[Column],
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> SheetData:
    """The sheet named ``sheet`` (else the first visible one) of an .xlsx file, its header (found
    within the first rows) matched against ``columns``; a file that is not a workbook is refused
    at once, a sheet longer than an import takes without reading it all."""
    from desktop.io.workbook_parts import NotAWorkbook, TooLarge, check_file, too_large

    file = Path(path).name
    _check(0, None, None, cancelled)
    try:
        check_file(path)
        with open(path, "rb") as stream:  # closed even when a reader gives up half-way
            return _read_stream(stream, file, columns, sheet, progress, cancelled)
    except NotAWorkbook as exc:
        raise _cannot_read(file, exc.reason) from None
    except TooLarge:
        raise too_large(file) from None
    except Exception as exc:
        from openpyxl.utils.exceptions import InvalidFileException
        from python_calamine import CalamineError

        if not isinstance(exc, (*_READ_ERRORS, OverflowError, CalamineError, InvalidFileException)):
            raise
        raise _cannot_read(file, _read_reason(exc)) from exc


def _read_stream(
    stream: BinaryIO,
    file: str,
    columns: Sequence[Column],
    wanted: str | None,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> SheetData:
    from desktop.io.sheet_readers import find_header, open_sheet
    from desktop.io.workbook_parts import UNCACHED, column_letters, find_sheet

    part = find_sheet(stream, wanted)
    names = {_header_key(n): c.header for c in columns for n in (c.header, *c.aliases)}
    required = {c.header for c in columns if c.required}
    with open_sheet(stream, part) as (title, total, rows):
        keys = lambda row: {names[k] for k in map(_header_key, row) if k in names}  # noqa: E731
        number, header, rest = find_header(rows, keys, required)
        mapping, errors, unknown = _map_header(header, columns, file, title, number)
        for row, col in part.uncached:
            where = mapping.get(col, column_letters(col))
            errors.append(RowError(file, title, row, where, UNCACHED))
        total = total - number + 1 if total is not None else None
        data = _sheet_rows(rest, mapping, columns, number, total, progress, cancelled)
        present = frozenset(mapping.values()) - set(unknown)
        return SheetData(file, title, data, tuple(errors), tuple(unknown), present)


_DASHED = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_SEPARATORS = re.compile(r"[、，,;；]")
_YES = frozenset({"是", "Y", "YES", "TRUE", "T", "1", "√", "对"})
_NO = frozenset({"否", "N", "NO", "FALSE", "F", "0", "×", "错"})
_NO_ALIASES: Mapping[str, str] = MappingProxyType({})
_CENT = Decimal("0.01")
_NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("errors", "not an amount (use e.g. 1234.50)")
_AMOUNT = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?")
"""A plain decimal: digits (or groups of three after the first, separated by commas), a point
and decimals."""


def parse_text(v: Any) -> str | None:
    """Text of a cell: stripped, None when empty; whole numbers without ``.0`` or exponent."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and math.isfinite(v):
        return str(int(v)) if v.is_integer() else format(Decimal(repr(v)), "f")
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat(" ")
    if isinstance(v, date):
        return v.isoformat()
    return str(v).strip() or None


def parse_date(v: Any) -> date | None:
    """A date from an Excel date cell or text ``YYYY-MM-DD``, ``YYYY/MM/DD``, ``YYYY.MM.DD``,
    ``YYYY年M月D日`` (month and day with one digit or two)."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    text = parse_text(v)
    if text is None:
        return None
    match = _DASHED.fullmatch(text) or _CHINESE.fullmatch(text)
    if match is None or isinstance(v, (int, float)):
        raise CellError(QT_TRANSLATE_NOOP("errors", "not a date (use YYYY-MM-DD)"))
    year, month, day = (int(g) for g in match.groups() if g not in "-/.")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(QT_TRANSLATE_NOOP("errors", "no such date: {value}"), value=text) from None


def parse_multi(v: Any) -> tuple[str, ...]:
    """The values of a multi-value cell, split on ``、`` ``，`` ``,`` ``;`` ``；``."""
    text = parse_text(v)
    if text is None:
        return ()
    return tuple(part for part in (p.strip() for p in _SEPARATORS.split(text)) if part)


def parse_choice(v: Any, allowed: Sequence[str], aliases: Mapping[str, str] = _NO_ALIASES) -> str | None:
    """One of ``allowed`` (or the value an alias stands for); case-insensitive for Latin text."""
    text = parse_text(v)
    if text is None:
        return None
    folded = {name.casefold(): name for name in allowed}
    folded.update({alias.casefold(): value for alias, value in aliases.items()})
    if text.casefold() in folded:
        return folded[text.casefold()]
    raise CellError(QT_TRANSLATE_NOOP("errors", "must be one of: {allowed}"), allowed="、".join(allowed))


def parse_money(v: Any) -> Decimal | None:
    """An amount in yuan: a plain decimal ≥ 0 with at most two decimals (``12500``, ``12,500.00``:
    a thousands separator only between groups of three digits; no exponent, no sign), as a
    Decimal to the cent. How large it may be is the row check's business."""
    if isinstance(v, bool):
        raise CellError(_NOT_AN_AMOUNT)
    if isinstance(v, float):
        v = round(v, 9)  # hide binary noise such as 0.1 + 0.2
    text = parse_text(v)
    if text is None:
        return None
    if text.startswith("-") and _AMOUNT.fullmatch(text[1:]):
        raise CellError(QT_TRANSLATE_NOOP("errors", "must not be negative"))
    match = _AMOUNT.fullmatch(text)
    if match is None:
        raise CellError(_NOT_AN_AMOUNT)
    if len(match.group(2) or "") > 3:
        raise CellError(QT_TRANSLATE_NOOP("errors", "at most two decimals"))
    try:
        with localcontext(Context(prec=len(text) + 4)):
            return Decimal(match.group(1).replace(",", "") + (match.group(2) or "")).quantize(_CENT)
    except InvalidOperation:
        raise CellError(_NOT_AN_AMOUNT) from None


def parse_yes_no(v: Any) -> bool | None:
    """``是`` → True, ``否`` → False (also Y/N, yes/no, true/false, 1/0)."""
    if isinstance(v, bool):
        return v
    text = (parse_text(v) or "").upper()
    if not text:
        return None
    if text in _YES or text in _NO:
        return text in _YES
    raise CellError(QT_TRANSLATE_NOOP("errors", "must be 是 or 否"))


def _display_width(text: str) -> int:
    """Columns the text takes: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shown(value: Any) -> str:
    """Roughly the text Excel shows for a value written by ``_write_cell``."""
    if isinstance(value, (Decimal, float)):
        return f"{float(value):,.2f}"
    if isinstance(value, date):
        return "0000-00-00 00:00:00" if isinstance(value, datetime) else "0000-00-00"
    return parse_text(value) or ""


def _column_widths(headers: Sequence[str], sample: Sequence[Sequence[Any]]) -> list[int]:
    widths = [_display_width(h) for h in headers]
    for row in sample:
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], _display_width(_shown(value)))
    return [min(max(w + 2, 8), 60) for w in widths]


_FORMATS = {
    "header": {"bold": True},
    "date": {"num_format": "yyyy-mm-dd"},
    "stamp": {"num_format": "yyyy-mm-dd hh:mm:ss"},
    "money": {"num_format": "#,##0.00"},
}


def _safe_sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", name).strip("'")[:31] or "Sheet1"


def _write_cell(sheet: Any, formats: dict[str, Any], row: int, col: int, value: Any) -> None:
    """Write one value with the format its type calls for; None leaves the cell empty."""
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否")
    elif isinstance(value, datetime):
        local = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
        sheet.write_datetime(row, col, local, formats["stamp"])
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, formats["date"])
    elif isinstance(value, (Decimal, float)):
        sheet.write_number(row, col, float(value), formats["money"])
    elif isinstance(value, int) and abs(value) < 10**15:  # longer ones would lose digits
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, parse_text(value) or "")  # never a formula


def _fill(
    path: str,
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
    progress: Progress | None,
    cancelled: IsCancelled | None,
    total: int | None,
) -> None:
    import xlsxwriter

    with xlsxwriter.Workbook(path, {"constant_memory": True}) as book:  # closes on errors too
        formats = {name: book.add_format(spec) for name, spec in _FORMATS.items()}
        done = 0
        for sheet_name, headers, sheet_rows in sheets:
            rows = iter(sheet_rows)
            sheet = book.add_worksheet(_safe_sheet_name(sheet_name))
            sample = list(islice(rows, 50))
            for index, width in enumerate(_column_widths(headers, sample)):
                sheet.set_column(index, index, width)
            for index, header in enumerate(headers):
                sheet.write_string(0, index, header, formats["header"])
            sheet.freeze_panes(1, 0)
            for line, row in enumerate(chain(sample, rows), start=1):
                if line >= MAX_ROWS:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "Too many rows for one worksheet (at most {limit})"),
                        field="rows",
                        limit=MAX_ROWS - 1,
                    )
                for col, value in enumerate(row):
                    _write_cell(sheet, formats, line, col, value)
                done += 1
                if done % CHUNK == 0:
                    _check(done, total, progress, cancelled)
        _check(done, total, progress, cancelled)


def write_workbook(
    path: str | os.PathLike[str],
    sheet_name: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    total: int | None = None,
) -> None:
    """Write one sheet (bold frozen header, then ``rows``) to ``path``, all or nothing."""
    write_sheets(path, [(sheet_name, headers, rows)], progress=progress, cancelled=cancelled, total=total)


def write_sheets(
    path: str | os.PathLike[str],
    sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    total: int | None = None,
) -> None:
    """Write sheets of (name, headers, rows) to ``path``, all or nothing."""
    target = Path(path)
    _check(0, total, None, cancelled)
    temp = ""
    try:
        fd, temp = tempfile.mkstemp(suffix=".xlsx.part", prefix=".", dir=target.parent)
        os.close(fd)
        _fill(temp, sheets, progress, cancelled, total)
        os.replace(temp, target)
    except OSError as exc:
        raise _cannot_write(target.name, exc) from exc
    except Exception as exc:
        from xlsxwriter.exceptions import FileCreateError

        if isinstance(exc, FileCreateError):
            raise _cannot_write(target.name, exc) from exc
        raise
    finally:
        if temp and os.path.exists(temp):
            os.remove(temp)


def _cannot_write(file: str, exc: Exception) -> ValidationError:
    from xlsxwriter.exceptions import FileCreateError

    cause = exc.args[0] if isinstance(exc, FileCreateError) and exc.args else exc
    in_use = isinstance(cause, PermissionError)
    reason = _IN_USE if in_use else getattr(cause, "strerror", None) or str(cause)
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "Cannot write {file}: {reason}"), field="file", file=file, reason=reason
    )


ERROR_REPORT_HEADERS = ("文件", "工作表", "行", "列", "问题")


def write_error_report(path: str | os.PathLike[str], errors: Sequence[RowError]) -> None:
    """Write the problems of an import as an .xlsx for the user: 文件, 工作表, 行, 列, 问题."""
    rows = ((e.file, e.sheet, e.row, e.column, translate("errors", e.message)) for e in errors)
    write_workbook(path, "问题", ERROR_REPORT_HEADERS, rows, total=len(errors))
