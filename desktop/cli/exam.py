"""The exam commands of the command line (CLI.md): ``bank import | list | export`` (题库) and
``exam generate | grade | results | analysis | sittings``."""

from __future__ import annotations

from typing import Any

from desktop.cli.output import EXIT_OK, import_lines, table, total_line
from desktop.cli.parser import actions, import_parser, list_parser, list_query
from desktop.cli.runner import Run
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor


def add_parsers(sub: Any) -> None:
    """``bank`` and ``exam`` with their actions."""
    bank = actions(sub, "bank", "题库 (question bank)")
    import_parser(bank, cmd_bank_import, "import questions (FORMATS.md §3)")
    bl = list_parser(bank, "list", cmd_bank_list, "list the bank's questions")
    bl.add_argument("--type", choices=["单选题", "多选题", "判断题"], help="only this question type")
    bl.add_argument("--category", help="only this category")
    bl.add_argument("--difficulty", choices=["易", "中", "难"], help="only this difficulty")
    bl.add_argument("--all", action="store_true", help="also retired and superseded versions")
    be = bank.add_parser("export", help="export the bank in the import layout")
    be.add_argument("--out", required=True, help="the .xlsx to write")
    be.set_defaults(handler=cmd_bank_export, needs_user=True)

    exam = actions(sub, "exam", "考试 (exams)")
    g = exam.add_parser(
        "generate", help="papers as PDF plus answer keys, stored as a sitting (FORMATS.md §7–§9)"
    )
    g.add_argument("--blueprint", required=True, help="the blueprint (.json, FORMATS.md §7)")
    g.add_argument("--seed", required=True, help="the seed of the draw (stored with the sitting)")
    g.add_argument("--candidates", required=True, help="the candidates (.xlsx, FORMATS.md §8)")
    g.add_argument("--out", required=True, help="the folder to write the papers, answer sheet and keys to")
    g.add_argument("--name", help="the exam's name (default: the blueprint's)")
    g.set_defaults(handler=cmd_exam_generate, needs_user=True)
    c = exam.add_parser("check", help="check a blueprint against the bank")
    c.add_argument("--blueprint", required=True)
    c.set_defaults(handler=cmd_exam_check, needs_user=True)
    gr = exam.add_parser("grade", help="auto-grade answer sheets (FORMATS.md §8)")
    gr.add_argument("--sitting", required=True, type=int)
    gr.add_argument("--answers", required=True, help="the answer sheets (.xlsx)")
    gr.set_defaults(handler=cmd_exam_grade, needs_user=True)
    r = exam.add_parser("results", help="results per candidate")
    r.add_argument("--sitting", required=True, type=int)
    r.add_argument("--paper", help="one paper question by question")
    r.set_defaults(handler=cmd_exam_results, needs_user=True)
    a = exam.add_parser("analysis", help="item analysis (facility, discrimination, distractors)")
    a.add_argument("--sitting", required=True, type=int)
    a.add_argument("--out", required=True, help="the .xlsx to write")
    a.set_defaults(handler=cmd_exam_analysis, needs_user=True)
    s = exam.add_parser("sittings", help="list the sittings")
    s.set_defaults(handler=cmd_exam_sittings, needs_user=True)


def cmd_bank_import(run: Run, actor: Actor) -> int:
    """Import questions."""
    from desktop.exam.bank_exchange import import_questions

    result = import_questions(run.store, actor, run.args.file)
    run.emit(result.as_dict(), import_lines(result))
    return EXIT_OK


def cmd_bank_list(run: Run, actor: Actor) -> int:
    """List questions."""
    from desktop.exam.bank import list_questions

    a = run.args
    page = list_questions(
        run.store,
        actor,
        list_query(a, type=a.type, category=a.category, difficulty=a.difficulty, all=a.all),
    )
    items = [q.as_dict() for q in page.items]
    run.emit(
        {"items": items, "total": page.total},
        lambda: [
            *table(
                ["编号", "题型", "分类", "难度", "答案", "题干"],
                [
                    [i["id"], i["type"], i["category"], i["difficulty"], i["answer"], i["stem"][:40]]
                    for i in items
                ],
            ),
            total_line(page.total, len(items)),
        ],
    )
    return EXIT_OK


def cmd_bank_export(run: Run, actor: Actor) -> int:
    """Export the bank."""
    from desktop.core.paging import ListQuery
    from desktop.exam.bank_exchange import export_questions

    count = export_questions(run.store, actor, ListQuery(), run.args.out)
    run.emit(
        {"exported": count, "file": run.args.out},
        lambda: [
            translate("cli", QT_TRANSLATE_NOOP("cli", "{count} question(s) written to {file}.")).format(
                count=count, file=run.args.out
            )
        ],
    )
    return EXIT_OK


def cmd_exam_check(run: Run, actor: Actor) -> int:
    """Check a blueprint against the bank (exit 1 naming what is short)."""
    from desktop.exam.blueprints import load_blueprint
    from desktop.exam.sittings import check_blueprint

    bp = load_blueprint(run.args.blueprint)
    check_blueprint(run.store, actor, bp)
    run.emit(
        {"ok": True, "questions": bp.question_count, "points": bp.total_points},
        lambda: [translate("cli", QT_TRANSLATE_NOOP("cli", "The bank can fill this blueprint."))],
    )
    return EXIT_OK


def cmd_exam_generate(run: Run, actor: Actor) -> int:
    """Generate a sitting."""
    from desktop.exam.blueprints import load_blueprint
    from desktop.exam.dto import number
    from desktop.exam.sittings import generate

    a = run.args
    bp = load_blueprint(a.blueprint)
    sitting = generate(run.store, actor, bp, a.seed, a.candidates, a.out, name=a.name)
    run.emit(
        sitting.as_dict(),
        lambda: [
            translate(
                "cli", QT_TRANSLATE_NOOP("cli", "Sitting {id}: {count} paper(s) written to {out}.")
            ).format(id=sitting.id, count=len(sitting.papers), out=a.out),
            *table(
                ["试卷号", "姓名", "身份证号", "题数", "分值"],
                [[p.paper_no, p.name, p.id_number, p.questions, number(p.points)] for p in sitting.papers],
            ),
        ],
    )
    return EXIT_OK


def _result_rows(items: list[dict]) -> list[str]:
    return table(
        ["试卷号", "姓名", "身份证号", "得分", "合格"],
        [
            [
                i["paper_no"],
                i.get("name", ""),
                i["id_number"],
                i["score"],
                {True: "是", False: "否"}.get(i["passed"], ""),
            ]
            for i in items
        ],
    )


def cmd_exam_grade(run: Run, actor: Actor) -> int:
    """Grade answer sheets."""
    from desktop.exam.dto import number
    from desktop.exam.grading import grade

    out = grade(run.store, actor, run.args.sitting, run.args.answers)
    items = [
        {"paper_no": r.paper_no, "id_number": r.id_number, "score": number(r.score or 0), "passed": r.passed}
        for r in out
    ]
    run.emit(
        {"items": items, "total": len(items)},
        lambda: [*_result_rows(items), total_line(len(items), len(items))],
    )
    return EXIT_OK


def cmd_exam_results(run: Run, actor: Actor) -> int:
    """Results per candidate (or one paper question by question)."""
    from desktop.exam.dto import number
    from desktop.exam.grading import results

    out = results(run.store, actor, run.args.sitting, with_items=bool(run.args.paper))
    if run.args.paper:
        out = tuple(r for r in out if r.paper_no == run.args.paper)
    items = []
    for r in out:
        d = r.as_dict()
        if run.args.paper:
            d["questions"] = [
                {
                    "number": i.position,
                    "question": i.question_id,
                    "type": i.type,
                    "given": i.given,
                    "key": i.key,
                    "points": number(i.points),
                    "earned": None if i.earned is None else number(i.earned),
                }
                for i in r.items
            ]
        items.append(d)
    run.emit(
        {"items": items, "total": len(items)},
        lambda: [*_result_rows(items), total_line(len(items), len(items))],
    )
    return EXIT_OK


def cmd_exam_analysis(run: Run, actor: Actor) -> int:
    """Item analysis to a workbook."""
    from desktop.exam.analysis import export_analysis

    report = export_analysis(run.store, actor, run.args.sitting, run.args.out)
    run.emit(
        report.as_dict(),
        lambda: [
            translate(
                "cli",
                QT_TRANSLATE_NOOP(
                    "cli",
                    "{graded} graded paper(s): mean {mean}, median {median}, pass rate {rate}. Written to {file}.",
                ),
            ).format(
                graded=report.graded,
                mean=report.mean,
                median=report.median,
                rate=report.pass_rate,
                file=run.args.out,
            )
        ],
    )
    return EXIT_OK


def cmd_exam_sittings(run: Run, actor: Actor) -> int:
    """List the sittings."""
    from desktop.exam.sittings import list_sittings

    out = list_sittings(run.store, actor)
    items = [
        {
            "id": s.id,
            "name": s.name,
            "seed": s.seed,
            "minutes": s.minutes,
            "pass_mark": s.pass_mark,
            "points": s.total_points,
            "created_at": s.created_at,
            "graded": s.graded,
            "passed": s.passed,
        }
        for s in out
    ]
    run.emit(
        {"items": items, "total": len(items)},
        lambda: table(
            ["编号", "名称", "种子", "已评", "合格"],
            [[i["id"], i["name"], i["seed"], i["graded"], i["passed"]] for i in items],
        ),
    )
    return EXIT_OK
