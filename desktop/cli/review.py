"""The review commands of the command line (CLI.md): ``rubric import | list`` and
``review draw | draw --verify | export``."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.cli.output import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, table, total_line
from desktop.cli.parser import actions, as_of
from desktop.cli.runner import Run
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor


def add_parsers(sub: Any) -> None:
    """``rubric`` and ``review`` with their actions."""
    rubric = actions(sub, "rubric", "review standards (FORMATS.md §4)")
    ri = rubric.add_parser(
        "import", help="import a standard (JSON, FORMATS.md §4); a used one gets a new version"
    )
    ri.add_argument("file", help="the .json file")
    ri.set_defaults(handler=cmd_rubric_import, needs_user=True)
    rl = rubric.add_parser("list", help="list the stored standards")
    rl.set_defaults(handler=cmd_rubric_list, needs_user=True)

    review = actions(sub, "review", "case-file review campaigns (案卷评查)")
    d = review.add_parser(
        "draw", help="a seeded draw of case files for a new campaign; --verify re-runs a stored one"
    )
    d.add_argument("--campaign", required=True, help="the campaign's name")
    d.add_argument("--verify", action="store_true", help="re-run the stored draw and say whether it matches")
    d.add_argument("--seed", help="the seed (any text); stored with the draw")
    d.add_argument("--per-agency", type=_positive, help="files per agency")
    d.add_argument("--percent", type=_percent, help="percent of each agency's eligible files (rounded up)")
    d.add_argument("--agency", action="append", default=[], help="only this agency (repeatable)")
    d.add_argument("--category", action="append", default=[], help="案件类别 (repeatable; default 行政处罚)")
    d.add_argument("--closed-from", type=as_of, help="files closed (结案日期) on or after this date")
    d.add_argument("--closed-to", type=as_of, help="files closed on or before this date")
    d.add_argument("--reviewers", help="reviewers' user names, comma-separated")
    d.add_argument("--double", action="store_true", help="two reviewers score each file")
    d.add_argument("--weights", default="50/50", help="weights of the two scores in percent (default 50/50)")
    d.add_argument("--require-dossier", action="store_true", help="only files with an electronic dossier")
    d.add_argument(
        "--exclude-recent", type=int, default=0, help="leave out files reviewed in the last N campaigns"
    )
    d.add_argument(
        "--rubric",
        action="append",
        default=[],
        help="standard for a category as CATEGORY=CODE (default: the newest that applies)",
    )
    d.set_defaults(handler=cmd_review_draw, needs_user=True)
    e = review.add_parser("export", help="campaign scores, deductions, agencies and rechecks as a workbook")
    e.add_argument("--campaign", required=True)
    e.add_argument("--out", required=True, help="the .xlsx to write")
    e.set_defaults(handler=cmd_review_export, needs_user=True)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _percent(text: str) -> Decimal:
    try:
        value = Decimal(text.rstrip("%"))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a percentage: {text}") from None
    if not (0 < value <= 100):
        raise argparse.ArgumentTypeError("must be above 0 and at most 100")
    return value


def cmd_rubric_import(run: Run, actor: Actor) -> int:
    from desktop.review.rubrics import import_rubric

    result = import_rubric(run.store, actor, Path(run.args.file))
    r = result.rubric
    run.emit(
        {"code": r.code, "version": r.version, "id": r.id, "outcome": result.outcome, "name": r.name},
        lambda: [
            translate("cli", QT_TRANSLATE_NOOP("cli", "{outcome}: {code} v{version} {name}")).format(
                outcome=translate("cli", _OUTCOMES[result.outcome]),
                code=r.code,
                version=r.version,
                name=r.name,
            )
        ],
    )
    return EXIT_OK


_OUTCOMES = {
    "new": QT_TRANSLATE_NOOP("cli", "Imported"),
    "version": QT_TRANSLATE_NOOP("cli", "Imported as a new version (the old one scored files)"),
    "updated": QT_TRANSLATE_NOOP("cli", "Replaced (no file was scored with it)"),
    "unchanged": QT_TRANSLATE_NOOP("cli", "Unchanged"),
}


def cmd_rubric_list(run: Run, actor: Actor) -> int:
    from desktop.review.rubrics import list_rubrics

    rows = list_rubrics(run.store, actor)
    items = [
        {
            "id": r.id,
            "code": r.code,
            "version": r.version,
            "name": r.name,
            "applies_to": list(r.applies_to),
            "total": float(r.total),
            "default": r.is_default,
            "used": r.used,
            "deductions": r.deductions,
            "vetoes": r.vetoes,
        }
        for r in rows
    ]
    run.emit(
        {"items": items, "total": len(items)},
        lambda: [
            *table(
                ["编号", "版本", "名称", "适用", "总分", "扣分项", "否决项", "默认", "已使用"],
                [
                    [
                        r.code,
                        r.version,
                        r.name,
                        "、".join(r.applies_to),
                        r.total,
                        r.deductions,
                        r.vetoes,
                        "是" if r.is_default else "",
                        "是" if r.used else "",
                    ]
                    for r in rows
                ],
            ),
            total_line(len(rows), len(rows)),
        ],
    )
    return EXIT_OK


def cmd_review_draw(run: Run, actor: Actor) -> int:
    if run.args.verify:
        return _verify(run, actor)
    from desktop.review.campaigns import create_campaign
    from desktop.review.dto import CampaignSpec

    a = run.args
    missing = [
        flag
        for flag, value in (
            ("--seed", a.seed),
            ("--closed-from", a.closed_from),
            ("--closed-to", a.closed_to),
            ("--reviewers", a.reviewers),
        )
        if not value
    ]
    if a.per_agency is None and a.percent is None:
        missing.append("--per-agency or --percent")
    if missing:
        run.err.write(
            translate("cli", QT_TRANSLATE_NOOP("cli", "review draw needs {flags}.")).format(
                flags=", ".join(missing)
            )
            + "\n"
        )
        return EXIT_USAGE
    first_weight = _first_weight(a.weights) if a.double else 100
    if first_weight is None:
        run.err.write(
            translate(
                "cli",
                QT_TRANSLATE_NOOP("cli", "--weights must be two percentages adding up to 100, like 50/50."),
            )
            + "\n"
        )
        return EXIT_USAGE
    spec = CampaignSpec(
        name=a.campaign,
        seed=a.seed,
        closed_from=a.closed_from,
        closed_to=a.closed_to,
        reviewers=tuple(n.strip() for n in a.reviewers.split(",") if n.strip()),
        categories=tuple(a.category) or ("行政处罚",),
        rubrics=_rubric_choices(run, actor, a.rubric),
        agency_ids=_agency_ids(run, a.agency),
        per_agency=a.per_agency,
        percent=a.percent,
        exclude_recent=a.exclude_recent,
        require_dossier=a.require_dossier,
        double=a.double,
        first_weight=first_weight,
    )
    result = create_campaign(run.store, actor, spec, run.args.as_of)
    items = [{"case_no": i.case_no, "agency": i.agency, "reviewers": list(i.reviewers)} for i in result.items]
    c = result.campaign
    run.emit(
        {
            "campaign": c.name,
            "seed": c.seed,
            "population": c.population_size,
            "population_sha256": c.population_sha256,
            "items": items,
        },
        lambda: [
            translate(
                "cli",
                QT_TRANSLATE_NOOP(
                    "cli", "Campaign {name}: seed {seed}, {n} eligible files, fingerprint {sha}"
                ),
            ).format(name=c.name, seed=c.seed, n=c.population_size, sha=c.population_sha256),
            *table(
                ["执法主体", "案号", "评查人", "卷宗"],
                [
                    [i.agency, i.case_no, "、".join(i.reviewers), "纸质" if i.paper else "电子"]
                    for i in result.items
                ],
            ),
            total_line(len(items), len(items)),
        ],
    )
    return EXIT_OK


def _verify(run: Run, actor: Actor) -> int:
    from desktop.review.campaigns import verify_draw

    check = verify_draw(run.store, actor, run.args.campaign)
    document = {
        "campaign": check.campaign,
        "seed": check.seed,
        "matches": check.matches,
        "population_unchanged": check.population_unchanged,
        "population_sha256": check.population_sha256,
        "population": check.population_size,
        "added": list(check.added),
        "removed": list(check.removed),
        "missing": list(check.missing),
        "extra": list(check.extra),
    }

    def lines() -> list[str]:
        out = [
            translate(
                "cli", QT_TRANSLATE_NOOP("cli", "The draw matches: the seed gives exactly the stored files.")
            )
            if check.matches
            else translate(
                "cli", QT_TRANSLATE_NOOP("cli", "The draw does NOT match the seed and the stored population.")
            )
        ]
        if check.population_unchanged:
            out.append(
                translate("cli", QT_TRANSLATE_NOOP("cli", "The register still gives the same population."))
            )
        else:
            out.append(
                translate(
                    "cli",
                    QT_TRANSLATE_NOOP(
                        "cli", "The register changed since the draw: {added} files added, {removed} removed."
                    ),
                ).format(added=len(check.added), removed=len(check.removed))
            )
        out += [f"  + {k}" for k in check.added[:20]] + [f"  - {k}" for k in check.removed[:20]]
        return out

    run.emit(document, lines)
    return EXIT_OK if check.matches else EXIT_REFUSED


def cmd_review_export(run: Run, actor: Actor) -> int:
    from desktop.review.campaigns import find_campaign
    from desktop.review.exchange import export_results

    with run.store.reading() as session:
        campaign_id = find_campaign(session, run.args.campaign).id
    n = export_results(run.store, actor, campaign_id, run.args.out)
    run.emit(
        {"campaign": run.args.campaign, "files": n, "out": str(run.args.out)},
        lambda: [
            translate("cli", QT_TRANSLATE_NOOP("cli", "Wrote {n} files to {out}.")).format(
                n=n, out=run.args.out
            )
        ],
    )
    return EXIT_OK


def _first_weight(text: str) -> int | None:
    try:
        a, b = (int(p) for p in text.replace("%", "").split("/"))
    except ValueError:
        return None
    return a if a + b == 100 and 1 <= a <= 99 else None


def _agency_ids(run: Run, names: list[str]) -> tuple[int, ...]:
    from desktop.personnel.lookup import find_agency

    with run.store.reading() as session:
        return tuple(find_agency(session, n).id for n in names)


def _rubric_choices(run: Run, actor: Actor, choices: list[str]) -> tuple[tuple[str, int], ...]:
    from desktop.core.errors import ValidationError
    from desktop.review.rubrics import list_rubrics

    if not choices:
        return ()
    rows = list_rubrics(run.store, actor, latest_only=True)
    out = []
    for choice in choices:
        category, _, code = choice.partition("=")
        found = next((r for r in rows if r.code == code.strip()), None)
        if found is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "No standard with code {code}."),
                field="rubric",
                code=code.strip(),
            )
        out.append((category.strip(), found.id))
    return tuple(out)
