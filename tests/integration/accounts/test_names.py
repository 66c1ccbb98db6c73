"""People shown by their display names: one query for a whole page, the login name for a name with
no account."""

from __future__ import annotations

from sqlalchemy import event

from desktop.accounts import names
from desktop.accounts.names import display_names, shown
from desktop.accounts.service import UserInput, create_user
from desktop.core.security import Actor, Role
from desktop.models.db import Store

PASSWORD = "Review-2026x"


def test_display_names_are_read_in_one_query_and_unknown_names_stand_for_themselves(
    store: Store, admin: Actor, monkeypatch
) -> None:
    create_user(store, admin, UserInput("zhangsan", Role.REVIEWER, "张三"), PASSWORD)
    create_user(store, admin, UserInput("lisi", Role.REVIEWER, "李四"), PASSWORD)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with store.reading() as session:
        found = display_names(session, ["zhangsan", "lisi", "zhangsan", "gone", None, ""])
    assert found == {"zhangsan": "张三", "lisi": "李四", "gone": "gone"}
    assert len([s for s in statements if "users" in s]) == 1
    assert (shown(found, "lisi"), shown(found, "other"), shown(found, None)) == ("李四", "other", "")
    monkeypatch.setattr(names, "CHUNK", 1)  # a long page: a query per chunk, still not per row of the page
    with store.reading() as session:
        assert display_names(session, ["zhangsan", "lisi"]) == {"zhangsan": "张三", "lisi": "李四"}
    with store.reading() as session:
        assert display_names(session, []) == {}
