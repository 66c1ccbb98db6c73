"""A small county for the review tests: three agencies with closed cases (some with a dossier PDF),
a supervisor, reviewers inside and outside the agencies, agency users, the default standards;
a campaign drawn over it and every sheet scored."""

from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pymupdf

from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.security import Actor
from desktop.models import Agency, Case, CaseDocument
from desktop.models.db import Store
from desktop.review import sheets
from desktop.review.campaigns import create_campaign
from desktop.review.dto import CampaignSpec
from desktop.review.rubrics import install_default_rubrics

PASSWORD = "Review-2026"
AGENCIES = ("示范县市场监督管理局", "示范县交通运输局", "示范县生态环境局")


@dataclass
class County:
    store: Store
    admin: Actor
    supervisor: Actor
    reviewers: dict[str, Actor]
    agency_users: dict[str, Actor]
    agency_ids: dict[str, int]
    dossiers: dict[str, Path]
    """案号 → dossier PDF."""

    def actor(self, name: str) -> Actor:
        return authenticate(self.store, name, PASSWORD)


def write_pdf(path: Path, pages: int, title: str) -> Path:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), f"{title} page {n + 1}", fontsize=14)
        page.insert_text((72, 120), "Evidence of the violation and the decision.", fontsize=11)
    doc.save(path)
    doc.close()
    return path


@functools.cache
def _dossier_bytes(pages: int) -> bytes:
    """One small dossier, written once per test run (PyMuPDF's text layout is the slow part)."""
    with tempfile.TemporaryDirectory() as folder:
        return write_pdf(Path(folder) / "d.pdf", pages, "Dossier").read_bytes()


def make_county(
    store: Store, admin: Actor, folder: Path, per_agency: int = 12, dossier_every: int = 3
) -> County:
    """Agencies with ``per_agency`` closed 行政处罚 cases each in 2025 (every ``dossier_every``-th
    with a dossier), two 行政强制 cases each, and one case closed in 2024."""
    dossiers: dict[str, Path] = {}
    with store.unit_of_work() as uow:
        s = uow.session
        ids = {}
        for n, name in enumerate(AGENCIES):
            a = Agency(name=name, short_name=name.replace("示范县", "县"), updated_at="", updated_by="admin")
            s.add(a)
            s.flush()
            ids[name] = a.id
            for k in range(per_agency + 3):
                category = "行政强制" if k >= per_agency + 1 else "行政处罚"
                closed = date(2024, 12, 1) if k == per_agency else date(2025, 1, 10) + timedelta(days=20 * k)
                no = f"{'ABC'[n]}罚〔2025〕{k + 1}号"
                c = Case(
                    agency_id=a.id,
                    case_no=no,
                    category=category,
                    procedure="普通程序" if category == "行政处罚" else None,
                    cause="违法行为",
                    party=f"当事人{n}-{k}",
                    stage="closed",
                    filed_on=closed - timedelta(days=60),
                    decided_on=closed - timedelta(days=20),
                    closed_on=closed,
                    updated_at="",
                    updated_by="admin",
                )
                s.add(c)
                s.flush()
                if k % dossier_every == 0:
                    path = folder / f"d{n}-{k}.pdf"
                    path.write_bytes(_dossier_bytes(5))
                    dossiers[no] = path
                    s.add(CaseDocument(case_id=c.id, kind="dossier", title="卷宗", path=str(path), pages=5))
        uow.commit()
    users = {
        "jiandu": ("supervisor", None),
        "r_market": ("reviewer", AGENCIES[0]),
        "r_transport": ("reviewer", AGENCIES[1]),
        "r_bureau": ("reviewer", None),
        "r_bureau2": ("reviewer", None),
        "u_market": ("agency", AGENCIES[0]),
        "u_transport": ("agency", AGENCIES[1]),
        "trainer": ("trainer", None),
    }
    actors = {}
    for name, (role, agency) in users.items():
        row = create_user(store, admin, UserInput(name, role, name, agency), PASSWORD)
        # the actor a login would give (without hashing the password again: faster tests)
        actors[name] = Actor(row.id, row.name, row.display_name, row.role, row.agency_id, row.agency_name)
    install_default_rubrics(store, admin)
    county = County(store, admin, actors["jiandu"], {}, {}, ids, dossiers)
    county.reviewers = {n: actors[n] for n in ("r_market", "r_transport", "r_bureau", "r_bureau2")}
    county.agency_users = {n: actors[n] for n in ("u_market", "u_transport")}
    return county


def draw(county: County, double: bool = False, per_agency: int = 2):  # type: ignore[no-untyped-def]
    return create_campaign(
        county.store,
        county.supervisor,
        CampaignSpec(
            name="评查",
            seed="s1",
            closed_from=date(2025, 1, 1),
            closed_to=date(2025, 12, 31),
            reviewers=("r_bureau", "r_bureau2") if double else ("r_market", "r_transport", "r_bureau"),
            per_agency=per_agency,
            double=double,
            first_weight=60,
        ),
    )


def score_all(county: County, taken: dict[str, list[tuple[str, int]]] | None = None) -> None:
    """Every reviewer takes the first per-occurrence deduction once (or ``taken[reviewer]``) and submits."""
    per = first_code(county, "per_occurrence")
    for name, actor in county.reviewers.items():
        for task in sheets.my_tasks(county.store, actor):
            sheet = sheets.open_sheet(county.store, actor, task.scoring_id)
            for code, count in (taken or {}).get(name, [(per, 1)]):
                sheet = sheets.take(county.store, actor, task.scoring_id, sheet.version, code, count)
            sheets.submit(county.store, actor, task.scoring_id, sheet.version)


def sheet_version(county: County, actor: Actor, scoring_id: int) -> int:
    """The version of a score sheet as its reviewer is shown it."""
    return sheets.open_sheet(county.store, actor, scoring_id).version


def first_code(county: County, kind: str) -> str:
    from desktop.review.rubrics import get_rubric, list_rubrics

    row = next(r for r in list_rubrics(county.store, county.admin) if "行政处罚" in r.applies_to)
    rubric = get_rubric(county.store, county.admin, row.id)[1]
    return next(d.code for i in rubric.items() for d in i.deductions if d.kind == kind)
