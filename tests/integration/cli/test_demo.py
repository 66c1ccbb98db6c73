"""``demo`` as CLI.md writes it: the demo county's counts, then nothing more on a second run, and
the lists of the county it made in the documented shapes.

The county is the one the "demo" test process loads once per database with ``load_demo``, the
function ``demo`` runs (tests/helpers/stores.py); ``demo`` itself runs on a copy of it, where it
must add nothing."""

from __future__ import annotations

import pytest

from desktop.demo.personnel import DEMO_PASSWORD
from desktop.models.db import Store
from tests.helpers.cli import Desk
from tests.helpers.stores import DemoTemplate


@pytest.mark.xdist_group("demo")  # one process builds the demo stores once
@pytest.mark.sqlite_only  # a copy to run `demo` on; the load on PostgreSQL: tests/integration/demo/test_county.py
def test_demo_counts_what_it_adds_adds_nothing_again_and_lists_have_the_documented_shape(
    demo_store: tuple[Store, DemoTemplate], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, template = demo_store
    first = template.summary.as_dict()  # what `demo --json` printed when it loaded the county
    assert first["agencies"] >= 10 and first["officers"] >= 150 and first["accounts"] == 8
    assert first["cases"] > 4500 and first["campaigns"] == 2 and first["questions"] >= 40
    assert first["footage"] > 500 and first["password"] == DEMO_PASSWORD
    desk = Desk(str(store.url), monkeypatch)
    assert desk.json("demo") == {
        "agencies": 0,
        "officers": 0,
        "accounts": 0,
        "cases": 0,
        "dossiers": 0,
        "campaigns": 0,
        "questions": 0,
        "footage": 0,
        "password": None,
    }
    code, out, _err = desk("demo")
    assert code == 0 and "Demo county: 0 agencies, 0 officers and 0 accounts added." in out
    agencies = desk.json("agencies", "list")
    assert agencies["total"] == len(agencies["items"]) >= 10
    assert set(agencies["items"][0]) >= {"name", "short_name", "credit_code", "field", "level"}
    page = desk.json("officers", "list", "--limit", "5", "--offset", "10")
    assert len(page["items"]) == 5 and page["total"] >= 150
    assert "*" in page["items"][0]["id_number"]
    expiring = desk.json("officers", "list", "--cert-state", "expiring")
    assert expiring["total"] > 0 and all(o["cert_state"] == "expiring" for o in expiring["items"])
    users = desk.json("users", "list")
    assert {u["role"] for u in users["items"]} == {
        "admin",
        "supervisor",
        "reviewer",
        "trainer",
        "clerk",
        "agency",
    }
