"""When a new campaign's name is close to an existing one's (a warning the dialog shows, never a
refusal: "2025年度行政处罚案卷评查" and "2025 年度行政处罚案卷评查" are likely the same campaign twice).

Two names are close when, compared without spaces, punctuation and case (NFKC, so full-width
characters count as their half-width forms):

- they are the same;
- one contains the other (the shorter of at least two characters); or
- they differ by at most two edits (insert, delete or replace a character): one edit for names of
  three characters, none for shorter ones, so that "甲" and "乙" are not close.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

MAX_EDITS = 2


def normalized(name: str) -> str:
    """The name without spaces, punctuation and symbols, NFKC and case-folded."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZSC")


def edit_distance(a: str, b: str, limit: int = MAX_EDITS) -> int:
    """Levenshtein distance between ``a`` and ``b``; any value above ``limit`` is given as ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def allowed_edits(a: str, b: str) -> int:
    """How many edits still make two normalized names close (see the module's rule)."""
    return max(0, min(MAX_EDITS, min(len(a), len(b)) - 2))


def is_close(name: str, other: str) -> bool:
    """Whether two campaign names are close (the module's rule)."""
    a, b = normalized(name), normalized(other)
    if not a or not b:  # nothing but punctuation: nothing to compare
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 2 and shorter in longer:
        return True
    edits = allowed_edits(a, b)
    return edits > 0 and edit_distance(a, b, edits) <= edits


def similar_names(name: str, existing: Iterable[str]) -> tuple[str, ...]:
    """The existing names close to ``name`` (not the very same name: that one is refused), sorted."""
    typed = name.strip()
    if not typed:
        return ()
    return tuple(sorted({n for n in existing if n.strip() != typed and is_close(typed, n)}))
