"""The demo's two sittings: the qualification exam graded on paper (papers, keys and the filled
answer sheets on disk; every candidate graded) and the on-screen refresher half taken (some
submitted, some answering, some not started); a second run adds nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.core.security import Actor
from desktop.demo.exam import add_demo_bank
from desktop.demo.exam_sittings import (
    PAPER_CANDIDATES,
    QUALIFICATION,
    REFRESHER,
    SCREEN_CANDIDATES,
    add_demo_sittings,
)
from desktop.demo.personnel import add_demo_people
from desktop.exam.analysis import analysis
from desktop.exam.grading import results
from desktop.exam.onscreen import proctor_rows
from desktop.exam.sittings import list_sittings
from desktop.models.db import Store


def test_the_demo_sittings(store: Store, admin: Actor, tmp_path: Path) -> None:
    add_demo_people(store, admin, date(2026, 12, 7))
    add_demo_bank(store, admin)
    added = add_demo_sittings(store, admin, tmp_path)
    assert added.sittings == 2 and added.graded == PAPER_CANDIDATES and added.submitted == 4
    sittings = {s.name: s for s in list_sittings(store, admin)}
    paper = sittings[QUALIFICATION["name"]]
    assert paper.graded == PAPER_CANDIDATES and 0 < paper.passed < PAPER_CANDIDATES
    assert len(list((tmp_path / "qualification" / "papers").glob("*.pdf"))) == PAPER_CANDIDATES
    assert (tmp_path / "qualification" / "keys.xlsx").exists()
    scores = [r.score for r in results(store, admin, paper.id)]
    assert all(s is not None for s in scores) and len(set(scores)) > 5
    report = analysis(store, admin, paper.id)
    assert report.graded == PAPER_CANDIDATES and report.forms == PAPER_CANDIDATES
    assert report.paper_alpha is not None and report.paper_sem is not None
    screen = sittings[REFRESHER["name"]]
    rows = proctor_rows(store, admin, screen.id)
    assert len(rows) == SCREEN_CANDIDATES
    states = sorted(r.state for r in rows)
    assert len(set(states)) == 3, states  # submitted, answering, not started
    assert screen.graded == 4
    again = add_demo_sittings(store, admin, tmp_path)
    assert again.sittings == 0 and len(list_sittings(store, admin)) == 2
