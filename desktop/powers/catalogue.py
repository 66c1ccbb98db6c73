"""The catalogue of enforcement powers (执法事项) and their discretion bands (裁量基准), FORMATS.md §10.

One row per band of one power; the rows with one 事项编码 and one 生效日期 make one version of the
power. An import checks every row first and writes nothing when any is wrong. A version already
in the store is replaced by the file's (its bands with it); other versions stay: a power ends by
its 失效日期, never by a missing row. A 事项编码 belongs to one agency in the county.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from desktop.accounts import audit
from desktop.accounts.input_settings import apply_input_limits
from desktop.cases.terms import PENALTY_KINDS
from desktop.core.clock import utc_iso
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.io.imports import IsCancelled, Progress, RowCheck, read_checked, tick, unknown_column_warnings
from desktop.io.xlsx import Column, SheetRow, parse_date, parse_money, parse_multi, parse_text
from desktop.models import Agency, Power, PowerBand
from desktop.models.db import Store
from desktop.personnel.dto import ImportResult
from desktop.personnel.lookup import agency_ids_by_name, find_agency
from desktop.powers import terms
from desktop.powers.dto import BandRow, PowerRow

POWER_COLUMNS = (
    Column("事项编码", required=True),
    Column("执法主体", required=True),
    Column("事项名称", required=True),
    Column("事项类别", required=True),
    Column("法律依据", required=True),
    Column("裁量档次"),
    Column("情形"),
    Column("处罚种类"),
    Column("罚款下限"),
    Column("罚款上限"),
    Column("生效日期", required=True),
    Column("失效日期"),
)
"""The catalogue workbook's columns (FORMATS.md §10)."""

CODE_LIMIT, NAME_LIMIT, TEXT_LIMIT, KINDS_LIMIT = 40, 300, 5000, 200
AMOUNT_LIMIT = Decimal("999999999999.99")

_REQUIRED = QT_TRANSLATE_NOOP("errors", "{field} is required.")
_NOT_ONE_OF = QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}.")
_TOO_LONG = QT_TRANSLATE_NOOP("errors", "longer than {limit} characters")
_TOO_LARGE = QT_TRANSLATE_NOOP("errors", "larger than {limit}")
_UNKNOWN_AGENCY = QT_TRANSLATE_NOOP("errors", "{value} is not a known agency.")
_OTHER_AGENCY = QT_TRANSLATE_NOOP("errors", "power {code} belongs to {agency}.")
_DISAGREES = QT_TRANSLATE_NOOP("errors", "differs from row {first} of the same power and date.")
_BAND_TWICE = QT_TRANSLATE_NOOP("errors", "band {band} appears again (first in row {first}).")
_MIN_OVER_MAX = QT_TRANSLATE_NOOP("errors", "罚款下限 is above 罚款上限.")
_EXPIRES_BEFORE = QT_TRANSLATE_NOOP("errors", "失效日期 is before 生效日期.")
_FINE_WITHOUT_KIND = QT_TRANSLATE_NOOP("errors", "a fine range needs 罚款 among the 处罚种类.")
_FINE_NEEDS_RANGE = QT_TRANSLATE_NOOP("errors", "罚款 needs 罚款下限 and 罚款上限.")


def _t(template: str) -> str:
    return translate("errors", template)


@dataclass(frozen=True)
class _BandIn:
    row: int
    band: str
    circumstances: str | None
    kinds: tuple[str, ...]
    fine_min: Decimal | None
    fine_max: Decimal | None


@dataclass
class _VersionIn:
    row: int
    code: str
    agency_id: int
    name: str
    category: str
    legal_basis: str
    effective_on: date
    expires_on: date | None
    bands: list[_BandIn]


def import_powers(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Import the catalogue of powers from a workbook; all rows or none."""
    require(actor, Permission.MANAGE_POWERS)
    apply_input_limits(store)  # the store's row and problem limits and plausible years
    sheet = read_checked(path, POWER_COLUMNS, progress, cancelled, sheet_name="执法事项")
    with store.reading() as session:
        agencies = agency_ids_by_name(session)
        owners = dict(session.execute(select(Power.code, Power.agency_id).distinct()).all())
        agency_names = dict(session.execute(select(Agency.id, Agency.name)).all())
    check = RowCheck(sheet)
    versions: dict[tuple[str, date], _VersionIn] = {}
    for row in sheet.rows:
        version = _check_row(check, row, agencies)
        if version is None:
            continue
        key = (version.code, version.effective_on)
        known = versions.get(key)
        if known is None:
            versions[key] = version
            continue
        if (known.agency_id, known.name, known.category, known.legal_basis, known.expires_on) != (
            version.agency_id,
            version.name,
            version.category,
            version.legal_basis,
            version.expires_on,
        ):
            check.add(row.number, "事项名称", _t(_DISAGREES).format(first=known.row))
        for band in version.bands:
            first = next((b.row for b in known.bands if b.band == band.band), None)
            if first is not None:
                check.add(row.number, "裁量档次", _t(_BAND_TWICE).format(band=band.band, first=first))
            else:
                known.bands.append(band)
    file_owner: dict[str, int] = {}
    for v in versions.values():
        owner = owners.get(v.code, file_owner.setdefault(v.code, v.agency_id))
        if owner != v.agency_id:
            check.add(
                v.row, "事项编码", _t(_OTHER_AGENCY).format(code=v.code, agency=agency_names.get(owner, ""))
            )
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    return _write(store, actor, list(versions.values()), progress, cancelled, unknown_column_warnings(sheet))


def _check_row(check: RowCheck, row: SheetRow, agencies: dict[str, int]) -> _VersionIn | None:
    n = row.number
    errors_before = len(check.errors)

    def text(column: str, limit: int, required: bool = False) -> str | None:
        value = check.cell(row, column, parse_text)
        if value is None and required:
            check.add(n, column, _t(_REQUIRED).format(field=column))
        if value is not None and len(value) > limit:
            check.add(n, column, _t(_TOO_LONG).format(limit=limit))
        return value

    def choice(column: str, allowed: tuple[str, ...], required: bool) -> str | None:
        value = text(column, 20, required)
        if value is not None and value not in allowed:
            check.add(n, column, _t(_NOT_ONE_OF).format(value=value, allowed="、".join(allowed)))
        return value

    def money(column: str) -> Decimal | None:
        value = check.cell(row, column, parse_money)
        if value is not None and value > AMOUNT_LIMIT:
            check.add(n, column, _t(_TOO_LARGE).format(limit=f"{AMOUNT_LIMIT:,}"))
        return value

    code = text("事项编码", CODE_LIMIT, True)
    agency = text("执法主体", 120, True)
    agency_id = agencies.get(agency or "")
    if agency and agency_id is None:
        check.add(n, "执法主体", _t(_UNKNOWN_AGENCY).format(value=agency))
    name = text("事项名称", NAME_LIMIT, True)
    category = choice("事项类别", terms.POWER_CATEGORIES, True)
    basis = text("法律依据", TEXT_LIMIT, True)
    is_penalty = category == terms.PENALTY
    band = choice("裁量档次", terms.BANDS, is_penalty)
    circumstances = text("情形", TEXT_LIMIT)
    kinds = check.cell(row, "处罚种类", parse_multi) or ()
    if len("、".join(kinds)) > KINDS_LIMIT:
        check.add(n, "处罚种类", _t(_TOO_LONG).format(limit=KINDS_LIMIT))
    for kind in kinds:
        if kind not in PENALTY_KINDS:
            check.add(n, "处罚种类", _t(_NOT_ONE_OF).format(value=kind, allowed="、".join(PENALTY_KINDS)))
    if is_penalty and not kinds and band not in (None, terms.NO_PENALTY):
        check.add(n, "处罚种类", _t(_REQUIRED).format(field="处罚种类"))
    low, high = money("罚款下限"), money("罚款上限")
    if low is not None and high is not None and low > high:
        check.add(n, "罚款下限", _t(_MIN_OVER_MAX))
    if (low is not None or high is not None) and terms.FINE not in kinds:
        check.add(n, "处罚种类", _t(_FINE_WITHOUT_KIND))
    if terms.FINE in kinds and (low is None or high is None):
        check.add(n, "罚款下限" if low is None else "罚款上限", _t(_FINE_NEEDS_RANGE))
    effective = check.cell(row, "生效日期", parse_date)
    if effective is None and "生效日期" not in {e.column for e in check.errors[errors_before:]}:
        check.add(n, "生效日期", _t(_REQUIRED).format(field="生效日期"))
    expires = check.cell(row, "失效日期", parse_date)
    if effective and expires and expires < effective:
        check.add(n, "失效日期", _t(_EXPIRES_BEFORE))
    if len(check.errors) > errors_before:
        return None
    assert code and agency_id and name and category and basis and effective
    bands = [_BandIn(n, band, circumstances, tuple(kinds), low, high)] if band else []
    return _VersionIn(n, code, agency_id, name, category, basis, effective, expires, bands)


_AUDITED = ("code", "agency_id", "name", "category", "legal_basis", "effective_on", "expires_on")


def _snapshot(power: Power) -> dict:
    out = audit.snapshot(power, _AUDITED)
    out["bands"] = [
        {
            "band": b.band,
            "circumstances": b.circumstances,
            "penalty_kinds": b.penalty_kinds,
            "fine_min": None if b.fine_min is None else str(b.fine_min),
            "fine_max": None if b.fine_max is None else str(b.fine_max),
        }
        for b in power.bands
    ]
    return out


def _write(
    store: Store,
    actor: Actor,
    versions: list[_VersionIn],
    progress: Progress | None,
    cancelled: IsCancelled | None,
    warnings: tuple[str, ...],
) -> ImportResult:
    imported = skipped = updated = 0
    with store.importing(actor.name), store.unit_of_work() as uow:
        session = uow.session
        codes = sorted({v.code for v in versions})
        existing: dict[tuple[str, date], Power] = {}
        for start in range(0, len(codes), 500):
            for p in session.execute(
                select(Power)
                .options(selectinload(Power.bands))
                .where(Power.code.in_(codes[start : start + 500]))
            ).scalars():
                existing[(p.code, p.effective_on)] = p
        changes = []
        now = utc_iso(store.clock.now())
        for done, v in enumerate(versions, 1):
            tick(done, len(versions), progress, cancelled)
            power = existing.get((v.code, v.effective_on))
            before = _snapshot(power) if power is not None else None
            if power is None:
                power = Power(code=v.code, effective_on=v.effective_on)
                session.add(power)
            power.agency_id, power.name, power.category = v.agency_id, v.name, v.category
            power.legal_basis, power.expires_on = v.legal_basis, v.expires_on
            wanted = [
                (b.band, b.circumstances, "、".join(b.kinds) or None, b.fine_min, b.fine_max)
                for b in sorted(v.bands, key=lambda b: terms.BANDS.index(b.band))
            ]
            held = [(b.band, b.circumstances, b.penalty_kinds, b.fine_min, b.fine_max) for b in power.bands]
            if (
                before is not None
                and held == wanted
                and before == {**_snapshot(power), "bands": before["bands"]}
            ):
                skipped += 1
                continue
            if held != wanted:
                power.bands.clear()
                session.flush()
                for position, (band, circ, kinds, low, high) in enumerate(wanted):
                    power.bands.append(
                        PowerBand(
                            position=position,
                            band=band,
                            circumstances=circ,
                            penalty_kinds=kinds,
                            fine_min=low,
                            fine_max=high,
                        )
                    )
            power.imported_at, power.imported_by = now, actor.name
            session.flush()
            imported += 1
            updated += before is not None
            changes.append(
                audit.Change(
                    "import" if before is None else "update",
                    "power",
                    power.id,
                    before,
                    _snapshot(power),
                    f"{v.code} {v.effective_on.isoformat()}",
                )
            )
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return ImportResult(imported, skipped, warnings=warnings, updated=updated)


# ---------------------------------------------------------------------------- reading


def list_powers(
    store: Store, actor: Actor, query: ListQuery | None = None, *, agency: str | int | None = None
) -> Page[PowerRow]:
    """Every version of every power (an agency user: their agency's), searched by code or name."""
    require(actor, Permission.VIEW_CASES)
    query = query or ListQuery(limit=None)
    with store.reading() as session:
        stmt = select(Power).options(selectinload(Power.bands)).order_by(Power.code, Power.effective_on)
        agency_id = find_agency(session, agency).id if agency not in (None, "") else None
        scope = actor.scope_agency_id
        if scope is not None:
            if agency_id is not None and agency_id != scope:
                require_agency(actor, agency_id)
            agency_id = scope
        if agency_id is not None:
            stmt = stmt.where(Power.agency_id == agency_id)
        text = query.search.strip()
        if text:
            stmt = stmt.where(
                or_(Power.code.contains(text, autoescape=True), Power.name.contains(text, autoescape=True))
            )
        agencies = session.execute(select(Agency.id, Agency.name, Agency.short_name)).all()
        names = {a.id: a.name for a in agencies}
        shorts = {a.id: a.short_name for a in agencies}
        powers = [
            replace(power_row(p, names), agency_short_name=shorts.get(p.agency_id))
            for p in session.execute(stmt).scalars()
        ]
    total = len(powers)
    window = powers[query.offset : None if query.limit is None else query.offset + query.limit]
    return Page(tuple(window), total)


def power_row(p: Power, names: dict[int, str]) -> PowerRow:
    """A stored version as a row."""
    return PowerRow(
        p.id,
        p.code,
        p.agency_id,
        names.get(p.agency_id, ""),
        p.name,
        p.category,
        p.legal_basis,
        p.effective_on,
        p.expires_on,
        tuple(
            BandRow(
                b.band,
                b.circumstances,
                tuple(k for k in (b.penalty_kinds or "").split("、") if k),
                b.fine_min,
                b.fine_max,
            )
            for b in p.bands
        ),
    )


def power_versions(session: Session, codes: set[str] | None = None) -> dict[str, list[Power]]:
    """Every stored version of the powers (of ``codes``), by code, oldest first."""
    stmt = select(Power).options(selectinload(Power.bands)).order_by(Power.code, Power.effective_on)
    if codes is not None:
        stmt = stmt.where(Power.code.in_(sorted(codes)))
    out: dict[str, list[Power]] = defaultdict(list)
    for p in session.execute(stmt).scalars():
        out[p.code].append(p)
    return out
