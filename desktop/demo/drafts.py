"""Drawing one demo case for its agency: 案由, party, officers and stage dates, on time as the
warning rules count them, or late in just the way of the warning planted on it."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from desktop.cases import terms
from desktop.cases.calendar import WorkCalendar
from desktop.cases.rules import CaseFacts, Limits, Suspension, deadlines, findings
from desktop.core.identifiers import make_credit_code, make_resident_id
from desktop.demo.officers import OfficerPool, PoolOfficer
from desktop.demo.registers.model import Profile
from desktop.demo.seed import GIVEN, SURNAMES

TOWNS = ("城关镇", "临河镇", "汊河镇", "大柳镇", "张铺镇", "新安镇", "半塔镇", "舜山镇", "施官镇", "杨郢乡")
BRANDS = (
    "恒通",
    "鑫源",
    "华兴",
    "永盛",
    "金鹏",
    "宏达",
    "瑞丰",
    "嘉禾",
    "润泽",
    "天成",
    "聚福",
    "百川",
    "安康",
    "万家",
    "福满",
    "顺发",
    "益民",
    "德昌",
    "兴隆",
    "昌盛",
    "众诚",
    "绿源",
    "富民",
    "佳美",
    "春晖",
    "和顺",
    "广源",
    "汇通",
    "祥瑞",
    "东方",
    "开元",
    "明珠",
    "金桥",
    "长江",
    "惠民",
    "乐家",
    "新纪元",
    "金穗",
)
CITIES = (
    ("示范县", "341122"),
    ("示范县", "341122"),
    ("示范县", "341122"),
    ("滁州", "341100"),
    ("合肥", "340100"),
    ("南京", "320100"),
)
AREAS = ("341122", "341122", "341122", "341124", "341125", "341126", "341181", "341182", "341102", "341103")
"""Where persons are registered: mostly the county, some from around it."""

SOURCES = (("监督检查", 45), ("投诉举报", 30), ("移送", 8), ("上级交办", 7), ("其他", 10))
MAJOR_PERSON, MAJOR_ORGANISATION = Decimal("10000"), Decimal("100000")
"""较大数额罚款: a decision at or above it is a 重大执法决定 (法制审核, 听证告知)."""
MAJOR_KINDS = frozenset({"吊销许可证件", "责令停产停业", "责令关闭", "降低资质等级"})


@dataclass
class Draft:
    """One case being drawn (mutable until it is numbered and inserted)."""

    agency: str
    index: int
    category: str
    procedure: str | None
    filed_on: date
    plant: str | None = None
    source: str | None = None
    cause: str = ""
    legal_basis: str | None = None
    party: str = ""
    party_type: str | None = None
    party_id_number: str | None = None
    discovered_on: date | None = None
    investigated_on: date | None = None
    legal_review_on: date | None = None
    decided_on: date | None = None
    served_on: date | None = None
    published_on: date | None = None
    executed_on: date | None = None
    closed_on: date | None = None
    measures: tuple[str, ...] = ()
    measure_on: date | None = None
    measure_released_on: date | None = None
    measure_extended: bool = False
    decision_extension_days: int = 0
    penalty_kinds: tuple[str, ...] = ()
    amount: Decimal | None = None
    major: bool = False
    officers: list[PoolOfficer] = field(default_factory=list)
    suspensions: list[tuple[str, date, date | None, str]] = field(default_factory=list)
    case_no: str = ""

    def dates(self) -> dict[str, date | None]:
        """The dates keyed as the rules read them."""
        names = [f"{s}_on" for s in ("discovered", *terms.STAGES, "measure", "measure_released")]
        return {n: getattr(self, n) for n in names}

    def facts(self) -> CaseFacts:
        """What the warning rules read of this draft (its officers judged on the filing date)."""
        return CaseFacts(
            id=0,
            case_no=self.case_no,
            agency_id=0,
            agency=self.agency,
            category=self.category,
            procedure=self.procedure,
            party_type=self.party_type,
            party_id_number=self.party_id_number,
            filed_on=self.filed_on,
            legal_review_on=self.legal_review_on,
            decided_on=self.decided_on,
            served_on=self.served_on,
            published_on=self.published_on,
            measures=self.measures,
            measure_on=self.measure_on,
            measure_released_on=self.measure_released_on,
            measure_extended=self.measure_extended,
            decision_extension_days=self.decision_extension_days,
            amount=self.amount,
            major=self.major,
            officer_count=len(self.officers),
            uncertified=tuple(o.name for o in self.officers if not o.valid_on(self.filed_on)),
            suspensions=tuple(Suspension(k, s, e) for k, s, e, _n in self.suspensions),
        )


class Drawer:
    """Draws the details of one case for its agency, on time unless a warning is planted."""

    def __init__(self, today: date, cal: WorkCalendar, limits: Limits) -> None:
        self.today, self.cal, self.limits = today, cal, limits

    # -- deadlines, as the rules count them

    def _due(self, d: Draft, kind: str) -> date | None:
        for deadline in deadlines(d.facts(), date.max, self.limits, self.cal):
            if deadline.kind == kind:
                return deadline.due
        return None

    def _working(self, day: date) -> date:
        return self.cal.roll_forward(day)

    # -- parties

    def party(self, rng: random.Random, d: Draft, profile: Profile, kinds: str) -> None:
        kind = rng.choice(kinds)
        if kind == "p":
            birth = date(1956, 1, 1) + timedelta(days=rng.randrange(0, 365 * 47))
            d.party = _person_name(rng)
            d.party_type = "自然人"
            d.party_id_number = make_resident_id(rng.choice(AREAS), birth, rng.randrange(0, 1000))
            return
        if kind == "g":
            d.party = f"示范县{rng.choice(TOWNS)}{rng.choice(BRANDS)}{rng.choice(profile.shops)}"
            d.party_type = "其他组织"
            d.party_id_number = make_credit_code(f"92341122MA{_code_chars(rng, 7)}")
            return
        city, area = rng.choice(CITIES)
        suffix = rng.choice(profile.companies)
        if kind == "o" or suffix.endswith("合作社"):
            suffix = suffix if suffix.endswith("合作社") else "种植专业合作社"
            d.party = f"示范县{rng.choice(TOWNS)}{rng.choice(BRANDS)}{suffix}"
            d.party_type = "其他组织"
            d.party_id_number = make_credit_code(f"93341122MA{_code_chars(rng, 7)}")
            return
        d.party = f"{city}{rng.choice(BRANDS)}{suffix}"
        d.party_type = "法人"
        d.party_id_number = make_credit_code(f"91{area}MA{_code_chars(rng, 7)}")

    # -- officers

    def officers(self, rng: random.Random, d: Draft, pool: OfficerPool) -> None:
        valid = pool.valid(d.filed_on)
        if d.plant == "single_officer" and valid:
            d.officers = [rng.choice(valid)]
            return
        count = min(3 if rng.random() < 0.3 else 2, len(valid))
        chosen = rng.sample(valid, count)
        if d.plant == "uncertified_officer":
            bad = pool.uncertified(d.filed_on)
            if bad and chosen:
                chosen = chosen[: max(1, count - 1)]
                chosen.insert(rng.randrange(0, len(chosen) + 1), rng.choice(bad))
        d.officers = chosen

    # -- the case kinds

    def penalty(self, rng: random.Random, d: Draft, profile: Profile) -> None:
        if d.procedure == terms.SUMMARY:
            self._summary(rng, d, profile)
        else:
            self._ordinary(rng, d, profile)

    def _summary(self, rng: random.Random, d: Draft, profile: Profile) -> None:
        causes = profile.summary
        if d.plant == "summary_over_limit":
            causes = tuple(c for c in causes if any("罚款" in k for k in c.kinds)) or causes
        cause = rng.choice(causes)
        d.cause, d.legal_basis = cause.text, f"{cause.basis}；《中华人民共和国行政处罚法》第五十一条"
        self.party(rng, d, profile, cause.parties)
        d.source = "监督检查" if rng.random() < 0.8 else "投诉举报"
        d.penalty_kinds = rng.choice(cause.kinds)
        if d.plant == "summary_over_limit":
            organisation = d.party_type in ("法人", "其他组织")
            d.penalty_kinds = ("罚款",) if "罚款" not in d.penalty_kinds else d.penalty_kinds
            d.amount = Decimal(
                rng.choice((4000, 5000, 6000, 8000, 10000) if organisation else (300, 500, 800, 1000, 2000))
            )
        elif "罚款" in d.penalty_kinds:
            limit = (
                self.limits.summary_limit_organisation
                if d.party_type in ("法人", "其他组织")
                else self.limits.summary_limit_person
            )
            high = min(Decimal(max(cause.high, 20)), limit)
            low = min(Decimal(max(cause.low, 20)), high)
            d.amount = _round_amount(Decimal(rng.randint(int(low), int(high))), small=True)
        d.discovered_on = d.filed_on
        d.decided_on = d.served_on = d.filed_on  # 当场作出、当场交付
        if d.amount is None:
            d.executed_on = d.filed_on
        else:
            d.executed_on = (
                d.filed_on if rng.random() < 0.6 else d.filed_on + timedelta(days=rng.randint(1, 14))
            )
        d.closed_on = d.executed_on + timedelta(days=rng.choice((0, 0, 1, 2, 3)))

    def _ordinary(self, rng: random.Random, d: Draft, profile: Profile) -> None:
        cause = rng.choice(profile.ordinary)
        d.cause, d.legal_basis = cause.text, cause.basis
        self.party(rng, d, profile, cause.parties)
        d.source = _weighted(rng, SOURCES)
        d.penalty_kinds = rng.choice(cause.kinds)
        amount = Decimal(rng.randint(cause.low, cause.high))
        d.amount = _round_amount(amount) if "罚款" in d.penalty_kinds else None
        if d.amount is not None and "没收违法所得" in d.penalty_kinds:
            d.amount += _round_amount(Decimal(rng.randint(300, max(400, cause.low))), small=True)
        organisation = d.party_type in ("法人", "其他组织")
        d.major = bool(MAJOR_KINDS.intersection(d.penalty_kinds)) or (
            d.amount is not None and d.amount >= (MAJOR_ORGANISATION if organisation else MAJOR_PERSON)
        )
        if d.plant == "missing_legal_review" and not d.major:
            d.major = True
            d.amount = max(
                d.amount or Decimal(0),
                _round_amount(
                    (MAJOR_ORGANISATION if organisation else MAJOR_PERSON)
                    * Decimal(rng.choice((1, 1.2, 1.5, 2)))
                ),
            )
            if "罚款" not in d.penalty_kinds:
                d.penalty_kinds = (*d.penalty_kinds, "罚款")
        if d.plant == "decision_due_soon":
            # filed 77–88 days ago, not yet decided: the 90-day limit is within the lead time
            lead = self.limits.decision_lead_days
            back = rng.randint(self.limits.decision_days - lead + 2, self.limits.decision_days - 2)
            d.filed_on = self._working(self.today - timedelta(days=back))
        d.discovered_on = d.filed_on - timedelta(days=rng.choice((0, 0, 1, 2, 3, 5, 7)))
        d.investigated_on = d.filed_on + timedelta(days=rng.randint(12, 50))
        if d.plant == "decision_due_soon":
            d.decision_extension_days = 0
            if d.investigated_on >= self.today or rng.random() < 0.4:
                d.investigated_on = None
            return
        if rng.random() < 0.03:
            d.decision_extension_days = 30  # approved extension of a complex case
        if rng.random() < (0.35 if d.major else 0.08) and d.plant != "decision_overdue":
            self._suspend(rng, d, profile)
        if d.major:
            d.legal_review_on = d.investigated_on + timedelta(days=rng.randint(2, 6))
        latest = max((e for _k, _s, e, _n in d.suspensions if e is not None), default=d.filed_on)
        decided = max(d.investigated_on, d.legal_review_on or d.investigated_on, latest) + timedelta(
            days=rng.randint(1, 12)
        )
        due = self._due(d, "decision")
        if d.plant == "decision_overdue":
            assert due is not None
            if due >= self.today - timedelta(days=10):
                return
            if rng.random() < 0.45 and self.today - d.filed_on < timedelta(days=400):
                d.decided_on = None  # still open, long past its due date
                if d.legal_review_on is not None and rng.random() < 0.5:
                    d.legal_review_on = None
                return
            decided = due + timedelta(days=rng.randint(1, 35))
            if decided >= self.today:
                decided = due + timedelta(days=1)
        elif due is not None and decided > due:
            decided = due - timedelta(days=rng.randint(0, 4))
        d.decided_on = self._working(decided)
        if due is not None and d.plant != "decision_overdue" and d.decided_on > due:
            d.decided_on = due
        if d.legal_review_on is not None and d.legal_review_on > d.decided_on:
            d.legal_review_on = d.decided_on
        if d.plant == "missing_legal_review":
            if rng.random() < 0.8:
                d.legal_review_on = None
            else:
                d.legal_review_on = d.decided_on + timedelta(days=rng.randint(1, 5))
        self._after_decision(rng, d)

    def _suspend(self, rng: random.Random, d: Draft, profile: Profile) -> None:
        assert d.investigated_on is not None
        if d.major and rng.random() < 0.6:
            start = d.investigated_on + timedelta(days=rng.randint(5, 9))  # 听证: notice, request, hearing
            d.suspensions.append(
                ("听证", start, start + timedelta(days=rng.randint(7, 20)), "当事人申请听证")
            )
            return
        kind = profile.suspension
        start = d.filed_on + timedelta(days=rng.randint(3, 20))
        end = start + timedelta(days=rng.randint(5, 30))
        note = "委托检验机构检测" if kind == "检测" else "委托司法鉴定机构鉴定"
        d.suspensions.append((kind, start, end, note))
        d.investigated_on = max(d.investigated_on, end + timedelta(days=rng.randint(1, 10)))

    def _after_decision(self, rng: random.Random, d: Draft) -> None:
        decided = d.decided_on
        assert decided is not None
        served: date | None = min(
            decided + timedelta(days=_weighted(rng, ((0, 40), (1, 20), (2, 12), (3, 10), (5, 10), (7, 8)))),
            self.cal.add_days(decided, self.limits.service_days),
        )
        published: date | None = self.cal.add_working_days(
            decided, rng.randint(1, self.limits.publicity_working_days - 1)
        )
        if d.plant == "service_overdue":
            due = self.cal.add_days(decided, self.limits.service_days)
            served = None if rng.random() < 0.4 else due + timedelta(days=rng.randint(1, 20))
            if served is not None and served >= self.today:
                served = None
        if d.plant == "publicity_overdue":
            due = self.cal.add_working_days(decided, self.limits.publicity_working_days)
            published = None if rng.random() < 0.45 else due + timedelta(days=rng.randint(1, 40))
        d.served_on, d.published_on = served, published
        if served is None:
            return
        if d.amount is None:
            d.executed_on = served
        else:
            late = rng.random() < 0.1
            d.executed_on = served + timedelta(days=rng.randint(16, 45) if late else rng.randint(2, 15))
        d.closed_on = d.executed_on + timedelta(days=rng.randint(1, 15))

    def inspection(self, rng: random.Random, d: Draft, profile: Profile) -> None:
        d.cause = rng.choice(profile.inspections)
        kinds = "".join(sorted({c for cause in (*profile.ordinary, *profile.summary) for c in cause.parties}))
        self.party(rng, d, profile, kinds.replace("p", "") or kinds)
        d.source = "监督检查" if rng.random() < 0.8 else "投诉举报"
        d.closed_on = d.filed_on + timedelta(
            days=_weighted(rng, ((0, 30), (1, 15), (3, 15), (7, 20), (15, 15), (30, 5)))
        )

    def coercion(self, rng: random.Random, d: Draft, profile: Profile) -> None:
        cause, measures, parties = rng.choice(profile.coercions)
        d.cause, d.measures = cause, measures
        d.legal_basis = "《中华人民共和国行政强制法》第二十二条、第二十三条、第二十四条"
        self.party(rng, d, profile, parties)
        d.source = _weighted(rng, SOURCES)
        d.discovered_on = d.filed_on
        d.measure_on = d.filed_on + timedelta(days=rng.choice((0, 0, 0, 1)))
        if rng.random() < 0.15:
            start = d.measure_on + timedelta(days=rng.randint(2, 8))
            d.suspensions.append(("检测", start, start + timedelta(days=rng.randint(5, 20)), "涉案物品送检"))
        d.measure_extended = rng.random() < 0.1
        due = self._due(d, "seizure")
        assert due is not None
        if d.plant == "seizure_overdue":
            if rng.random() < 0.5 or due + timedelta(days=2) >= self.today:
                d.measure_released_on = None  # still held past the limit
                d.investigated_on = d.measure_on + timedelta(days=rng.randint(5, 20))
                return
            released = due + timedelta(days=rng.randint(1, 30))
        else:
            span = (due - d.measure_on).days
            released = d.measure_on + timedelta(days=rng.randint(min(5, span), max(5, span - 1)))
            released = min(released, due)
        d.measure_released_on = released
        d.investigated_on = max(d.measure_on, released - timedelta(days=rng.randint(0, 3)))
        d.closed_on = released + timedelta(days=rng.randint(1, 10))

    # -- as of today

    def clip(self, d: Draft) -> None:
        """Forget what would happen after today; a suspension still running has no end."""
        for name in d.dates():
            value = getattr(d, name)
            if value is not None and value > self.today:
                setattr(d, name, None)
        d.suspensions = [
            (k, s, e if e is not None and e <= self.today else None, n)
            for k, s, e, n in d.suspensions
            if s <= self.today
        ]

    def codes(self, d: Draft) -> set[str]:
        """The warnings of the draft as of today."""
        return {f.code for f in findings(d.facts(), self.today, self.limits, self.cal)}


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _code_chars(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(n))


def _weighted(rng: random.Random, options: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([o for o, _w in options], [w for _o, w in options])[0]


def _round_amount(amount: Decimal, *, small: bool = False) -> Decimal:
    step = Decimal(10 if small or amount < 1000 else (100 if amount < 20000 else 1000))
    return max(step, (amount / step).quantize(Decimal(1)) * step).quantize(Decimal("0.01"))
