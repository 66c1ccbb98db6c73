"""The demo county (示范县) as a whole: ``load_demo``, the demo's one entry (also importable as
``desktop.demo.load_demo``), puts it into a store, area by area.

1. ``personnel``: the agencies, their officers and one account per role, through the personnel
   and accounts services (one audited unit of work each).
2. ``cases``: the case register (about 5,000 cases) in one unit of work, the way an import adds a
   register (``CaseLookups.resolve`` checks each case, ``entry.insert_case`` adds it,
   ``entry.creation_change`` audits it); then, when asked, the dossier PDFs (``dossiers``).
3. ``review``: the standards and two review campaigns, through the review services as the people
   who would run them.
4. ``exam``: a question bank of about 1,200 questions on 行政处罚法, 行政强制法, 行政许可法,
   行政复议法, the 执法证 rules and the three enforcement systems, through the bank service; then
   (``exam_sittings``) a qualification sitting graded on paper and an on-screen refresher sitting
   half taken, through the exam services as the training officer.
5. ``qualifications``: certificate histories, a year of training and the card key, through the
   personnel services.
6. ``footage``: two docking stations' worth of short generated recordings, imported through the
   footage import and linked to their cases.
7. ``powers``: a catalogue of powers for four fields, 2,000 inspection targets, two 双随机 plans
   (one with its results) and case sources, through the powers services.

Deterministic (``seed.DEMO_SEED``) and idempotent: running it again adds only what is missing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import Cancelled
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.paths import user_data_dir
from desktop.core.security import Actor, Permission, require
from desktop.demo import cases as demo_cases
from desktop.demo.exam import add_demo_bank
from desktop.demo.exam_sittings import add_demo_sittings
from desktop.demo.footage import add_demo_footage
from desktop.demo.personnel import ACCOUNTS, DEMO_PASSWORD, add_demo_people
from desktop.demo.powers import add_demo_powers
from desktop.demo.qualifications import add_demo_qualifications
from desktop.demo.review import add_demo_review
from desktop.demo.seed import DEMO_SEED
from desktop.demo.warnings import add_demo_dispositions
from desktop.devices.custody import evidence_dir as footage_evidence_dir
from desktop.devices.evidence import EvidenceStore
from desktop.models.db import Store


@dataclass(frozen=True)
class DemoSummary:
    """What the demo added (zero everywhere on a second run)."""

    agencies: int
    officers: int
    accounts: int
    cases: int = 0
    dossiers: int = 0
    campaigns: int = 0
    questions: int = 0
    footage: int = 0

    def as_dict(self) -> dict:
        """The JSON shape of ``demo --json``."""
        return {
            "agencies": self.agencies,
            "officers": self.officers,
            "accounts": self.accounts,
            "cases": self.cases,
            "dossiers": self.dossiers,
            "campaigns": self.campaigns,
            "questions": self.questions,
            "footage": self.footage,
            "password": DEMO_PASSWORD if self.accounts else None,
        }

    def lines(self) -> list[str]:
        """What ``demo`` prints."""
        text = translate(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli", "Demo county: {agencies} agencies, {officers} officers and {accounts} accounts added."
            ),
        )
        lines = [
            text.format(agencies=self.agencies, officers=self.officers, accounts=self.accounts),
            translate(
                "cli",
                QT_TRANSLATE_NOOP("cli", "Demo cases: {cases} cases and {dossiers} dossier PDFs added."),
            ).format(cases=self.cases, dossiers=self.dossiers),
            translate("cli", QT_TRANSLATE_NOOP("cli", "Demo review campaigns added: {n}.")).format(
                n=self.campaigns
            ),
            translate("cli", QT_TRANSLATE_NOOP("cli", "Demo bank questions added: {n}.")).format(
                n=self.questions
            ),
            translate("cli", QT_TRANSLATE_NOOP("cli", "Demo footage files imported: {n}.")).format(
                n=self.footage
            ),
        ]
        if self.accounts:
            lines.append(
                translate(
                    "cli", QT_TRANSLATE_NOOP("cli", "Demo accounts {names} have the password {password}.")
                ).format(names=", ".join(a[0] for a in ACCOUNTS), password=DEMO_PASSWORD)
            )
        return lines


def load_demo(
    store: Store,
    actor: Actor,
    *,
    dossier_dir: Path | None = None,
    dossier_limit: int | None = None,
    evidence_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Add the demo county to the store (administrators only; idempotent).

    The agencies, officers and accounts first (each through its service), then the case register
    in one unit of work; then, when ``dossier_dir`` is given, the missing dossier PDFs are written
    there (outside any transaction, ``progress(done, total)`` after each) and recorded in another;
    then the review campaigns and the question bank. ``cancelled`` is asked before the cases, before their commit and
    before each PDF: Cancel before the register's commit adds no case; Cancel during the PDFs
    keeps those written.
    """
    require(actor, Permission.LOAD_DEMO)
    require(actor, Permission.MANAGE_USERS)
    today = store.clock.today()
    people = add_demo_people(store, actor, today)
    if cancelled is not None and cancelled():
        raise Cancelled()
    cases = demo_cases.add_demo_cases(
        store,
        actor,
        {short: agency.id for short, agency in people.by_short_name.items()},
        today,
        rng=random.Random(f"{DEMO_SEED}-cases"),
        cancelled=cancelled,
    )
    dossiers = 0
    if dossier_dir is not None:
        dossiers = demo_cases.add_demo_dossiers(
            store,
            actor,
            dossier_dir,
            progress=progress,
            cancelled=cancelled,
            limit=demo_cases.DOSSIER_COUNT if dossier_limit is None else dossier_limit,
        )
    campaigns = 0
    if cancelled is None or not cancelled():
        feedback_dir = (dossier_dir.parent if dossier_dir is not None else user_data_dir()) / "feedback"
        campaigns = add_demo_review(store, actor, feedback_dir, today).campaigns
        add_demo_dispositions(store, today)
        add_demo_qualifications(store, actor, today)
    questions = add_demo_bank(store, actor) if cancelled is None or not cancelled() else 0
    if cancelled is None or not cancelled():
        add_demo_sittings(
            store, actor, (dossier_dir.parent if dossier_dir is not None else user_data_dir()) / "demo-exam"
        )
    footage = 0
    if cancelled is None or not cancelled():
        stations_dir = (dossier_dir.parent if dossier_dir is not None else user_data_dir()) / "demo-stations"
        evidence = EvidenceStore(footage_evidence_dir(store, evidence_dir))
        footage = add_demo_footage(store, actor, stations_dir, evidence)
        add_demo_powers(store, actor, today, stations_dir.parent / "demo-powers")
    return DemoSummary(
        people.agencies, people.officers, people.accounts, cases, dossiers, campaigns, questions, footage
    )
