"""What a commit changed: collected around a piece of work, per thread, nowhere outside one."""

from __future__ import annotations

import threading

from desktop.core.changes import Changes, collecting, report


def test_reports_go_to_the_collector_around_the_work_only() -> None:
    report("cases")  # nobody collects: nothing happens
    with collecting() as outer:
        report("cases", "audit")
        with collecting() as inner:
            report("officers")
        report()
    assert outer.changes == Changes(frozenset({"cases", "audit"}))
    assert inner.changes.kinds == {"officers"}
    assert outer.changes.touches({"audit", "users"}) and not outer.changes.touches({"users"})
    assert not Changes() and (Changes(frozenset({"a"})) | Changes(frozenset({"b"}))).kinds == {"a", "b"}


def test_each_thread_collects_its_own() -> None:
    seen: dict[str, frozenset[str]] = {}
    ready = threading.Barrier(2)

    def work(kind: str) -> None:
        with collecting() as collector:
            ready.wait()
            report(kind)
            ready.wait()
        seen[kind] = collector.changes.kinds

    threads = [threading.Thread(target=work, args=(k,)) for k in ("cases", "users")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {"cases": frozenset({"cases"}), "users": frozenset({"users"})}
