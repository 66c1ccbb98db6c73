"""Timing helpers and the result table: every figure beside a baseline measured in the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Result:
    """One benchmark: its figure and target, the baseline and what the baseline is (seconds)."""

    name: str
    figure: float | None
    target: float | None
    baseline: float | None
    baseline_what: str
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """The figure divided by the baseline."""
        if self.figure is None or not self.baseline:
            return None
        return self.figure / self.baseline

    @property
    def verdict(self) -> str:
        """PASS, OVER (missed the target), n/a (could not be measured) or info (no target)."""
        if self.figure is None:
            return "n/a"
        if self.target is None:
            return "info"
        return "PASS" if self.figure <= self.target else "OVER"

    def as_dict(self) -> dict[str, Any]:
        """For bench/out/results.json."""
        return {**asdict(self), "ratio": self.ratio, "verdict": self.verdict}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call of ``fn`` took, and what it returned."""
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def cold_and_median(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float]:
    """The first call's time, and the median of ``repeat`` calls after it."""
    cold, _ = timed(fn)
    return cold, statistics.median(timed(fn)[0] for _ in range(repeat))


def seconds(value: float | None) -> str:
    """1.234 s, 56.7 ms or 890 µs."""
    if value is None:
        return "—"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.001:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1_000_000:.0f} µs"


def table(results: list[Result]) -> str:
    """The results as an aligned text table."""
    rows = [("benchmark", "figure", "target", "baseline", "ratio", "")]
    for r in results:
        rows.append(
            (
                r.name,
                seconds(r.figure),
                "≤ " + seconds(r.target) if r.target else "—",
                seconds(r.baseline),
                f"{r.ratio:.1f}×" if r.ratio is not None else "—",
                r.verdict,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if n == 0:
            lines.append("-" * len(lines[0]))
    notes = [f"  {r.name}: baseline = {r.baseline_what}" + (f"; {r.note}" if r.note else "") for r in results]
    return "\n".join(lines + ["", *notes])
