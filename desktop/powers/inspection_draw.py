"""The 双随机 draw as pure functions: which targets a plan inspects and who inspects each.

The rule is public, so anyone can re-check a plan:

1. **Candidates**: the directory's targets whose 所属领域 is the plan's field.
2. **Strata**: the candidates by 风险等级 (高 · 中 · 低). The plan's size is ``--count N``, or
   ``--percent P`` of the candidates (rounded half up, at least 1).
3. **Quotas**: each stratum's share is proportional to its size times its weight (a setting;
   default 高 3, 中 2, 低 1): quota = ⌊N · size·weight / Σ size·weight⌋, at most the stratum's
   size; the targets still to place go one each to the strata with the largest remainders (ties:
   高 before 中 before 低), then, while any are left, to the strata with room, 高 first.
4. **Targets**: within a stratum, rank = SHA-256 of ``<seed>|<统一社会信用代码>`` (hex); the smallest
   ranks are drawn. The plan lists the drawn targets by rank.
5. **Inspectors**: the agency's officers holding a valid certificate on the plan's start date,
   ordered by SHA-256 of ``<seed>|<身份证号>``. For each drawn target (in rank order) the walk starts
   at position ``int(rank, 16) mod n`` and takes, in cyclic order, the first officer who did not
   inspect this target in the previous plan of the same field and agency; the second is the next
   such officer after it whose pair with the first is not yet used in this plan.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.powers import terms

DEFAULT_WEIGHTS = {"高": 3, "中": 2, "低": 1}
"""How much more often a riskier target is drawn (``inspections.weight.<风险等级>`` settings)."""


class Candidate(NamedTuple):
    """A target of the directory as the draw reads it (a plain tuple: a draw reads hundreds of
    thousands, and any ``(credit code, risk, …)`` tuple will do)."""

    credit_code: str
    risk: str
    target_id: int = 0


@dataclass(frozen=True)
class Inspector:
    """An officer who may inspect: id, name, 身份证号 (the rank's key)."""

    id: int
    name: str
    id_number: str


@dataclass(frozen=True)
class DrawnItem:
    """A drawn target with its rank and its two inspectors (officer ids)."""

    credit_code: str
    risk: str
    rank: str
    inspectors: tuple[int, int]
    target_id: int = 0
    """The directory's id of the target (0 when the candidates did not say)."""


def rank_of(seed: str, key: str) -> str:
    """SHA-256 of ``<seed>|<key>`` in hex: the public rank of the draw."""
    return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()


def plan_size(candidates: int, count: int | None, percent: Decimal | None) -> int:
    """How many targets a plan draws: ``count`` or ``percent`` of the candidates (half up, ≥ 1)."""
    if count is not None:
        wanted = count
    else:
        assert percent is not None
        wanted = int((Decimal(candidates) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        wanted = max(wanted, 1) if candidates else 0
    if wanted > candidates:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The plan asks for {wanted} targets; the directory has {have} in its field."
            ),
            wanted=wanted,
            have=candidates,
        )
    return wanted


def quotas(sizes: Mapping[str, int], weights: Mapping[str, int | Decimal], total: int) -> dict[str, int]:
    """Each stratum's number of targets (rule step 3)."""
    order = [r for r in reversed(terms.RISKS) if sizes.get(r, 0) > 0]
    mass = {r: Decimal(sizes[r]) * Decimal(weights.get(r, 1)) for r in order}
    whole = sum(mass.values())
    if not order or total == 0 or whole == 0:
        return dict.fromkeys(order, 0)
    exact = {r: Decimal(total) * mass[r] / whole for r in order}
    out = {r: min(int(exact[r]), sizes[r]) for r in order}
    left = total - sum(out.values())
    by_remainder = sorted(order, key=lambda r: (-(exact[r] - int(exact[r])), order.index(r)))
    for r in by_remainder:
        if left == 0:
            break
        if out[r] < sizes[r]:
            out[r] += 1
            left -= 1
    for r in order:
        take = min(left, sizes[r] - out[r])
        out[r] += take
        left -= take
    return out


def draw_targets(
    seed: str, candidates: Iterable[Sequence[Any]], total: int, weights: Mapping[str, int | Decimal]
) -> list[tuple[Candidate, str]]:
    """The drawn targets with their ranks, in rank order (rule steps 2–4); ``candidates``:
    ``(credit code, risk[, target id])`` tuples."""
    prefix, sha = f"{seed}|".encode(), hashlib.sha256
    strata: dict[str, list[tuple[str, int]]] = {}
    rows = candidates if isinstance(candidates, Sequence) else list(candidates)
    for n, c in enumerate(rows):  # rank_of, inlined: one hash per candidate is most of the work
        stratum = strata.get(c[1])
        if stratum is None:
            stratum = strata[c[1]] = []
        stratum.append((sha(prefix + c[0].encode()).hexdigest(), n))
    sizes = {r: len(items) for r, items in strata.items()}
    drawn: list[tuple[str, int]] = []
    for risk, quota in quotas(sizes, weights, total).items():
        drawn += heapq.nsmallest(quota, strata[risk])
    drawn.sort()
    return [(Candidate._make(rows[n]), rank) for rank, n in drawn]


def assign_inspectors(
    seed: str,
    drawn: Sequence[tuple[Candidate, str]],
    inspectors: Sequence[Inspector],
    previous: Mapping[str, frozenset[int]],
) -> list[DrawnItem]:
    """Two inspectors for each drawn target (rule step 5); ``previous``: credit code → the officers
    who inspected it in the previous plan of the same field and agency."""
    ordered = sorted(inspectors, key=lambda o: rank_of(seed, o.id_number))
    n = len(ordered)
    if n < 2:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Two inspectors are needed; the agency has {count} officer(s) with a valid certificate.",
            ),
            count=n,
        )
    ring = [o.id for o in ordered] * 2
    used: set[tuple[int, int]] = set()
    out = []
    nobody: frozenset[int] = frozenset()
    for candidate, rank in drawn:
        barred = previous.get(candidate.credit_code, nobody)
        start = int(rank, 16) % n
        pair = _first_pair(ring[start : start + n], barred, used)
        if pair is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "No unused pair of inspectors is left for {target}: the plan needs more officers "
                    "with a valid certificate.",
                ),
                target=candidate.credit_code,
            )
        first, second = pair
        used.add((first, second) if first < second else (second, first))
        out.append(DrawnItem(candidate.credit_code, candidate.risk, rank, pair, candidate.target_id))
    return out


def _first_pair(
    walk: Sequence[int], barred: frozenset[int], used: set[tuple[int, int]]
) -> tuple[int, int] | None:
    """Walking the officers in ``walk`` (the cyclic order from the start): the first allowed
    officer, and the next allowed one after it whose pair with it is unused (else the next
    first, and so on)."""
    allowed = [o for o in walk if o not in barred] if barred else walk
    m = len(allowed)
    for i in range(m):
        first = allowed[i]
        for j in range(i + 1, m):
            second = allowed[j]
            if ((first, second) if first < second else (second, first)) not in used:
                return first, second
    return None


def directory_digest(candidates: Iterable[Sequence[Any]]) -> str:
    """SHA-256 over the candidates a draw read (sorted), to tell a changed directory."""
    text = "\n".join(sorted(f"{c[0]}|{c[1]}" for c in candidates))
    return hashlib.sha256(text.encode()).hexdigest()
