"""The catalogue of powers as the register's rules read it (``discretion.PowerVersion``): the
versions of the powers some cases cite, the agencies that have 行政处罚 powers at all, the
party's earlier penalties of a lenient decision, and the SQL pre-filter that keeps only the cases
the power rules may warn about (``power_candidates``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import CTE, Date, Select, and_, exists, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.sql.elements import ColumnElement

from desktop.cases import terms
from desktop.cases.discretion import FINE, NO_PENALTY, BandLimits, PowerVersion, version_in_force
from desktop.cases.dto import CasePower
from desktop.cases.rules import CaseFacts
from desktop.core.clock import months_before
from desktop.models import Case, Power, PowerBand, StoreSetting
from desktop.models.queries import dialect_of

_CHUNK = 500


def power_versions(session: Session, codes: Iterable[str]) -> dict[str, tuple[PowerVersion, ...]]:
    """Every stored version of each of ``codes`` (any agency's), oldest first."""
    wanted = sorted({c for c in codes if c})
    out: dict[str, list[PowerVersion]] = defaultdict(list)
    for start in range(0, len(wanted), _CHUNK):
        stmt = (
            select(Power)
            .options(selectinload(Power.bands))
            .where(Power.code.in_(wanted[start : start + _CHUNK]))
            .order_by(Power.code, Power.effective_on)
        )
        for p in session.execute(stmt).scalars():
            out[p.code].append(
                PowerVersion(
                    p.code,
                    p.agency_id,
                    p.category,
                    p.effective_on,
                    p.expires_on,
                    tuple(
                        BandLimits(
                            b.band,
                            frozenset(terms.split_multi(b.penalty_kinds)),
                            b.fine_min,
                            b.fine_max,
                        )
                        for b in p.bands
                    ),
                    p.name,
                    p.legal_basis,
                )
            )
    return {code: tuple(versions) for code, versions in out.items()}


def agencies_with_penalty_powers(session: Session) -> frozenset[int]:
    """The agencies whose catalogue holds a 行政处罚 power (their penalties need one)."""
    return frozenset(
        session.execute(select(Power.agency_id).where(Power.category == terms.PENALTY).distinct()).scalars()
    )


REPEAT_MONTHS = 12
"""A party punished more than once within this many months is a repeat party (setting
``parties.repeat_months``)."""
LENIENT = ("从轻", "减轻")


def repeat_months(session: Session) -> int:
    """The repeat period in months (setting ``parties.repeat_months``)."""
    value = session.execute(
        select(StoreSetting.value).where(StoreSetting.key == "parties.repeat_months")
    ).scalar_one_or_none()
    return int(value) if value else REPEAT_MONTHS


def prior_penalties(session: Session, conditions: Sequence[Any]) -> dict[int, int]:
    """For each 从轻/减轻 行政处罚 decision among the cases ``conditions`` keep (its party's 证件号码
    known): how many other 行政处罚 of the same party were decided within the repeat period
    before it — one query for the whole register (``conditions``: the register's, or the ids of
    the decisions already read).

    The query reads each such decision's earlier penalties of the same party within a window a
    little wider than the period (31 days a month); the exact calendar months are counted here.
    """
    months = repeat_months(session)
    other = aliased(Case)
    window = -(months * 31 + 1)
    dialect = dialect_of(session)
    stmt = (
        select(Case.id, Case.decided_on, other.decided_on)
        .join(
            other,
            and_(
                other.party_id_number == Case.party_id_number,
                _row_value(other.category, dialect) == terms.PENALTY,
                other.id != Case.id,
                other.decided_on.is_not(None),
                other.decided_on <= Case.decided_on,
                other.decided_on > _days_after(Case.decided_on, window, dialect),
            ),
        )
        .where(
            *conditions,
            # tested on the rows ``conditions`` keep: on SQLite not an index to walk instead
            # of the ids given (the 行政处罚 of the whole register)
            _row_value(Case.category, dialect) == terms.PENALTY,
            Case.discretion_band.in_(LENIENT),
            _row_value(Case.party_id_number, dialect).is_not(None),
            Case.decided_on.is_not(None),
        )
    )
    out: dict[int, int] = defaultdict(int)
    since: dict[date, date] = {}
    for case_id, decided, earlier in session.execute(stmt):
        assert decided is not None and earlier is not None
        start = since.get(decided)
        if start is None:
            start = since[decided] = months_before(decided, months)
        if earlier > start:
            out[case_id] += 1
    return dict(out)


def repeat_candidates(session: Session, as_of: date) -> ColumnElement[bool]:
    """The 从轻/减轻 行政处罚 decided by ``as_of`` whose party has another penalty decided before
    it within a little more than the repeat period (``repeat_offender_lenient`` may warn)."""
    other = aliased(Case)
    window = -(repeat_months(session) * 31 + 1)
    return and_(
        Case.category == terms.PENALTY,
        Case.decided_on <= as_of,
        Case.discretion_band.in_(LENIENT),
        Case.party_id_number.is_not(None),
        exists().where(
            other.party_id_number == Case.party_id_number,
            other.category == terms.PENALTY,
            other.id != Case.id,
            other.decided_on.is_not(None),
            other.decided_on <= Case.decided_on,
            other.decided_on > _days_after(Case.decided_on, window, dialect_of(session)),
        ),
    )


def _row_value(column: Any, dialect: str) -> Any:
    """``column`` as a value of the row, which SQLite does not look up in an index."""
    return column.concat("") if dialect == "sqlite" else column


def _days_after(column: Any, days: int, dialect: str) -> ColumnElement[Any]:
    """``column`` + ``days`` days in SQL (``days`` may be negative)."""
    if dialect == "sqlite":
        return func.date(column, literal(f"{days} days"))
    return column + days


def _kinds_outside(kinds: Any, allowed: Any) -> ColumnElement[bool]:
    """The case's 处罚种类 (、-joined) may name a kind the band's (、-joined) does not: a statutory
    kind it names that the band lacks, or a value that is no statutory kind at all (a superset
    of ``discretion_problem``'s test, never missing a case)."""
    wrapped = _wrapped(allowed)
    leftover: Any = kinds
    for kind in terms.PENALTY_KINDS:
        leftover = func.replace(leftover, kind, "")
    return or_(
        func.replace(leftover, "、", "") != "",
        *(and_(kinds.contains(k), ~wrapped.contains(f"、{k}、")) for k in terms.PENALTY_KINDS),
    )


def power_candidates(as_of: date, dialect: str) -> ColumnElement[bool]:
    """The cases citing a power that ``power_not_held`` or ``discretion_out_of_range`` may warn
    about as of ``as_of``, in SQL: the power is not the agency's or none of its versions was in
    force on the 立案 date; or, for a 行政处罚 decided by ``as_of`` with a band, some version of
    the agency's in force then lacks the band, or its band does not allow a kind given, or the
    fine is outside its range, or the band is 不予处罚 and a penalty was given.

    Only these cases need the exact rules (``rules.findings``); the cases citing a power that
    keep within their band are never read. A case with several versions in force on its 立案
    date is kept when any of them would warn (the rules then judge it by the latest).

    The query is driven from the small tables, never by a lookup per case: the register's
    distinct (power, agency, band, kinds) are read once from the covering index
    ``ix_cases_power_band``, judged against the catalogue, and only the cases of a broken
    combination, or with a fine below or above its band (ranges of the same index), or filed
    outside a version (ranges of ``ix_cases_power_filed``), are looked up.
    """
    register = aliased(Case, name="register")
    combos = (
        select(register.power_code, register.agency_id, register.discretion_band, register.penalty_kinds)
        .where(register.power_code.is_not(None))
        .group_by(register.power_code, register.agency_id, register.discretion_band, register.penalty_kinds)
        .cte("cited_combos")
    )
    return and_(
        Case.power_code.is_not(None),
        filed_by(as_of, dialect),
        Case.id.in_(union_all(*_not_held(combos), *_band_broken(combos, as_of, dialect))),
    )


def _in_force(power: Any, filed_on: Any) -> ColumnElement[bool]:
    return and_(
        power.effective_on <= filed_on,
        or_(power.expires_on.is_(None), power.expires_on >= filed_on),
    )


def _not_held(combos: CTE) -> list[Select[Any]]:
    """The cases whose agency holds no version of their power in force on the 立案 date: the
    cases of a (power, agency) the catalogue lacks, and the cases filed before a version of
    theirs takes effect or after it expires that no other version covers."""
    cited = aliased(Case, name="cited")
    absent = (
        select(combos.c.power_code, combos.c.agency_id)
        .where(~exists().where(Power.code == combos.c.power_code, Power.agency_id == combos.c.agency_id))
        .distinct()
        .subquery("absent_powers")
    )
    version = aliased(Power)
    other = aliased(Power)
    uncovered = ~exists().where(
        other.code == cited.power_code, other.agency_id == cited.agency_id, _in_force(other, cited.filed_on)
    )
    of_version = and_(cited.power_code == version.code, cited.agency_id == version.agency_id)
    return [
        select(cited.id).join(
            absent, and_(cited.power_code == absent.c.power_code, cited.agency_id == absent.c.agency_id)
        ),
        select(cited.id)
        .join(version, and_(of_version, cited.filed_on < version.effective_on))
        .where(uncovered),
        select(cited.id)
        .join(version, and_(of_version, cited.filed_on > version.expires_on))
        .where(version.expires_on.is_not(None), uncovered),
    ]


def _band_broken(combos: CTE, as_of: date, dialect: str) -> list[Select[Any]]:
    """The cases with a band that some version of their power in force on the 立案 date lacks,
    or whose band does not allow a kind given (or is 不予处罚 with a kind), judged once per
    distinct (power, agency, band, kinds) of the register; and the cases whose fine is below or
    above their band's range, or 不予处罚 with an amount."""
    cited = aliased(Case, name="cited")
    judged = (
        select(
            combos.c.power_code,
            combos.c.agency_id,
            combos.c.discretion_band,
            combos.c.penalty_kinds,
            Power.effective_on,
            Power.expires_on,
            _combo_broken(combos.c.penalty_kinds, dialect).label("broken"),
            PowerBand.band,
            PowerBand.fine_min,
            PowerBand.fine_max,
        )
        .join(Power, and_(Power.code == combos.c.power_code, Power.agency_id == combos.c.agency_id))
        .where(combos.c.discretion_band.is_not(None))
        .outerjoin(
            PowerBand, and_(PowerBand.power_id == Power.id, PowerBand.band == combos.c.discretion_band)
        )
        .cte("judged_bands")
    )
    # the 立案 date read from the index entry, not a range of it: SQLite would otherwise walk
    # ix_cases_power_filed rather than the (power, agency, band, kinds) of ix_cases_power_band
    filed = func.date(cited.filed_on, type_=Date) if dialect == "sqlite" else cited.filed_on
    in_window = and_(
        filed >= judged.c.effective_on,
        or_(judged.c.expires_on.is_(None), filed <= judged.c.expires_on),
    )
    same_band = and_(
        cited.power_code == judged.c.power_code,
        cited.agency_id == judged.c.agency_id,
        cited.discretion_band == judged.c.discretion_band,
    )
    same_kinds = cited.penalty_kinds == judged.c.penalty_kinds
    no_kinds = and_(cited.penalty_kinds.is_(None), judged.c.penalty_kinds.is_(None))
    kinds = func.coalesce(judged.c.penalty_kinds, "")
    fined = and_(judged.c.band != NO_PENALTY, kinds.contains(FINE))
    amount_given = and_(judged.c.band == NO_PENALTY, kinds == "")

    def cases(kinds_match: ColumnElement[bool], *where: ColumnElement[bool]) -> Select[Any]:
        return (
            select(cited.id)
            .join(judged, and_(same_band, kinds_match))
            .where(*where, in_window, cited.category == terms.PENALTY, cited.decided_on <= as_of)
        )

    return [
        # the whole combination is out: no such band, a kind it does not allow, 不予处罚 with a kind
        cases(same_kinds, judged.c.broken),
        cases(no_kinds, judged.c.broken),
        # a fine below or above the band's range (ranges of the index, the limits themselves kept)
        cases(and_(same_kinds, cited.amount < judged.c.fine_min), fined),
        cases(and_(same_kinds, cited.amount > judged.c.fine_max), fined),
        # 不予处罚 with an amount
        cases(and_(same_kinds, cited.amount > 0), amount_given),
        cases(and_(no_kinds, cited.amount > 0), amount_given),
    ]


def _combo_broken(case_kinds: Any, dialect: str) -> ColumnElement[bool]:
    """A (band, kinds) of the register that is out of its band as a whole: the version lacks
    the band, or the band is 不予处罚 and a kind was given, or the band does not allow a kind
    given (``discretion_problem``'s test, widened: never missing a case)."""
    kinds = func.coalesce(case_kinds, "")
    allowed = func.coalesce(PowerBand.penalty_kinds, "")
    return or_(
        PowerBand.id.is_(None),
        and_(PowerBand.band == NO_PENALTY, kinds != ""),
        and_(
            PowerBand.band != NO_PENALTY,
            allowed != "",
            kinds != "",
            # the usual case first: the case's kinds are a run of the band's (一个 or 警告、罚款)
            _position(_wrapped(allowed), _wrapped(kinds), dialect) == 0,
            _kinds_outside(kinds, allowed),
        ),
    )


def filed_by(as_of: date, dialect: str) -> ColumnElement[bool]:
    """``filed_on <= as_of``, written so that SQLite scans the register rather than walking the
    立案 date index for nearly every case (a lookup per row; PostgreSQL's planner has statistics)."""
    if dialect == "sqlite":
        return func.date(Case.filed_on, type_=Date) <= as_of
    return Case.filed_on <= as_of


def _wrapped(text: Any) -> Any:
    return literal("、").concat(text).concat(literal("、"))


def _position(haystack: Any, needle: Any, dialect: str) -> ColumnElement[int]:
    """Where ``needle`` starts in ``haystack`` (1-based; 0: not in it), no wildcard involved."""
    return func.instr(haystack, needle) if dialect == "sqlite" else func.strpos(haystack, needle)


def case_power(facts: CaseFacts) -> CasePower | None:
    """The power a case cites, as its agency's version in force on the 立案 date has it."""
    if not facts.power_code:
        return None
    own = [v for v in facts.power_versions if v.agency_id == facts.agency_id]
    version = version_in_force(own, facts.filed_on)
    if version is None:
        return CasePower(facts.power_code, None, None, facts.discretion_band, in_force=False)
    band = version.band(facts.discretion_band) if facts.discretion_band else None
    return CasePower(
        version.code,
        version.name,
        version.legal_basis,
        facts.discretion_band,
        tuple(k for k in terms.PENALTY_KINDS if k in band.kinds) if band else (),
        band.fine_min if band else None,
        band.fine_max if band else None,
    )
