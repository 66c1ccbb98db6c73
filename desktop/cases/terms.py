"""The statutory terms of the register (REFERENCE.md §2, FORMATS.md §1), stored as written.

Values are stored in Chinese, exactly as the statutes write them; ``TERM_TITLES`` gives the
English window its words (context ``terms``).
"""

from __future__ import annotations

from desktop.core.i18n import QT_TRANSLATE_NOOP, translate

PENALTY = "行政处罚"
COERCION = "行政强制"
INSPECTION = "行政检查"
CATEGORIES = (PENALTY, COERCION, INSPECTION)
"""案件类别."""

SUMMARY = "简易程序"
ORDINARY = "普通程序"
PROCEDURES = (SUMMARY, ORDINARY)
"""程序类型 of a 行政处罚."""

SOURCES = ("监督检查", "投诉举报", "移送", "上级交办", "其他")
"""案件来源 (FORMATS.md §1)."""

PARTY_TYPES = ("自然人", "法人", "其他组织")
"""当事人类型."""

MEASURES = ("查封", "扣押", "冻结", "限制人身自由", "其他")
"""强制措施 (行政强制法 第九条)."""
TIME_LIMITED_MEASURES = frozenset({"查封", "扣押", "冻结"})
"""Measures bound by the 30-day limit (强制法 25, 32)."""

PENALTY_KINDS = (
    "警告",
    "通报批评",
    "罚款",
    "没收违法所得",
    "没收非法财物",
    "暂扣许可证件",
    "降低资质等级",
    "吊销许可证件",
    "限制开展生产经营活动",
    "责令停产停业",
    "责令关闭",
    "限制从业",
    "行政拘留",
    "其他",
)
"""处罚种类 (行政处罚法 2021 第九条)."""

DISCRETION_BANDS = ("不予处罚", "减轻", "从轻", "一般", "从重")
"""裁量档次 of a power's discretion benchmark (FORMATS.md §10), from the mildest."""

SUSPENSION_KINDS = ("检测", "鉴定", "听证", "公告")
"""Periods that do not count towards a deadline."""

# Stages in the order they happen; each is the date column that records it.
STAGES = ("filed", "investigated", "legal_review", "decided", "served", "published", "executed", "closed")
STAGE_COLUMNS = {stage: f"{stage}_on" for stage in STAGES}
STAGE_TITLES = {
    "discovered": QT_TRANSLATE_NOOP("terms", "Discovered"),
    "filed": QT_TRANSLATE_NOOP("terms", "Filed"),
    "investigated": QT_TRANSLATE_NOOP("terms", "Investigation closed"),
    "legal_review": QT_TRANSLATE_NOOP("terms", "Legal review"),
    "decided": QT_TRANSLATE_NOOP("terms", "Decided"),
    "served": QT_TRANSLATE_NOOP("terms", "Served"),
    "published": QT_TRANSLATE_NOOP("terms", "Published"),
    "executed": QT_TRANSLATE_NOOP("terms", "Executed"),
    "closed": QT_TRANSLATE_NOOP("terms", "Closed"),
    "measure": QT_TRANSLATE_NOOP("terms", "Measure taken"),
    "measure_released": QT_TRANSLATE_NOOP("terms", "Measure released"),
}
STAGE_HEADERS = {
    "discovered": "发现日期",
    "filed": "立案日期",
    "investigated": "调查终结日期",
    "legal_review": "法制审核日期",
    "decided": "决定日期",
    "served": "送达日期",
    "published": "公示日期",
    "executed": "执行完毕日期",
    "closed": "结案日期",
}
"""The import and export column of each stage date (FORMATS.md §1)."""

TERM_TITLES = {
    PENALTY: QT_TRANSLATE_NOOP("terms", "Administrative penalty"),
    COERCION: QT_TRANSLATE_NOOP("terms", "Administrative coercion"),
    INSPECTION: QT_TRANSLATE_NOOP("terms", "Administrative inspection"),
    SUMMARY: QT_TRANSLATE_NOOP("terms", "Summary procedure"),
    ORDINARY: QT_TRANSLATE_NOOP("terms", "Ordinary procedure"),
}


def stage_title(stage: str) -> str:
    """A stage's name in the user's language."""
    return translate("terms", STAGE_TITLES.get(stage, stage))


def term_title(term: str | None) -> str:
    """A category or procedure in the user's language (stored Chinese in Chinese)."""
    if not term:
        return ""
    source = TERM_TITLES.get(term)
    return term if source is None else translate("terms", source)


def split_multi(text: str | None) -> tuple[str, ...]:
    """The values of a 、-joined column."""
    return tuple(v for v in (text or "").split("、") if v)


def join_multi(values: tuple[str, ...] | list[str]) -> str | None:
    """Store several values in one column (、-joined), or None for none."""
    return "、".join(values) or None


LATER_DATES = (
    "legal_review_on",
    "decided_on",
    "served_on",
    "published_on",
    "measure_on",
    "measure_released_on",
    "closed_on",
)
"""The dates of a case not known before they come (``rules.CaseFacts.as_of`` hides those after its day)."""
