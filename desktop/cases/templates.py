"""The import template of the case register (FORMATS.md §1): the importer's columns, explained
column by column with an example."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.cases.exchange import CASE_COLUMNS
from desktop.io.templates import ColumnNote, Template, write_template

_DATE = "日期，如 2026-03-02（也可写 2026/3/2 或 2026年3月2日）"

CASE_NOTES = {
    "案号": ColumnNote("在同一执法主体内不得重复", "X市监罚〔2026〕12号"),
    "执法主体": ColumnNote("已登记的执法主体的名称或简称", "某某县市场监督管理局"),
    "案件类别": ColumnNote("行政处罚、行政强制、行政检查", "行政处罚"),
    "程序类型": ColumnNote("行政处罚必填：简易程序、普通程序", "普通程序"),
    "案件来源": ColumnNote("监督检查、投诉举报、移送、上级交办、其他", "监督检查"),
    "案由": ColumnNote("文字", "销售过期食品"),
    "当事人": ColumnNote("自然人姓名或单位名称", "某某超市有限公司"),
    "当事人类型": ColumnNote("自然人、法人、其他组织", "法人"),
    "证件号码": ColumnNote("18 位居民身份证号或统一社会信用代码（均校验）", "91341122MA2N00000X"),
    "发现日期": ColumnNote(_DATE + "；不得晚于立案日期", "2026-03-01"),
    "立案日期": ColumnNote(_DATE, "2026-03-02"),
    "调查终结日期": ColumnNote(_DATE, "2026-04-10"),
    "法制审核日期": ColumnNote(_DATE, "2026-04-15"),
    "决定日期": ColumnNote(_DATE + "；不得早于立案日期", "2026-04-20"),
    "送达日期": ColumnNote(_DATE + "；不得早于决定日期", "2026-04-22"),
    "公示日期": ColumnNote(_DATE + "；不得早于决定日期", "2026-04-25"),
    "执行完毕日期": ColumnNote(_DATE + "；不得早于决定日期", "2026-05-10"),
    "结案日期": ColumnNote(_DATE + "；不得早于立案日期", "2026-05-20"),
    "强制措施": ColumnNote("行政强制必填：查封、扣押、冻结、限制人身自由、其他（可填多项，用顿号分隔）", ""),
    "强制措施日期": ColumnNote("填写强制措施时必填；" + _DATE, ""),
    "强制措施解除日期": ColumnNote("不得早于强制措施日期；" + _DATE, ""),
    "延长期限": ColumnNote("是、否：查封、扣押、冻结的 30 日期限经批准延长", ""),
    "处罚种类": ColumnNote(
        "警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣许可证件、降低资质等级、吊销许可证件、"
        "限制开展生产经营活动、责令停产停业、责令关闭、限制从业、行政拘留、其他（可填多项，用顿号分隔）",
        "警告、罚款",
    ),
    "罚没金额": ColumnNote("元，不小于 0，最多两位小数", "5000.00"),
    "重大执法决定": ColumnNote("是、否（不填为否）", "否"),
    "承办人员": ColumnNote(
        "已登记执法人员的执法证号或姓名，可填多人（用顿号分隔）；少于两人会记录并预警", "张三、李四"
    ),
    "法律依据": ColumnNote("文字", "《中华人民共和国食品安全法》第一百二十四条"),
    "事项编码": ColumnNote("案件行使的职权事项编码，须属于该执法主体", ""),
    "裁量档次": ColumnNote("行政处罚适用的该事项裁量档次", ""),
    "检查对象代码": ColumnNote("行政检查：检查对象的统一社会信用代码", ""),
    "卷宗": ColumnNote("卷宗 PDF 的路径，相对于本工作簿所在文件夹", ""),
}
"""What each column of §1 holds (FORMATS.md), with an example."""

CASE_TEMPLATE = Template("案件导入", CASE_COLUMNS, CASE_NOTES)
"""案件导入 (FORMATS.md §1)."""


def write_case_template(path: str | os.PathLike[str]) -> Path:
    """Write the empty 案件导入 workbook with its 填写说明; the path written."""
    return write_template(path, CASE_TEMPLATE)
