"""A reviewer's way through a campaign: after submitting one file, the next one still to score
(下一份). No Qt."""

from __future__ import annotations

from sqlalchemy import select

from desktop.core.errors import NotFound
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import Campaign, CampaignFile, Scoring
from desktop.models.db import Store


def next_sheet(store: Store, actor: Actor, scoring_id: int) -> int | None:
    """The actor's next score sheet not yet submitted in the campaign of sheet ``scoring_id``: the
    first after it in the draw's order, else the first before it; None when there is none left
    (or the campaign is closed)."""
    require(actor, Permission.SCORE_FILES)
    with store.reading() as session:
        current = session.get(Scoring, scoring_id)
        if current is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such score sheet (id {id})."), id=scoring_id)
        here = session.get_one(CampaignFile, current.file_id)
        if session.get_one(Campaign, here.campaign_id).state == "closed":
            return None
        rows = session.execute(
            select(Scoring.id, CampaignFile.position)
            .join(CampaignFile, CampaignFile.id == Scoring.file_id)
            .where(
                CampaignFile.campaign_id == here.campaign_id,
                Scoring.reviewer == actor.name,
                Scoring.state != "submitted",
                Scoring.id != scoring_id,
            )
            .order_by(CampaignFile.position, Scoring.id)
        ).all()
        later = [sid for sid, position in rows if (position, sid) > (here.position, scoring_id)]
        ordered = later or [sid for sid, _ in rows]
        return ordered[0] if ordered else None
