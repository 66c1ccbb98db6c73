"""A campaign's results as an Excel workbook (评查结果): sheets 案卷, 扣分, 单位, 复核, and the same
workbook limited to one agency for its feedback package."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.security import Actor, Permission, require
from desktop.io.xlsx import write_sheets
from desktop.models import Scoring
from desktop.models.db import Store
from desktop.review.dto import FileRow, RecheckRow
from desktop.review.files import rulings
from desktop.review.rechecks import entry_text, list_rechecks, ruled_text, taken_text
from desktop.review.results import agency_results, campaign_results
from desktop.review.rubrics import rubrics_by_id
from desktop.review.scoring import format_points

FILE_HEADERS = (
    "序号",
    "执法主体",
    "案号",
    "案件类别",
    "案由",
    "当事人",
    "结案日期",
    "卷宗",
    "评查人",
    "各评查人得分",
    "最终得分",
    "等次",
    "否决项",
    "复核",
)
DEDUCTION_HEADERS = ("执法主体", "案号", "评查人", "编号", "评查项目", "扣分情况", "扣分", "说明", "复核结果")
AGENCY_HEADERS = ("执法主体", "抽取案卷", "已评", "平均分", "合格率(%)", "优秀率(%)", "等次分布")
RECHECK_HEADERS = (
    "案号",
    "执法主体",
    "申请人",
    "申请时间",
    "复核人",
    "状态",
    "编号",
    "扣分项",
    "原评查人",
    "原扣分",
    "申请理由",
    "复核结论",
    "改为",
    "复核理由",
)
STATE_TITLES = {"requested": "已申请", "assigned": "复核中", "decided": "已复核"}
DECISION_TITLES = {"upheld": "维持", "changed": "变更"}


def export_results(
    store: Store, actor: Actor, campaign_id: int, path: str | Path, agency_id: int | None = None
) -> int:
    """Write the workbook; ``agency_id`` limits it to one agency (its feedback). Returns the files written."""
    require(actor, Permission.VIEW_REVIEWS)
    results = campaign_results(store, actor, campaign_id)
    files = [f for f in results.files if agency_id is None or f.agency_id == agency_id]
    rechecks = [
        r for r in list_rechecks(store, actor, campaign_id) if agency_id is None or r.agency_id == agency_id
    ]
    with store.reading() as session:
        deductions = list(_deduction_rows(session, files))
    agencies = agency_results(files, results.bands)
    write_sheets(
        path,
        [
            ("案卷", FILE_HEADERS, _file_rows(files)),
            ("扣分", DEDUCTION_HEADERS, deductions),
            (
                "单位",
                AGENCY_HEADERS,
                (
                    [
                        a.agency,
                        a.files,
                        a.scored,
                        a.average,
                        a.pass_rate,
                        a.excellent_rate,
                        "、".join(f"{g} {n}" for g, n in a.grades),
                    ]
                    for a in agencies
                ),
            ),
            ("复核", RECHECK_HEADERS, _recheck_rows(rechecks)),
        ],
    )
    return len(files)


def _file_rows(files: Sequence[FileRow]) -> Iterator[list[Any]]:
    for n, f in enumerate(files, start=1):
        sheets = "；".join(
            f"{s.reviewer} {format_points(s.total)}" if s.total is not None else f"{s.reviewer} —"
            for s in f.sheets
        )
        final = f.final
        yield [
            n,
            f.agency,
            f.case_no,
            f.category,
            f.cause,
            f.party,
            f.closed_on,
            "纸质" if f.paper else "电子",
            "、".join(f.reviewers),
            sheets,
            None if final is None else final.total,
            None if final is None else final.grade,
            None if final is None else "、".join(final.vetoes) or None,
            STATE_TITLES.get(f.recheck or "", None),
        ]


def _deduction_rows(session: Session, files: Sequence[FileRow]) -> Iterator[list[Any]]:
    rubrics = rubrics_by_id(session, (f.rubric_id for f in files))
    final = [f for f in files if f.final is not None]
    ids = [f.id for f in final]
    scorings: list[Scoring] = []
    for start in range(0, len(ids), 2000):
        scorings += (
            session.execute(
                select(Scoring)
                .where(Scoring.file_id.in_(ids[start : start + 2000]))
                .order_by(Scoring.file_id, Scoring.slot)
            )
            .scalars()
            .all()
        )
    by_file = {f.id: f for f in final}
    changed = rulings(session, [e.id for s in scorings for e in s.entries])
    for s in scorings:
        f = by_file[s.file_id]
        rubric = rubrics[f.rubric_id]
        for e in s.entries:
            ruling = changed.get(e.id)
            after = ruled_text(rubric, e, ruling) if ruling is not None else None
            found = rubric.deduction(e.code)
            yield [
                f.agency,
                f.case_no,
                s.reviewer,
                e.code,
                found[0].title if found else "否决项",
                entry_text(rubric, e.code),
                taken_text(rubric, e.code, e.count, e.points),
                e.note or None,
                f"变更为 {after}" if after else None,
            ]


def _recheck_rows(rechecks: Sequence[RecheckRow]) -> Iterator[list[Any]]:
    for r in rechecks:
        for i in r.items:
            yield [
                r.case_no,
                r.agency,
                r.requested_by,
                r.requested_at[:16].replace("T", " "),
                r.reviewer,
                STATE_TITLES[r.state],
                i.code,
                i.text,
                i.reviewer,
                i.taken,
                i.reason,
                DECISION_TITLES.get(i.decision or "", None),
                i.ruled,
                i.decision_reason,
            ]
