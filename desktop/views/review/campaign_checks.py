"""What 新建评查活动 checks and offers, apart from its widgets: the service's rules run as the user
types (``check_spec``, each rule looked past in turn), a random seed, the default period, the choices
read off the GUI thread, and the existing campaigns whose name is close to the one typed."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from desktop.cases import terms
from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.personnel.dto import AgencyRow
from desktop.personnel.service import list_agencies
from desktop.review.campaigns import check_spec
from desktop.review.dto import CampaignSpec, DrawnItem, DrawPreview, DrawResult, RubricRow
from desktop.review.names import similar_names
from desktop.review.rubrics import list_rubrics
from desktop.views.review.form_parts import ReviewerChoice, reviewer_choices

SEED_DIGITS = 8
FIELD_OF = {
    "closed_from": "period",
    "closed_to": "period",
    "rubrics": "categories",
    "per_agency": "quota",
    "percent": "quota",
    "agency": "agencies",
    "agency_ids": "agencies",
    "double": "first_weight",
}
"""The form field that shows a problem the service names by its own field."""
SAFE: dict[str, Callable[[CampaignSpec], CampaignSpec]] = {
    "name": lambda s: dataclasses.replace(s, name="—"),
    "seed": lambda s: dataclasses.replace(s, seed="0"),
    "closed_to": lambda s: dataclasses.replace(s, closed_to=s.closed_from),
    "categories": lambda s: dataclasses.replace(s, categories=(terms.PENALTY,)),
    "per_agency": lambda s: dataclasses.replace(s, per_agency=1, percent=None),
    "percent": lambda s: dataclasses.replace(s, per_agency=s.per_agency or 1, percent=None),
    "exclude_recent": lambda s: dataclasses.replace(s, exclude_recent=0),
    "reviewers": lambda s: dataclasses.replace(s, reviewers=("—",)),
    "first_weight": lambda s: dataclasses.replace(s, first_weight=50),
    "recheck_days": lambda s: dataclasses.replace(s, recheck_days=5),
}
"""A value each rule accepts, to look past one problem for the next."""
NAME_TAKEN = "A campaign named {name} already exists."
NO_RUBRIC = "No review standard applies to {category}: import one first."
"""The service's words (context ``errors``), shown as the user types."""


def new_seed() -> str:
    """A random 8-digit seed (from ``secrets``: nobody can predict it before the draw)."""
    return str(10 ** (SEED_DIGITS - 1) + secrets.randbelow(9 * 10 ** (SEED_DIGITS - 1)))


def spec_problems(spec: CampaignSpec) -> dict[str, str]:
    """Every rule of ``check_spec`` the spec breaks, by the service's field name (each rule checked
    with the fields before it made acceptable)."""
    found: dict[str, str] = {}
    for _ in range(len(SAFE) + 1):
        try:
            check_spec(spec)
            break
        except ValidationError as exc:
            found.setdefault(exc.field, exc.localized())
            fix = SAFE.get(exc.field)
            if fix is None:
                break
            spec = fix(spec)
    return found


def last_year(today: date) -> tuple[date, date]:
    """The last calendar year: the default period of closed cases."""
    return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)


Choices = tuple[Sequence[AgencyRow], Sequence[RubricRow], tuple[Sequence[ReviewerChoice], bool]]
"""What the form offers: the agencies, the newest standards, the reviewers (and if complete)."""


def campaign_choices(
    ctx: AppContext,
    agencies: Sequence[AgencyRow] | None = None,
    rubrics: Sequence[RubricRow] | None = None,
    reviewers: tuple[Sequence[ReviewerChoice], bool] | None = None,
) -> Choices:
    """Read what the form offers (on the task runner's worker); what is given is kept."""
    return (
        list(list_agencies(ctx.store, ctx.user).items) if agencies is None else list(agencies),
        list_rubrics(ctx.store, ctx.user, latest_only=True) if rubrics is None else rubrics,
        reviewer_choices(ctx.store, ctx.user) if reviewers is None else reviewers,
    )


def close_names(name: str, taken: Iterable[str]) -> tuple[str, ...]:
    """Existing campaigns whose name is close to ``name`` (``names.is_close``): a warning, not a refusal."""
    return similar_names(name, taken)


def drawn_keys(items: Sequence[DrawnItem]) -> list[tuple[str, str, tuple[str, ...]]]:
    """What a draw gave, to compare a preview with the stored draw."""
    return [(i.agency, i.case_no, i.reviewers) for i in items]


def same_draw(preview: DrawPreview, result: DrawResult) -> bool:
    """Whether the stored draw is the one previewed (the register may change in between)."""
    return drawn_keys(preview.items) == drawn_keys(result.items)
