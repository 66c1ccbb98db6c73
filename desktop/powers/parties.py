"""Parties (行政相对人): one record per 证件号码 with all their cases across agencies, and whether
they are a repeat party (punished more than once within a period, a setting: 12 months)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.cases import terms as case_terms
from desktop.core.clock import months_before
from desktop.core.errors import NotFound
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import is_valid_resident_id, normalize_id
from desktop.core.security import Actor, Permission, require
from desktop.models import Agency, Case, StoreSetting
from desktop.models.db import Store
from desktop.powers.dto import PartyCase, PartyRecord

DEFAULT_REPEAT_MONTHS = 12


def show_party(store: Store, actor: Actor, id_number: str, *, as_of: date | None = None) -> PartyRecord:
    """The party with this 证件号码: names, cases across agencies (an agency user: their
    agency's), penalties within the repeat period before ``as_of``.

    A person's 身份证号 may be searched only by a role that may see whole numbers (else a masked
    number could be recovered one search at a time)."""
    require(actor, Permission.VIEW_CASES)
    number = normalize_id(id_number or "")
    if is_valid_resident_id(number):
        require(actor, Permission.VIEW_ID_NUMBERS)
    as_of = as_of or store.clock.today()
    with store.reading() as session:
        months = session.execute(
            select(StoreSetting.value).where(StoreSetting.key == "parties.repeat_months")
        ).scalar_one_or_none()
        repeat_months = int(months) if months else DEFAULT_REPEAT_MONTHS
        stmt = (
            select(
                Case.case_no,
                Agency.name,
                Case.category,
                Case.filed_on,
                Case.decided_on,
                Case.penalty_kinds,
                Case.amount,
                Case.discretion_band,
                Case.party,
                Case.party_type,
            )
            .join(Agency, Agency.id == Case.agency_id)
            .where(Case.party_id_number == number)
            .order_by(Case.filed_on, Case.id)
        )
        if actor.scope_agency_id is not None:
            stmt = stmt.where(Case.agency_id == actor.scope_agency_id)
        rows = session.execute(stmt).all()
    if not rows:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No case names a party with the number {number}."), number=number
        )
    since = months_before(as_of, repeat_months)
    punished = sum(
        1 for r in rows if r[2] == case_terms.PENALTY and r[4] is not None and since < r[4] <= as_of
    )
    cases = tuple(
        PartyCase(r[0], r[1], r[2], r[3], r[4], case_terms.split_multi(r[5]), r[6], r[7]) for r in rows
    )
    return PartyRecord(
        number,
        tuple(dict.fromkeys(r[8] for r in rows)),
        rows[-1][9],
        cases,
        punished,
        punished > 1,
    )
