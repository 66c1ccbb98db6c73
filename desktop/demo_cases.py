"""The demo county's case register: about 5,000 cases over the three years before today, and
dossier PDFs (卷宗) for a few hundred closed 普通程序 penalty cases.

Realistic by agency: each agency has its volume, its mix of 行政处罚 / 行政检查 / 行政强制, its
案由 with their 法律依据 and fines, its kinds of parties. Stage dates follow the statutes and
are on time, checked case by case against the warning rules themselves (``rules.findings``);
then a few percent of every warning code (``rules.WARNING_CODES``) are planted on purpose, each
planted case carrying exactly that one warning as of today.

Deterministic from ``DEMO_SEED``, today's date, the demo officers and the store's limits and
calendar. Idempotent: an agency whose register already holds demo case numbers gets no more
cases; dossiers are written only where the PDF is missing.

Audit: one ``create`` record per case (in the demo's unit of work), one ``attach_document``
record per dossier (in the second unit of work, after the files are written).
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop import audit
from desktop.cases import terms
from desktop.cases.calendar import WorkCalendar
from desktop.cases.rules import (
    CaseFacts,
    Limits,
    Suspension,
    date_order_problems,
    deadlines,
    findings,
    stage_of,
)
from desktop.cases.service import CASE_FIELDS_AUDITED, load_calendar, load_limits
from desktop.clock import utc_iso
from desktop.demo import DEMO_SEED, GIVEN, SURNAMES
from desktop.identifiers import make_credit_code, make_resident_id
from desktop.models import Agency, Case, CaseDocument, CaseOfficer, CaseSuspension, Certificate, Officer
from desktop.models.db import Store
from desktop.security import Actor

YEARS = 3
DOSSIER_COUNT = 300
"""Closed 普通程序 penalty cases that get a dossier PDF (``dossier_limit`` changes it)."""
DOSSIER_TITLE = "卷宗"

PLANT_RATES: dict[str, float] = {
    # share of all demo cases that carry the warning as of today (each planted case has one)
    "decision_overdue": 0.030,
    "decision_due_soon": 0.020,
    "service_overdue": 0.024,
    "publicity_overdue": 0.028,
    "seizure_overdue": 0.022,
    "single_officer": 0.025,
    "uncertified_officer": 0.022,
    "missing_legal_review": 0.020,
    "summary_over_limit": 0.025,
}

TOWNS = ("城关镇", "临河镇", "汊河镇", "大柳镇", "张铺镇", "新安镇", "半塔镇", "舜山镇", "施官镇", "杨郢乡")
BRANDS = ("恒通", "鑫源", "华兴", "永盛", "金鹏", "宏达", "瑞丰", "嘉禾", "润泽", "天成", "聚福", "百川", "安康",
          "万家", "福满", "顺发", "益民", "德昌", "兴隆", "昌盛", "众诚", "绿源", "富民", "佳美", "春晖", "和顺",
          "广源", "汇通", "祥瑞", "东方", "开元", "明珠", "金桥", "长江", "惠民", "乐家", "新纪元", "金穗")
CITIES = (("示范县", "341122"), ("示范县", "341122"), ("示范县", "341122"), ("滁州", "341100"),
          ("合肥", "340100"), ("南京", "320100"))
AREAS = ("341122", "341122", "341122", "341124", "341125", "341126", "341181", "341182", "341102", "341103")
"""Where persons are registered: mostly the county, some from around it."""


# ------------------------------------------------------------------------------ agency profiles


@dataclass(frozen=True)
class Cause:
    """One 案由 of a field: its 法律依据, who commits it, the fine range and the 处罚种类.

    ``parties``: ``p`` a person, ``g`` an individual business (个体工商户), ``c`` a company,
    ``o`` a cooperative. ``kinds`` are alternatives (one is drawn).
    """

    text: str
    basis: str
    parties: str
    low: int
    high: int
    kinds: tuple[tuple[str, ...], ...] = (("罚款",),)


@dataclass(frozen=True)
class Profile:
    """What one agency's register looks like."""

    prefix: str
    volume: int
    shares: tuple[float, float, float]
    """行政处罚, 行政检查, 行政强制."""
    summary_share: float
    """简易程序 among its penalties."""
    ordinary: tuple[Cause, ...]
    summary: tuple[Cause, ...]
    inspections: tuple[str, ...]
    coercions: tuple[tuple[str, tuple[str, ...], str], ...]
    """(案由, 强制措施, parties)."""
    companies: tuple[str, ...]
    shops: tuple[str, ...]
    suspension: str = "检测"


FINE = (("罚款",),)
FINE_OR_WARN = (("罚款",), ("警告", "罚款"))
CONFISCATE = (("没收违法所得", "罚款"), ("罚款",), ("没收违法所得", "没收非法财物", "罚款"))
GOODS = (("没收非法财物", "罚款"), ("罚款",))

MARKET = Profile(
    "示市监", 1100, (0.60, 0.30, 0.10), 0.30,
    ordinary=(
        Cause("销售超过保质期的食品", "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项", "gc", 5000, 80000, CONFISCATE),
        Cause("虚假宣传", "《中华人民共和国反不正当竞争法》第二十条第一款", "c", 20000, 200000, FINE),
        Cause("发布虚假广告", "《中华人民共和国广告法》第五十五条第一款", "c", 20000, 150000, FINE),
        Cause("未取得食品经营许可从事食品经营活动", "《中华人民共和国食品安全法》第一百二十二条第一款", "gc", 50000, 100000, CONFISCATE),
        Cause("销售不合格产品", "《中华人民共和国产品质量法》第四十九条", "gc", 3000, 60000, CONFISCATE),
        Cause("侵犯注册商标专用权", "《中华人民共和国商标法》第六十条第二款", "gc", 5000, 100000, GOODS),
        Cause("经营无中文标签的进口预包装食品", "《中华人民共和国食品安全法》第一百二十五条第一款第（二）项", "gc", 5000, 50000, CONFISCATE),
        Cause("未按规定建立并遵守进货查验记录制度", "《中华人民共和国食品安全法》第一百二十六条第一款第（三）项", "gc", 5000, 30000, FINE_OR_WARN),
        Cause("销售劣药", "《中华人民共和国药品管理法》第一百一十七条第一款", "gc", 100000, 300000, CONFISCATE),
        Cause("未按规定明码标价", "《明码标价和禁止价格欺诈规定》第二十一条", "gc", 3500, 5000, FINE_OR_WARN),
        Cause("特种设备未经定期检验继续使用", "《中华人民共和国特种设备安全法》第八十四条第（一）项", "c", 30000, 300000, FINE),
    ),
    summary=(
        Cause("未按规定明码标价", "《明码标价和禁止价格欺诈规定》第二十一条", "g", 200, 2000, FINE_OR_WARN),
        Cause("使用未经检定的计量器具", "《中华人民共和国计量法实施细则》第四十三条", "gp", 100, 1000, FINE_OR_WARN),
        Cause("从业人员未取得健康证明从事接触直接入口食品的工作", "《中华人民共和国食品安全法》第一百二十六条第一款第（六）项", "g", 0, 2000, (("警告",), ("警告", "罚款"))),
        Cause("未按规定公示营业执照", "《无证无照经营查处办法》第十四条", "g", 0, 0, (("警告",),)),
    ),
    inspections=("食品经营者日常监督检查", "双随机一公开抽查（产品质量）", "特种设备安全监督检查", "价格监督检查",
                 "药品经营企业监督检查", "投诉举报现场核查", "校园周边食品安全专项检查"),
    coercions=(("涉嫌销售不合格产品", ("扣押",), "gc"), ("涉嫌生产经营不符合食品安全标准的食品", ("查封",), "gc"),
               ("涉嫌侵犯注册商标专用权", ("扣押",), "gc"), ("涉嫌无证生产经营", ("查封", "扣押"), "gc")),
    companies=("食品有限公司", "商贸有限公司", "超市有限公司", "餐饮管理有限公司", "医药连锁有限公司", "电子科技有限公司",
               "日用品有限公司", "电梯工程有限公司"),
    shops=("便利店", "超市", "小吃店", "饭店", "副食品店", "五金店", "烟酒店", "大药房", "水果店", "烧烤店"),
)
ENVIRONMENT = Profile(
    "示环", 350, (0.55, 0.30, 0.15), 0.0,
    ordinary=(
        Cause("超标排放大气污染物", "《中华人民共和国大气污染防治法》第九十九条第（二）项", "c", 100000, 400000, FINE),
        Cause("未批先建", "《中华人民共和国环境影响评价法》第三十一条第一款", "c", 30000, 300000, FINE),
        Cause("未按规定设置危险废物识别标志", "《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（一）项", "c", 20000, 100000, FINE),
        Cause("通过暗管逃避监管排放水污染物", "《中华人民共和国水污染防治法》第八十三条第（三）项", "c", 200000, 800000, FINE),
        Cause("未采取有效措施防治扬尘污染", "《中华人民共和国大气污染防治法》第一百一十五条第一款", "c", 10000, 100000, FINE),
        Cause("未依法取得排污许可证排放污染物", "《排污许可管理条例》第三十三条第（一）项", "c", 200000, 600000, (("罚款",), ("责令停产停业", "罚款"))),
        Cause("超过噪声排放标准排放工业噪声", "《中华人民共和国噪声污染防治法》第七十五条", "c", 20000, 200000, FINE),
        Cause("未按规定运行污染防治设施", "《中华人民共和国水污染防治法》第八十三条第（三）项", "c", 100000, 500000, FINE),
    ),
    summary=(),
    inspections=("排污单位双随机执法检查", "建设项目环保设施检查", "危险废物规范化管理检查", "信访举报现场核查",
                 "重污染天气应急减排检查", "自动监测设施运行检查"),
    coercions=(("超标排放污染物", ("查封",), "c"), ("违法排放危险废物", ("查封", "扣押"), "c"),
               ("通过暗管排放水污染物", ("查封",), "c")),
    companies=("化工有限公司", "建材有限公司", "砂石料有限公司", "木业有限公司", "混凝土有限公司", "新材料科技有限公司",
               "金属制品有限公司", "生物科技有限公司"),
    shops=("汽车修理厂", "洗车场", "养殖场"),
    suspension="鉴定",
)
TRANSPORT = Profile(
    "示交", 550, (0.62, 0.22, 0.16), 0.45,
    ordinary=(
        Cause("未取得道路运输经营许可擅自从事道路客运经营", "《中华人民共和国道路运输条例》第六十三条", "p", 10000, 50000, CONFISCATE),
        Cause("未取得道路运输经营许可擅自从事道路货运经营", "《中华人民共和国道路运输条例》第六十三条", "pc", 5000, 20000, FINE),
        Cause("超限运输", "《公路安全保护条例》第六十四条", "pc", 500, 30000, FINE),
        Cause("未取得网约车经营许可从事网约车经营", "《网络预约出租汽车经营服务管理暂行办法》第三十四条", "p", 5000, 10000, FINE),
        Cause("擅自在公路用地范围内设置非公路标志", "《中华人民共和国公路法》第七十九条", "gc", 2000, 20000, FINE),
        Cause("道路运输企业未按规定对从业人员进行安全教育", "《道路运输车辆动态监督管理办法》第三十九条", "c", 3000, 8000, FINE),
    ),
    summary=(
        Cause("未随车携带道路运输证", "《中华人民共和国道路运输条例》第六十八条", "p", 20, 200, FINE_OR_WARN),
        Cause("巡游出租汽车驾驶员拒载", "《巡游出租汽车经营服务管理规定》第四十八条", "p", 50, 200, FINE_OR_WARN),
        Cause("超限运输", "《公路安全保护条例》第六十四条", "c", 500, 3000, FINE),
        Cause("在公路上晒粮、堆放物品", "《中华人民共和国公路法》第七十七条", "p", 0, 200, (("警告",), ("罚款",))),
    ),
    inspections=("道路运输企业安全生产检查", "出租汽车经营检查", "公路路政巡查", "货运源头治超检查", "客运站安全检查",
                 "驾驶员培训机构检查"),
    coercions=(("涉嫌非法营运", ("扣押",), "p"), ("涉嫌超限运输拒不接受处理", ("扣押",), "pc"),
               ("涉嫌非法改装车辆", ("扣押",), "pc")),
    companies=("物流有限公司", "运输有限公司", "客运有限公司", "汽车服务有限公司", "货运代理有限公司"),
    shops=("货运部", "汽车修理部"),
)
CITY = Profile(
    "示城管", 900, (0.66, 0.22, 0.12), 0.55,
    ordinary=(
        Cause("违法建设（未取得建设工程规划许可证进行建设）", "《中华人民共和国城乡规划法》第六十四条", "pc", 5000, 300000, (("罚款",), ("罚款", "其他"))),
        Cause("擅自设置大型户外广告", "《城市市容和环境卫生管理条例》第三十六条第（一）项", "gc", 500, 5000, FINE),
        Cause("随意倾倒建筑垃圾", "《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（三）项", "c", 10000, 100000, FINE),
        Cause("渣土运输车辆未密闭导致泄漏遗撒", "《城市建筑垃圾管理规定》第二十三条", "c", 5000, 30000, FINE),
        Cause("餐饮油烟未经处理直接排放", "《中华人民共和国大气污染防治法》第一百一十八条第一款", "g", 5000, 50000, FINE),
        Cause("擅自占道经营", "《城市市容和环境卫生管理条例》第三十六条第（四）项", "gc", 3500, 8000, FINE),
        Cause("擅自挖掘城市道路", "《城市道路管理条例》第四十二条第（二）项", "c", 5000, 20000, FINE),
    ),
    summary=(
        Cause("擅自占道经营", "《城市市容和环境卫生管理条例》第三十六条第（四）项", "pg", 50, 200, FINE_OR_WARN),
        Cause("露天焚烧垃圾", "《中华人民共和国大气污染防治法》第一百一十九条第二款", "p", 100, 200, FINE),
        Cause("未按规定履行门前三包责任", "《城市市容和环境卫生管理条例》第三十四条", "g", 0, 500, (("警告",), ("罚款",))),
        Cause("随意张贴小广告", "《城市市容和环境卫生管理条例》第三十四条第（二）项", "p", 20, 200, FINE),
        Cause("店外堆放物品", "《城市市容和环境卫生管理条例》第三十六条", "g", 100, 1000, FINE_OR_WARN),
    ),
    inspections=("市容秩序巡查", "建筑工地扬尘检查", "户外广告设施检查", "违法建设巡查", "渣土运输检查", "餐饮油烟检查"),
    coercions=(("涉嫌擅自占道经营", ("扣押",), "p"), ("违法建设施工现场", ("查封",), "pc"),
               ("涉嫌违规运输建筑垃圾", ("扣押",), "c")),
    companies=("房地产开发有限公司", "建筑工程有限公司", "渣土运输有限公司", "广告传媒有限公司", "市政工程有限公司"),
    shops=("小吃店", "烧烤店", "水果店", "服装店", "手机店", "早餐店"),
)
FARMING = Profile(
    "示农", 350, (0.60, 0.30, 0.10), 0.30,
    ordinary=(
        Cause("经营假农药", "《农药管理条例》第五十五条第一款第（一）项", "gc", 5000, 50000, CONFISCATE),
        Cause("销售未经登记的肥料产品", "《肥料登记管理办法》第二十七条", "g", 1000, 10000, CONFISCATE),
        Cause("经营依法应当检疫而未经检疫的动物产品", "《中华人民共和国动物防疫法》第一百条第一款", "pg", 3000, 50000, GOODS),
        Cause("销售假种子", "《中华人民共和国种子法》第七十四条第一款", "g", 10000, 100000, CONFISCATE),
        Cause("兽药经营企业未按规定建立购销记录", "《兽药管理条例》第五十九条第一款", "g", 10000, 50000, FINE_OR_WARN),
        Cause("在禁渔期使用电鱼方法进行捕捞", "《中华人民共和国渔业法》第三十八条第一款", "p", 1000, 30000, GOODS),
        Cause("屠宰生猪未按规定进行肉品品质检验", "《生猪屠宰管理条例》第三十二条", "c", 10000, 50000, FINE),
    ),
    summary=(
        Cause("在禁渔期垂钓使用多线多钩", "《中华人民共和国渔业法》第三十八条第一款", "p", 50, 200, FINE_OR_WARN),
        Cause("拖拉机驾驶人未携带驾驶证", "《农业机械安全监督管理条例》第五十一条", "p", 20, 200, FINE_OR_WARN),
        Cause("农药经营者未按规定建立采购台账", "《农药管理条例》第五十八条第一款", "g", 0, 2000, (("警告",), ("罚款",))),
    ),
    inspections=("农资市场检查", "兽药经营检查", "动物检疫监督检查", "禁渔期巡查", "农产品质量安全抽检", "生猪屠宰检查"),
    coercions=(("涉嫌经营假劣农药", ("查封", "扣押"), "g"), ("涉嫌经营未经检疫的动物产品", ("查封",), "pg"),
               ("涉嫌使用禁用渔具", ("扣押",), "p")),
    companies=("农业科技有限公司", "种业有限公司", "生猪屠宰有限公司", "农资有限公司"),
    shops=("农资经营部", "兽药店", "种子门市部", "养殖场"),
)
CULTURE = Profile(
    "示文旅", 250, (0.58, 0.35, 0.07), 0.30,
    ordinary=(
        Cause("网吧接纳未成年人进入营业场所", "《互联网上网服务营业场所管理条例》第三十一条第（二）项", "gc", 1000, 15000, FINE_OR_WARN),
        Cause("擅自从事营业性演出经营活动", "《营业性演出管理条例》第四十三条第一款", "pc", 50000, 200000, CONFISCATE),
        Cause("销售非法出版物", "《出版管理条例》第六十二条", "g", 5000, 50000, GOODS),
        Cause("未经许可经营旅行社业务", "《中华人民共和国旅游法》第九十五条第一款", "pc", 10000, 100000, CONFISCATE),
        Cause("游泳场所未按规定配备救生员", "《经营高危险性体育项目许可管理办法》第三十二条", "c", 5000, 30000, FINE),
        Cause("娱乐场所超时营业", "《娱乐场所管理条例》第四十八条", "c", 5000, 20000, FINE_OR_WARN),
    ),
    summary=(
        Cause("娱乐场所未按规定悬挂未成年人禁入标志", "《娱乐场所管理条例》第五十条", "gc", 0, 0, (("警告",),)),
        Cause("网吧未悬挂网络文化经营许可证", "《互联网上网服务营业场所管理条例》第三十二条", "g", 0, 3000, (("警告",), ("警告", "罚款"))),
    ),
    inspections=("网吧经营场所检查", "娱乐场所检查", "出版物市场检查", "旅行社经营检查", "A级景区安全检查", "游泳场所开放检查"),
    coercions=(("涉嫌销售非法出版物", ("扣押",), "g"), ("涉嫌擅自从事营业性演出", ("查封",), "c")),
    companies=("文化传媒有限公司", "旅行社有限公司", "娱乐有限公司", "体育文化发展有限公司", "印务有限公司"),
    shops=("网吧", "书店", "KTV", "图文店"),
)
SAFETY = Profile(
    "示应急", 350, (0.45, 0.45, 0.10), 0.15,
    ordinary=(
        Cause("未按规定对从业人员进行安全生产教育和培训", "《中华人民共和国安全生产法》第九十七条第（三）项", "c", 10000, 100000, FINE),
        Cause("未在有较大危险因素的场所设置安全警示标志", "《中华人民共和国安全生产法》第九十九条第（一）项", "c", 10000, 50000, FINE),
        Cause("未经许可经营危险化学品", "《危险化学品安全管理条例》第七十七条第三款", "gc", 100000, 200000, CONFISCATE),
        Cause("未经许可经营烟花爆竹制品", "《烟花爆竹安全管理条例》第三十六条第二款", "pg", 1000, 5000, GOODS),
        Cause("未建立事故隐患排查治理制度", "《中华人民共和国安全生产法》第一百零一条第（五）项", "c", 10000, 100000, FINE),
        Cause("特种作业人员未按规定持证上岗", "《中华人民共和国安全生产法》第九十七条第（七）项", "c", 10000, 100000, FINE),
        Cause("重大事故隐患未及时消除", "《中华人民共和国安全生产法》第一百零二条", "c", 50000, 200000, (("罚款",), ("责令停产停业", "罚款"))),
    ),
    summary=(
        Cause("生产经营单位未如实记录安全生产教育培训情况", "《中华人民共和国安全生产法》第九十七条第（四）项", "c", 1000, 3000, FINE),
        Cause("烟花爆竹零售点未按规定张贴许可证", "《烟花爆竹经营许可实施办法》第三十四条", "g", 0, 2000, (("警告",), ("罚款",))),
    ),
    inspections=("危险化学品经营企业安全检查", "工贸企业安全生产检查", "烟花爆竹经营检查", "有限空间作业专项检查",
                 "汛期安全生产检查", "非煤矿山安全检查"),
    coercions=(("存在重大事故隐患的场所设施", ("查封",), "c"), ("涉嫌非法储存烟花爆竹", ("扣押",), "pg"),
               ("涉嫌非法储存危险化学品", ("查封", "扣押"), "gc")),
    companies=("化工有限公司", "机械制造有限公司", "建材有限公司", "石油化工有限公司", "粮油加工有限公司", "矿业有限公司"),
    shops=("烟花爆竹零售点", "加油站", "液化气供应站"),
)
HEALTH = Profile(
    "示卫健", 400, (0.55, 0.38, 0.07), 0.35,
    ordinary=(
        Cause("未取得医疗机构执业许可证擅自执业", "《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款", "p", 50000, 200000, CONFISCATE),
        Cause("医疗机构使用非卫生技术人员从事医疗卫生技术工作", "《医疗机构管理条例》第四十七条", "gc", 5000, 30000, FINE),
        Cause("未按规定对医疗废物进行分类收集", "《医疗废物管理条例》第四十六条第（一）项", "gc", 5000, 30000, FINE_OR_WARN),
        Cause("公共场所未取得卫生许可证擅自营业", "《公共场所卫生管理条例实施细则》第三十五条第一款", "g", 3500, 20000, FINE_OR_WARN),
        Cause("集中式供水单位未取得卫生许可证供水", "《生活饮用水卫生监督管理办法》第二十六条第（三）项", "c", 5000, 20000, FINE),
        Cause("医师未按规定使用抗菌药物", "《抗菌药物临床应用管理办法》第五十二条", "p", 1000, 10000, FINE_OR_WARN),
    ),
    summary=(
        Cause("公共场所从业人员未取得有效健康合格证明", "《公共场所卫生管理条例实施细则》第三十八条", "g", 0, 2000, (("警告",), ("罚款",))),
        Cause("公共场所未按规定公示卫生信息", "《公共场所卫生管理条例实施细则》第三十六条", "g", 0, 2000, (("警告",), ("罚款",))),
        Cause("在禁止吸烟场所吸烟", "《公共场所卫生管理条例实施细则》第三十八条", "p", 0, 200, (("警告",), ("罚款",))),
    ),
    inspections=("公共场所卫生监督检查", "医疗机构依法执业检查", "生活饮用水卫生检查", "学校卫生监督检查",
                 "职业卫生监督检查", "放射卫生监督检查"),
    coercions=(("非法行医场所药品器械", ("扣押",), "p"), ("涉嫌违规处置医疗废物", ("查封",), "gc")),
    companies=("医院有限公司", "大药房连锁有限公司", "酒店管理有限公司", "自来水有限公司", "口腔门诊有限公司"),
    shops=("诊所", "美容美发店", "宾馆", "足浴店", "浴室", "口腔诊所"),
)
LAND = Profile(
    "示自然资源", 300, (0.62, 0.30, 0.08), 0.05,
    ordinary=(
        Cause("未经批准非法占用土地", "《中华人民共和国土地管理法》第七十七条第一款", "pc", 10000, 300000, (("罚款",), ("罚款", "没收非法财物"))),
        Cause("农村村民未经批准非法占用土地建住宅", "《中华人民共和国土地管理法》第七十八条第一款", "p", 5000, 30000, (("罚款", "其他"),)),
        Cause("未取得采矿许可证擅自采矿", "《中华人民共和国矿产资源法》第三十九条第一款", "pc", 10000, 200000, CONFISCATE),
        Cause("破坏耕地非法取土", "《中华人民共和国土地管理法》第七十五条", "pc", 10000, 100000, FINE),
        Cause("未按规定履行土地复垦义务", "《土地复垦条例》第四十一条", "c", 10000, 60000, FINE),
    ),
    summary=(
        Cause("擅自移动测量标志", "《中华人民共和国测绘法》第六十四条", "p", 0, 200, (("警告",), ("罚款",))),
    ),
    inspections=("土地卫片执法核查", "矿产资源开发利用检查", "耕地保护巡查", "国土空间规划实施检查", "地质灾害防治检查"),
    coercions=(("非法采矿设备", ("扣押",), "pc"), ("非法占地施工现场", ("查封",), "pc")),
    companies=("砂石有限公司", "矿业有限公司", "建筑工程有限公司", "置业有限公司", "农业开发有限公司"),
    shops=("砖瓦厂", "石料厂"),
    suspension="鉴定",
)
WATER = Profile(
    "示水", 150, (0.55, 0.33, 0.12), 0.20,
    ordinary=(
        Cause("未经许可在河道管理范围内采砂", "《中华人民共和国水法》第六十五条第一款", "pc", 10000, 100000, (("没收违法所得", "没收非法财物", "罚款"), ("罚款",))),
        Cause("未经批准擅自取水", "《中华人民共和国水法》第六十九条第（一）项", "c", 20000, 100000, FINE),
        Cause("在河道管理范围内弃置堆放阻碍行洪的物体", "《中华人民共和国水法》第六十五条第一款", "pc", 10000, 50000, FINE),
        Cause("生产建设项目未编制水土保持方案", "《中华人民共和国水土保持法》第五十三条第（一）项", "c", 50000, 500000, FINE),
    ),
    summary=(
        Cause("在水库管理范围内违规垂钓", "《水库大坝安全管理条例》第二十九条", "p", 0, 200, (("警告",), ("罚款",))),
        Cause("在堤防上违规行驶车辆", "《中华人民共和国河道管理条例》第四十五条", "p", 50, 200, FINE),
    ),
    inspections=("河道采砂巡查", "取水许可监督检查", "水土保持监督检查", "水库安全度汛检查", "河湖四乱排查"),
    coercions=(("非法采砂船只机具", ("扣押",), "pc"), ("非法取水设施", ("查封",), "c")),
    companies=("砂石有限公司", "水产养殖有限公司", "建材有限公司", "水务有限公司"),
    shops=("砂场", "渔场"),
    suspension="鉴定",
)
TOWN_CAUSES = (
    Cause("农村村民未经批准非法占用土地建住宅", "《中华人民共和国土地管理法》第七十八条第一款", "p", 5000, 30000, (("罚款", "其他"),)),
    Cause("未取得乡村建设规划许可证进行建设", "《中华人民共和国城乡规划法》第六十五条", "p", 3000, 20000, (("罚款", "其他"),)),
    Cause("在禁养区内从事畜禽养殖", "《畜禽规模养殖污染防治条例》第三十七条", "pg", 5000, 30000, FINE),
    Cause("露天焚烧秸秆", "《中华人民共和国大气污染防治法》第一百一十九条第一款", "p", 500, 2000, FINE),
    Cause("擅自占道经营", "《城市市容和环境卫生管理条例》第三十六条第（四）项", "g", 3500, 6000, FINE),
)
TOWN_SUMMARY = (
    Cause("擅自占道经营", "《城市市容和环境卫生管理条例》第三十六条第（四）项", "pg", 50, 200, FINE_OR_WARN),
    Cause("随意倾倒生活垃圾", "《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项", "p", 50, 200, FINE_OR_WARN),
    Cause("露天焚烧秸秆", "《中华人民共和国大气污染防治法》第一百一十九条第一款", "p", 0, 200, (("警告",), ("罚款",))),
)
TOWN_INSPECTIONS = ("秸秆禁烧巡查", "农村建房巡查", "集镇市容巡查", "畜禽养殖污染巡查", "安全生产网格化检查")
TOWN_COERCIONS = (("涉嫌擅自占道经营", ("扣押",), "p"), ("违法建设施工现场", ("查封",), "p"))
TOWN_COMPANIES = ("农业开发有限公司", "建材有限公司", "养殖专业合作社")
TOWN_SHOPS = ("养殖场", "小吃店", "农家乐", "便利店")
CHENGGUAN = Profile("城关镇", 180, (0.62, 0.33, 0.05), 0.50, TOWN_CAUSES, TOWN_SUMMARY, TOWN_INSPECTIONS,
                    TOWN_COERCIONS, TOWN_COMPANIES, TOWN_SHOPS)
LINHE = Profile("临河镇", 120, (0.62, 0.33, 0.05), 0.50, TOWN_CAUSES, TOWN_SUMMARY, TOWN_INSPECTIONS,
                TOWN_COERCIONS, TOWN_COMPANIES, TOWN_SHOPS)

PROFILES: dict[str, Profile] = {
    "县市场监管局": MARKET, "县环境分局": ENVIRONMENT, "县交通局": TRANSPORT, "县城管执法局": CITY,
    "县农业农村局": FARMING, "县文旅体局": CULTURE, "县应急局": SAFETY, "县卫健委": HEALTH,
    "县自然资源局": LAND, "县水利局": WATER, "城关镇政府": CHENGGUAN, "临河镇政府": LINHE,
}
"""Each demo agency (by short name) and its register."""

CATEGORY_MARKS = {terms.PENALTY: "罚", terms.COERCION: "强", terms.INSPECTION: "检"}
SOURCES = (("监督检查", 45), ("投诉举报", 30), ("移送", 8), ("上级交办", 7), ("其他", 10))
MAJOR_PERSON, MAJOR_ORGANISATION = Decimal("10000"), Decimal("100000")
"""较大数额罚款: a decision at or above it is a 重大执法决定 (法制审核, 听证告知)."""
MAJOR_KINDS = frozenset({"吊销许可证件", "责令停产停业", "责令关闭", "降低资质等级"})


def case_prefix(short_name: str) -> str | None:
    """The 案号 prefix of a demo agency (e.g. 示市监), None for another agency."""
    profile = PROFILES.get(short_name)
    return profile.prefix if profile else None


def case_number(prefix: str, category: str, year: int, seq: int) -> str:
    """A 案号 like 示市监罚〔2026〕123号."""
    return f"{prefix}{CATEGORY_MARKS[category]}〔{year}〕{seq}号"


# ------------------------------------------------------------------------------ officers


@dataclass(frozen=True)
class _Cert:
    number: str
    issued_on: date
    expires_on: date
    status: str


@dataclass(frozen=True)
class _Officer:
    id: int
    name: str
    certs: tuple[_Cert, ...]

    def valid_on(self, day: date) -> bool:
        """An active certificate covers ``day`` (as ``repository.valid_certificate_on`` asks)."""
        return any(c.status == "active" and c.issued_on <= day <= c.expires_on for c in self.certs)

    def expired_before(self, day: date) -> bool:
        """Held a certificate that had expired by ``day`` and none valid then."""
        return not self.valid_on(day) and any(c.expires_on < day for c in self.certs)

    def cert_number(self, day: date) -> str:
        """The 执法证号 that speaks for ``day`` (the valid one, else the latest issued)."""
        valid = [c for c in self.certs if c.status == "active" and c.issued_on <= day <= c.expires_on]
        if valid:
            return valid[-1].number
        return self.certs[-1].number if self.certs else ""


class _Pool:
    """An agency's officers, with who may act on a day (remembered per day)."""

    def __init__(self, officers: Sequence[_Officer]) -> None:
        self.officers = tuple(officers)
        self._valid: dict[date, list[_Officer]] = {}
        self._bad: dict[date, list[_Officer]] = {}

    def valid(self, day: date) -> list[_Officer]:
        """Officers with a valid certificate on ``day``."""
        found = self._valid.get(day)
        if found is None:
            found = self._valid[day] = [o for o in self.officers if o.valid_on(day)]
        return found

    def uncertified(self, day: date) -> list[_Officer]:
        """Officers without a valid certificate on ``day``: those whose certificate had expired
        when there are any, else those not yet certified or suspended."""
        found = self._bad.get(day)
        if found is None:
            invalid = [o for o in self.officers if o.certs and not o.valid_on(day)]
            found = self._bad[day] = [o for o in invalid if o.expired_before(day)] or invalid
        return found

    def expired(self, day: date) -> bool:
        """Whether an officer's certificate had expired by ``day``."""
        return any(o.expired_before(day) for o in self.uncertified(day))


def _load_officers(session: Session, agency_ids: Iterable[int]) -> dict[int, list[_Officer]]:
    rows = session.execute(
        select(Officer.agency_id, Officer.id, Officer.name, Officer.id_number, Certificate.number,
               Certificate.issued_on, Certificate.expires_on, Certificate.status)
        .outerjoin(Certificate, Certificate.officer_id == Officer.id)
        .where(Officer.agency_id.in_(list(agency_ids)))
        .order_by(Officer.agency_id, Officer.id_number, Certificate.issued_on)).all()
    grouped: dict[tuple[int, int], tuple[str, str, list[_Cert]]] = {}
    for agency_id, officer_id, name, id_number, number, issued, expires, status in rows:
        entry = grouped.setdefault((agency_id, officer_id), (id_number, name, []))
        if number is not None:
            entry[2].append(_Cert(number, issued, expires, status))
    out: dict[int, list[_Officer]] = defaultdict(list)
    for (agency_id, officer_id), (_id_number, name, certs) in sorted(
            grouped.items(), key=lambda kv: (kv[0][0], kv[1][0])):
        out[agency_id].append(_Officer(officer_id, name, tuple(certs)))
    return out


# ------------------------------------------------------------------------------ drafts


@dataclass
class _Draft:
    """One case being drawn (mutable until it is numbered and inserted)."""

    agency: str
    index: int
    category: str
    procedure: str | None
    filed_on: date
    plant: str | None = None
    source: str | None = None
    cause: str = ""
    legal_basis: str | None = None
    party: str = ""
    party_type: str | None = None
    party_id_number: str | None = None
    discovered_on: date | None = None
    investigated_on: date | None = None
    legal_review_on: date | None = None
    decided_on: date | None = None
    served_on: date | None = None
    published_on: date | None = None
    executed_on: date | None = None
    closed_on: date | None = None
    measures: tuple[str, ...] = ()
    measure_on: date | None = None
    measure_released_on: date | None = None
    measure_extended: bool = False
    decision_extension_days: int = 0
    penalty_kinds: tuple[str, ...] = ()
    amount: Decimal | None = None
    major: bool = False
    officers: list[_Officer] = field(default_factory=list)
    suspensions: list[tuple[str, date, date | None, str]] = field(default_factory=list)
    case_no: str = ""

    def dates(self) -> dict[str, date | None]:
        """The dates keyed as the rules read them."""
        names = [f"{s}_on" for s in ("discovered", *terms.STAGES, "measure", "measure_released")]
        return {n: getattr(self, n) for n in names}

    def facts(self) -> CaseFacts:
        """What the warning rules read of this draft (its officers judged on the filing date)."""
        return CaseFacts(
            id=0, case_no=self.case_no, agency_id=0, agency=self.agency, category=self.category,
            procedure=self.procedure, party_type=self.party_type, party_id_number=self.party_id_number,
            filed_on=self.filed_on, legal_review_on=self.legal_review_on, decided_on=self.decided_on,
            served_on=self.served_on, published_on=self.published_on, measures=self.measures,
            measure_on=self.measure_on, measure_released_on=self.measure_released_on,
            measure_extended=self.measure_extended, decision_extension_days=self.decision_extension_days,
            amount=self.amount, major=self.major, officer_count=len(self.officers),
            uncertified=tuple(o.name for o in self.officers if not o.valid_on(self.filed_on)),
            suspensions=tuple(Suspension(k, s, e) for k, s, e, _n in self.suspensions))


class _Drawer:
    """Draws the details of one case for its agency, on time unless a warning is planted."""

    def __init__(self, today: date, cal: WorkCalendar, limits: Limits) -> None:
        self.today, self.cal, self.limits = today, cal, limits

    # -- deadlines, as the rules count them

    def _due(self, d: _Draft, kind: str) -> date | None:
        for deadline in deadlines(d.facts(), date.max, self.limits, self.cal):
            if deadline.kind == kind:
                return deadline.due
        return None

    def _working(self, day: date) -> date:
        return self.cal.roll_forward(day)

    # -- parties

    def party(self, rng: random.Random, d: _Draft, profile: Profile, kinds: str) -> None:
        kind = rng.choice(kinds)
        if kind == "p":
            birth = date(1956, 1, 1) + timedelta(days=rng.randrange(0, 365 * 47))
            d.party = _person_name(rng)
            d.party_type = "自然人"
            d.party_id_number = make_resident_id(rng.choice(AREAS), birth, rng.randrange(0, 1000))
            return
        if kind == "g":
            d.party = f"示范县{rng.choice(TOWNS)}{rng.choice(BRANDS)}{rng.choice(profile.shops)}"
            d.party_type = "其他组织"
            d.party_id_number = make_credit_code(f"92341122MA{_code_chars(rng, 7)}")
            return
        city, area = rng.choice(CITIES)
        suffix = rng.choice(profile.companies)
        if kind == "o" or suffix.endswith("合作社"):
            suffix = suffix if suffix.endswith("合作社") else "种植专业合作社"
            d.party = f"示范县{rng.choice(TOWNS)}{rng.choice(BRANDS)}{suffix}"
            d.party_type = "其他组织"
            d.party_id_number = make_credit_code(f"93341122MA{_code_chars(rng, 7)}")
            return
        d.party = f"{city}{rng.choice(BRANDS)}{suffix}"
        d.party_type = "法人"
        d.party_id_number = make_credit_code(f"91{area}MA{_code_chars(rng, 7)}")

    # -- officers

    def officers(self, rng: random.Random, d: _Draft, pool: _Pool) -> None:
        valid = pool.valid(d.filed_on)
        if d.plant == "single_officer" and valid:
            d.officers = [rng.choice(valid)]
            return
        count = min(3 if rng.random() < 0.3 else 2, len(valid))
        chosen = rng.sample(valid, count)
        if d.plant == "uncertified_officer":
            bad = pool.uncertified(d.filed_on)
            if bad and chosen:
                chosen = chosen[:max(1, count - 1)]
                chosen.insert(rng.randrange(0, len(chosen) + 1), rng.choice(bad))
        d.officers = chosen

    # -- the case kinds

    def penalty(self, rng: random.Random, d: _Draft, profile: Profile) -> None:
        if d.procedure == terms.SUMMARY:
            self._summary(rng, d, profile)
        else:
            self._ordinary(rng, d, profile)

    def _summary(self, rng: random.Random, d: _Draft, profile: Profile) -> None:
        causes = profile.summary
        if d.plant == "summary_over_limit":
            causes = tuple(c for c in causes if any("罚款" in k for k in c.kinds)) or causes
        cause = rng.choice(causes)
        d.cause, d.legal_basis = cause.text, f"{cause.basis}；《中华人民共和国行政处罚法》第五十一条"
        self.party(rng, d, profile, cause.parties)
        d.source = "监督检查" if rng.random() < 0.8 else "投诉举报"
        d.penalty_kinds = rng.choice(cause.kinds)
        if d.plant == "summary_over_limit":
            organisation = d.party_type in ("法人", "其他组织")
            d.penalty_kinds = ("罚款",) if "罚款" not in d.penalty_kinds else d.penalty_kinds
            d.amount = Decimal(rng.choice((4000, 5000, 6000, 8000, 10000) if organisation
                                          else (300, 500, 800, 1000, 2000)))
        elif "罚款" in d.penalty_kinds:
            limit = (self.limits.summary_limit_organisation if d.party_type in ("法人", "其他组织")
                     else self.limits.summary_limit_person)
            high = min(Decimal(max(cause.high, 20)), limit)
            low = min(Decimal(max(cause.low, 20)), high)
            d.amount = _round_amount(Decimal(rng.randint(int(low), int(high))), small=True)
        d.discovered_on = d.filed_on
        d.decided_on = d.served_on = d.filed_on  # 当场作出、当场交付
        if d.amount is None:
            d.executed_on = d.filed_on
        else:
            d.executed_on = d.filed_on if rng.random() < 0.6 else d.filed_on + timedelta(days=rng.randint(1, 14))
        d.closed_on = d.executed_on + timedelta(days=rng.choice((0, 0, 1, 2, 3)))

    def _ordinary(self, rng: random.Random, d: _Draft, profile: Profile) -> None:
        cause = rng.choice(profile.ordinary)
        d.cause, d.legal_basis = cause.text, cause.basis
        self.party(rng, d, profile, cause.parties)
        d.source = _weighted(rng, SOURCES)
        d.penalty_kinds = rng.choice(cause.kinds)
        amount = Decimal(rng.randint(cause.low, cause.high))
        d.amount = _round_amount(amount) if "罚款" in d.penalty_kinds else None
        if d.amount is not None and "没收违法所得" in d.penalty_kinds:
            d.amount += _round_amount(Decimal(rng.randint(300, max(400, cause.low))), small=True)
        organisation = d.party_type in ("法人", "其他组织")
        d.major = (bool(MAJOR_KINDS.intersection(d.penalty_kinds)) or
                   (d.amount is not None and d.amount >= (MAJOR_ORGANISATION if organisation else MAJOR_PERSON)))
        if d.plant == "missing_legal_review" and not d.major:
            d.major = True
            d.amount = max(d.amount or Decimal(0), _round_amount(
                (MAJOR_ORGANISATION if organisation else MAJOR_PERSON) * Decimal(rng.choice((1, 1.2, 1.5, 2)))))
            if "罚款" not in d.penalty_kinds:
                d.penalty_kinds = (*d.penalty_kinds, "罚款")
        if d.plant == "decision_due_soon":
            # filed 77–88 days ago, not yet decided: the 90-day limit is within the lead time
            lead = self.limits.decision_lead_days
            back = rng.randint(self.limits.decision_days - lead + 2, self.limits.decision_days - 2)
            d.filed_on = self._working(self.today - timedelta(days=back))
        d.discovered_on = d.filed_on - timedelta(days=rng.choice((0, 0, 1, 2, 3, 5, 7)))
        d.investigated_on = d.filed_on + timedelta(days=rng.randint(12, 50))
        if d.plant == "decision_due_soon":
            d.decision_extension_days = 0
            if d.investigated_on >= self.today or rng.random() < 0.4:
                d.investigated_on = None
            return
        if rng.random() < 0.03:
            d.decision_extension_days = 30  # approved extension of a complex case
        if rng.random() < (0.35 if d.major else 0.08) and d.plant != "decision_overdue":
            self._suspend(rng, d, profile)
        if d.major:
            d.legal_review_on = d.investigated_on + timedelta(days=rng.randint(2, 6))
        latest = max((e for _k, _s, e, _n in d.suspensions if e is not None), default=d.filed_on)
        decided = max(d.investigated_on, d.legal_review_on or d.investigated_on, latest) + timedelta(
            days=rng.randint(1, 12))
        due = self._due(d, "decision")
        if d.plant == "decision_overdue":
            assert due is not None
            if due >= self.today - timedelta(days=10):
                return
            if rng.random() < 0.45 and self.today - d.filed_on < timedelta(days=400):
                d.decided_on = None  # still open, long past its due date
                if d.legal_review_on is not None and rng.random() < 0.5:
                    d.legal_review_on = None
                return
            decided = due + timedelta(days=rng.randint(1, 35))
            if decided >= self.today:
                decided = due + timedelta(days=1)
        elif due is not None and decided > due:
            decided = due - timedelta(days=rng.randint(0, 4))
        d.decided_on = self._working(decided)
        if due is not None and d.plant != "decision_overdue" and d.decided_on > due:
            d.decided_on = due
        if d.legal_review_on is not None and d.legal_review_on > d.decided_on:
            d.legal_review_on = d.decided_on
        if d.plant == "missing_legal_review":
            if rng.random() < 0.8:
                d.legal_review_on = None
            else:
                d.legal_review_on = d.decided_on + timedelta(days=rng.randint(1, 5))
        self._after_decision(rng, d)

    def _suspend(self, rng: random.Random, d: _Draft, profile: Profile) -> None:
        assert d.investigated_on is not None
        if d.major and rng.random() < 0.6:
            start = d.investigated_on + timedelta(days=rng.randint(5, 9))  # 听证: notice, request, hearing
            d.suspensions.append(("听证", start, start + timedelta(days=rng.randint(7, 20)), "当事人申请听证"))
            return
        kind = profile.suspension
        start = d.filed_on + timedelta(days=rng.randint(3, 20))
        end = start + timedelta(days=rng.randint(5, 30))
        note = "委托检验机构检测" if kind == "检测" else "委托司法鉴定机构鉴定"
        d.suspensions.append((kind, start, end, note))
        d.investigated_on = max(d.investigated_on, end + timedelta(days=rng.randint(1, 10)))

    def _after_decision(self, rng: random.Random, d: _Draft) -> None:
        decided = d.decided_on
        assert decided is not None
        served = decided + timedelta(days=_weighted(rng, ((0, 40), (1, 20), (2, 12), (3, 10), (5, 10), (7, 8))))
        served = min(served, self.cal.add_days(decided, self.limits.service_days))
        published = self.cal.add_working_days(decided, rng.randint(1, self.limits.publicity_working_days - 1))
        if d.plant == "service_overdue":
            due = self.cal.add_days(decided, self.limits.service_days)
            served = None if rng.random() < 0.4 else due + timedelta(days=rng.randint(1, 20))
            if served is not None and served >= self.today:
                served = None
        if d.plant == "publicity_overdue":
            due = self.cal.add_working_days(decided, self.limits.publicity_working_days)
            published = None if rng.random() < 0.45 else due + timedelta(days=rng.randint(1, 40))
        d.served_on, d.published_on = served, published
        if served is None:
            return
        if d.amount is None:
            d.executed_on = served
        else:
            late = rng.random() < 0.1
            d.executed_on = served + timedelta(days=rng.randint(16, 45) if late else rng.randint(2, 15))
        d.closed_on = d.executed_on + timedelta(days=rng.randint(1, 15))

    def inspection(self, rng: random.Random, d: _Draft, profile: Profile) -> None:
        d.cause = rng.choice(profile.inspections)
        kinds = "".join(sorted({c for cause in (*profile.ordinary, *profile.summary) for c in cause.parties}))
        self.party(rng, d, profile, kinds.replace("p", "") or kinds)
        d.source = "监督检查" if rng.random() < 0.8 else "投诉举报"
        d.closed_on = d.filed_on + timedelta(days=_weighted(rng, ((0, 30), (1, 15), (3, 15), (7, 20), (15, 15),
                                                                  (30, 5))))

    def coercion(self, rng: random.Random, d: _Draft, profile: Profile) -> None:
        cause, measures, parties = rng.choice(profile.coercions)
        d.cause, d.measures = cause, measures
        d.legal_basis = "《中华人民共和国行政强制法》第二十二条、第二十三条、第二十四条"
        self.party(rng, d, profile, parties)
        d.source = _weighted(rng, SOURCES)
        d.discovered_on = d.filed_on
        d.measure_on = d.filed_on + timedelta(days=rng.choice((0, 0, 0, 1)))
        if rng.random() < 0.15:
            start = d.measure_on + timedelta(days=rng.randint(2, 8))
            d.suspensions.append(("检测", start, start + timedelta(days=rng.randint(5, 20)), "涉案物品送检"))
        d.measure_extended = rng.random() < 0.1
        due = self._due(d, "seizure")
        assert due is not None
        if d.plant == "seizure_overdue":
            if rng.random() < 0.5 or due + timedelta(days=2) >= self.today:
                d.measure_released_on = None  # still held past the limit
                d.investigated_on = d.measure_on + timedelta(days=rng.randint(5, 20))
                return
            released = due + timedelta(days=rng.randint(1, 30))
        else:
            span = (due - d.measure_on).days
            released = d.measure_on + timedelta(days=rng.randint(min(5, span), max(5, span - 1)))
            released = min(released, due)
        d.measure_released_on = released
        d.investigated_on = max(d.measure_on, released - timedelta(days=rng.randint(0, 3)))
        d.closed_on = released + timedelta(days=rng.randint(1, 10))

    # -- as of today

    def clip(self, d: _Draft) -> None:
        """Forget what would happen after today; a suspension still running has no end."""
        for name in d.dates():
            value = getattr(d, name)
            if value is not None and value > self.today:
                setattr(d, name, None)
        d.suspensions = [(k, s, e if e is not None and e <= self.today else None, n)
                         for k, s, e, n in d.suspensions if s <= self.today]

    def codes(self, d: _Draft) -> set[str]:
        """The warnings of the draft as of today."""
        return {f.code for f in findings(d.facts(), self.today, self.limits, self.cal)}


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _code_chars(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(n))


def _weighted(rng: random.Random, options: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([o for o, _w in options], [w for _o, w in options])[0]


def _round_amount(amount: Decimal, *, small: bool = False) -> Decimal:
    step = Decimal(10 if small or amount < 1000 else (100 if amount < 20000 else 1000))
    return max(step, (amount / step).quantize(Decimal(1)) * step).quantize(Decimal("0.01"))


# ------------------------------------------------------------------------------ the plan


def plan_cases(today: date, cal: WorkCalendar, limits: Limits, officers: dict[str, _Pool],
               rng: random.Random) -> list[_Draft]:
    """Every demo case, drawn and numbered (a pure function of its arguments).

    ``officers`` maps each demo agency's short name to its officers. Clean cases are redrawn
    until the rules find no warning; planted ones until they find exactly the planted code.
    """
    start = today - timedelta(days=365 * YEARS)
    skeletons: list[_Draft] = []
    for short, profile in PROFILES.items():
        if short not in officers:
            continue
        for i in range(profile.volume):
            offset = rng.randrange(0, (today - start).days)
            filed = start + timedelta(days=offset)
            if not cal.is_working(filed) and rng.random() < 0.85:
                filed = min(cal.roll_forward(filed), today)
            category = rng.choices((terms.PENALTY, terms.INSPECTION, terms.COERCION), profile.shares)[0]
            procedure = None
            if category == terms.PENALTY:
                summary = profile.summary and rng.random() < profile.summary_share
                procedure = terms.SUMMARY if summary else terms.ORDINARY
            skeletons.append(_Draft(short, i, category, procedure, filed))
    _assign_plants(skeletons, today, officers, limits, rng)
    drawer = _Drawer(today, cal, limits)
    drafts = [_draw(drawer, s, officers[s.agency], random.Random(f"{DEMO_SEED}-case-{s.agency}-{s.index}"))
              for s in skeletons]
    _number(drafts)
    return drafts


def _assign_plants(skeletons: list[_Draft], today: date, officers: dict[str, _Pool],
                   limits: Limits, rng: random.Random) -> None:
    total = len(skeletons)
    old = today - timedelta(days=limits.decision_days + 40)

    def ordinary(s: _Draft) -> bool:
        return s.category == terms.PENALTY and s.procedure == terms.ORDINARY

    eligible: dict[str, Callable[[_Draft], bool]] = {
        "seizure_overdue": lambda s: (s.category == terms.COERCION
                                      and s.filed_on <= today - timedelta(days=limits.seizure_days + 10)),
        "decision_due_soon": lambda s: ordinary(s) and s.filed_on >= today - timedelta(days=365),
        "summary_over_limit": lambda s: s.category == terms.PENALTY and s.procedure == terms.SUMMARY,
        "missing_legal_review": lambda s: ordinary(s) and s.filed_on <= old,
        "decision_overdue": lambda s: ordinary(s) and s.filed_on <= old,
        "service_overdue": lambda s: ordinary(s) and s.filed_on <= old,
        "publicity_overdue": lambda s: ordinary(s) and s.filed_on <= old,
        "uncertified_officer": lambda s: (bool(officers[s.agency].uncertified(s.filed_on))
                                          and bool(officers[s.agency].valid(s.filed_on))),
        "single_officer": lambda s: True,
    }
    for code, test in eligible.items():
        wanted = round(total * PLANT_RATES[code])
        pool = [s for s in skeletons if s.plant is None and test(s)]
        if code == "uncertified_officer":  # mostly certificates that had expired, some never valid yet
            expired = [s for s in pool if officers[s.agency].expired(s.filed_on)]
            chosen = rng.sample(expired, min(round(wanted * 0.75), len(expired)))
            taken = {id(s) for s in chosen}
            rest = [s for s in pool if id(s) not in taken]
            chosen += rng.sample(rest, min(wanted - len(chosen), len(rest)))
        else:
            chosen = rng.sample(pool, min(wanted, len(pool)))
        for s in chosen:
            s.plant = code


def _draw(drawer: _Drawer, skeleton: _Draft, pool: _Pool, rng: random.Random) -> _Draft:
    profile = PROFILES[skeleton.agency]
    expected = {skeleton.plant} if skeleton.plant else set()
    d = skeleton
    for _attempt in range(40):
        d = replace(skeleton, officers=[], suspensions=[])
        if d.category == terms.PENALTY:
            drawer.penalty(rng, d, profile)
        elif d.category == terms.COERCION:
            drawer.coercion(rng, d, profile)
        else:
            drawer.inspection(rng, d, profile)
        drawer.officers(rng, d, pool)
        drawer.clip(d)
        if not date_order_problems(d.dates()) and drawer.codes(d) == expected:
            return d
    return d  # the best we could do (never seen with the demo's data)


def _number(drafts: list[_Draft]) -> None:
    groups: dict[tuple[str, str, int], list[_Draft]] = defaultdict(list)
    for d in drafts:
        groups[(d.agency, d.category, d.filed_on.year)].append(d)
    for (agency, category, year), members in groups.items():
        members.sort(key=lambda d: (d.filed_on, d.index))
        for seq, d in enumerate(members, 1):
            d.case_no = case_number(PROFILES[agency].prefix, category, year, seq)


# ------------------------------------------------------------------------------ into the store


def add_demo_cases(session: Session, store: Store, actor: Actor, agencies: dict[str, Agency], today: date,
                   changes: list[audit.Change], *, rng: random.Random) -> int:
    """Add the demo register to the session (one audit change per case); returns how many.

    ``agencies`` maps short names to the demo agencies. An agency whose register already has a
    demo case number is left alone, so a second run adds nothing.
    """
    present = {short: a for short, a in agencies.items() if short in PROFILES}
    if not present:
        return 0
    by_id = _load_officers(session, [a.id for a in present.values()])
    officers = {short: by_id.get(a.id, []) for short, a in present.items()}
    officers = {short: _Pool(pool) for short, pool in officers.items() if sum(1 for o in pool if o.certs) >= 2}
    done = _agencies_with_demo_cases(session, present)
    if not set(officers) - done:
        return 0
    drafts = plan_cases(today, load_calendar(session), load_limits(session), officers, rng)
    todo = [d for d in drafts if d.agency not in done]
    if not todo:
        return 0
    at = utc_iso(store.clock.now())
    rows = [_case_row(d, present[d.agency].id, at, actor.name) for d in todo]
    session.execute(insert(Case.__table__), rows)  # one executemany (Core: every row the same keys)
    agency_ids = {present[short].id for short in {d.agency for d in todo}}
    known = {(a, no): i for i, a, no in session.execute(
        select(Case.id, Case.agency_id, Case.case_no).where(Case.agency_id.in_(agency_ids)))}
    ids = [known[(row["agency_id"], row["case_no"])] for row in rows]
    officer_rows = [{"case_id": case_id, "officer_id": o.id, "position": i}
                    for case_id, d in zip(ids, todo, strict=True) for i, o in enumerate(d.officers)]
    suspension_rows = [{"case_id": case_id, "kind": k, "start_on": s, "end_on": e, "note": n}
                       for case_id, d in zip(ids, todo, strict=True) for k, s, e, n in d.suspensions]
    if officer_rows:
        session.execute(insert(CaseOfficer.__table__), officer_rows)
    if suspension_rows:
        session.execute(insert(CaseSuspension.__table__), suspension_rows)
    for case_id, d, row in zip(ids, todo, rows, strict=True):
        after = audit.snapshot(SimpleNamespace(**row), CASE_FIELDS_AUDITED)
        after["officers"] = [o.id for o in d.officers]
        after["documents"] = []
        changes.append(audit.Change("create", "case", case_id, after=after, summary=f"{d.case_no} {d.party}"))
    return len(todo)


def _agencies_with_demo_cases(session: Session, agencies: dict[str, Agency]) -> set[str]:
    done = set()
    for short, agency in agencies.items():
        prefix = PROFILES[short].prefix
        found = session.execute(select(Case.id).where(Case.agency_id == agency.id,
                                                      Case.case_no.like(f"{prefix}%")).limit(1)).first()
        if found is not None:
            done.add(short)
    return done


def _case_row(d: _Draft, agency_id: int, at: str, by: str) -> dict[str, Any]:
    """The register row of a draft (the shape ``service.insert_case`` gives a case)."""
    return {"agency_id": agency_id, "case_no": d.case_no, "category": d.category, "procedure": d.procedure,
            "source": d.source, "cause": d.cause, "party": d.party, "party_type": d.party_type,
            "party_id_number": d.party_id_number, "stage": stage_of(d.dates()), **d.dates(),
            "measures": terms.join_multi(list(d.measures)), "measure_extended": d.measure_extended,
            "decision_extension_days": d.decision_extension_days,
            "penalty_kinds": terms.join_multi(list(d.penalty_kinds)), "amount": d.amount, "major": d.major,
            "legal_basis": d.legal_basis, "officer_count": len(d.officers), "version": 1, "updated_at": at,
            "updated_by": by}


# ------------------------------------------------------------------------------ dossiers


@dataclass(frozen=True)
class _DossierJob:
    case_id: int
    case_no: str
    path: Path
    pages: int
    seed: int
    facts: Any
    document_id: int | None


def dossier_pages(case_no: str) -> int:
    """How many pages a case's dossier has: most 8–40, some up to 120, a few up to 300."""
    rng = random.Random(f"{DEMO_SEED}-pages-{case_no}")
    roll = rng.random()
    if roll < 0.82:
        return rng.randint(8, 40)
    if roll < 0.96:
        return rng.randint(41, 120)
    return rng.randint(121, 300)


def _dossier_key(case_no: str) -> str:
    return hashlib.sha256(f"{DEMO_SEED}-dossier-{case_no}".encode()).hexdigest()


def add_demo_dossiers(store: Store, actor: Actor, folder: Path, *, limit: int = DOSSIER_COUNT,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> int:
    """Write the missing dossier PDFs into ``folder`` and record them; returns how many were written.

    The files are written outside any transaction; the documents are recorded afterwards in one
    unit of work (also when cancelled or failed half-way: what was written is kept).
    """
    from desktop.cases.dossier import write_dossier

    jobs = _dossier_jobs(store, folder, limit)
    written: list[tuple[_DossierJob, int]] = []
    try:
        if progress is not None:
            progress(0, len(jobs))
        for n, job in enumerate(jobs, 1):
            if cancelled is not None and cancelled():
                break
            job.path.parent.mkdir(parents=True, exist_ok=True)
            pages = write_dossier(job.path, job.facts, pages=job.pages, seed=job.seed)
            written.append((job, pages))
            if progress is not None:
                progress(n, len(jobs))
    finally:
        if written:
            _record_dossiers(store, actor, written)
    return len(written)


def _dossier_jobs(store: Store, folder: Path, limit: int) -> list[_DossierJob]:
    from desktop.cases.dossier import DossierFacts

    with store.reading() as session:
        rows = session.execute(
            select(Case.id, Case.case_no, Agency.name, Agency.short_name, Case.category, Case.cause, Case.party,
                   Case.party_type, Case.filed_on, Case.decided_on, Case.served_on, Case.penalty_kinds,
                   Case.amount, Case.legal_basis)
            .join(Agency, Agency.id == Case.agency_id)
            .where(Case.category == terms.PENALTY, Case.procedure == terms.ORDINARY,
                   Case.closed_on.is_not(None), Case.decided_on.is_not(None))).all()
        rows = [r for r in rows if (prefix := case_prefix(r.short_name or "")) and r.case_no.startswith(prefix)]
        rows.sort(key=lambda r: _dossier_key(r.case_no))
        rows = rows[:max(0, limit)]
        if not rows:
            return []
        ids = [r.id for r in rows]
        documents = {case_id: (doc_id, path) for doc_id, case_id, path in session.execute(
            select(CaseDocument.id, CaseDocument.case_id, CaseDocument.path)
            .where(CaseDocument.case_id.in_(ids), CaseDocument.kind == "dossier").order_by(CaseDocument.id))}
        people: dict[int, list[tuple[str, str]]] = defaultdict(list)
        officer_rows = session.execute(
            select(CaseOfficer.case_id, CaseOfficer.officer_id, Officer.name)
            .join(Officer, Officer.id == CaseOfficer.officer_id)
            .where(CaseOfficer.case_id.in_(ids)).order_by(CaseOfficer.case_id, CaseOfficer.position)).all()
        certs: dict[int, list[_Cert]] = defaultdict(list)
        for officer_id, number, issued, expires, status in session.execute(
                select(Certificate.officer_id, Certificate.number, Certificate.issued_on, Certificate.expires_on,
                       Certificate.status)
                .where(Certificate.officer_id.in_({r.officer_id for r in officer_rows}))
                .order_by(Certificate.issued_on)):
            certs[officer_id].append(_Cert(number, issued, expires, status))
        filed = {r.id: r.filed_on for r in rows}
        for case_id, officer_id, name in officer_rows:
            officer = _Officer(officer_id, name, tuple(certs.get(officer_id, ())))
            people[case_id].append((name, officer.cert_number(filed[case_id])))
    jobs = []
    for r in rows:
        existing = documents.get(r.id)
        if existing is not None and Path(existing[1]).is_file():
            continue
        facts = DossierFacts(
            case_no=r.case_no, agency=r.name, category=r.category, cause=r.cause, party=r.party,
            party_type=r.party_type, officers=tuple(n for n, _c in people[r.id]),
            cert_numbers=tuple(c for _n, c in people[r.id]), filed_on=r.filed_on, decided_on=r.decided_on,
            served_on=r.served_on, penalty_kinds=terms.split_multi(r.penalty_kinds), amount=r.amount,
            legal_basis=r.legal_basis)
        path = folder / (r.short_name or r.name) / f"{r.case_no}.pdf"
        jobs.append(_DossierJob(r.id, r.case_no, path, dossier_pages(r.case_no),
                                int(_dossier_key(r.case_no)[:8], 16), facts,
                                existing[0] if existing else None))
    return jobs


def _record_dossiers(store: Store, actor: Actor, written: list[tuple[_DossierJob, int]]) -> None:
    with store.unit_of_work() as uow:
        session = uow.session
        changes = []
        for job, pages in written:
            path = str(job.path.resolve())
            document = session.get(CaseDocument, job.document_id) if job.document_id is not None else None
            before = None
            if document is None:
                session.add(CaseDocument(case_id=job.case_id, kind="dossier", title=DOSSIER_TITLE, path=path,
                                         pages=pages))
            else:
                before = {"path": document.path, "pages": document.pages}
                document.path, document.pages = path, pages
            changes.append(audit.Change("attach_document", "case", job.case_id, before=before,
                                        after={"kind": "dossier", "title": DOSSIER_TITLE, "path": path,
                                               "pages": pages},
                                        summary=f"{job.case_no} {DOSSIER_TITLE}"))
        session.flush()
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
