"""The agency's letters in a demo dossier: 行政处罚事先告知书 (notice of the intended penalty)
and 行政处罚决定书 (the decision), on letterhead, sealed once dated."""

from __future__ import annotations

from datetime import date

from desktop.demo.dossier.details import phone_number
from desktop.demo.dossier.writer import Doc, DocumentWriter
from desktop.io.pdf.layout import LEFT, RED, RIGHT, WIDTH, Block, Flow, Op, written_date


class LetterWriter(DocumentWriter):
    """Writes the notice and the decision: letterhead, party, reasons, penalties, remedies, seal."""

    # ----------------------------------------------------------------------- 告知书 and 决定书

    def _letterhead(self, title: str, number: str) -> list[Block]:
        ts = self.ts
        size = ts.fit(self.f.agency, 22.0, WIDTH)
        head = ts.line(self.f.agency, size=size, lead=40, align="center", style="rb")
        rule = Block(12, [("r", LEFT, 4, RIGHT, 5.6, None, RED, 0)])
        return [
            head,
            rule,
            ts.line(title, size=22.0, lead=44, align="center", style="b"),
            ts.line(number, align="right", lead=30),
            Block(6, []),
        ]

    def _party_lines(self) -> list[Block]:
        f, c, ts = self.f, self.cast, self.ts
        if c.is_person:
            text = [
                f"当事人：{f.party}",
                f"性别：{'男' if c.head.male else '女'}\u3000\u3000身份证号码：{c.party_id}",
                f"住址：{c.party_addr}",
            ]
        else:
            text = [
                f"当事人：{f.party}",
                f"统一社会信用代码：{c.party_id}",
                f"住所：{c.party_addr}",
                f"{c.head_title}：{c.head.name}",
            ]
        return [b for line in text for b in ts.para(line, indent=0)]

    def _seal_block(self, day: date | None) -> list[Block]:
        ts = self.ts
        agency = self.f.agency
        size = 14.0
        w = ts.width(agency, size)
        x = RIGHT - 24 - w
        date_text = written_date(day)
        dw = ts.width(date_text, size)
        ops: list[Op] = [("t", x, 30, agency, size, "n"), ("t", x + (w - dw) / 2, 58, date_text, size, "n")]
        if day:
            ops.append(("seal", x + w / 2, 38, 54.0, agency))
        return [Block(18, [], keep=True), Block(86, ops)]

    @staticmethod
    def _tail(blocks: list[Block]) -> list[Block]:
        """A paragraph whose last two lines stay on the page of what follows (the seal)."""
        for block in blocks[-2:]:
            block.keep = True
        return blocks

    def notice(self) -> Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("notice")
        number = f.case_no.replace("罚", "罚告", 1) if "罚" in f.case_no else f"{f.case_no}（告）"
        flow = Flow()
        flow.add(self._letterhead("行政处罚事先告知书", number))
        flow.add(ts.para(f"{f.party}：", indent=0))
        you = "你" if c.is_person else "你单位"
        flow.add(
            ts.para(
                f"本机关于{written_date(f.filed_on)}对{you}涉嫌{self.cause}一案立案调查。经查，{you}自{c.since[0]}年{c.since[1]}月起"
                f"存在{self.cause}的行为，涉案数量约{c.quantity}{c.unit}，违法经营额{c.revenue}元。"
                f"{you}的上述行为违反了{self.law()}的规定。"
            )
        )
        flow.add(ts.para(f"依据{self.basis()}的规定，本机关拟对{you}作出如下行政处罚："))
        for i, item in enumerate(self.penalties(), 1):
            flow.add(ts.para(f"{i}．{item}；" if i < len(self.penalties()) else f"{i}．{item}。"))
        rights = "陈述、申辩和要求听证" if c.hearing else "陈述、申辩"
        articles = "第四十四条、第四十五条、第六十三条、第六十四条" if c.hearing else "第四十四条、第四十五条"
        flow.add(
            ts.para(
                f"根据《中华人民共和国行政处罚法》{articles}的规定，{you}享有{rights}的权利。{you}如对上述拟作出的"
                f"行政处罚有异议，可以在收到本告知书之日起五个工作日内向本机关提出{rights.replace('和要求', '或者要求')}；"
                f"逾期未提出的，视为放弃上述权利。"
            )
        )
        contact = f"联系人：{self.officer(0)}\u3000\u3000联系电话：{phone_number(rng)}"
        flow.add(self._tail(ts.para(contact)) + self._seal_block(c.notice_on))

        self._number_pages(flow.pages, "告知书")
        return Doc("行政处罚事先告知书", number, c.notice_on, flow.pages)

    def decision(self) -> Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("decision")
        flow = Flow()
        title = "行政处罚决定书"
        flow.add(self._letterhead(title, f.case_no))
        flow.add(self._party_lines())
        flow.add([Block(6, [])])
        you = "当事人"
        flow.add(
            ts.para(
                f"{written_date(c.inspected_on)}，本机关执法人员在{self._source_clause(rng)}发现{you}涉嫌{self.cause}，"
                f"经本机关负责人批准，于{written_date(f.filed_on)}立案调查。本案现已调查终结。"
            )
        )
        flow.add(
            ts.para(
                f"经查，{you}自{c.since[0]}年{c.since[1]}月起至{written_date(c.inspected_on)}被查获时止，存在{self.cause}的行为。"
                f"{written_date(c.inspected_on)}，本机关执法人员对{you}位于{c.party_addr}的经营场所进行检查，"
                f"现场发现涉案物品共计{c.quantity}{c.unit}。经调查，{you}违法经营额为{c.revenue}元，"
                f"违法所得{c.profit}元。"
            )
        )
        flow.add(ts.para("上述事实，主要有以下证据证明："))
        subject = "当事人居民身份证复印件" if c.is_person else f"{you}营业执照复印件、{c.head_title}身份证明"
        evidence = [
            f"{subject}，证明{you}的主体资格；",
            f"{written_date(c.inspected_on)}现场检查笔录及现场照片{c.photos}张，证明{you}违法行为的现场情况；",
            f"{you}{'' if c.is_person else c.head_title if c.agent is c.head else '委托代理人'}"
            f"及有关人员的询问笔录，证明{you}{self.cause}的事实及持续时间；",
            f"进货单据、销售记录等复印件，证明{you}的违法经营额和违法所得；",
        ]
        if rng.random() < 0.6:
            evidence.append("执法记录仪视听资料，证明本机关执法程序合法。")
        evidence[-1] = evidence[-1][:-1] + "。"
        for i, item in enumerate(evidence, 1):
            flow.add(ts.para(f"{i}．{item}"))
        if c.notice_on:
            rights = "陈述、申辩和要求听证" if c.hearing else "陈述、申辩"
            said = (
                f"{you}在法定期限内未提出陈述、申辩意见{'，也未要求听证' if c.hearing else ''}。"
                if not c.statement
                else f"{you}在法定期限内提出了陈述、申辩意见，称其{rng.choice(('系初次违法', '经营困难', '已经积极整改'))}，"
                "请求从轻处罚。经复核，本机关已在裁量时予以考虑。"
            )
            flow.add(
                ts.para(
                    f"本机关于{written_date(c.notice_on)}向{you}送达了《行政处罚事先告知书》，告知{you}拟作出行政处罚的"
                    f"事实、理由、依据及处罚内容，并告知{you}依法享有{rights}的权利。{said}"
                )
            )
        flow.add(
            ts.para(
                f"本机关认为，{you}{self.cause}的行为，违反了{self.law()}的规定。依据{self.basis()}的规定，"
                f"鉴于{you}{c.mitigation}，本机关决定对{you}作出如下行政处罚："
            )
        )
        items = self.penalties()
        for i, item in enumerate(items, 1):
            flow.add(ts.para(f"{i}．{item}{'；' if i < len(items) else '。'}"))
        if self.fined():
            flow.add(
                ts.para(
                    f"{you}应当自收到本决定书之日起十五日内，持本决定书到指定银行或者通过电子支付系统缴纳罚没款。"
                    "逾期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额，"
                    "并依法申请人民法院强制执行。"
                )
            )
        else:
            flow.add(
                ts.para(
                    f"{you}应当自收到本决定书之日起履行上述处罚决定，并立即改正违法行为。逾期不履行的，"
                    "本机关将依法申请人民法院强制执行。"
                )
            )
        court = f"{c.county}人民法院"
        remedy = (
            f"{you}如不服本处罚决定，可以在收到本决定书之日起六十日内向{c.county}人民政府申请行政复议，"
            f"也可以在六个月内依法向{court}提起行政诉讼。申请行政复议或者提起行政诉讼的，"
            "行政处罚不停止执行，法律另有规定的除外。"
        )
        flow.add(self._tail(ts.para(remedy)) + self._seal_block(f.decided_on))
        flow.add([Block(10, [])])
        flow.add(
            ts.para(
                "（本文书一式三份，一份送达当事人，一份归档，一份交罚没款收缴机构。）",
                size=9.0,
                lead=16,
                indent=0,
                style="g",
            )
        )
        self._number_pages(flow.pages, "决定书")
        return Doc(title, f.case_no, f.decided_on, flow.pages)
