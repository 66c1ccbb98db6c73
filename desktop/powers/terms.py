"""The vocabulary of powers, inspections and case sources (FORMATS.md §10, §11; issue 15)."""

from __future__ import annotations

BANDS = ("不予处罚", "减轻", "从轻", "一般", "从重")
"""裁量档次, from the mildest."""
NO_PENALTY = "不予处罚"
LENIENT_BANDS = frozenset({"减轻", "从轻"})

POWER_CATEGORIES = ("行政处罚", "行政强制", "行政检查")
PENALTY = "行政处罚"
FINE = "罚款"

TARGET_KINDS = ("企业", "个体工商户", "其他组织")
RISKS = ("低", "中", "高")
DEFAULT_RISK = "中"

RESULTS = ("未发现问题", "发现问题已责令整改", "立案查处", "未检查")
"""An inspection's result (一公开)."""
RESULT_CASE = "立案查处"

LEAD_SOURCES = ("投诉", "举报", "移送", "检查发现", "上级交办", "其他")
LEAD_DECISIONS = ("立案", "不予立案")
LEAD_FILED = "立案"
LEAD_REFUSED = "不予立案"
