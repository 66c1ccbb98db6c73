"""Run the benchmarks and print each figure with its ratio to a baseline measured in the same run.

    python -m bench                      # everything (≈ 1–2 minutes)
    python -m bench --only officers      # startup, officers, excel
    python -m bench --officers 20000     # a smaller register
    python -m bench --only cases         # the case register over 1,000,000 cases
    python -m bench --only search        # only its searches of 1 and 2 characters (鑫源, 鑫)
    python -m bench --only review        # the dossier viewer, the annotated export, the draw
    python -m bench --only exam          # papers drawn and stored, paper PDFs, grading, analysis
    python -m bench --only certs         # certificate states and warnings, cards, training import
    python -m bench --only footage       # footage import and verify of 2 GB, the library over 1,000,000 rows
    python -m bench --only powers        # a plan over 200,000 targets, discretion over 1,000,000 cases, a party
    python -m bench --only reports       # dashboard, assessment of 50 agencies, annual report over 1,000,000 cases

(b) and (d) also run on PostgreSQL when ``DESK_TEST_PG_URL`` is set (temporary schemas, dropped after).
The table is also written to bench/out/results.json. Exit code 0 even when a figure is OVER its
target (a benchmark informs; the tests decide), 1 when a benchmark could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # python bench/run.py
    sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    cases,
    certs,
    exam,
    excel,
    footage,
    officers,
    powers,
    reports,
    review_draw,
    review_export,
    review_viewer,
    startup,
)
from bench.timing import Result, table  # noqa: E402

PARTS = (
    "startup",
    "officers",
    "excel",
    "cases",
    "search",
    "review",
    "exam",
    "certs",
    "footage",
    "powers",
    "reports",
)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the chosen parts, print the table."""
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--only", action="append", choices=PARTS, help="run only this part (repeatable)")
    p.add_argument("--officers", type=int, default=100_000, help="officers in the register (b)")
    p.add_argument("--import-rows", type=int, default=10_000, help="officers in the workbook (c)")
    p.add_argument("--cases", type=int, default=1_000_000, help="cases in the register (d)")
    p.add_argument(
        "--warning-cases", type=int, default=100_000, help="cases in the register whose warnings (d) lists"
    )
    p.add_argument("--case-import-rows", type=int, default=10_000, help="cases in the workbook (d)")
    p.add_argument("--exam-pdfs", type=int, default=1_000, help="paper PDFs written (f; scaled to 1,000)")
    p.add_argument("--cards", type=int, default=1_000, help="cards in one PDF (f)")
    p.add_argument("--training-rows", type=int, default=20_000, help="attendance rows in the workbook (f)")
    p.add_argument(
        "--footage-mb", type=int, default=2048, help="megabytes of recordings imported and verified (f)"
    )
    p.add_argument(
        "--footage-rows", type=int, default=1_000_000, help="file rows under the library's first screen (f)"
    )
    p.add_argument("--repeat", type=int, default=5, help="timed repetitions (medians are shown)")
    p.add_argument("--no-postgresql", action="store_true", help="skip (b) and (d) on PostgreSQL")
    args = p.parse_args(argv)
    parts = args.only or list(PARTS)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[Result] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        folder = Path(tmp)
        os.environ["DESK_DATA_DIR"] = str(folder / "data")  # nothing lands in the user's folder
        if "startup" in parts:
            print("(a) start to main window …", flush=True)
            results += startup.run(folder, max(3, args.repeat // 2 + 1))
        if "officers" in parts:
            print(f"(b) officers table over {args.officers:,} officers …", flush=True)
            results += officers.run_sqlite(folder, args.officers, args.repeat)
            url = os.environ.get("DESK_TEST_PG_URL", "")
            if url and not args.no_postgresql:
                results += officers.run_postgresql(url, args.officers, args.repeat)
            elif not url:
                print("  PostgreSQL: skipped (DESK_TEST_PG_URL is not set)")
        if "excel" in parts:
            print(f"(c) Excel import of {args.import_rows:,} officers …", flush=True)
            results += excel.run(folder, args.import_rows)
        if "cases" in parts:
            print(f"(d) case register over {args.cases:,} cases …", flush=True)
            results += cases.run_sqlite(
                folder, args.cases, args.warning_cases, args.case_import_rows, args.repeat
            )
            url = os.environ.get("DESK_TEST_PG_URL", "")
            if url and not args.no_postgresql:
                results += cases.run_postgresql(
                    url, folder, args.cases, args.warning_cases, args.case_import_rows, args.repeat
                )
            elif not url:
                print("  PostgreSQL: skipped (DESK_TEST_PG_URL is not set)")
        if "search" in parts and "cases" not in parts:
            print(f"(d) searches of 1 and 2 characters over {args.cases:,} cases …", flush=True)
            results += cases.run_search_sqlite(folder, args.cases, args.repeat)
            url = os.environ.get("DESK_TEST_PG_URL", "")
            if url and not args.no_postgresql:
                results += cases.run_search_postgresql(url, args.cases, args.repeat)
            elif not url:
                print("  PostgreSQL: skipped (DESK_TEST_PG_URL is not set)")
        if "review" in parts:
            print("(e) case-file review: the dossier viewer, the annotated export, the draw …", flush=True)
            results += review_viewer.run(folder, args.repeat)
            results += review_export.run(folder, args.repeat)
            results += review_draw.run_sqlite(folder, args.cases, args.repeat)
            url = os.environ.get("DESK_TEST_PG_URL", "")
            if url and not args.no_postgresql:
                results += review_draw.run_postgresql(url, args.cases, args.repeat)
            elif not url:
                print("  PostgreSQL: skipped (DESK_TEST_PG_URL is not set)")
        if "exam" in parts:
            print("(f) exams: 1,000 papers, their PDFs, grading, analysis …", flush=True)
            results += exam.run(folder, args.exam_pdfs)
        if "certs" in parts:
            print(f"(f) qualifications over {args.officers:,} officers …", flush=True)
            results += certs.run(folder, args.officers, args.cards, args.training_rows, args.repeat)
        if "powers" in parts:
            print(
                "(f) powers: a plan over 200,000 targets, the rules over 1,000,000 cases, a party …",
                flush=True,
            )
            results += powers.run(folder)
        if "reports" in parts:
            print(
                f"(g) reports over {args.cases:,} cases: the dashboard, the assessment, the annual statistics …",
                flush=True,
            )
            results += reports.run(folder, args.cases, max(1, args.repeat // 2))
        if "footage" in parts:
            print(
                f"(f) footage: import and verify of {args.footage_mb:,} MB, library over {args.footage_rows:,} rows …",
                flush=True,
            )
            results += footage.run_sqlite(folder, args.footage_mb, args.footage_rows, args.repeat)
            url = os.environ.get("DESK_TEST_PG_URL", "")
            if url and not args.no_postgresql:
                results += footage.run_postgresql(
                    url, folder, args.footage_mb, args.footage_rows, args.repeat
                )
            elif not url:
                print("  PostgreSQL: skipped (DESK_TEST_PG_URL is not set)")
    print()
    print(table(results))
    load = (
        f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    )  # others' work skews
    print(
        f"\n{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{time.perf_counter() - started:.0f} s in all{load}"
    )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(
        json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return 1 if any(r.verdict == "n/a" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
