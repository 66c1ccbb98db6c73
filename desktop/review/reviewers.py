"""Who may review a campaign's files, and the conflict rule the draw and a reassignment share.

A campaign's reviewers are accounts holding the reviewer role (评查员): an administrator or a
supervisor is offered, drawn or given files only when the account holds that role. Nobody scores a
file of their own agency, and on a double-scored file the two sheets go to two people.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts.service import find_user
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import ROLE_PERMISSIONS, Actor, Permission, Role, require
from desktop.models import Agency, User
from desktop.models.db import Store
from desktop.review import draw as dr
from desktop.review.dto import ReviewerRow

REVIEWER_ROLES = frozenset({Role.REVIEWER})
"""The roles a campaign reviewer holds (one role per account today: 评查员)."""


def holds_reviewer_role(role: str) -> bool:
    """Whether an account of this role may be a campaign's reviewer."""
    return role in REVIEWER_ROLES


def campaign_reviewers(store: Store, actor: Actor) -> tuple[ReviewerRow, ...]:
    """The active accounts holding the reviewer role, by name: whom a campaign or a reassignment
    may name (administrators and supervisors only when they hold the role)."""
    return tuple(r for r in list_reviewers(store, actor) if holds_reviewer_role(r.role))


def list_reviewers(store: Store, actor: Actor) -> tuple[ReviewerRow, ...]:
    """The active users whose role may score files (a recheck may go to a supervisor), by name."""
    require(actor, Permission.MANAGE_REVIEWS)
    roles = [r.value for r in Role if Permission.SCORE_FILES in ROLE_PERMISSIONS[r]]
    with store.reading() as session:
        rows = session.execute(
            select(User.name, User.display_name, User.role, User.agency_id, Agency.name)
            .outerjoin(Agency, Agency.id == User.agency_id)
            .where(User.active.is_(True), User.role.in_(roles))
            .order_by(User.name)
        ).all()
        return tuple(ReviewerRow(*r) for r in rows)


def reviewer_account(session: Session, name: str, field: str = "reviewers") -> User:
    """The active account holding the reviewer role that a typed name means (any case, as at login)."""
    u = find_user(session, name)
    if u is None or not u.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "No active user named {name}."), field=field, name=name
        )
    if not holds_reviewer_role(u.role):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is not a reviewer."), field=field, name=u.name
        )
    return u


def seats(session: Session, names: Sequence[str]) -> list[dr.Seat]:
    """The reviewers named, by the names their accounts have, with the agency they may not review."""
    out = []
    for n in names:
        u = reviewer_account(session, n)
        out.append(dr.Seat(u.name, u.agency_id))
    return out


def may_take(seat: dr.Seat, file_agency_id: int, holders: Sequence[str]) -> bool:
    """The draw's rule for one more sheet of a file: not of the file's agency, and not already
    holding another sheet of it."""
    own_agency = seat.agency_id is not None and seat.agency_id == file_agency_id
    return not own_agency and seat.name not in holders
