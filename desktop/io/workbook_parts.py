"""What an .xlsx file holds, found before any reader loads it: whether it is a workbook at all,
which worksheet an import reads, and a streaming look through that sheet's XML for what the
readers would hide (error values, formulas without a saved value) or that would grow without
bound (more rows than an import takes, parts too large to be a register).

Nothing here reads a file whole: a folder, a device such as ``/dev/zero``, an empty file or one
that does not start like a ZIP archive is refused after a few bytes.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import BinaryIO
from xml.etree import ElementTree

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.input_limits import InputLimits, in_force

ROW_LIMIT = InputLimits.import_rows
"""The default of the most rows an import reads (after its header; the setting in force:
``core.input_limits.in_force().import_rows``); a longer sheet is refused, not read."""
ERROR_LIMIT = InputLimits.import_errors
"""The default of the most problems an import reports (``in_force().import_errors``)."""
HEADER_ROWS = 10
"""The header is looked for within this many rows (a title row above it is common)."""
PART_LIMIT = 1 << 30
"""The largest a worksheet or the shared strings may be once unpacked (bytes)."""

UNCACHED = QT_TRANSLATE_NOOP(
    "errors", "a formula without a saved value: open the file in Excel or WPS, save it and import it again"
)
_ZIP_MAGIC = b"PK\x03\x04"
_XLSX_MAIN = b"main+xml"
"""The content type of an .xlsx/.xlsm/.xltx/.xltm workbook part (not .xlsb, .ods or .xls)."""
_CHUNK = 1 << 20
_OVERLAP = 1 << 15
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ERROR_CELL = re.compile(rb'<c\b[^>]*\bt="e"')
_UNCACHED = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]+)([0-9]+)"[^>]*>\s*<f\b(?:[^>]*/>|[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_ROW = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"')


class NotAWorkbook(Exception):
    """The file is not something an import reads; ``reason`` is an English catalog entry."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooLarge(Exception):
    """The sheet holds more rows than an import takes (or parts too large to unpack)."""


@dataclass(frozen=True)
class SheetPart:
    """The worksheet an import reads: its name and what the look through its XML found."""

    name: str
    part: str
    has_errors: bool = False
    uncached: tuple[tuple[int, int], ...] = field(default=())
    """Formula cells without a saved value: (row, column index from 0)."""


def check_file(path: str | os.PathLike[str]) -> None:
    """Refuse at once what is not a workbook file: a folder, a device, an empty file, a file that
    does not start like a ZIP archive."""
    info = os.stat(path)  # FileNotFoundError and PermissionError are said by the caller
    if stat.S_ISDIR(info.st_mode):
        raise NotAWorkbook(QT_TRANSLATE_NOOP("errors", "it is a folder, not a workbook"))
    if not stat.S_ISREG(info.st_mode):
        raise NotAWorkbook(QT_TRANSLATE_NOOP("errors", "not an .xlsx workbook"))
    if info.st_size == 0:
        raise NotAWorkbook(QT_TRANSLATE_NOOP("errors", "the file is empty"))
    with open(path, "rb") as stream:
        if stream.read(4) != _ZIP_MAGIC:
            raise NotAWorkbook(QT_TRANSLATE_NOOP("errors", "not an .xlsx workbook"))


def find_sheet(stream: BinaryIO, wanted: str | None = None) -> SheetPart:
    """The worksheet named ``wanted`` when the workbook has one, else its first visible worksheet;
    its XML looked through once, in pieces."""
    with zipfile.ZipFile(stream) as archive:
        if _XLSX_MAIN not in archive.read("[Content_Types].xml"):
            raise KeyError("[Content_Types].xml")
        sheets = _worksheets(archive)
        if not sheets:
            raise IndexError("no worksheet")
        named = [s for s in sheets if wanted is not None and s[0].strip() == wanted]
        visible = [s for s in sheets if s[1]]
        name, _visible, part = (named or visible or sheets)[0]
        for big in (part, "xl/sharedStrings.xml"):
            if big in archive.namelist() and archive.getinfo(big).file_size > PART_LIMIT:
                raise TooLarge()
        has_errors, uncached = _look_through(archive, part)
    stream.seek(0)
    return SheetPart(name, part, has_errors, uncached)


def _worksheets(archive: zipfile.ZipFile) -> list[tuple[str, bool, str]]:
    """Each worksheet in the workbook's order: name, visible, its part's path."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels if (r.get("Type") or "").endswith("/worksheet")}
    out = []
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"))
        if target is None:
            continue  # a chart sheet or a dialog sheet
        part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        out.append((sheet.get("name", ""), sheet.get("state", "visible") == "visible", part))
    return out


def _look_through(archive: zipfile.ZipFile, part: str) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """Error values and formulas without a value in a sheet, read in pieces; ``TooLarge`` as soon
    as a row lies past what an import takes."""
    has_errors = False
    uncached: dict[tuple[int, int], None] = {}
    tail = b""
    with archive.open(part) as xml:
        while chunk := xml.read(_CHUNK):
            text = tail + chunk
            has_errors = has_errors or _ERROR_CELL.search(text) is not None
            for m in _UNCACHED.finditer(text):
                uncached[(int(m.group(2)), _column_index(m.group(1)))] = None
            rows = _ROW.findall(text[-_CHUNK - _OVERLAP :])
            if rows and int(rows[-1]) > in_force().import_rows + HEADER_ROWS:
                raise TooLarge()
            tail = text[-_OVERLAP:]
    return has_errors, tuple(sorted(uncached))


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def column_letters(index: int) -> str:
    """The column's letters (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def too_large(file: str) -> ValidationError:
    """The refusal of a sheet longer than an import takes."""
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "errors", "{file} has more than {limit} rows; nothing was imported. Split it into smaller files."
        ),
        field="file",
        file=file,
        limit=f"{in_force().import_rows:,}",
    )
