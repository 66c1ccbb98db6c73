"""The on-screen sitting with a store and a fake clock: the code and 身份证号 open a paper without
keys, answers are saved as given and survive a reopening with the time that remained, the time
running out refuses answers and the saved ones are graded, a proctor adds time (audited)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.accounts.audit import verify_chain
from desktop.core.clock import FixedClock
from desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop.core.security import Actor, Role
from desktop.exam import rules
from desktop.exam.bank_exchange import import_questions
from desktop.exam.blueprints import load_blueprint
from desktop.exam.onscreen import (
    IN_PROGRESS,
    NOT_OPENED,
    SUBMITTED,
    add_time,
    open_paper,
    proctor_rows,
    save_answer,
    sitting_code,
    submit,
)
from desktop.exam.sittings import generate
from desktop.models.db import Store
from tests.helpers.exam import blueprint, write_bank, write_candidates


@pytest.fixture
def sitting(store: Store, admin: Actor, tmp_path: Path) -> tuple[int, str, list[str]]:
    return make_sitting(store, admin, tmp_path)


def make_sitting(store: Store, admin: Actor, tmp_path: Path) -> tuple[int, str, list[str]]:
    import_questions(store, admin, write_bank(tmp_path / "bank.xlsx", per_cell=4))
    ids = write_candidates(tmp_path / "cand.xlsx", 2)
    s = generate(
        store,
        admin,
        load_blueprint(blueprint(tmp_path / "bp.json", minutes=30)),
        "5",
        tmp_path / "cand.xlsx",
        None,
    )
    return s.id, sitting_code(store, admin, s.id), ids


def test_a_candidate_sits_resumes_and_submits(store: Store, admin: Actor, clock: FixedClock, sitting) -> None:
    sitting_id, code, ids = sitting
    with pytest.raises(NotFound):
        open_paper(store, ids[0], "WRONG1")
    paper = open_paper(store, ids[0], code.lower())
    assert paper.remaining == 30 * 60 and len(paper.questions) == 9 and paper.answers == ()
    assert all(not hasattr(q, "answer") for q in paper.questions)
    first = paper.questions[0]
    save_answer(store, ids[0], code, 1, "a")
    save_answer(store, ids[0], code, 9, "对", flagged=True)
    clock.advance(minutes=10)
    again = open_paper(store, ids[0], code)  # after a crash: every answer, the time that remained
    assert dict(again.answers) == {1: "A", 9: "正确"} and again.flagged == (9,)
    assert again.remaining == 20 * 60 and again.questions[0] == first
    with pytest.raises(ValidationError):
        save_answer(store, ids[0], code, 1, "H")  # the printed paper has A–D only
    rows = {r.paper_no: r for r in proctor_rows(store, admin, sitting_id)}
    assert [r.state for r in rows.values()] == [IN_PROGRESS, NOT_OPENED]
    assert rows[paper.paper_no].answered == 2
    clock.advance(minutes=21)
    with pytest.raises(Conflict):
        save_answer(store, ids[0], code, 2, "B")  # the time is over
    result = submit(store, ids[0], code)
    assert result.paper_no == paper.paper_no and result.points == 12
    with pytest.raises(Conflict):
        open_paper(store, ids[0], code)
    assert proctor_rows(store, admin, sitting_id)[0].state == SUBMITTED
    assert verify_chain(store).ok


def test_a_proctor_adds_time(store: Store, admin: Actor, clock: FixedClock, sitting) -> None:
    sitting_id, code, ids = sitting
    paper = open_paper(store, ids[1], code)
    clock.advance(minutes=29)
    assert add_time(store, admin, sitting_id, paper.paper_no, 5) == 300
    clock.advance(minutes=3)
    assert save_answer(store, ids[1], code, 1, None) == 3 * 60
    reviewer = Actor(9, "r", "r", Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        add_time(store, reviewer, sitting_id, paper.paper_no, 5)


def test_a_full_paper_answered_from_the_screen_scores_full_marks(store: Store, admin: Actor, sitting) -> None:
    from desktop.models import Paper

    _sitting_id, code, ids = sitting
    open_paper(store, ids[0], code)
    with store.reading() as session:
        paper = session.query(Paper).filter_by(id_number=ids[0]).one()
        keys = [
            (i.position, rules.printed_key(i.question.type, i.question.answer, i.option_order))
            for i in paper.items
        ]
    for number, key in keys:
        save_answer(store, ids[0], code, number, key if key in (rules.TRUE, rules.FALSE) else key[::-1])
    result = submit(store, ids[0], code)
    assert (result.score, result.passed) == (12, True)


KILLED = """
import sys, time
from desktop.exam.onscreen import open_paper, save_answer
from desktop.models.db import open_store
store = open_store(sys.argv[1])
open_paper(store, sys.argv[2], sys.argv[3])
for number, answer in ((1, "A"), (2, "B"), (9, "对")):
    save_answer(store, sys.argv[2], sys.argv[3], number, answer)
print("saved", flush=True)
time.sleep(60)
"""


@pytest.mark.sqlite_only
def test_a_killed_workstation_resumes_with_every_saved_answer(
    store_url: str, migrated_store: Store, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys

    from desktop.accounts.service import create_first_admin
    from desktop.models.db import open_store

    admin = create_first_admin(migrated_store, "admin", "Chief-2026", "管理员")
    _sitting_id, code, ids = make_sitting(migrated_store, admin, tmp_path)
    with subprocess.Popen(
        [sys.executable, "-c", KILLED, store_url, ids[0], code], stdout=subprocess.PIPE, text=True
    ) as worker:
        try:
            assert worker.stdout is not None and worker.stdout.readline().strip() == "saved"
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    live = open_store(store_url)  # the workstation's real clock, as the killed one had
    try:
        paper = open_paper(live, ids[0], code)
    finally:
        live.dispose()
    assert dict(paper.answers) == {1: "A", 2: "B", 9: "正确"}
    assert 30 * 60 - 120 < paper.remaining <= 30 * 60
