"""The evidence in a demo dossier: the 现场检查笔录 (record of the on-site inspection) and pages
of 证据材料 — photos (drawn as grey placeholders) and copies of papers."""

from __future__ import annotations

import random

from desktop.demo.dossier.details import clock_time, person_name, time_span
from desktop.demo.dossier.writer import Doc, DocumentWriter
from desktop.io.pdf.layout import (
    BODY,
    BOTTOM,
    LEFT,
    RIGHT,
    SMALL,
    TOP,
    WIDTH,
    Block,
    Flow,
    Op,
    placed,
    written_date,
)


class EvidenceWriter(DocumentWriter):
    """Writes the inspection record and the evidence pages."""

    # ----------------------------------------------------------------------- 现场检查笔录

    def inspection(self) -> Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("check")
        flow = Flow()
        blocks = self._title("现场检查笔录")
        blocks.append(ts.fields([("检查时间：", time_span(rng, c.inspected_on, rng.randint(30, 90)), 0)]))
        blocks.append(ts.fields([("检查地点：", c.party_addr, 0)]))
        blocks.append(ts.fields([("被检查人：", f.party, 0)]))
        blocks.append(ts.fields([("身份证号码：" if c.is_person else "统一社会信用代码：", c.party_id, 0)]))
        if not c.is_person:
            blocks.append(
                ts.fields(
                    [
                        (f"{c.head_title}：", c.head.name, 100),
                        ("现场负责人：", c.agent.name, 100),
                        ("电话：", c.agent.phone, 0),
                    ]
                )
            )
        blocks.append(
            ts.fields([("检查人员：", self.officers_text(), 150), ("执法证号：", self.certs_text(), 0)])
        )
        blocks.append(
            ts.fields(
                [
                    ("记录人：", self.officer(1) or self.officer(0), 110),
                    ("见证人：", rng.choice(("", person_name(rng))), 0),
                ]
            )
        )
        blocks.append(Block(6, []))
        flow.add(blocks)
        flow.add(
            ts.para(
                f"执法人员{self.officers_text()}向被检查人出示了执法证件，表明身份，告知其依法享有陈述、申辩和申请回避"
                f"的权利以及配合检查、如实提供有关材料的义务。被检查人{c.agent.name}表示听清楚了，不申请回避。"
                "执法人员使用执法记录仪对检查过程全程记录。"
            )
        )
        flow.add(ts.para("现场检查情况如下：", indent=2))
        area = rng.randint(30, 900)
        points = [
            f"当事人经营场所位于{c.party_addr}，营业面积约{area}平方米，检查时正在营业，"
            f"现场有{rng.randint(1, 8)}名工作人员。",
            f"现场发现当事人存在{self.cause}的情况，涉案物品摆放于"
            f"{rng.choice(('货架显眼位置', '店内仓库', '收银台旁', '门口摊位', '后厨操作间'))}，"
            f"经清点共{c.quantity}{c.unit}。",
            rng.choice(
                (
                    "现场负责人未能提供涉案物品的合法来源证明。",
                    "当事人现场未能提供完整的进货台账和票据。",
                    "当事人现场提供了部分进货单据，执法人员已复印留存。",
                )
            ),
            f"执法人员对现场情况进行了拍照取证，共拍摄照片{c.photos}张，并提取了相关票据复印件。",
        ]
        if rng.random() < 0.5:
            points.insert(
                2,
                rng.choice(
                    (
                        "现场未见相关许可证件公示。",
                        "现场相关制度未上墙，台账记录不全。",
                        "现场有顾客正在消费。",
                    )
                ),
            )
        for i, point in enumerate(points, 1):
            flow.add(ts.para(f"{i}．{point}", indent=2))
        flow.add(ts.para("以上情况，经被检查人核对无误。", indent=2))
        flow.add([Block(10, [])])
        sign = Block(
            30,
            [
                ("t", LEFT, 20, "被检查人签名：", SMALL, "n"),
                ("t", LEFT + 76, 20, c.agent.name, 13.0, "s"),
                ("t", LEFT + 230, 20, "检查人员签名：", SMALL, "n"),
                ("t", LEFT + 306, 20, "\u2002".join(f.officers[:2]), 13.0, "s"),
            ],
            keep=True,
        )
        flow.add([sign, ts.line(f"{c.inspected_on:%Y.%m.%d}", size=13.0, style="s", align="right")])
        self._number_pages(flow.pages, "现场检查笔录")
        return Doc("现场检查笔录", "", c.inspected_on, flow.pages)

    # ----------------------------------------------------------------------- 证据材料

    def photos(self, rng: random.Random, count: int) -> Doc:
        c, ts = self.cast, self.ts
        subjects = [
            "当事人经营场所外景",
            "经营场所内景",
            "涉案物品陈列情况",
            "涉案物品标签特写",
            "营业执照悬挂情况",
            "现场检查时当事人在场情况",
            "涉案物品清点情况",
            "仓库存放情况",
            "进货单据",
            "执法人员现场检查情况",
            "现场张贴的价目表",
            "涉案物品外包装",
            "收银台及收款码",
            "整改后现场情况",
        ]
        pages = []
        n = rng.randint(1, 6)
        for _ in range(count):
            ops: list[Op] = []
            ops += placed(ts.line("证据材料（照片）", size=16.0, lead=32, align="center", style="b"), TOP - 6)
            y = TOP + 38
            for _slot in range(2):
                h = 228.0
                ops.append(("r", LEFT + 20, y, RIGHT - 20, y + h, (0.55,) * 3, (0.82,) * 3, 0.8))
                horizon = y + h * rng.uniform(0.45, 0.7)
                ops.append(("r", LEFT + 20, horizon, RIGHT - 20, y + h, None, (0.72, 0.72, 0.72), 0))
                bx = rng.uniform(LEFT + 50, RIGHT - 200)
                ops.append(("r", bx, y + h * 0.22, bx + rng.uniform(80, 160), horizon, None, (0.64,) * 3, 0))
                ops.append(("t", (LEFT + RIGHT) / 2 - 18, y + 24, "（照片）", 9.0, "g"))
                day = c.inspected_on if rng.random() < 0.8 else self.f.filed_on
                h1, m1 = clock_time(rng)
                ops.append(("t", LEFT + 20, y + h + 18, f"照片{n}：{rng.choice(subjects)}", SMALL, "n"))
                ops.append(
                    (
                        "t",
                        LEFT + 20,
                        y + h + 36,
                        f"拍摄时间：{written_date(day)} {h1}:{m1:02d}\u3000"
                        f"拍摄人：{self.officer(n % 2) or self.officer(0)}",
                        9.0,
                        "n",
                    )
                )
                n += 1
                y += h + 58
            ops.append(("t", LEFT + 20, BOTTOM + 10, "当事人（见证人）确认：", SMALL, "n"))
            ops.append(("t", LEFT + 140, BOTTOM + 10, c.agent.name, 13.0, "s"))
            ops.append(("t", RIGHT - 90, BOTTOM + 10, f"{c.inspected_on:%Y.%m.%d}", 12.0, "s"))
            pages.append(ops)
        self._number_pages(pages, "证据材料")
        return Doc("证据材料（照片）", "", c.inspected_on, pages)

    def papers(self, rng: random.Random, count: int) -> Doc:
        c, ts = self.cast, self.ts
        kinds = (
            ["居民身份证"] if c.is_person else ["营业执照（副本）", "授权委托书", "法定代表人身份证明"]
        ) + ["进货单据", "销售台账", "房屋租赁合同", "收款记录截图", "送货单", "检验报告"]
        chosen = rng.sample(kinds, min(count, len(kinds)))
        pages = []
        for i in range(count):
            kind = chosen[i % len(chosen)]
            ops: list[Op] = []
            ops += placed(ts.line("证据材料（书证）", size=16.0, lead=32, align="center", style="b"), TOP - 6)
            top, bottom = TOP + 50, BOTTOM - 120
            ops.append(("r", LEFT + 30, top, RIGHT - 30, bottom, (0.5, 0.5, 0.5), (0.96, 0.96, 0.96), 0.8))
            ops += placed(ts.line(f"{kind}复印件", size=15.0, lead=30, align="center", style="g"), top + 26)
            y = top + 80
            while y < bottom - 40:
                width = rng.uniform(0.45, 1.0) * (WIDTH - 120)
                ops.append(("r", LEFT + 60, y, LEFT + 60 + width, y + 6, None, (0.84, 0.84, 0.84), 0))
                y += rng.choice((16, 16, 16, 28))
            ops.append(("t", LEFT + 30, bottom + 28, "此复印件与原件核对无误。", BODY, "n"))
            ops.append(("t", LEFT + 30, bottom + 56, "提供人签名：", BODY, "n"))
            ops.append(("t", LEFT + 106, bottom + 56, c.agent.name, 14.0, "s"))
            ops.append(("t", LEFT + 230, bottom + 56, "核对人：", BODY, "n"))
            ops.append(("t", LEFT + 280, bottom + 56, self.officer(0), 14.0, "s"))
            ops.append(("t", RIGHT - 90, bottom + 56, f"{self.f.filed_on:%Y.%m.%d}", 12.0, "s"))
            pages.append(ops)
        self._number_pages(pages, "证据材料")
        title = "证据材料（书证）：" + "、".join(dict.fromkeys(chosen))
        return Doc(title if len(title) <= 26 else title[:24] + "等", "", self.f.filed_on, pages)
