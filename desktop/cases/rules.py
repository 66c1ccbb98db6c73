"""The supervision rules (pure functions): a case's stage, the order of its dates, its
deadlines and its warnings (预警), all derived from the facts on the register.

Nothing here reads the store or the clock: the services hand in the facts, the limits, the
working-day calendar and the as-of date, so the window, the command line and the tests all
answer the same. Facts dated after the as-of date have not happened yet as of that date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from desktop.cases import terms
from desktop.cases.calendar import WorkCalendar
from desktop.cases.discretion import MISSING, PowerVersion, discretion_problem, held_problem
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import is_valid_credit_code, is_valid_resident_id

# ------------------------------------------------------------------------------ limits


@dataclass(frozen=True)
class Limits:
    """Time limits, lead times and amounts the warnings use (store settings, REFERENCE.md §3)."""

    decision_days: int = 90
    """处罚决定: days from 立案 (处罚法 60)."""
    decision_lead_days: int = 15
    """Warn this many days before the decision is due (yellow)."""
    short_lead_days: int = 3
    """Show other deadlines as approaching this many days before."""
    service_days: int = 7
    """送达: days after the decision (处罚法 61)."""
    publicity_working_days: int = 7
    """公示 of a 行政处罚 decision: working days (国办发〔2018〕118号)."""
    seizure_days: int = 30
    """查封、扣押、冻结: days (强制法 25, 32)."""
    seizure_extension_days: int = 30
    """Added by an approved extension."""
    summary_limit_person: Decimal = Decimal("200")
    """简易程序 fine limit for a person (处罚法 51)."""
    summary_limit_organisation: Decimal = Decimal("3000")
    """… for an organisation."""
    power_required_year: int = 2026
    """``power_missing``: 行政处罚 decided from 1 January of this year need their power (事项编码),
    once their agency has a catalogue (so that history is not flooded)."""
    footage_lead_days: int = 1
    """Days after an on-site inspection for its body-camera footage to be linked (stations copy
    within 24 hours, REFERENCE.md §5)."""


LIMIT_TITLES: dict[str, str] = {
    "decision_days": QT_TRANSLATE_NOOP("limits", "Days to decide a penalty case after filing"),
    "decision_lead_days": QT_TRANSLATE_NOOP("limits", "Warn this many days before a decision is due"),
    "short_lead_days": QT_TRANSLATE_NOOP(
        "limits", "Show other deadlines as approaching this many days before"
    ),
    "service_days": QT_TRANSLATE_NOOP("limits", "Days to serve a decision"),
    "publicity_working_days": QT_TRANSLATE_NOOP("limits", "Working days to publish a penalty decision"),
    "seizure_days": QT_TRANSLATE_NOOP("limits", "Days a seizure or freeze may last"),
    "seizure_extension_days": QT_TRANSLATE_NOOP("limits", "Days an approved extension adds"),
    "summary_limit_person": QT_TRANSLATE_NOOP("limits", "Summary procedure fine limit, person (yuan)"),
    "summary_limit_organisation": QT_TRANSLATE_NOOP(
        "limits", "Summary procedure fine limit, organisation (yuan)"
    ),
    "power_required_year": QT_TRANSLATE_NOOP("limits", "Penalties decided from this year need their power"),
    "footage_lead_days": QT_TRANSLATE_NOOP("limits", "Days to link the footage of an on-site inspection"),
}


# ------------------------------------------------------------------------------ facts


@dataclass(frozen=True)
class Suspension:
    """A period excluded from a deadline (检测、鉴定、听证、公告); ``end`` None = still running."""

    kind: str
    start: date
    end: date | None


@dataclass(frozen=True)
class CaseFacts:
    """What the rules read of one case."""

    id: int
    case_no: str
    agency_id: int
    agency: str
    category: str
    procedure: str | None
    party_type: str | None
    party_id_number: str | None
    filed_on: date
    legal_review_on: date | None = None
    decided_on: date | None = None
    served_on: date | None = None
    published_on: date | None = None
    measures: tuple[str, ...] = ()
    measure_on: date | None = None
    measure_released_on: date | None = None
    measure_extended: bool = False
    decision_extension_days: int = 0
    amount: Decimal | None = None
    major: bool = False
    officer_count: int = 0
    uncertified: tuple[str, ...] = ()
    """Names of the officers without a valid certificate on the 立案 date."""
    suspensions: tuple[Suspension, ...] = ()
    power_code: str | None = None
    discretion_band: str | None = None
    penalty_kinds: tuple[str, ...] = ()
    power_versions: tuple[PowerVersion, ...] = ()
    """Every version of the case's power in the catalogue (any agency's)."""
    agency_has_powers: bool = False
    """Whether the case's agency has 行政处罚 powers in the catalogue."""
    prior_penalties: int = 0
    """The party's other 行政处罚 decided in the repeat period before this decision (a
    从轻/减轻 decision only; ``repeat_offender_lenient``)."""
    source: str | None = None
    discovered_on: date | None = None
    closed_on: date | None = None
    footage: int = 0
    """How many body-camera files are linked to the case."""

    def as_of(self, day: date) -> CaseFacts | None:
        """The facts known on ``day`` (later dates not yet happened); None when not yet filed."""
        if self.filed_on > day:
            return None
        changes: dict[str, Any] = {}
        for name in terms.LATER_DATES:
            value = getattr(self, name)
            if value is not None and value > day:
                changes[name] = None
        if any(s.start > day or (s.end is not None and s.end > day) for s in self.suspensions):
            changes["suspensions"] = tuple(
                Suspension(s.kind, s.start, s.end if s.end is None or s.end <= day else None)
                for s in self.suspensions
                if s.start <= day
            )
        return replace(self, **changes) if changes else self


# ------------------------------------------------------------------------------ deadlines


@dataclass(frozen=True)
class Deadline:
    """One time limit of a case as of a date.

    ``status``: ``met`` (done in time), ``late`` (done after the due date), ``overdue`` (not
    done, due date passed), ``approaching`` (not done, due within the lead time), ``pending``,
    or ``suspended`` (a suspended period is still running, so no due date yet).
    """

    kind: str
    due: date | None
    met_on: date | None
    status: str

    @property
    def tone(self) -> str | None:
        """The colour of the status: green met, yellow approaching, red missed."""
        return {"met": "green", "approaching": "yellow", "late": "red", "overdue": "red"}.get(self.status)


DEADLINE_TITLES = {
    "decision": QT_TRANSLATE_NOOP("terms", "Decision"),
    "service": QT_TRANSLATE_NOOP("terms", "Service of the decision"),
    "publicity": QT_TRANSLATE_NOOP("terms", "Publication"),
    "seizure": QT_TRANSLATE_NOOP("terms", "Seizure handled"),
}
DEADLINE_STATUS_TITLES = {
    "met": QT_TRANSLATE_NOOP("terms", "Met"),
    "late": QT_TRANSLATE_NOOP("terms", "Met late"),
    "overdue": QT_TRANSLATE_NOOP("terms", "Overdue"),
    "approaching": QT_TRANSLATE_NOOP("terms", "Approaching"),
    "pending": QT_TRANSLATE_NOOP("terms", "Pending"),
    "suspended": QT_TRANSLATE_NOOP("terms", "Suspended"),
}

_DECISION_SUSPENSIONS = frozenset(terms.SUSPENSION_KINDS)
_SEIZURE_SUSPENSIONS = frozenset({"检测", "鉴定"})


def _extend(end: date, start: date, suspensions: Sequence[Suspension], kinds: frozenset[str]) -> date | None:
    """Push ``end`` back by the suspended days that fall in the period; None while one runs."""
    for s in sorted(suspensions, key=lambda s: s.start):
        if s.kind not in kinds or s.start > end or (s.end is not None and s.end < start):
            continue
        if s.end is None:
            return None
        end += timedelta(days=(s.end - max(s.start, start)).days + 1)
    return end


def _status(due: date | None, met_on: date | None, as_of: date, lead: int) -> str:
    if due is None:
        return "met" if met_on is not None else "suspended"
    if met_on is not None:
        return "met" if met_on <= due else "late"
    if as_of > due:
        return "overdue"
    if (due - as_of).days <= lead:
        return "approaching"
    return "pending"


def deadlines(facts: CaseFacts, as_of: date, limits: Limits, cal: WorkCalendar) -> tuple[Deadline, ...]:
    """The time limits that apply to a case (as known on ``as_of``)."""
    f = facts.as_of(as_of)
    if f is None:
        return ()
    out: list[Deadline] = []
    if f.category == terms.PENALTY and f.procedure == terms.ORDINARY:
        raw = f.filed_on + timedelta(days=limits.decision_days + f.decision_extension_days)
        end = _extend(raw, f.filed_on, f.suspensions, _DECISION_SUSPENSIONS)
        due = cal.roll_forward(end) if end is not None else None
        out.append(
            Deadline(
                "decision", due, f.decided_on, _status(due, f.decided_on, as_of, limits.decision_lead_days)
            )
        )
    if f.decided_on is not None:
        due = cal.add_days(f.decided_on, limits.service_days)
        out.append(
            Deadline("service", due, f.served_on, _status(due, f.served_on, as_of, limits.short_lead_days))
        )
        if f.category == terms.PENALTY and f.procedure == terms.ORDINARY:
            due = cal.add_working_days(f.decided_on, limits.publicity_working_days)
            out.append(
                Deadline(
                    "publicity",
                    due,
                    f.published_on,
                    _status(due, f.published_on, as_of, limits.short_lead_days),
                )
            )
    if f.measure_on is not None and terms.TIME_LIMITED_MEASURES.intersection(f.measures):
        days = limits.seizure_days + (limits.seizure_extension_days if f.measure_extended else 0)
        end = _extend(f.measure_on + timedelta(days=days), f.measure_on, f.suspensions, _SEIZURE_SUSPENSIONS)
        due = cal.roll_forward(end) if end is not None else None
        handled = [d for d in (f.measure_released_on, f.decided_on) if d is not None and d >= f.measure_on]
        met_on = min(handled) if handled else None
        out.append(Deadline("seizure", due, met_on, _status(due, met_on, as_of, limits.short_lead_days)))
    return tuple(out)


# ------------------------------------------------------------------------------ warnings

WARNING_CODES = (
    "decision_overdue",
    "decision_due_soon",
    "service_overdue",
    "publicity_overdue",
    "seizure_overdue",
    "single_officer",
    "uncertified_officer",
    "missing_legal_review",
    "summary_over_limit",
    "footage_missing",
)
"""The codes of CLI.md the register's rules raise (``findings``), in the order the warning centre
lists them."""

FOLLOW_UP_DUE = "disposal_follow_up_due"
"""A 处置's follow-up date passed (raised from the dispositions, ``desktop.cases.disposal``)."""

POWER_WARNING_CODES = (
    "power_not_held",
    "discretion_out_of_range",
    "power_missing",
    "repeat_offender_lenient",
    "inspection_publicity_overdue",
    "lead_undecided",
)
"""The codes of the powers, inspections, case sources and parties (issue 15)."""
ALL_WARNING_CODES = (*WARNING_CODES, FOLLOW_UP_DUE, *POWER_WARNING_CODES)
"""Every code of the warning centre: the rules' codes, then the follow-ups of 处置."""

WARNING_TITLES = {
    "decision_overdue": QT_TRANSLATE_NOOP("warnings", "Decision overdue"),
    "decision_due_soon": QT_TRANSLATE_NOOP("warnings", "Decision due soon"),
    "service_overdue": QT_TRANSLATE_NOOP("warnings", "Service overdue"),
    "publicity_overdue": QT_TRANSLATE_NOOP("warnings", "Publication overdue"),
    "seizure_overdue": QT_TRANSLATE_NOOP("warnings", "Seizure overdue"),
    "single_officer": QT_TRANSLATE_NOOP("warnings", "Fewer than two officers"),
    "uncertified_officer": QT_TRANSLATE_NOOP("warnings", "Officer without a valid certificate"),
    "missing_legal_review": QT_TRANSLATE_NOOP("warnings", "Major decision without legal review"),
    "summary_over_limit": QT_TRANSLATE_NOOP("warnings", "Summary procedure fine over the limit"),
    "power_not_held": QT_TRANSLATE_NOOP("warnings", "Power not held"),
    "discretion_out_of_range": QT_TRANSLATE_NOOP("warnings", "Outside the discretion benchmark"),
    "power_missing": QT_TRANSLATE_NOOP("warnings", "Penalty without its power"),
    "repeat_offender_lenient": QT_TRANSLATE_NOOP("warnings", "Lenient penalty for a repeat party"),
    "inspection_publicity_overdue": QT_TRANSLATE_NOOP("warnings", "Inspection result not published"),
    "lead_undecided": QT_TRANSLATE_NOOP("warnings", "Case source not decided"),
    FOLLOW_UP_DUE: QT_TRANSLATE_NOOP("warnings", "Follow-up of a handling due"),
    "footage_missing": QT_TRANSLATE_NOOP("warnings", "Footage missing"),
}

CODE_LEVELS = {code: ("yellow" if code == "decision_due_soon" else "red") for code in ALL_WARNING_CODES}
"""The level each code is raised at: only an approaching decision is yellow (CLI.md)."""

LEVEL_TITLES = {
    "red": QT_TRANSLATE_NOOP("warnings", "Red"),
    "yellow": QT_TRANSLATE_NOOP("warnings", "Yellow"),
}
"""The word said with a level's colour (UI.md: never colour alone)."""

_MESSAGES = {
    ("decision", "overdue"): QT_TRANSLATE_NOOP("warnings", "Not decided; the decision was due on {due}."),
    ("decision", "late"): QT_TRANSLATE_NOOP("warnings", "Decided on {met_on}, after the due date {due}."),
    ("decision", "approaching"): QT_TRANSLATE_NOOP("warnings", "Not decided; the decision is due on {due}."),
    ("service", "overdue"): QT_TRANSLATE_NOOP(
        "warnings", "The decision has not been served; it was due on {due}."
    ),
    ("service", "late"): QT_TRANSLATE_NOOP("warnings", "Served on {met_on}, after the due date {due}."),
    ("publicity", "overdue"): QT_TRANSLATE_NOOP(
        "warnings", "The decision has not been published; it was due on {due}."
    ),
    ("publicity", "late"): QT_TRANSLATE_NOOP("warnings", "Published on {met_on}, after the due date {due}."),
    ("seizure", "overdue"): QT_TRANSLATE_NOOP(
        "warnings", "The seizure has not been released or decided; it was due on {due}."
    ),
    ("seizure", "late"): QT_TRANSLATE_NOOP("warnings", "The seizure was handled on {met_on}, after {due}."),
}
_SINGLE = QT_TRANSLATE_NOOP("warnings", "Handled by {count} officer(s); at least two are required.")
_UNCERTIFIED = QT_TRANSLATE_NOOP("warnings", "No valid certificate on the filing date {filed}: {names}.")
_NO_REVIEW = QT_TRANSLATE_NOOP("warnings", "Major decision of {decided} made without a legal review.")
_LATE_REVIEW = QT_TRANSLATE_NOOP(
    "warnings", "Major decision of {decided}; the legal review is dated {review}."
)
_OVER_LIMIT = QT_TRANSLATE_NOOP(
    "warnings", "Summary procedure amount {amount} yuan is above the limit of {limit} yuan."
)

_REPEAT = QT_TRANSLATE_NOOP(
    "warnings", "Band {band} for a party punished {count} more time(s) within the repeat period."
)
_NO_FOOTAGE = QT_TRANSLATE_NOOP(
    "warnings", "Closed without linked body-camera footage of the on-site inspection of {on_site}."
)

_DEADLINE_CODES = {
    "decision": "decision_overdue",
    "service": "service_overdue",
    "publicity": "publicity_overdue",
    "seizure": "seizure_overdue",
}


@dataclass(frozen=True)
class Finding:
    """One warning of one case: a code, its level, the due date where a deadline applies."""

    case_id: int
    case_no: str
    agency_id: int
    agency: str
    code: str
    level: str
    due: date | None
    template: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    def message(self) -> str:
        """The message in the current language."""
        return translate("warnings", self.template).format(**dict(self.params))

    def title(self) -> str:
        """The code's name in the current language."""
        return translate("warnings", WARNING_TITLES[self.code])


def findings(facts: CaseFacts, as_of: date, limits: Limits, cal: WorkCalendar) -> list[Finding]:
    """Every warning of one case as of ``as_of``."""
    f = facts.as_of(as_of)
    if f is None:
        return []
    out: list[Finding] = []

    def add(code: str, due_on: date | None, template: str, **params: Any) -> None:
        out.append(
            Finding(
                f.id,
                f.case_no,
                f.agency_id,
                f.agency,
                code,
                CODE_LEVELS[code],
                due_on,
                template,
                tuple(params.items()),
            )
        )

    for d in deadlines(facts, as_of, limits, cal):
        if d.status in ("overdue", "late"):
            add(
                _DEADLINE_CODES[d.kind],
                d.due,
                _MESSAGES[(d.kind, d.status)],
                due=_iso(d.due),
                met_on=_iso(d.met_on),
            )
        elif d.status == "approaching" and d.kind == "decision":
            add("decision_due_soon", d.due, _MESSAGES[("decision", "approaching")], due=_iso(d.due))
    if f.officer_count < 2:
        add("single_officer", None, _SINGLE, count=f.officer_count)
    if f.uncertified:
        add("uncertified_officer", None, _UNCERTIFIED, filed=_iso(f.filed_on), names="、".join(f.uncertified))
    if f.major and f.decided_on is not None:
        if f.legal_review_on is None:
            add("missing_legal_review", None, _NO_REVIEW, decided=_iso(f.decided_on))
        elif f.legal_review_on > f.decided_on:
            add(
                "missing_legal_review",
                None,
                _LATE_REVIEW,
                decided=_iso(f.decided_on),
                review=_iso(f.legal_review_on),
            )
    if f.category == terms.PENALTY and f.procedure == terms.SUMMARY and f.amount is not None:
        limit = summary_limit(f, limits)
        if f.amount > limit:
            add("summary_over_limit", None, _OVER_LIMIT, amount=f"{f.amount:,.2f}", limit=f"{limit:,.0f}")
    if footage_missing(f, as_of, limits):
        add("footage_missing", None, _NO_FOOTAGE, on_site=_iso(f.discovered_on or f.filed_on))
    _power_findings(f, limits, add)
    return out


def footage_missing(f: CaseFacts, as_of: date, limits: Limits) -> bool:
    """A closed 普通程序 行政处罚 found on an on-site inspection (来源 监督检查) with no body-camera
    footage linked, once the footage has had its lead time to arrive (REFERENCE.md §5)."""
    on_site = f.discovered_on or f.filed_on
    return (
        f.category == terms.PENALTY
        and f.procedure == terms.ORDINARY
        and f.source == terms.SOURCES[0]
        and f.closed_on is not None
        and on_site + timedelta(days=limits.footage_lead_days) <= as_of
        and f.footage == 0
    )


def _power_findings(f: CaseFacts, limits: Limits, add: Any) -> None:
    """``power_not_held``, ``discretion_out_of_range`` and ``power_missing`` (issue 15)."""
    decided_penalty = f.category == terms.PENALTY and f.decided_on is not None
    if f.power_code:
        problem, version = held_problem(f.power_code, f.agency_id, f.power_versions, f.filed_on)
        if problem is not None:
            add("power_not_held", None, problem[0], **problem[1])
        elif decided_penalty and f.discretion_band and version is not None:
            out_of_range = discretion_problem(version, f.discretion_band, f.penalty_kinds, f.amount)
            if out_of_range is not None:
                add("discretion_out_of_range", None, out_of_range[0], **out_of_range[1])
    if decided_penalty and f.discretion_band in ("从轻", "减轻") and f.prior_penalties > 0:
        add("repeat_offender_lenient", None, _REPEAT, band=f.discretion_band, count=f.prior_penalties)
    if f.power_code:
        return
    if decided_penalty and f.agency_has_powers and f.decided_on is not None:
        if f.decided_on.year >= limits.power_required_year:
            add("power_missing", None, MISSING, decided=_iso(f.decided_on))


def summary_limit(facts: CaseFacts, limits: Limits) -> Decimal:
    """The 简易程序 limit for the party: a person's unless the party is an organisation.

    The type comes from 当事人类型, else from the 证件号码 (a valid 居民身份证号 means a person,
    else a 统一社会信用代码 an organisation); a party of unknown kind gets the person's limit.
    """
    kind = facts.party_type
    if kind is None and facts.party_id_number:
        # About one resident ID in 31 also passes the credit-code check: a person first.
        if is_valid_resident_id(facts.party_id_number):
            kind = "自然人"
        elif is_valid_credit_code(facts.party_id_number):
            kind = "法人"
    if kind in ("法人", "其他组织"):
        return limits.summary_limit_organisation
    return limits.summary_limit_person


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
