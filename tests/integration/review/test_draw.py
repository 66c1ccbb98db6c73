"""The seeded draw on both databases: determinism, quotas, scope, exclusions, paper files, the
conflict-of-interest rule, load balance, verification, and the stored seed and fingerprint."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest

from desktop.accounts.audit import verify_chain
from desktop.core.errors import Conflict, PermissionDenied, ValidationError
from desktop.core.security import Actor
from desktop.models import Case
from desktop.models.db import Store
from desktop.review import draw as dr
from desktop.review.campaigns import create_campaign, list_campaigns, population_keys, verify_draw
from desktop.review.dto import CampaignSpec
from tests.helpers.review_county import AGENCIES, County, make_county


@pytest.fixture
def county(store: Store, admin: Actor, tmp_path) -> County:
    return make_county(store, admin, tmp_path)


def spec(name: str = "2025年度行政处罚案卷评查", **kw) -> CampaignSpec:  # type: ignore[no-untyped-def]
    kw.setdefault("seed", "20261123")
    kw.setdefault("reviewers", ("r_market", "r_transport", "r_bureau"))
    return CampaignSpec(
        name=name,
        closed_from=kw.pop("closed_from", date(2025, 1, 1)),
        closed_to=kw.pop("closed_to", date(2025, 12, 31)),
        **kw,
    )


def test_the_draw_follows_the_documented_rule_and_is_stored_with_its_seed(county: County) -> None:
    result = create_campaign(county.store, county.supervisor, spec(per_agency=3))
    assert len(result.items) == 9
    assert dict(result.eligible) == dict.fromkeys(AGENCIES, 12)
    # anyone can repeat it: SHA-256 of "<seed>|<agency>|<case_no>", smallest three per agency
    for agency in AGENCIES:
        prefix = "ABC"[AGENCIES.index(agency)]
        keys = [f"{agency}|{prefix}罚〔2025〕{k + 1}号" for k in range(12)]
        ranked = sorted(keys, key=lambda k: hashlib.sha256(f"20261123|{k}".encode()).hexdigest())[:3]
        assert sorted(f"{i.agency}|{i.case_no}" for i in result.items if i.agency == agency) == sorted(ranked)
    assert result.campaign.seed == "20261123" and result.campaign.population_size == 36
    keys = population_keys(county.store, county.supervisor, result.campaign.id)
    assert result.campaign.population_sha256 == hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()
    assert verify_chain(county.store).ok


def test_the_same_seed_gives_the_same_draw_and_another_seed_another(county: County, tmp_path) -> None:
    a = create_campaign(county.store, county.supervisor, spec("甲", per_agency=3))
    b = create_campaign(county.store, county.supervisor, spec("乙", per_agency=3))
    c = create_campaign(county.store, county.supervisor, spec("丙", per_agency=3, seed="other"))
    assert [i.case_no for i in a.items] == [i.case_no for i in b.items]
    assert [i.reviewers for i in a.items] == [i.reviewers for i in b.items]
    assert [i.case_no for i in a.items] != [i.case_no for i in c.items]


def test_quotas_by_count_and_percentage_and_at_least_one(county: County) -> None:
    assert dr.quota(12, None, Decimal(10)) == 2  # 1.2 rounded up
    assert dr.quota(3, None, Decimal(1)) == 1  # at least one
    assert dr.quota(2, 5, None) == 2  # never more than there are
    assert dr.quota(0, 3, None) == 0
    assert dr.quota(12, 1, Decimal(50)) == 6  # the larger of the two
    result = create_campaign(county.store, county.supervisor, spec(per_agency=None, percent=Decimal(25)))
    assert len(result.items) == 9


def test_scope_agencies_categories_period_dossiers_and_exclusions(county: County) -> None:
    market = county.agency_ids[AGENCIES[0]]
    one = create_campaign(county.store, county.supervisor, spec("一", agency_ids=(market,), per_agency=100))
    assert {i.agency for i in one.items} == {AGENCIES[0]} and len(one.items) == 12  # 2024 case left out
    assert sum(i.paper for i in one.items) == 8  # no dossier: paper
    forced = create_campaign(
        county.store,
        county.supervisor,
        spec("二", agency_ids=(market,), per_agency=100, require_dossier=True),
    )
    assert len(forced.items) == 4 and not any(i.paper for i in forced.items)
    coercion = create_campaign(
        county.store, county.supervisor, spec("三", categories=("行政强制",), per_agency=5)
    )
    assert len(coercion.items) == 6
    again = create_campaign(
        county.store, county.supervisor, spec("四", agency_ids=(market,), per_agency=100, exclude_recent=1)
    )
    # the last campaign (三) drew no 处罚 file of the market agency: nothing excluded
    assert len(again.items) == 12
    with pytest.raises(ValidationError, match="No file is eligible"):  # everything was drawn by 四
        create_campaign(
            county.store,
            county.supervisor,
            spec("五", agency_ids=(market,), per_agency=1, exclude_recent=1, seed="y"),
        )
    two_back = create_campaign(county.store, county.supervisor, spec("六", per_agency=100, exclude_recent=2))
    assert AGENCIES[0] not in {i.agency for i in two_back.items} and len(two_back.items) == 24


def test_no_reviewer_scores_their_own_agency_and_the_load_is_balanced(county: County) -> None:
    result = create_campaign(
        county.store,
        county.supervisor,
        spec(
            per_agency=4,
            double=True,
            first_weight=50,
            reviewers=("r_market", "r_transport", "r_bureau", "r_bureau2"),
        ),
    )
    own = {"r_market": AGENCIES[0], "r_transport": AGENCIES[1]}
    load: dict[str, int] = {}
    for item in result.items:
        assert len(set(item.reviewers)) == 2
        for r in item.reviewers:
            assert own.get(r) != item.agency
            load[r] = load.get(r, 0) + 1
    assert sum(load.values()) == 24 and max(load.values()) - min(load.values()) <= 2


def test_reviewers_are_named_in_any_case_as_at_login(county: County) -> None:
    result = create_campaign(
        county.store, county.supervisor, spec(reviewers=("R_MARKET", "r_Transport", "r_bureau"))
    )
    assert {r for item in result.items for r in item.reviewers} == {"r_market", "r_transport", "r_bureau"}
    with pytest.raises(ValidationError, match="named twice"):
        create_campaign(
            county.store,
            county.supervisor,
            spec(name="再次", reviewers=("r_market", "R_MARKET", "r_bureau")),
        )


def test_too_few_reviewers_is_refused_with_the_file_named(county: County) -> None:
    with pytest.raises(ValidationError, match="Too few reviewers"):
        create_campaign(county.store, county.supervisor, spec(per_agency=1, reviewers=("r_market",)))
    with pytest.raises(ValidationError, match="not a reviewer"):
        create_campaign(county.store, county.supervisor, spec(per_agency=1, reviewers=("trainer",)))
    with pytest.raises(ValidationError, match="No active user"):
        create_campaign(county.store, county.supervisor, spec(per_agency=1, reviewers=("nobody",)))


def test_bad_set_up_and_duplicates_and_permissions(county: County) -> None:
    for bad, field in (
        (spec(seed=""), "seed"),
        (spec(per_agency=None), "per_agency"),
        (spec(closed_from=date(2026, 1, 1)), "closed_to"),
        (spec(categories=("行政许可",)), "categories"),
        (spec(double=True, first_weight=100), "first_weight"),
        (spec(name=" "), "name"),
    ):
        with pytest.raises(ValidationError) as info:
            create_campaign(county.store, county.supervisor, bad)
        assert info.value.field == field
    create_campaign(county.store, county.supervisor, spec())
    with pytest.raises(Conflict):
        create_campaign(county.store, county.supervisor, spec())
    with pytest.raises(PermissionDenied):
        create_campaign(county.store, county.reviewers["r_bureau"], spec("x"))
    assert [c.name for c in list_campaigns(county.store, county.reviewers["r_bureau"])] == [spec().name]


def test_verify_matches_and_tells_a_changed_register(county: County) -> None:
    create_campaign(county.store, county.supervisor, spec(per_agency=2))
    check = verify_draw(county.store, county.admin, spec().name)
    assert check.matches and check.population_unchanged and not check.added
    with county.store.unit_of_work() as uow:
        c = uow.session.query(Case).filter(Case.case_no == "A罚〔2025〕2号").one()
        c.closed_on = date(2023, 1, 1)
        uow.commit()
    check = verify_draw(county.store, county.admin, spec().name)
    assert check.matches and not check.population_unchanged
    assert check.removed == (f"{AGENCIES[0]}|A罚〔2025〕2号",)


def test_the_population_text_is_the_sorted_keys_whatever_the_names() -> None:
    rows = [
        (1, 1, "县局", "B-1", True),
        (2, 1, "县局", "A-2", False),
        (3, 2, "县局二", "A-1", True),
        (4, 3, "县局A", "Z", True),
        (5, 4, "县|局", "1", True),
        (6, 5, "县", "x", False),
    ]
    for chosen in (rows, rows[:4]):
        drawn, counts, text = dr.draw("seed", chosen, 1, None)
        keys = [f"{r[2]}|{r[3]}" for r in chosen]
        assert text == "\n".join(sorted(keys)) and sum(counts.values()) == len(chosen)
        assert {d.file.key for d in drawn} == {
            min((k for k in keys if k.startswith(f"{a}|")), key=lambda k: dr.rank("seed", k)) for a in counts
        }
