"""What the exam services take and return (frozen dataclasses, no Qt, no store rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class QuestionInput:
    """A question as the editor or an import gives it; ``options`` A, B, … in order."""

    type: str
    stem: str
    options: tuple[str, ...]
    answer: str
    category: str
    difficulty: str = "中"
    explanation: str | None = None


@dataclass(frozen=True)
class QuestionOut:
    """A bank question: ``id`` of this version, ``family`` of its first version; ``used`` how many
    papers hold it; ``facility`` the share of the points earned where it was graded."""

    id: int
    family: int
    revision: int
    type: str
    stem: str
    options: tuple[str, ...]
    answer: str
    category: str
    difficulty: str
    explanation: str | None
    active: bool
    retired: bool
    version: int
    used: int = 0
    facility: float | None = None
    updated_at: str = ""
    updated_by: str = ""
    review: tuple[str, ...] = ()
    """Why to look at it again (``bank_review``: ``negative``, ``easy``, ``hard``), from all its
    graded answers."""

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``bank list`` (CLI.md): options letter → text."""
        return {
            "id": self.id,
            "type": self.type,
            "category": self.category,
            "difficulty": self.difficulty,
            "stem": self.stem,
            "options": {chr(65 + i): o for i, o in enumerate(self.options)},
            "answer": self.answer,
            "explanation": self.explanation,
            "revision": self.revision,
            "family": self.family,
            "active": self.active,
            "retired": self.retired,
            "used": self.used,
        }


@dataclass(frozen=True)
class BankImportResult:
    """What a bank import did (CLI.md's import shape)."""

    imported: int
    skipped: int
    warnings: tuple[str, ...] = ()
    updated: int = 0
    """Always 0: a bank question is never changed by an import (a new version is an edit)."""
    fields: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "errors": []}


@dataclass(frozen=True)
class Section:
    """One section of a blueprint (FORMATS.md §7)."""

    type: str
    count: int
    points: float
    categories: tuple[str, ...] = ()
    difficulty: tuple[tuple[str, int], ...] = ()
    partial_credit: float = 0.0


@dataclass(frozen=True)
class Blueprint:
    """An exam blueprint (FORMATS.md §7)."""

    name: str
    minutes: int
    sections: tuple[Section, ...]
    pass_mark: float | None = None
    shuffle_questions: bool = True
    shuffle_options: bool = True
    max_shared: int | None = None
    """At most this many questions shared by any two papers (None: no cap)."""

    @property
    def total_points(self) -> float:
        return float(sum(s.count * s.points for s in self.sections))

    @property
    def question_count(self) -> int:
        return sum(s.count for s in self.sections)

    @property
    def effective_pass_mark(self) -> float:
        """The blueprint's pass mark, else 60 % of the points (REFERENCE §4: 60 of 100)."""
        return self.pass_mark if self.pass_mark is not None else round(self.total_points * 0.6, 2)


@dataclass(frozen=True)
class Shortfall:
    """Where a blueprint asks for more than the bank holds: a section (from 1), its type, the
    difficulty ('' when the section does not fix one), the categories, asked and available."""

    section: int
    type: str
    difficulty: str
    categories: tuple[str, ...]
    wanted: int
    available: int
    by_category: tuple[tuple[str, int], ...] = ()
    """How many questions each category holds at that type and difficulty."""

    @property
    def short(self) -> int:
        return self.wanted - self.available


@dataclass(frozen=True)
class Candidate:
    """A candidate of §8 (``officer_id`` when an officer has the 身份证号)."""

    name: str
    id_number: str
    agency: str | None = None
    officer_id: int | None = None


@dataclass(frozen=True)
class PaperSummary:
    """One generated paper (the JSON of ``exam generate``)."""

    paper_no: str
    id_number: str
    name: str
    questions: int
    points: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "paper_no": self.paper_no,
            "id_number": self.id_number,
            "name": self.name,
            "questions": self.questions,
            "points": number(self.points),
        }


@dataclass(frozen=True)
class SittingOut:
    """A sitting and its papers."""

    id: int
    name: str
    seed: str
    minutes: int
    pass_mark: float
    total_points: float
    created_at: str
    created_by: str
    papers: tuple[PaperSummary, ...] = ()
    graded: int = 0
    passed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"sitting": self.id, "papers": [p.as_dict() for p in self.papers]}


@dataclass(frozen=True)
class ItemResult:
    """One question of a graded paper: printed number, the answer given and the key (as printed),
    the points."""

    position: int
    question_id: int
    type: str
    given: str | None
    key: str
    points: float
    earned: float | None


@dataclass(frozen=True)
class ResultOut:
    """One candidate's result (``score`` None until graded)."""

    paper_no: str
    id_number: str
    name: str
    agency: str | None
    points: float
    score: float | None
    passed: bool | None
    officer_id: int | None = None
    items: tuple[ItemResult, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "paper_no": self.paper_no,
            "id_number": self.id_number,
            "name": self.name,
            "agency": self.agency,
            "points": number(self.points),
            "score": None if self.score is None else number(self.score),
            "passed": self.passed,
        }


def number(value: float) -> float | int:
    """A score as JSON shows it: whole numbers without ``.0``."""
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value
