"""询问笔录 of a demo dossier: questions and answers about the case, filled up to a page count
with follow-ups about records and people, signed on every page."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from desktop.demo.dossier.details import Person, person_name, time_span
from desktop.demo.dossier.writer import Doc, DocumentWriter
from desktop.io.pdf.layout import BOTTOM, LEFT, SMALL, Block, Flow, written_date


class InquiryWriter(DocumentWriter):
    """Writes 询问笔录, each filled up to the pages asked for."""

    # ----------------------------------------------------------------------- 询问笔录

    def inquiry(self, rng: random.Random, who: Person, day: date, target: int, nth: int) -> Doc:
        f, c, ts = self.f, self.cast, self.ts
        flow = Flow()
        blocks = self._title("询问笔录")
        blocks.append(ts.line(f"（第 {nth} 次）", size=SMALL, lead=16, align="center"))
        blocks.append(ts.fields([("询问时间：", time_span(rng, day, rng.randint(35, 110)), 0)]))
        place = rng.choice(
            (f"{f.agency}询问室", f"{f.agency}办公室", f"{f.party}经营场所", f"{f.party}办公室")
        )
        blocks.append(ts.fields([("询问地点：", place, 0)]))
        blocks.append(
            ts.fields([("询问人：", self.officers_text(), 150), ("执法证号：", self.certs_text(), 0)])
        )
        blocks.append(
            ts.fields(
                [
                    ("记录人：", self.officer(1) or self.officer(0), 110),
                    ("被询问人：", who.name, 90),
                    ("性别：", "男" if who.male else "女", 0),
                ]
            )
        )
        blocks.append(ts.fields([("年龄：", f"{who.age}岁", 50), ("身份证件号码：", who.id_no, 0)]))
        unit = "" if c.is_person and who is c.agent else f.party
        blocks.append(ts.fields([("工作单位：", unit, 190), ("职务：", "" if c.is_person else who.role, 0)]))
        blocks.append(ts.fields([("住址：", who.address, 270), ("电话：", who.phone, 0)]))
        blocks.append(Block(8, []))
        flow.add(blocks)
        for q, a in self._opening(rng, who, short=target == 1):
            flow.add(self._qa(q, a))
        closing = self._closing(rng, who, day)
        short_ones = self._short_qas()
        middle = self._middle(rng, who)
        misses = 0
        while misses < 4:
            q, a = next(middle)
            candidate = self._qa(q, a)
            if flow.pages_if(candidate + closing) <= target:
                flow.add(candidate)
            else:
                misses += 1
        for q, a in rng.sample(short_ones, len(short_ones)):
            candidate = self._qa(q, a)
            if flow.pages_if(candidate + closing) > target:
                break
            flow.add(candidate)
        flow.add(closing)
        pages = flow.pages
        for ops in pages:
            y = BOTTOM + 22
            ops.append(("t", LEFT, y, "被询问人签名：", SMALL, "n"))
            ops.append(("t", LEFT + 76, y, who.name, 13.0, "s"))
            ops.append(("t", LEFT + 230, y, "询问人签名：", SMALL, "n"))
            ops.append(("t", LEFT + 295, y, "\u2002".join(f.officers[:2]), 13.0, "s"))
        self._number_pages(pages, "询问笔录")
        title = f"询问笔录（{who.name}）" if nth == 1 else f"询问笔录（{who.name}，第{nth}次）"
        return Doc(title, "", day, pages)

    def _qa(self, q: str, a: str) -> list[Block]:
        return self.ts.para("问：" + q, indent=0) + self.ts.para("答：" + a, indent=0)

    def _opening(self, rng: random.Random, who: Person, *, short: bool) -> list[tuple[str, str]]:
        f, c = self.f, self.cast
        certs = self.certs_text()
        shown = "这是我们的执法证件（出示执法证件）"
        if certs:
            shown += f"，证件号码{'分别' if '、' in certs else ''}为{certs}"
        out = [
            (
                f"我们是{f.agency}的执法人员{self.officers_text()}，{shown}。现依法就{f.party}涉嫌{self.cause}一案"
                "向你调查了解有关情况，请你如实回答。如果你认为我们与本案有利害关系，可能影响公正执法，"
                "你有权申请我们回避。你是否看清了我们的执法证件？是否申请回避？",
                rng.choice(("看清楚了，不申请回避。", "看清楚了。我不申请回避。", "看清了，不需要回避。")),
            )
        ]
        if not short:
            out.append(
                (
                    "你应当如实陈述事实、提供证据，不得隐瞒或者提供虚假情况，否则要承担相应的法律责任；"
                    "你也有陈述和申辩的权利。听清楚了吗？",
                    rng.choice(("听清楚了。", "清楚了，我会如实说的。", "明白了。")),
                )
            )
        sex = "男" if who.male else "女"
        out.append(
            (
                rng.choice(("请讲一下你的基本情况。", "请介绍一下你的个人情况。", "你的基本情况？")),
                f"我叫{who.name}，{sex}，{who.age}岁，{rng.choice(('汉族', '汉族', '汉族', '回族', '土家族'))}，"
                f"{rng.choice(('初中', '高中', '中专', '大专', '本科'))}文化，身份证号码{who.id_no}，"
                f"住{who.address}，联系电话{who.phone}。",
            )
        )
        if not c.is_person and who is c.agent:
            if who is c.head:
                a = f"我是{f.party}的{c.head_title}，{f.party}的事情由我负责。"
            else:
                a = (
                    f"我是{f.party}的{who.role}，受{c.head_title}{c.head.name}委托来接受调查，"
                    "这是授权委托书和我的身份证复印件。"
                )
            out.append((f"你与{f.party}是什么关系？", a))
        elif who is not c.agent:
            since = self._joined(rng, who, 2010)
            if who.role in ("周边商户", "举报人"):
                a = f"我是{who.role}，和{f.party}没有利害关系，{since}年开始在这一带{rng.choice(('做生意', '居住'))}。"
            else:
                a = f"我是{f.party}的{who.role}，{since}年开始在这里上班。"
            out.append((f"你与{f.party}是什么关系？", a))
        return out

    def _middle(self, rng: random.Random, who: Person) -> Iterator[tuple[str, str]]:
        """Case questions in a seeded order, then endless follow-ups about records and people."""
        f, c = self.f, self.cast
        party_side = who is c.agent
        we = c.we if party_side else f.party
        them = "你" if c.is_person else f.party
        y, m = c.since
        insp = written_date(c.inspected_on)
        items: list[tuple[str, str]] = []
        if party_side:
            items += [
                (
                    rng.choice(
                        (
                            f"{them}的经营地址在哪里？主要经营什么？",
                            f"请介绍一下{them}的经营情况。",
                            f"{them}是什么时候开始经营的？经营范围是什么？",
                        )
                    ),
                    f"{'我' if c.is_person else f.party}的经营地址在{c.party_addr}，{rng.randint(2008, y)}年开始经营，"
                    + rng.choice(
                        (
                            f"有员工{rng.randint(2, 30)}人，营业面积约{rng.randint(30, 900)}平方米。",
                            f"平时主要由{c.agent.name}负责日常管理，店里有{rng.randint(2, 12)}个员工。",
                            f"一年的营业额大概{rng.randint(20, 600)}万元。",
                        )
                    ),
                ),
                (
                    "是否办理了营业执照和相关许可证件？",
                    rng.choice(
                        (
                            "营业执照办了，相关许可证也都办了，证件都在有效期内，复印件已经交给你们了。",
                            "营业执照办了，其他许可证正在办理当中，还没有下来。",
                            "营业执照办了，许可证到期以后没有及时去续办。",
                        )
                    ),
                ),
                (
                    f"{insp}你局执法人员到{them}的经营场所检查时，你是否在场？发现了什么问题？",
                    f"{rng.choice(('我在场。', '我当时在场。'))}执法人员检查时发现{we}存在{self.cause}的问题，"
                    "当场拍了照片，制作了现场检查笔录，我看过以后签了字。",
                ),
                (
                    f"{we if c.is_person else '你们'}{self.cause}的具体情况是怎样的？请如实说明。",
                    f"{we}从{y}年{m}月开始就有这种情况，主要是因为"
                    + rng.choice(
                        (
                            "生意比较忙，没有注意到相关规定",
                            "对相关规定理解不到位",
                            "图省事，觉得问题不大",
                            "负责的员工刚来不久，业务不熟悉",
                            "听信了别人的说法，以为这样做没有问题",
                        )
                    )
                    + "。"
                    + rng.choice(
                        (
                            "这个事情主要是我负责的，责任在我。",
                            "一直到你们来检查才知道问题的严重性。",
                            "平时也没有建立相关的台账记录。",
                        )
                    ),
                ),
                (
                    "这种情况持续了多长时间？",
                    rng.choice(
                        (
                            f"大概从{y}年{m}月开始的，到你们检查的时候差不多有{c.months}个月了。",
                            f"具体时间记不清了，大约{c.months}个月左右。",
                        )
                    ),
                ),
                (
                    "涉案的数量、经营额和违法所得是多少？有没有记录？",
                    f"一共大概{c.quantity}{c.unit}，收入{c.revenue}元左右，扣除成本，大概赚了{c.profit}元。"
                    + rng.choice(
                        (
                            "有手写的记录本，已经交给你们了。",
                            "都有微信和支付宝的收款记录，可以提供。",
                            "没有专门的账本，这个数是我估算的。",
                        )
                    ),
                ),
                (
                    "涉案物品（服务）的来源是哪里？有没有进货凭证？",
                    rng.choice(
                        (
                            f"是从{c.county}{person_name(rng)}那里进的货，没有索要发票，只有微信转账记录。",
                            "是从市里的批发市场进的货，有送货单，已经复印给你们了。",
                            "是供货商直接送上门的，票据有一部分找不到了。",
                        )
                    ),
                ),
                (
                    "你是否知道这种行为违反了法律规定？",
                    rng.choice(
                        (
                            "之前不太清楚相关规定，现在知道了。",
                            "知道一点，但是没想到这么严重。",
                            "以前没人跟我们讲过，是我们学习法律法规不够。",
                        )
                    ),
                ),
                (
                    "检查之后你们采取了哪些整改措施？",
                    rng.choice(
                        (
                            "检查当天就停止了，相关物品已经全部下架封存。",
                            "已经组织员工学习了相关规定，建立了台账，以后一定规范经营。",
                            "已经按照执法人员的要求整改完毕，整改情况的照片已经提交。",
                        )
                    ),
                ),
                (
                    "此前是否因同类违法行为受过行政处罚？",
                    rng.choice(("没有，这是第一次。", "没有受过处罚。", "没有。")),
                ),
                (
                    f"你对{insp}的现场检查笔录和现场照片有无异议？",
                    rng.choice(("没有异议，内容属实。", "没有异议。", "没有意见，都是事实。")),
                ),
                (
                    "你向我们提供的营业执照、身份证复印件等材料是否真实？",
                    "都是真实的，复印件和原件一致，我都签字确认了。",
                ),
                (
                    "是否造成了危害后果？有没有人投诉？",
                    rng.choice(
                        (
                            "没有造成什么后果，也没有人投诉过。",
                            "目前没有接到顾客投诉，也没有发生什么事故。",
                            "有一个顾客反映过，已经给他退款了。",
                        )
                    ),
                ),
            ]
        else:
            items += [
                (
                    "你在这里主要负责什么工作？"
                    if who.role not in ("周边商户", "举报人")
                    else "你是怎么知道这个情况的？",
                    rng.choice(
                        (
                            f"我主要负责{self._duty(who.role)}，每个月工资{rng.randint(25, 60)}00元左右。",
                            f"我平时负责{self._duty(who.role)}，{self._joined(rng, who, 2015)}年开始在这里。",
                        )
                    )
                    if who.role not in ("周边商户", "举报人")
                    else rng.choice(
                        ("我平时就在旁边，经常能看到。", "我去买过东西，觉得有问题就打电话反映了。")
                    ),
                ),
                (
                    f"你对{f.party}{self.cause}的情况是否了解？",
                    rng.choice(
                        (
                            f"知道一些。大概从{y}年{m}月开始就有这种情况，具体是老板安排的。",
                            "我只知道一部分，具体的情况要问负责人。",
                            f"了解。{c.agent.name}也知道这个事情，我们平时都是按他说的做的。",
                        )
                    ),
                ),
                (
                    f"{insp}执法人员来检查的时候你在场吗？",
                    rng.choice(
                        (
                            "在场，我看到执法人员拍了照片，清点了东西。",
                            "我当时在店里，看到了检查的过程。",
                            "我那天不在，是后来听同事说的。",
                        )
                    ),
                ),
                (
                    "你知道这些东西（业务）平时是怎么记账的吗？",
                    rng.choice(
                        (
                            "有一个记录本，都是手写的。",
                            "主要是收银系统里有记录，具体我不太清楚。",
                            "没有专门记账，都是老板自己管。",
                        )
                    ),
                ),
                (
                    "你说的这些情况，还有谁能够证明？",
                    f"{person_name(rng)}和{person_name(rng)}都知道，他们也在这里{rng.choice(('上班', '做事', '帮忙'))}。",
                ),
            ]
        rng.shuffle(items)
        yield from items
        docs = (
            "销售单据",
            "进货单",
            "出库单",
            "微信转账记录",
            "收款记录",
            "台账记录",
            "送货单",
            "手写记录本",
        )
        while True:
            pick = rng.randrange(5)
            day = c.inspected_on - timedelta(days=rng.randint(3, max(4, c.months * 30)))
            if pick == 0:
                amount = rng.randint(2, 90) * rng.choice((10, 25, 50, 100))
                yield (
                    f"我们调取的{written_date(day)}的{rng.choice(docs)}上记载了{rng.randint(1, 60)}{c.unit}，"
                    f"金额{amount}元，这是什么情况？",
                    rng.choice(
                        (
                            f"那是{person_name(rng)}经手的，当时是{rng.choice(('现金', '微信', '转账'))}结算的，"
                            "具体的情况就是单子上记的那样。",
                            "这笔是卖给一个老客户的，他经常来，具体叫什么我不清楚。",
                            "这个时间我记不太清楚了，应该就是单子上写的数。",
                            f"这笔是{rng.choice(('送货上门', '客户自提', '代别人卖的'))}，钱已经收到了。",
                        )
                    ),
                )
            elif pick == 1:
                yield (
                    f"{day.year}年{day.month}月份的经营情况怎么样？",
                    f"{day.month}月份{rng.choice(('生意一般', '生意还可以', '生意不太好'))}，"
                    f"大概收入{rng.randint(8, 260) * 100}元，"
                    + rng.choice(("主要是零售。", "具体的数要看记录本。", "其中涉案的部分大概占一小半。")),
                )
            elif pick == 2:
                name = person_name(rng)
                role = rng.choice(("店员", "收银员", "仓库保管员", "会计", "送货人员", "采购员"))
                yield (
                    f"{name}在{f.party}负责什么工作？",
                    f"{name}是{role}，主要负责{self._duty(role)}，{rng.randint(2012, f.filed_on.year)}年开始在这里工作。",
                )
            elif pick == 3:
                yield (
                    f"这份{rng.choice(docs)}上的签字是谁签的？",
                    rng.choice(
                        (
                            "是我签的字，内容是真实的。",
                            f"是{person_name(rng)}签的，当时我也在场。",
                            "是送货的人签的，我们这边是我收的货。",
                        )
                    ),
                )
            else:
                yield (
                    f"{written_date(day)}前后有没有{rng.choice(('其他人来进货', '人来检查过', '顾客反映过问题'))}？",
                    rng.choice(
                        (
                            "没有。",
                            "记不太清楚了，应该没有。",
                            "有过一次，当时没有在意。",
                            "具体的我要回去查一下记录。",
                        )
                    ),
                )

    def _joined(self, rng: random.Random, who: Person, earliest: int) -> int:
        """A year the person started there: not before ``earliest`` nor before they were 18."""
        year = self.f.filed_on.year
        return rng.randint(min(year, max(earliest, year - who.age + 18)), year)

    @staticmethod
    def _duty(role: str) -> str:
        return {
            "店员": "接待顾客、整理货架",
            "收银员": "收银和开票",
            "仓库保管员": "货物的进出库和保管",
            "会计": "记账和报税",
            "送货人员": "送货和收款",
            "厨师": "后厨的食品加工",
            "现场负责人": "现场的日常管理",
            "采购员": "进货和联系供货商",
        }.get(role, "日常事务")

    @staticmethod
    def _short_qas() -> list[tuple[str, str]]:
        return [
            ("你刚才说的这些情况属实吗？", "属实。"),
            ("这些材料是你提供的吗？", "是的。"),
            ("当时还有其他人在场吗？", "没有其他人。"),
            ("你说的时间准确吗？", "基本准确。"),
            ("还有其他相关的票据吗？", "没有了。"),
            ("以上情况你是否清楚？", "清楚。"),
        ]

    def _closing(self, rng: random.Random, who: Person, day: date) -> list[Block]:
        ts = self.ts
        extra = rng.choice(
            (
                "没有了。",
                "没有要补充的了。",
                "我们是初次违法，已经认识到了错误，希望能够从轻处理。",
                "我们已经在整改了，希望能够从轻处理。",
            )
        )
        read = rng.choice(
            ("以上笔录请你核对，记录是否与你所说的一致？", "以上笔录已向你宣读，记录是否与你所说的一致？")
        )
        blocks = self._qa("你还有什么需要补充的吗？", extra) + self._qa(read, "我看过了，和我说的一样。")
        sign = ts.line(
            f"以上笔录我已看过，与我说的一致。\u3000{who.name}\u3000{day:%Y.%m.%d}",
            size=13.0,
            lead=28,
            style="s",
            align="right",
        )
        blocks[-1].keep = True
        blocks.append(sign)
        return blocks
