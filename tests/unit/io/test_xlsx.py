"""Tests for desktop.io.xlsx: reading exchange workbooks, cell parsers, writing workbooks."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.core.errors import Cancelled, RowError, UserFacingError, ValidationError
from desktop.core.i18n import translate
from desktop.io import xlsx
from desktop.io.xlsx import (
    CellError,
    Column,
    parse_choice,
    parse_date,
    parse_money,
    parse_multi,
    parse_text,
    parse_yes_no,
    read_sheet,
    write_error_report,
    write_workbook,
)

AGENCY_COLUMNS = (
    Column("名称", required=True),
    Column("简称", aliases=("机构简称",)),
    Column("统一社会信用代码", aliases=("信用代码",)),
    Column("层级"),
)


def make_book(path: Path, rows: Sequence[Sequence[Any]], title: str = "执法主体") -> Path:
    """Save ``rows`` (the first one being the header) as the first sheet of ``path``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def calls_recorder() -> tuple[list[tuple[int, int | None]], Any]:
    calls: list[tuple[int, int | None]] = []
    return calls, lambda done, total: calls.append((done, total))


# --- read_sheet ----------------------------------------------------------------------------


class TestReadHeader:
    def test_trimmed_reordered_headers_and_aliases(self, tmp_path: Path) -> None:
        path = make_book(
            tmp_path / "a.xlsx",
            [
                ["层级", " 名 称\u3000", "信用代码", "机构简称 "],
                ["县", "某某县市场监督管理局", "91350100M000100Y43", "县市场监管局"],
            ],
        )
        data = read_sheet(path, AGENCY_COLUMNS)
        assert data.errors == ()
        assert data.unknown_columns == ()
        assert data.file == "a.xlsx"
        assert data.sheet == "执法主体"
        assert len(data.rows) == 1
        assert dict(data.rows[0].values) == {
            "名称": "某某县市场监督管理局",
            "简称": "县市场监管局",
            "统一社会信用代码": "91350100M000100Y43",
            "层级": "县",
        }

    def test_absent_optional_column_gives_none(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称"], ["甲局"]])
        data = read_sheet(path, AGENCY_COLUMNS)
        assert data.rows[0].values == {"名称": "甲局", "简称": None, "统一社会信用代码": None, "层级": None}

    def test_unknown_column_is_a_warning_not_an_error(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称", " 备注 ", "备注"], ["甲局", "x", "y"]])
        data = read_sheet(path, AGENCY_COLUMNS)
        assert data.errors == ()
        assert data.unknown_columns == ("备注",)
        assert data.rows[0].values["名称"] == "甲局"
        assert data.rows[0].values["备注"] == "x"

    def test_missing_required_column(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["简称", "层级"], ["甲", "县"]])
        data = read_sheet(path, AGENCY_COLUMNS)
        assert data.errors == (RowError("a.xlsx", "执法主体", 1, "名称", "missing required column"),)
        assert data.rows[0].values["名称"] is None

    def test_duplicate_known_column_is_an_error(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称", "简称", "机构简称"], ["甲局", "甲", "乙"]])
        data = read_sheet(path, AGENCY_COLUMNS)
        assert data.errors == (RowError("a.xlsx", "执法主体", 1, "简称", "duplicate column"),)
        assert data.rows[0].values["简称"] == "甲"

    def test_empty_sheet_misses_every_required_column(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [])
        data = read_sheet(path, AGENCY_COLUMNS)
        assert [e.column for e in data.errors] == ["名称"]
        assert data.rows == ()

    def test_numeric_headers_match_as_text(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["试卷号", 1, 2.0], ["P001", "A", "正确"]])
        data = read_sheet(path, [Column("试卷号", required=True), Column("1"), Column("2")])
        assert data.rows[0].values == {"试卷号": "P001", "1": "A", "2": "正确"}


class TestReadRows:
    def test_blank_rows_skipped_and_row_numbers_are_the_sheets_own(self, tmp_path: Path) -> None:
        path = make_book(
            tmp_path / "a.xlsx",
            [
                ["名称", "层级"],
                [],
                ["甲局", "县"],
                [None, "  "],
                ["", None],
                ["乙局", None],
            ],
        )
        data = read_sheet(path, AGENCY_COLUMNS)
        assert [(r.number, r.values["名称"]) for r in data.rows] == [(3, "甲局"), (6, "乙局")]

    def test_strings_stripped_and_empty_strings_are_none(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称", "简称"], ["  甲局\u3000", "   "]])
        values = read_sheet(path, AGENCY_COLUMNS).rows[0].values
        assert values["名称"] == "甲局"
        assert values["简称"] is None

    def test_short_row_gives_none_for_missing_cells(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称", "简称", "层级"], ["甲局"]])
        assert read_sheet(path, AGENCY_COLUMNS).rows[0].values["层级"] is None

    def test_dates_and_numbers_keep_their_types(self, tmp_path: Path) -> None:
        path = make_book(
            tmp_path / "a.xlsx",
            [
                ["立案日期", "身份证号", "罚没金额"],
                [date(2026, 3, 5), 110105194912310021, 1234.5],
                [datetime(2026, 3, 6, 0, 0), "11010519491231002X", 12],
                [None, 13812345678, None],
            ],
        )
        columns = [Column("立案日期"), Column("身份证号"), Column("罚没金额")]
        rows = read_sheet(path, columns).rows
        assert rows[0].values["立案日期"] == datetime(2026, 3, 5)
        assert parse_date(rows[0].values["立案日期"]) == date(2026, 3, 5)
        assert parse_date(rows[1].values["立案日期"]) == date(2026, 3, 6)
        # Excel keeps 15 significant digits: the number comes back as digits, never 1.1e+17,
        # so the checksum check names the problem instead of a puzzling exponent
        assert parse_text(rows[0].values["身份证号"]) == "110105194912310000"
        assert parse_text(rows[2].values["身份证号"]) == "13812345678"
        assert parse_text(rows[1].values["身份证号"]) == "11010519491231002X"
        assert parse_money(rows[0].values["罚没金额"]) == Decimal("1234.50")
        assert parse_money(rows[1].values["罚没金额"]) == Decimal("12.00")

    def test_text_dates_in_all_forms(self, tmp_path: Path) -> None:
        texts = ["2026-03-05", "2026/3/5", "2026年3月5日", "2026-3-05", "2026年03月05日"]
        path = make_book(tmp_path / "a.xlsx", [["立案日期"], *([t] for t in texts)])
        rows = read_sheet(path, [Column("立案日期", required=True)]).rows
        assert [parse_date(r.values["立案日期"]) for r in rows] == [date(2026, 3, 5)] * 5

    def test_reads_only_the_first_sheet(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        book.active.append(["名称"])
        book.active.append(["第一"])
        other = book.create_sheet("第二页")
        other.append(["名称"])
        other.append(["第二"])
        book.save(tmp_path / "a.xlsx")
        data = read_sheet(tmp_path / "a.xlsx", AGENCY_COLUMNS)
        assert [r.values["名称"] for r in data.rows] == ["第一"]

    def test_reads_every_row_when_the_stored_size_is_wrong(self, tmp_path: Path) -> None:
        good = make_book(tmp_path / "good.xlsx", [["名称"], ["甲局"], ["乙局"], ["丙局"]])
        bad = tmp_path / "bad.xlsx"
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
            for item in src.infolist():
                content = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    content, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', content)
                    assert count == 1
                dst.writestr(item, content)
        data = read_sheet(bad, AGENCY_COLUMNS)
        assert [r.values["名称"] for r in data.rows] == ["甲局", "乙局", "丙局"]


class TestReadAsOpenpyxlDid:
    """python-calamine reads the sheet; every value comes back as openpyxl's read-only mode gave it."""

    COLUMNS = (Column("A"), Column("B"), Column("C"), Column("D"), Column("E"), Column("F"), Column("G"))

    def _both(self, path: Path) -> tuple[xlsx.SheetData, xlsx.SheetData]:
        """Read by ``read_sheet``, then again with openpyxl reading every sheet."""
        from desktop.io import sheet_readers

        new = read_sheet(path, self.COLUMNS)
        original = sheet_readers.with_calamine
        sheet_readers.with_calamine = sheet_readers.with_openpyxl
        try:
            old = read_sheet(path, self.COLUMNS)
        finally:
            sheet_readers.with_calamine = original
        return new, old

    def test_values_cached_formulas_and_place(self, tmp_path: Path) -> None:
        import xlsxwriter

        path = tmp_path / "a.xlsx"
        book = xlsxwriter.Workbook(str(path))
        hidden = book.add_worksheet("首页")  # the first visible sheet (a hidden one is skipped: issue 16)
        book.add_worksheet("其他")
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        clock = book.add_format({"num_format": "hh:mm"})
        hidden.write_row(0, 1, ["A", "B", "C", "D", "E", "F", "G"])  # column A is empty
        hidden.write_datetime(1, 1, datetime(2026, 3, 5), day)
        hidden.write_datetime(1, 2, datetime(2026, 3, 5, 10, 30), stamp)
        hidden.write_datetime(1, 3, datetime(1899, 12, 31, 10, 30), clock)
        hidden.write_formula(1, 4, "=1+1", None, 2)
        hidden.write_formula(1, 5, '="甲"&"局"', None, "甲局")
        hidden.write_string(1, 6, "0012")
        hidden.write_number(2, 1, 12.5)
        hidden.write_number(2, 2, 110105194912310021)
        hidden.write_boolean(2, 3, True)
        hidden.write_string(2, 4, "  ")
        hidden.write_formula(2, 5, "=A1")  # no cached value
        hidden.write_string(4, 8, "x")  # outside the header's columns
        book.close()
        new, old = self._both(path)
        assert new == old
        assert [r.number for r in new.rows] == [2, 3, 5] and new.sheet == "首页"
        first = new.rows[0].values
        assert (first["A"], first["D"], first["E"], first["F"]) == (datetime(2026, 3, 5), 2, "甲局", "0012")

    def test_error_cells_read_as_openpyxl_did(self, tmp_path: Path) -> None:
        book = openpyxl.Workbook()
        book.active.append(["A", "B"])
        book.active.append(["#N/A", "甲"])
        book.active["A2"].data_type = "e"
        book.save(tmp_path / "a.xlsx")
        new, old = self._both(tmp_path / "a.xlsx")
        assert new == old and new.rows[0].values["A"] == "#N/A"

    def test_an_empty_sheet(self, tmp_path: Path) -> None:
        openpyxl.Workbook().save(tmp_path / "a.xlsx")
        new, old = self._both(tmp_path / "a.xlsx")
        assert new == old and not new.rows

    @pytest.mark.parametrize("kind", ["xls", "ods"])
    def test_other_formats_refused_as_before(self, tmp_path: Path, kind: str) -> None:
        path = tmp_path / f"a.{kind}"
        if kind == "ods":
            with zipfile.ZipFile(path, "w") as archive:
                archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
                archive.writestr("content.xml", "<office:document-content/>")
        else:
            path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 2000)
        with pytest.raises(ValidationError) as info:
            read_sheet(path, AGENCY_COLUMNS)
        assert info.value.english() == f"Cannot read a.{kind}: not an .xlsx workbook"


class TestReadFailures:
    def test_corrupt_file(self, tmp_path: Path) -> None:
        path = tmp_path / "x.xlsx"
        path.write_bytes(b"\x00garbage, not a zip file\xff" * 10)
        with pytest.raises(UserFacingError) as info:
            read_sheet(path, AGENCY_COLUMNS)
        assert isinstance(info.value, ValidationError)
        assert info.value.params["file"] == "x.xlsx"
        assert info.value.english() == "Cannot read x.xlsx: not an .xlsx workbook"

    def test_zip_that_is_not_a_workbook(self, tmp_path: Path) -> None:
        path = tmp_path / "x.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hi")
        with pytest.raises(ValidationError, match="Cannot read x.xlsx"):
            read_sheet(path, AGENCY_COLUMNS)

    def test_workbook_with_broken_sheet_xml(self, tmp_path: Path) -> None:
        good = make_book(tmp_path / "good.xlsx", [["名称"], ["甲局"]])
        bad = tmp_path / "bad.xlsx"
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
            for item in src.infolist():
                content = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    content = content[: len(content) // 2]
                dst.writestr(item, content)
        with pytest.raises(ValidationError, match="Cannot read bad.xlsx"):
            read_sheet(bad, AGENCY_COLUMNS)

    def test_csv_file(self, tmp_path: Path) -> None:
        path = tmp_path / "x.csv"
        path.write_text("名称\n甲局\n", encoding="utf-8")
        with pytest.raises(UserFacingError, match="Cannot read x.csv"):
            read_sheet(path, AGENCY_COLUMNS)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(UserFacingError) as info:
            read_sheet(tmp_path / "none.xlsx", AGENCY_COLUMNS)
        assert info.value.english() == "Cannot read none.xlsx: file not found"


class TestReadProgressAndCancel:
    def test_progress_every_200_rows_and_at_the_end(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称"], *([f"局{i}"] for i in range(450))])
        calls, progress = calls_recorder()
        data = read_sheet(path, AGENCY_COLUMNS, progress=progress)
        assert len(data.rows) == 450
        assert calls == [(200, 450), (400, 450), (450, 450)]

    def test_cancelled_before_start(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称"], ["甲局"]])
        with pytest.raises(Cancelled):
            read_sheet(path, AGENCY_COLUMNS, cancelled=lambda: True)

    def test_cancelled_half_way(self, tmp_path: Path) -> None:
        path = make_book(tmp_path / "a.xlsx", [["名称"], *([f"局{i}"] for i in range(450))])
        asked: list[int] = []
        calls, progress = calls_recorder()

        def cancelled() -> bool:
            asked.append(1)
            return len(asked) > 1

        with pytest.raises(Cancelled):
            read_sheet(path, AGENCY_COLUMNS, progress=progress, cancelled=cancelled)
        assert len(asked) == 2
        assert calls == []


# --- cell parsers --------------------------------------------------------------------------


class TestParseDate:
    @pytest.mark.parametrize(
        "value",
        [
            datetime(2026, 1, 3, 0, 0),
            datetime(2026, 1, 3, 15, 30),
            date(2026, 1, 3),
            "2026-01-03",
            "2026/01/03",
            "2026年01月03日",
            "2026-1-3",
            "2026/1/3",
            "2026年1月3日",
            " 2026-01-03 ",
        ],
    )
    def test_accepted_forms(self, value: Any) -> None:
        assert parse_date(value) == date(2026, 1, 3)

    def test_empty(self) -> None:
        assert parse_date(None) is None
        assert parse_date("  ") is None

    @pytest.mark.parametrize(
        "value",
        [
            "2026.01/03",
            "2026-01/03",
            "03/01/2026",
            "20260103",
            "2026-001-03",
            "明天",
            45000,
            45000.5,
            "2026年1月3",
        ],
    )
    def test_not_a_date(self, value: Any) -> None:
        with pytest.raises(CellError) as info:
            parse_date(value)
        assert info.value.english() == "not a date (use YYYY-MM-DD)"

    @pytest.mark.parametrize(
        "value", ["2026-02-30", "2025/2/29", "2026年13月1日", "2026-00-10", "0000-01-01"]
    )
    def test_impossible_dates(self, value: str) -> None:
        with pytest.raises(CellError) as info:
            parse_date(value)
        assert info.value.english() == f"no such date: {value}"

    def test_leap_day(self) -> None:
        assert parse_date("2024/2/29") == date(2024, 2, 29)


class TestParseText:
    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (None, None),
            ("", None),
            ("  \u3000", None),
            (" 甲 ", "甲"),
            (12.0, "12"),
            (12, "12"),
            (12.5, "12.5"),
            (110105194912310021, "110105194912310021"),
            (3.41e17, "341000000000000000"),
            (1e-7, "0.0000001"),
            (Decimal("1.50"), "1.50"),
            (date(2026, 1, 3), "2026-01-03"),
            (datetime(2026, 1, 3), "2026-01-03"),
            (True, "TRUE"),
        ],
    )
    def test_values(self, value: Any, text: str | None) -> None:
        assert parse_text(value) == text


class TestParseMulti:
    def test_every_separator(self) -> None:
        assert parse_multi("警告、罚款，没收违法所得,其他;查封；扣押") == (
            "警告",
            "罚款",
            "没收违法所得",
            "其他",
            "查封",
            "扣押",
        )

    def test_trims_and_drops_empties(self) -> None:
        assert parse_multi(" 张三 、、 李四 ，") == ("张三", "李四")

    def test_single_and_empty(self) -> None:
        assert parse_multi("罚款") == ("罚款",)
        assert parse_multi(None) == ()
        assert parse_multi(" 、 ") == ()

    def test_number(self) -> None:
        assert parse_multi(1001.0) == ("1001",)


class TestParseChoice:
    ALLOWED = ("简易程序", "普通程序")

    def test_allowed_value(self) -> None:
        assert parse_choice(" 普通程序 ", self.ALLOWED) == "普通程序"

    def test_alias(self) -> None:
        assert parse_choice("简易", self.ALLOWED, {"简易": "简易程序"}) == "简易程序"

    def test_latin_case_insensitive(self) -> None:
        assert parse_choice("t", ("正确", "错误"), {"T": "正确", "F": "错误"}) == "正确"

    def test_empty(self) -> None:
        assert parse_choice(None, self.ALLOWED) is None

    def test_not_allowed(self) -> None:
        with pytest.raises(CellError) as info:
            parse_choice("特别程序", self.ALLOWED)
        assert info.value.template == "must be one of: {allowed}"
        assert info.value.english() == "must be one of: 简易程序、普通程序"


class TestParseMoney:
    @pytest.mark.parametrize(
        ("value", "amount"),
        [
            (1234.5, "1234.50"),
            (12, "12.00"),
            (0, "0.00"),
            ("1,234.56", "1234.56"),
            (" 88 ", "88.00"),
            (0.1 + 0.2, "0.30"),
            (Decimal("5.1"), "5.10"),
            ("0.10", "0.10"),
        ],
    )
    def test_amounts(self, value: Any, amount: str) -> None:
        result = parse_money(value)
        assert result == Decimal(amount)
        assert str(result) == amount

    def test_empty(self) -> None:
        assert parse_money(None) is None
        assert parse_money(" ") is None

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("-1", "must not be negative"),
            (-0.5, "must not be negative"),
            ("1.234", "at most two decimals"),
            (12.345, "at most two decimals"),
            ("abc", "not an amount (use e.g. 1234.50)"),
            ("NaN", "not an amount (use e.g. 1234.50)"),
            ("Infinity", "not an amount (use e.g. 1234.50)"),
            (True, "not an amount (use e.g. 1234.50)"),
            ("1e40", "not an amount (use e.g. 1234.50)"),
        ],
    )
    def test_refused(self, value: Any, message: str) -> None:
        with pytest.raises(CellError) as info:
            parse_money(value)
        assert info.value.english() == message


class TestParseYesNo:
    @pytest.mark.parametrize("value", ["是", "Y", "y", "yes", "TRUE", "true", 1, True])
    def test_yes(self, value: Any) -> None:
        assert parse_yes_no(value) is True

    @pytest.mark.parametrize("value", ["否", "N", "n", "No", "FALSE", "false", 0, False])
    def test_no(self, value: Any) -> None:
        assert parse_yes_no(value) is False

    def test_empty(self) -> None:
        assert parse_yes_no(None) is None
        assert parse_yes_no("  ") is None

    def test_refused(self) -> None:
        with pytest.raises(CellError, match="must be 是 or 否"):
            parse_yes_no("也许")


def test_cell_error_is_user_facing() -> None:
    error = CellError("must be one of: {allowed}", allowed="甲、乙")
    assert isinstance(error, UserFacingError)
    assert error.params == {"allowed": "甲、乙"}


# --- writing -------------------------------------------------------------------------------

HEADERS = ("名称", "立案日期", "罚没金额", "数量", "证件号码", "重大", "备注", "时间")


def sample_rows() -> list[list[Any]]:
    return [
        [
            "某某县市场监督管理局",
            date(2026, 1, 3),
            Decimal("1234.5"),
            3,
            "11010519491231002X",
            True,
            None,
            datetime(2026, 1, 3, 9, 15, 2),
        ],
        ["乙", date(2026, 12, 31), 0.5, 110105194912310021, "=1+1", False, "x", None],
    ]


class TestWriteWorkbook:
    def test_round_trip(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        write_workbook(path, "案件", HEADERS, sample_rows())
        sheet = openpyxl.load_workbook(path)["案件"]
        assert [c.value for c in sheet[1]] == list(HEADERS)
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet["B2"].value == datetime(2026, 1, 3)
        assert sheet["B2"].number_format == "yyyy-mm-dd"
        assert sheet["C2"].value == 1234.5
        assert sheet["C2"].number_format == "#,##0.00"
        assert sheet["C3"].number_format == "#,##0.00"
        assert sheet["D2"].value == 3
        assert sheet["E2"].value == "11010519491231002X"
        assert sheet["F2"].value == "是"
        assert sheet["F3"].value == "否"
        assert sheet["G2"].value is None
        assert sheet["H2"].value == datetime(2026, 1, 3, 9, 15, 2)
        assert sheet.max_row == 3

    def test_long_integers_and_formulas_are_written_as_text(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        write_workbook(path, "案件", HEADERS, sample_rows())
        sheet = openpyxl.load_workbook(path)["案件"]
        assert sheet["D3"].value == "110105194912310021"
        assert sheet["E3"].value == "=1+1"
        assert sheet["E3"].data_type == "s"

    def test_read_back_through_read_sheet(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        write_workbook(path, "案件", HEADERS, sample_rows())
        data = read_sheet(path, [Column(h) for h in HEADERS])
        first = data.rows[0].values
        assert parse_date(first["立案日期"]) == date(2026, 1, 3)
        assert parse_money(first["罚没金额"]) == Decimal("1234.50")
        assert parse_yes_no(first["重大"]) is True
        assert [r.number for r in data.rows] == [2, 3]

    def test_column_widths_follow_the_text(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        write_workbook(path, "表", ["名称", "ab", "很长很长很长很长的标题"], [["某某县市场监督管理局", 1, 2]])
        widths = openpyxl.load_workbook(path).active.column_dimensions
        assert widths["A"].width >= 20  # ten CJK characters count double
        assert widths["B"].width < widths["A"].width
        assert widths["C"].width >= 22

    def test_date_and_money_columns_wide_enough_to_show(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        write_workbook(
            path,
            "表",
            ["日", "时", "金额"],
            [[date(2026, 1, 3), datetime(2026, 1, 3, 9, 0), Decimal("123456789.5")]],
        )
        widths = openpyxl.load_workbook(path).active.column_dimensions
        assert widths["A"].width >= len("2026-01-03")
        assert widths["B"].width >= len("2026-01-03 09:00:00")
        assert widths["C"].width >= len("123,456,789.50")

    def test_sheet_name_made_safe(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        write_workbook(path, "a/b:c" + "x" * 40, ["h"], [["v"]])
        name = openpyxl.load_workbook(path).sheetnames[0]
        assert name.startswith("a_b_c")
        assert len(name) == 31

    def test_progress(self, tmp_path: Path) -> None:
        calls, progress = calls_recorder()
        rows = ([i] for i in range(450))
        write_workbook(tmp_path / "out.xlsx", "表", ["n"], rows, progress=progress, total=450)
        assert calls == [(200, 450), (400, 450), (450, 450)]

    def test_replaces_existing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        path.write_bytes(b"old")
        write_workbook(path, "表", ["h"], [["new"]])
        assert openpyxl.load_workbook(path).active["A2"].value == "new"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]

    def test_cancel_leaves_no_file(self, tmp_path: Path) -> None:
        asked: list[int] = []

        def cancelled() -> bool:
            asked.append(1)
            return len(asked) > 2

        with pytest.raises(Cancelled):
            write_workbook(
                tmp_path / "out.xlsx", "表", ["n"], ([i] for i in range(1000)), cancelled=cancelled
            )
        assert list(tmp_path.iterdir()) == []

    def test_cancel_keeps_the_previous_file(self, tmp_path: Path) -> None:
        path = tmp_path / "out.xlsx"
        path.write_bytes(b"old")
        with pytest.raises(Cancelled):
            write_workbook(path, "表", ["n"], ([i] for i in range(10)), cancelled=lambda: True)
        assert path.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]

    def test_failing_rows_leave_no_file(self, tmp_path: Path) -> None:
        def rows() -> Any:
            yield ["a"]
            raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            write_workbook(tmp_path / "out.xlsx", "表", ["h"], rows())
        assert list(tmp_path.iterdir()) == []

    def test_too_many_rows(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(xlsx, "MAX_ROWS", 5)
        with pytest.raises(ValidationError, match="at most 4"):
            write_workbook(tmp_path / "out.xlsx", "表", ["n"], ([i] for i in range(10)))
        assert list(tmp_path.iterdir()) == []

    def test_missing_folder(self, tmp_path: Path) -> None:
        with pytest.raises(UserFacingError, match="Cannot write out.xlsx"):
            write_workbook(tmp_path / "nowhere" / "out.xlsx", "表", ["h"], [["v"]])


def test_write_error_report(tmp_path: Path) -> None:
    errors = [
        RowError("案件.xlsx", "Sheet1", 1, "案号", "missing required column"),
        RowError("案件.xlsx", "Sheet1", 7, "立案日期", "no such date: 2026-02-30"),
    ]
    path = tmp_path / "问题.xlsx"
    write_error_report(path, errors)
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows == [
        ("文件", "工作表", "行", "列", "问题"),
        ("案件.xlsx", "Sheet1", 1, "案号", translate("errors", "missing required column")),
        ("案件.xlsx", "Sheet1", 7, "立案日期", "no such date: 2026-02-30"),
    ]
