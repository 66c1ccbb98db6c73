"""What the review services hand to the window and the command line: frozen, no live rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from desktop.review.rubric import Rubric
from desktop.review.scoring import FinalScore, SheetScore


@dataclass(frozen=True)
class RubricRow:
    """A stored version of a standard."""

    id: int
    code: str
    version: int
    name: str
    applies_to: tuple[str, ...]
    total: Decimal
    is_default: bool
    imported_at: str
    imported_by: str
    used: bool
    """A file was scored under it: it never changes again."""
    sections: int
    deductions: int
    vetoes: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code} v{self.version})"


@dataclass(frozen=True)
class ReviewerRow:
    """An active user whose role may score files, with the agency they must not review."""

    name: str
    display_name: str
    role: str
    agency_id: int | None
    agency: str | None


@dataclass(frozen=True)
class RubricImport:
    """What an import did: ``new`` · ``version`` (a used rubric changed: a new version) ·
    ``updated`` (an unused one replaced) · ``unchanged``."""

    rubric: RubricRow
    outcome: str


@dataclass(frozen=True)
class CampaignSpec:
    """A campaign as the supervisor sets it up (评查活动)."""

    name: str
    seed: str
    closed_from: date
    closed_to: date
    reviewers: tuple[str, ...]
    categories: tuple[str, ...] = ("行政处罚",)
    rubrics: tuple[tuple[str, int], ...] = ()
    """(案件类别, rubric id); a category without one takes the newest standard that applies to it."""
    agency_ids: tuple[int, ...] = ()
    """Empty: every agency."""
    per_agency: int | None = 3
    percent: Decimal | None = None
    exclude_recent: int = 0
    require_dossier: bool = False
    double: bool = False
    first_weight: int = 50
    recheck_days: int = 5


@dataclass(frozen=True)
class DrawnItem:
    file_id: int
    case_id: int
    case_no: str
    agency: str
    reviewers: tuple[str, ...]
    paper: bool
    rank: str


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    state: str
    seed: str
    categories: tuple[str, ...]
    agencies: tuple[str, ...]
    """Names of the agencies in scope; empty: every agency."""
    closed_from: date
    closed_to: date
    per_agency: int | None
    percent: Decimal | None
    exclude_recent: int
    require_dossier: bool
    double: bool
    first_weight: int
    reviewers: tuple[str, ...]
    rubrics: tuple[tuple[str, int, str], ...]
    """(案件类别, rubric id, label)."""
    population_size: int
    population_sha256: str
    drawn_at: str
    drawn_by: str
    drawn_on: date
    recheck_days: int
    files: int
    submitted: int
    """Files whose every score sheet is submitted."""
    version: int
    voided_at: str | None = None
    """When the campaign was voided (作废, UTC), None while it stands."""
    voided_by: str | None = None
    void_reason: str | None = None
    reviewer_names: tuple[str, ...] = ()
    """The reviewers' display names, in the order of ``reviewers`` (login names)."""
    drawn_by_name: str = ""
    voided_by_name: str = ""
    """The display name of ``voided_by`` ("" while the campaign stands)."""

    @property
    def voided(self) -> bool:
        """作废: kept on record, left out of results and statistics."""
        return self.state == "voided"


@dataclass(frozen=True)
class DrawResult:
    campaign: CampaignRow
    items: tuple[DrawnItem, ...]
    eligible: tuple[tuple[str, int], ...]
    """(agency, eligible files) for every agency with any."""


@dataclass(frozen=True)
class DrawPreview:
    """A draw computed and not stored (``preview_draw``): the same seed and register give the same
    files and reviewers as ``create_campaign``."""

    name: str
    seed: str
    items: tuple[DrawnItem, ...]
    """The files as they would be drawn (``file_id`` 0: nothing stored)."""
    eligible: tuple[tuple[str, int], ...]
    """(agency, eligible files) for every agency with any."""
    population_size: int
    population_sha256: str
    similar_names: tuple[str, ...]
    """Existing campaigns whose name is close to this one (a warning, not a refusal)."""

    @property
    def per_agency(self) -> tuple[tuple[str, int, int], ...]:
        """(agency, eligible, drawn), by agency."""
        drawn: dict[str, int] = {}
        for i in self.items:
            drawn[i.agency] = drawn.get(i.agency, 0) + 1
        return tuple((a, n, drawn.get(a, 0)) for a, n in sorted(self.eligible))

    @property
    def loads(self) -> tuple[tuple[str, int], ...]:
        """(reviewer, files), most loaded first."""
        load: dict[str, int] = {}
        for i in self.items:
            for r in i.reviewers:
                load[r] = load.get(r, 0) + 1
        return tuple(sorted(load.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True)
class Reassignment:
    """What ``reassign_reviewer`` did: the sheets given from one reviewer to another."""

    campaign_id: int
    old_reviewer: str
    new_reviewer: str
    case_nos: tuple[str, ...]
    """The files whose sheet moved."""
    with_work: int
    """Sheets moved with deductions, marks or a note already saved (kept on the sheet)."""


@dataclass(frozen=True)
class DrawCheck:
    """``review draw --verify``: the stored draw re-run from the seed."""

    campaign: str
    seed: str
    matches: bool
    """The stored population, ranked again, gives exactly the stored files."""
    population_unchanged: bool
    """The register still yields the same population (same fingerprint)."""
    added: tuple[str, ...]
    removed: tuple[str, ...]
    missing: tuple[str, ...]
    """Keys drawn by the re-run but not stored."""
    extra: tuple[str, ...]
    """Keys stored but not drawn by the re-run."""
    population_sha256: str
    population_size: int


@dataclass(frozen=True)
class SheetState:
    """One score sheet of a file as a list shows it."""

    scoring_id: int
    slot: int
    reviewer: str
    weight: int
    state: str
    total: Decimal | None
    """None while hidden from the asker (the other score of a double scoring not yet submitted)."""
    grade: str | None
    version: int
    """What a change of the sheet made from this list is given back (e.g. ``reopen``)."""
    reviewer_name: str = ""
    """The reviewer's display name (``reviewer`` is the login name)."""


@dataclass(frozen=True)
class FileRow:
    """A drawn file with its sheets and, once every sheet is submitted, its final score."""

    id: int
    campaign_id: int
    campaign: str
    case_id: int
    case_no: str
    agency_id: int
    agency: str
    category: str
    cause: str
    party: str
    closed_on: date | None
    paper: bool
    dossier: str | None
    rubric_id: int
    sheets: tuple[SheetState, ...]
    final: FinalScore | None
    recheck: str | None
    """State of the file's recheck, if any."""

    @property
    def reviewers(self) -> tuple[str, ...]:
        return tuple(s.reviewer for s in self.sheets)

    @property
    def reviewers_shown(self) -> tuple[str, ...]:
        """The reviewers' display names, in slot order."""
        return tuple(s.reviewer_name or s.reviewer for s in self.sheets)


@dataclass(frozen=True)
class Task:
    """A score sheet waiting for (or done by) a reviewer: their work list."""

    scoring_id: int
    file_id: int
    campaign: str
    case_no: str
    agency: str
    cause: str
    paper: bool
    state: str
    total: Decimal | None
    """The running total; None while the file is not scored yet (nothing taken, not submitted)."""
    grade: str | None
    """The grade of the running total; None while the file is not scored yet."""
    double: bool


@dataclass(frozen=True)
class EntryRow:
    """A deduction or veto taken on a sheet."""

    id: int
    code: str
    veto: bool
    count: int
    points: Decimal | None
    note: str
    deducted: Decimal
    """Points it takes before the item's cap (0 for a veto)."""


@dataclass(frozen=True)
class MarkRow:
    id: int
    code: str | None
    page: int
    rect: tuple[float, float, float, float]
    kind: str
    text: str


@dataclass(frozen=True)
class Sheet:
    """A reviewer's score sheet with everything the workspace shows."""

    scoring_id: int
    version: int
    file: FileRow
    rubric: Rubric
    rubric_label: str
    reviewer: str
    slot: int
    state: str
    note: str
    last_page: int
    entries: tuple[EntryRow, ...]
    marks: tuple[MarkRow, ...]
    score: SheetScore
    editable: bool
    submitted_at: str | None
    updated_by: str = ""
    updated_at: str = ""
    reopened: int = 0
    """How many times a supervisor reopened it (each audited with who, when and why)."""
    reviewer_name: str = ""
    """The reviewer's display name (``reviewer`` is the login name)."""


@dataclass(frozen=True)
class AgencyResult:
    agency_id: int
    agency: str
    files: int
    scored: int
    average: Decimal | None
    pass_rate: Decimal | None
    """合格率: share (0–100) of scored files not graded 不合格."""
    excellent_rate: Decimal | None
    """优秀率: share of scored files in the top band."""
    grades: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class DeductionCount:
    code: str
    text: str
    item: str
    times: int
    files: int


@dataclass(frozen=True)
class CampaignResults:
    campaign: CampaignRow
    files: tuple[FileRow, ...]
    agencies: tuple[AgencyResult, ...]
    deductions: tuple[DeductionCount, ...]
    bands: tuple[str, ...]
    """Grade names from the top (of the first rubric)."""


@dataclass(frozen=True)
class RecheckItemRow:
    id: int
    entry_id: int
    code: str
    text: str
    reviewer: str
    taken: str
    """The deduction as the original reviewer took it (e.g. "−1 × 3")."""
    original_note: str
    reason: str
    decision: str | None
    new_count: int | None
    new_points: Decimal | None
    decision_reason: str | None
    ruled: str | None = None
    """The entry as the ruling changed it ("−1 × 2", 撤销), when it changed it."""
    reviewer_name: str = ""
    """The original reviewer's display name."""


@dataclass(frozen=True)
class RecheckRow:
    id: int
    file_id: int
    campaign: str
    case_no: str
    agency_id: int
    agency: str
    state: str
    requested_by: str
    requested_at: str
    reviewer: str | None
    assigned_by: str | None
    decided_at: str | None
    items: tuple[RecheckItemRow, ...]
    version: int
    assigned_at: str | None = None
    requested_by_name: str = ""
    reviewer_name: str = ""
    assigned_by_name: str = ""
    """Display names of ``requested_by``, ``reviewer`` and ``assigned_by`` (login names)."""


@dataclass(frozen=True)
class FeedbackRow:
    campaign: str
    agency_id: int
    agency: str
    sent_on: date
    rectify_by: date
    recheck_until: date
    sent_by: str
    folder: str
    version: int
    """What sending it again is given back (``send_feedback``)."""
    files: tuple[str, ...] = field(default_factory=tuple)
    """The files written (full paths)."""
    sent_by_name: str = ""
    """The display name of ``sent_by`` (a login name)."""
