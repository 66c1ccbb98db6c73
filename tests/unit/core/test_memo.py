"""The store's memo: kept for a while, dropped by prefix or by the kinds it depends on, and safe to
use from several threads at once."""

from __future__ import annotations

import threading

from desktop.core.memo import Memo


class Ticks:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_answer_is_kept_until_its_time_is_up() -> None:
    ticks = Ticks()
    memo = Memo(10.0, clock=ticks)
    memo.put(("a", 1), "one")
    ticks.now = 9.9
    assert memo.get(("a", 1)) == "one" and ("a", 1) in memo
    ticks.now = 10.0
    assert memo.get(("a", 1)) is None and len(memo) == 0
    memo.put(("a", 2), "two", ttl=1.0)
    ticks.now = 11.5
    assert memo.get(("a", 2), "gone") == "gone"


def test_drop_by_prefix_and_by_kinds() -> None:
    memo = Memo()
    memo.put(("warnings", 1), 1, kinds={"cases", "warnings"})
    memo.put(("warnings", 2), 2, kinds={"cases"})
    memo.put(("other", 1), 3, kinds={"officers"})
    assert memo.changed({"audit"}) == 0
    assert memo.changed({"warnings"}) == 1 and memo.get(("warnings", 2)) == 2
    assert memo.drop(("warnings",)) == 1 and memo.get(("other", 1)) == 3
    assert memo.drop() == 1 and len(memo) == 0


def test_keep_holds_only_the_newest_answers_of_a_prefix() -> None:
    memo = Memo()
    for n in range(5):
        memo.put(("sets", n), n, keep=3)
    memo.put(("else",), "x", keep=3)
    assert [memo.get(("sets", n)) for n in range(5)] == [None, None, 2, 3, 4]
    assert memo.get(("else",)) == "x"


def test_threads_reading_writing_and_dropping_at_once_never_break_it() -> None:
    memo = Memo()
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def writer(n: int) -> None:
        start.wait()
        for i in range(2_000):
            memo.put(("w", n, i % 50), i, kinds={"cases"}, keep=40)

    def reader() -> None:
        start.wait()
        for i in range(2_000):
            value = memo.get(("w", i % 2, i % 50))
            assert value is None or isinstance(value, int)
            assert len(memo) >= 0

    def dropper() -> None:
        start.wait()
        for i in range(1_000):
            memo.changed({"cases"}) if i % 2 else memo.drop(("w",))

    def guarded(fn, *args) -> None:  # type: ignore[no-untyped-def]
        try:
            fn(*args)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(writer, n)) for n in range(2)]
    threads += [threading.Thread(target=guarded, args=(reader,)) for _ in range(3)]
    threads.append(threading.Thread(target=guarded, args=(dropper,)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len([k for k in range(50) if ("w", 0, k) in memo]) <= 40
