"""The demo's case-file review (案卷评查): the default standards, a finished campaign (scored with
marks on the dossier pages, feedback sent, one recheck decided, 通报) and an open one being scored
by two reviewers per file. Idempotent: a campaign already there is left alone.

Everything goes through the review services as the people who would do it (the supervisor, the
reviewers, an agency user), so the demo's audit record reads like a real campaign.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pymupdf
from sqlalchemy import select

from desktop.core.errors import ValidationError
from desktop.core.security import Actor, Role
from desktop.models import Campaign, User
from desktop.models.db import Store
from desktop.review import sheets
from desktop.review.campaigns import create_campaign, get_campaign
from desktop.review.dto import CampaignSpec, DrawResult, Sheet
from desktop.review.feedback import close_campaign, send_feedback
from desktop.review.rechecks import Dispute, Ruling, assign_recheck, decide_recheck, request_recheck
from desktop.review.rubric import Rubric
from desktop.review.rubrics import install_default_rubrics

REVIEWERS = ("pingcha", "pingcha2", "pingcha3")
SUPERVISOR = "jiandu"
AGENCY_USER = "danwei"
BUREAU = "示范县司法局"


@dataclass(frozen=True)
class ReviewDemo:
    campaigns: int
    files: int


def add_demo_review(store: Store, actor: Actor, feedback_dir: Path, today: date) -> ReviewDemo:
    """The standards and two campaigns (see the module docstring); returns what was added."""
    install_default_rubrics(store, actor)
    people = _actors(store)
    if SUPERVISOR not in people or not all(r in people for r in REVIEWERS):
        return ReviewDemo(0, 0)
    supervisor = people[SUPERVISOR]
    rng = random.Random(f"demo-review-{today.isoformat()}")
    last_year = today.year - 1
    finished_name = f"{last_year}年度行政处罚案卷评查"
    open_name = f"{today.year}年度行政处罚案卷交叉评查"
    added = files = 0
    with store.reading() as session:
        existing = set(session.execute(select(Campaign.name)).scalars())
    if finished_name not in existing:
        result = _draw(
            store,
            supervisor,
            today - timedelta(days=40),
            CampaignSpec(
                name=finished_name,
                seed=f"{last_year}1215",
                closed_from=date(last_year, 1, 1),
                closed_to=date(last_year, 12, 31),
                reviewers=REVIEWERS,
                per_agency=2,
                require_dossier=True,
            ),
        )
        if result is not None:
            for item in result.items:
                for reviewer in item.reviewers:
                    _score(store, people[reviewer], item.file_id, rng, submit=True)
            _feedback_recheck_and_close(
                store,
                supervisor,
                people,
                result.campaign.id,
                {i.agency for i in result.items},
                feedback_dir,
                today,
            )
            added, files = added + 1, files + len(result.items)
    if open_name not in existing:
        result = _draw(
            store,
            supervisor,
            today - timedelta(days=10),
            CampaignSpec(
                name=open_name,
                seed=f"{today.year}{today.month:02d}01",
                closed_from=date(today.year, 1, 1),
                closed_to=today,
                reviewers=REVIEWERS,
                per_agency=1,
                double=True,
                first_weight=50,
                require_dossier=True,
                exclude_recent=1,
            ),
        )
        if result is not None:
            for n, item in enumerate(result.items):
                for reviewer in item.reviewers:
                    if n % 3:  # a third of the files not started, a third scored but not submitted
                        _score(store, people[reviewer], item.file_id, rng, submit=n % 3 == 1)
            added, files = added + 1, files + len(result.items)
    return ReviewDemo(added, files)


def _actors(store: Store) -> dict[str, Actor]:
    with store.reading() as session:
        users = session.execute(
            select(User).where(User.name.in_([*REVIEWERS, SUPERVISOR, AGENCY_USER]))
        ).scalars()
        return {
            u.name: Actor(
                u.id, u.name, u.display_name, Role(u.role), u.agency_id, u.agency.name if u.agency else None
            )
            for u in users
        }


def _draw(store: Store, supervisor: Actor, on: date, spec: CampaignSpec) -> DrawResult | None:
    """Draw, falling back to paper files when too few dossiers are in scope (a small demo)."""
    for require_dossier in (spec.require_dossier, False):
        try:
            return create_campaign(
                store,
                supervisor,
                CampaignSpec(**{**spec.__dict__, "require_dossier": require_dossier}),
                as_of=on,
            )
        except ValidationError:
            continue
    return None


def _score(store: Store, reviewer: Actor, file_id: int, rng: random.Random, *, submit: bool) -> None:
    """A believable score sheet: a few deductions (about one file in six without any), marks on
    the dossier pages for some of them, now and then a veto."""
    task = next(t for t in sheets.my_tasks(store, reviewer) if t.file_id == file_id)
    sheet = sheets.open_sheet(store, reviewer, task.scoring_id)
    rubric = sheet.rubric
    deductions = [(item, d) for item in rubric.items() for d in item.deductions]
    weights = [3 if item.points <= 4 else 1 for item, _ in deductions]
    chosen = {
        d.code: (item, d)
        for item, d in rng.choices(deductions, weights, k=rng.choice((1, 3, 4, 5, 6, 7, 8, 9, 10, 12)))
    }
    pages = _page_sizes(sheet)
    sid = task.scoring_id
    for code, (_item, d) in chosen.items():
        count = rng.choice((1, 1, 2, 3)) if d.kind == "per_occurrence" else 1
        points = (
            Decimal(rng.randint(int(d.min), int(d.max)))
            if d.kind == "range" and d.min is not None and d.max is not None
            else None
        )
        sheet = sheets.take(store, reviewer, sid, sheet.version, code, count, points, note=_note(rng, d.text))
        if pages and rng.random() < 0.7:
            page = rng.randrange(len(pages))
            width, height = pages[page]
            x0, y0 = rng.uniform(60, width * 0.45), rng.uniform(90, height * 0.7)
            sheet, _mark = sheets.add_mark(
                store,
                reviewer,
                sid,
                sheet.version,
                page,
                (x0, y0, min(width - 40, x0 + rng.uniform(120, 260)), y0 + rng.uniform(24, 90)),
                "rect",
                code=code,
            )
    if rng.random() < 0.06 and rubric.vetoes:
        sheet = sheets.take(store, reviewer, sid, sheet.version, _veto(rubric, rng))
    if submit:
        sheets.submit(store, reviewer, sid, sheet.version)


def _page_sizes(sheet: Sheet) -> list[tuple[float, float]]:
    path = sheet.file.dossier
    if sheet.file.paper or not path or not Path(path).is_file():
        return []
    with pymupdf.open(path) as doc:
        return [(p.rect.width, p.rect.height) for p in doc]


def _veto(rubric: Rubric, rng: random.Random) -> str:
    not_excellent = [v.code for v in rubric.vetoes if v.effect == "not_excellent"]
    return rng.choice(not_excellent or [v.code for v in rubric.vetoes])


NOTES = ("见卷内第{p}页", "见第{p}页", "卷内第{p}页", "")


def _note(rng: random.Random, text: str) -> str:
    return rng.choice(NOTES).format(p=rng.randint(2, 30))


def _feedback_recheck_and_close(
    store: Store,
    supervisor: Actor,
    people: dict[str, Actor],
    campaign_id: int,
    agencies: set[str],
    folder: Path,
    today: date,
) -> None:
    """Feedback to every agency a month ago, one recheck by the demo agency user, decided, then 通报."""
    from desktop.models import Agency
    from desktop.review.results import campaign_results

    sent_on = today - timedelta(days=30)
    with store.reading() as session:
        ids = dict(session.execute(select(Agency.name, Agency.id).where(Agency.name.in_(agencies))).all())
    for name in sorted(agencies):
        send_feedback(
            store,
            supervisor,
            campaign_id,
            ids[name],
            None,
            folder,
            issued_on=sent_on,
            rectify_by=sent_on + timedelta(days=30),
            bureau=BUREAU,
        )
    agency_user = people.get(AGENCY_USER)
    if agency_user is not None:
        files = [f for f in campaign_results(store, agency_user, campaign_id).files if f.final is not None]
        for f in files:
            entries = [
                e
                for s in f.sheets
                for e in sheets.open_sheet(store, supervisor, s.scoring_id).entries
                if not e.veto
            ]
            if not entries:
                continue
            disputed = entries[0]
            asked = request_recheck(
                store,
                agency_user,
                f.id,
                [Dispute(disputed.id, "我单位认为该项扣分依据不足，相关材料见卷内，请予复核。")],
                as_of=sent_on + timedelta(days=2),
            )
            other = next(r for r in REVIEWERS if r not in f.reviewers)
            assigned = assign_recheck(store, supervisor, asked.id, asked.version, other)
            decide_recheck(
                store,
                people[other],
                asked.id,
                assigned.version,
                [
                    Ruling(
                        assigned.items[0].id,
                        "changed",
                        "经复核，卷内材料可以佐证，撤销此项扣分。",
                        new_count=0,
                    )
                ],
            )
            break
    close_campaign(store, supervisor, campaign_id, get_campaign(store, supervisor, campaign_id).version)
