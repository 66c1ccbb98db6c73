"""Entry on the register: a new case, a stage recorded — each checked, in one unit of work, audited
(suspended periods and approved extensions: ``periods``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop.accounts import audit
from desktop.cases import repository as repo
from desktop.cases import terms
from desktop.cases.checks import (
    DOSSIER_PATH_LIMIT,
    FIELD_TITLES,
    clean_case,
    input_dates,
    stage_of,
)
from desktop.cases.dto import (
    CaseDetail,
    CaseInput,
)
from desktop.cases.service import get_case
from desktop.core.characters import control_character
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.core.validation import (
    INVISIBLE,
    TOO_LONG,
    Problem,
    raise_first,
    shown,
)
from desktop.core.versioning import check_version
from desktop.models import (
    Agency,
    Case,
    CaseDocument,
    CaseOfficer,
    Power,
)
from desktop.models.db import Store
from desktop.personnel.lookup import agency_ids_by_name

_TITLE_LIMIT = 120
"""The longest document title the store holds."""

CASE_FIELDS_AUDITED = (
    "case_no",
    "agency_id",
    "category",
    "procedure",
    "source",
    "cause",
    "party",
    "party_type",
    "party_id_number",
    "stage",
    "discovered_on",
    "filed_on",
    "investigated_on",
    "legal_review_on",
    "decided_on",
    "served_on",
    "published_on",
    "executed_on",
    "closed_on",
    "measures",
    "measure_on",
    "measure_released_on",
    "measure_extended",
    "decision_extension_days",
    "penalty_kinds",
    "amount",
    "major",
    "legal_basis",
    "power_code",
    "discretion_band",
    "target_code",
    "officer_count",
)


@dataclass(frozen=True)
class ResolvedCase:
    """A checked case input with its agency and officers found in the store."""

    data: CaseInput
    agency_id: int
    officer_ids: tuple[int, ...]
    dossier_path: str | None


class CaseLookups:
    """Finds agencies and officers for case inputs; one per unit of work (cached per agency)."""

    def __init__(self, session: Session, taken: set[tuple[int, str]] | None = None) -> None:
        """``taken``: the (agency id, 案号) pairs already on the register, when the caller fetched
        them at once (an import); else each input asks the store."""
        self.session = session
        self.agencies = agency_ids_by_name(session)
        self._agency_ids = set(self.agencies.values())
        self.taken = taken
        self._officers: dict[int, tuple[dict[str, int], dict[str, list[int]]]] = {}
        self._power_owners: dict[str, int] | None = None

    def resolve(
        self,
        data: CaseInput,
        *,
        historical: bool = False,
        dossier_base: Path | None = None,
        dossier_roots: Sequence[Path] | None = None,
        today: date | None = None,
        case_id: int | None = None,
        tolerated: Collection[Problem] = (),
    ) -> tuple[ResolvedCase | None, list[Problem]]:
        """Check an input and find what it names; the problems say what is wrong, by field.

        A dossier must be a PDF; with ``dossier_roots`` (an import) it must also lie inside one
        of those folders (or below). ``case_id``: the case being edited (its own 案号 is not
        taken); ``tolerated``: problems the edited case had already (not refused again)."""
        data, problems = clean_case(data, historical=historical, today=today)
        agency_id = self._agency(data.agency, problems)
        officer_ids: list[int] = []
        if agency_id is not None:
            by_cert, by_name = self._officers_of(agency_id)
            for key in data.officers:
                found = self._officer(key, by_cert, by_name, problems, data.agency)
                if found is not None and found not in officer_ids:
                    officer_ids.append(found)
            if data.power_code:
                problems += self.power_problems(data.power_code, agency_id, data.agency)
            if data.case_no and self._case_exists(agency_id, data.case_no, case_id):
                problems.append(
                    Problem(
                        "case_no",
                        QT_TRANSLATE_NOOP("errors", "Case {case_no} is already on the register of {agency}."),
                        (("case_no", shown(data.case_no)), ("agency", shown(data.agency))),
                    )
                )
        dossier = None
        if data.dossier:
            dossier, problem = dossier_file(data.dossier, dossier_base, dossier_roots)
            if problem is not None:
                problems.append(problem)
        problems = [p for p in problems if p not in tolerated]
        if problems or agency_id is None:
            return None, problems
        return ResolvedCase(data, agency_id, tuple(officer_ids), dossier), []

    def power_problems(self, code: str, agency_id: int, agency: int | str) -> list[Problem]:
        """A 事项编码 must be a power of the case's agency's catalogue (FORMATS.md §1)."""
        if self._power_owners is None:
            self._power_owners = dict(
                self.session.execute(select(Power.code, Power.agency_id).distinct()).all()
            )
        owner = self._power_owners.get(code)
        if owner == agency_id:
            return []
        if owner is None:
            template = QT_TRANSLATE_NOOP(
                "errors", "Power {code} is not in the catalogue of powers (执法事项)."
            )
        else:
            template = QT_TRANSLATE_NOOP("errors", "Power {code} is not a power of {agency}.")
        return [Problem("power_code", template, (("code", shown(code)), ("agency", shown(str(agency)))))]

    def _agency(self, key: int | str, problems: list[Problem]) -> int | None:
        if isinstance(key, int):
            if key in self._agency_ids:
                return key
            with self.session.no_autoflush:  # an agency added since; the inputs added so far wait
                return key if self.session.get(Agency, key) is not None else None
        text = str(key or "").strip()
        if not text:
            problems.append(
                Problem(
                    "agency",
                    QT_TRANSLATE_NOOP("errors", "{field} is required."),
                    (("field", FIELD_TITLES["agency"]),),
                )
            )
            return None
        found = self.agencies.get(text)
        if found is None:
            problems.append(
                Problem(
                    "agency",
                    QT_TRANSLATE_NOOP("errors", "Unknown agency: {agency}."),
                    (("agency", shown(text)),),
                )
            )
        return found

    def _officers_of(self, agency_id: int) -> tuple[dict[str, int], dict[str, list[int]]]:
        if agency_id not in self._officers:
            self._officers[agency_id] = repo.find_officer_keys(self.session, agency_id)
        return self._officers[agency_id]

    @staticmethod
    def _officer(
        key: int | str,
        by_cert: dict[str, int],
        by_name: dict[str, list[int]],
        problems: list[Problem],
        agency: int | str,
    ) -> int | None:
        if isinstance(key, int):
            if key in by_cert.values() or any(key in ids for ids in by_name.values()):
                return key
            problems.append(
                Problem(
                    "officers",
                    QT_TRANSLATE_NOOP("errors", "Officer {officer} does not belong to {agency}."),
                    (("officer", str(key)), ("agency", shown(agency))),
                )
            )
            return None
        text = str(key).strip()
        if text in by_cert:
            return by_cert[text]
        ids = by_name.get(text, [])
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            problems.append(
                Problem(
                    "officers",
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{count} officers of {agency} are called {officer}: give the certificate number.",
                    ),
                    (("count", len(ids)), ("agency", str(agency)), ("officer", shown(text))),
                )
            )
        else:
            problems.append(
                Problem(
                    "officers",
                    QT_TRANSLATE_NOOP(
                        "errors", "No officer of {agency} has the name or certificate number {officer}."
                    ),
                    (("agency", str(agency)), ("officer", shown(text))),
                )
            )
        return None

    def _case_exists(self, agency_id: int, case_no: str, case_id: int | None = None) -> bool:
        if self.taken is not None:
            return (agency_id, case_no) in self.taken
        stmt = select(Case.id).where(Case.agency_id == agency_id, Case.case_no == case_no)
        if case_id is not None:
            stmt = stmt.where(Case.id != case_id)
        return self.session.execute(stmt).first() is not None


def dossier_file(
    text: str, base: Path | None, roots: Sequence[Path] | None
) -> tuple[str | None, Problem | None]:
    """The absolute path of a dossier PDF named by ``text`` (relative to ``base``), or the problem:
    no such file, not a PDF (its first bytes are not ``%PDF-``), outside ``roots``."""

    def problem(template: str, **params: object) -> tuple[None, Problem]:
        return None, Problem("dossier", template, tuple(params.items()))

    if len(text) > DOSSIER_PATH_LIMIT:
        return problem(TOO_LONG, limit=DOSSIER_PATH_LIMIT, length=len(text))
    if control_character(text) is not None:
        return problem(INVISIBLE, character=control_character(text))
    path = Path(text)
    if not path.is_absolute() and base is not None:
        path = base / path
    try:
        resolved = path.resolve()
        if roots is not None and not any(resolved.is_relative_to(r.resolve()) for r in roots):
            return problem(  # said before looking: an import does not tell which files exist elsewhere
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path} is outside the workbook's folder and the dossier folder: move the dossier "
                    "into one of them.",
                ),
                path=shown(path, 200),
            )
        if not resolved.is_file():
            return problem(QT_TRANSLATE_NOOP("errors", "No file at {path}."), path=shown(path, 200))
        with open(resolved, "rb") as stream:
            head = stream.read(5)
    except (OSError, ValueError, RuntimeError):
        return problem(QT_TRANSLATE_NOOP("errors", "Cannot read {path}."), path=shown(path, 200))
    if head != b"%PDF-":
        return problem(QT_TRANSLATE_NOOP("errors", "{path} is not a PDF file."), path=shown(path, 200))
    if len(str(resolved)) > DOSSIER_PATH_LIMIT:
        return problem(TOO_LONG, limit=DOSSIER_PATH_LIMIT, length=len(str(resolved)))
    return str(resolved), None


def insert_case(session: Session, store: Store, actor: Actor, resolved: ResolvedCase) -> Case:
    """Add a checked case to the session (not yet flushed); ``creation_change`` gives its audit
    change after the flush."""
    case = new_case(store, actor, resolved)
    session.add(case)
    return case


def new_case(store: Store, actor: Actor, resolved: ResolvedCase) -> Case:
    """A checked case as a new row, with its officers and dossier, in no session yet."""
    d = resolved.data
    case = Case(
        agency_id=resolved.agency_id,
        case_no=d.case_no,
        category=d.category,
        procedure=d.procedure if d.category == terms.PENALTY else None,
        source=d.source,
        cause=d.cause,
        party=d.party,
        party_type=d.party_type,
        party_id_number=d.party_id_number,
        measures=terms.join_multi(list(d.measures)),
        measure_extended=d.measure_extended,
        decision_extension_days=0,
        penalty_kinds=terms.join_multi(list(d.penalty_kinds)),
        amount=d.amount,
        major=d.major,
        legal_basis=d.legal_basis,
        power_code=d.power_code,
        discretion_band=d.discretion_band,
        target_code=d.target_code,
        officer_count=len(resolved.officer_ids),
    )
    for name, value in input_dates(d).items():
        setattr(case, name, value)
    case.stage = terms_stage(case)
    case.officers = [CaseOfficer(officer_id=oid, position=i) for i, oid in enumerate(resolved.officer_ids)]
    case.documents = (
        [
            CaseDocument(
                kind="dossier", title=_title(Path(resolved.dossier_path).name), path=resolved.dossier_path
            )
        ]
        if resolved.dossier_path
        else []
    )
    stamp(case, store, actor)
    return case


def _title(name: str) -> str:
    """A document's title as its column holds it: a long file name shortened, its suffix kept."""
    if len(name) <= _TITLE_LIMIT:
        return name
    suffix = Path(name).suffix[:10]
    return name[: _TITLE_LIMIT - len(suffix) - 1] + "…" + suffix


def creation_change(case: Case, action: str = "create") -> audit.Change:
    """The audit change that records a new (flushed) case."""
    return audit.Change(
        action, "case", case.id, after=case_snapshot(case), summary=f"{case.case_no} {case.party}"
    )


def terms_stage(case: Case) -> str:
    """The stage the case's dates put it at."""
    return stage_of(input_dates(case))


def case_snapshot(case: Case) -> dict:
    """A case with its officers and documents, for the audit record."""
    snap = audit.snapshot(case, CASE_FIELDS_AUDITED)
    snap["officers"] = [o.officer_id for o in case.officers]
    snap["documents"] = [d.path for d in case.documents]
    return snap


def create_case(
    store: Store, actor: Actor, data: CaseInput, *, dossier_base: Path | None = None
) -> CaseDetail:
    """Add one case (the new-case dialog): every rule checked, the first problem raised."""
    require(actor, Permission.EDIT_CASES)
    with store.unit_of_work() as uow:
        lookups = CaseLookups(uow.session)
        resolved, problems = lookups.resolve(data, dossier_base=dossier_base, today=store.clock.today())
        raise_first(problems)
        assert resolved is not None
        require_agency(actor, resolved.agency_id)
        case = insert_case(uow.session, store, actor, resolved)
        uow.session.flush()
        audit.record_many(uow.session, store, actor.name, [creation_change(case)])
        uow.commit()
        case_id = case.id
    return get_case(store, actor, case_id)


def case_for_update(session: Session, actor: Actor, case_id: int, version: int) -> Case:
    """A case to change: refused outside the actor's agency or when changed since ``version``."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
    require_agency(actor, case.agency_id)
    check_version(case, version)
    return case


def stamp(case: Case, store: Store, actor: Actor) -> None:
    """Mark who changed a case and when, and give it a new version even when only its officers,
    suspensions or documents changed (another workstation holding it then sees it changed)."""
    case.updated_at, case.updated_by = utc_iso(store.clock.now()), actor.name
    flag_modified(case, "updated_at")  # an UPDATE even when the clock stood still
