"""The import templates of agencies (FORMATS.md §0) and officers (§2): their columns are the
importers' own, explained column by column with an example."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.io.templates import ColumnNote, Template, write_template
from desktop.personnel.exchange import AGENCY_COLUMNS, OFFICER_COLUMNS

AGENCY_TEMPLATE = Template(
    "执法主体导入",
    AGENCY_COLUMNS,
    {
        "名称": ColumnNote("执法主体的法定全称，不得重复", "某某县市场监督管理局"),
        "简称": ColumnNote("可不填；填写时不得与其他名称或简称重复", "县市场监管局"),
        "统一社会信用代码": ColumnNote("18 位，按 GB 32100-2015 校验", "11341122MB00000003"),
        "执法领域": ColumnNote(
            "市场监管、生态环境、交通运输、城市管理、农业农村、文化市场、应急管理、卫生健康、自然资源、其他",
            "市场监管",
        ),
        "层级": ColumnNote("市、县、乡镇", "县"),
    },
)
"""执法主体导入 (FORMATS.md §0)."""

OFFICER_TEMPLATE = Template(
    "执法人员导入",
    OFFICER_COLUMNS,
    {
        "姓名": ColumnNote("执法人员姓名", "张三"),
        "身份证号": ColumnNote("18 位居民身份证号，校验位须正确，不得重复", "341122199001011232"),
        "性别": ColumnNote("男、女", "男"),
        "执法主体": ColumnNote("已登记的执法主体的名称或简称（先导入执法主体）", "某某县市场监督管理局"),
        "职务": ColumnNote("可不填", "科员"),
        "执法证号": ColumnNote("可不填；填写时不得重复，并须填写发证日期和有效期至", "34112200001"),
        "发证日期": ColumnNote("填写执法证号时必填；日期，如 2026-01-15", "2026-01-15"),
        "有效期至": ColumnNote("填写执法证号时必填；晚于发证日期", "2031-01-14"),
        "执法类别": ColumnNote("文字，如 市场监管", "市场监管"),
        "执法区域": ColumnNote("文字，如 全县", "全县"),
    },
)
"""执法人员导入 (FORMATS.md §2)."""


def write_agency_template(path: str | os.PathLike[str]) -> Path:
    """Write the empty 执法主体导入 workbook with its 填写说明; the path written."""
    return write_template(path, AGENCY_TEMPLATE)


def write_officer_template(path: str | os.PathLike[str]) -> Path:
    """Write the empty 执法人员导入 workbook with its 填写说明; the path written."""
    return write_template(path, OFFICER_TEMPLATE)
