"""The seeded draw of case files (随机抽取) and the assignment of reviewers: pure and documented, so
anyone holding the seed and the list of eligible files can repeat it by hand or with any tool.

The rule (shown to users as ``DRAW_RULE``):

1. Every eligible file has a key ``<执法主体全称>|<案号>``.
2. Its rank is the SHA-256 (hex, lower case) of the UTF-8 text ``<seed>|<key>``.
3. Per agency, the files with the smallest ranks are drawn: ``quota`` of them.
4. The population's fingerprint is the SHA-256 of every key, sorted, joined by line feeds.

Assignment: files in the order drawn (agency, then rank); each goes to the reviewer(s) not of its
agency with the fewest files so far, ties broken by SHA-256 of ``<seed>|<reviewer>|<key>``.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

DRAW_RULE = QT_TRANSLATE_NOOP(
    "review",
    'Each eligible file\'s key is "<agency>|<case number>"; its rank is the SHA-256 of '
    '"<seed>|<key>" (UTF-8, lower-case hex); per agency the files with the smallest ranks are drawn. '
    "The population fingerprint is the SHA-256 of all keys, sorted and joined by line feeds.",
)


@dataclass(frozen=True)
class Eligible:
    """A file the campaign's scope admits, as the draw sees it."""

    case_id: int
    agency_id: int
    agency: str
    case_no: str
    has_dossier: bool

    @property
    def key(self) -> str:
        return draw_key(self.agency, self.case_no)


@dataclass(frozen=True)
class Drawn:
    """A file drawn, with its rank."""

    file: Eligible
    rank: str


@dataclass(frozen=True)
class Seat:
    """A reviewer who can be given files; ``agency_id`` is the reviewer's own agency (none for the
    bureau's staff): they never score a file of it."""

    name: str
    agency_id: int | None = None


def draw_key(agency: str, case_no: str) -> str:
    """The key a file is ranked by."""
    return f"{agency}|{case_no}"


def rank(seed: str, key: str) -> str:
    """SHA-256 of ``<seed>|<key>`` as lower-case hex."""
    return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()


def population_fingerprint(keys: Iterable[str]) -> str:
    """SHA-256 of the sorted keys joined by line feeds."""
    return hashlib.sha256(population_text(keys).encode()).hexdigest()


def population_text(keys: Iterable[str]) -> str:
    """The keys sorted and joined by line feeds: what the fingerprint hashes (and the store keeps)."""
    return "\n".join(sorted(keys))


def quota(eligible: int, per_agency: int | None, percent: Decimal | None) -> int:
    """How many files to draw from an agency with ``eligible`` files: ``per_agency``, or the
    percentage rounded up, whichever is larger; at least one when any file is eligible; never more
    than there are."""
    if eligible <= 0:
        return 0
    wanted = per_agency or 0
    if percent:
        wanted = max(wanted, math.ceil(Decimal(eligible) * Decimal(percent) / 100))
    return min(eligible, max(1, wanted))


def check_quota(per_agency: int | None, percent: Decimal | None) -> None:
    """Refuse a quota that draws nothing or is out of range."""
    if per_agency is None and not percent:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a number of files per agency or a percentage."),
            field="per_agency",
        )
    if per_agency is not None and per_agency < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Draw at least one file per agency."), field="per_agency"
        )
    if percent is not None and not (0 < percent <= 100):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The percentage must be above 0 and at most 100."), field="percent"
        )


Row = tuple[int, int, str, str, bool]
"""An eligible file as the store yields it: case id, agency id, agency, 案号, has a dossier."""


def draw(
    seed: str, rows: Iterable[Row], per_agency: int | None, percent: Decimal | None
) -> tuple[list[Drawn], dict[str, int], str]:
    """The files drawn (agency by agency in the order of their keys, then by rank), the eligible
    count per agency, and the population text (``population_text`` of every key).

    Written for large registers: an agency's keys share the prefix ``<agency>|``, so sorting them
    is sorting its 案号, and agencies sort as ``<agency>|`` does (names hold no ``|``)."""
    by_agency: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_agency[row[2]].append(row)
    sha256 = hashlib.sha256
    drawn: list[Drawn] = []
    parts: list[str] = []
    for agency in sorted(by_agency, key=lambda a: a + "|"):
        files = by_agency[agency]
        prefix = f"{seed}|{agency}|".encode()
        ranked = [
            (sha256(prefix + f[3].encode()).digest(), i) for i, f in enumerate(files)
        ]  # bytes sort as hex
        k = quota(len(files), per_agency, percent)
        drawn += [Drawn(Eligible(*files[i]), digest.hex()) for digest, i in heapq.nsmallest(k, ranked)]
        parts.append(agency + "|" + ("\n" + agency + "|").join(sorted(f[3] for f in files)))
    counts = {a: len(f) for a, f in by_agency.items()}
    if any("|" in a for a in by_agency):  # the shortcut above needs names without "|"
        return drawn, counts, population_text(f"{f[2]}|{f[3]}" for files in by_agency.values() for f in files)
    return drawn, counts, "\n".join(parts)


def assign(seed: str, drawn: Sequence[Drawn], seats: Sequence[Seat], per_file: int) -> list[tuple[str, ...]]:
    """Reviewers for each drawn file (``per_file`` of them: 1, or 2 for double scoring): never of the
    file's own agency, the least loaded first. Refused when a file has too few possible reviewers."""
    names = [s.name for s in seats]
    if len(set(names)) != len(names):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A reviewer is named twice."), field="reviewers")
    load = dict.fromkeys(names, 0)
    out: list[tuple[str, ...]] = []
    for d in drawn:
        able = [s.name for s in seats if s.agency_id is None or s.agency_id != d.file.agency_id]
        if len(able) < per_file:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Too few reviewers for {case_no} of {agency}: {needed} needed, and no reviewer may "
                    "score a file of their own agency.",
                ),
                field="reviewers",
                case_no=d.file.case_no,
                agency=d.file.agency,
                needed=per_file,
            )
        able.sort(key=lambda n: (load[n], rank(seed, f"{n}|{d.file.key}")))
        chosen = tuple(able[:per_file])
        for n in chosen:
            load[n] += 1
        out.append(chosen)
    return out
