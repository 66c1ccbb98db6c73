"""Exam blueprints (FORMATS.md §7): read and checked as JSON, then against the bank — a section
the bank cannot fill is named with how many questions are short, per difficulty and category —
and the seeded draw of one paper (pure: the pool comes from the caller)."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import permutations
from pathlib import Path
from typing import Any, NamedTuple

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.exam import rules
from desktop.exam.dto import Blueprint, Section, Shortfall


@dataclass(frozen=True)
class PoolQuestion:
    """What the draw needs of a bank question."""

    id: int
    type: str
    category: str
    difficulty: str
    options: int


class DrawnItem(NamedTuple):
    """A question as placed in a paper: bank id, bank letters in printed order, points."""

    question_id: int
    option_order: str
    points: float
    partial_credit: float


@cache
def _orders(count: int) -> tuple[str, ...]:
    """Every order of the first ``count`` option letters (one is drawn per question per paper)."""
    return tuple("".join(p) for p in permutations(rules.LETTERS[:count]))


def _bad(where: str, message: str, **params: Any) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "Blueprint {where}: {message}"),
        field="blueprint",
        where=where,
        message=translate("errors", message).format(**params),
    )


def load_blueprint(path: str | Path) -> Blueprint:
    """A blueprint from its JSON file; ``ValidationError`` naming the file and the place."""
    name = Path(path).name
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Cannot read {file}: {reason}"), file=name, reason="file not found"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Cannot read {file}: {reason}"), file=name, reason=str(exc)
        ) from None
    return parse_blueprint(doc)


def blueprint_json(bp: Blueprint) -> dict[str, Any]:
    """A blueprint as its §7 JSON document (what ``parse_blueprint`` reads back)."""
    sections = []
    for s in bp.sections:
        section: dict[str, Any] = {"type": s.type, "count": s.count, "points": _plain(s.points)}
        if s.categories:
            section["categories"] = list(s.categories)
        if s.difficulty:
            section["difficulty"] = dict(s.difficulty)
        if s.partial_credit:
            section["partial_credit"] = s.partial_credit
        sections.append(section)
    doc: dict[str, Any] = {"name": bp.name, "minutes": bp.minutes}
    if bp.pass_mark is not None:
        doc["pass_mark"] = _plain(bp.pass_mark)
    doc["shuffle_questions"] = bp.shuffle_questions
    doc["shuffle_options"] = bp.shuffle_options
    if bp.max_shared is not None:
        doc["max_shared"] = bp.max_shared
    doc["sections"] = sections
    return doc


def _plain(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def save_blueprint(bp: Blueprint, path: str | Path) -> Path:
    """Write a blueprint as §7 JSON (UTF-8, indented), replacing the file whole."""
    target = Path(path)
    temp = target.with_name(target.name + ".tmp")
    temp.write_text(json.dumps(blueprint_json(bp), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temp.replace(target)
    return target


def parse_blueprint(doc: Any) -> Blueprint:
    """A blueprint from its JSON document, every rule of §7 checked."""
    if not isinstance(doc, Mapping):
        raise _bad("", QT_TRANSLATE_NOOP("errors", "must be a JSON object"))
    name = doc.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _bad("name", QT_TRANSLATE_NOOP("errors", "required"))
    minutes = doc.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 600:
        raise _bad("minutes", QT_TRANSLATE_NOOP("errors", "a whole number of minutes from 1 to 600"))
    pass_mark = doc.get("pass_mark")
    if pass_mark is not None and (not _is_number(pass_mark) or pass_mark < 0):
        raise _bad("pass_mark", QT_TRANSLATE_NOOP("errors", "a number, 0 or more"))
    max_shared = doc.get("max_shared")
    if max_shared is not None and (not isinstance(max_shared, int) or max_shared < 0):
        raise _bad("max_shared", QT_TRANSLATE_NOOP("errors", "a whole number, 0 or more"))
    raw = doc.get("sections")
    if not isinstance(raw, list) or not raw:
        raise _bad("sections", QT_TRANSLATE_NOOP("errors", "at least one section"))
    sections = tuple(_section(i, s) for i, s in enumerate(raw))
    bp = Blueprint(
        name.strip(),
        minutes,
        sections,
        float(pass_mark) if pass_mark is not None else None,
        bool(doc.get("shuffle_questions", True)),
        bool(doc.get("shuffle_options", True)),
        max_shared,
    )
    if bp.pass_mark is not None and bp.pass_mark > bp.total_points:
        raise _bad(
            "pass_mark",
            QT_TRANSLATE_NOOP("errors", "{mark} is more than the paper's {points} points"),
            mark=bp.pass_mark,
            points=bp.total_points,
        )
    return bp


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _section(i: int, s: Any) -> Section:
    where = f"sections[{i}]"
    if not isinstance(s, Mapping):
        raise _bad(where, QT_TRANSLATE_NOOP("errors", "must be a JSON object"))
    qtype = rules.TYPE_ALIASES.get(str(s.get("type", "")), s.get("type"))
    if qtype not in rules.TYPES:
        raise _bad(
            f"{where}.type",
            QT_TRANSLATE_NOOP("errors", "must be one of: {allowed}"),
            allowed="、".join(rules.TYPES),
        )
    count = s.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise _bad(f"{where}.count", QT_TRANSLATE_NOOP("errors", "a whole number, 1 or more"))
    points = s.get("points", 1)
    if not _is_number(points) or points <= 0:
        raise _bad(f"{where}.points", QT_TRANSLATE_NOOP("errors", "a number above 0"))
    cats = s.get("categories") or []
    if not isinstance(cats, list) or not all(isinstance(c, str) and c.strip() for c in cats):
        raise _bad(f"{where}.categories", QT_TRANSLATE_NOOP("errors", "a list of category names"))
    levels = s.get("difficulty") or {}
    if not isinstance(levels, Mapping):
        raise _bad(f"{where}.difficulty", QT_TRANSLATE_NOOP("errors", "must be a JSON object"))
    difficulty: list[tuple[str, int]] = []
    for level, n in levels.items():
        level = rules.DIFFICULTY_ALIASES.get(str(level), str(level))
        if level not in rules.DIFFICULTIES:
            raise _bad(f"{where}.difficulty", QT_TRANSLATE_NOOP("errors", "must be 易, 中 or 难"))
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise _bad(
                f"{where}.difficulty.{level}", QT_TRANSLATE_NOOP("errors", "a whole number, 0 or more")
            )
        difficulty.append((level, n))
    if difficulty and sum(n for _, n in difficulty) != count:
        raise _bad(
            f"{where}.difficulty",
            QT_TRANSLATE_NOOP("errors", "adds up to {sum}, not the section's count {count}"),
            sum=sum(n for _, n in difficulty),
            count=count,
        )
    partial = s.get("partial_credit", 0)
    if not _is_number(partial) or not 0 <= partial < 1:
        raise _bad(
            f"{where}.partial_credit", QT_TRANSLATE_NOOP("errors", "a share from 0 up to (not including) 1")
        )
    if partial and qtype != rules.MULTI:
        raise _bad(
            f"{where}.partial_credit",
            QT_TRANSLATE_NOOP("errors", "only a 多选题 section earns partial credit"),
        )
    return Section(
        qtype,
        count,
        float(points),
        tuple(dict.fromkeys(c.strip() for c in cats)),
        tuple((lv, n) for lv, n in sorted(difficulty, key=lambda d: rules.DIFFICULTIES.index(d[0])) if n),
        float(partial),
    )


# ---------------------------------------------------------------------------- against the bank


def _slots(bp: Blueprint) -> list[tuple[int, Section, str, int]]:
    """(section index, section, difficulty or '', count) for every slot the draw fills."""
    out: list[tuple[int, Section, str, int]] = []
    for i, s in enumerate(bp.sections):
        if s.difficulty:
            out.extend((i, s, level, n) for level, n in s.difficulty)
        else:
            out.append((i, s, "", s.count))
    return out


def _eligible(s: Section, level: str, q: PoolQuestion) -> bool:
    return (
        q.type == s.type
        and (not s.categories or q.category in s.categories)
        and (not level or q.difficulty == level)
    )


def shortfalls(bp: Blueprint, pool: Sequence[PoolQuestion]) -> list[Shortfall]:
    """Where the bank cannot fill the blueprint. Slots are filled in order (fixed difficulties
    first), each taking questions no earlier slot needs: the same reservation the draw makes."""
    slots = sorted(_slots(bp), key=lambda t: (t[2] == "", len(t[1].categories) == 0, t[0]))
    taken: set[int] = set()
    out = []
    for i, s, level, n in slots:
        free = [q for q in pool if q.id not in taken and _eligible(s, level, q)]
        taken.update(q.id for q in free[:n])
        if len(free) < n:
            by_category = Counter(q.category for q in free)
            cats = s.categories or tuple(sorted(by_category))
            out.append(
                Shortfall(
                    i + 1,
                    s.type,
                    level,
                    s.categories,
                    n,
                    len(free),
                    tuple((c, by_category.get(c, 0)) for c in cats),
                )
            )
    return sorted(
        out, key=lambda f: (f.section, rules.DIFFICULTIES.index(f.difficulty) if f.difficulty else 3)
    )


def shortfall_text(items: Sequence[Shortfall]) -> str:
    """The shortfalls in words (current language), one per line."""
    lines = []
    for f in items:
        level = f.difficulty or translate("exam", QT_TRANSLATE_NOOP("exam", "any difficulty"))
        cats = "、".join(f"{c} {n}" for c, n in f.by_category) or "—"
        lines.append(
            translate(
                "exam",
                QT_TRANSLATE_NOOP(
                    "exam",
                    "section {section} ({type}, {level}): {short} question(s) short — needs {wanted}, "
                    "the bank has {available} ({categories})",
                ),
            ).format(
                section=f.section,
                type=f.type,
                level=level,
                short=f.short,
                wanted=f.wanted,
                available=f.available,
                categories=cats,
            )
        )
    return "\n".join(lines)


Slot = tuple[int, Section, str, int, list[PoolQuestion]]


def slot_pools(bp: Blueprint, pool: Sequence[PoolQuestion]) -> list[Slot]:
    """Each slot of the draw with the questions it may take (ordered by id), computed once for
    every paper of a sitting."""
    ordered = sorted(pool, key=lambda q: q.id)
    slots = sorted(_slots(bp), key=lambda t: (t[2] == "", len(t[1].categories) == 0, t[0]))
    return [(i, s, level, n, [q for q in ordered if _eligible(s, level, q)]) for i, s, level, n in slots]


def draw_paper(bp: Blueprint, slots: Sequence[Slot], rng: random.Random) -> list[DrawnItem]:
    """One paper: each slot's questions sampled from what no earlier slot took (never a question
    twice), sections in order, questions shuffled within a section and options per question when
    the blueprint says so."""
    taken: set[int] = set()
    picked: dict[int, list[PoolQuestion]] = {i: [] for i in range(len(bp.sections))}
    for i, _s, _level, n, eligible in slots:
        chosen = rng.sample(eligible, n)
        if taken and any(q.id in taken for q in chosen):
            chosen = rng.sample([q for q in eligible if q.id not in taken], n)
        taken.update(q.id for q in chosen)
        picked[i].extend(chosen)
    items = []
    for i, s in enumerate(bp.sections):
        questions = picked[i]  # a sample comes in random order; slots of one section are mixed
        if not bp.shuffle_questions:
            questions = sorted(questions, key=lambda q: q.id)
        elif len(s.difficulty) > 1:
            rng.shuffle(questions)
        for q in questions:
            if q.type == rules.JUDGE:
                order = ""
            elif bp.shuffle_options:
                orders = _orders(q.options)
                order = orders[rng.randrange(len(orders))]
            else:
                order = rules.LETTERS[: q.options]
            items.append(DrawnItem(q.id, order, s.points, s.partial_credit))
    return items
