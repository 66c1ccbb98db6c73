"""How long a register import holds SQLite's write lock (issue 16 item 12): 40,000 new cases into a
register of 1,000, timed from BEGIN IMMEDIATE to COMMIT on the import's connection, beside the
whole import. ``python -m bench.import_lock [ROWS]``."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench.case_register import sqlite_register
from bench.cases import write_case_workbook
from desktop.cases.exchange import import_cases


def main(rows: int = 40_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, actor, county = sqlite_register(folder, 1_000)
        path = write_case_workbook(folder / "cases.xlsx", county, rows)
        held: list[float] = []
        began: list[float] = []

        @event.listens_for(store.engine, "begin")
        def on_begin(conn: Any) -> None:
            if conn.get_execution_options().get("desk_write"):
                began.append(time.perf_counter())

        @event.listens_for(store.engine, "commit")
        def on_commit(conn: Any) -> None:
            if began:
                held.append(time.perf_counter() - began.pop())

        started = time.perf_counter()
        result = import_cases(store, actor, path, dossier_folder=folder)
        total = time.perf_counter() - started
        assert result.imported == rows, result
        lock = max(held)
        print(
            f"import of {rows:,} cases: write lock held {lock:.2f} s = {lock / total:.2f}x the whole "
            f"import's {total:.1f} s (busy wait of other workstations: 10 s, then they wait for the import)"
        )
        store.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40_000)
