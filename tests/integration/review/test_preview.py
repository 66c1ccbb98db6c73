"""The draw previewed before it is stored, on both databases: the same seed gives the same files and
reviewers as the committed draw, nothing is stored, the same refusals; and a name close to an existing
campaign's is warned of (never refused)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from desktop.accounts.audit import list_audit
from desktop.core.errors import Conflict, PermissionDenied, ValidationError
from desktop.core.paging import ListQuery
from desktop.core.security import Actor
from desktop.models.db import Store
from desktop.review.campaigns import create_campaign, list_campaigns
from desktop.review.dto import CampaignSpec
from desktop.review.preview import preview_draw, similar_campaigns
from tests.helpers.review_county import AGENCIES, County, make_county


@pytest.fixture
def county(store: Store, admin: Actor, tmp_path) -> County:
    return make_county(store, admin, tmp_path)


def spec(name: str = "2025年度行政处罚案卷评查", **kw) -> CampaignSpec:  # type: ignore[no-untyped-def]
    kw.setdefault("seed", "20261207")
    kw.setdefault("reviewers", ("r_market", "r_transport", "r_bureau"))
    return CampaignSpec(name=name, closed_from=date(2025, 1, 1), closed_to=date(2025, 12, 31), **kw)


def drawn(items) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    return [(i.agency, i.case_no, i.reviewers, i.paper, i.rank) for i in items]


@pytest.mark.parametrize("double", [False, True])
def test_the_preview_is_the_draw_that_is_then_committed(county: County, double: bool) -> None:
    reviewers = ("r_bureau", "r_bureau2", "r_market") if double else ("r_market", "r_transport", "r_bureau")
    s = spec(per_agency=3, double=double, reviewers=reviewers, exclude_recent=1)
    before = len(list_audit(county.store, county.admin, ListQuery(limit=None)).items)
    preview = preview_draw(county.store, county.supervisor, s, as_of=date(2026, 12, 7))
    # nothing stored, nothing audited
    assert list_campaigns(county.store, county.supervisor) == ()
    assert len(list_audit(county.store, county.admin, ListQuery(limit=None)).items) == before
    result = create_campaign(county.store, county.supervisor, s, as_of=date(2026, 12, 7))
    assert drawn(preview.items) == drawn(result.items)
    assert preview.eligible == result.eligible
    assert (preview.population_size, preview.population_sha256) == (
        result.campaign.population_size,
        result.campaign.population_sha256,
    )
    # files per agency and the reviewers' loads, as the dialog's table shows them
    assert preview.per_agency == tuple((a, 12, 3) for a in sorted(AGENCIES))
    loads = dict(preview.loads)
    assert sum(loads.values()) == 9 * (2 if double else 1)
    assert set(loads) == set(reviewers)
    assert max(loads.values()) - min(loads.values()) <= 3  # balanced, within the conflict rule


def test_the_preview_refuses_what_the_draw_refuses(county: County) -> None:
    with pytest.raises(PermissionDenied):
        preview_draw(county.store, county.reviewers["r_bureau"], spec())
    with pytest.raises(ValidationError, match="Too few reviewers"):
        preview_draw(county.store, county.supervisor, spec(reviewers=("r_market",)))
    with pytest.raises(ValidationError, match="not a reviewer"):
        preview_draw(county.store, county.supervisor, spec(reviewers=("jiandu",)))  # a supervisor
    with pytest.raises(ValidationError, match="No file is eligible"):
        empty = dataclasses.replace(spec(), closed_from=date(2020, 1, 1), closed_to=date(2020, 12, 31))
        preview_draw(county.store, county.supervisor, empty)
    create_campaign(county.store, county.supervisor, spec())
    with pytest.raises(Conflict, match="already exists"):
        preview_draw(county.store, county.supervisor, spec())


def test_a_name_close_to_an_existing_campaigns_is_warned_not_refused(county: County) -> None:
    create_campaign(county.store, county.supervisor, spec("2025年度行政处罚案卷评查"))
    create_campaign(county.store, county.supervisor, spec("2024年度行政强制案卷评查", seed="x"))
    assert similar_campaigns(county.store, county.supervisor, "2025 年度 行政处罚案卷评查。") == (
        "2025年度行政处罚案卷评查",
    )
    assert similar_campaigns(county.store, county.supervisor, "2025年度行政处罚案卷评查（补充）") == (
        "2025年度行政处罚案卷评查",
    )
    assert similar_campaigns(county.store, county.supervisor, "2026年度行政处罚案卷评查") == (
        "2025年度行政处罚案卷评查",
    )
    assert similar_campaigns(county.store, county.supervisor, "交通运输专项评查") == ()
    warned = preview_draw(county.store, county.supervisor, spec("2026年度行政处罚案卷评查", seed="y"))
    assert warned.similar_names == ("2025年度行政处罚案卷评查",)
    # a warning only: the draw goes ahead
    created = create_campaign(county.store, county.supervisor, spec("2026年度行政处罚案卷评查", seed="y"))
    assert created.campaign.name == "2026年度行政处罚案卷评查"
    with pytest.raises(PermissionDenied):
        similar_campaigns(county.store, county.agency_users["u_market"], "2025")
