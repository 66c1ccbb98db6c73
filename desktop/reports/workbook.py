"""Writing the reports as workbooks a bureau files: a cover sheet, one sheet per table, Chinese
headers, numbers right-aligned, a bold totals row, A4 landscape print setup; written to a
temporary file and moved into place only when complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.dto import AnnualReport, Assessment, Dashboard, Table

A4 = 9


def write_tables(
    path: str | os.PathLike[str], cover: Sequence[tuple[str, Any]], title: str, tables: Sequence[Table]
) -> None:
    """A cover sheet (``title`` and ``cover`` lines) then a sheet per table; all or nothing."""
    target = Path(path)
    temp = ""
    try:
        fd, temp = tempfile.mkstemp(suffix=".xlsx.part", prefix=".", dir=target.parent)
        os.close(fd)
        _fill(temp, cover, title, tables)
        os.replace(temp, target)
    except OSError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Cannot write {file}: {reason}"),
            field="file",
            file=str(target),
            reason=exc.strerror or str(exc),
        ) from exc
    finally:
        if temp and os.path.exists(temp):
            os.remove(temp)


def _fill(path: str, cover: Sequence[tuple[str, Any]], title: str, tables: Sequence[Table]) -> None:
    with xlsxwriter.Workbook(path) as book:
        f = {
            "title": book.add_format({"bold": True, "font_size": 16}),
            "header": book.add_format(
                {
                    "bold": True,
                    "border": 1,
                    "align": "center",
                    "valign": "vcenter",
                    "bg_color": "#DDEBF7",
                    "text_wrap": True,
                }
            ),
            "text": book.add_format({"border": 1}),
            "int": book.add_format({"border": 1, "align": "right", "num_format": "0"}),
            "dec": book.add_format({"border": 1, "align": "right", "num_format": "#,##0.00"}),
            "date": book.add_format({"border": 1, "align": "right", "num_format": "yyyy-mm-dd"}),
            "total_text": book.add_format({"border": 1, "bold": True}),
            "total_int": book.add_format({"border": 1, "bold": True, "align": "right", "num_format": "0"}),
            "total_dec": book.add_format(
                {"border": 1, "bold": True, "align": "right", "num_format": "#,##0.00"}
            ),
        }
        sheet = book.add_worksheet("封面")
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 1, 60)
        sheet.write_string(0, 0, title, f["title"])
        for n, (label, value) in enumerate(cover, start=2):
            sheet.write_string(n, 0, label)
            sheet.write_string(n, 1, str(value))
        _print_setup(sheet)
        for t in tables:
            _table(book, f, t)


def _print_setup(sheet: Any) -> None:
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, 1)


def _table(book: Any, f: dict[str, Any], t: Table) -> None:
    sheet = book.add_worksheet(t.title[:31])
    sheet.write_string(0, 0, t.title, f["title"])
    for col, h in enumerate(t.headers):
        sheet.write_string(1, col, h, f["header"])
        sheet.set_column(col, col, max(10, min(40, 2 * len(h) + 2)) if col else 24)
    last = len(t.rows) - 1
    for r, row in enumerate(t.rows):
        total = t.total_row and r == last
        for col, value in enumerate(row):
            _cell(sheet, f, r + 2, col, value, "total_" if total else "")
    sheet.freeze_panes(2, 1)
    _print_setup(sheet)


def _cell(sheet: Any, f: dict[str, Any], row: int, col: int, value: Any, prefix: str) -> None:
    if value is None:
        sheet.write_blank(row, col, None, f[prefix + "text"] if prefix else f["text"])
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", f[prefix + "text"])
    elif isinstance(value, int):
        sheet.write_number(row, col, value, f[prefix + "int"])
    elif isinstance(value, (Decimal, float)):
        sheet.write_number(row, col, float(value), f[prefix + "dec"])
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, f["date"])
    else:
        sheet.write_string(row, col, str(value), f[prefix + "text"])


def write_annual(path: str | os.PathLike[str], report: AnnualReport) -> None:
    cover = [
        ("年度", report.year),
        ("统计期间", f"{report.year}-01-01 至 {report.year}-12-31"),
        ("执法主体", "、".join(report.agencies)),
        ("制表日期", report.made_on.isoformat()),
        ("报送期限", f"{report.year + 1}-01-31"),
        ("说明", "培训学时、资格考试：数据尚未入库，不可用"),
    ]
    write_tables(path, cover, f"{report.year}年度行政执法统计年报", report.tables)


def assessment_tables(a: Assessment) -> tuple[Table, ...]:
    """The ranking (total and each indicator's score) and the working of every figure."""
    inds = a.indicator_set.indicators
    ranking = Table(
        "ranking",
        "考核排名",
        ("执法主体", "名次", "总分", "计入权重", *(f"{i.name}({i.weight})" for i in inds)),
        tuple(
            (
                g.agency,
                g.rank,
                g.total,
                g.weight_counted,
                *(
                    s.score if s.counted else "不可用" if s.denominator is None else "无数据"
                    for s in g.indicators
                ),
            )
            for g in a.agencies
        ),
        total_row=False,
    )
    working = Table(
        "working",
        "计算过程",
        ("执法主体", "指标", "权重", "分子", "分母", "指标值", "得分", "计算", "说明"),
        tuple(
            (g.agency, s.name, s.weight, s.numerator, s.denominator, s.value, s.score, s.working, s.note)
            for g in a.agencies
            for s in g.indicators
        ),
        total_row=False,
    )
    rows = Table(
        "rows",
        "明细",
        ("执法主体", "指标", "对象", "内容", "计入分子"),
        tuple(
            (g.agency, s.name, b.ref, b.label, b.counted)
            for g in a.agencies
            for s in g.indicators
            for b in s.rows
        ),
        total_row=False,
    )
    return ranking, working, rows


def write_assessment(path: str | os.PathLike[str], a: Assessment) -> None:
    s = a.indicator_set
    cover = [
        ("考核期间", f"{a.period.start.isoformat()} 至 {a.period.end.isoformat()}"),
        ("指标体系", f"{s.name} v{s.version}"),
        ("指标体系指纹", s.sha256),
        *(("说明", n) for n in a.notes),
    ]
    write_tables(path, cover, "行政执法考核结果", assessment_tables(a))


def write_dashboard(path: str | os.PathLike[str], d: Dashboard) -> None:
    cover = [
        ("期间", f"{d.period.start.isoformat()} 至 {d.period.end.isoformat()}"),
        ("执法主体", d.agency or "全部"),
        ("不可用", "、".join(d.not_available)),
    ]
    write_tables(path, cover, "执法监督驾驶舱", d.tables)
