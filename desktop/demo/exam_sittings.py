"""The demo county's two exam sittings, through the exam services as the training officer
(陈培训, ``peixun``) would run them:

- the qualification exam (执法资格考试) taken on paper: generated from its blueprint with a seed
  for 24 officers (papers, answer sheet and keys written to a folder), the answer sheets filled
  in as candidates of seeded abilities would, then graded through the grading service;
- a refresher test (复训测试) taken on screen and half taken: of 12 candidates, four submitted,
  four still answering (about half their questions saved, one flagged), four not yet started.

Idempotent: a sitting of the same name is left as it is. Seeded (``DEMO_SEED``)."""

from __future__ import annotations

import json
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.core.security import Actor, Role
from desktop.demo.seed import DEMO_SEED
from desktop.exam import onscreen, rules
from desktop.exam.blueprints import parse_blueprint
from desktop.exam.dto import ItemResult
from desktop.exam.grading import grade, results
from desktop.exam.sittings import generate, list_sittings
from desktop.io.xlsx import write_workbook
from desktop.models import User
from desktop.models.db import Store
from desktop.personnel.service import list_officers

TRAINER = "peixun"
QUALIFICATION = {
    "name": "2026年示范县行政执法资格考试（公共法律知识）",
    "minutes": 90,
    "pass_mark": 60,
    "shuffle_questions": True,
    "shuffle_options": True,
    "sections": [
        {
            "type": "单选题",
            "count": 40,
            "points": 1,
            "categories": ["行政处罚法", "行政强制法", "行政许可法"],
            "difficulty": {"易": 10, "中": 20, "难": 10},
        },
        {"type": "多选题", "count": 20, "points": 2, "partial_credit": 0.5},
        {"type": "判断题", "count": 20, "points": 1},
    ],
}
REFRESHER = {
    "name": "2026年度执法人员法律知识复训测试（机考）",
    "minutes": 60,
    "pass_mark": 60,
    "sections": [
        {"type": "单选题", "count": 10, "points": 3, "difficulty": {"易": 3, "中": 5, "难": 2}},
        {"type": "多选题", "count": 5, "points": 4, "partial_credit": 0.5},
        {
            "type": "判断题",
            "count": 25,
            "points": 2,
            "categories": ["行政执法证件管理", "行政执法三项制度", "行政复议法", "行政处罚法"],
        },
    ],
}
PAPER_CANDIDATES, SCREEN_CANDIDATES = 24, 12


@dataclass(frozen=True)
class SittingsAdded:
    sittings: int
    graded: int
    submitted: int


def _trainer(store: Store, fallback: Actor) -> Actor:
    with store.reading() as session:
        user = session.execute(select(User).where(User.name == TRAINER)).scalar()
        if user is None:
            return fallback
        return Actor(user.id, user.name, user.display_name, Role(user.role), user.agency_id, None)


def _answer(item: ItemResult, ability: float, rng: random.Random) -> str | None:
    """What a candidate of this ability writes for a question (printed letters or 正确/错误)."""
    roll = rng.random()
    if roll < 0.03:
        return None
    if roll < ability:
        return item.key
    if item.type == rules.JUDGE:
        return rules.FALSE if item.key == rules.TRUE else rules.TRUE
    options = 4 if item.type == rules.SINGLE else max(4, len(item.key) + 1)
    letters = rules.LETTERS[:options]
    if item.type == rules.MULTI and len(item.key) > 1 and rng.random() < 0.5:
        return item.key[: len(item.key) - 1]  # a subset: partial credit
    wrong = [ch for ch in letters if ch not in item.key] or list(letters)
    return (
        rng.choice(wrong)
        if item.type == rules.SINGLE
        else "".join(sorted({*item.key[:1], rng.choice(wrong)}))
    )


def _candidates(
    store: Store, actor: Actor, path: Path, rng: random.Random, skip: set[str], n: int
) -> list[str]:
    officers = [o for o in list_officers(store, actor, reveal_ids=True).items if o.id_number not in skip]
    chosen = rng.sample(officers, min(n, len(officers)))
    write_workbook(
        path,
        "考生名单",
        ["姓名", "身份证号", "执法主体"],
        [[o.name, o.id_number, o.agency_name] for o in chosen],
    )
    return [o.id_number for o in chosen]


def add_demo_sittings(store: Store, actor: Actor, folder: Path) -> SittingsAdded:
    """Add the two sittings the store does not hold yet; ``folder`` receives the paper sitting's
    files (PDF papers, the empty answer sheet, the keys) and the filled answer sheets."""
    trainer = _trainer(store, actor)
    have = {s.name for s in list_sittings(store, trainer)}
    rng = random.Random(f"{DEMO_SEED}-exam-sittings")
    added = graded = submitted = 0
    used: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="demo-exam-") as tmp:
        if QUALIFICATION["name"] not in have:
            target = folder / "qualification"
            roster = Path(tmp) / "qualification.xlsx"
            used.update(_candidates(store, actor, roster, rng, used, PAPER_CANDIDATES))
            bp = parse_blueprint(json.loads(json.dumps(QUALIFICATION)))
            sitting = generate(store, trainer, bp, f"{DEMO_SEED}-qualification", roster, target)
            sheet = target / "answers-filled.xlsx"
            papers = results(store, trainer, sitting.id, with_items=True)
            longest = max(len(p.items) for p in papers)
            rows = []
            for paper in papers:
                ability = rng.uniform(0.45, 0.95)
                rows.append([paper.paper_no, *(_answer(i, ability, rng) for i in paper.items)])
            write_workbook(sheet, "答题卡", ["试卷号", *(str(n) for n in range(1, longest + 1))], rows)
            graded += len(grade(store, trainer, sitting.id, sheet))
            added += 1
        if REFRESHER["name"] not in have:
            roster = Path(tmp) / "refresher.xlsx"
            ids = _candidates(store, actor, roster, rng, used, SCREEN_CANDIDATES)
            bp = parse_blueprint(json.loads(json.dumps(REFRESHER)))
            sitting = generate(store, trainer, bp, f"{DEMO_SEED}-refresher", roster, None)
            code = onscreen.sitting_code(store, trainer, sitting.id)
            papers = results(store, trainer, sitting.id, with_items=True)  # in the roster's order
            for n, (id_number, paper) in enumerate(zip(ids, papers, strict=True)):
                stage = n * 3 // len(ids)  # 0 submitted, 1 answering, 2 not started
                if stage == 2:
                    continue
                onscreen.open_paper(store, id_number, code)
                ability = rng.uniform(0.5, 0.95)
                items = paper.items
                upto = len(items) if stage == 0 else len(items) // 2 + rng.randrange(-3, 4)
                for item in items[:upto]:
                    given = _answer(item, ability, rng)
                    flagged = True if stage == 1 and item.position == 3 else None
                    if given is not None or flagged:
                        onscreen.save_answer(store, id_number, code, item.position, given, flagged=flagged)
                if stage == 0:
                    onscreen.submit(store, id_number, code)
                    submitted += 1
            added += 1
    return SittingsAdded(added, graded, submitted)
