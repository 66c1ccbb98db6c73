"""Stored values in the interface's language: the register keeps the statutes' Chinese words
(监督检查, 罚款, 优秀 …) and the English window shows English titles for them. The one function
``value_title`` is what every view calls; stored data, workbooks and the command line keep the
Chinese (context ``terms``, like ``cases.terms.term_title`` which it extends)."""

from __future__ import annotations

from desktop.cases import terms
from desktop.core.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, current_language, translate

VALUE_TITLES = {
    # 案件来源
    "监督检查": QT_TRANSLATE_NOOP("terms", "Supervisory inspection"),
    "投诉举报": QT_TRANSLATE_NOOP("terms", "Complaint or report"),
    "移送": QT_TRANSLATE_NOOP("terms", "Referral"),
    "上级交办": QT_TRANSLATE_NOOP("terms", "Assigned by a higher authority"),
    "其他": QT_TRANSLATE_NOOP("terms", "Other"),
    # 当事人类型
    "自然人": QT_TRANSLATE_NOOP("terms", "Natural person"),
    "法人": QT_TRANSLATE_NOOP("terms", "Legal person"),
    "其他组织": QT_TRANSLATE_NOOP("terms", "Other organisation"),
    # 强制措施
    "查封": QT_TRANSLATE_NOOP("terms", "Sealing up"),
    "扣押": QT_TRANSLATE_NOOP("terms", "Seizure"),
    "冻结": QT_TRANSLATE_NOOP("terms", "Freezing"),
    "限制人身自由": QT_TRANSLATE_NOOP("terms", "Restriction of personal liberty"),
    # 处罚种类
    "警告": QT_TRANSLATE_NOOP("terms", "Warning"),
    "通报批评": QT_TRANSLATE_NOOP("terms", "Circulated criticism"),
    "罚款": QT_TRANSLATE_NOOP("terms", "Fine"),
    "没收违法所得": QT_TRANSLATE_NOOP("terms", "Confiscation of illegal gains"),
    "没收非法财物": QT_TRANSLATE_NOOP("terms", "Confiscation of illegal property"),
    "暂扣许可证件": QT_TRANSLATE_NOOP("terms", "Suspension of a licence"),
    "降低资质等级": QT_TRANSLATE_NOOP("terms", "Lowering of a qualification grade"),
    "吊销许可证件": QT_TRANSLATE_NOOP("terms", "Revocation of a licence"),
    "限制开展生产经营活动": QT_TRANSLATE_NOOP("terms", "Restriction of business activities"),
    "责令停产停业": QT_TRANSLATE_NOOP("terms", "Order to suspend production or business"),
    "责令关闭": QT_TRANSLATE_NOOP("terms", "Order to close"),
    "限制从业": QT_TRANSLATE_NOOP("terms", "Restriction from practice"),
    "行政拘留": QT_TRANSLATE_NOOP("terms", "Administrative detention"),
    # 期限中止
    "检测": QT_TRANSLATE_NOOP("terms", "Testing"),
    "鉴定": QT_TRANSLATE_NOOP("terms", "Expert appraisal"),
    "听证": QT_TRANSLATE_NOOP("terms", "Hearing"),
    "公告": QT_TRANSLATE_NOOP("terms", "Public notice"),
    # 评查等次
    "优秀": QT_TRANSLATE_NOOP("terms", "Excellent"),
    "良好": QT_TRANSLATE_NOOP("terms", "Good"),
    "合格": QT_TRANSLATE_NOOP("terms", "Pass"),
    "基本合格": QT_TRANSLATE_NOOP("terms", "Basic pass"),
    "不合格": QT_TRANSLATE_NOOP("terms", "Fail"),
    # 执法领域, 层级
    "市场监管": QT_TRANSLATE_NOOP("terms", "Market regulation"),
    "生态环境": QT_TRANSLATE_NOOP("terms", "Ecology and environment"),
    "交通运输": QT_TRANSLATE_NOOP("terms", "Transport"),
    "城市管理": QT_TRANSLATE_NOOP("terms", "Urban management"),
    "农业农村": QT_TRANSLATE_NOOP("terms", "Agriculture and rural affairs"),
    "文化市场": QT_TRANSLATE_NOOP("terms", "Cultural market"),
    "应急管理": QT_TRANSLATE_NOOP("terms", "Emergency management"),
    "卫生健康": QT_TRANSLATE_NOOP("terms", "Health"),
    "自然资源": QT_TRANSLATE_NOOP("terms", "Natural resources"),
    # 风险等级, 检查结果, 对象类型 (双随机)
    "高": QT_TRANSLATE_NOOP("terms", "High"),
    "中": QT_TRANSLATE_NOOP("terms", "Medium"),
    "低": QT_TRANSLATE_NOOP("terms", "Low"),
    "未发现问题": QT_TRANSLATE_NOOP("terms", "No problem found"),
    "发现问题已责令整改": QT_TRANSLATE_NOOP("terms", "Problem found, correction ordered"),
    "立案查处": QT_TRANSLATE_NOOP("terms", "Case filed"),
    "未检查": QT_TRANSLATE_NOOP("terms", "Not inspected"),
    "企业": QT_TRANSLATE_NOOP("terms", "Enterprise"),
    "个体工商户": QT_TRANSLATE_NOOP("terms", "Individual business"),
    "市": QT_TRANSLATE_NOOP("terms", "City"),
    "县": QT_TRANSLATE_NOOP("terms", "County"),
    "乡镇": QT_TRANSLATE_NOOP("terms", "Township"),
}
"""The English titles of stored values (their Chinese translation is the value itself)."""

SEPARATOR = "、"


def value_title(value: str | None) -> str:
    """A stored value — or several joined with 、 — in the interface's language; a value the
    program does not know (free text, an agency's own band name) as it is."""
    if not value:
        return ""
    if SEPARATOR in value:
        parts = [value_title(v) for v in value.split(SEPARATOR) if v]
        return ("、" if current_language() == DEFAULT_LANGUAGE else ", ").join(parts)
    if value in terms.TERM_TITLES:
        return terms.term_title(value)
    source = VALUE_TITLES.get(value)
    return value if source is None else translate("terms", source)
