"""The draw shown before it is stored (抽取预览): the files per agency and the reviewers with their
loads, computed exactly as ``create_campaign`` computes them (the same seed, scope and register give
the same files and reviewers), and the existing campaigns whose name is close to the new one's."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import select

from desktop.core.errors import Conflict
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import Campaign
from desktop.models.db import Store
from desktop.review.campaigns import check_spec, plan_draw
from desktop.review.dto import CampaignSpec, DrawnItem, DrawPreview
from desktop.review.names import similar_names


def preview_draw(store: Store, actor: Actor, spec: CampaignSpec, as_of: date | None = None) -> DrawPreview:
    """Compute the draw of ``spec`` as of ``as_of`` without storing anything. Refused as
    ``create_campaign`` would refuse it (a taken name, no eligible file, too few reviewers)."""
    require(actor, Permission.MANAGE_REVIEWS)
    check_spec(spec)
    as_of = as_of or store.clock.today()
    with store.reading() as session:
        name = spec.name.strip()
        names = list(session.execute(select(Campaign.name)).scalars())
        if name in names:
            raise Conflict(QT_TRANSLATE_NOOP("errors", "A campaign named {name} already exists."), name=name)
        plan = plan_draw(session, spec, as_of)
        items = tuple(
            DrawnItem(0, d.file.case_id, d.file.case_no, d.file.agency, r, not d.file.has_dossier, d.rank)
            for d, r in zip(plan.drawn, plan.assigned, strict=True)
        )
        return DrawPreview(
            name,
            spec.seed,
            items,
            tuple(sorted(plan.counts.items())),
            len(plan.rows),
            hashlib.sha256(plan.population.encode()).hexdigest(),
            similar_names(name, names),
        )


def similar_campaigns(store: Store, actor: Actor, name: str) -> tuple[str, ...]:
    """Existing campaigns whose name is close to ``name`` (``names.is_close``): a warning to show."""
    require(actor, Permission.MANAGE_REVIEWS)
    with store.reading() as session:
        return similar_names(name, session.execute(select(Campaign.name)).scalars())
