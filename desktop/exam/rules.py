"""The exam's vocabulary and its pure rules (FORMATS.md §3, §8): question types, difficulties and
their aliases, what makes a question acceptable, its duplicate fingerprint, an answer as written
on a sheet, and how many points an answer earns."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.validation import Problem, text_problems

SINGLE, MULTI, JUDGE = "单选题", "多选题", "判断题"
TYPES = (SINGLE, MULTI, JUDGE)
TYPE_ALIASES = {"单选": SINGLE, "多选": MULTI, "判断": JUDGE}
DIFFICULTIES = ("易", "中", "难")
DIFFICULTY_ALIASES = {"1": "易", "2": "中", "3": "难"}
DEFAULT_DIFFICULTY = "中"
TRUE, FALSE = "正确", "错误"
JUDGE_ALIASES = {
    "正确": TRUE,
    "对": TRUE,
    "√": TRUE,
    "✓": TRUE,
    "✔": TRUE,
    "T": TRUE,
    "TRUE": TRUE,
    "错误": FALSE,
    "错": FALSE,
    "×": FALSE,
    "✗": FALSE,
    "✘": FALSE,
    "X": FALSE,
    "F": FALSE,
    "FALSE": FALSE,
}
"""Every way a sheet writes 正确/错误 (Latin letters matched upper-case)."""
LETTERS = "ABCDEFGH"
MIN_OPTIONS = {SINGLE: 2, MULTI: 3}
STEM_LIMIT = 2000
OPTION_LIMIT = 500
CATEGORY_LIMIT = 60
_SEPARATORS = re.compile(r"[\s,，、;；/]+")


def judge_value(value: Any) -> str | None:
    """正确/错误 from any of its aliases (a TRUE/FALSE cell too), None for an empty cell;
    ``ValueError`` for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        return TRUE if value else FALSE
    text = str(value).strip().upper()
    if not text:
        return None
    if text in JUDGE_ALIASES:
        return JUDGE_ALIASES[text]
    raise ValueError(text)


def letters_value(value: Any) -> str | None:
    """Letters written in any order or with separators (``CA``, ``A,C``, ``a c``) as a sorted,
    repeat-free string, None when empty; ``ValueError`` when something else than A–H is written."""
    if value is None:
        return None
    text = _SEPARATORS.sub("", str(value)).upper()
    if not text:
        return None
    if any(ch not in LETTERS for ch in text):
        raise ValueError(text)
    return "".join(sorted(set(text)))


def fingerprint(stem: str, options: Sequence[str]) -> str:
    """What makes two questions the same: the stem and the options, spaces ignored."""
    squash = lambda t: "".join(t.split())  # noqa: E731
    body = json.dumps([squash(stem), [squash(o) for o in options]], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def question_problems(
    qtype: str | None,
    stem: str | None,
    options: Sequence[str | None],
    answer: str | None,
    category: str | None,
) -> list[Problem]:
    """Every broken rule of §3 in one question; ``options`` are A, B, … as given (None: empty)."""
    problems: list[Problem] = []
    if not qtype:
        problems.append(Problem("type", QT_TRANSLATE_NOOP("errors", "required")))
    if not stem:
        problems.append(Problem("stem", QT_TRANSLATE_NOOP("errors", "required")))
    else:
        problems += text_problems("stem", stem, STEM_LIMIT, strict=False)
    if not category:
        problems.append(Problem("category", QT_TRANSLATE_NOOP("errors", "required")))
    else:
        problems += text_problems("category", category, CATEGORY_LIMIT)
    if qtype == JUDGE:
        if any(o for o in options):
            problems.append(
                Problem("options", QT_TRANSLATE_NOOP("errors", "a 判断题 has no options (选项A … 选项H)"))
            )
        if answer is None:
            problems.append(Problem("answer", QT_TRANSLATE_NOOP("errors", "required")))
        elif answer not in (TRUE, FALSE):
            problems.append(
                Problem("answer", QT_TRANSLATE_NOOP("errors", "must be 正确 or 错误 (对/错, √/×, T/F)"))
            )
        return problems
    if qtype not in (SINGLE, MULTI):
        return problems
    given = [i for i, o in enumerate(options) if o]
    count = len(given)
    if given and given != list(range(count)):
        gap = next(i for i in range(count) if i not in given)
        problems.append(
            Problem(
                f"option{LETTERS[gap]}",
                QT_TRANSLATE_NOOP(
                    "errors", "options must follow one another from A (option {letter} is empty)"
                ),
                (("letter", LETTERS[gap]),),
            )
        )
    elif count < MIN_OPTIONS[qtype]:
        problems.append(
            Problem(
                "options",
                QT_TRANSLATE_NOOP("errors", "a {type} needs at least {count} options from A"),
                (("type", qtype), ("count", MIN_OPTIONS[qtype])),
            )
        )
    for i in given:
        problems += text_problems(f"option{LETTERS[i]}", options[i], OPTION_LIMIT, strict=False)
    if answer is None:
        problems.append(Problem("answer", QT_TRANSLATE_NOOP("errors", "required")))
        return problems
    if any(ch not in LETTERS for ch in answer):
        problems.append(
            Problem(
                "answer", QT_TRANSLATE_NOOP("errors", "write the answer as option letters (B, ACD, A,C,D)")
            )
        )
        return problems
    if qtype == SINGLE and len(answer) != 1:
        problems.append(
            Problem("answer", QT_TRANSLATE_NOOP("errors", "a 单选题 has exactly one answer letter"))
        )
    if qtype == MULTI and len(answer) < 2:
        problems.append(
            Problem("answer", QT_TRANSLATE_NOOP("errors", "a 多选题 has two or more answer letters"))
        )
    missing = [ch for ch in answer if LETTERS.index(ch) >= len(options) or not options[LETTERS.index(ch)]]
    if missing:
        problems.append(
            Problem(
                "answer",
                QT_TRANSLATE_NOOP("errors", "answer letter {letter} names an empty option"),
                (("letter", "、".join(missing)),),
            )
        )
    return problems


def answer_value(qtype: str | None, value: Any) -> str | None:
    """The 答案 cell as stored: sorted letters, or 正确/错误; ``ValidationError`` when unreadable."""
    try:
        return judge_value(value) if qtype == JUDGE else letters_value(value)
    except ValueError:
        if qtype == JUDGE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "must be 正确 or 错误 (对/错, √/×, T/F)"), field="answer"
            ) from None
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "write the answer as option letters (B, ACD, A,C,D)"), field="answer"
        ) from None


# ---------------------------------------------------------------------------- printed papers


def printed_key(qtype: str, answer: str, order: str) -> str:
    """The answer as printed on a paper whose options are in ``order`` (bank letters in printed
    order: ``CADB`` means printed A is the bank's C)."""
    if qtype == JUDGE or not order:
        return answer
    return "".join(sorted(LETTERS[order.index(ch)] for ch in answer))


def to_bank(qtype: str, printed: str | None, order: str) -> str | None:
    """An answer given in printed letters, in the bank's letters."""
    if printed is None or qtype == JUDGE or not order:
        return printed
    return "".join(sorted(order[LETTERS.index(ch)] for ch in printed))


def earned(qtype: str, key: str, given: str | None, points: float, partial_credit: float = 0.0) -> float:
    """Points for ``given`` against ``key`` (both in the same letters): all of them when equal; on a
    多选题 a non-empty subset of the right letters with no wrong one earns ``partial_credit`` of
    them; anything else nothing."""
    if not given:
        return 0.0
    if given == key:
        return float(points)
    if qtype == MULTI and partial_credit > 0 and set(given) < set(key):
        return round(points * partial_credit, 4)
    return 0.0
