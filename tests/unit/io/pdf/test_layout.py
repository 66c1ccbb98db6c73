"""Tests for desktop.io.pdf.layout: page breaks with a running head and a repeated table header,
the Chinese written date (plain Python, no PDF)."""

from __future__ import annotations

from datetime import date

from desktop.io.pdf.layout import BOTTOM, TOP, Block, Flow, written_date


def test_the_written_date_or_blanks_to_fill_in_by_hand() -> None:
    assert written_date(date(2026, 3, 5)) == "2026年3月5日"
    assert written_date(None) == "\u3000\u3000年\u3000\u3000月\u3000\u3000日"


def test_continuation_pages_start_with_the_running_head_and_the_repeated_header() -> None:
    header = Block(30, [("t", 72, 10, "header", 10, "b")])
    rows = [Block(100, [("t", 72, 10, f"row {n}", 10, "n")]) for n in range(12)]
    flow = Flow(running="(continued)")
    flow.add([Block(40, [])])
    flow.repeat = [header]
    expected = flow.pages_if(rows)
    for block in rows:
        flow.add([block])
    assert len(flow.pages) == expected > 1
    first, *rest = flow.pages
    assert not any(op[3] in ("(continued)", "header") for op in first)
    for page in rest:
        assert page[0][3] == "(continued)" and page[0][2] == TOP - 24
        assert page[1][3] == "header" and page[1][2] == TOP + 10
        assert all(op[2] <= BOTTOM for op in page)


def test_a_gap_is_dropped_at_the_top_of_a_page_and_kept_runs_move_together() -> None:
    flow = Flow()
    flow.gap(50)
    assert flow.y == TOP
    room = BOTTOM - TOP
    flow.add([Block(room - 60, [])])
    flow.add([Block(40, [], keep=True), Block(40, [])])  # together they do not fit: both move
    assert len(flow.pages) == 2 and flow.y == TOP + 80
