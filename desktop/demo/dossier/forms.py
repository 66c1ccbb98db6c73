"""The ruled forms of a demo dossier: 卷宗封面 (the cover), 卷内目录 (the index with each
document's pages), 立案审批表 (approval to open the case) and 送达回证 (proof of service)."""

from __future__ import annotations

from datetime import timedelta

from desktop.demo.dossier.details import person_name
from desktop.demo.dossier.writer import Doc, DocumentWriter
from desktop.io.pdf.layout import (
    BOTTOM,
    LEFT,
    RIGHT,
    SMALL,
    TOP,
    WIDTH,
    Cell,
    Op,
    placed,
    ruled_table,
    written_date,
)


class FormWriter(DocumentWriter):
    """Writes the dossier's forms, mostly ruled tables on one page each."""

    # ----------------------------------------------------------------------- 卷宗封面

    def cover(self, total: int) -> list[Op]:
        f, c, ts = self.f, self.cast, self.ts
        ops: list[Op] = []
        kind = f.category if f.category in ("行政处罚", "行政强制", "行政检查") else "行政执法"
        size = ts.fit(f.agency, 18.0, WIDTH)
        ops += placed(ts.line(f.agency, size=size, align="center"), 118)
        title = "\u2002".join(f"{kind}案卷")
        ops += placed(ts.line(title, size=30.0, lead=50, align="center", style="b"), 168)
        ops += placed(ts.line("卷宗封面", size=12.0, align="center", style="g"), 222)
        label = 104.0
        value = WIDTH - label

        def row(name: str, text: str) -> list[Cell]:
            return [Cell(name, label, "center", 12.0, min_h=38), Cell(text, value, "left", 12.0, min_h=38)]

        rows = [
            row("案\u3000\u3000号", f.case_no),
            row("案\u3000\u3000由", f.cause),
            row("当 事 人", f.party),
            row("执法主体", f.agency),
            row("案件类别", kind),
            row("承 办 人", "、".join(f.officers) or ""),
            row("立案日期", written_date(f.filed_on)),
            row("决定日期", written_date(f.decided_on) if f.decided_on else ""),
            row("送达日期", written_date(f.served_on) if f.served_on else ""),
            row("卷内页数", f"本卷共 {total} 页"),
            row("保管期限", c.term),
        ]
        table, bottom = ruled_table(ts, rows, 262, lead=19)
        ops += table
        ops.append(("r", LEFT - 14, 92, RIGHT + 14, BOTTOM + 24, (0.2, 0.2, 0.2), None, 1.6))
        y = max(bottom + 40, BOTTOM - 30)
        ops += placed(
            ts.fields(
                [
                    ("全宗号：", c.fonds, 70),
                    ("目录号：", f"{f.filed_on.year}-{kind[2:]}", 80),
                    ("案卷号：", f"{c.volume:03d}", 0),
                ]
            ),
            y,
        )
        return ops

    # ----------------------------------------------------------------------- 卷内目录

    def _index_rows(self) -> int:
        return int((BOTTOM - 150 - 28) // 26)

    def index(self, entries: list[tuple[int, Doc, int, int]], count: int) -> list[list[Op]]:
        ts = self.ts
        widths = (34.0, 180.0, 125.0, 60.0, 52.0)
        per_page = self._index_rows()
        pages = []
        for p in range(count):
            ops: list[Op] = []
            ops += placed(ts.line("卷内目录", size=20.0, lead=40, align="center", style="b"), TOP + 6)
            ops += placed(ts.line(f"案号：{self.f.case_no}", size=SMALL, lead=18), TOP + 56)
            head = [
                Cell(t, w, "center", SMALL)
                for t, w in zip(("序号", "文件名称", "文号", "日期", "页号"), widths, strict=True)
            ]
            rows = [head]
            for n, doc, start, end in entries[p * per_page : (p + 1) * per_page]:
                pages_text = str(start) if start == end else f"{start}-{end}"
                day = f"{doc.day:%Y.%m.%d}" if doc.day else ""
                cells = []
                for text, w, align in (
                    (str(n), widths[0], "center"),
                    (doc.title, widths[1], "left"),
                    (doc.number, widths[2], "center"),
                    (day, widths[3], "center"),
                    (pages_text, widths[4], "center"),
                ):
                    cells.append(Cell(text, w, align, ts.fit(text, SMALL, w - 10), min_h=26))
                rows.append(cells)
            table, _ = ruled_table(ts, rows, TOP + 80, lead=16)
            ops += table
            pages.append(ops)
        self._number_pages(pages, "卷内目录")
        return pages

    # ----------------------------------------------------------------------- 立案审批表

    def register(self) -> Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("lian")
        ops: list[Op] = []
        ops += placed(ts.line(f.agency, size=ts.fit(f.agency, 14.0, WIDTH), align="center"), TOP)
        ops += placed(ts.line("立案审批表", size=20.0, lead=40, align="center", style="b"), TOP + 24)
        ops += placed(ts.line(f"编号：{f.case_no}", size=SMALL, align="right"), TOP + 66)
        lw, vw = 96.0, WIDTH - 96.0

        def row(
            label: str, text: str, min_h: float = 0, foot: list[tuple[str, str]] | None = None
        ) -> list[Cell]:
            return [Cell(label, lw, "center", min_h=min_h), Cell(text, vw, min_h=min_h, foot=foot or [])]

        party = ("姓名：" if c.is_person else "名称：") + f.party
        id_label = "身份证号码：" if c.is_person else "统一社会信用代码："
        who = "" if c.is_person else f"{c.head_title}：{c.head.name}\u3000\u3000"
        facts = (
            f"{written_date(c.inspected_on)}，本机关执法人员{self.officers_text()}在{self._source_clause(rng)}"
            f"对{f.party}位于{c.party_addr}的经营场所进行检查，发现当事人涉嫌{self.cause}。"
            f"{rng.choice(self._scene_findings())}当事人的上述行为涉嫌违反{self.law()}的规定。"
        )
        lead_day = f.filed_on - timedelta(days=rng.choice((0, 0, 1)))
        rows = [
            row("案件来源", c.source),
            row("案\u3000\u3000由", f"涉嫌{self.cause}"),
            [
                Cell("当事人", lw, "center", min_h=80),
                Cell(
                    f"{party}\n{id_label}{c.party_id}\n{who}联系电话：{c.party_phone}\n住所（住址）：{c.party_addr}",
                    vw,
                ),
            ],
            row("简要案情", facts, min_h=120),
            row(
                "承办人意见",
                f"经初步核查，当事人涉嫌{self.cause}，有违法事实，属于本机关管辖，符合立案条件。根据"
                "《中华人民共和国行政处罚法》第五十四条的规定，建议立案调查。",
                96,
                [(f"承办人：{self.officers_text()}", "s"), (written_date(lead_day), "n")],
            ),
            row(
                "承办机构\n审核意见",
                rng.choice(
                    (
                        f"同意立案，由{self.officers_text()}承办。",
                        "同意承办人意见，建议立案调查。",
                        f"情况属实，同意立案，请{self.officer(0) or '承办人'}等抓紧调查取证。",
                    )
                ),
                80,
                [(f"负责人：{c.chief}", "s"), (written_date(lead_day), "n")],
            ),
            row(
                "机关负责人\n审批意见",
                rng.choice(("同意立案。", "同意。", "同意立案调查，依法办理。")),
                80,
                [(f"负责人：{c.director}", "s"), (written_date(f.filed_on), "n")],
            ),
        ]
        table, bottom = ruled_table(ts, rows, TOP + 92)
        ops += table
        ops += placed(ts.line(f"立案日期：{written_date(f.filed_on)}", size=SMALL), bottom + 6)
        return Doc("立案审批表", "", f.filed_on, [ops])

    def _scene_findings(self) -> tuple[str, ...]:
        c = self.cast
        return (
            f"现场负责人{c.agent.name}未能提供相关合法证明材料。",
            "执法人员现场进行了拍照取证，并制作了现场检查笔录。",
            f"经初步清点，涉案数量约{c.quantity}{c.unit}。",
            "现场查见的情况与举报内容基本一致。" if c.source == "投诉举报" else "现场相关台账记录不全。",
        )

    # ----------------------------------------------------------------------- 送达回证

    def service(self) -> Doc:
        f, c, ts = self.f, self.cast, self.ts
        rng = self.rng("service")
        ops: list[Op] = []
        ops += placed(ts.line(f.agency, size=ts.fit(f.agency, 16.0, WIDTH), align="center"), TOP)
        ops += placed(ts.line("送达回证", size=22.0, lead=44, align="center", style="b"), TOP + 26)
        lw, vw = 128.0, WIDTH - 128.0
        how = rng.choice(("直接送达", "直接送达", "直接送达", "邮寄送达", "留置送达"))
        receiver = c.agent.name
        served = f.served_on
        sign = [(receiver if served and how != "留置送达" else "", "s"), (written_date(served), "n")]
        rows = [
            [
                Cell("送达文书名称\n及文号", lw, "center", min_h=54),
                Cell(f"《行政处罚决定书》\n{f.case_no}", vw, min_h=54),
            ],
            [Cell("受送达人", lw, "center", min_h=40), Cell(f.party, vw, min_h=40)],
            [Cell("送达地点", lw, "center", min_h=40), Cell(c.party_addr, vw, min_h=40)],
            [Cell("送达方式", lw, "center", min_h=40), Cell(how, vw, min_h=40)],
            [Cell("受送达人\n签名或者盖章", lw, "center", min_h=92), Cell("", vw, min_h=92, foot=sign)],
            [
                Cell("代收人及\n代收理由", lw, "center", min_h=56),
                Cell(
                    ""
                    if c.is_person or receiver == c.head.name
                    else f"{receiver}，受{c.head_title}委托代为签收",
                    vw,
                    min_h=56,
                ),
            ],
            [
                Cell("送达人", lw, "center", min_h=56),
                Cell(
                    "", vw, min_h=56, foot=[("\u2002".join(f.officers[:2]), "s"), (written_date(served), "n")]
                ),
            ],
            [
                Cell("见证人", lw, "center", min_h=56),
                Cell("", vw, min_h=56, foot=[(person_name(rng), "s")] if how == "留置送达" else []),
            ],
            [
                Cell("备\u3000\u3000注", lw, "center", min_h=70),
                Cell(
                    "受送达人拒绝签收，已将文书留置于受送达人住所，并采用拍照、录像方式记录送达过程。"
                    if how == "留置送达"
                    else (
                        "已通过中国邮政EMS寄出，邮件号："
                        + "".join(rng.choice("0123456789") for _ in range(13))
                        if how == "邮寄送达"
                        else ""
                    ),
                    vw,
                    min_h=70,
                ),
            ],
        ]
        table, bottom = ruled_table(ts, rows, TOP + 84, lead=18)
        ops += table
        ops += placed(ts.line(f"{f.agency}（印章）", size=SMALL, align="right"), bottom + 14)
        return Doc("送达回证", f.case_no, served, [ops])
